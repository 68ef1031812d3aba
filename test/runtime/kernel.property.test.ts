/**
 * The kernel against the plain (reference) path: on generated rubrics and units, every
 * field of the result — every node's status, points, maximum, policy and clamp, the
 * figures and the published figures — is byte-identical to the plain path's without
 * its traces; the kernel really answers (it does not fall back every time); and with
 * `explain` the result is the plain path's, traces and all.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { CompiledRubric } from "../../src/compile/types.js";
import { layered } from "../../src/io/layers.js";
import { zodSchemaOf } from "../../src/io/schema.js";
import { evaluateUnit } from "../../src/runtime/evaluate.js";
import { evaluateKernel } from "../../src/runtime/kernel-result.js";
import { needsCohort } from "../../src/runtime/cohort-batch.js";
import { cohortOfSubmissions } from "../../src/io/cohort-read.js";
import type { UnitInputs } from "../../src/runtime/result.js";
import { caseArb, compiled } from "../io/generated.js";
import { nestedSpecArb, nestedSubmissionArb, printSpec } from "./nested.js";
import { typedRubricArb, unitArbFor } from "./arbitraries.js";
import { plainWithoutTraces, rubricOf } from "./helpers.js";

/** Compares the kernel with the plain path on one unit; true when the kernel answered by itself. */
function same(rubric: CompiledRubric, unit: UnitInputs): boolean {
  const plain = JSON.stringify(plainWithoutTraces(rubric, unit));
  const got = evaluateUnit(rubric, unit);
  expect(JSON.stringify(got)).toBe(plain);
  expect(got.nodes.some((n) => "trace" in n)).toBe(false);
  expect(JSON.stringify(evaluateUnit(rubric, unit, { explain: true }))).toBe(JSON.stringify(evaluateUnit(rubric, unit, { plain: true })));
  const kernel = evaluateKernel(rubric, unit);
  if (kernel !== undefined) expect(JSON.stringify(kernel)).toBe(plain);
  return kernel !== undefined;
}

const examples = join(import.meta.dirname, "../../examples");

describe("the kernel gives the plain path's results", () => {
  it("on typed rubrics using every expression form, with missing inputs, N/A declarations and bad points", () => {
    let answered = 0;
    let errors = 0;
    const cases = typedRubricArb.chain((source) => {
      const rubric = rubricOf(source);
      return fc.tuple(fc.constant(rubric), unitArbFor(rubric));
    });
    fc.assert(fc.property(cases, ([rubric, unit]) => {
      if (same(rubric, unit)) answered++;
      if (!evaluateUnit(rubric, unit).complete) errors++;
    }), { numRuns: 1000 });
    // Both outcomes must be exercised: the kernel answering, and the plain path answering errors.
    expect(answered).toBeGreaterThan(200);
    expect(errors).toBeGreaterThan(100);
  });

  it("on the io generators' rubrics and submissions, self and final layers, always on the kernel", () => {
    fc.assert(fc.property(caseArb, ([spec, submission]) => {
      const rubric = compiled(spec);
      const inputs = layered(zodSchemaOf(rubric).parse(submission));
      expect(same(rubric, inputs.final)).toBe(true);
      expect(same(rubric, inputs.self)).toBe(true);
    }), { numRuns: 1000 });
  });

  it("on nested rubrics of every aggregation, with exclusions at any depth", () => {
    let answered = 0;
    const nestedCases = nestedSpecArb.chain((spec) => fc.tuple(fc.constant(spec), nestedSubmissionArb(spec)));
    fc.assert(fc.property(nestedCases, ([spec, submission]) => {
      const rubric = rubricOf(printSpec(spec));
      const inputs = layered(zodSchemaOf(rubric).parse(submission));
      if (same(rubric, inputs.final)) answered++;
    }), { numRuns: 1000 });
    expect(answered).toBeGreaterThan(500);
  });

  const names = readdirSync(examples).filter((n) => readdirSync(join(examples, n)).includes("rubric.rubric")).sort();
  it.each(names)("on the %s example: its submissions, and random units with and without faults", (name) => {
    const rubric = rubricOf(readFileSync(join(examples, name, "rubric.rubric"), "utf8"));
    // A rubric with cohort figures: every unit is evaluated against the cohort of the example's submissions.
    const clean = readdirSync(join(examples, name, "submissions")).filter((f) => f.endsWith(".json")).map((f) => JSON.parse(readFileSync(join(examples, name, "submissions", f), "utf8")) as unknown);
    const figures = needsCohort(rubric) ? cohortOfSubmissions(rubric, clean) : undefined;
    const withCohort = (u: UnitInputs): UnitInputs => (figures === undefined ? u : { ...u, cohort: figures.access(u.unit.group) });
    // The real tables (pci, papi) have no incomplete unit: their data are the published ones.
    for (const folder of ["submissions", "incomplete"].filter((f) => existsSync(join(examples, name, f)))) {
      for (const file of readdirSync(join(examples, name, folder)).filter((f) => f.endsWith(".json"))) {
        const parsed = zodSchemaOf(rubric).safeParse(JSON.parse(readFileSync(join(examples, name, folder, file), "utf8")));
        if (!parsed.success) continue;
        const inputs = layered(parsed.data);
        same(rubric, withCohort(inputs.final));
        same(rubric, withCohort(inputs.self));
      }
    }
    let answered = 0;
    fc.assert(fc.property(fc.oneof(unitArbFor(rubric), unitArbFor(rubric, false)), (unit) => {
      if (same(rubric, withCohort(unit))) answered++;
    }), { numRuns: name === "par-department" ? 1000 : 200 });
    expect(answered).toBeGreaterThan(name === "par-department" ? 300 : 40);
  });
});
