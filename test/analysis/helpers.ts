import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { CompiledRubric } from "../../src/compile/types.js";
import { rubricOf } from "../runtime/helpers.js";

/** An example's rubric and its clean submissions (sorted by file name). */
export function example(name: string): { rubric: CompiledRubric; submissions: unknown[] } {
  const folder = join(import.meta.dirname, "../../examples", name);
  const rubric = rubricOf(readFileSync(join(folder, "rubric.rubric"), "utf8"));
  const submissions = readdirSync(join(folder, "submissions")).filter((f) => f.endsWith(".json")).sort().map((f) => JSON.parse(readFileSync(join(folder, "submissions", f), "utf8")) as unknown);
  return { rubric, submissions };
}
