/**
 * Bands per unit group on the Nam Định 2020 example: departments and districts, each
 * ranked on its own and grouped by its own cut-offs, give the published group sizes
 * (khối sở 12 in Nhóm I, 5 in Nhóm II; khối huyện 9 and 1). A unit of another group
 * takes the plain block; a group block's percentile cohort is its own group.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { compile } from "../../src/compile/compile.js";
import { evaluate } from "../../src/io/evaluate.js";
import { rank } from "../../src/rank/rank.js";
import { rubricOf } from "../runtime/helpers.js";

const dir = join(import.meta.dirname, "../../examples/nam-dinh-2020");

describe("bands per unit group", () => {
  const compiled = compile(readFileSync(join(dir, "rubric.rubric"), "utf8"));
  if (!compiled.ok) throw new Error("nam-dinh-2020 does not compile");
  const rubric = compiled.rubric;
  const submissions = readdirSync(join(dir, "submissions")).sort().map((f) => JSON.parse(readFileSync(join(dir, "submissions", f), "utf8")) as { unit: { id: string; group: string } });

  it("give Nam Định's published 2020 group sizes, block by block", () => {
    const rows = rank(rubric, submissions.map((s) => evaluate(rubric, s))).rows;
    const count = (group: string, band: string): number => rows.filter((r) => r.group === group && r.band === band).length;
    expect([count("so", "Nhóm I"), count("so", "Nhóm II")]).toEqual([12, 5]);
    expect([count("huyen", "Nhóm I"), count("huyen", "Nhóm II")]).toEqual([9, 1]);
    // The same index, 81.50 %, is Nhóm II for a department and Nhóm I for a district.
    expect(rows.filter((r) => r.published.index === "81.50").map((r) => `${r.group}:${r.band}`).sort()).toEqual(["huyen:Nhóm I", "so:Nhóm II"]);
  });

  it("put a unit of any other group under the plain block, never under another group's", () => {
    const stray = { unit: { id: "ubnd-x", group: "xa" }, self: { "1": { points: "40" }, "2": { points: "40" }, "3": { points: "20" } } };
    const rows = rank(rubric, [...submissions, stray].map((s) => evaluate(rubric, s))).rows;
    expect(rows.find((r) => r.unit.id === "ubnd-x")?.band).toBe("Chưa phân khối (nhóm đơn vị không phải so hoặc huyen)");
  });

  it("form a group block's percentile cohort from its own group, even when ranking all units together", () => {
    const r = rubricOf(`rubric "R" {
  index = points
  area "1" "A" max 100 { score = given }
  bands in group "a" by percentile inc {
    "top" from percentile 50
    "low" otherwise
  }
  bands by percentile inc {
    "TOP" from percentile 50
    "LOW" otherwise
  }
}`);
    const unit = (id: string, group: string, points: number) => evaluate(r, { unit: { id, group }, self: { "1": { points: String(points) } } });
    const rows = rank(r, [unit("a1", "a", 10), unit("a2", "a", 20), unit("a3", "a", 30), unit("b1", "b", 1), unit("b2", "b", 2), unit("c1", "c", 90)]).rows;
    const band = (id: string) => rows.find((x) => x.unit.id === id);
    expect(["a1", "a2", "a3"].map((id) => band(id)?.band)).toEqual(["low", "top", "top"]);
    expect(band("a2")?.bandBasis).toEqual({ percentile: "50", method: "inc", cutoff: "20", value: "20.00", cmp: ">=", of: 3 });
    // Groups b and c share the plain block and so one cohort: 1, 2, 90 (median 2).
    expect(["b1", "b2", "c1"].map((id) => band(id)?.band)).toEqual(["LOW", "TOP", "TOP"]);
    expect(band("b1")?.bandBasis).toMatchObject({ cutoff: "2", cmp: "<", of: 3 });
  });
});

describe("percentile groups in a large tie", () => {
  it("keep one shared list of tied ids (tiedWith stays a getter), and put the whole tie in one group", () => {
    const r = rubricOf(`rubric "R" {
  index = points
  area "1" "A" max 100 { score = given }
  bands by percentile inc {
    "top" from percentile 75
    "rest" otherwise
  }
}`);
    const units = Array.from({ length: 200 }, (_, i) => evaluate(r, { unit: { id: `u${String(i).padStart(3, "0")}` }, self: { "1": { points: i < 150 ? "50" : "10" } } }));
    const rows = rank(r, units).rows;
    expect(rows.filter((x) => x.band === "top").length).toBe(150);
    expect(Object.getOwnPropertyDescriptor(rows[0]!, "tiedWith")?.get).toBeTypeOf("function");
    expect(rows[0]!.tiedWith.length).toBe(149);
    expect(Object.keys(rows[0]!).slice(9, 12)).toEqual(["band", "bandBasis", "previous"]);
  });
});
