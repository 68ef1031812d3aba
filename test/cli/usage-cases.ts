/**
 * Command lines written wrongly, one for each usage error that can reach a user, with
 * what the built CLI must print on stderr (exit 2, nothing on stdout): commander's
 * English when Vietnamese is not asked for, and the Vietnamese of the catalogue with
 * `--lang vi`. `LANG` in `args` is where the language goes (`--lang vi`, or nothing
 * for English), so an option can be left last without its value.
 * Shared by `usage-errors.test.ts` (exact text in both languages) and
 * `vietnamese.test.ts` (no English word in the Vietnamese).
 */
import { spawnSync } from "node:child_process";
import { join } from "node:path";

const root = join(import.meta.dirname, "../..");
const cli = join(root, "dist/cli/main.js");
const R = "examples/par-department/rubric.rubric";
const D = "examples/par-department/submissions/so-noi-vu.json";

/** Where the language options go in a case's arguments. */
export const LANG = "<lang>";

/** One wrong command line and what it prints in each language. */
export interface UsageCase {
  readonly name: string;
  readonly args: readonly string[];
  readonly en: string;
  readonly vi: string;
}

const EN_HINT = "(run 'rubric --help' for usage)";
const viHint = (command: string): string => `(xem cách dùng lệnh: '${command} --help')`;

