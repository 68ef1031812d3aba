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
import { placeOf, type SubmissionDraft, type UnitRef } from "../io/cells.js";
import { issueLine, issueMessage, labelOf, problemLine } from "../io/issue-wording.js";
import { readCsvSubmissions } from "../io/csv-file.js";
import { DATA_MESSAGES, PROBLEMS_SHOWN_PER_FILE } from "../io/data-messages.js";
import { evaluate, type SubmissionIssue, type UnitWarning } from "../io/evaluate.js";
import type { UnrankedRow } from "../rank/types.js";
import { readJsonLinesSubmissions } from "../io/jsonl-file.js";
import type { RefusedRead } from "../io/wide.js";
import type { Output } from "./io.js";
import { loadSubmissions } from "./load.js";
import { isFormCsv, readForms } from "./load-forms.js";
import type { Progress } from "./progress.js";

/** A unit's submission with where it came from, or a problem already worded. */
export type DataItem =
  | { readonly ok: true; readonly value: unknown; readonly origin: string; readonly places?: ReadonlyMap<string, string>; readonly file?: string }
  /** `file`: the data file it comes from (for the cap on problems printed per file). */
  | (RefusedRead & { readonly file?: string });

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

/** How table cells are read: their locale, and whether a form is read in the language it was made in. */
export interface DataReading {
  /** How numbers, dates and yes/no are written in table cells. */
  readonly cells: Locale;
  /** Read each form in the language it records (when `--lang` was not given). */
  readonly followForms: boolean;
}

/**
 * Reads every data file in order, yielding submissions and problems as they come.
 * @param files - data files
 * @param rubric - the compiled rubric (CSV columns are resolved against it)
 * @param locale - message language (and how cells are written, unless `reading` says)
 * @param io - where whole-file readers print their problems
 * @param progress - told about files and bytes read
 * @param reading - how numbers and dates are written in table cells, and whether each form is read in the language it was made in (when `--lang` was not given)
 */
export async function* readData(files: readonly string[], rubric: CompiledRubric, locale: Locale, io: Output, progress?: Progress, reading: DataReading = { cells: locale, followForms: false }): AsyncGenerator<DataItem> {
  for (const file of files) {
    for await (const item of readFile(file, rubric, locale, io, progress, reading)) {
      if (item.ok || item.partial === undefined) yield { ...item, file };
      else yield { ...item, message: [item.message, ...valueProblems(rubric, item.partial, locale)].join("\n"), file };
    }
  }
}

/**
 * The problems of the values that could be read of a refused unit (a number out of
 * its range, a count with a fraction), each naming its cell: a unit refused for one
 * cell is told every problem at once, not one per run. Values that were not read are
 * not missed: only issues of cells that were read are kept.
 */
function valueProblems(rubric: CompiledRubric, partial: SubmissionDraft, locale: Locale): string[] {
  let outcome: ReturnType<typeof evaluate>;
  try {
    outcome = evaluate(rubric, partial.value);
  } catch {
    return []; // the refusal stands on its own problems; scoring is not what failed here
  }
  if (outcome.ok) return [];
  return outcome.issues.flatMap((issue) => {
    const place = placeOf(partial, issue.path);
    return place === undefined ? [] : [`${place}: ${issueMessage(issue.message, locale)}`];
  });
}

/** One data file's items. */
async function* readFile(file: string, rubric: CompiledRubric, locale: Locale, io: Output, progress: Progress | undefined, reading: DataReading): AsyncGenerator<DataItem> {
  progress?.file(totalSize([file]));
  const onProgress = (bytes: number): void => progress?.bytes(bytes);
  const ext = extname(file).toLowerCase();
  if (ext === ".jsonl") yield* readJsonLinesSubmissions(file, { onProgress, locale });
  else if (ext === ".xlsx" || (ext === ".csv" && isFormCsv(file))) yield* readForms(file, rubric, locale, reading.cells, reading.followForms);
  else if (ext === ".csv") yield* readCsvSubmissions(file, rubric, locale, { onProgress, cells: reading.cells });
  else {
    const loaded = loadSubmissions([file], locale, io);
    if (loaded === undefined) yield { ok: false, message: "" }; // already printed
    else for (const s of loaded) yield { ok: true, ...s };
  }
}

