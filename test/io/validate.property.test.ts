/**
 * The zod-free validator against the zod schema: on generated submissions of every
 * layer, valid and broken at a random place (JSON values, and values no JSON holds),
 * it accepts exactly what zod accepts with the same output, and refuses the rest with
 * the same issues — paths, messages and order. `evaluate()` (fast validator first,
 * this one after) gives those issues too.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { CompiledRubric } from "../../src/compile/types.js";
import { evaluate } from "../../src/io/evaluate.js";
import { zodSchemaOf } from "../../src/io/schema.js";
import { compileValidator } from "../../src/io/validate.js";
import { rubricOf } from "../runtime/helpers.js";
import { BAD, broken, department, ODD, RUBRIC_FAMILIES } from "./broken.js";
import { layeredSubmissionArb } from "./submissions.js";
import { codedIssue } from "../../src/io/issue-codes.js";
import { issueMessage } from "../../src/io/issue-wording.js";
import type { SubmissionIssue } from "../../src/io/evaluate.js";

/** JSON with `undefined` kept visible, so an output key holding it is compared too. */
const shown = (value: unknown): string => JSON.stringify(value, (_k, v: unknown) => (v === undefined ? "<undefined>" : typeof v === "bigint" ? `${v}n` : v));

interface Seen { accepted: number; refused: number }

/** Both validators of a rubric, built once (as `evaluate` builds its own). */
const built = new WeakMap<CompiledRubric, { zod: ReturnType<typeof zodSchemaOf>; ours: ReturnType<typeof compileValidator> }>();

function same(rubric: CompiledRubric, submission: unknown, seen: Seen): void {
  let pair = built.get(rubric);
  if (pair === undefined) built.set(rubric, (pair = { zod: zodSchemaOf(rubric), ours: compileValidator(rubric) }));
  const zod = pair.zod.safeParse(submission);
  const ours = pair.ours(submission);
  if (zod.success) {
    expect(ours.ok).toBe(true);
    if (ours.ok) expect(shown(ours.value)).toBe(shown(zod.data));
    seen.accepted++;
  } else {
    const issues = zod.error.issues.map((i) => ({ path: i.path, message: i.message }));
    expect(ours).toEqual({ ok: false, issues });
    // evaluate() also names the unit a refused submission gives, when its id can be read.
    const { unit: _unit, ...refused } = evaluate(rubric, submission) as { unit?: unknown };
    expect(refused).toEqual({ ok: false, issues: issues.map((i) => codedIssue(i as { path: (string | number)[]; message: string })) });
    // Every issue validation gives is catalogued: a code, and its Vietnamese wording.
    for (const i of (refused as { issues: SubmissionIssue[] }).issues) {
      expect(i.code, i.message).not.toBe("other");
      expect(issueMessage(i.message, "vi"), i.message).not.toBe(i.message);
    }
    seen.refused++;
  }
}

// Symbols are left out: zod throws while wording an unrecognized symbol key or value.
const REPLACEMENTS = [...BAD, ...ODD.filter((v) => typeof v !== "symbol")];

function check(rubrics: fc.Arbitrary<CompiledRubric>, runs: number): Seen {
  const seen = { accepted: 0, refused: 0 };
  const cases = rubrics.chain((rubric) => fc.tuple(fc.constant(rubric), layeredSubmissionArb(rubric), fc.array(fc.tuple(fc.nat(), fc.constantFrom(...REPLACEMENTS), fc.boolean()), { maxLength: 3 })));
  fc.assert(fc.property(cases, ([rubric, submission, breaks]) => {
    same(rubric, submission, seen);
    let changed: unknown = submission;
    for (const [pick, bad, addKey] of breaks) {
      changed = broken(changed, pick, bad, addKey);
      same(rubric, changed, seen);
    }
  }), { numRuns: runs });
  return seen;
}

describe("the zod-free validator reports what the zod schema reports", () => {
  it.each(RUBRIC_FAMILIES)("on %s", (_name, rubrics) => {
    const seen = check(rubrics, 1000);
    expect(seen.accepted).toBeGreaterThan(300);
    expect(seen.refused).toBeGreaterThan(300);
  });

  it("on whole submissions that are not objects, or hold odd values", () => {
    const seen = { accepted: 0, refused: 0 };
    for (const value of [...REPLACEMENTS, "x", 0]) {
      same(department, value, seen);
      same(department, { unit: value }, seen);
      same(department, { unit: { id: value } }, seen);
      same(department, { unit: { id: "u", name: value, facts: value }, notApplicable: value }, seen);
      same(department, { unit: { id: "u" }, self: value, appraisal: { "1.1.1": value }, notApplicable: { "1.1.1": value } }, seen);
    }
    expect(seen.refused).toBeGreaterThan(150);
    expect(seen.accepted).toBeGreaterThan(5);
  });

  it("differs from zod only on inherited keys: an input named like an Object.prototype member", () => {
    const rubric = rubricOf('rubric "R" { area "1" "A" max 1 { input constructor: count in 0..1, toString: bool\n score = constructor } }');
    // zod's `key in input` sees Object.prototype.constructor and refuses {}; an own key is what a JSON author wrote.
    expect(zodSchemaOf(rubric).safeParse({ unit: { id: "u" }, self: { "1": {} } }).success).toBe(false);
    expect(compileValidator(rubric)({ unit: { id: "u" }, self: { "1": {} } }).ok).toBe(true);
    expect(evaluate(rubric, { unit: { id: "u" }, self: { "1": { constructor: 1, toString: true } } }).ok).toBe(true);
  });
});
