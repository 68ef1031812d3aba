/**
 * `rubric schema RUBRIC`: the submission JSON Schema of a rubric.
 * @module
 */
import type { Locale } from "../diagnostics.js";
import { submissionJsonSchema } from "../io/schema.js";
import { EXIT, type Output } from "./io.js";
import { loadRubric } from "./load.js";

/**
 * Prints the JSON Schema that submissions for this rubric follow.
 * @param rubricFile - the rubric
 * @param lang - message language
 * @param io - output sinks
 */
export function runSchema(rubricFile: string, lang: Locale, io: Output): number {
  const rubric = loadRubric(rubricFile, lang, io);
  if (rubric === undefined) return EXIT.findings;
  io.out(`${JSON.stringify(submissionJsonSchema(rubric), null, 2)}\n`);
  return EXIT.ok;
}
