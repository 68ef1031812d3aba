/**
 * Units prepared once for many evaluations: submissions validated and layered, their
 * inputs read into kernel columns (final layer, and where the appraisal council
 * corrected a value, the self-assessed one beside it), and a way to score them all
 * with varied parameters into the slim results `rank` reads.
 * @module
 */
import type { CompiledRubric, CompiledType } from "../compile/types.js";
import type { EvaluationResult } from "../io/evaluate.js";
import { layered } from "../io/layers.js";
import { compileValidator } from "../io/validate.js";
import { Exact } from "../runtime/exact.js";
import { add, fromExact, isNum, mul, numText, sub, toExact, type Num } from "../runtime/fast-num.js";
import { kernelOf, SKIPPED, type Kernel, type KernelParams, type KernelScores, type LeafMemo } from "../runtime/kernel.js";
import { readColumns, type GivenPoints, type KernelColumns } from "../runtime/kernel-columns.js";
import type { Fast } from "../runtime/kernel-expr.js";
import type { UnitInputs } from "../runtime/result.js";

/** A value the appraisal council changed: where it lives, and both versions. */
interface Correction {
  /** Index into the column array (values or given). */
  readonly at: number;
  readonly self: Fast | GivenPoints | undefined;
  readonly final: Fast | GivenPoints | undefined;
  /** How a scaled value is kept to its type: whole (count, likert), a multiple of a step, or as is. */
  readonly round: "whole" | Exact | undefined;
}

/** Units ready for repeated scoring. */
export interface PreparedUnits {
  readonly rubric: CompiledRubric;
  readonly kernel: Kernel;
  /** The valid units, in input order. */
  readonly units: readonly UnitInputs["unit"][];
  /** Final-layer columns of the valid units. */
  readonly final: KernelColumns;
  /** Values corrected at appraisal (empty without appraisal layers). */
  readonly corrections: { readonly values: readonly Correction[]; readonly given: readonly Correction[] };
  /** Submissions that could not be read, with why. */
  readonly invalid: readonly { readonly unit: { readonly id: string }; readonly reason: string }[];
}

function typeOf(rubric: CompiledRubric): (node: string, name: string) => CompiledType | undefined {
  const types = new Map<string, CompiledType>();
  const visit = (n: CompiledRubric["nodes"][number]): void => {
    for (const d of n.leaf?.inputs ?? []) types.set(`${n.id}\u0000${d.name}`, d.type);
    n.children?.forEach(visit);
  };
  rubric.nodes.forEach(visit);
  for (const x of rubric.extras) for (const d of x.leaf.inputs) types.set(`${x.id}\u0000${d.name}`, d.type);
  return (node, name) => types.get(`${node}\u0000${name}`);
}

