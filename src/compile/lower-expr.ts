/**
 * Lowers AST expressions to the compiled expression form: names resolved, literals
 * canonical, parentheses dropped (the tree already encodes grouping).
 * @module
 */
import type { BinaryOp, Expr } from "../syntax/ast.js";
import { canonicalDecimal, percentToFraction } from "./decimal-text.js";
import { isTally } from "../check/answers.js";
import { lowerMatch, lowerTally } from "./lower-answers.js";
import type { CohortStat, CompiledBandArm, CompiledExpr, CompareCode, FunctionCode } from "./types.js";

/** Where an expression stands, which decides what its bare names mean. */
export interface ExprContext {
  /** Input names of the enclosing leaf. */
  readonly inputs: ReadonlySet<string>;
  /** `let` names of the enclosing leaf. */
  readonly lets: ReadonlySet<string>;
  /** True in the index formula and rubric bands, where `max` means the applicable maximum of the rubric. */
  readonly rubricLevel: boolean;
  /** The list inputs of the enclosing leaf (a `count`/`share` condition tests one of them). */
  readonly lists?: ReadonlySet<string>;
  /** Inside a `count`/`share` condition: the list whose name stands for the element tested. */
  readonly item?: string;
  /** The node the expression stands in (`"index"` for the index formula): where a cohort figure's arguments are gathered. */
  readonly site?: string;
}

const BINARY: Readonly<Record<BinaryOp, Exclude<CompiledExpr["op"], "num">>> = {
  "+": "add", "-": "sub", "*": "mul", "/": "div",
  "==": "eq", "!=": "ne", "<": "lt", "<=": "le", ">": "gt", ">=": "ge",
  and: "and", or: "or",
};

/**
 * The compiled comparison code of a comparison operator.
 * @param op - a comparison operator as written
 */
export function compareCode(op: "==" | "!=" | "<" | "<=" | ">" | ">="): CompareCode {
  return BINARY[op] as CompareCode;
}

/**
 * Lowers one expression. The checker has already accepted it, so every bare name is
 * an input, a `let`, or an enum member. Deep left-leaning chains (`a + b + c + …`,
 * as the parser builds them) are lowered with an explicit stack, never by recursion
 * on the left spine, so a 100,000-term sum cannot overflow the call stack.
 * @param expr - the AST expression
 * @param context - what its names mean
 */
export function lowerExpr(expr: Expr, context: ExprContext): CompiledExpr {
  // Descend the left spine of binary chains iteratively, then rebuild bottom-up.
  const spine: Extract<Expr, { kind: "Binary" }>[] = [];
  let cursor: Expr = expr;
  for (;;) {
    if (cursor.kind === "Binary") {
      spine.push(cursor);
      cursor = cursor.left;
    } else if (cursor.kind === "Paren") {
      cursor = cursor.inner;
    } else break;
  }
  let result = lowerLeaf(cursor, context);
  for (let i = spine.length - 1; i >= 0; i--) {
    const node = spine[i]!;
    result = { op: BINARY[node.op], left: result, right: lowerExpr(node.right, context) } as CompiledExpr;
  }
  return result;
}

function lowerLeaf(expr: Exclude<Expr, { kind: "Binary" | "Paren" }>, context: ExprContext): CompiledExpr {
  switch (expr.kind) {
    case "NumberLit":
      return { op: "num", value: canonicalDecimal(expr.text) };
    case "PercentLit":
      return { op: "num", value: percentToFraction(expr.text), percent: true };
    case "DateLit":
      return { op: "date", value: expr.text };
    case "BoolLit":
      return { op: "bool", value: expr.value };
    case "NameRef":
      if (context.lets.has(expr.name)) return { op: "let", name: expr.name };
      if (context.item === expr.name) return { op: "item" };
      if (context.inputs.has(expr.name)) return { op: "input", name: expr.name };
      return { op: "enum", value: expr.name };
    case "UnitRef":
      return { op: "unit", name: expr.name };
    case "BuiltinRef":
      if (expr.name === "max" && !context.rubricLevel) return { op: "max" };
      return { op: "figure", name: expr.name };
    case "Unary": {
      const arg = lowerExpr(expr.operand, context);
      // Fold a minus on a literal so `-5` is the number -5, not an operation.
      if (expr.op === "-" && arg.op === "num") return { op: "num", value: canonicalDecimal(`-${arg.value}`.replace("--", "")), ...(arg.percent === true ? { percent: true as const } : {}) };
      return { op: expr.op === "-" ? "neg" : "not", arg };
    }
    case "If":
      return { op: "if", cond: lowerExpr(expr.condition, context), then: lowerExpr(expr.then, context), else: lowerExpr(expr.otherwise, context) };
    case "Call":
      // The checker's reading of count(…)/share(…), so both stages agree on it.
      if (isTally(expr)) return lowerTally(expr, context, lowerExpr);
      return { op: "call", fn: expr.callee as FunctionCode, args: expr.args.map((a) => lowerExpr(a, context)) };
    case "Match":
      return lowerMatch(expr, context, lowerExpr);
    case "Cohort": {
      const [subject, low, high] = expr.args.map((a) => lowerExpr(a, context));
      const scale = low?.op === "num" && high?.op === "num" ? { scale: [low.value, high.value] as const } : {};
      return { op: "cohort", stat: expr.stat as CohortStat, site: context.site ?? "index", arg: subject!, ...scale };
    }
    case "Bands": {
      const arms: CompiledBandArm[] = expr.arms.map((arm) => ({
        cmp: compareCode(arm.op),
        threshold: lowerExpr(arm.threshold, context),
        value: lowerExpr(arm.value, context),
      }));
      const subject = lowerExpr(expr.subject, context);
      return expr.otherwise === undefined ? { op: "bands", subject, arms } : { op: "bands", subject, arms, otherwise: lowerExpr(expr.otherwise, context) };
    }
  }
}
