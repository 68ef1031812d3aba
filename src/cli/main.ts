/**
 * The `rubric` command: argument handling only; every command is a library call.
 * Exit codes: 0 ok, 1 findings (errors in a rubric or data, unreadable files),
 * 2 usage (unknown command or option, missing argument).
 * @module
 */
import { type Command, CommanderError, Option } from "commander";
// Bundled into dist/cli/main.js (esbuild keeps only this field of the JSON).
import { version } from "../../package.json";
import type { Locale } from "../diagnostics.js";
import type { TableFormat } from "../report/render.js";
import { runCheck } from "./check.js";
import { runCompile } from "./compile.js";
import { runExplain } from "./explain.js";
import { runFmt } from "./fmt.js";
import { runSchema } from "./schema.js";
import { runScore } from "./score.js";
import { addAnalysisCommands } from "./analysis-commands.js";
import { runTemplate } from "./template.js";
import { EXIT, processOutput, type Output } from "./io.js";
import { UsageCommand } from "./usage-command.js";
import { USAGE_MESSAGES, usageLocale } from "./usage-messages.js";

/** `--lang` when it was written on the command line (data files are then read in it), else undefined. */
const langGiven = (command: Command, lang: Locale): Locale | undefined => (command.getOptionValueSource("lang") === "cli" ? lang : undefined);
const langOption = (): Option => new Option("--lang <lang>", "language of messages").choices(["en", "vi"]).default("en");

/**
 * Builds the command-line program. Actions store their exit code in `result.code`.
 * @param io - output sinks
 * @param usageLanguage - language of usage errors (unknown option, missing argument, …),
 *   which commander reports before `--lang` is read: the `--lang` written in the arguments
 */
