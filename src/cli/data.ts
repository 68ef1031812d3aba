/**
 * The data files of `score` and `explain`, as one stream of submissions: the reader
 * is chosen by extension — `.jsonl` and `.csv` tables are streamed unit by unit; other
 * files (`.json`: one submission or an array; `.xlsx` workbooks and `.csv` self-assessment
 * forms, one unit each) are read whole.
 * @module
 */
import { statSync } from "node:fs";
import { extname } from "node:path";
import type { CompiledRubric } from "../compile/types.js";
import type { Locale } from "../diagnostics.js";
import { placeOf } from "../io/cells.js";
import { issueLine, issueMessage } from "../io/issue-wording.js";
import { readCsvSubmissions } from "../io/csv-file.js";
import type { SubmissionIssue } from "../io/evaluate.js";
import { readJsonLinesSubmissions } from "../io/jsonl-file.js";
import type { Output } from "./io.js";
import { loadSubmissions } from "./load.js";
import { isFormCsv, loadForms } from "./load-forms.js";
import type { Progress } from "./progress.js";

/** A unit's submission with where it came from, or a problem already worded. */
export type DataItem =
  | { readonly ok: true; readonly value: unknown; readonly origin: string; readonly places?: ReadonlyMap<string, string> }
  | { readonly ok: false; readonly message: string };

/**
 * The total size of the data files in bytes (unreadable ones count 0).
 * @param files - data files
 */
export function totalSize(files: readonly string[]): number {
  return files.reduce((sum, f) => {
    try {
      return sum + statSync(f).size;
    } catch {
      return sum;
    }
  }, 0);
}

/**
 * Reads every data file in order, yielding submissions and problems as they come.
 * @param files - data files
 * @param rubric - the compiled rubric (CSV columns are resolved against it)
 * @param locale - how numbers and dates are written in CSV cells
 * @param io - where whole-file readers print their problems
 * @param progress - told about files and bytes read
 */
export async function* readData(files: readonly string[], rubric: CompiledRubric, locale: Locale, io: Output, progress?: Progress): AsyncGenerator<DataItem> {
  for (const file of files) {
    progress?.file(totalSize([file]));
    const onProgress = (bytes: number): void => progress?.bytes(bytes);
    const ext = extname(file).toLowerCase();
    if (ext === ".jsonl") yield* readJsonLinesSubmissions(file, { onProgress, locale });
    else if (ext === ".xlsx" || (ext === ".csv" && isFormCsv(file))) {
      const loaded = await loadForms(file, rubric, locale, io);
      if (loaded === undefined) yield { ok: false, message: "" }; // already printed
      else for (const s of loaded) yield { ok: true, ...s };
    } else if (ext === ".csv") yield* readCsvSubmissions(file, rubric, locale, { onProgress });
    else {
      const loaded = loadSubmissions([file], locale, io);
      if (loaded === undefined) yield { ok: false, message: "" }; // already printed
      else for (const s of loaded) yield { ok: true, ...s };
    }
  }
}

/**
 * A submission issue as a message in the locale: the cell it came from when the data
 * was a table (`d.csv:3:D (1.1.2.done): …`), else the file and the place as a person
 * reads it (layer, criterion, input label).
 * @param item - the submission
 * @param issue - the issue
 * @param locale - message language
 * @param rubric - the rubric, for input labels
 */
export function issueText(item: Extract<DataItem, { ok: true }>, issue: SubmissionIssue, locale: Locale = "en", rubric?: CompiledRubric): string {
  const place = item.places === undefined ? undefined : placeOf({ places: item.places }, issue.path);
  return place !== undefined ? `${place}: ${issueMessage(issue.message, locale)}` : `${item.origin}: ${issueLine(issue, rubric, locale)}`;
}
