/**
 * Last period's ranking, for the change column ("tăng 2 hạng"): validated from JSON.
 * Two shapes are read: a plain table `[{ "unitId", "rank", "index" }]`, or the JSON
 * ranking report of an earlier run (`rubric score --format json`), so last year's
 * output can be this year's input as it is.
 * @module
 */
import * as z from "zod";
import type { PreviousRow } from "../rank/types.js";
import { readDecimal } from "./decimal-input.js";
import type { SubmissionIssue } from "./evaluate.js";

const index = z.unknown().transform((raw, ctx) => {
  const read = readDecimal(raw);
  if (read.ok) return read.text;
  ctx.addIssue({ code: "custom", message: read.message });
  return z.NEVER;
});
const rank = z.number().int("a rank is a whole number").min(1, "a rank is 1 or more");
// Unit ids compare in NFC, as in submissions.
const unitId = z.string().min(1, "a unit needs an id").transform((id) => id.normalize("NFC"));

const plainRow = z.strictObject({ unitId, rank, index });
// A row of the JSON ranking report: only the fields the change column needs are read.
const reportRow = z.looseObject({ unit: z.looseObject({ id: unitId }), rank, published: z.looseObject({ index }) });

const previousSchema = z.union([
  z.array(plainRow),
  z.looseObject({ rows: z.array(reportRow) }).transform((report) => report.rows.map((r) => ({ unitId: r.unit.id, rank: r.rank, index: r.published.index }))),
]);

/** Last period's table, or every problem with its JSON path. */
export type PreviousRead = { readonly ok: true; readonly rows: readonly PreviousRow[] } | { readonly ok: false; readonly issues: readonly SubmissionIssue[] };

/**
 * Reads last period's ranking from parsed JSON. A unit listed twice is refused: its
 * change would be a guess.
 * @param value - a plain table `[{ unitId, rank, index }]` or a JSON ranking report (`{ rows: [...] }`)
 */
export function readPrevious(value: unknown): PreviousRead {
  const parsed = previousSchema.safeParse(value);
  if (!parsed.success) {
    // A union reports its branches' issues nested; the shape the value has decides which branch speaks.
    const branch = Array.isArray(value) ? z.array(plainRow) : z.looseObject({ rows: z.array(reportRow) });
    const issues = branch.safeParse(value).error?.issues ?? parsed.error.issues;
    return { ok: false, issues: issues.map((i) => ({ path: i.path.map((p) => (typeof p === "symbol" ? String(p) : p)), message: i.message })) };
  }
  const seen = new Map<string, number>();
  const issues: SubmissionIssue[] = [];
  parsed.data.forEach((row, i) => {
    const first = seen.get(row.unitId);
    if (first !== undefined) issues.push({ path: Array.isArray(value) ? [i, "unitId"] : ["rows", i, "unit", "id"], message: `the unit "${row.unitId}" is listed twice (first at ${first}); list each unit once` });
    else seen.set(row.unitId, i);
  });
  return issues.length > 0 ? { ok: false, issues } : { ok: true, rows: parsed.data };
}
