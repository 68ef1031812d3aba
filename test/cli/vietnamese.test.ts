/**
 * Nothing English and no dot-decimal in what a Vietnamese user reads: every command of
 * the CLI with `--lang vi` on every example — checked, scored in every format with its
 * incomplete and invalid units, every unit explained, the form — and on broken forms,
 * must not print a word from {@link ENGLISH} or a figure written with a decimal point.
 * What is code and not prose is left out before looking: code frames of the rubric's
 * source, file paths, criterion ids and dotted keys (`1.1.2.done`, `unit.id`), an input's
 * name after its label, a command quoted for the user to run, an argument's placeholder
 * from the usage line (`<files...>`), a JSON example, JSON keys and CSS. A command line written wrongly
 * (every case of `usage-cases.ts`) is checked the same way.
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { tempDir } from "../temp.js";
import { caseArgs, runCli, USAGE_CASES } from "./usage-cases.js";

const root = join(import.meta.dirname, "../..");
const cli = join(root, "dist/cli/main.js");
/** The rubric the data-error fixtures (test/fixtures/data-errors) are written for. */
const RUBRIC_OF_BAD_DATA = "examples/par-department/rubric.rubric";

/** English words that have no business in Vietnamese output (none of them is also a Vietnamese word). */
export const ENGLISH = new Set(`
the is are was were be been being of for with from into onto than then that this these those it its and or not yes but if else when which who what where why how
missing depends depend invalid error errors warning warnings rule rules children child sum clause holds hold above below maximum minimum value values input inputs
points point score scores scored total index ranked ranking unranked incomplete complete submission submissions unit units node nodes criterion criteria area areas
file files row rows column columns sheet cell cells line lines expected found must should cannot could read readable write written unknown duplicate given twice
number numbers decimal whole negative positive list empty divided division zero full excluded exclude applicable declared appraisal appraised self survey
reason reasons because only also every each all any none some more less most least greater lower higher equal equals band bands result results mean weighted clamped
suggestion hint note see run usage option options command help example examples version format formats locale language text date dates true false null undefined
figure figures published exact rounding difference status change previous new nothing something missing-input depends-on-error too-large internal-error empty-list
division-by-zero wrong-type no-band bad-points not-applicable got received unrecognized key keys too big small large outside inside between after before per
there here has have had does did will would may might shall about over under again against got left right out up down off why place places named name names
`.split(/\s+/).filter((w) => w !== ""));

function run(args: readonly string[]): string {
  const r = spawnSync(process.execPath, [cli, ...args, "--lang", "vi"], { cwd: root, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  return `${r.stdout}\n${r.stderr}`;
}

/** The texts a JSON report gives people to read: reasons, messages, titles, bands, unit names. */
function wordsOfJson(text: string): string {
  const out: string[] = [];
  const stack: unknown[] = [JSON.parse(text.slice(0, text.lastIndexOf("}") + 1))];
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v !== "object" || v === null) continue;
    for (const [key, child] of Object.entries(v)) {
      if (typeof child === "string" && ["reason", "message", "title", "band"].includes(key)) out.push(child);
      else if (key === "unit" && typeof child === "object" && child !== null && typeof (child as { name?: unknown }).name === "string") out.push((child as { name: string }).name);
      else stack.push(child);
    }
  }
  return out.join("\n");
}

