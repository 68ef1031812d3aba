/**
 * The `sensitivity` and `whatif` commands, registered on the program by `main.ts`.
 * @module
 */
import { type Command, InvalidArgumentError, Option } from "commander";
import type { Locale } from "../diagnostics.js";
import type { TableFormat } from "../report/render.js";
import type { Output } from "./io.js";
import { USAGE_MESSAGES } from "./usage-messages.js";
import { runSensitivity } from "./sensitivity.js";
import { runWhatIf } from "./whatif.js";

/** A parser of a whole-number option; its message is in the language of usage errors. */
function whole(min: number, max: number, locale: Locale): (raw: string) => number {
  return (raw) => {
    const n = Number(raw);
    if (!/^\d+$/.test(raw.trim()) || !Number.isSafeInteger(n) || n < min || n > max) throw new InvalidArgumentError(USAGE_MESSAGES.wholeNumber(locale, min, max));
    return n;
  };
}

/**
 * Adds `sensitivity` and `whatif` to the program.
 * @param program - the `rubric` program
 * @param result - where actions store their exit code
 * @param io - output sinks
 * @param langOption - the shared `--lang` option
 * @param usageLanguage - language of usage errors (the `--lang` written in the arguments)
 */
export function addAnalysisCommands(program: Command, result: { code: number }, io: Output, langOption: () => Option, usageLanguage: Locale = "en"): void {
  program
    .command("sensitivity")
    .description("How robust each unit's rank is: rank intervals and band shares over samples of weights, thresholds, N/A policies and appraisal corrections, and each factor's first-order sensitivity.")
    .argument("<rubric>", "rubric (.rubric source or compiled .json)")
    .argument("<data...>", "submissions (.json, .jsonl, .csv tables or forms, .xlsx)")
    .option("--plan <file>", "what varies (JSON; see docs/analysis.md); default: each area's weight 0.8–1.2 and the N/A policy alternatives")
    .option("--samples <n>", "samples to draw (default: the plan's, else 1000)", whole(1, 10_000_000, usageLanguage))
    .option("--seed <s>", "seed of the sampling (default: the plan's, else 1)", whole(0, 0xffffffff, usageLanguage))
    .addOption(new Option("--sampling <kind>", "quasi (Halton, seeded) or uniform (seeded pseudo-random)").choices(["quasi", "uniform"]))
    .option("--workers <n>", "worker threads (1: in this thread); the output is the same for any number", whole(1, 64, usageLanguage), 1)
    .addOption(new Option("--format <format>", "output format").choices(["text", "md", "csv", "json", "html"]).default("text"))
    .addOption(langOption())
    .option("-o, --output <file>", "write the report to this file instead of stdout")
    .addHelpText("after", "\nExample:\n  rubric sensitivity examples/par-province/rubric.rubric examples/par-province/submissions/*.json --plan examples/par-province/sensitivity.json --samples 10000 --workers 2 --format html -o sensitivity.html\n\nExit: 0 done, 1 unusable rubric, plan or data, 2 usage.")
    .action(async (rubricFile: string, data: string[], opts: { plan?: string; samples?: number; seed?: number; sampling?: "quasi" | "uniform"; workers: number; format: TableFormat | "html"; lang: Locale; output?: string }, command: Command) => {
      result.code = await runSensitivity(rubricFile, data, { ...opts, ...(langWritten(command) ? { dataLang: opts.lang } : {}) }, io);
    });

  program
    .command("whatif")
    .description("The smallest change of one input (or given points) of a unit that brings it to a rank or a band, criterion by criterion.")
    .argument("<rubric>", "rubric (.rubric source or compiled .json)")
    .argument("<data...>", "every unit's submissions (the others stay as they are)")
    .requiredOption("--unit <id>", "the unit")
    .addOption(new Option("--to-rank <k>", "reach this rank or better").argParser(whole(1, 1_000_000_000, usageLanguage)).conflicts("toBand"))
    .addOption(new Option("--to-band <name>", "reach this band or one listed before it"))
    .addOption(new Option("--format <format>", "output format").choices(["text", "md", "csv", "json"]).default("text"))
    .addOption(langOption())
    .addHelpText("after", "\nExample:\n  rubric whatif examples/par-department/rubric.rubric examples/par-department/submissions/*.json --unit so-y-te --to-rank 15 --lang vi\n\nExit: 0 answered (also when not reachable), 1 unknown unit or band, unit not ranked, unusable files, 2 usage.")
    .action(async (rubricFile: string, data: string[], opts: { unit: string; toRank?: number; toBand?: string; format: TableFormat; lang: Locale }, command: Command) => {
      if (opts.toRank === undefined && opts.toBand === undefined) command.error(USAGE_MESSAGES.whatIfTarget(usageLanguage), { exitCode: 2 });
      result.code = await runWhatIf(rubricFile, data, opts.unit, opts.toRank !== undefined ? { rank: opts.toRank } : { band: opts.toBand! }, opts.format, opts.lang, io, langWritten(command) ? opts.lang : undefined);
    });
}

/** Whether `--lang` was written on the command line: data files are then read in it, as `score` does. */
const langWritten = (command: Command): boolean => command.getOptionValueSource("lang") === "cli";