/** Every commander usage error, and the CLI's own ones given before a command runs. */
export const USAGE_CASES: readonly UsageCase[] = [
  {
    name: "missing required option",
    args: ["explain", R, D, LANG],
    en: `error: required option '--unit <id>' not specified\n${EN_HINT}\n`,
    vi: `lỗi: lệnh 'rubric explain' bắt buộc phải có tùy chọn '--unit'\n${viHint("rubric explain")}\n`,
  },
  {
    name: "unknown option",
    args: ["score", LANG, "--bogus", "x"],
    en: `error: unknown option '--bogus'\n${EN_HINT}\n`,
    vi: `lỗi: lệnh 'rubric score' không có tùy chọn '--bogus'\n${viHint("rubric score")}\n`,
  },
  {
    name: "unknown option, with a suggestion",
    args: ["score", R, D, "--formt", "csv", LANG],
    en: `error: unknown option '--formt'\n(Did you mean --format?)\n${EN_HINT}\n`,
    vi: `lỗi: lệnh 'rubric score' không có tùy chọn '--formt'\n(Có phải là '--format'?)\n${viHint("rubric score")}\n`,
  },
  {
    name: "missing required argument",
    args: ["score", LANG],
    en: `error: missing required argument 'rubric'\n${EN_HINT}\n`,
    vi: `lỗi: lệnh 'rubric score' còn thiếu tham số <rubric>: tệp bộ tiêu chí (.rubric, hoặc .json đã biên dịch)\n${viHint("rubric score")}\n`,
  },
  {
    name: "missing variadic argument",
    args: ["check", LANG],
    en: `error: missing required argument 'files'\n${EN_HINT}\n`,
    vi: `lỗi: lệnh 'rubric check' còn thiếu tham số <files...>: các tệp bộ tiêu chí (.rubric)\n${viHint("rubric check")}\n`,
  },
  {
    name: "unknown command",
    args: ["frob", LANG],
    en: `error: unknown command 'frob'\n${EN_HINT}\n`,
    vi: `lỗi: không có lệnh 'frob'\n${viHint("rubric")}\n`,
  },
  {
    name: "unknown command, with a suggestion",
    args: ["scor", R, LANG],
    en: `error: unknown command 'scor'\n(Did you mean score?)\n${EN_HINT}\n`,
    vi: `lỗi: không có lệnh 'scor'\n(Có phải là lệnh 'score'?)\n${viHint("rubric")}\n`,
  },
  {
    name: "option missing its value",
    args: ["score", R, D, LANG, "--format"],
    en: `error: option '--format <format>' argument missing\n${EN_HINT}\n`,
    vi: `lỗi: tùy chọn '--format' cần có giá trị ('text', 'md', 'csv', 'json' hoặc 'html')\n${viHint("rubric score")}\n`,
  },
  {
    name: "short option missing its value",
    args: ["compile", R, LANG, "-o"],
    en: `error: option '-o, --output <file>' argument missing\n${EN_HINT}\n`,
    vi: `lỗi: tùy chọn '-o, --output' cần có giá trị\n${viHint("rubric compile")}\n`,
  },
  {
    name: "invalid choice",
    args: ["score", R, D, LANG, "--format", "pdf"],
    en: `error: option '--format <format>' argument 'pdf' is invalid. Allowed choices are text, md, csv, json, html.\n${EN_HINT}\n`,
    vi: `lỗi: tùy chọn '--format' không nhận giá trị 'pdf'; chỉ được chọn 'text', 'md', 'csv', 'json' hoặc 'html'\n${viHint("rubric score")}\n`,
  },
  {
    name: "too many arguments",
    args: ["schema", R, "extra.rubric", LANG],
    en: `error: too many arguments for 'schema'. Expected 1 argument but got 2.\n${EN_HINT}\n`,
    vi: `lỗi: lệnh 'rubric schema' chỉ nhận 1 tham số nhưng đã ghi 2 tham số; tên tệp có dấu cách phải đặt trong ngoặc kép\n${viHint("rubric schema")}\n`,
  },
  {
    name: "conflicting options",
    args: ["fmt", "--write", "--check", R, LANG],
    en: `error: option '--write' cannot be used with option '--check'\n${EN_HINT}\n`,
    vi: `lỗi: không dùng được đồng thời tùy chọn '--write' và tùy chọn '--check'; hãy chỉ dùng một trong hai\n${viHint("rubric fmt")}\n`,
  },
  {
    name: "whatif: conflicting targets",
    args: ["whatif", R, D, "--unit", "so-noi-vu", "--to-rank", "1", "--to-band", "Tốt", LANG],
    en: `error: option '--to-rank <k>' cannot be used with option '--to-band <name>'\n${EN_HINT}\n`,
    vi: `lỗi: không dùng được đồng thời tùy chọn '--to-rank' và tùy chọn '--to-band'; hãy chỉ dùng một trong hai\n${viHint("rubric whatif")}\n`,
  },
  {
    name: "whatif: no target",
    args: ["whatif", R, D, "--unit", "so-noi-vu", LANG],
    en: `error: give the target: --to-rank K or --to-band NAME\n${EN_HINT}\n`,
    vi: `lỗi: hãy cho biết mục tiêu: --to-rank K (thứ hạng cần đạt) hoặc --to-band TÊN (xếp loại cần đạt)\n${viHint("rubric whatif")}\n`,
  },
  {
    name: "whatif: a rank that is not a whole number",
    args: ["whatif", R, D, "--unit", "so-noi-vu", "--to-rank", "0", LANG],
    en: `error: option '--to-rank <k>' argument '0' is invalid. a whole number from 1 to 1000000000\n${EN_HINT}\n`,
    vi: `lỗi: tùy chọn '--to-rank' không nhận giá trị '0'; giá trị phải là số nguyên từ 1 đến 1.000.000.000\n${viHint("rubric whatif")}\n`,
  },
  {
    name: "sensitivity: samples that are not a number",
    args: ["sensitivity", R, D, "--samples", "abc", LANG],
    en: `error: option '--samples <n>' argument 'abc' is invalid. a whole number from 1 to 10000000\n${EN_HINT}\n`,
    vi: `lỗi: tùy chọn '--samples' không nhận giá trị 'abc'; giá trị phải là số nguyên từ 1 đến 10.000.000\n${viHint("rubric sensitivity")}\n`,
  },
  {
    name: "sensitivity: an invalid sampling",
    args: ["sensitivity", R, D, "--sampling", "random", LANG],
    en: `error: option '--sampling <kind>' argument 'random' is invalid. Allowed choices are quasi, uniform.\n${EN_HINT}\n`,
    vi: `lỗi: tùy chọn '--sampling' không nhận giá trị 'random'; chỉ được chọn 'quasi' hoặc 'uniform'\n${viHint("rubric sensitivity")}\n`,
  },
  {
    name: "template: an XLSX form without a file",
    args: ["template", R, "--format", "xlsx", LANG],
    en: "rubric template: an XLSX form needs a file: add -o FILE.xlsx\n",
    vi: "rubric template: phiếu XLSX phải được ghi ra tệp: hãy thêm -o TÊN-TỆP.xlsx\n",
  },
];

/** The arguments of a case in a language: `vi` puts `--lang vi` at `LANG`, `vi=` writes `--lang=vi`, `en` puts nothing. */
export function caseArgs(c: UsageCase, lang: "en" | "vi" | "vi="): string[] {
  const given = lang === "vi" ? ["--lang", "vi"] : lang === "vi=" ? ["--lang=vi"] : [];
  return c.args.flatMap((a) => (a === LANG ? given : [a]));
}

/** Runs the built CLI on arguments: exit code, stdout, stderr. */
export function runCli(args: readonly string[], cwd = root): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: "utf8" });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}
