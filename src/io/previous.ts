/**
 * Last period's ranking, for the change column ("tăng 2 hạng"): validated from JSON.
 * Two shapes are read: a plain table `[{ "unitId", "rank", "index" }]`, or the JSON
 * ranking report of an earlier run (`rubric score --format json`), so last year's
 * output can be this year's input as it is. No zod (this is part of the runtime
 * entry); the issues are worded as the submission issues are.
 * @module
 */
import type { PreviousRow } from "../rank/types.js";
import { arrayOf, boundedString, type Issue, objectReader, type Reader, required, wrongType } from "../compile/shape.js";
import { readDecimal } from "./decimal-input.js";
import type { SubmissionIssue } from "./evaluate.js";
import { codedIssue } from "./issue-codes.js";

const index: Reader = (raw, issues) => {
  const read = readDecimal(raw);
  if (read.ok) return read.text;
  issues.push({ path: [], message: read.message });
  return undefined;
};

const rank: Reader = (raw, issues) => {
  if (typeof raw !== "number" || !Number.isFinite(raw)) return wrongType("number", raw, issues);
  if (!Number.isSafeInteger(raw)) issues.push({ path: [], message: "a rank is a whole number" });
  else if (raw < 1) issues.push({ path: [], message: "a rank is 1 or more" });
  return raw;
};

const anyId = boundedString({ min: 1, message: "a unit needs an id" });
// Unit ids compare in NFC, as in submissions.
const unitId: Reader = (raw, issues) => {
  const id = anyId(raw, issues);
  return typeof id === "string" ? id.normalize("NFC") : id;
};

const plainTable = arrayOf(objectReader({ unitId: required(unitId), rank: required(rank), index: required(index) }));
// A row of the JSON ranking report: only the fields the change column needs are read.
const reportRow = objectReader({ unit: required(objectReader({ id: required(unitId) }, true)), rank: required(rank), published: required(objectReader({ index: required(index) }, true)) }, true);
const report = objectReader({ rows: required(arrayOf(reportRow)) }, true);

type ReportRow = { unit: { id: string }; rank: number; published: { index: string } };

/**
 * Last period's table, or every problem with its JSON path.
 * @category Rank
 */
export type PreviousRead = {
  /** The table was read. */ readonly ok: true;
  /** Its rows. */ readonly rows: readonly PreviousRow[];
} | {
  /** The table was refused. */ readonly ok: false;
  /** Every problem, with its JSON path. */ readonly issues: readonly SubmissionIssue[];
};

/**
 * Reads last period's ranking from parsed JSON. A unit listed twice is refused: its
 * change would be a guess.
 * @param value - a plain table `[{ unitId, rank, index }]` or a JSON ranking report (`{ rows: [...] }`)
 * @example
 * ```ts
 * import { compile, evaluateAll, rank, readPrevious } from "rubric-lang";
 * const source = 'rubric "Demo" { area "1" "Chỉ đạo" max 10 { input done: count, planned: count; score = 10 * done / planned } }';
 * const submissions = [
 *   { unit: { id: "a", name: "Sở A" }, self: { "1": { done: 8, planned: 10 } } },
 *   { unit: { id: "b", name: "Sở B" }, self: { "1": { done: 9, planned: 10 } } },
 * ];
 * const compiled = compile(source);
 * const previous = readPrevious(JSON.parse('[{ "unitId": "a", "rank": 2, "index": "75.00" }, { "unitId": "b", "rank": 1, "index": "91.00" }]'));
 * if (compiled.ok && previous.ok) {
 *   const ranking = rank(compiled.rubric, evaluateAll(compiled.rubric, submissions), { previous: previous.rows });
 *   console.log(ranking.rows.map((r) => r.previous)); // [{ rank: 1, index: "91.00", change: "same", places: 0, indexDelta: "-1" }, …]
 * } else if (!previous.ok) console.error(previous.issues);
 * ```
 * @category Rank
 */
export function readPrevious(value: unknown): PreviousRead {
  const issues: Issue[] = [];
  // The shape the value has decides which reading speaks.
  const rows = Array.isArray(value)
    ? (plainTable(value, issues) as PreviousRow[] | undefined)
    : ((report(value, issues) as { rows: ReportRow[] } | undefined)?.rows.map((r) => ({ unitId: r.unit.id, rank: r.rank, index: r.published.index })));
  if (rows === undefined || issues.length > 0) return { ok: false, issues: issues.map(codedIssue) };
  const seen = new Map<string, number>();
  const twice: SubmissionIssue[] = [];
  rows.forEach((row, i) => {
    const first = seen.get(row.unitId);
    if (first !== undefined) twice.push(codedIssue({ path: Array.isArray(value) ? [i, "unitId"] : ["rows", i, "unit", "id"], message: `the unit "${row.unitId}" is listed twice (first on row ${first + 1}); list each unit once` }));
    else seen.set(row.unitId, i);
  });
  return twice.length > 0 ? { ok: false, issues: twice } : { ok: true, rows };
}
