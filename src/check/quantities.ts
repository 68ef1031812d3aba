/**
 * Quantities that cannot be confused. In rules a percentage is a fraction (an input of
 * 91.5 % is 0.915; `90%` is 0.9), and so is a ratio of two counts. Comparing one with a
 * bare number ≥ 1 (`ty_le >= 90`, `done / total >= 100`) silently compares with 9000 %
 * or 10000 %: every unit fails the test. A count compared with a percentage
 * (`cases <= 1%`) is the mirror mistake. Both are errors (RL306, RL307), with the fix.
 *
 * The rule, documented in docs/language.md ("Percentages and ratios"):
 * - fractions: a `percent` input or fact, a percent literal, the mean of a list of
 *   percents, a ratio of two counts (`a / b`, `ratio(a, b)`), min/max/clamp/round of
 *   fractions, a fraction ± a fraction (or ± a bare number ≤ 1: `1 - rate`);
 * - whole amounts: counts, likert answers, their sums, `count(xs)`;
 * - anything else (a `number` input, `max`, `rate * 100`) is not judged.
 * @module
 */
import type { Expr } from "../syntax/ast.js";
import { printExpr } from "../syntax/print-expr.js";
import { makeDiagnostic, type Diagnostic } from "../diagnostics.js";
import { dec } from "./decimal.js";

/** What a numeric expression measures, as far as the checker can see. */
export type Quantity =
  | { readonly q: "fraction"; readonly what: "a percentage" | "a ratio of counts" | "banded here against percentages" | "a share of a list" }
  | { readonly q: "amount"; readonly what: "a count" | "a scale answer" }
  | { readonly q: "bare"; readonly text: string }
  | { readonly q: "other" };

const OTHER: Quantity = { q: "other" };
const RATIO: Quantity = { q: "fraction", what: "a ratio of counts" };
const PERCENT: Quantity = { q: "fraction", what: "a percentage" };

/** What names stand for: inputs, lets and unit facts (as `unit.name`). */
export type QuantityEnv = ReadonlyMap<string, Quantity>;

/**
 * The quantity of a declared type: `percent` a fraction, `count` and `likert` whole
 * amounts; for a list, what its elements are (keyed `name[]` by the caller).
 * @param type - the declared scalar type's kind and name
 */
export function declaredQuantity(type: { readonly kind: string; readonly name?: string }): Quantity {
  if (type.kind === "LikertType") return { q: "amount", what: "a scale answer" };
  if (type.kind !== "NumberType") return OTHER;
  return type.name === "percent" ? PERCENT : type.name === "count" ? { q: "amount", what: "a count" } : OTHER;
}

function bareValue(q: Quantity): ReturnType<typeof dec> | undefined {
  return q.q === "bare" ? dec(q.text) : undefined;
}

function sum(a: Quantity, b: Quantity): Quantity {
  if (a.q === "fraction" && b.q === "fraction") return a;
  for (const [f, other] of [[a, b], [b, a]] as const) {
    const v = bareValue(other);
    if (f.q === "fraction" && v !== undefined && v.abs().lte(1)) return f;
  }
  if ((a.q === "amount" || a.q === "bare") && (b.q === "amount" || b.q === "bare") && (a.q === "amount" || b.q === "amount")) return a.q === "amount" ? a : b;
  return OTHER;
}

function same(parts: readonly Quantity[]): Quantity {
  const kinds = parts.filter((p) => p.q !== "bare");
  if (kinds.length === 0) return OTHER;
  const first = kinds[0]!;
  if (!kinds.every((k) => k.q === first.q) || first.q === "other") return OTHER;
  // A bare bound of min/max/clamp must fit the kind: `min(rate, 1)` caps at 100 %.
  const fits = parts.every((p) => p.q !== "bare" || first.q === "amount" || dec(p.text).abs().lte(1));
  return fits ? first : OTHER;
}

/**
 * What an expression measures.
 * @param e - a numeric expression
 * @param env - what its names stand for
 */
export function quantityOf(e: Expr, env: QuantityEnv): Quantity {
  switch (e.kind) {
    case "NumberLit": return { q: "bare", text: e.text };
    case "PercentLit": return PERCENT;
    case "NameRef": return env.get(e.name) ?? OTHER;
    case "UnitRef": return env.get(`unit.${e.name}`) ?? OTHER;
    case "Paren": return quantityOf(e.inner, env);
    case "Unary": {
      const inner = e.op === "-" ? quantityOf(e.operand, env) : OTHER;
      return inner.q === "bare" ? { q: "bare", text: inner.text.startsWith("-") ? inner.text.slice(1) : `-${inner.text}` } : inner;
    }
    case "Binary": {
      const [a, b] = [quantityOf(e.left, env), quantityOf(e.right, env)];
      if (e.op === "+" || e.op === "-") return sum(a, b);
      if (e.op === "*") return a.q === "fraction" && b.q === "fraction" ? a : OTHER;
      if (e.op === "/") return a.q === "amount" && b.q === "amount" ? RATIO : OTHER;
      return OTHER;
    }
    case "If": return same([quantityOf(e.then, env), quantityOf(e.otherwise, env)]);
    case "Call": return callQuantity(e, env);
    default: return OTHER;
  }
}

