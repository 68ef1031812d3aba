/**
 * Where a column of a data table (CSV, XLSX) puts its value in a submission: the
 * unit's fields and facts, a leaf's input in a layer, given points, the council's
 * reason, a not-arising declaration. Shared by the wide and the long table shapes, so
 * both accept exactly the same names and refuse the same mistakes.
 * @module
 */
import type { CompiledRubric, CompiledType } from "../compile/types.js";
import type { Locale } from "../diagnostics.js";
import { readCell, readCellDecimal, type CellRead } from "./cells.js";
import type { Layer } from "./layers.js";
import { leavesOf } from "./readers.js";
import { TARGET_MESSAGES as M } from "./target-messages.js";

/** What a column (wide) or a row (long) fills in. */
export type Target =
  | { readonly kind: "unit"; readonly field: "id" | "name" | "group" }
  | { readonly kind: "fact"; readonly name: string; readonly type: CompiledType }
  | { readonly kind: "input"; readonly layer: Layer; readonly node: string; readonly input: string; readonly type: CompiledType }
  | { readonly kind: "points"; readonly layer: "self" | "appraisal"; readonly node: string }
  | { readonly kind: "reason"; readonly node: string }
  | { readonly kind: "notApplicable"; readonly node: string };

/**
 * The layer names a table may use, `notApplicable` included.
 * @category Data
 */
export const TABLE_LAYERS = ["self", "appraisal", "survey", "notApplicable"] as const;

interface LeafInfo {
  readonly survey: boolean;
  readonly given: boolean;
  readonly inputs: ReadonlyMap<string, CompiledType>;
}

/** The names a rubric gives a table: leaves (and bonus/penalty blocks), every node id, unit facts. */
export interface RubricTargets {
  /** Leaves and bonus/penalty blocks by id. */
  readonly leaves: ReadonlyMap<string, LeafInfo>;
  /** Every node id (leaves and inner nodes): what `notApplicable` accepts. */
  readonly nodeIds: ReadonlySet<string>;
  /** Unit facts by name. */
  readonly facts: ReadonlyMap<string, CompiledType>;
}

const cache = new WeakMap<CompiledRubric, RubricTargets>();

/**
 * The names a rubric gives the columns of a data table (computed once per rubric).
 * @param rubric - a compiled rubric
 */
export function rubricTargets(rubric: CompiledRubric): RubricTargets {
  const known = cache.get(rubric);
  if (known !== undefined) return known;
  const leaves = new Map<string, LeafInfo>();
  for (const { node, survey } of leavesOf(rubric)) {
    leaves.set(node.id, { survey, given: node.leaf!.rule.kind === "given", inputs: new Map(node.leaf!.inputs.map((d) => [d.name, d.type])) });
  }
  for (const e of rubric.extras) leaves.set(e.id, { survey: false, given: false, inputs: new Map(e.leaf.inputs.map((d) => [d.name, d.type])) });
  const nodeIds = new Set<string>(leaves.keys());
  const walk = (nodes: CompiledRubric["nodes"]): void => {
    for (const n of nodes) {
      nodeIds.add(n.id);
      if (n.children !== undefined) walk(n.children);
    }
  };
  walk(rubric.nodes);
  const targets = { leaves, nodeIds, facts: new Map(rubric.unitFacts.map((f) => [f.name, f.type])) };
  cache.set(rubric, targets);
  return targets;
}

type Resolved = { readonly ok: true; readonly target: Target } | { readonly ok: false; readonly message: string };

function listed(names: Iterable<string>, locale: Locale): string {
  const all = [...names];
  return all.length > 12 ? `${all.slice(0, 12).join(", ")}, …` : all.join(", ") || M.none(locale);
}

/**
 * Resolves what a column or row names: a layer (empty: `self`, or `survey` for a leaf
 * scored from the survey), a node id (or `unit`) and an input name (or `points`,
 * `reason`). Returns a message saying what to write instead when it names nothing.
 * @param targets - the rubric's names ({@link rubricTargets})
 * @param layer - `self`, `appraisal`, `survey`, `notApplicable` or empty
 * @param node - a node id, or `unit`
 * @param input - an input name, `points`, `reason`; a unit field or fact for `unit`; empty for `notApplicable`
 * @param locale - the language of the message
 */
