import { describe, expect, it } from "vitest";
import { compile } from "../src/compile/compile.js";
import { CATALOGUE, hasErrors, limitDiagnostics, localize, makeDiagnostic, MAX_FRAME_WIDTH, renderDiagnostic, sortDiagnostics, type DiagnosticCode, type Locale } from "../src/diagnostics.js";

const at = (line: number, column: number, offset: number, length = 1) => ({
  start: { line, column, offset },
  end: { line, column: column + length, offset: offset + length },
});

describe("the catalogue", () => {
  it("words every code in English and Vietnamese, differently, with stable code format", () => {
    for (const code of Object.keys(CATALOGUE) as DiagnosticCode[]) {
      expect(code).toMatch(/^RL\d{3}$/);
      const args = { count: 2, code: "U+0040", subject: "x", kind: "x", meaning: "x", fraction: "x", ratio: "x", block: "x", functions: "x", number: "1", char: "x", names: "x", text: "x", fixed: "x", expected: "x", found: "x", word: "x", hint: "x", id: "x", line: 1, name: "x", type: "x", what: "x", why: "x", arity: "x", given: "x", left: "x", right: "x", min: 1, max: 2, must: "x", value: "x", sum: 1, problem: "x", gap: "x", keyword: "x", actual: "x", step: "x", size: 1, limit: 1, detail: "x" };
      const en = makeDiagnostic(code, at(1, 1, 0), { args }).message;
      const vi = makeDiagnostic(code, at(1, 1, 0), { args, locale: "vi" }).message;
      expect(en.length, code).toBeGreaterThan(5);
      expect(vi, code).not.toBe(en);
      expect(`${en}${vi}`, code).not.toMatch(/undefined|\$\{/);
    }
  });

  it("localize keeps code, range and data", () => {
    const d = makeDiagnostic("RL201", at(3, 5, 20, 4), { args: { name: "totl", suggestion: "total" }, suggestion: "total" });
    const vi = localize(d, "vi");
    expect(vi).toEqual({ ...d, message: "Không có tên 'totl'. Có phải là 'total'?" });
  });
});

describe("renderDiagnostic", () => {
  it("prints file:line:col, the line and a caret under the range, and the suggestion", () => {
    const source = "rubric \"R\" {\n  score = totl * 2\n}";
    const d = makeDiagnostic("RL201", at(2, 11, 23, 4), { args: { name: "totl", suggestion: "total" }, suggestion: "total" });
    expect(renderDiagnostic(d, source, { file: "r.rubric" })).toBe(
      "r.rubric:2:11: error RL201: Unknown name 'totl'. Did you mean 'total'?\n   2 |   score = totl * 2\n     |           ^^^^\n     = suggestion: total",
    );
  });

  it("renders in the asked locale and copes with a range past the text", () => {
    const d = makeDiagnostic("RL111", at(9, 1, 99), { args: { expected: "'}'" } });
    expect(renderDiagnostic(d, "x", { locale: "vi" })).toBe("<input>:9:1: lỗi RL111: Tệp kết thúc trước '}'; có thiếu dấu '}' không?");
  });
});

describe("helpers", () => {
  it("hasErrors ignores warnings; sortDiagnostics orders by position then code", () => {
    const w = makeDiagnostic("RL415", at(2, 1, 10), { args: { id: "1" } });
    const e = makeDiagnostic("RL201", at(1, 1, 0), { args: { name: "x" } });
    expect(hasErrors([w])).toBe(false);
    expect(hasErrors([w, e])).toBe(true);
    expect(sortDiagnostics([w, e]).map((d) => d.code)).toEqual(["RL201", "RL415"]);
  });
});

describe("bounded output", () => {
  it("a 50 KB rubric of bad tokens on one line prints under 100 KB of diagnostics", () => {
    const source = `rubric "R" {\n  area "1" "A" max 1 { input a: count; score = min(a, 1) }\n  ${"@ x ≠ “ 1,5 ".repeat(4000).slice(0, 50_000)}\n}\n`;
    const result = compile(source);
    const printed = result.diagnostics.map((d) => renderDiagnostic(d, source, { file: "bad.rubric" })).join("\n");
    expect(result.diagnostics.length).toBeLessThanOrEqual(101);
    expect(printed.length).toBeLessThan(100_000);
  });

  it("cuts a long line around the column and keeps the caret under it", () => {
    const source = `${"x".repeat(5000)}@${"y".repeat(5000)}`;
    const d = makeDiagnostic("RL100", { start: { line: 1, column: 5001, offset: 5000 }, end: { line: 1, column: 5002, offset: 5001 } }, { args: { text: "@", code: "U+0040" } });
    const [, line, caret] = renderDiagnostic(d, source).split("\n") as [string, string, string];
    expect(line.length).toBeLessThan(MAX_FRAME_WIDTH + 20);
    expect(line.indexOf("@")).toBe(caret.indexOf("^"));
  });

  it("prints control characters as visible symbols, so a file cannot drive the terminal", () => {
    const source = "score = a\u001b[2J b";
    const d = makeDiagnostic("RL201", { start: { line: 1, column: 9, offset: 8 }, end: { line: 1, column: 10, offset: 9 } }, { args: { name: "a\u001b[2J" } });
    expect(renderDiagnostic(d, source)).not.toMatch(/\u001b/);
    expect(renderDiagnostic(d, source)).toContain("\u241b");
  });

  it("limitDiagnostics keeps 100 and counts the rest in one RL504, an error when any hidden one is", () => {
    const many = Array.from({ length: 150 }, (_, i) => makeDiagnostic(i < 120 ? "RL415" : "RL201", at(i + 1, 1, i * 10), { args: { id: "1", name: "x" } }));
    const limited = limitDiagnostics(many);
    expect(limited).toHaveLength(101);
    expect([limited[100]!.code, limited[100]!.severity, limited[100]!.data?.args?.["count"], limited[100]!.range.start.line]).toEqual(["RL504", "error", 50, 101]);
    expect(limitDiagnostics(many.slice(0, 120)).at(-1)!.severity).toBe("warning");
  });

  it("a locale the catalogue does not know reads as English", () => {
    const d = makeDiagnostic("RL201", at(1, 1, 0), { args: { name: "x" }, locale: "xx" as Locale });
    expect(d.message).toBe("Unknown name 'x'.");
    expect(localize(d, "xx" as Locale).message).toBe("Unknown name 'x'.");
  });
});
