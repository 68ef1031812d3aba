import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { CompiledRubric } from "../../src/compile/types.js";
import { evaluate, unitInError, type EvaluateOutcome } from "../../src/io/evaluate.js";
import { slimOutcome } from "../../src/io/slim.js";
import { CompactRanking } from "../../src/rank/compact.js";
import { policyOf, rank } from "../../src/rank/rank.js";
import type { PreviousRow, RankOptions } from "../../src/rank/types.js";
import { compactRankingLines } from "../../src/report/compact-table.js";
import { renderRanking } from "../../src/report/render.js";
import { rubricOf } from "../runtime/helpers.js";

// Bands on conditions, an area that applies to some units only (so maxima differ), a
// later key that breaks ties, and eligibility.
const plain = rubricOf(`rubric "R" {
  unit { kind "Loại": enum(so, huyen, khac) }
  area "1" "Một" max 60 { score = given step 5 }
  area "2" "Hai" max 40 applies when unit.kind != khac { not applicable: exclude
    score = given step 10 }
  ranking { by index desc, then area "1" desc
    eligible when unit.kind != khac "không xếp hạng" }
  bands { "Tốt" when index >= 80
    "Khá" when index >= 50
    "Còn lại" otherwise }
}`);

// Percentile groups, bands per unit group, within-group ranking, dense ties.
const grouped = rubricOf(`rubric "G" {
  area "1" "Một" max 50 { score = given step 5 }
  area "2" "Hai" max 50 { score = given step 10 }
  ranking { by index desc, then area "2" desc
    ties dense
    within group }
  bands in group "so" { "Nhóm I" when index >= 70
    "Nhóm II" otherwise }
  bands by percentile inc { "Cao" from percentile 75
    "Giữa" above percentile 25
    "Thấp" otherwise }
}`);

const unitArb = fc.record({
  id: fc.constantFrom("a", "b", "c", "d", "e", "f", "g", "h", "i", "k", "=cmd", "x y"),
  name: fc.option(fc.constantFrom("Sở A", "Sở B", "Huyện \"C\"", "Sở, D"), { nil: undefined }),
  group: fc.option(fc.constantFrom("so", "huyen"), { nil: undefined }),
  kind: fc.constantFrom("so", "huyen", "khac"),
  one: fc.option(fc.integer({ min: 0, max: 10 }), { nil: undefined, freq: 12 }),
  two: fc.integer({ min: 0, max: 4 }),
});

type Unit = typeof unitArb extends fc.Arbitrary<infer U> ? U : never;

function outcomeOf(rubric: CompiledRubric, u: Unit): EvaluateOutcome {
  const unit = { id: u.id, ...(u.name === undefined ? {} : { name: u.name }), ...(u.group === undefined ? {} : { group: u.group }), ...(rubric === plain ? { kind: u.kind } : {}) };
  const self: Record<string, { points: string }> = { "2": { points: String(u.two * 10) } };
  if (u.one !== undefined) self["1"] = { points: String(u.one * 5) };
  return slimOutcome(rubric, evaluate(rubric, { unit, self }));
}

const previousArb = fc.option(fc.array(fc.record({ unitId: fc.constantFrom("a", "b", "c", "z"), rank: fc.integer({ min: 1, max: 9 }), index: fc.constantFrom("50.00", "72.50", "90.00") }), { maxLength: 4 }), { nil: undefined });

const case_ = fc.record({
  units: fc.array(unitArb, { maxLength: 14 }),
  previous: previousArb,
  ties: fc.option(fc.constantFrom("shared", "dense", "ordinal" as const), { nil: undefined }),
  on: fc.option(fc.constantFrom("exact", "published" as const), { nil: undefined }),
  withinGroup: fc.option(fc.boolean(), { nil: undefined }),
  format: fc.constantFrom("text", "md", "csv" as const),
  locale: fc.constantFrom("vi", "en" as const),
});

describe("the compact ranking gives rank's table, byte for byte", () => {
  for (const [name, rubric] of [["bands, eligibility, differing maxima", plain], ["percentile groups, bands per group", grouped]] as const) {
    it(name, () => {
      fc.assert(fc.property(case_, (c) => {
        const outcomes = c.units.map((u) => outcomeOf(rubric, u));
        const options: RankOptions = {
          ...(c.previous === undefined ? {} : { previous: c.previous as PreviousRow[] }),
          ...(c.ties === undefined ? {} : { ties: c.ties }), ...(c.on === undefined ? {} : { on: c.on }), ...(c.withinGroup === undefined ? {} : { withinGroup: c.withinGroup }),
        };
        // As `rubric score` does: a submission refused is listed by the reader, not ranked.
        const okOutcomes = outcomes.flatMap((o) => (o.ok ? [o] : []));
        const expected = renderRanking(rank(rubric, okOutcomes, options), c.format, c.locale, rubric.meta.title, rubric);
        const store = new CompactRanking(rubric, policyOf(rubric, options));
        const origins: string[] = [];
        for (const [i, o] of outcomes.entries()) if (o.ok) origins.push(store.add(o.result, `units.jsonl:${i + 1}`) ?? "");
        const ranked = store.rank(rubric, policyOf(rubric, options), options.previous, (unit, e) => unitInError(rubric, unit, String(e)));
        expect([...compactRankingLines(ranked, ranked.unranked, c.format, c.locale, rubric.meta.title, rubric)].join("")).toBe(expected);
        // Where a repeated id was first given.
        const firstLine = new Map<string, number>();
        outcomes.forEach((o, i) => { if (o.ok && !firstLine.has(o.result.unit.id)) firstLine.set(o.result.unit.id, i + 1); });
        okOutcomes.forEach((o, k) => {
          const first = firstLine.get(o.result.unit.id)!;
          expect(origins[k]).toBe(outcomes.indexOf(o) + 1 === first ? "" : `units.jsonl:${first}`);
        });
      }), { numRuns: 400 });
    });
  }
});
