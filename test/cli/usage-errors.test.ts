/**
 * A command line written wrongly: the built CLI prints one message and a hint on
 * stderr, nothing on stdout, and exits 2 — in commander's English unless Vietnamese is
 * asked for (`--lang vi` or `--lang=vi` anywhere), then in the catalogue's Vietnamese.
 * `vietnamese.test.ts` checks the same Vietnamese against its list of English words.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { caseArgs, runCli, USAGE_CASES } from "./usage-cases.js";

beforeAll(() => {
  if (!existsSync(join(import.meta.dirname, "../../dist/cli/main.js"))) throw new Error("dist/cli/main.js is missing: run `npm run build` first (npm test does).");
});

describe("usage errors (exit 2)", () => {
  it.each(USAGE_CASES)("$name: commander's English without --lang", (c) => {
    const run = runCli(caseArgs(c, "en"));
    expect(run).toEqual({ code: 2, stdout: "", stderr: c.en });
  });

  it.each(USAGE_CASES)("$name: Vietnamese with --lang vi", (c) => {
    const run = runCli(caseArgs(c, "vi"));
    expect(run).toEqual({ code: 2, stdout: "", stderr: c.vi });
  });

  it("--lang=vi asks for Vietnamese as --lang vi does, and the last --lang counts", () => {
    const byName = (name: string) => USAGE_CASES.find((c) => c.name === name)!;
    const unknownOption = byName("unknown option, with a suggestion");
    const missingArgument = byName("missing required argument");
    expect(runCli(caseArgs(unknownOption, "vi=")).stderr).toBe(unknownOption.vi);
    expect(runCli(caseArgs(missingArgument, "vi=")).stderr).toBe(missingArgument.vi);
    // `--lang en` after `--lang vi` is English, as commander reads it.
    expect(runCli(["score", "--lang", "vi", "--lang", "en"]).stderr).toBe(missingArgument.en);
    expect(runCli(["score", "--lang=en", "--lang", "vi"]).stderr).toBe(missingArgument.vi);
    // After `--`, `--lang vi` is a file name, not the language.
    expect(runCli(["schema", "--", "--lang", "vi"]).stderr).toBe("error: too many arguments for 'schema'. Expected 1 argument but got 2.\n(run 'rubric --help' for usage)\n");
  });

  it("--lang en and an unknown language (--lang fr) are English", () => {
    const choice = USAGE_CASES.find((c) => c.name === "invalid choice")!;
    expect(runCli(caseArgs(choice, "en").concat("--lang", "en")).stderr).toBe(choice.en);
    const fr = runCli(["score", "examples/par-department/rubric.rubric", "x.json", "--lang", "fr"]);
    expect(fr).toEqual({ code: 2, stdout: "", stderr: "error: option '--lang <lang>' argument 'fr' is invalid. Allowed choices are en, vi.\n(run 'rubric --help' for usage)\n" });
  });

  it("--help stays English and succeeds with --lang vi", () => {
    const help = runCli(["score", "--help", "--lang", "vi"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("Usage: rubric score [options] <rubric> <data...>");
  });
});
