import { describe, expect, it } from "vitest";
import { CATALOGUE, hasErrors, localize, makeDiagnostic, renderDiagnostic, sortDiagnostics, type DiagnosticCode } from "../src/diagnostics.js";

const at = (line: number, column: number, offset: number, length = 1) => ({
  start: { line, column, offset },
  end: { line, column: column + length, offset: offset + length },
});

describe("the catalogue", () => {
  it("words every code in English and Vietnamese, differently, with stable code format", () => {
    for (const code of Object.keys(CATALOGUE) as DiagnosticCode[]) {
      expect(code).toMatch(/^RL\d{3}$/);
      const args = { text: "x", fixed: "x", expected: "x", found: "x", word: "x", hint: "x", id: "x", line: 1, name: "x", type: "x", what: "x", why: "x", arity: "x", given: "x", left: "x", right: "x", min: 1, max: 2, must: "x", value: "x", sum: 1, problem: "x", gap: "x", keyword: "x", actual: "x", step: "x", size: 1, limit: 1, detail: "x" };
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
    expect(renderDiagnostic(d, "x", { locale: "vi" })).toBe("<input>:9:1: error RL111: Tệp kết thúc trước '}'; có thiếu dấu '}' không?");
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