function callQuantity(e: Extract<Expr, { kind: "Call" }>, env: QuantityEnv): Quantity {
  const args = e.args.map((a) => quantityOf(a, env));
  const list = e.args[0]?.kind === "NameRef" ? env.get(`${e.args[0].name}[]`) : undefined;
  switch (e.callee) {
    case "ratio": return args[0]?.q === "amount" && args[1]?.q === "amount" ? RATIO : OTHER;
    case "min": case "max": return args.length === 1 ? (list ?? OTHER) : same(args);
    case "clamp": return same(args);
    case "round": case "floor": case "ceil": case "abs": return args[0]?.q === "bare" ? OTHER : (args[0] ?? OTHER);
    case "mean": return list ?? OTHER;
    case "sum": return list?.q === "amount" ? list : OTHER;
    case "count": return { q: "amount", what: "a count" };
    case "share": return { q: "fraction", what: "a share of a list" };
  }
}

const shown = (e: Expr): string => {
  const text = printExpr(e);
  return `'${text.length > 40 ? `${text.slice(0, 40)}…` : text}'`;
};

function asPercent(text: string): string {
  return `${dec(text).times(100).toFixed()}%`;
}

function fractionVsBare(subject: Expr, kind: Quantity & { q: "fraction" }, threshold: Expr, text: string, out: Diagnostic[]): void {
  // 1 (the whole) is better written 100 %; any other bare number was meant as a percentage.
  const fixed = dec(text).abs().eq(1) ? asPercent(text) : `${text}%`;
  out.push(makeDiagnostic("RL306", threshold.range, { args: { subject: shown(subject), kind: kind.what, value: text, meaning: asPercent(text), fixed: `'${fixed}'` }, suggestion: fixed }));
}

function amountVsPercent(subject: Expr, kind: Quantity & { q: "amount" }, threshold: Expr, out: Diagnostic[]): void {
  const percent = threshold.kind === "PercentLit" ? threshold.text : "";
  out.push(makeDiagnostic("RL307", threshold.range, {
    args: { subject: shown(subject), kind: kind.what, value: `'${percent}%'`, fraction: dec(percent).dividedBy(100).toFixed(), ratio: `'${printExpr(subject).slice(0, 40)} / …'` },
  }));
}

/** Checks one comparison of `subject` with `threshold` (also a bands arm). */
function compared(subject: Expr, threshold: Expr, env: QuantityEnv, out: Diagnostic[], subjectKind = quantityOf(subject, env)): void {
  const t = quantityOf(threshold, env);
  if (subjectKind.q === "fraction" && t.q === "bare" && dec(t.text).abs().gte(1)) fractionVsBare(subject, subjectKind, threshold, t.text, out);
  else if (subjectKind.q === "amount" && threshold.kind === "PercentLit") amountVsPercent(subject, subjectKind, threshold, out);
}

const COMPARISONS = new Set(["==", "!=", "<", "<=", ">", ">="]);

/** The names as a `count`/`share` condition reads them: a list input's name is one of its elements. */
function elementEnv(env: QuantityEnv): QuantityEnv {
  const inner = new Map(env);
  for (const [key, q] of env) if (key.endsWith("[]")) inner.set(key.slice(0, -2), q);
  return inner;
}

/**
 * Reports every comparison and bands arm inside an expression that confuses a
 * fraction with a plain number (RL306) or a count with a percentage (RL307).
 * @param root - a rule, let, condition or formula
 * @param env - what its names stand for
 * @param out - where diagnostics go
 */
export function checkQuantities(root: Expr, env: QuantityEnv, out: Diagnostic[]): void {
  const stack: Expr[] = [root];
  while (stack.length > 0) {
    const e = stack.pop()!;
    switch (e.kind) {
      case "Binary":
        if (COMPARISONS.has(e.op)) {
          const [l, r] = [quantityOf(e.left, env), quantityOf(e.right, env)];
          if (r.q === "bare" || e.right.kind === "PercentLit") compared(e.left, e.right, env, out, l);
          else if (l.q === "bare" || e.left.kind === "PercentLit") compared(e.right, e.left, env, out, r);
        } else if (e.op === "+" || e.op === "-") {
          // `rate + 5`: five percentage points are 5%. (`1 - rate`, the complement, is fine.)
          for (const [f, n] of [[e.left, e.right], [e.right, e.left]] as const) {
            const [fq, nq] = [quantityOf(f, env), quantityOf(n, env)];
            if (fq.q === "fraction" && nq.q === "bare" && dec(nq.text).abs().gt(1)) fractionVsBare(f, fq, n, nq.text, out);
          }
        }
        stack.push(e.left, e.right);
        break;
      case "Bands": {
        const subject = quantityOf(e.subject, env);
        // Arms written as percentages show the banded value is a fraction, whatever it is.
        const seen: Quantity = subject.q === "other" && e.arms.some((a) => a.threshold.kind === "PercentLit") ? { q: "fraction", what: "banded here against percentages" } : subject;
        for (const arm of e.arms) if (seen.q !== "other") compared(e.subject, arm.threshold, env, out, seen);
        stack.push(e.subject, ...e.arms.flatMap((a) => [a.threshold, a.value]), ...(e.otherwise === undefined ? [] : [e.otherwise]));
        break;
      }
      case "Match": stack.push(e.subject, ...e.arms.map((a) => a.value), ...(e.otherwise === undefined ? [] : [e.otherwise])); break;
      case "Unary": stack.push(e.operand); break;
      case "If": stack.push(e.condition, e.then, e.otherwise); break;
      case "Call":
        // In `share(answers >= 4)` the list's name stands for one element: a likert
        // answer compared with 80% is the mistake RL307 names, inside the tally too.
        if ((e.callee === "share" || e.callee === "count") && e.args.length === 1 && e.args[0]!.kind !== "NameRef" && e.args[0]!.kind !== "UnitRef") checkQuantities(e.args[0]!, elementEnv(env), out);
        else stack.push(...e.args);
        break;
      case "Paren": stack.push(e.inner); break;
      case "Cohort": stack.push(...e.args); break;
      default: break;
    }
  }
}
