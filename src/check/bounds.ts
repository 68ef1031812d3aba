/**
 * Interval analysis of a leaf rule, in exact decimals: can it give more than the
 * node's max (RL405, when the declared ranges give a concrete bound) or less than 0
 * (RL406, also when unbounded below, as deductions per missing report are)? Bounds come from declared types
 * (`count` ≥ 0, `likert(1..5)`, `number in 0..100`); an unbounded side is `null`.
 * Where the analysis cannot tell (e.g. a division by a count that may be 0), it
 * returns `undefined` and says nothing rather than guess.
 * @module
 */
import Decimal from "decimal.js";
import type { CriterionNode, Declaration, Expr, ScalarType } from "../syntax/ast.js";
import { D, dec } from "./decimal.js";
import { makeDiagnostic, type Diagnostic } from "../diagnostics.js";

/** A closed interval; `null` is an unbounded side. */
interface Interval {
  readonly lo: Decimal | null;
  readonly hi: Decimal | null;
}

type Env = ReadonlyMap<string, Interval | undefined>;

const point = (v: Decimal): Interval => ({ lo: v, hi: v });
const add = (a: Decimal | null, b: Decimal | null): Decimal | null => (a === null || b === null ? null : a.plus(b));

function declared(type: ScalarType): Interval | undefined {
  if (type.kind === "LikertType") return { lo: dec(type.min.value), hi: dec(type.max.value) };
  if (type.kind !== "NumberType") return undefined;
  const scale = type.name === "percent" ? 100 : 1;
  const lo = type.min !== undefined ? dec(type.min.value).dividedBy(scale) : type.name === "count" ? new D(0) : null;
  const hi = type.max !== undefined ? dec(type.max.value).dividedBy(scale) : null;
  return { lo, hi };
}

function scale(x: Interval, c: Decimal): Interval {
  if (c.isZero()) return point(new D(0));
  const lo = x.lo === null ? null : x.lo.times(c);
  const hi = x.hi === null ? null : x.hi.times(c);
  return c.isPositive() ? { lo, hi } : { lo: hi, hi: lo };
}

function isPoint(x: Interval): x is { lo: Decimal; hi: Decimal } {
  return x.lo !== null && x.hi !== null && x.lo.eq(x.hi);
}

function mul(a: Interval, b: Interval): Interval | undefined {
  if (isPoint(a)) return scale(b, a.lo);
  if (isPoint(b)) return scale(a, b.lo);
  if (a.lo !== null && b.lo !== null && a.lo.gte(0) && b.lo.gte(0)) {
    return { lo: a.lo.times(b.lo), hi: a.hi === null || b.hi === null ? null : a.hi.times(b.hi) };
  }
  if (a.lo === null || a.hi === null || b.lo === null || b.hi === null) return undefined;
  const products = [a.lo.times(b.lo), a.lo.times(b.hi), a.hi.times(b.lo), a.hi.times(b.hi)];
  return { lo: D.min(...products), hi: D.max(...products) };
}

function div(a: Interval, b: Interval): Interval | undefined {
  if (isPoint(b)) return b.lo.isZero() ? undefined : scale(a, new D(1).dividedBy(b.lo));
  if (b.lo !== null && b.lo.gt(0) && a.lo !== null && a.lo.gte(0)) {
    return { lo: b.hi === null ? new D(0) : a.lo.dividedBy(b.hi), hi: a.hi === null ? null : a.hi.dividedBy(b.lo) };
  }
  return undefined;
}

function union(parts: readonly (Interval | undefined)[]): Interval | undefined {
  if (parts.length === 0 || parts.some((p) => p === undefined)) return undefined;
  const all = parts as Interval[];
  return {
    lo: all.some((p) => p.lo === null) ? null : D.min(...all.map((p) => p.lo!)),
    hi: all.some((p) => p.hi === null) ? null : D.max(...all.map((p) => p.hi!)),
  };
}

function monotone(x: Interval | undefined, f: (d: Decimal) => Decimal): Interval | undefined {
  return x === undefined ? undefined : { lo: x.lo === null ? null : f(x.lo), hi: x.hi === null ? null : f(x.hi) };
}

function interval(e: Expr, env: Env, max: Decimal): Interval | undefined {
  switch (e.kind) {
    case "NumberLit": return point(dec(e.text));
    case "PercentLit": return point(dec(e.text).dividedBy(100));
    case "BuiltinRef": return e.name === "max" ? point(max) : undefined;
    case "NameRef": return env.get(e.name);
    case "Paren": return interval(e.inner, env, max);
    case "Unary": {
      const x = e.op === "-" ? interval(e.operand, env, max) : undefined;
      return x === undefined ? undefined : { lo: x.hi === null ? null : x.hi.negated(), hi: x.lo === null ? null : x.lo.negated() };
    }
    case "Binary": {
      const a = interval(e.left, env, max);
      const b = interval(e.right, env, max);
      if (a === undefined || b === undefined) return undefined;
      switch (e.op) {
        case "+": return { lo: add(a.lo, b.lo), hi: add(a.hi, b.hi) };
        case "-": return { lo: add(a.lo, b.hi === null ? null : b.hi.negated()), hi: add(a.hi, b.lo === null ? null : b.lo.negated()) };
        case "*": return mul(a, b);
        case "/": return div(a, b);
        default: return undefined;
      }
    }
    case "If": return union([interval(e.then, env, max), interval(e.otherwise, env, max)]);
    case "Bands": return union([...e.arms.map((a) => interval(a.value, env, max)), ...(e.otherwise === undefined ? [] : [interval(e.otherwise, env, max)])]);
    case "Match": return union([...e.arms.map((a) => interval(a.value, env, max)), ...(e.otherwise === undefined ? [] : [interval(e.otherwise, env, max)])]);
    case "Call": return callInterval(e, env, max);
    default: return undefined;
  }
}

