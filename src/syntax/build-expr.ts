/**
 * CST → AST for expressions. Operator chains (`a + b + c`) come from chevrotain's
 * iterative MANY loops and are folded left-associatively in a loop, so a long chain
 * costs no stack depth here.
 * @module
 */
import type { CstNode, IToken } from "chevrotain";
import type { BandArm, BinaryOp, Builtin, CompareOp, Expr, FunctionName, MatchArm } from "./ast.js";
import { childOf, childrenOf, nodeRange, requiredChild, requiredToken, span, tokenOf, tokenRange } from "./cst-util.js";

/**
 * Builds an expression from an `expr` CST node.
 * @param node - a CST node of rule `expr`
 */
export function buildExpr(node: CstNode): Expr {
  const ifToken = tokenOf(node, "kw_if");
  if (ifToken !== undefined) {
    return {
      kind: "If",
      condition: buildExpr(requiredChild(node, "condition")),
      then: buildExpr(requiredChild(node, "then")),
      otherwise: buildExpr(requiredChild(node, "otherwise")),
      range: nodeRange(node),
    };
  }
  return buildOr(requiredChild(node, "body"));
}

function chain(node: CstNode, operand: (n: CstNode) => Expr): Expr {
  // Labels guarantee what the children are: `operands` are rule nodes, `ops` tokens.
  // Read them directly: most chains have one operand, and this runs for every level
  // of every expression.
  const operands = node.children["operands"] as CstNode[];
  const ops = node.children["ops"] as IToken[] | undefined;
  let result = operand(operands[0]!);
  if (ops === undefined) return result;
  for (let i = 0; i < ops.length; i++) {
    const right = operand(operands[i + 1]!);
    result = { kind: "Binary", op: ops[i]!.image as BinaryOp, left: result, right, range: span(result.range, right.range) };
  }
  return result;
}

function buildOr(node: CstNode): Expr {
  return chain(node, buildAnd);
}

function buildAnd(node: CstNode): Expr {
  return chain(node, buildNot);
}

function buildNot(node: CstNode): Expr {
  const not = tokenOf(node, "not");
  if (not === undefined) return chain(requiredChild(node, "comparison"), buildAdditive);
  const operand = buildNot(requiredChild(node, "operand"));
  return { kind: "Unary", op: "not", operand, range: span(tokenRange(not), operand.range) };
}

function buildAdditive(node: CstNode): Expr {
  return chain(node, buildMultiplicative);
}

function buildMultiplicative(node: CstNode): Expr {
  return chain(node, buildUnary);
}

function buildUnary(node: CstNode): Expr {
  const minus = tokenOf(node, "minus");
  if (minus === undefined) return buildPrimary(requiredChild(node, "primary"));
  const operand = buildUnary(requiredChild(node, "operand"));
  return { kind: "Unary", op: "-", operand, range: span(tokenRange(minus), operand.range) };
}

function buildLiteral(token: IToken): Expr {
  const range = tokenRange(token);
  switch (token.tokenType.name) {
    case "NumberLiteral": return { kind: "NumberLit", text: token.image, range };
    case "PercentLiteral": return { kind: "PercentLit", text: token.image.slice(0, -1), range };
    case "DateLiteral": return { kind: "DateLit", text: token.image, range };
    default: return { kind: "BoolLit", value: token.image === "true", range };
  }
}

function buildPrimary(node: CstNode): Expr {
  const literal = tokenOf(node, "literal");
  if (literal !== undefined) return buildLiteral(literal);
  const range = nodeRange(node);
  const inner = childOf(node, "inner");
  if (inner !== undefined) return { kind: "Paren", inner: buildExpr(inner), range };
  const bands = childOf(node, "bands");
  if (bands !== undefined) return buildBands(bands);
  const match = childOf(node, "match");
  if (match !== undefined) return buildMatch(match);
  const callee = tokenOf(node, "callee");
  if (callee !== undefined) return { kind: "Call", callee: callee.image as FunctionName, args: buildArgs(requiredChild(node, "args")), range };
  const max = tokenOf(node, "max");
  if (max !== undefined) {
    const args = childOf(node, "args");
    return args === undefined ? { kind: "BuiltinRef", name: "max", range } : { kind: "Call", callee: "max", args: buildArgs(args), range };
  }
  const figure = tokenOf(node, "figure");
  if (figure !== undefined) return { kind: "BuiltinRef", name: figure.image as Builtin, range };
  const cohort = childOf(node, "cohort");
  if (cohort !== undefined) return { kind: "Cohort", stat: requiredToken(cohort, "stat").image, args: buildArgs(requiredChild(cohort, "args")), range };
  const fact = tokenOf(node, "fact");
  if (fact !== undefined) return { kind: "UnitRef", name: fact.image, range };
  return { kind: "NameRef", name: requiredToken(node, "name").image, range };
}

function buildArgs(node: CstNode): Expr[] {
  return childrenOf(node, "args").map(buildExpr);
}

function buildBands(node: CstNode): Expr {
  const arms: BandArm[] = childrenOf(node, "arms").map((arm) => ({
    kind: "BandArm",
    op: requiredToken(arm, "op").image as CompareOp,
    threshold: buildAdditive(requiredChild(arm, "threshold")),
    value: buildExpr(requiredChild(arm, "value")),
    range: nodeRange(arm),
  }));
  const subject = buildAdditive(requiredChild(node, "subject"));
  const otherwise = childOf(node, "otherwise");
  const range = nodeRange(node);
  return otherwise === undefined ? { kind: "Bands", subject, arms, range } : { kind: "Bands", subject, arms, otherwise: buildExpr(otherwise), range };
}

function buildMatch(node: CstNode): Expr {
  const arms: MatchArm[] = childrenOf(node, "arms").map((arm) => ({
    kind: "MatchArm",
    keys: ((arm.children["keys"] ?? []) as IToken[]).map((key) => ({ kind: "MatchKey", text: key.image, number: key.tokenType.name === "NumberLiteral", range: tokenRange(key) })),
    value: buildExpr(requiredChild(arm, "value")),
    range: nodeRange(arm),
  }));
  const subject = buildAdditive(requiredChild(node, "subject"));
  const otherwise = childOf(node, "otherwise");
  const range = nodeRange(node);
  return otherwise === undefined ? { kind: "Match", subject, arms, range } : { kind: "Match", subject, arms, otherwise: buildExpr(otherwise), range };
}
