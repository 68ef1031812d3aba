/**
 * The straightforward `evaluate()`, kept as the reference the optimised one in
 * `src/io/evaluate.ts` is checked against: zod validation, both layers built
 * separately, the runtime twice, the layered result built by spreads with every
 * difference computed in decimal.js. Copied from the implementation before the
 * optimisation (commit b9989bc); do not optimise it.
 */
import type { CompiledRubric } from "../../src/compile/types.js";
import type { EvaluateOutcome, LayeredNodeResult, UnitWarning } from "../../src/io/evaluate.js";
import { codedIssue } from "../../src/io/issue-codes.js";
import type { Layer, LayeredInputs } from "../../src/io/layers.js";
import { submissionSchema, type ParsedSubmission } from "../../src/io/schema.js";
import { Exact, text } from "../../src/runtime/exact.js";
import { evaluateUnit } from "../../src/runtime/evaluate.js";
import type { UnitInputs, UnitResult } from "../../src/runtime/result.js";
import type { Value } from "../../src/runtime/values.js";

type NodeData = { inputs: Map<string, Value>; points?: string; notApplicable?: string };
type LayerData = Readonly<Record<string, Readonly<Record<string, unknown>> | undefined>>;

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
export function referenceLayered(submission: ParsedSubmission): LayeredInputs {
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
  return { self: build(false), final: build(true, sources), sources, reasons };
}

/** A value as results show it: decimals as strings, lists element by element. */
function shown(v: Value | undefined): string | boolean | readonly (string | boolean)[] {
  if (v === undefined) return "";
  switch (v.kind) {
    case "num": return text(v.value);
    case "bool": return v.value;
    case "list": return v.items.map((item) => shown(item) as string | boolean);
    default: return v.value;
  }
}

function plain(rubric: CompiledRubric, data: UnitInputs, explain: boolean): UnitResult {
  const result = evaluateUnit(rubric, data, { plain: true });
  return explain ? result : { ...result, nodes: result.nodes.map(({ trace: _trace, ...rest }) => rest) };
}

const schemas = new WeakMap<CompiledRubric, ReturnType<typeof submissionSchema>>();

function schemaOf(rubric: CompiledRubric): ReturnType<typeof submissionSchema> {
  let schema = schemas.get(rubric);
  if (schema === undefined) {
    schema = submissionSchema(rubric);
    schemas.set(rubric, schema);
  }
  return schema;
}

/**
 * Validates and evaluates one unit's submission. Never throws.
 * @param rubric - a compiled rubric (from `compile` or `loadCompiled`)
 * @param submission - the unit's submission, as parsed JSON
 * @param explain - keep the plain path's traces (as `evaluate(…, { explain: true })` does)
 */
export function referenceEvaluate(rubric: CompiledRubric, submission: unknown, explain = false): EvaluateOutcome {
  try {
    const parsed = schemaOf(rubric).safeParse(submission);
    if (!parsed.success) {
      // The refused submission keeps the unit it names, when its id is a non-empty string.
      const unit = (submission as { unit?: { id?: unknown; name?: unknown } } | null)?.unit;
      const named = typeof unit?.id === "string" && unit.id.trim() !== "" ? { unit: { id: unit.id.normalize("NFC"), ...(typeof unit.name === "string" && unit.name.trim() !== "" ? { name: unit.name } : {}) } } : {};
      return { ok: false, issues: parsed.error.issues.map((i) => codedIssue({ path: i.path.map((p) => (typeof p === "symbol" ? String(p) : p)), message: i.message })), ...named };
    }
    const inputs = referenceLayered(parsed.data);
    // Always the plain (reference) path; without `explain` its traces are dropped.
    const final = plain(rubric, inputs.final, explain);
    const self = plain(rubric, inputs.self, explain);
    const selfById = new Map(self.nodes.map((n) => [n.id, n]));
    const nodes = final.nodes.map((n): LayeredNodeResult => {
      const s = selfById.get(n.id)?.points;
      const sources = inputs.sources.get(n.id);
      const data = inputs.final.nodes.get(n.id);
      const reason = inputs.reasons.get(n.id);
      return {
        ...n,
        ...(s === undefined ? {} : { selfPoints: s }),
        ...(s === undefined || n.points === undefined ? {} : { difference: text(Exact.of(n.points).minus(Exact.of(s))) }),
        ...(sources === undefined ? {} : { values: Object.fromEntries([...sources].sort(([a], [b]) => (a < b ? -1 : 1)).map(([name, layer]) => [name, { value: name === "points" ? data?.points ?? "" : shown(data?.inputs?.get(name)), layer }])) }),
        ...(reason === undefined ? {} : { reason }),
      };
    });
    const { figures, nodes: _list, ...rest } = final;
    const warnings = referenceWarnings(rubric, inputs.sources, nodes, new Set(Object.keys(parsed.data.notApplicable ?? {})));
    return {
      ok: true,
      result: {
        ...rest,
        ...(figures ?? {}),
        ...(self.figures === undefined ? {} : { self: self.figures }),
        ...(figures === undefined || self.figures === undefined ? {} : { difference: text(Exact.of(figures.points).minus(Exact.of(self.figures.points))) }),
        nodes: Object.fromEntries(nodes.map((n) => [n.id, n])),
        ...(warnings.length === 0 ? {} : { warnings }),
      },
    };
  } catch (error) {
    return { ok: false, issues: [codedIssue({ path: [], message: `internal error while evaluating: ${error instanceof Error ? error.message : String(error)}` })] };
  }
}

/** The ids from the top down to a node of the tree (empty when it is not in the tree: a bonus or penalty block). */
function pathTo(list: CompiledRubric["nodes"], id: string): string[] {
  for (const n of list) {
    if (n.id === id) return [id];
    const below = n.children === undefined ? [] : pathTo(n.children, id);
    if (below.length > 0) return [n.id, ...below];
  }
  return [];
}

/** Values given for a node declared not arising, or under one that does not apply, the straightforward way. */
function referenceWarnings(rubric: CompiledRubric, sources: ReadonlyMap<string, ReadonlyMap<string, Layer>>, nodes: readonly LayeredNodeResult[], declared: ReadonlySet<string>): UnitWarning[] {
  const status = new Map(nodes.map((n) => [n.id, n.status]));
  const out: UnitWarning[] = [];
  for (const [id, given] of sources) {
    const path = pathTo(rubric.nodes, id);
    if (path.length === 0) continue;
    const ancestors = path.slice(0, -1).reverse();
    const cause = declared.has(id) ? id : ancestors.find((a) => declared.has(a) || status.get(a) === "not-applicable");
    if (cause !== undefined) out.push({ code: "value-not-applicable", node: id, args: { inputs: [...given].map(([name, layer]) => ({ name, layer })), notApplicable: cause } });
  }
  return out;
}