function callInterval(e: Extract<Expr, { kind: "Call" }>, env: Env, max: Decimal): Interval | undefined {
  const args = e.args.map((a) => interval(a, env, max));
  const [x, y, z] = args;
  switch (e.callee) {
    case "min": case "max": {
      if (args.length < 2 || args.some((a) => a === undefined)) return undefined;
      const all = args as Interval[];
      const pick = e.callee === "min" ? D.min.bind(D) : D.max.bind(D);
      const side = (get: (i: Interval) => Decimal | null, unboundedWins: boolean): Decimal | null => {
        const known = all.map(get).filter((v): v is Decimal => v !== null);
        if (known.length < all.length && unboundedWins) return null;
        return known.length === 0 ? null : pick(...known);
      };
      return e.callee === "min" ? { lo: side((i) => i.lo, true), hi: side((i) => i.hi, false) } : { lo: side((i) => i.lo, false), hi: side((i) => i.hi, true) };
    }
    case "clamp":
      if (y === undefined || z === undefined || !isPoint(y) || !isPoint(z)) return undefined;
      return { lo: x?.lo == null ? y.lo : D.max(y.lo, x.lo), hi: x?.hi == null ? z.hi : D.min(z.hi, x.hi) };
    case "floor": return monotone(x, (d) => d.floor());
    case "ceil": return monotone(x, (d) => d.ceil());
    case "round": return monotone(x, (d) => d.toDecimalPlaces(0, Decimal.ROUND_UP));
    case "ratio": return x === undefined || y === undefined ? undefined : div(x, y);
    case "mean": {
      const arg = e.args[0];
      return arg?.kind === "NameRef" ? env.get(`${arg.name}[]`) : undefined;
    }
    case "count": return { lo: new D(0), hi: null };
    case "share": return { lo: new D(0), hi: new D(1) };
    default: return undefined;
  }
}

/**
 * True when some input occurs more than once in the rule, `let`s expanded. Interval
 * bounds are exact only when each variable occurs once; with repeats
 * (`max * min(a, t) / t`) they over-approximate, and a warning could be false.
 */
function repeatsAVariable(rule: Expr, lets: ReadonlyMap<string, Expr>): boolean {
  const seen = new Set<string>();
  const stack: Expr[] = [rule];
  while (stack.length > 0) {
    const e = stack.pop()!;
    switch (e.kind) {
      case "NameRef": {
        // A name seen twice repeats; that includes a let used twice (its inputs
        // repeat) and a let that refers to itself, so the expansion always ends.
        if (seen.has(e.name)) return true;
        seen.add(e.name);
        const body = lets.get(e.name);
        if (body !== undefined) stack.push(body);
        break;
      }
      case "Unary": stack.push(e.operand); break;
      case "Binary": stack.push(e.left, e.right); break;
      case "Paren": stack.push(e.inner); break;
      case "Call": stack.push(...e.args); break;
      case "If": stack.push(e.condition, e.then, e.otherwise); break;
      case "Bands": stack.push(e.subject, ...e.arms.flatMap((a) => [a.threshold, a.value]), ...(e.otherwise === undefined ? [] : [e.otherwise])); break;
      case "Match": stack.push(e.subject, ...e.arms.map((a) => a.value), ...(e.otherwise === undefined ? [] : [e.otherwise])); break;
      case "Cohort": stack.push(...e.args); break;
      default: break;
    }
  }
  return false;
}

/**
 * Warns when a leaf rule can exceed the node's max or go below 0 (it will be clamped).
 * Only where the bounds are exact (each input used once), so a warning is never false.
 * @param node - the leaf (clamped, not `unclamped`)
 * @param rule - its score expression
 * @param out - where diagnostics go
 */
export function checkRuleBounds(node: CriterionNode, rule: Expr, out: Diagnostic[]): void {
  const env = new Map<string, Interval | undefined>();
  const max = dec(node.max.text);
  for (const st of node.body) {
    if (st.kind === "Input") {
      for (const d of st.declarations as readonly Declaration[]) {
        if (d.type.kind === "ListType") env.set(`${d.name.name}[]`, declared(d.type.element));
        else env.set(d.name.name, declared(d.type));
      }
    } else if (st.kind === "Let") {
      env.set(st.name.name, interval(st.value, env, max));
    }
  }
  const lets = new Map(node.body.flatMap((st) => (st.kind === "Let" ? [[st.name.name, st.value] as const] : [])));
  if (repeatsAVariable(rule, lets)) return;
  const range = interval(rule, env, max);
  if (range === undefined) return;
  const id = node.id.value;
  // Above the max only with a concrete bound: a rule over an unbounded count (`0.5 *
  // initiatives`) is the ordinary way to write a capped rule, and warning on it is noise.
  if (range.hi !== null && range.hi.gt(max)) {
    out.push(makeDiagnostic("RL405", rule.range, { args: { max: node.max.text.includes("/") ? node.max.text : max.toFixed(), id, value: range.hi.toFixed() } }));
  }
  if (range.lo === null || range.lo.lt(0)) {
    out.push(makeDiagnostic("RL406", rule.range, { args: range.lo === null ? { id } : { id, value: range.lo.toFixed() } }));
  }
}
