/**
 * Lowers a checked AST to the compiled criterion tree.
 * @module
 */
import type {
  CriterionNode, Declaration, ExtraNode, NaPolicy, NodeStatement, RubricFile, RubricStatement, ScalarType, TypeExpr,
} from "../syntax/ast.js";
import { canonicalDecimal, canonicalExact } from "./decimal-text.js";
import { lowerBandsBlock } from "./lower-bands.js";
import { lowerExpr, type ExprContext } from "./lower-expr.js";
import {
  COMPILED_FORMAT, FORMAT_VERSION,
  type CompiledBand, type CompiledBandBlock, type PercentileMethod, type CompiledDecl, type CompiledExpr, type CompiledExtra, type CompiledLeaf, type CompiledNode,
  type CompiledRanking, type CompiledRubric, type CompiledScalarType, type CompiledType, type UnsealedRubric,
} from "./types.js";

/** The N/A policy when neither the rubric nor any node states one: drop the node's max. */
export const DEFAULT_NA_POLICY: NaPolicy = "exclude";

const RUBRIC_LEVEL: ExprContext = { inputs: new Set(), lets: new Set(), rubricLevel: true };
const UNIT_LEVEL: ExprContext = { inputs: new Set(), lets: new Set(), rubricLevel: false };

// points / max * 100
const DEFAULT_INDEX: CompiledExpr = {
  op: "mul",
  left: { op: "div", left: { op: "figure", name: "points" }, right: { op: "figure", name: "max" } },
  right: { op: "num", value: "100" },
};

/**
 * Lowers a rubric that passed the checker (no errors) to its compiled form.
 * @param ast - the checked AST
 */
export function lowerRubric(ast: RubricFile): UnsealedRubric {
  const meta: { id?: string; version?: string; basis?: string; locale?: string } = {};
  let publish: CompiledRubric["publish"] = { precision: 2, rounding: "half-up" };
  let index = DEFAULT_INDEX;
  let bonusMayExceed = false;
  let naDefault = DEFAULT_NA_POLICY;
  let unitFacts: CompiledDecl[] = [];
  let ranking: CompiledRanking = { keys: [{ target: { kind: "figure", name: "index" }, direction: "desc" }], ties: "shared", on: "published", withinGroup: false };
  let bands: CompiledBand[] = [];
  let bandsMethod: PercentileMethod | undefined;
  const bandBlocks: CompiledBandBlock[] = [];
  for (const st of ast.body) {
    switch (st.kind) {
      case "Meta": meta[st.key] = st.value.value; break;
      case "Publish": publish = { precision: Number(st.precision.text), rounding: st.rounding ?? "half-up" }; break;
      case "IndexFormula": index = lowerExpr(st.formula, RUBRIC_LEVEL); break;
      case "BonusMayExceed": bonusMayExceed = true; break;
      case "NotApplicable": naDefault = st.policy; break;
      case "UnitBlock": unitFacts = st.facts.map(lowerDecl); break;
      case "Ranking": ranking = lowerRanking(st); break;
      case "BandsBlock": {
        const block = lowerBandsBlock(st);
        if (block.group !== undefined) bandBlocks.push({ ...block, group: block.group });
        else {
          bands = [...block.bands];
          bandsMethod = block.method;
        }
        break;
      }
      default: break;
    }
  }
  const nodes = ast.body.filter((st): st is CriterionNode => st.kind === "Node").map((n) => lowerNode(n, naDefault));
  const extras = ast.body.filter((st): st is ExtraNode => st.kind === "Extra").map(lowerExtra);
  return {
    format: COMPILED_FORMAT,
    formatVersion: FORMAT_VERSION,
    meta: {
      id: meta.id ?? slug(ast.title.value),
      title: ast.title.value,
      ...(meta.version === undefined ? {} : { version: meta.version }),
      ...(meta.basis === undefined ? {} : { basis: meta.basis }),
      locale: meta.locale ?? "vi",
    },
    publish, index, bonusMayExceed, naDefault, unitFacts, nodes, extras, ranking, bands,
    ...(bandsMethod === undefined ? {} : { bandsMethod }),
    ...(bandBlocks.length === 0 ? {} : { bandBlocks }),
  };
}

function lowerRanking(block: Extract<RubricStatement, { kind: "Ranking" }>): CompiledRanking {
  let result: CompiledRanking = { keys: [{ target: { kind: "figure", name: "index" }, direction: "desc" }], ties: "shared", on: "published", withinGroup: false };
  for (const st of block.statements) {
    if (st.kind === "RankBy") {
      result = {
        ...result,
        keys: st.keys.map((k) => ({
          target: k.target.kind === "Figure" ? { kind: "figure", name: k.target.name } : { kind: "node", id: k.target.id.value },
          direction: k.direction,
        })),
      };
    } else if (st.kind === "Ties") result = { ...result, ties: st.policy };
    else if (st.kind === "RankOn") result = { ...result, on: st.figure };
    else if (st.kind === "Eligible") result = { ...result, eligible: { when: lowerExpr(st.condition, UNIT_LEVEL), reason: st.reason.value } };
    else result = { ...result, withinGroup: true };
  }
  return result;
}

