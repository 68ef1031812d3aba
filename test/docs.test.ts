/**
 * Every export of the public API has TSDoc: typedoc's own validation, run over
 * `src/index.ts`, must report no undocumented declaration. Properties of inline
 * union variants (`{ kind: "…" } | …`) are the one thing it may leave out.
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CATALOGUE } from "../src/diagnostics.js";
import { KEYWORDS } from "../src/syntax/lexer.js";

const root = join(import.meta.dirname, "..");

describe("API documentation", () => {
  it("documents every exported declaration", () => {
    const run = spawnSync(process.execPath, [join(root, "node_modules/typedoc/bin/typedoc"), "--emit", "none"], { cwd: root, encoding: "utf8" });
    const output = `${run.stdout}${run.stderr}`;
    const missing = output.split("\n").filter((line) => line.includes("does not have any documentation") && !line.includes("__type"));
    expect(missing).toEqual([]);
    expect(output).not.toMatch(/\[error\]/);
  }, 60_000);
});

describe("docs/language.md", () => {
  const reference = readFileSync(join(root, "docs/language.md"), "utf8");

  it("lists every diagnostic code of the catalogue", () => {
    expect(Object.keys(CATALOGUE).filter((code) => !reference.includes(`| ${code} |`))).toEqual([]);
  });

  it("lists exactly the reserved words of the lexer", () => {
    const section = reference.slice(reference.indexOf("Keywords are"), reference.indexOf("Names that merely"));
    const listed = section.slice(section.indexOf("`") + 1, section.lastIndexOf("`")).split(/\s+/).filter(Boolean);
    expect([...listed].sort()).toEqual([...KEYWORDS].sort());
  });
});

describe("grammar/rubric.tmLanguage.json", () => {
  it("is a TextMate grammar whose every pattern compiles and highlights the language's words", () => {
    const grammar = JSON.parse(readFileSync(join(root, "grammar/rubric.tmLanguage.json"), "utf8")) as { scopeName: string; repository: Record<string, unknown> };
    expect(grammar.scopeName).toBe("source.rubric");
    const patterns: string[] = [];
    const stack: unknown[] = [grammar.repository];
    while (stack.length > 0) {
      const v = stack.pop();
      if (v === null || typeof v !== "object") continue;
      for (const [key, child] of Object.entries(v)) {
        if ((key === "match" || key === "begin" || key === "end") && typeof child === "string") patterns.push(child);
        else stack.push(child);
      }
    }
    for (const p of patterns) expect(() => new RegExp(p)).not.toThrow();
    const all = patterns.join("\n");
    for (const word of KEYWORDS) expect(all, word).toContain(word);
  });
});
