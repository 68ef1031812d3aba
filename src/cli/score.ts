/**
 * `rubric score RUBRIC DATA…`: evaluate every unit, rank them, print the table.
 * Data is read as a stream and each unit's result is cut down to what ranking needs:
 * for the table formats a few references per unit in columns, the table written a
 * line at a time, so a million units score in flat memory.
 * @module
 */
import { setFlagsFromString } from "node:v8";
import type { CompiledRubric } from "../compile/types.js";
import type { Locale } from "../diagnostics.js";
import { evaluate, unitInError, type EvaluateOutcome, type EvaluationResult } from "../io/evaluate.js";
import { MESSAGES } from "../io/messages.js";
import { VALUE_MESSAGES } from "../io/value-messages.js";
import { slimOutcome, slimResult } from "../io/slim.js";
import { CompactRanking } from "../rank/compact.js";
import { policyOf } from "../rank/rank.js";
import type { RankOptions, RankResult, UnrankedRow } from "../rank/types.js";
import { renderRankingHtml } from "../report/html.js";
import { compactRankingLines } from "../report/compact-table.js";
import { renderRanking, type TableFormat } from "../report/render.js";
import { dataReading, issueText, problemPrinter, readData, refusedRow, totalSize, warningTexts } from "./data.js";
import { EXIT, inputOverwritten, outInPieces, writeFileAtomic, type Output } from "./io.js";
import { loadPrevious, loadRubric } from "./load.js";
import { progressBar, type ProgressStream } from "./progress.js";
import { rankSafely } from "./rank-safely.js";
import { cohortOfFiles } from "./score-cohort.js";
import { needsCohort, type CohortFigures } from "../runtime/cohort-batch.js";

/** Options of `score`. */
export interface ScoreOptions {
  /** Output format. */
  readonly format: TableFormat | "html";
  /** Report language (also how numbers and dates in CSV cells are read, when {@link dataLang} is absent and the rubric states no locale). */
  readonly lang: Locale;
  /** `--lang` when it was given on the command line: then data files are read in it; else as the rubric's locale, forms as made. */
  readonly dataLang?: Locale;
  /** Write here instead of stdout. */
  readonly output?: string;
  /** Last period's ranking (JSON), for the change column. */
  readonly previous?: string;
  /** Where a progress bar may be drawn (only when it is a terminal). */
  readonly progress?: ProgressStream;
  /** Overrides of the rubric's ranking policy, for a what-if run (`--ties`, `--on`, `--within-group`). */
  readonly policy?: Pick<RankOptions, "ties" | "on" | "withinGroup">;
}

/** The policy line printed (on stderr) when the ranking policy was overridden. */
export function policyText(policy: RankResult["policy"], lang: Locale): string {
  const vi = lang === "vi";
  const on = policy.on === "published" ? (vi ? "điểm công bố (đã làm tròn)" : "published (rounded) figures") : vi ? "điểm chính xác" : "exact figures";
  const ties = vi ? { shared: "đồng hạng", dense: "đồng hạng, hạng sau liền kề", ordinal: "không đồng hạng" }[policy.ties] : policy.ties;
  return vi
    ? `cách xếp hạng đã dùng: đồng điểm ${ties}; xếp theo ${on}; ${policy.withinGroup ? "xếp trong từng nhóm" : "không chia nhóm"}`
    : `ranking policy used: ties ${ties}; on ${on}; ${policy.withinGroup ? "within groups" : "not within groups"}`;
}

/**
 * Scores and ranks units. Exit 1 when the rubric or a data file cannot be used, when
 * a submission is invalid or a unit is given twice (each named with its file and row,
 * cell or JSON path); units with incomplete data are listed apart in the table and
 * also make the exit code 1.
 * @param rubricFile - the rubric (`.rubric` or compiled `.json`)
 * @param dataFiles - submissions (`.json`, `.jsonl`, `.csv`)
 * @param options - format, language, output file, progress stream
 * @param io - output sinks
 */
