/**
 * Cohort figures in expressions (`cohort.max(x)`, `cohort.rescale(x, 0, 10)`): the
 * statistic's name and arguments, where a cohort figure may stand, and the proof that
 * no argument depends on a cohort figure — directly or through a chain of lets — so
 * every figure is computed from arguments that are known before it (no cycle).
 * @module
 */
import type { Expr } from "../syntax/ast.js";
import { makeDiagnostic } from "../diagnostics.js";
import { expect, value, type Scope, type Ty } from "./types.js";
import { closest } from "./walk.js";

/** The cohort statistics and the number of arguments each takes. */
export const COHORT_STATS: Readonly<Record<string, number>> = { max: 1, min: 1, mean: 1, percentile: 1, rescale: 3 };

const NUM: Ty = { k: "num" };
const UNKNOWN: Ty = { k: "unknown" };

/** A literal number as written (`10`, `-5`, `80%`), or undefined for anything else. */
function literal(e: Expr): number | undefined {
  if (e.kind === "Paren") return literal(e.inner);
  if (e.kind === "NumberLit") return Number(e.text);
  if (e.kind === "PercentLit") return Number(e.text) / 100;
  if (e.kind === "Unary" && e.op === "-") {
    const v = literal(e.operand);
    return v === undefined ? undefined : -v;
  }
  return undefined;
}

/**
 * The first path from `e` to a cohort figure: `["rate", "cohort.max(…)"]` when `e`
 * reads the let `rate`, whose value uses `cohort.max`; undefined when there is none.
 * Lets are followed through `bodies`, each at most once, so the walk always ends.
 */
function cohortPath(e: Expr, bodies: ReadonlyMap<string, Expr>, seen: Set<string>): string[] | undefined {
  const stack: Expr[] = [e];
  while (stack.length > 0) {
    const x = stack.pop()!;
    switch (x.kind) {
      case "Cohort": return [`cohort.${x.stat}(…)`];
      case "NameRef": {
        const body = bodies.get(x.name);
        if (body === undefined || seen.has(x.name)) break;
        seen.add(x.name);
        const rest = cohortPath(body, bodies, seen);
        if (rest !== undefined) return [x.name, ...rest];
        break;
      }
      case "Unary": stack.push(x.operand); break;
      case "Binary": stack.push(x.left, x.right); break;
      case "Paren": stack.push(x.inner); break;
      case "If": stack.push(x.condition, x.then, x.otherwise); break;
      case "Call": stack.push(...x.args); break;
      case "Bands": stack.push(x.subject, ...x.arms.flatMap((a) => [a.threshold, a.value]), ...(x.otherwise === undefined ? [] : [x.otherwise])); break;
      default: break;
    }
  }
  return undefined;
}

/**
 * Checks a cohort figure and infers its type (a number).
 * @param e - the cohort figure
 * @param scope - what its names mean
 */
export function inferCohort(e: Extract<Expr, { kind: "Cohort" }>, scope: Scope): Ty {
  const arity = COHORT_STATS[e.stat];
  if (arity === undefined) {
    const suggestion = closest(e.stat, Object.keys(COHORT_STATS));
    scope.out.push(makeDiagnostic("RL350", e.range, suggestion === undefined ? { args: { name: e.stat } } : { args: { name: e.stat, suggestion }, suggestion: `cohort.${suggestion}` }));
    for (const a of e.args) value(a, scope);
    return UNKNOWN;
  }
  if (scope.place === "applies" || scope.place === "bands" || scope.place === "eligible" || scope.place === "when") {
    scope.out.push(makeDiagnostic("RL351", e.range, { args: { place: scope.place } }));
    return UNKNOWN;
  }
  if (e.args.length !== arity) {
    const given = e.args.length === 1 ? "1 was" : `${e.args.length} were`;
    scope.out.push(makeDiagnostic("RL301", e.range, { args: { name: `cohort.${e.stat}`, arity: arity === 1 ? "1 number" : "3 numbers (value, low, high)", given } }));
    for (const a of e.args) value(a, scope);
    return UNKNOWN;
  }
  const [subject, low, high] = e.args;
  expect(subject!, NUM, scope);
  const bodies = new Map<string, Expr>();
  for (const [name, info] of scope.lets) if (info.body !== undefined && info.order < scope.letOrder) bodies.set(name, info.body);
  const path = cohortPath(subject!, bodies, new Set());
  if (path !== undefined) scope.out.push(makeDiagnostic("RL352", subject!.range, { args: { stat: e.stat, chain: [`cohort.${e.stat}`, ...path].join(" → ") } }));
  if (low !== undefined && high !== undefined) {
    expect(low, NUM, scope);
    expect(high, NUM, scope);
    const [lo, hi] = [literal(low), literal(high)];
    if (lo === undefined || hi === undefined) scope.out.push(makeDiagnostic("RL353", e.range));
    else if (!(lo < hi)) scope.out.push(makeDiagnostic("RL353", e.range, { args: { low: String(lo), high: String(hi) } }));
  }
  return NUM;
}
