/**
 * Submissions as JSON for any compiled rubric, with every layer: self (or survey, for
 * survey leaves) from one generated unit, an appraisal layer correcting a random part
 * of them from another (values, given points, reasons, reason-only records), the
 * unit's facts and not-applicable declarations. Built on the runtime's unit generator
 * (`test/runtime/arbitraries.ts`), so values may be missing or points off the step.
 */
import fc from "fast-check";
import { Exact } from "../../src/runtime/exact.js";
import type { CompiledDecl, CompiledRubric } from "../../src/compile/types.js";
import { leavesOf } from "../../src/io/schema.js";
import type { UnitInputs } from "../../src/runtime/result.js";
import type { Value } from "../../src/runtime/values.js";
import { unitArbFor } from "../runtime/arbitraries.js";

type Json = string | number | boolean | Json[];

/** A typed value as a submission writes it: percents in percent points, numbers as strings or JSON numbers. */
function json(v: Value, percent: boolean, asNumber: boolean): Json {
  switch (v.kind) {
    case "num": {
      const n = percent ? v.value.times(Exact.int(100)) : v.value;
      return asNumber ? Number(n.toString()) : n.toString();
    }
    case "list": return v.items.map((item) => json(item, percent, asNumber));
    case "bool": return v.value;
    default: return v.value;
  }
}

function isPercent(d: CompiledDecl): boolean {
  return (d.type.kind === "list" ? d.type.element.kind : d.type.kind) === "percent";
}

function record(decls: readonly CompiledDecl[], data: UnitInputs["nodes"] extends ReadonlyMap<string, infer D> ? D : never, given: boolean, keep: (name: string) => boolean, asNumber: boolean): Record<string, Json> {
  const out: Record<string, Json> = {};
  for (const d of decls) {
    const v = data.inputs?.get(d.name);
    if (v !== undefined && keep(d.name)) out[d.name] = json(v, isPercent(d), asNumber);
  }
  if (given && data.points !== undefined && keep("points")) out["points"] = asNumber ? Number(data.points) : data.points;
  return out;
}

/** Random submissions of every layer for a rubric (`faults`: as `unitArbFor`). */
export function layeredSubmissionArb(rubric: CompiledRubric, faults = true): fc.Arbitrary<Record<string, unknown>> {
  const leaves = leavesOf(rubric);
  const blocks = [
    ...leaves.map(({ node, survey }) => ({ id: node.id, decls: node.leaf!.inputs, given: node.leaf!.rule.kind === "given", survey })),
    ...rubric.extras.map((e) => ({ id: e.id, decls: e.leaf.inputs, given: false, survey: false })),
  ];
  const corrections = fc.array(fc.tuple(fc.nat(), fc.nat(), fc.option(fc.constantFrom("Hồ sơ thiếu minh chứng", ""), { nil: undefined })), { maxLength: 6 });
  return fc.tuple(unitArbFor(rubric, faults), unitArbFor(rubric, faults), corrections, fc.boolean(), fc.boolean()).map(([base, other, fixes, asNumber, reorder]) => {
    const self: Record<string, unknown> = {};
    const survey: Record<string, unknown> = {};
    for (const b of blocks) {
      const data = base.nodes.get(b.id);
      if (data !== undefined) (b.survey ? survey : self)[b.id] = record(b.decls, data, b.given, () => true, asNumber);
    }
    // Appraisal: for a few non-survey blocks, some of another unit's values and a reason.
    const appraisal: Record<string, Record<string, Json>> = {};
    const open = blocks.filter((b) => !b.survey);
    for (const [which, mask, reason] of fixes) {
      if (open.length === 0) break;
      const b = open[which % open.length]!;
      const data = other.nodes.get(b.id) ?? {};
      const names = [...b.decls.map((d) => d.name), "points"];
      const fixed = record(b.decls, data, b.given, (name) => ((mask >> names.indexOf(name)) & 1) === 1, asNumber);
      appraisal[b.id] = { ...appraisal[b.id], ...fixed, ...(reason === undefined ? {} : { reason }) };
    }
    const facts: Record<string, Json> = {};
    for (const f of rubric.unitFacts) {
      const v = base.facts.get(f.name);
      if (v !== undefined) facts[f.name] = json(v, isPercent(f), asNumber);
    }
    const notApplicable = Object.fromEntries([...base.nodes].flatMap(([id, d]) => (d.notApplicable === undefined ? [] : [[id, d.notApplicable]])));
    const order = (o: Record<string, unknown>) => (reorder ? Object.fromEntries(Object.entries(o).reverse()) : o);
    return {
      unit: { id: "u", ...(rubric.unitFacts.length === 0 ? {} : { facts: order(facts) }) },
      ...(Object.keys(self).length === 0 ? {} : { self: order(self) }),
      ...(Object.keys(survey).length === 0 ? {} : { survey: order(survey) }),
      ...(Object.keys(appraisal).length === 0 ? {} : { appraisal: order(appraisal) }),
      ...(Object.keys(notApplicable).length === 0 ? {} : { notApplicable: order(notApplicable) }),
    };
  });
}
