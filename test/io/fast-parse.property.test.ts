/**
 * The compiled validator against the zod schema: on generated submissions of every
 * layer, valid and broken at a random place, it accepts exactly what zod accepts (on
 * such JSON) and then gives zod's output byte for byte, key order included; where zod
 * finds a problem it answers `undefined` (so `evaluate()` asks the issue-reporting
 * validator, `validate.ts`, which says what zod would).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { CompiledRubric } from "../../src/compile/types.js";
import { compileParser } from "../../src/io/fast-parse.js";
import { zodSchemaOf } from "../../src/io/schema.js";
import { BAD, broken, department, RUBRIC_FAMILIES } from "./broken.js";
import { layeredSubmissionArb } from "./submissions.js";

interface Seen { accepted: number; refused: number }

function same(rubric: CompiledRubric, submission: unknown, seen: Seen): void {
  const zod = zodSchemaOf(rubric).safeParse(submission);
  const fast = compileParser(rubric)(submission);
  if (fast !== undefined) {
    expect(zod.success).toBe(true);
    expect(JSON.stringify(fast)).toBe(JSON.stringify(zod.data));
    seen.accepted++;
  } else {
    // Plain JSON that zod accepts must not be left to zod: the fast path would be useless.
    expect(zod.success).toBe(false);
    seen.refused++;
  }
}


function check(rubrics: fc.Arbitrary<CompiledRubric>, runs: number): Seen {
  const seen = { accepted: 0, refused: 0 };
  const cases = rubrics.chain((rubric) => fc.tuple(fc.constant(rubric), layeredSubmissionArb(rubric), fc.nat(), fc.constantFrom(...BAD), fc.boolean(), fc.nat({ max: 3 })));
  fc.assert(fc.property(cases, ([rubric, submission, pick, bad, addKey, mode]) => {
    same(rubric, submission, seen);
    if (mode > 0) same(rubric, broken(submission, pick, bad, addKey), seen);
  }), { numRuns: runs });
  return seen;
}

describe("the compiled validator reads submissions as the zod schema does", () => {
  it.each(RUBRIC_FAMILIES)("on %s", (name, rubrics) => {
    const seen = check(rubrics, 1000);
    expect(seen.accepted).toBeGreaterThan(name === "the io generators' rubrics" ? 300 : 400);
    expect(seen.refused).toBeGreaterThan(300);
  });

  it("leaves to zod what is not plain JSON", () => {
    const parse = compileParser(department);
    const valid = { unit: { id: "u" } };
    expect(parse(valid)).toEqual({ unit: { id: "u" } });
    expect(parse(Object.assign(Object.create(null) as object, valid))).toBeUndefined();
    expect(parse({ unit: { id: "u", name: undefined } })).toBeUndefined();
    expect(parse(JSON.parse('{"unit":{"id":"u"},"__proto__":{}}'))).toBeUndefined();
    expect(parse([valid])).toBeUndefined();
  });
});
