/**
 * Printing expressions and types in canonical form. Parentheses are printed exactly
 * where the AST has `Paren` nodes, so printing a parsed expression and parsing it
 * again gives the same tree.
 * @module
 */
import type { Bound, Expr, ScalarType, TypeExpr } from "./ast.js";

/**
 * Quotes a string literal, escaping `"`, `\`, newlines and tabs.
 * @param value - the decoded text
 */
export function quote(value: string): string {
  return `"${value.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n").replace(/\t/g, "\\t")}"`;
}

/**
 * Prints an expression. Binary chains are printed left to right with an explicit
 * stack, so a long chain costs no recursion depth.
 * @param e - the expression
 */
export function printExpr(e: Expr): string {
  if (e.kind === "Binary") {
    const rights: string[] = [];
    let cursor: Expr = e;
    while (cursor.kind === "Binary") {
      rights.push(`${cursor.op} ${printExpr(cursor.right)}`);
      cursor = cursor.left;
    }
    return [printExpr(cursor), ...rights.reverse()].join(" ");
  }
  switch (e.kind) {
    case "NumberLit": return e.text;
    case "PercentLit": return `${e.text}%`;
    case "DateLit": return e.text;
    case "BoolLit": return e.value ? "true" : "false";
    case "NameRef": return e.name;
    case "UnitRef": return `unit.${e.name}`;
    case "BuiltinRef": return e.name;
    case "Paren": return `(${printExpr(e.inner)})`;
    case "Unary": return e.op === "-" ? `-${printExpr(e.operand)}` : `not ${printExpr(e.operand)}`;
    case "If": return `if ${printExpr(e.condition)} then ${printExpr(e.then)} else ${printExpr(e.otherwise)}`;
    case "Call": return `${e.callee}(${e.args.map(printExpr).join(", ")})`;
    case "Cohort": return `cohort.${e.stat}(${e.args.map(printExpr).join(", ")})`;
    case "Bands": {
      const arms = e.arms.map((a) => `${a.op} ${printExpr(a.threshold)}: ${printExpr(a.value)}`);
      if (e.otherwise !== undefined) arms.push(`else: ${printExpr(e.otherwise)}`);
      return `bands ${printExpr(e.subject)} { ${arms.join("; ")} }`;
    }
    case "Match": {
      const arms = e.arms.map((a) => `${a.keys.map((k) => k.text).join(", ")}: ${printExpr(a.value)}`);
      if (e.otherwise !== undefined) arms.push(`else: ${printExpr(e.otherwise)}`);
      return `match ${printExpr(e.subject)} { ${arms.join("; ")} }`;
    }
  }
}

function bound(b: Bound): string {
  return `${b.value}${b.percent ? "%" : ""}`;
}

function printScalar(t: ScalarType): string {
  switch (t.kind) {
    case "NumberType": return t.min !== undefined && t.max !== undefined ? `${t.name} in ${bound(t.min)}..${bound(t.max)}` : t.name;
    case "LikertType": return `likert(${t.min.value}..${t.max.value})`;
    case "SimpleType": return t.name;
    case "EnumType": return `enum(${t.members.map((m) => m.name).join(", ")})`;
  }
}

/**
 * Prints a declared type: `count in 1..1000`, `list of likert(1..5)`, `enum(a, b)`.
 * @param t - the type
 */
export function printType(t: TypeExpr): string {
  return t.kind === "ListType" ? `list of ${printScalar(t.element)}` : printScalar(t);
}