/**
 * How numbers, dates and yes/no are read in data files: as `--lang` says when it was
 * given, else as the rubric's `locale` (`vi` unless it states `en`), so a Vietnamese
 * rubric's tables are read with the decimal comma without `--lang vi`.
 * @param rubric - the rubric
 * @param given - `--lang`, when it was given on the command line
 * @param lang - the message language (used when the rubric's locale is neither)
 */
export function dataReading(rubric: CompiledRubric, given: Locale | undefined, lang: Locale): DataReading {
  if (given !== undefined) return { cells: given, followForms: false };
  const declared = rubric.meta.locale.toLowerCase();
  return { cells: declared === "vi" || declared.startsWith("vi-") ? "vi" : declared === "en" || declared.startsWith("en-") ? "en" : lang, followForms: true };
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

/**
 * Prints the problems of data files, at most {@link PROBLEMS_SHOWN_PER_FILE} lines per
 * file; `finish` then says how many more each file had, so a file with 100,000 bad
 * rows does not bury the first ones (and every problem is still counted).
 * @param print - where a problem goes
 * @param locale - language of the count
 */
export function problemPrinter(print: (text: string) => void, locale: Locale): { report(file: string, text: string): void; finish(): void } {
  const counts = new Map<string, number>();
  return {
    report(file, text) {
      for (const line of text.split("\n")) {
        const n = (counts.get(file) ?? 0) + 1;
        counts.set(file, n);
        if (n <= PROBLEMS_SHOWN_PER_FILE) print(problemLine(line, locale));
      }
    },
    finish() {
      for (const [file, n] of counts) if (n > PROBLEMS_SHOWN_PER_FILE) print(DATA_MESSAGES.moreProblems(locale, file, n - PROBLEMS_SHOWN_PER_FILE));
    },
  };
}

/**
 * A refused unit as a row of the unranked list: named by its id when it could be
 * read (else by where its data is), with every problem.
 * @param origin - where its data is
 * @param unit - the unit, when its id was read
 * @param problems - every problem, each naming its cell
 * @param locale - language of the reason
 * @param invalid - the submission was read but refused by the checks (rather than unreadable)
 */
export function refusedRow(origin: string, unit: UnitRef | undefined, problems: readonly string[], locale: Locale, invalid = false): UnrankedRow {
  const worded = problems.map((p) => problemLine(p, locale));
  const reason = (invalid ? DATA_MESSAGES.invalid : DATA_MESSAGES.refused)(locale, worded.length, worded.join("; "));
  return { unit: unit ?? { id: origin }, reason, origin, problems: worded, cause: { kind: "refused", problems: worded } };
}

/**
 * A unit's warnings as lines in the locale, each naming where its data is (the cell
 * of the first value, for tables and forms).
 * @param item - the unit's submission
 * @param warnings - the warnings of its result
 * @param locale - message language
 * @param rubric - the rubric, so inputs are named by their labels
 */
export function warningTexts(item: Extract<DataItem, { ok: true }>, warnings: readonly UnitWarning[] | undefined, locale: Locale, rubric?: CompiledRubric): string[] {
  return (warnings ?? []).map((w) => {
    const first = w.args.inputs[0];
    const cell = first === undefined || item.places === undefined ? undefined : placeOf({ places: item.places }, [first.layer, w.node, first.name]);
    return DATA_MESSAGES.valueNotApplicable(locale, cell ?? item.origin, w.node, w.args.inputs.map((i) => {
      const label = rubric === undefined ? undefined : labelOf(rubric, w.node, i.name);
      return label === undefined ? i.name : `“${label}”`;
    }).join(", "), w.args.notApplicable);
  });
}