export async function runScore(rubricFile: string, dataFiles: readonly string[], options: ScoreOptions, io: Output): Promise<number> {
  const inputs = [rubricFile, ...dataFiles, ...(options.previous === undefined ? [] : [options.previous])];
  const clash = options.output === undefined ? undefined : inputOverwritten(options.output, inputs);
  if (clash !== undefined) {
    io.err(MESSAGES.outputIsInput(options.lang, "score", options.output!, clash));
    return EXIT.usage;
  }
  const rubric = loadRubric(rubricFile, options.lang, io, true);
  if (rubric === undefined) return EXIT.findings;
  const previous = options.previous === undefined ? undefined : loadPrevious(options.previous, options.lang, io);
  if (options.previous !== undefined && previous === undefined) return EXIT.findings;
  const bar = progressBar(options.progress ?? { write: () => undefined }, totalSize(dataFiles));
  const err = (text: string): void => {
    bar.clear();
    io.err(text);
  };
  let findings = false;
  const kept = keeper(rubric, options);
  // Units refused while read or checked: listed apart in every format, each with all its problems.
  const refused: UnrankedRow[] = [];
  const problems = problemPrinter(err, options.lang);
  const reading = dataReading(rubric, options.dataLang, options.lang);
  // Cohort figures need every unit first: one quiet pass per stage, then the scoring pass.
  // `--within-group` regroups the cohorts too, so that figures and ranks follow one policy.
  const withinGroup = options.policy?.withinGroup;
  const gathering = withinGroup === undefined ? rubric : { ...rubric, ranking: { ...rubric.ranking, withinGroup } };
  const cohort = needsCohort(rubric) ? await cohortOfFiles(gathering, dataFiles, options.lang, reading) : undefined;
  for await (const item of readData(dataFiles, rubric, options.lang, { out: io.out, err }, bar, reading)) {
    if (!item.ok) {
      findings = true;
      if (item.message !== "") problems.report(item.file ?? "", item.message);
      if (item.origin !== undefined) refused.push(refusedRow(item.origin, item.unit, item.message.split("\n"), options.lang));
      continue;
    }
    bar.unit();
    const outcome = scoreUnit(rubric, item.value, options.lang, (warnings) => {
      for (const text of warningTexts(item, warnings, options.lang, rubric)) err(text);
    }, cohort, kept.slims);
    if (!outcome.ok) {
      findings = true;
      const texts = outcome.issues.map((issue) => issueText(item, issue, options.lang, rubric));
      problems.report(item.file ?? item.origin, texts.join("\n"));
      refused.push(refusedRow(item.origin, outcome.unit, texts, options.lang, true));
      continue;
    }
    if (!outcome.result.complete) findings = true;
    const id = outcome.result.unit.id;
    const first = kept.add(outcome, item.origin);
    if (first !== undefined) {
      findings = true;
      err(MESSAGES.unitTwice(options.lang, item.origin, id, first, true));
    }
  }
  problems.finish();
  bar.clear();
  // Nothing could be read at all: the problems are on stderr, and an empty table would only hide them.
  if (kept.size === 0 && refused.length === 0 && findings) return EXIT.findings;
  const rankOptions = { ...(previous === undefined ? {} : { previous }), ...options.policy };
  const report = kept.report(rankOptions, refused);
  if (options.policy !== undefined && Object.keys(options.policy).length > 0) io.err(policyText(report.policy, options.lang));
  // A unit ranking failed on is listed apart like an incomplete one; a unit the rubric
  // declares not eligible is listed apart too, but is no problem of the data.
  if (report.unranked.some((u) => u.cause.kind !== "ineligible")) findings = true;
  if (options.output === undefined) outInPieces(io, report.pieces);
  else {
    const failure = writeFileAtomic(options.output, report.pieces, options.lang);
    if (failure !== undefined) {
      io.err(failure);
      return EXIT.findings;
    }
  }
  return findings ? EXIT.findings : EXIT.ok;
}

/** The scored units kept for the report, and the report made from them. */
interface Kept {
  /** Units kept. */
  readonly size: number;
  /** Whether a unit's result is to be slimmed before it is kept (the compact columns take only a few figures of it). */
  readonly slims: boolean;
  /** Keeps a unit's outcome; returns where its id was first given, when it was. */
  add(outcome: Extract<EvaluateOutcome, { ok: true }>, origin: string): string | undefined;
  /** Ranks the units and makes the report, with the units refused while read listed apart. */
  report(rankOptions: RankOptions, refused: readonly UnrankedRow[]): { readonly policy: RankResult["policy"]; readonly unranked: readonly UnrankedRow[]; readonly pieces: Iterable<string> };
}

