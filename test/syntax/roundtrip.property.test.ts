import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { RubricFile } from "../../src/syntax/ast.js";
import { parseRubric } from "../../src/syntax/parse.js";
import { format, printRubric } from "../../src/syntax/print.js";
import { rubricSourceArb } from "./arbitraries.js";

/** The AST without source positions: what must survive printing. */
function stripRanges(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stripRanges);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).filter(([k]) => k !== "range" && k !== "headerRange").map(([k, v]) => [k, stripRanges(v)]));
  }
  return value;
}

function parsed(source: string): RubricFile {
  const result = parseRubric(source);
  if (result.ast === undefined) throw new Error(`generator produced an invalid source:\n${source}\n${JSON.stringify(result.diagnostics)}`);
  return result.ast;
}

describe("print and parse", () => {
  it("generated sources parse without diagnostics", () => {
    fc.assert(fc.property(rubricSourceArb, (source) => {
      expect(parseRubric(source).diagnostics).toEqual([]);
    }), { numRuns: 300 });
  });

  it("print → parse gives the same AST", () => {
    fc.assert(fc.property(rubricSourceArb, (source) => {
      const ast = parsed(source);
      expect(stripRanges(parsed(printRubric(ast)))).toEqual(stripRanges(ast));
    }), { numRuns: 300 });
  });

  it("format is idempotent", () => {
    fc.assert(fc.property(rubricSourceArb, (source) => {
      const once = format(source);
      if (!once.ok) throw new Error("format failed");
      const twice = format(once.text);
      expect(twice.ok && twice.text).toBe(once.text);
    }), { numRuns: 300 });
  });
});
