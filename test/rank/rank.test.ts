import { describe, expect, it } from "vitest";
import { evaluate, type EvaluateOutcome } from "../../src/io/evaluate.js";
import { rank } from "../../src/rank/rank.js";
import { Exact } from "../../src/runtime/exact.js";
import { rubricOf } from "../runtime/helpers.js";

/** Two areas scored directly; index = points (max 100). */
const rubric = rubricOf(`rubric "R" {
  publish precision 2 rounding half-up
  area "1" "Một" max 60 { score = given }
  area "2" "Hai" max 40 { score = given }
  ranking { by index desc, then area "1" desc, then area "2" desc }
  bands { "Xuất sắc" when index >= 90
    "Tốt" when index >= 80
    "Khác" otherwise }
}`);

function unit(id: string, a: string, b: string, group?: string): EvaluateOutcome {
  return evaluate(rubric, { unit: { id, ...(group === undefined ? {} : { group }) }, self: { "1": { points: a }, "2": { points: b } } });
}

const table = (rows: ReturnType<typeof rank>["rows"]): string[] => rows.map((r) => `${r.rank} ${r.unit.id}${r.tiedWith.length ? ` =${r.tiedWith.join(",")}` : ""}`);

describe("tie policies on a 3-way tie", () => {
  const units = [unit("d", "40", "40"), unit("a", "50", "40"), unit("c", "50", "40"), unit("b", "50", "40")];
  it("shared: 1, 1, 1, 4", () => {
    expect(table(rank(rubric, units).rows)).toEqual(["1 a =b,c", "1 b =a,c", "1 c =a,b", "4 d"]);
  });
  it("dense: 1, 1, 1, 2", () => {
    expect(table(rank(rubric, units, { ties: "dense" }).rows)).toEqual(["1 a =b,c", "1 b =a,c", "1 c =a,b", "2 d"]);
  });
  it("ordinal: 1..n, broken by the unit id", () => {
    expect(table(rank(rubric, units, { ties: "ordinal" }).rows)).toEqual(["1 a", "2 b", "3 c", "4 d"]);
  });
});

describe("tie-breaking keys", () => {
  it("breaks an index tie at the second key (area 1), then the third (area 2)", () => {
    const units = [unit("x", "45", "35"), unit("y", "50", "30"), unit("z", "45", "35"), unit("w", "45", "34.5")];
    expect(table(rank(rubric, units, { on: "exact" }).rows)).toEqual(["1 y", "2 x =z", "2 z =x", "4 w"]);
  });

  it("breaks a tie on index and area 1 at the third key (area 2)", () => {
    const three = rubricOf('rubric "R" { area "1" "a" max 40 { score = given }\n area "2" "b" max 30 { score = given }\n area "3" "c" max 30 { score = given }\n ranking { by index desc, then area "1" desc, then area "2" desc\n ties shared } }');
    const u = (id: string, a: string, b: string, c: string): EvaluateOutcome => evaluate(three, { unit: { id }, self: { "1": { points: a }, "2": { points: b }, "3": { points: c } } });
    const rows = rank(three, [u("m", "30", "20", "30"), u("n", "30", "25", "25"), u("o", "30", "25", "25")]).rows;
    expect(table(rows)).toEqual(["1 n =o", "1 o =n", "3 m"]);
  });

  it("ties only at the published level: 90.484 and 90.481 share under 'on published', split under 'on exact'", () => {
    const units = [unit("p", "50.481", "40"), unit("q", "50.484", "40")];
    expect(table(rank(rubric, units, { keys: [{ target: { kind: "figure", name: "index" }, direction: "desc" }] }).rows)).toEqual(["1 p =q", "1 q =p"]);
    const exact = rank(rubric, units, { on: "exact", keys: [{ target: { kind: "figure", name: "index" }, direction: "desc" }] });
    expect(table(exact.rows)).toEqual(["1 q", "2 p"]);
    expect(exact.rows.map((r) => r.published.index)).toEqual(["90.48", "90.48"]);
  });
});