/**
 * Where scored units are kept. The table formats keep a few references per unit in
 * columns and write the table a line at a time (a million units in flat memory); JSON
 * and HTML, which show every figure of every unit, keep each unit's slim result.
 */
function keeper(rubric: CompiledRubric, options: ScoreOptions): Kept {
  const lang = options.lang;
  const title = rubric.meta.title;
  if (options.format === "json" || options.format === "html") {
    const format = options.format;
    const outcomes: EvaluateOutcome[] = [];
    const seen = new Map<string, string>();
    return {
      get size() { return outcomes.length; },
      slims: true,
      add(outcome, origin) {
        outcomes.push(outcome);
        const first = seen.get(outcome.result.unit.id);
        if (first === undefined) seen.set(outcome.result.unit.id, origin);
        return first;
      },
      report(rankOptions, refused) {
        const ranked = rankSafely(rubric, outcomes, rankOptions, lang);
        const ranking: RankResult = refused.length === 0 ? ranked : { ...ranked, unranked: [...ranked.unranked, ...refused].sort(byUnitId) };
        const text = format === "html" ? renderRankingHtml(ranking, rubric, lang) : renderRanking(ranking, "json", lang, title, rubric);
        return { policy: ranking.policy, unranked: ranking.unranked, pieces: [text] };
      },
    };
  }
  const format = options.format;
  // What these units keep is small (about 60 bytes each); what fills the heap is the
  // garbage each unit's evaluation leaves. By default V8 lets the heap grow to several
  // times the live data before a full collection; growing it by half is enough here
  // and keeps a million units near 270 MB instead of 420 (docs/performance.md).
  setFlagsFromString("--heap-growing-percent=50");
  // A unit listed apart keeps its whole result, slimmed as JSON keeps it.
  const store = new CompactRanking(rubric, policyOf(rubric, options.policy ?? {}), (result) => slimResult(rubric, result));
  return {
    get size() { return store.size; },
    slims: false,
    add: (outcome, origin) => store.add(outcome.result, origin),
    report(rankOptions, refused) {
      const failed = (unit: EvaluationResult["unit"], error: unknown): EvaluationResult => unitInError(rubric, unit, VALUE_MESSAGES.unitFault(lang, error instanceof Error ? error.message : String(error)));
      const ranked = store.rank(rubric, policyOf(rubric, rankOptions), rankOptions.previous, failed);
      const unranked = refused.length === 0 ? ranked.unranked : [...ranked.unranked, ...refused].sort(byUnitId);
      return { policy: ranked.order.policy, unranked, pieces: compactRankingLines(ranked, unranked, format, lang, title, rubric) };
    },
  };
}

/** Unranked rows in the order `rank` lists them: by unit id. */
function byUnitId(a: UnrankedRow, b: UnrankedRow): number {
  return a.unit.id < b.unit.id ? -1 : a.unit.id > b.unit.id ? 1 : 0;
}

/**
 * Evaluates one unit and slims its result for ranking. Should anything throw on this
 * unit, it is put in error with what failed, and the batch goes on.
 */
function scoreUnit(rubric: CompiledRubric, value: unknown, locale: Locale, onWarnings: (warnings: EvaluationResult["warnings"]) => void, cohort: CohortFigures | undefined, slim: boolean): EvaluateOutcome {
  let outcome: EvaluateOutcome | undefined;
  try {
    outcome = evaluate(rubric, value, cohort === undefined ? {} : { cohort });
    // Told before slimming, which keeps only what ranking needs.
    if (outcome.ok && outcome.result.warnings !== undefined) onWarnings(outcome.result.warnings);
    return slim ? slimOutcome(rubric, outcome) : outcome;
  } catch (error) {
    const message = VALUE_MESSAGES.unitFault(locale, error instanceof Error ? error.message : String(error));
    return outcome?.ok === true ? { ok: true, result: unitInError(rubric, outcome.result.unit, message) } : { ok: false, issues: [{ path: [], message, code: "other", args: {} }] };
  }
}
