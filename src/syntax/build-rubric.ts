/**
 * CST → AST for the rubric, its header, the criterion tree, ranking and bands.
 * Runs only on an error-free parse, so every child the grammar requires is present.
 * @module
 */
import type { CstNode, IToken } from "chevrotain";
import type {
  Aggregation, BandDecl, BandsBlock, Bound, CriterionNode, Declaration, ExtraNode, NaPolicy, NodeKeyword, NodeOption, NodeStatement,
  Range, RankingStatement, RoundingMode, RubricFile, RubricStatement, ScalarType, SortKey, StringLit, TypeExpr, Word,
} from "./ast.js";
import { buildExpr } from "./build-expr.js";
import { childOf, childrenOf, nodeRange, requiredChild, requiredToken, span, tokenOf, tokenRange, tokensOf } from "./cst-util.js";

/**
 * Decodes a string literal's image: strips the quotes and resolves `\"`, `\\`, `\n`, `\t`.
 * @param image - the token text, quotes included
 */
export function decodeString(image: string): string {
  const body = image.slice(1, -1);
  if (!body.includes("\\")) return body; // the usual case: nothing to resolve
  return body.replace(/\\(.)/g, (_m, c: string) => (c === "n" ? "\n" : c === "t" ? "\t" : c));
}

/**
 * A string literal token as an AST string.
 * @param token - the token, quotes included
 */
export function stringLit(token: IToken): StringLit {
  return { kind: "String", value: decodeString(token.image), range: tokenRange(token) };
}

/** A number token as its text and range. */
export const numberText = (token: IToken): { text: string; range: ReturnType<typeof tokenRange> } => ({ text: token.image, range: tokenRange(token) });

/**
 * A maximum or weight: a number, or an exact fraction `a/b` of two numbers, as the
 * text `"a/b"` (no spaces) over the range of both.
 * @param token - the number (the numerator of a fraction)
 * @param over - the denominator, when written
 */
export const exactText = (token: IToken, over: IToken | undefined): { text: string; range: ReturnType<typeof tokenRange> } =>
  // A denominator the parser put in to recover from a mistake has no text (the syntax error is reported): the number alone.
  over === undefined || over.image === "" || over.isInsertedInRecovery === true ? numberText(token) : { text: `${token.image}/${over.image}`, range: span(tokenRange(token), tokenRange(over)) };

/**
 * Builds the AST of a whole rubric from the CST of rule `rubric`.
 * @param node - the CST root
 */
export function buildRubric(node: CstNode): RubricFile {
  return {
    kind: "Rubric",
    title: stringLit(requiredToken(node, "title")),
    body: childrenOf(node, "items").flatMap(buildRubricItem),
    range: nodeRange(node),
  };
}

/**
 * Builds one top-level statement of the rubric body (none for a lone `;`).
 * @param item - a CST node of rule `rubricItem`
 */
export function buildRubricItem(item: CstNode): RubricStatement[] {
  const [name, children] = Object.entries(item.children)[0] ?? [];
  const child = children?.[0];
  if (name === undefined || child === undefined || "image" in child) return []; // a lone `;`
  const range = nodeRange(child);
  switch (name) {
    case "metaStmt": {
      const key = requiredToken(child, "key").image as "id" | "version" | "basis" | "locale";
      return [{ kind: "Meta", key, value: stringLit(requiredToken(child, "value")), range }];
    }
    case "publishStmt": {
      const mode = tokenOf(child, "mode");
      const precision = numberText(requiredToken(child, "precision"));
      return [mode === undefined ? { kind: "Publish", precision, range } : { kind: "Publish", precision, rounding: mode.image as RoundingMode, range }];
    }
    case "indexStmt": return [{ kind: "IndexFormula", formula: buildExpr(requiredChild(child, "formula")), range }];
    case "bonusMayExceed": return [{ kind: "BonusMayExceed", range }];
    case "naStmt": return [{ kind: "NotApplicable", policy: requiredToken(child, "policy").image as NaPolicy, range }];
    case "unitBlock": return [{ kind: "UnitBlock", facts: childrenOf(child, "facts").map(buildDecl), range }];
    case "node": return [buildNode(child)];
    case "extra": return [buildExtra(child)];
    case "ranking": return [{ kind: "Ranking", statements: childrenOf(child, "statements").flatMap(buildRankingStmt), range }];
    case "bandsBlock": return [buildBandsBlock(child, range)];
    default: return [];
  }
}

/**
 * A node's header, keyword to `{`.
 * @param node - a CST node of rule `node` or `extra`
 */
