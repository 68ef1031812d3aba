/**
 * `readPrevious` without zod against the zod schemas it replaced (kept here as the
 * reference): on generated tables and reports, valid and broken at a random place, the
 * same rows or the same issues (paths, messages, order).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as z from "zod";
import { readDecimal } from "../../src/io/decimal-input.js";
import { codedIssue } from "../../src/io/issue-codes.js";
import { readPrevious } from "../../src/io/previous.js";
import { BAD, broken, ODD } from "./broken.js";

const index = z.unknown().transform((raw, ctx) => {
  const read = readDecimal(raw);
  if (read.ok) return read.text;
  ctx.addIssue({ code: "custom", message: read.message });
  return z.NEVER;
});
const rank = z.number().int("a rank is a whole number").min(1, "a rank is 1 or more");
const unitId = z.string().min(1, "a unit needs an id");
const plainTable = z.array(z.strictObject({ unitId, rank, index }));
const report = z.looseObject({ rows: z.array(z.looseObject({ unit: z.looseObject({ id: unitId }), rank, published: z.looseObject({ index }) })) });

/** The issues zod gives, from the reading the value's shape selects (as the old code chose). */
function zodIssues(value: unknown): ReturnType<typeof codedIssue>[] | undefined {
  const parsed = Array.isArray(value) ? plainTable.safeParse(value) : report.safeParse(value);
  return parsed.success ? undefined : parsed.error.issues.map((i) => codedIssue({ path: i.path as (string | number)[], message: i.message }));
}

const row = fc.record({ unitId: fc.constantFrom("a", "b", "c", "d"), rank: fc.integer({ min: 1, max: 9 }), index: fc.oneof(fc.constantFrom("88.47", "90", "0.5"), fc.integer({ min: 0, max: 100 })) });
const table = fc.array(row, { maxLength: 4 });
const asReport = table.map((rows) => ({ generated: "x", rows: rows.map((r) => ({ unit: { id: r.unitId, name: "N" }, rank: r.rank, published: { index: String(r.index), points: "1" }, band: "Tốt" })) }));

describe("readPrevious reads as the zod schemas did", () => {
  it("on generated tables and reports, valid and broken", () => {
    let refused = 0;
    const values = [...BAD, ...ODD.filter((v) => typeof v !== "symbol"), 0, 1.5, 2 ** 60];
    fc.assert(fc.property(fc.oneof(table, asReport), fc.nat(), fc.constantFrom(...values), fc.boolean(), fc.boolean(), (value, pick, bad, addKey, breakIt) => {
      const input = breakIt ? broken(value, pick, bad, addKey) : value;
      const expected = zodIssues(input);
      const read = readPrevious(input);
      if (expected === undefined) {
        // Shape accepted: the same rows, unless a unit is listed twice.
        const rows = Array.isArray(input) ? plainTable.parse(input) : report.parse(input).rows.map((r) => ({ unitId: r.unit.id, rank: r.rank, index: r.published.index }));
        if (new Set(rows.map((r) => r.unitId)).size === rows.length) expect(read).toEqual({ ok: true, rows });
        else expect(!read.ok && read.issues.every((i) => i.message.includes("listed twice"))).toBe(true);
      } else {
        refused++;
        expect(read).toEqual({ ok: false, issues: expected });
      }
    }), { numRuns: 1000 });
    expect(refused).toBeGreaterThan(200);
  });

  it("on values that are neither shape", () => {
    for (const value of [...BAD, ...ODD.filter((v) => typeof v !== "symbol"), "last year", null]) {
      const expected = zodIssues(value);
      if (expected !== undefined) expect(readPrevious(value)).toEqual({ ok: false, issues: expected });
    }
  });
});
