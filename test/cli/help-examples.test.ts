/**
 * The examples in `rubric --help` and every command's `--help` work as written for an
 * installed user: each line that starts with `rubric ` runs, in order, in a folder
 * holding only the files the examples name (a rubric, submissions, last period's
 * ranking, JSON Lines units), and exits 0.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { tempDir } from "../temp.js";

const root = join(import.meta.dirname, "../..");
const cli = join(root, "dist/cli/main.js");
const example = join(root, "examples/par-department");
const dir = tempDir("rubric-help-");

const help = (...args: string[]): string => execFileSync(process.execPath, [cli, ...args, "--help"], { encoding: "utf8" });
const COMMANDS = ["check", "compile", "fmt", "score", "explain", "template", "schema"];

describe("--help examples", () => {
  it("the root help has examples and names the optional exceljs", () => {
    expect(help()).toContain("Examples:\n  rubric check rubric.rubric");
    expect(help()).toContain("npm install exceljs@^4.4.0");
    expect(execFileSync(process.execPath, [cli, "--version"], { encoding: "utf8" }).trim()).toBe(JSON.parse(readFileSync(join(root, "package.json"), "utf8")).version);
  });

  it("run as written on a user's own files", () => {
    cpSync(join(example, "rubric.rubric"), join(dir, "rubric.rubric"));
    cpSync(join(example, "previous.json"), join(dir, "previous.json"));
    cpSync(join(example, "submissions"), join(dir, "submissions"), { recursive: true });
    const units = readdirSync(join(dir, "submissions")).sort().map((f) => JSON.stringify(JSON.parse(readFileSync(join(dir, "submissions", f), "utf8"))));
    writeFileSync(join(dir, "units.jsonl"), `${units.join("\n")}\n`);
    // The lines of each help's "Example(s):" block that start with `rubric `.
    const examples = (text: string): string[] => (text.split(/\nExamples?:\n/)[1] ?? "").split("\n\n")[0]!.split("\n").filter((l) => l.startsWith("  rubric ")).map((l) => l.trim());
    const lines = ["", ...COMMANDS].flatMap((command) => examples(command === "" ? help() : help(command)));
    expect(lines.length).toBeGreaterThanOrEqual(COMMANDS.length + 3);
    for (const line of lines) {
      // The shell expands globs and redirections as a user's would; `rubric` is the built command.
      const run = spawnSync("sh", ["-c", `node "${cli}" ${line.slice("rubric ".length)}`], { cwd: dir, encoding: "utf8" });
      expect({ line, code: run.status, stderr: run.stderr }).toEqual({ line, code: 0, stderr: expect.any(String) as unknown });
    }
    for (const made of ["rubric.json", "phieu.xlsx", "phieu.csv", "ranking.html", "submission.schema.json"]) expect(existsSync(join(dir, made))).toBe(true);
  }, 120_000);
});