function givenStep(rubric: CompiledRubric, id: string): Exact | undefined {
  let step: string | undefined;
  const visit = (n: CompiledRubric["nodes"][number]): void => {
    if (n.id === id && n.leaf?.rule.kind === "given") step = n.leaf.rule.step;
    n.children?.forEach(visit);
  };
  rubric.nodes.forEach(visit);
  for (const x of rubric.extras) if (x.id === id && x.leaf.rule.kind === "given") step = x.leaf.rule.step;
  return step === undefined ? undefined : Exact.of(step);
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/**
 * Validates, layers and reads submissions once.
 * @param rubric - the compiled rubric
 * @param submissions - the units' submissions, as parsed JSON
 */
export function prepareUnits(rubric: CompiledRubric, submissions: readonly unknown[]): PreparedUnits {
  const kernel = kernelOf(rubric);
  const validate = compileValidator(rubric);
  const finals: UnitInputs[] = [];
  const selves: UnitInputs[] = [];
  const invalid: { unit: { id: string }; reason: string }[] = [];
  submissions.forEach((s, i) => {
    const parsed = validate(s);
    if (!parsed.ok) {
      invalid.push({ unit: { id: `#${i + 1}` }, reason: `invalid submission: ${parsed.issues.map((x) => `${x.path.join(".")}: ${x.message}`).join("; ")}` });
      return;
    }
    const views = layered(parsed.value);
    finals.push(views.final);
    selves.push(views.self);
  });
  const final = readColumns(kernel.layout, finals);
  const self = readColumns(kernel.layout, selves);
  const type = typeOf(rubric);
  const size = finals.length;
  const values: Correction[] = [];
  kernel.layout.columns.forEach((c, slot) => {
    const kind = c.kind === "input" ? type(c.node, c.name)?.kind : undefined;
    const round = kind === "count" || kind === "likert" ? "whole" : undefined;
    for (let u = 0; u < size; u++) {
      const at = slot * size + u;
      if (!same(self.values[at], final.values[at])) values.push({ at, self: self.values[at], final: final.values[at], round });
    }
  });
  const given: Correction[] = [];
  kernel.layout.given.forEach((id, slot) => {
    const step = givenStep(rubric, id);
    for (let u = 0; u < size; u++) {
      const at = slot * size + u;
      if (!same(self.given[at]?.exact.toString(), final.given[at]?.exact.toString())) given.push({ at, self: self.given[at], final: final.given[at], round: step });
    }
  });
  return { rubric, kernel, units: finals.map((f) => f.unit), final, corrections: { values, given }, invalid };
}

function rounded(v: Num, round: Correction["round"]): Num {
  if (round === undefined) return v;
  if (round === "whole") return fromExact(toExact(v).roundTo(0, "half-up"));
  return fromExact(toExact(v).dividedBy(round).roundTo(0, "half-up").times(round));
}

/** self + s × (final − self) for numbers; otherwise the final value from s ≥ ½ on. */
function between(self: Fast | undefined, final: Fast | undefined, s: Num, half: boolean, round: Correction["round"]): Fast | undefined {
  if (self !== undefined && final !== undefined && isNum(self) && isNum(final)) return rounded(add(self, mul(s, sub(final, self))), round);
  return half ? final : self;
}

/**
 * Columns with the appraisal corrections scaled by `s` (0: the self-assessment, 1: the
 * appraised values), written into `work` (a copy of the final columns made once).
 * @param units - the prepared units
 * @param s - the scale, from 0 to 1
 * @param work - columns to overwrite (from {@link workColumns})
 */
export function scaleCorrections(units: PreparedUnits, s: Exact, work: KernelColumns): void {
  const k = fromExact(s);
  const half = s.gte(Exact.fraction(1n, 2n));
  for (const c of units.corrections.values) work.values[c.at] = between(c.self as Fast | undefined, c.final as Fast | undefined, k, half, c.round);
  for (const c of units.corrections.given) {
    const [a, b] = [c.self as GivenPoints | undefined, c.final as GivenPoints | undefined];
    const v = a !== undefined && b !== undefined ? rounded(add(a.num, mul(k, sub(b.num, a.num))), c.round) : half ? b?.num : a?.num;
    work.given[c.at] = v === undefined ? undefined : { exact: toExact(v), num: v };
  }
}

/**
 * A private copy of the final columns, for {@link scaleCorrections}.
 * @param units - the prepared units
 */
export function workColumns(units: PreparedUnits): KernelColumns {
  return { size: units.final.size, values: units.final.values.slice(), given: units.final.given.slice(), declared: units.final.declared };
}

const NO_ERRORS: EvaluationResult["errors"] = Object.freeze([]);

/**
 * Scores every unit with the given parameters into the slim results `rank` reads (the
 * figures, the top-level areas and the nodes the ranking sorts by). A unit the kernel
 * cannot score is incomplete, so `rank` lists it apart.
 * @param units - the prepared units
 * @param columns - their columns (the final ones, or scaled corrections)
 * @param params - the kernel parameters
 * @param scores - a scratch scores object of the kernel
 * @param keep - node slots to report points for
 * @param memos - per unit, leaf outcomes to reuse (see `LeafMemo`)
 */
export function scoreUnits(units: PreparedUnits, columns: KernelColumns, params: KernelParams, scores: KernelScores, keep: readonly number[], memos?: readonly LeafMemo[]): EvaluationResult[] {
  const { kernel } = units;
  const identity = { id: units.rubric.meta.id, fingerprint: units.rubric.fingerprint };
  return units.units.map((unit, u): EvaluationResult => {
    if (!kernel.run(columns, u, params, scores, memos?.[u])) {
      return { unit, rubric: identity, complete: false, errors: [{ node: "", code: "internal-error", message: "cannot be scored with these parameters" }], nodes: {} };
    }
    const nodes: Record<string, { id: string; status: "scored"; max: string; applicable: boolean; points: string }> = {};
    for (const slot of keep) if (scores.status[slot] !== SKIPPED) nodes[kernel.nodes[slot]!.id] = { id: kernel.nodes[slot]!.id, status: "scored", max: "", applicable: true, points: numText(scores.points[slot]!) };
    return {
      unit, rubric: identity, complete: true, errors: NO_ERRORS,
      points: numText(scores.total), max: numText(scores.maxTotal), bonus: numText(scores.bonus), penalty: numText(scores.penalty), index: numText(scores.index), nodes,
    };
  });
}

/**
 * Node slots a ranking reads: the top-level areas and the node sort keys.
 * @param units - the prepared units
 */
export function rankedSlots(units: PreparedUnits): number[] {
  const { kernel, rubric } = units;
  const ids = new Set([...rubric.nodes.map((n) => n.id), ...rubric.ranking.keys.flatMap((k) => (k.target.kind === "node" ? [k.target.id] : []))]);
  return kernel.nodes.flatMap((n, slot) => (ids.has(n.id) ? [slot] : []));
}