export function headerRange(node: CstNode): ReturnType<typeof nodeRange> {
  return span(nodeRange(node), tokenRange(requiredToken(node, "LCurly")));
}

function buildNode(node: CstNode): CriterionNode {
  return {
    kind: "Node",
    keyword: requiredToken(node, "keyword").image as NodeKeyword,
    id: stringLit(requiredToken(node, "id")),
    title: stringLit(requiredToken(node, "title")),
    max: exactText(requiredToken(node, "max"), tokenOf(node, "maxOver")),
    options: childrenOf(node, "options").map(buildOption),
    body: childrenOf(node, "body").flatMap(buildNodeStmt),
    range: nodeRange(node),
    headerRange: headerRange(node),
  };
}

function buildExtra(node: CstNode): ExtraNode {
  return {
    kind: "Extra",
    sign: requiredToken(node, "sign").image as "bonus" | "penalty",
    id: stringLit(requiredToken(node, "id")),
    title: stringLit(requiredToken(node, "title")),
    max: exactText(requiredToken(node, "max"), tokenOf(node, "maxOver")),
    body: childrenOf(node, "body").flatMap(buildNodeStmt),
    range: nodeRange(node),
    headerRange: headerRange(node),
  };
}

/**
 * Builds a node option (`weight`, `applies when`, `from survey`).
 * @param node - a CST node of rule `nodeOption`
 */
export function buildOption(node: CstNode): NodeOption {
  const range = nodeRange(node);
  const weight = tokenOf(node, "weight");
  if (weight !== undefined) return { kind: "Weight", text: exactText(weight, tokenOf(node, "weightOver")).text, range };
  const condition = childOf(node, "condition");
  if (condition !== undefined) return { kind: "AppliesWhen", condition: buildExpr(condition), range };
  return { kind: "FromSurvey", range };
}

/**
 * Builds one statement of a node's body (none for a lone `;`).
 * @param node - a CST node of rule `nodeStmt`
 */
export function buildNodeStmt(node: CstNode): NodeStatement[] {
  const range = nodeRange(node);
  const description = tokenOf(node, "description");
  if (description !== undefined) return [{ kind: "Description", text: stringLit(description), range }];
  if (tokenOf(node, "kw_evidence") !== undefined) return [{ kind: "Evidence", items: tokensOf(node, "evidence").map(stringLit), range }];
  const method = tokenOf(node, "method");
  if (method !== undefined) return [{ kind: "Aggregate", method: method.image as Aggregation, range }];
  if (tokenOf(node, "kw_unclamped") !== undefined) return [{ kind: "Unclamped", range }];
  const na = childOf(node, "naStmt");
  if (na !== undefined) return [{ kind: "NotApplicable", policy: requiredToken(na, "policy").image as NaPolicy, range }];
  const input = childOf(node, "inputStmt");
  if (input !== undefined) return [{ kind: "Input", declarations: childrenOf(input, "decls").map(buildDecl), range }];
  const letStmt = childOf(node, "letStmt");
  if (letStmt !== undefined) {
    const name = requiredToken(letStmt, "name");
    return [{ kind: "Let", name: { kind: "Identifier", name: name.image, range: tokenRange(name) }, value: buildExpr(requiredChild(letStmt, "value")), range }];
  }
  const when = childOf(node, "whenStmt");
  if (when !== undefined) {
    return [{ kind: "When", condition: buildExpr(requiredChild(when, "condition")), policy: requiredToken(when, "policy").image as NaPolicy, range }];
  }
  const score = childOf(node, "scoreStmt");
  if (score !== undefined) {
    const rule = childOf(score, "rule");
    if (rule !== undefined) return [{ kind: "Score", rule: buildExpr(rule), range }];
    const step = tokenOf(score, "step");
    return [step === undefined ? { kind: "ScoreGiven", range } : { kind: "ScoreGiven", step: numberText(step), range }];
  }
  const child = childOf(node, "node");
  if (child !== undefined) return [buildNode(child)];
  return []; // a lone `;`
}

/**
 * Builds a declaration `name "label": type`.
 * @param node - a CST node of rule `decl`
 */
export function buildDecl(node: CstNode): Declaration {
  const name = requiredToken(node, "name");
  const label = tokenOf(node, "label");
  return {
    kind: "Declaration",
    name: { kind: "Identifier", name: name.image, range: tokenRange(name) },
    ...(label === undefined ? {} : { label: stringLit(label) }),
    type: buildType(requiredChild(node, "type")),
    range: nodeRange(node),
  };
}

