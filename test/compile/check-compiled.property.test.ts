/**
 * The zod-free shape check of stored compiled rubrics against the zod schema it
 * replaced (`zod-reference.ts`): on generated and example rubrics, intact and broken at
 * a random place, the same rubrics are accepted (with the same value) and refused.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkCompiledShape } from "../../src/compile/check-compiled.js";
import { loadCompiled } from "../../src/compile/load.js";
import type { CompiledRubric } from "../../src/compile/types.js";
import { BAD, broken } from "../io/broken.js";
import { compiled, specArb } from "../io/generated.js";
import { typedRubricArb } from "../runtime/arbitraries.js";
import { rubricOf } from "../runtime/helpers.js";
import { compiledRubricSchema } from "./zod-reference.js";

const examples = join(import.meta.dirname, "../../examples");
const exampleRubrics = readdirSync(examples).map((name) => rubricOf(readFileSync(join(examples, name, "rubric.rubric"), "utf8")));
const EXTRA: readonly unknown[] = ["2.50", "-0", "01", "1e3", "", "x", 1.5, 11, -1, { op: "num" }, { op: "nope" }, { kind: "list", element: { kind: "list" } }, [{ op: "max" }]];

describe("the shape check of compiled rubrics accepts what the zod schema accepted", () => {
  it("on generated and example rubrics, intact and broken", () => {
    let refused = 0;
    const rubrics = fc.oneof(specArb.map(compiled), typedRubricArb.map(rubricOf), fc.constantFrom(...exampleRubrics));
    fc.assert(fc.property(rubrics, fc.nat(), fc.constantFrom(...BAD, ...EXTRA), fc.boolean(), fc.boolean(), (rubric: CompiledRubric, pick, bad, addKey, breakIt) => {
      const value = breakIt ? broken(rubric, pick, bad, addKey) : rubric;
      const zod = compiledRubricSchema.safeParse(value);
      const ours = checkCompiledShape(value);
      expect(ours.ok).toBe(zod.success);
      if (ours.ok && zod.success) expect(JSON.stringify(ours.value)).toBe(JSON.stringify(zod.data));
      if (!ours.ok) {
        refused++;
        // Our issue points at (or inside) the place zod's first issue names, or zod's points inside ours.
        const a = zod.error!.issues[0]!.path.join("/");
        const b = ours.issues[0]!.path.join("/");
        expect(a.startsWith(b) || b.startsWith(a)).toBe(true);
      }
    }), { numRuns: 1000 });
    expect(refused).toBeGreaterThan(200);
  });

  it("loads every example rubric", () => {
    for (const rubric of exampleRubrics) expect(loadCompiled(JSON.stringify(rubric))).toEqual({ ok: true, rubric });
  });
});