export function buildProgram(io: Output = processOutput, usageLanguage: Locale = "en"): { program: Command; result: { code: number } } {
  const result = { code: EXIT.ok as number };
  const program = new UsageCommand("rubric", usageLanguage)
    .description("Compile, check and format rubric files (bộ tiêu chí) for government performance indices.")
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) })
    .version(version, "-V, --version", "print the version")
    .helpOption("-h, --help", "print help, with examples")
    .showHelpAfterError(USAGE_MESSAGES.helpHint(usageLanguage, "rubric"))
    .addHelpText(
      "after",
      "\nExamples:\n  rubric check rubric.rubric --lang vi\n  rubric template rubric.rubric --lang vi -o phieu.xlsx\n  rubric score rubric.rubric submissions/*.json --lang vi --previous previous.json\n\n" +
        "The files named are your own: a rubric (.rubric), the units' submissions (.json,\n.jsonl, .csv, .xlsx) and last period's ranking. Complete samples are in the\nexamples/ folder of the rubric-lang source repository (not installed with the\npackage). XLSX needs the optional exceljs package: npm install exceljs@^4.4.0\n\n" +
        "Exit: 0 ok, 1 findings (errors in a rubric or data, unreadable files), 2 usage.",
    );

  program
    .command("check")
    .description("Check rubric files and print every error and warning with its line and column.")
    .argument("<files...>", "rubric files (.rubric)")
    .addOption(langOption())
    .option("--strict", "treat every warning as an error")
    .addHelpText("after", "\nExample:\n  rubric check rubric.rubric --lang vi\n\nExit: 0 no errors (warnings allowed unless --strict), 1 errors found (or warnings with --strict) or a file unreadable, 2 usage.")
    .action((files: string[], opts: { lang: Locale; strict?: boolean }) => {
      result.code = runCheck(files, opts.lang, io, opts.strict === true);
    });

  program
    .command("compile")
    .description("Compile a rubric to JSON: the criterion tree the runtime evaluates.")
    .argument("<file>", "rubric file (.rubric)")
    .option("-o, --output <file>", "write the JSON to this file instead of stdout")
    .addOption(langOption())
    .addHelpText("after", "\nExample:\n  rubric compile rubric.rubric -o rubric.json\n\nExit: 0 written, 1 errors in the rubric or a file problem, 2 usage.")
    .action((file: string, opts: { output?: string; lang: Locale }) => {
      result.code = runCompile(file, opts.output, opts.lang, io);
    });

  program
    .command("fmt")
    .description("Print a rubric in canonical layout (comments kept), rewrite it, or check it.")
    .argument("<file>", "rubric file (.rubric)")
    .addOption(new Option("--write", "rewrite the file in place").conflicts("check"))
    .addOption(new Option("--check", "exit 1 when the file is not in canonical layout"))
    .addOption(langOption())
    .addHelpText("after", "\nExample:\n  rubric fmt --check rubric.rubric\n\nExit: 0 ok, 1 syntax errors or not formatted (--check), 2 usage.")
    .action((file: string, opts: { write?: boolean; check?: boolean; lang: Locale }) => {
      result.code = runFmt(file, opts.write ? "write" : opts.check ? "check" : "print", opts.lang, io);
    });

  const formatOption = (): Option => new Option("--format <format>", "output format").choices(["text", "md", "csv", "json", "html"]).default("text");

  program
    .command("score")
    .description("Evaluate every unit's submission, rank the units and print the ranked table.")
    .argument("<rubric>", "rubric (.rubric source or compiled .json)")
    .argument("<data...>", "submissions: .json (one or an array), .jsonl (one per line), .csv (wide or long table, or a filled form), .xlsx (filled forms, a sheet per unit, or a wide sheet)")
    .addOption(formatOption())
    .addOption(langOption())
    .option("-o, --output <file>", "write the report to this file instead of stdout")
    .addHelpText("after", "\nExample:\n  rubric score rubric.rubric submissions/*.json --lang vi --previous previous.json\n  rubric score rubric.json units.jsonl --format html -o ranking.html\n(.csv and .xlsx: numbers as the rubric's locale says, forms as they were made, unless --lang is given; vi: decimal comma, dd/mm/yyyy dates)\n\nData: .json, .jsonl, .csv (wide: unit.id,<criterion>.<input>,…; long: unit,node,input,layer,value); see docs/submission.md.\nExit: 0 every unit scored, 1 invalid, duplicated or incomplete data (named with file and row/cell or path) or an unusable rubric, 2 usage.")
    .option("--previous <file>", "last period's ranking (JSON: [{unitId, rank, index}] or an earlier 'score --format json'), for the change in rank")
    .addOption(new Option("--ties <policy>", "what-if: tie policy instead of the rubric's").choices(["shared", "dense", "ordinal"]))
    .addOption(new Option("--on <figures>", "what-if: rank on exact or published figures instead of the rubric's choice").choices(["exact", "published"]))
    .option("--within-group", "what-if: rank each unit group separately")
    .option("--no-within-group", "what-if: rank all units together")
    .action(async (rubricFile: string, data: string[], opts: { format: TableFormat | "html"; lang: Locale; output?: string; previous?: string; ties?: "shared" | "dense" | "ordinal"; on?: "exact" | "published"; withinGroup?: boolean }, command: Command) => {
      const files = { ...(opts.output === undefined ? {} : { output: opts.output }), ...(opts.previous === undefined ? {} : { previous: opts.previous }) };
      const policy = { ...(opts.ties === undefined ? {} : { ties: opts.ties }), ...(opts.on === undefined ? {} : { on: opts.on }), ...(opts.withinGroup === undefined ? {} : { withinGroup: opts.withinGroup }) };
      const dataLang = langGiven(command, opts.lang);
      result.code = await runScore(rubricFile, data, { format: opts.format, lang: opts.lang, progress: process.stderr, ...files, policy, ...(dataLang === undefined ? {} : { dataLang }) }, io);
    });

  program
    .command("explain")
    .description("Show one unit's detail: every criterion's max, self-assessed and final points, and how each was scored.")
    .argument("<rubric>", "rubric (.rubric source or compiled .json)")
    .argument("<data...>", "submissions (.json, .jsonl, .csv tables or forms, .xlsx)")
    .requiredOption("--unit <id>", "the unit to explain")
    .addOption(formatOption())
    .addOption(langOption())
    .addHelpText("after", "\nExample:\n  rubric explain rubric.rubric submissions/so-noi-vu.json --unit so-noi-vu\n\nExit: 0 explained, 1 unit missing, invalid or incomplete, 2 usage.")
    .action(async (rubricFile: string, data: string[], opts: { unit: string; format: TableFormat | "html"; lang: Locale }, command: Command) => {
      result.code = await runExplain(rubricFile, data, opts.unit, opts.format, opts.lang, io, langGiven(command, opts.lang));
    });

  program
    .command("template")
    .description("Write the self-assessment form of a rubric: the unit's rows, every criterion with its max and evidence, a row per input with empty self-assessed, appraised and reason columns.")
    .argument("<rubric>", "rubric (.rubric source or compiled .json)")
    .addOption(new Option("--format <format>", "csv or xlsx (default: from the -o extension, else csv)").choices(["csv", "xlsx"]))
    .option("-o, --output <file>", "write the form to this file (required for xlsx; CSV goes to stdout without it)")
    .addOption(langOption())
    .addHelpText("after", "\nExample:\n  rubric template rubric.rubric --lang vi -o phieu.xlsx\n  rubric template rubric.rubric --lang vi -o phieu.csv\n(fill one sheet per unit, then: rubric score rubric.rubric phieu.xlsx --lang vi; XLSX needs exceljs: npm install exceljs@^4.4.0)\n\nExit: 0 written, 1 unusable rubric or a file problem, 2 usage.")
    .action(async (rubricFile: string, opts: { format?: "csv" | "xlsx"; output?: string; lang: Locale }) => {
      result.code = await runTemplate(rubricFile, opts.format, opts.output, opts.lang, io);
    });

  program
    .command("schema")
    .description("Print the JSON Schema of this rubric's submissions, for other applications.")
    .argument("<rubric>", "rubric (.rubric source or compiled .json)")
    .addOption(langOption())
    .addHelpText("after", "\nExample:\n  rubric schema rubric.rubric > submission.schema.json\n\nExit: 0 printed, 1 unusable rubric, 2 usage.")
    .action((rubricFile: string, opts: { lang: Locale }) => {
      result.code = runSchema(rubricFile, opts.lang, io);
    });

  addAnalysisCommands(program, result, io, langOption, usageLanguage);

  program
    .command("lsp")
    .description("Start the language server for editors (Language Server Protocol over stdin/stdout): diagnostics as you type, quick fixes, hover, completion, outline, formatting.")
    .option("--stdio", "talk over stdin and stdout (the default and only transport)")
    .allowUnknownOption()
    .addHelpText("after", "\nStarted by an editor, not by hand (see \"Editor support\" in the README). Messages are Vietnamese unless the editor asks for English.")
    .action(async () => {
      const { runLanguageServer } = await import("../lsp/server.js");
      await runLanguageServer();
    });

  // In Vietnamese the hint names the command's own help (English keeps the root's).
  if (usageLanguage === "vi") for (const command of program.commands) command.showHelpAfterError(USAGE_MESSAGES.helpHint("vi", `rubric ${command.name()}`));
  return { program, result };
}

