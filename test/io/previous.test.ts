import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readPrevious } from "../../src/io/previous.js";

const root = join(import.meta.dirname, "../..");

describe("readPrevious", () => {
  it("reads the plain table, indices exactly", () => {
    expect(readPrevious([{ unitId: "a", rank: 1, index: "88.47" }, { unitId: "b", rank: 2, index: 80.1 }])).toEqual({
      ok: true,
      rows: [{ unitId: "a", rank: 1, index: "88.47" }, { unitId: "b", rank: 2, index: "80.1" }],
    });
  });

  it("reads an earlier run's JSON ranking report, taking the published index", () => {
    const report = JSON.parse(readFileSync(join(root, "examples/par-department/reports/ranking.en.json"), "utf8")) as { rows: { unit: { id: string }; rank: number; published: { index: string } }[] };
    const read = readPrevious(report);
    expect(read.ok).toBe(true);
    if (read.ok) {
      expect(read.rows).toHaveLength(report.rows.length);
      expect(read.rows[1]).toEqual({ unitId: report.rows[1]!.unit.id, rank: report.rows[1]!.rank, index: report.rows[1]!.published.index });
    }
  });

  it.each([
    [[{ unitId: "a", rank: 0, index: "1" }], [0, "rank"], "1 or more"],
    [[{ unitId: "a", rank: 1.5, index: "1" }], [0, "rank"], "whole number"],
    [[{ unitId: "a", rank: 1, index: "88,47" }], [0, "index"], "decimal comma"],
    [[{ unitId: "", rank: 1, index: "1" }], [0, "unitId"], "needs an id"],
    [[{ unitId: "a", rank: 1, index: "1", extra: 1 }], [0], "extra"],
    [[{ unitId: "a", rank: 1, index: "1" }, { unitId: "a", rank: 2, index: "1" }], [1, "unitId"], "listed twice"],
    [{ rows: [{ unit: { id: "a" }, rank: 1 }] }, ["rows", 0, "published"], ""],
  ] as const)("refuses %j at its path", (value, path, words) => {
    const read = readPrevious(value);
    expect(read.ok).toBe(false);
    if (!read.ok) {
      expect(read.issues[0]?.path).toEqual(path);
      expect(read.issues[0]?.message).toContain(words);
    }
  });

  it("refuses what is neither shape", () => {
    expect(readPrevious("last year").ok).toBe(false);
    expect(readPrevious(null).ok).toBe(false);
  });
});