export function resolveTarget(targets: RubricTargets, layer: string, node: string, input: string, locale: Locale = "en"): Resolved {
  if (layer !== "" && !(TABLE_LAYERS as readonly string[]).includes(layer)) {
    return { ok: false, message: M.unknownLayer(locale, layer, TABLE_LAYERS.join(", ")) };
  }
  if (layer === "notApplicable") {
    if (input !== "") return { ok: false, message: M.notApplicableInput(locale, input) };
    return targets.nodeIds.has(node) ? { ok: true, target: { kind: "notApplicable", node } } : { ok: false, message: M.unknownNode(locale, node, listed(targets.nodeIds, locale)) };
  }
  if (node === "unit") {
    if (layer !== "") return { ok: false, message: M.unitLayer(locale, layer) };
    if (input === "id" || input === "name" || input === "group") return { ok: true, target: { kind: "unit", field: input } };
    const type = targets.facts.get(input);
    if (type !== undefined) return { ok: true, target: { kind: "fact", name: input, type } };
    return { ok: false, message: M.unknownUnitField(locale, input, listed(targets.facts.keys(), locale)) };
  }
  const leaf = targets.leaves.get(node);
  if (leaf === undefined) {
    return { ok: false, message: M.unknownLeaf(locale, node, targets.nodeIds.has(node), listed(targets.leaves.keys(), locale)) };
  }
  const chosen: Layer = layer === "" ? (leaf.survey ? "survey" : "self") : (layer as Layer);
  if (leaf.survey && chosen !== "survey") return { ok: false, message: M.surveyOnly(locale, node, input) };
  if (!leaf.survey && chosen === "survey") return { ok: false, message: M.notSurvey(locale, node, input) };
  if (input === "reason") {
    return chosen === "appraisal" ? { ok: true, target: { kind: "reason", node } } : { ok: false, message: M.reasonOutsideAppraisal(locale, node) };
  }
  if (input === "points") {
    if (!leaf.given) return { ok: false, message: M.pointsNotGiven(locale, node, listed(leaf.inputs.keys(), locale)) };
    return { ok: true, target: { kind: "points", layer: chosen as "self" | "appraisal", node } };
  }
  const type = leaf.inputs.get(input);
  if (type === undefined) return { ok: false, message: M.unknownInput(locale, node, input, listed(leaf.inputs.keys(), locale), leaf.given) };
  return { ok: true, target: { kind: "input", layer: chosen, node, input, type } };
}

/**
 * The JSON path in a submission that a target fills.
 * @param target - a resolved target
 */
export function targetPath(target: Target): string[] {
  switch (target.kind) {
    case "unit": return ["unit", target.field];
    case "fact": return ["unit", "facts", target.name];
    case "input": return [target.layer, target.node, target.input];
    case "points": return [target.layer, target.node, "points"];
    case "reason": return ["appraisal", target.node, "reason"];
    case "notApplicable": return ["notApplicable", target.node];
  }
}

/**
 * Reads a cell's text for a target: typed inputs and facts through {@link readCell},
 * points as an exact decimal, unit fields and reasons as trimmed text. Empty is
 * `undefined` (not given).
 * @param target - a resolved target
 * @param raw - the cell's text
 * @param locale - the data's locale
 */
export function readTarget(target: Target, raw: string, locale: Locale): CellRead {
  switch (target.kind) {
    case "fact": case "input": return readCell(raw, target.type, locale);
    case "points": {
      if (raw.trim() === "") return { ok: true, value: undefined };
      const read = readCellDecimal(raw, locale);
      return read.ok ? { ok: true, value: read.text } : read;
    }
    default: {
      const text = raw.trim();
      return { ok: true, value: text === "" ? undefined : text };
    }
  }
}
