/**
 * The built `rubric` command, run as a child process on real files.
 * `npm test` builds before running vitest; this suite needs `dist/cli/main.js`.
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { tempDir } from "../temp.js";

const root = join(import.meta.dirname, "../..");
const cli = join(root, "dist/cli/main.js");
const example = join(root, "examples/par-department/rubric.rubric");
const invalid = join(root, "test/fixtures/invalid");

function rubric(...args: string[]): { code: number; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, [cli, ...args], { cwd: root, encoding: "utf8" });
  return { code: run.status ?? -1, stdout: run.stdout, stderr: run.stderr };
}

beforeAll(() => {
  if (!existsSync(cli)) throw new Error("dist/cli/main.js is missing: run `npm run build` first (npm test does).");
});

describe("rubric check", () => {
  it("passes the department example: exit 0, warnings only", () => {
    const run = rubric("check", example);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("examples/par-department/rubric.rubric: 0 errors, 2 warnings");
  });

  it("reports an error with file:line:col, the source line and a caret, exit 1", () => {
    const run = rubric("check", "test/fixtures/invalid/unknown-input-did-you-mean.rubric");
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("test/fixtures/invalid/unknown-input-did-you-mean.rubric:5:19: error RL201: Unknown name 'on_tme'. Did you mean 'on_time'?");
    expect(run.stdout).toContain("   5 |     score = max * on_tme / total");
    expect(run.stdout).toMatch(/\n {5}\| {19}\^{6}\n/);
    expect(run.stdout).toContain("= suggestion: on_time");
  });

  it("words messages in Vietnamese with --lang vi", () => {
    const run = rubric("check", "--lang", "vi", join(invalid, "decimal-comma.rubric"));
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("dùng dấu phẩy thập phân");
    expect(run.stdout).toContain("1 lỗi, 0 cảnh báo");
  });

  it("checks several files and fails when any has an error", () => {
    const run = rubric("check", example, join(invalid, "zero-max.rubric"));
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("0 errors, 2 warnings");
    expect(run.stdout).toContain("zero-max.rubric: 1 error, 0 warnings");
  });

  it("names a file it cannot read, exit 1", () => {
    const run = rubric("check", "no/such.rubric");
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("no/such.rubric: cannot read the file (no such file).");
  });
});

describe("rubric compile", () => {
  it("writes the compiled rubric as JSON to a file", () => {
    const out = join(tempDir("rubric-"), "out.json");
    const run = rubric("compile", example, "-o", out);
    expect(run.code).toBe(0);
    const json = JSON.parse(readFileSync(out, "utf8"));
    expect(json.format).toBe("rubric-lang/compiled");
    expect(json.formatVersion).toBe(1);
    expect(json.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(json.meta.id).toBe("par-department");
    expect(json.nodes).toHaveLength(8);
    expect(run.stderr).toContain("warning RL406");
  });

  it("prints to stdout without -o, byte-identical on every run", () => {
    const first = rubric("compile", example);
    const second = rubric("compile", example);
    expect(first.code).toBe(0);
    expect(first.stdout).toBe(second.stdout);
    expect(first.stdout.endsWith("}\n")).toBe(true);
  });

  it("writes nothing and exits 1 on errors", () => {
    const run = rubric("compile", join(invalid, "bool-in-arithmetic.rubric"));
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain("error RL300");
  });
  it("a compiled rubric that is not one is refused with the library's English, each problem with its path", () => {
    const dir = tempDir("rubric-");
    const compiled = JSON.parse(rubric("compile", example).stdout) as Record<string, unknown>;
    const data = join(root, "examples/par-department/submissions/so-noi-vu.json");
    const cases: [string, unknown, string][] = [
      ["not-compiled.json", { x: 1 }, 'not-compiled.json: format: Not a compiled rubric: "format" must be "rubric-lang/compiled".'],
      ["version.json", { ...compiled, formatVersion: 7 }, "version.json: formatVersion: Compiled format version 7 is not supported; this library reads version 1. Compile the rubric again."],
      ["edited.json", { ...compiled, edited: true }, 'edited.json: (root): Unrecognized key: "edited"'],
    ];
    for (const [name, value, line] of cases) {
      writeFileSync(join(dir, name), JSON.stringify(value));
      const run = rubric("score", join(dir, name), data);
      expect(run.code).toBe(1);
      expect(run.stderr).toBe(`${dir}/${line}\n`);
    }
  });
});

describe("rubric fmt", () => {
  it("--check passes a formatted file and fails an unformatted one", () => {
    expect(rubric("fmt", "--check", example).code).toBe(0);
    const file = join(tempDir("rubric-"), "messy.rubric");
    writeFileSync(file, 'rubric "R"{area "1" "A" max 1{score=1}}');
    const run = rubric("fmt", "--check", file);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("not formatted");
  });

  it("--write rewrites the file in canonical layout", () => {
    const file = join(tempDir("rubric-"), "messy.rubric");
    writeFileSync(file, 'rubric "R"{area "1" "A" max 1{score=1} // c\n}');
    expect(rubric("fmt", "--write", file).code).toBe(0);
    expect(readFileSync(file, "utf8")).toBe('rubric "R" {\n  area "1" "A" max 1 {\n    score = 1\n  } // c\n}\n');
  });

  it("prints the canonical text without an option", () => {
    const file = join(tempDir("rubric-"), "copy.rubric");
    copyFileSync(example, file);
    expect(rubric("fmt", file).stdout).toBe(readFileSync(example, "utf8"));
  });
});

describe("usage", () => {
  it.each([[["nope"]], [["check"]], [["check", "--bogus", example]], [["check", "--lang", "fr", example]], [["fmt", "--write", "--check", example]]])("%j exits 2", (args) => {
    const run = rubric(...args);
    expect(run.code).toBe(2);
    expect(run.stderr.length).toBeGreaterThan(0);
  });

  it.each(["check", "compile", "fmt"])("%s --help shows an example, exit 0", (command) => {
    const run = rubric(command, "--help");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Example:");
  });
});
