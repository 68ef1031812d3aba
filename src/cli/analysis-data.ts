/**
 * What `rubric sensitivity` and `rubric whatif` read: the rubric, every unit's
 * submission from the data files (problems printed, never dropped silently), and a
 * JSON plan file.
 * @module
 */
import type { CompiledRubric } from "../compile/types.js";
import type { Locale } from "../diagnostics.js";
import { jsonErrorText } from "../io/jsonl-file.js";
import { MESSAGES } from "../io/messages.js";
import { dataReading, problemPrinter, readData } from "./data.js";
import { readText, type Output } from "./io.js";
import { loadRubric } from "./load.js";

/** The rubric and the submissions read, and whether any data file had problems. */
export interface AnalysisInput {
  readonly rubric: CompiledRubric;
  readonly submissions: unknown[];
  readonly problems: boolean;
}

/**
 * Reads the rubric and every submission; undefined when the rubric is unusable.
 * @param rubricFile - the rubric
 * @param dataFiles - submissions
 * @param lang - language of messages
 * @param io - output sinks
 * @param dataLang - `--lang` when it was given: data files are read in it; else as the rubric's locale, forms as made (as `score` reads them)
 */
export async function readAnalysisInput(rubricFile: string, dataFiles: readonly string[], lang: Locale, io: Output, dataLang?: Locale): Promise<AnalysisInput | undefined> {
  const rubric = loadRubric(rubricFile, lang, io);
  if (rubric === undefined) return undefined;
  const submissions: unknown[] = [];
  let problems = false;
  const printer = problemPrinter((text) => io.err(text), lang);
  for await (const item of readData(dataFiles, rubric, lang, io, undefined, dataReading(rubric, dataLang, lang))) {
    if (!item.ok) {
      problems = true;
      if (item.message !== "") printer.report(item.file ?? "", item.message);
    } else submissions.push(item.value);
  }
  printer.finish();
  return { rubric, submissions, problems };
}

/**
 * Reads a JSON file; undefined (with the reason printed) when it cannot be read or parsed.
 * @param file - the file
 * @param io - output sinks
 */
export function readJsonFile(file: string, io: Output, locale: Locale = "en"): unknown {
  const read = readText(file, locale, "json");
  if (!read.ok) {
    io.err(read.message);
    return undefined;
  }
  try {
    return JSON.parse(read.text) as unknown;
  } catch (error) {
    io.err(MESSAGES.jsonInvalid(locale, file, jsonErrorText(read.text, error instanceof Error ? error.message : String(error), false, locale)));
    return undefined;
  }
}