function lowerNode(node: CriterionNode, inherited: NaPolicy): CompiledNode {
  const own = node.body.find((st) => st.kind === "NotApplicable");
  const naPolicy = own?.kind === "NotApplicable" ? own.policy : inherited;
  const childNodes = node.body.filter((st): st is CriterionNode => st.kind === "Node");
  const common = describe(node.body);
  let weight: string | undefined;
  let appliesWhen: CompiledExpr | undefined;
  let fromSurvey = false;
  for (const option of node.options) {
    if (option.kind === "Weight") weight = canonicalExact(option.text);
    else if (option.kind === "AppliesWhen") appliesWhen = lowerExpr(option.condition, UNIT_LEVEL);
    else fromSurvey = true;
  }
  const aggregate = node.body.find((st) => st.kind === "Aggregate");
  return {
    id: node.id.value,
    keyword: node.keyword,
    title: node.title.value,
    max: canonicalExact(node.max.text),
    ...(weight === undefined ? {} : { weight }),
    ...common,
    ...(appliesWhen === undefined ? {} : { appliesWhen }),
    fromSurvey,
    naPolicy,
    clamp: !node.body.some((st) => st.kind === "Unclamped"),
    ...(childNodes.length > 0
      ? { aggregate: aggregate?.kind === "Aggregate" ? aggregate.method : "sum", children: childNodes.map((c) => lowerNode(c, naPolicy)) }
      : { leaf: lowerLeaf(node.body, node.id.value) }),
  };
}

function lowerExtra(extra: ExtraNode): CompiledExtra {
  return {
    id: extra.id.value,
    sign: extra.sign,
    title: extra.title.value,
    max: canonicalExact(extra.max.text),
    ...describe(extra.body),
    leaf: lowerLeaf(extra.body, extra.id.value),
  };
}

function describe(body: readonly NodeStatement[]): { description?: string; evidence: string[] } {
  const description = body.find((st) => st.kind === "Description");
  const evidence = body.flatMap((st) => (st.kind === "Evidence" ? st.items.map((i) => i.value) : []));
  return description?.kind === "Description" ? { description: description.text.value, evidence } : { evidence };
}

function lowerLeaf(body: readonly NodeStatement[], site: string): CompiledLeaf {
  const inputs = body.flatMap((st) => (st.kind === "Input" ? st.declarations.map(lowerDecl) : []));
  const context: ExprContext = {
    inputs: new Set(inputs.map((i) => i.name)),
    lets: new Set(body.flatMap((st) => (st.kind === "Let" ? [st.name.name] : []))),
    rubricLevel: false,
    lists: new Set(inputs.filter((i) => i.type.kind === "list").map((i) => i.name)),
    site,
  };
  const lets = body.flatMap((st) => (st.kind === "Let" ? [{ name: st.name.name, expr: lowerExpr(st.value, context) }] : []));
  const when = body.flatMap((st) => (st.kind === "When" ? [{ cond: lowerExpr(st.condition, context), policy: st.policy }] : []));
  const score = body.find((st) => st.kind === "Score" || st.kind === "ScoreGiven");
  const rule: CompiledLeaf["rule"] =
    score?.kind === "Score"
      ? { kind: "expr", expr: lowerExpr(score.rule, context) }
      : score?.kind === "ScoreGiven" && score.step !== undefined
        ? { kind: "given", step: canonicalDecimal(score.step.text) }
        : { kind: "given" };
  return { inputs, lets, when, rule };
}

function lowerDecl(decl: Declaration): CompiledDecl {
  return decl.label === undefined ? { name: decl.name.name, type: lowerType(decl.type) } : { name: decl.name.name, label: decl.label.value, type: lowerType(decl.type) };
}

function lowerType(type: TypeExpr): CompiledType {
  return type.kind === "ListType" ? { kind: "list", element: lowerScalar(type.element) } : lowerScalar(type);
}

function lowerScalar(type: ScalarType): CompiledScalarType {
  switch (type.kind) {
    case "NumberType": {
      const bound = (b: { value: string } | undefined): string | undefined => (b === undefined ? undefined : canonicalDecimal(b.value));
      const min = bound(type.min);
      const max = bound(type.max);
      return { kind: type.name, ...(min === undefined ? {} : { min }), ...(max === undefined ? {} : { max }) };
    }
    case "LikertType":
      return { kind: "likert", min: canonicalDecimal(type.min.value), max: canonicalDecimal(type.max.value) };
    case "SimpleType":
      return { kind: type.name };
    case "EnumType":
      return { kind: "enum", members: type.members.map((m) => m.name) };
  }
}

/**
 * A rubric id derived from its title: lower case ASCII, diacritics removed, words
 * joined by `-` ("Chỉ số CCHC cấp sở" → "chi-so-cchc-cap-so").
 * @param title - the rubric title
 */
export function slug(title: string): string {
  const ascii = title.normalize("NFD").replace(/\p{M}/gu, "").replace(/[đĐ]/g, "d").toLowerCase();
  return ascii.replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "") || "rubric";
}