/**
 * The `--lang` written in the arguments (`--lang vi` or `--lang=vi`; the last one, as
 * commander takes it, and none after `--`), for messages given before commander could read it.
 */
function langAsked(argv: readonly string[]): string | undefined {
  let lang: string | undefined;
  for (let i = 0; i < argv.length && argv[i] !== "--"; i++) {
    if (argv[i] === "--lang") lang = argv[++i];
    else if (argv[i]!.startsWith("--lang=")) lang = argv[i]!.slice("--lang=".length);
  }
  return lang;
}

/**
 * Runs the program on arguments and resolves to the exit code (never rejects).
 * @param argv - arguments after the program name
 * @param io - output sinks
 */
export async function run(argv: readonly string[], io: Output = processOutput): Promise<number> {
  const { program, result } = buildProgram(io, usageLocale(langAsked(argv)));
  try {
    await program.parseAsync([...argv], { from: "user" });
    return result.code;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version are successful exits; everything else is a usage error.
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    const detail = error instanceof Error ? error.message : String(error);
    io.err(langAsked(argv) === "vi" ? `rubric: lỗi nội bộ của chương trình (${detail}); vui lòng báo lỗi, kèm theo lệnh đã chạy` : `rubric: internal error (${detail}); please report it with the command you ran`);
    return EXIT.findings;
  }
}

// A reader that stops early (`rubric check … | head`) is not an error of ours.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(process.exitCode ?? EXIT.ok);
    throw error;
  });
}
process.exitCode = await run(process.argv.slice(2));
