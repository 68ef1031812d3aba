/**
 * Golden suite of invalid rubrics: every `test/fixtures/invalid/NAME.rubric` has a
 * `NAME.expected.json` listing the diagnostics it must produce — code, severity and
 * start line:column, in source order — and nothing else. `"atLeast": N` (used by the
 * recovery fixture) also requires at least N diagnostics in one pass, the listed ones
 * among them. A fixture without `atLeast` gives at most 3 diagnostics: one mistake,
 * one helpful report, first (the list is compared in order), not a cascade.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { compile } from "../../src/compile/compile.js";
import { localize, renderDiagnostic } from "../../src/diagnostics.js";

/** English prose words that must not appear in a Vietnamese message outside quotes. */
const ENGLISH = /(?<!\p{L})(the|expected|found|must|which|cannot|inside|needs|has|an?|of|or|and|but|is|are|number|name|value|list|date|file|here|this|with|when|can)(?!\p{L})/iu;

interface Expected {
  readonly atLeast?: number;
  readonly diagnostics: readonly { code: string; severity: string; line: number; column: number }[];
}

const dir = join(import.meta.dirname, "../fixtures/invalid");
const fixtures = readdirSync(dir).filter((f) => f.endsWith(".rubric")).sort();

describe("invalid rubrics", () => {
  it("has at least 100 fixtures, each with an expectation that checks something", () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(100);
    for (const file of fixtures) {
      const expected = JSON.parse(readFileSync(join(dir, file.replace(/\.rubric$/, ".expected.json")), "utf8")) as Expected;
      expect(expected.diagnostics.length, `${file} expects no diagnostic`).toBeGreaterThan(0);
    }
  });

  it.each(fixtures)("%s", (file) => {
    const source = readFileSync(join(dir, file), "utf8");
    const expected = JSON.parse(readFileSync(join(dir, file.replace(/\.rubric$/, ".expected.json")), "utf8")) as Expected;
    const result = compile(source);
    const actual = result.diagnostics.map((d) => ({ code: d.code, severity: d.severity, line: d.range.start.line, column: d.range.start.column }));
    if (expected.atLeast === undefined) {
      expect(actual).toEqual(expected.diagnostics);
      expect(actual.length, `${file} gives a cascade`).toBeLessThanOrEqual(3);
    } else {
      expect(actual.length).toBeGreaterThanOrEqual(expected.atLeast);
      for (const d of expected.diagnostics) expect(actual).toContainEqual(d);
    }
    expect(result.ok).toBe(!actual.some((d) => d.severity === "error"));
    for (const d of result.diagnostics) {
      expect(d.message.length).toBeGreaterThan(0);
      expect(d.range.start.offset).toBeLessThanOrEqual(source.length);
      expect(d.range.end.offset).toBeGreaterThanOrEqual(d.range.start.offset);
      const vi = localize(d, "vi").message.replace(/'[^']*'|"[^"]*"|\([^)]*\)/g, "");
      expect(vi, `${d.code}: ${localize(d, "vi").message}`).not.toMatch(ENGLISH);
      for (const locale of ["en", "vi"] as const) {
        const frame = renderDiagnostic(d, source, { file, locale });
        // The severity is a word of the locale: "lỗi" and "cảnh báo" in Vietnamese.
        const severity = locale === "vi" ? { error: "lỗi", warning: "cảnh báo", info: "thông tin" }[d.severity] : d.severity;
        expect(frame.startsWith(`${file}:${d.range.start.line}:${d.range.start.column}: ${severity} ${d.code}: `)).toBe(true);
      }
    }
  });
});
