/**
 * Lowering of the survey-answer forms: `count(cond)` / `share(cond)` become a `tally`
 * whose condition reads the tested element as `item`, and `match` keeps its arms with
 * their keys as literals (an enum member, or a whole number in canonical form).
 * @module
 */
import type { Expr } from "../syntax/ast.js";
import { canonicalDecimal } from "./decimal-text.js";
import type { ExprContext } from "./lower-expr.js";
import type { CompiledExpr } from "./types.js";

type Call = Extract<Expr, { kind: "Call" }>;
type Lower = (e: Expr, context: ExprContext) => CompiledExpr;

function unparen(e: Expr): Expr {
  return e.kind === "Paren" ? unparen(e.inner) : e;
}

/**
 * True for a call that tests a condition on each element of a list: `share(…)`, or
 * `count(…)` of anything but a bare name (`count(xs)` is the list's length).
 * @param e - a call
 */
export function isTallyCall(e: Call): boolean {
  return e.callee === "share" || (e.callee === "count" && e.args.length === 1 && unparen(e.args[0]!).kind !== "NameRef");
}

/** The first list input the condition reads (the checker proved there is exactly one). */
function listOf(e: Expr, lists: ReadonlySet<string>, lets: ReadonlySet<string>): string | undefined {
  const stack: Expr[] = [e];
  while (stack.length > 0) {
    const x = stack.pop()!;
    switch (x.kind) {
      case "NameRef": if (lists.has(x.name) && !lets.has(x.name)) return x.name; break;
      case "Unary": stack.push(x.operand); break;
      case "Binary": stack.push(x.right, x.left); break;
      case "Paren": stack.push(x.inner); break;
      case "If": stack.push(x.otherwise, x.then, x.condition); break;
      case "Call": stack.push(...[...x.args].reverse()); break;
      case "Bands": stack.push(...(x.otherwise === undefined ? [] : [x.otherwise]), ...x.arms.flatMap((a) => [a.value, a.threshold]), x.subject); break;
      case "Match": stack.push(...(x.otherwise === undefined ? [] : [x.otherwise]), ...x.arms.map((a) => a.value), x.subject); break;
      default: break;
    }
  }
  return undefined;
}

/**
 * Lowers `count(cond)` or `share(cond)`.
 * @param e - the call
 * @param context - what names mean
 * @param lower - the expression lowering, for the condition
 */
export function lowerTally(e: Call, context: ExprContext, lower: Lower): CompiledExpr {
  const cond = e.args[0]!;
  const list = listOf(cond, context.lists ?? new Set(), context.lets) ?? "";
  return { op: "tally", fn: e.callee === "share" ? "share" : "count", list: { op: "input", name: list }, cond: lower(cond, { ...context, item: list }) };
}

/**
 * Lowers a `match` expression.
 * @param e - the match
 * @param context - what names mean
 * @param lower - the expression lowering, for the subject and the values
 */
export function lowerMatch(e: Extract<Expr, { kind: "Match" }>, context: ExprContext, lower: Lower): CompiledExpr {
  const arms = e.arms.map((arm) => ({
    keys: arm.keys.map((k): CompiledExpr => (k.number ? { op: "num", value: canonicalDecimal(k.text) } : { op: "enum", value: k.text })),
    value: lower(arm.value, context),
  }));
  const subject = lower(e.subject, context);
  return e.otherwise === undefined ? { op: "match", subject, arms } : { op: "match", subject, arms, otherwise: lower(e.otherwise, context) };
}
