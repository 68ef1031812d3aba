/**
 * The compiled validator against the zod schema: on generated submissions of every
 * layer, valid and broken at a random place, it accepts exactly what zod accepts (on
 * such JSON) and then gives zod's output byte for byte, key order included; where zod
 * finds a problem it answers `undefined` (so `evaluate()` asks zod for the issues).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { CompiledRubric } from "../../src/compile/types.js";
import { compileParser } from "../../src/io/fast-parse.js";
import { zodSchemaOf } from "../../src/io/schema.js";
import { typedRubricArb } from "../runtime/arbitraries.js";
import { rubricOf } from "../runtime/helpers.js";
import { compiled, specArb } from "./generated.js";
import { BAD, broken } from "./broken.js";
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

const department = rubricOf(readFileSync(join(import.meta.dirname, "../../examples/par-department/rubric.rubric"), "utf8"));

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
  it("on the io generators' rubrics", () => {
    const seen = check(specArb.map(compiled), 1000);
    expect(seen.accepted).toBeGreaterThan(300);
    expect(seen.refused).toBeGreaterThan(300);
  });

  it("on typed rubrics with every input type, facts, bonus and penalty blocks", () => {
    const seen = check(typedRubricArb.map(rubricOf), 1000);
    expect(seen.accepted).toBeGreaterThan(400);
    expect(seen.refused).toBeGreaterThan(300);
  });

  it("on the department example", () => {
    const seen = check(fc.constant(department), 1000);
    expect(seen.accepted).toBeGreaterThan(400);
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
