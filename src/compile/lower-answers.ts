/**
 * Lowering of the survey-answer forms: `count(cond)` / `share(cond)` become a `tally`
 * whose condition reads the tested element as `item`, and `match` keeps its arms with
 * their keys as literals (an enum member, or a whole number in canonical form).
 * @module
 */
import type { Expr } from "../syntax/ast.js";
import { listsIn } from "../check/answers.js";
import { canonicalDecimal } from "./decimal-text.js";
import type { ExprContext } from "./lower-expr.js";
import type { CompiledExpr } from "./types.js";

type Call = Extract<Expr, { kind: "Call" }>;
type Lower = (e: Expr, context: ExprContext) => CompiledExpr;

/**
 * Lowers `count(cond)` or `share(cond)`.
 * @param e - the call
 * @param context - what names mean
 * @param lower - the expression lowering, for the condition
 */
export function lowerTally(e: Call, context: ExprContext, lower: Lower): CompiledExpr {
  const cond = e.args[0]!;
  const lists = context.lists ?? new Set<string>();
  // The checker proved the condition reads exactly one list input.
  const list = listsIn(cond, (name) => lists.has(name) && !context.lets.has(name))[0] ?? "";
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
