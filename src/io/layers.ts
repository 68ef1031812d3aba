/**
 * From a parsed submission to the runtime's inputs, per layer: the self-assessed
 * inputs, and the final ones (the appraised value where it exists, else the
 * self-assessed one; survey values for survey nodes).
 * @module
 */
import type { UnitInputs } from "../runtime/result.js";
import type { Value } from "../runtime/values.js";
import type { ParsedSubmission } from "./readers.js";

type NodeData = { inputs: Map<string, Value>; points?: string; notApplicable?: string };
type LayerData = Readonly<Record<string, Readonly<Record<string, unknown>> | undefined>>;

/**
 * Where a final value came from.
 * @category Evaluate
 */
export type Layer = "self" | "appraisal" | "survey";

/** The two views of a unit, and where each final value came from. */
export interface LayeredInputs {
  /**
   * Inputs as the unit assessed itself (survey values included: units do not
   * self-assess them). The same object as `final` when the appraisal layer holds no
   * node at all: both views are then built by the same steps, so they are equal.
   */
  readonly self: UnitInputs;
  /** Inputs after appraisal: what the unit is scored on. */
  readonly final: UnitInputs;
  /** Per node id, per input name (or `points`): the layer of the final value. */
  readonly sources: ReadonlyMap<string, ReadonlyMap<string, Layer>>;
  /** Per node id: the appraisal council's reason, where given. */
  readonly reasons: ReadonlyMap<string, string>;
}

function add(target: Map<string, NodeData>, layer: LayerData | undefined, tag: Layer, sources: Map<string, Map<string, Layer>> | undefined): void {
  for (const [id, values] of Object.entries(layer ?? {})) {
    if (values === undefined) continue;
    const node = target.get(id) ?? { inputs: new Map<string, Value>() };
    for (const [name, v] of Object.entries(values)) {
      if (v === undefined || name === "reason") continue;
      if (name === "points") node.points = v as string;
      else node.inputs.set(name, v as Value);
      if (sources !== undefined) {
        const bySource = sources.get(id) ?? new Map<string, Layer>();
        bySource.set(name, tag);
        sources.set(id, bySource);
      }
    }
    target.set(id, node);
  }
}

/**
 * Builds the self-assessed and the final inputs of a unit.
 * @param submission - a submission the schema accepted
 */
export function layered(submission: ParsedSubmission): LayeredInputs {
  const facts = new Map(Object.entries(submission.unit.facts ?? {}) as [string, Value][]);
  const unit = {
    id: submission.unit.id,
    ...(submission.unit.name === undefined ? {} : { name: submission.unit.name }),
    ...(submission.unit.group === undefined ? {} : { group: submission.unit.group }),
  };
  const na = Object.entries(submission.notApplicable ?? {}) as [string, string][];
  const build = (withAppraisal: boolean, sources?: Map<string, Map<string, Layer>>): UnitInputs => {
    const nodes = new Map<string, NodeData>();
    add(nodes, submission.self as LayerData | undefined, "self", sources);
    add(nodes, submission.survey as LayerData | undefined, "survey", sources);
    if (withAppraisal) add(nodes, submission.appraisal as LayerData | undefined, "appraisal", sources);
    for (const [id, reason] of na) nodes.set(id, { ...(nodes.get(id) ?? { inputs: new Map() }), notApplicable: reason });
    return { unit, facts, nodes };
  };
  const sources = new Map<string, Map<string, Layer>>();
  const reasons = new Map<string, string>();
  for (const [id, values] of Object.entries((submission.appraisal ?? {}) as LayerData)) {
    const reason = values?.["reason"];
    if (typeof reason === "string") reasons.set(id, reason);
  }
  const final = build(true, sources);
  // No appraisal record: build(false) would repeat build(true)'s steps exactly.
  const appraised = Object.values((submission.appraisal ?? {}) as LayerData).some((values) => values !== undefined);
  return { self: appraised ? build(false) : final, final, sources, reasons };
}