describe("groups, bands, incomplete units, previous period", () => {
  it("ranks each group separately", () => {
    const units = [unit("h1", "40", "30", "huyen"), unit("t1", "50", "30", "thi_xa"), unit("h2", "50", "30", "huyen"), unit("t2", "30", "30", "thi_xa")];
    const result = rank(rubric, units, { withinGroup: true });
    expect(result.rows.map((r) => `${r.group}:${r.rank}/${r.of} ${r.unit.id}`)).toEqual(["huyen:1/2 h2", "huyen:2/2 h1", "thi_xa:1/2 t1", "thi_xa:2/2 t2"]);
  });

  it("assigns bands on the published index, at the boundary too", () => {
    const result = rank(rubric, [unit("a", "50", "40"), unit("b", "49.996", "40"), unit("c", "40", "39.99")]);
    expect(result.rows.map((r) => `${r.unit.id}:${r.published.index}:${r.band}`)).toEqual(["a:90.00:Xuất sắc", "b:90.00:Xuất sắc", "c:79.99:Khác"]);
  });

  it("lists incomplete units, invalid submissions and duplicate ids apart, with reasons", () => {
    const incomplete = evaluate(rubric, { unit: { id: "e" }, self: { "1": { points: "10" } } });
    const invalid = evaluate(rubric, { unit: { id: "f" }, self: { "1": { points: "x" } } });
    const result = rank(rubric, [unit("a", "50", "40"), incomplete, invalid, unit("d", "1", "1"), unit("d", "2", "2")]);
    expect(table(result.rows)).toEqual(["1 a"]);
    // A refused submission is named by the unit it gives, when its id can be read.
    expect(result.unranked.map((u) => u.unit.id)).toEqual(["d", "d", "e", "f"]);
    expect(result.unranked.find((u) => u.unit.id === "e")?.reason).toContain("incomplete");
    expect(result.unranked.find((u) => u.unit.id === "d")?.reason).toContain("appears 2 times");
    // The cause as data, for wording in any language.
    expect(result.unranked.map((u) => u.cause.kind)).toEqual(["duplicate", "duplicate", "incomplete", "invalid"]);
    const refused = result.unranked.find((u) => u.unit.id === "f")!;
    expect(refused.cause.kind === "invalid" && refused.cause.issues.map((i) => i.path.join("."))).toEqual(["self.1.points"]);
  });

  it("reports the change against last period: up, down, same, new", () => {
    const units = [unit("a", "50", "40"), unit("b", "50", "30"), unit("c", "40", "30"), unit("n", "10", "10")];
    const previous = [{ unitId: "a", rank: 3, index: "88.47" }, { unitId: "b", rank: 1, index: "91" }, { unitId: "c", rank: 3, index: "60" }];
    const rows = rank(rubric, units, { previous }).rows;
    expect(rows.map((r) => r.previous)).toEqual([
      { rank: 3, index: "88.47", change: "up", places: 2, indexDelta: "1.53" },
      { rank: 1, index: "91", change: "down", places: 1, indexDelta: "-11" },
      { rank: 3, index: "60", change: "same", places: 0, indexDelta: "10" },
      "new",
    ]);
  });

  it("carries per-area figures for the reports", () => {
    expect(rank(rubric, [unit("a", "50", "40")]).rows[0]?.areas).toEqual({ "1": "50", "2": "40" });
  });
});

describe("large ties and long decimals", () => {
  it("a 60-unit tie: each row names the 59 others, in id order, as data (JSON, keys, equality)", () => {
    const ids = Array.from({ length: 60 }, (_, i) => `t${String((i * 37) % 60).padStart(2, "0")}`);
    const rows = rank(rubric, [unit("top", "60", "40"), ...ids.map((id) => unit(id, "45", "35"))]).rows;
    const sorted = [...ids].sort();
    expect(rows.map((r) => r.rank)).toEqual([1, ...ids.map(() => 2)]);
    for (const r of rows.slice(1)) {
      expect(r.tiedWith).toEqual(sorted.filter((id) => id !== r.unit.id));
      expect(Object.keys(r)).toEqual(["unit", "group", "rank", "of", "tiedWith", "index", "points", "max", "published", "band", "previous", "areas"]);
    }
    const parsed = JSON.parse(JSON.stringify(rows)) as { tiedWith: string[] }[];
    expect(parsed[5]!.tiedWith).toEqual([...rows[5]!.tiedWith]);
    expect(parsed[0]!.tiedWith).toEqual([]);
  });

  it("ranks 40-digit exact indices (a third of a point) exactly, whatever the input order", () => {
    const thirds = rubricOf('rubric "T" { index = points / max * 100\n area "1" "a" max 3 { score = given }\n ranking { by index desc\n on exact } }');
    const points = ["1", "2", "1.000000000000000000000000000001", "0.999999999999999999999999999999", "2", "3", "0"];
    const outcomes = points.map((p, i) => evaluate(thirds, { unit: { id: `u${(i * 5) % 7}` }, self: { "1": { points: p } } }));
    const rows = rank(thirds, outcomes).rows;
    // The reference: decimal.js comparisons of the exact indices, then the unit id.
    const expected = outcomes.map((o) => (o.ok ? o.result : undefined)!).sort((a, b) => Exact.of(b.index!).comparedTo(Exact.of(a.index!)) || (a.unit.id < b.unit.id ? -1 : 1));
    expect(rows.map((r) => r.unit.id)).toEqual(expected.map((r) => r.unit.id));
    expect(rows.map((r) => r.rank)).toEqual(expected.map((r) => 1 + expected.filter((x) => Exact.of(x.index!).gt(Exact.of(r.index!))).length));
    expect(new Set(rows.map((r) => r.index)).size).toBe(6); // the 40-digit indices differ only in late digits
    expect(JSON.stringify(rank(thirds, [...outcomes].reverse()))).toBe(JSON.stringify(rank(thirds, outcomes)));
  });
});