/** The prose of an output: code, paths, ids and keys taken out. */
function prose(text: string, ids: ReadonlySet<string>, kind: "text" | "html" | "json"): string {
  let t = text;
  if (kind === "html") t = t.replace(/<style[\s\S]*?<\/style>/g, " ").replace(/<[^>]+>/g, " ").replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, "&");
  if (kind === "json") t = wordsOfJson(t);
  return t
    .replace(/^\s*\d+ \|.*$/gm, " ") // a code frame's source line
    .replace(/\S*(?:examples|docs|fixtures|\/tmp)\/\S*/g, " ") // file paths
    .replace(/'rubric [^']*'/g, " ") // a command to run, quoted
    .replace(/<[\w.]+>/g, " ") // an argument as the command's usage line names it (<files...>)
    .replace(/\{"[^\n]*\}/g, " ") // a JSON example of a file to write ({"factors": [{"kind": "weight", …}]})
    .replace(/unit,node,input,layer,value/g, " ") // the long table's header, to be written as it is
    .replace(/” \([\w.]+\)/g, "”") // an input's name after its label
    .replace(/(?<![\p{L}\d])[\w-]+(?:\.[\w-]+)+(?![\p{L}\d])/gu, (m) => (ids.has(m) || /[A-Za-z_]/.test(m) ? " " : m)) // criterion ids, dotted keys
    .replace(/\bRL\d{3}\b/g, " ");
}

function englishIn(text: string): string[] {
  return [...text.matchAll(/(?<![\p{L}\p{N}_'.-])[A-Za-z][A-Za-z-]*(?![\p{L}\p{N}_'-])/gu)].map((m) => m[0].toLowerCase()).filter((w) => ENGLISH.has(w));
}

function dotDecimals(text: string): string[] {
  return [...text.matchAll(/(?<![\d.,])\d+\.\d+(?![\d.])/g)].map((m) => m[0]);
}

function idsOf(source: string): Set<string> {
  return new Set([...source.matchAll(/(?:area|criterion|item|bonus|penalty)\s+"([^"]+)"/g)].map((m) => m[1]!));
}

const jsonFiles = (dir: string): string[] => (existsSync(join(root, dir)) ? readdirSync(join(root, dir)).filter((f) => f.endsWith(".json")).sort().map((f) => `${dir}/${f}`) : []);
const examples = readdirSync(join(root, "examples")).filter((n) => existsSync(join(root, "examples", n, "rubric.rubric"))).sort();

function expectVietnamese(text: string, ids: ReadonlySet<string>, kind: "text" | "html" | "json", what: string): void {
  const shown = prose(text, ids, kind);
  expect(englishIn(shown), `${what}: English words in\n${shown.slice(0, 4000)}`).toEqual([]);
  expect(dotDecimals(shown), `${what}: figures with a decimal point in\n${shown.slice(0, 4000)}`).toEqual([]);
}

describe("every command with --lang vi speaks Vietnamese", () => {
  it("keeps a list of at least 150 English words", () => {
    expect(ENGLISH.size).toBeGreaterThanOrEqual(150);
    // The list catches what it is meant to catch.
    expect(englishIn("incomplete: \"3\": depends on \"3.3\", which is in error")).toEqual(["incomplete", "depends", "which", "is", "error"]);
    expect(dotDecimals("rule = 2.083 và 1,5 điểm")).toEqual(["2.083"]);
  });

  it.each(examples)("%s: check, score in every format, every unit explained, the form", (name) => {
    const dir = `examples/${name}`;
    const source = `${dir}/rubric.rubric`;
    const ids = idsOf(readFileSync(join(root, source), "utf8"));
    const data = [...jsonFiles(`${dir}/submissions`), ...jsonFiles(`${dir}/incomplete`)];
    expectVietnamese(run(["check", source]), ids, "text", `${name} check`);
    for (const format of ["text", "md", "csv"] as const) expectVietnamese(run(["score", source, ...data, "--format", format]), ids, "text", `${name} score ${format}`);
    expectVietnamese(run(["score", source, ...data, "--format", "json"]), ids, "json", `${name} score json`);
    expectVietnamese(run(["score", source, ...data, "--format", "html"]), ids, "html", `${name} score html`);
    for (const file of data) {
      const unit = (JSON.parse(readFileSync(join(root, file), "utf8")) as { unit?: { id?: string } }).unit?.id;
      if (typeof unit !== "string") continue;
      expectVietnamese(run(["explain", source, ...data, "--unit", unit]), ids, "text", `${name} explain ${unit}`);
    }
    const first = (JSON.parse(readFileSync(join(root, data[0]!), "utf8")) as { unit: { id: string } }).unit.id;
    expectVietnamese(run(["explain", source, ...data, "--unit", first, "--format", "html"]), ids, "html", `${name} explain html`);
    expectVietnamese(run(["template", source, "--format", "csv"]).replace(/^[^,\n]*,/gm, ""), ids, "text", `${name} template`);
  }, 600_000);

  it("on broken forms, workbooks, tables and JSON Lines", () => {
    const guide = "docs/huong-dan";
    const ids = idsOf(readFileSync(join(root, guide, "chi-so-cchc.rubric"), "utf8"));
    const forms = readdirSync(join(root, guide, "phieu-loi")).map((f) => `${guide}/phieu-loi/${f}`);
    expectVietnamese(run(["score", `${guide}/chi-so-cchc.rubric`, ...forms]), ids, "text", "broken forms");
    // A workbook of five sheets, two of them with three bad cells each; the same as CSV and JSON Lines.
    const bad = "test/fixtures/data-errors";
    const rubricIds = idsOf(readFileSync(join(root, RUBRIC_OF_BAD_DATA), "utf8"));
    for (const file of ["five-sheets.xlsx", "wide.csv", "units.jsonl"]) {
      for (const format of ["text", "json"] as const) expectVietnamese(run(["score", RUBRIC_OF_BAD_DATA, `${bad}/${file}`, "--format", format]), rubricIds, format, `${file} ${format}`);
    }
  }, 120_000);

  it("on a broken last-period table", () => {
    const dir = tempDir("rubric-vi-previous-");
    const broken = join(dir, "previous.json");
    writeFileSync(broken, JSON.stringify([{ unitId: "so-noi-vu", rank: 1.5, index: "1,5" }, { unitId: "so-noi-vu", rank: 0, index: "x" }]));
    const twice = join(dir, "twice.json");
    writeFileSync(twice, JSON.stringify([{ unitId: "so-noi-vu", rank: 1, index: "90" }, { unitId: "so-noi-vu", rank: 2, index: "80" }]));
    const rubric = "examples/par-department/rubric.rubric";
    const ids = idsOf(readFileSync(join(root, rubric), "utf8"));
    for (const file of [broken, twice]) {
      const out = run(["score", rubric, "examples/par-department/submissions/so-noi-vu.json", "--previous", file]);
      expect(out).toContain("dòng thứ 2");
      expectVietnamese(out.replaceAll(file, " "), ids, "text", `previous ${file}`);
    }
  }, 60_000);

  it.each(USAGE_CASES)("a command line written wrongly: $name", (c) => {
    const run = runCli(caseArgs(c, "vi"));
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^(lỗi: |rubric template: )/);
    expectVietnamese(run.stderr, new Set(), "text", c.name);
  });

  it("on files that cannot be read or written, a compiled rubric that is not one, a CSV file that is no table, and what-if and sensitivity mistakes", () => {
    const dir = tempDir("rubric-vi-files-");
    const rubric = "examples/par-department/rubric.rubric";
    const data = "examples/par-department/submissions/so-noi-vu.json";
    const ids = idsOf(readFileSync(join(root, rubric), "utf8"));
    const compiled = JSON.parse(spawnSync(process.execPath, [cli, "compile", rubric], { cwd: root, encoding: "utf8" }).stdout) as Record<string, unknown>;
    const write = (name: string, text: string): string => {
      writeFileSync(join(dir, name), text);
      return join(dir, name);
    };
    const cases: [string[], string][] = [
      [["check", "examples/nope.rubric"], "không có tệp này"],
      [["check", "examples/par-department"], "đây là một thư mục"],
      [["score", rubric, data, "--previous", "examples/nope.json"], "không có tệp này"],
      [["score", rubric, data, "--previous", "examples/par-department"], "đây là một thư mục"],
      [["score", rubric, data, "-o", join(dir, "no/such/folder/out.txt")], "không ghi được tệp (thư mục chứa tệp không tồn tại)"],
      [["template", rubric, "-o", join(dir, "no/such/folder/form.csv")], "không ghi được tệp (thư mục chứa tệp không tồn tại)"],
      [["compile", rubric, "-o", `${rubric}/compiled.json`], "một phần của đường dẫn là tệp"],
      [["check", `${rubric}/x.rubric`], "một phần của đường dẫn là tệp"],
      [["whatif", rubric, data, "--unit", "nobody", "--to-rank", "1"], "nobody"],
      [["whatif", rubric, data, "--unit", "so-noi-vu", "--to-band", "ZZZ"], "xếp loại"],
      [["sensitivity", rubric, data, "--plan", "examples/nope.json"], "không có tệp này"],
      [["sensitivity", rubric, data, "--plan", write("plan.json", '{"weights": 3}')], "kế hoạch"],
      [["score", write("not-json.json", "nope"), data], "không phải JSON hợp lệ"],
      [["score", write("not-compiled.json", '{"x": 1}'), data], "không phải bộ tiêu chí đã biên dịch"],
      [["score", write("version.json", JSON.stringify({ ...compiled, formatVersion: 7 })), data], "phiên bản"],
      [["score", write("edited.json", JSON.stringify({ ...compiled, edited: true })), data], "không đúng cấu trúc"],
      [["score", write("fingerprint.json", JSON.stringify({ ...compiled, fingerprint: "0".repeat(64) })), data], "mã kiểm tra"],
      [["score", rubric, write("empty.csv", "\r\n\r\n")], "tệp rỗng"],
      [["score", rubric, write("no-table.csv", "a;b\n1;2\n")], "dòng tiêu đề không phải"],
      [["score", rubric, write("open-quote.csv", 'unit.id\n"so-x\n')], "không đóng"],
      [["score", rubric, write("early-quote.csv", 'unit.id\n"so"x\n')], "quá sớm"],
      [["score", rubric, write("inner-quote.csv", 'unit.id\nso"x"\n')], "giữa một ô"],
      [["score", rubric, write("empty.xlsx", "")], "tệp rỗng, không phải một sổ tính XLSX"],
      [["score", "docs/huong-dan/chi-so-cchc.rubric", write("form.csv", `${readFileSync(join(root, "docs/huong-dan/phieu-so-tu-phap.csv"), "utf8")}"x\n`)], "không đóng"],
    ];
    for (const [args, wording] of cases) {
      const out = run(args);
      expect(out, args.join(" ")).toContain(wording);
      expectVietnamese(out.replaceAll(dir, " "), ids, "text", args.join(" "));
    }
  }, 120_000);

  it("writing an XLSX form where exceljs is not installed", () => {
    // The built CLI on its own, beside the packages it needs but not the optional exceljs.
    const dir = tempDir("rubric-vi-no-exceljs-");
    mkdirSync(join(dir, "dist/cli"), { recursive: true });
    copyFileSync(cli, join(dir, "dist/cli/main.js"));
    writeFileSync(join(dir, "package.json"), '{"type": "module"}');
    mkdirSync(join(dir, "node_modules"));
    for (const name of ["commander", "csv-parse", "decimal.js", "zod"]) symlinkSync(join(root, "node_modules", name), join(dir, "node_modules", name), "dir");
    const rubric = join(root, "examples/par-department/rubric.rubric");
    const form = (lang: string): ReturnType<typeof spawnSync> =>
      spawnSync(process.execPath, [join(dir, "dist/cli/main.js"), "template", rubric, "-o", join(dir, "form.xlsx"), "--lang", lang], { cwd: dir, encoding: "utf8" });
    const vi = form("vi");
    expect(vi.status).toBe(1);
    expect(vi.stderr).toContain("cần gói exceljs");
    expectVietnamese(String(vi.stderr), new Set(), "text", "template without exceljs");
    const en = form("en");
    expect(en.status).toBe(1);
    expect(en.stderr).toContain("needs the exceljs package, which is not installed");
    expect(existsSync(join(dir, "form.xlsx"))).toBe(false);
  }, 60_000);
});