function buildType(node: CstNode): TypeExpr {
  const element = buildScalar(requiredChild(node, "scalar"));
  return tokenOf(node, "kw_list") === undefined ? element : { kind: "ListType", element, range: nodeRange(node) };
}

function bound(node: CstNode): Bound {
  const value = requiredToken(node, "value");
  const minus = tokenOf(node, "minus");
  const percent = value.image.endsWith("%");
  const digits = percent ? value.image.slice(0, -1) : value.image;
  return { value: minus === undefined ? digits : `-${digits}`, percent, range: nodeRange(node) };
}

function buildScalar(node: CstNode): ScalarType {
  const range = nodeRange(node);
  const numeric = tokenOf(node, "numeric");
  if (numeric !== undefined) {
    const name = numeric.image as "number" | "count" | "percent";
    const typeRange = childOf(node, "range");
    if (typeRange === undefined) return { kind: "NumberType", name, range };
    return { kind: "NumberType", name, min: bound(requiredChild(typeRange, "low")), max: bound(requiredChild(typeRange, "high")), range };
  }
  const low = tokenOf(node, "low");
  const high = tokenOf(node, "high");
  if (low !== undefined && high !== undefined) {
    return { kind: "LikertType", min: { value: low.image, percent: false, range: tokenRange(low) }, max: { value: high.image, percent: false, range: tokenRange(high) }, range };
  }
  const simple = tokenOf(node, "simple");
  if (simple !== undefined) return { kind: "SimpleType", name: simple.image as "bool" | "date" | "text", range };
  return { kind: "EnumType", members: tokensOf(node, "members").map((m) => ({ kind: "Identifier", name: m.image, range: tokenRange(m) })), range };
}

function buildRankingStmt(node: CstNode): RankingStatement[] {
  const range = nodeRange(node);
  const keys = childrenOf(node, "keys");
  if (keys.length > 0) return [{ kind: "RankBy", keys: keys.map(buildSortKey), range }];
  const ties = tokenOf(node, "ties");
  if (ties !== undefined) return [{ kind: "Ties", policy: ties.image as "shared" | "dense" | "ordinal", range }];
  const figure = tokenOf(node, "figure");
  if (figure !== undefined) return [{ kind: "RankOn", figure: figure.image as "published" | "exact", range }];
  if (tokenOf(node, "kw_within") !== undefined) return [{ kind: "WithinGroup", range }];
  const eligible = childOf(node, "eligible");
  if (eligible !== undefined) return [{ kind: "Eligible", condition: buildExpr(eligible), reason: stringLit(requiredToken(node, "reason")), range }];
  return [];
}

function buildSortKey(node: CstNode): SortKey {
  const direction = tokenOf(node, "direction");
  const figure = tokenOf(node, "figure");
  const target: SortKey["target"] =
    figure !== undefined
      ? { kind: "Figure", name: figure.image as "index" | "points" | "bonus" | "penalty" }
      : { kind: "NodeKey", keyword: requiredToken(node, "keyword").image as NodeKeyword, id: stringLit(requiredToken(node, "id")) };
  return { kind: "SortKey", target, direction: direction?.image === "asc" ? "asc" : "desc", explicitDirection: direction !== undefined, range: nodeRange(node) };
}

function buildBand(node: CstNode): BandDecl {
  const label = stringLit(requiredToken(node, "label"));
  const condition = childOf(node, "condition");
  const range = nodeRange(node);
  const percentile = tokenOf(node, "percentile");
  if (percentile !== undefined) {
    const above = tokenOf(node, "above");
    const words = [...(above === undefined ? [] : [above]), ...tokensOf(node, "percentileWord")].map(wordOf);
    return { kind: "Band", label, percentile: { text: percentile.image, inclusive: above === undefined, words, range: tokenRange(percentile) }, range };
  }
  return condition === undefined ? { kind: "Band", label, range } : { kind: "Band", label, condition: buildExpr(condition), range };
}

const wordOf = (token: IToken): Word => ({ text: token.image, range: tokenRange(token) });

function buildBandsBlock(node: CstNode, range: Range): BandsBlock {
  const bands = childrenOf(node, "bands").map(buildBand);
  const group = tokenOf(node, "group");
  const percentileWord = tokenOf(node, "percentileWord");
  const method = tokenOf(node, "method");
  return {
    kind: "BandsBlock", bands, range,
    ...(group === undefined ? {} : { group: stringLit(group) }),
    ...(percentileWord === undefined || method === undefined ? {} : { method: { percentileWord: wordOf(percentileWord), method: wordOf(method), range: span(tokenRange(percentileWord), tokenRange(method)) } }),
  };
}
