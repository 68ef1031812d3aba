import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { CriterionNode, Expr, NodeStatement, RubricFile } from "../../src/syntax/ast.js";
import { parseRubric } from "../../src/syntax/parse.js";
import { localize } from "../../src/diagnostics.js";

const sample = readFileSync(join(import.meta.dirname, "samples/full.rubric"), "utf8");

function ast(source: string): RubricFile {
  const result = parseRubric(source);
  expect(result.diagnostics).toEqual([]);
  return result.ast!;
}

function rule(source: string): Expr {
  const file = ast(`rubric "R" { area "1" "A" max 1 { input a: count, b: count, ok: bool\n score = ${source} } }`);
  const node = file.body[0] as CriterionNode;
  const score = node.body.find((st) => st.kind === "Score") as Extract<NodeStatement, { kind: "Score" }>;
  return score.rule;
}

/** The expression as a compact string, to check structure without ranges. */
function shape(e: Expr): string {
  switch (e.kind) {
    case "Binary": return `(${shape(e.left)} ${e.op} ${shape(e.right)})`;
    case "Unary": return `(${e.op} ${shape(e.operand)})`;
    case "Paren": return `[${shape(e.inner)}]`;
    case "If": return `(if ${shape(e.condition)} ${shape(e.then)} ${shape(e.otherwise)})`;
    case "Call": return `${e.callee}(${e.args.map(shape).join(",")})`;
    case "Cohort": return `cohort.${e.stat}(${e.args.map(shape).join(",")})`;
    case "Bands": return `bands(${shape(e.subject)};${e.arms.map((a) => `${a.op}${shape(a.threshold)}:${shape(a.value)}`).join(";")}${e.otherwise ? `;else:${shape(e.otherwise)}` : ""})`;
    case "NumberLit": return e.text;
    case "PercentLit": return `${e.text}%`;
    case "DateLit": return e.text;
    case "BoolLit": return String(e.value);
    case "NameRef": return e.name;
    case "UnitRef": return `unit.${e.name}`;
    case "BuiltinRef": return `@${e.name}`;
    case "Match": return `match(${shape(e.subject)};${e.arms.map((a) => `${a.keys.map((k) => k.text).join(",")}:${shape(a.value)}`).join(";")}${e.otherwise ? `;else:${shape(e.otherwise)}` : ""})`;
  }
}

describe("parseRubric: the whole language", () => {
  it("parses the sample that uses every construct, without diagnostics", () => {
    const file = ast(sample);
    const kinds = file.body.map((st) => st.kind);
    expect(kinds).toEqual([
      "Meta", "Meta", "Meta", "Meta", "Publish", "IndexFormula", "NotApplicable", "BonusMayExceed", "UnitBlock",
      "Node", "Node", "Node", "Node", "Node", "Extra", "Extra", "Ranking", "BandsBlock",
    ]);
    expect(file.title.value).toBe("Chỉ số CCHC cấp sở");
  });

  it("keeps literals as written and decodes strings", () => {
    const file = ast('rubric "Tiêu đề \\"có\\" \\\\ ngoặc\\n" { area "1.1.2" "Mức độ" max 0.50 { score = 80% + 0.25 + 2022-12-15 } }');
    expect(file.title.value).toBe('Tiêu đề "có" \\ ngoặc\n');
    const node = file.body[0] as CriterionNode;
    expect(node.max.text).toBe("0.50");
    expect(node.id.value).toBe("1.1.2");
  });

  it.each([
    ["a + b * 2", "(a + (b * 2))"],
    ["a - b - 1", "((a - b) - 1)"],
    ["(a - b) / 2", "([(a - b)] / 2)"],
    ["-a + 1", "((- a) + 1)"],
    ["if ok and not ok or ok then 1 else 0", "(if ((ok and (not ok)) or ok) 1 0)"],
    ["if a >= 10 then 1 else if a >= 5 then 0.5 else 0", "(if (a >= 10) 1 (if (a >= 5) 0.5 0))"],
    ["bands a / b { >= 100%: 1; > 80%: 0.5; else: 0 }", "bands((a / b);>=100%:1;>80%:0.5;else:0)"],
    ["max(a, b) - max", "(max(a,b) - @max)"],
    ["min(1, 2) + clamp(a, 0, 1) + round(a, 2) + floor(a) + ceil(a) + abs(a) + ratio(a, b)", "((((((min(1,2) + clamp(a,0,1)) + round(a,2)) + floor(a)) + ceil(a)) + abs(a)) + ratio(a,b))"],
  ])("%s", (source, expected) => {
    expect(shape(rule(source))).toBe(expected);
  });

  it("gives ranges that point at the source text", () => {
    const source = 'rubric "R" {\n  area "1" "A" max 2 {\n    input total: count\n    score = max * total\n  }\n}\n';
    const node = ast(source).body[0] as CriterionNode;
    expect(node.headerRange.start).toEqual({ line: 2, column: 3, offset: 15 });
    expect(source.slice(node.headerRange.start.offset, node.headerRange.end.offset)).toBe('area "1" "A" max 2 {');
    expect(source.slice(node.range.start.offset, node.range.end.offset).endsWith("}")).toBe(true);
    const score = node.body[1] as Extract<NodeStatement, { kind: "Score" }>;
    expect(source.slice(score.rule.range.start.offset, score.rule.range.end.offset)).toBe("max * total");
    expect(score.rule.range.start).toEqual({ line: 4, column: 13, offset: source.indexOf("max * total") });
  });

  it("reads a byte-order mark and CRLF line ends", () => {
    const file = ast('\uFEFFrubric "R" {\r\n  area "1" "A" max 1 {\r\n    score = 1\r\n  }\r\n}\r\n');
    expect((file.body[0] as CriterionNode).range.start.line).toBe(2);
  });

  it("accepts names that start with a keyword (longer_alt)", () => {
    const file = ast('rubric "R" { area "1" "A" max 1 { input scores: count, maxima: count, index_value: count\n score = scores + maxima + index_value } }');
    expect((file.body[0] as CriterionNode).body).toHaveLength(2);
  });
});

describe("parseRubric: errors", () => {
  const codes = (source: string): string[] => parseRubric(source).diagnostics.map((d) => `${d.code}@${d.range.start.line}:${d.range.start.column}`);

  it("reports a decimal comma with the dotted form as suggestion, and goes on", () => {
    const result = parseRubric('rubric "R" { area "1" "A" max 1 { score = 0,5 } }');
    expect(result.diagnostics).toHaveLength(1);
    expect(result.diagnostics[0]).toMatchObject({ code: "RL103", data: { suggestion: "0.5" } });
    expect(result.ast).toBeUndefined();
  });

  it("reports several independent syntax errors in one pass (recovery)", () => {
    const source = [
      'rubric "R" {',
      '  area "1" "A" max { score = 1 }',
      '  area "2" "B" max 1 { score 1 }',
      '  area "3" "C" max 1 { input a count; score = a }',
      '  area "4" "D" max 1 { score = (1 + 1)) }',
      '  area "5" "E" max 1 { score = 1 * }',
      "}",
    ].join("\n");
    const found = codes(source);
    expect(found.length).toBeGreaterThanOrEqual(5);
    expect(new Set(found.map((c) => c.split("@")[1]!.split(":")[0])).size).toBeGreaterThanOrEqual(5);
  });

  it("says what it expected in words, not token names", () => {
    const [d] = parseRubric('rubric "R" { area "1" "A" max { score = 1 } }').diagnostics;
    expect(d?.message).toBe("Expected a number but found '{'.");
  });

  it("reports the end of file, a reserved word, an unterminated string and comment", () => {
    expect(codes('rubric "R" { area "1" "A" max 1 { score = 1 }')).toEqual(["RL121@1:46"]);
    expect(codes('rubric "R" { area "1" "A" max 1 { input date: date; score = 1 } }')[0]).toBe("RL112@1:41");
    expect(codes('rubric "R { }')[0]).toBe("RL101@1:8");
    expect(codes('rubric "R" { } /* open')).toEqual(["RL102@1:16"]);
    expect(codes('rubric "R" { area "1" "A" max 1 { score = 1 ? 2 } }')[0]).toBe("RL100@1:45");
  });

  it("says a file with no rubric is empty, not that a '}' is missing", () => {
    for (const source of ["", "  \n", "// chỉ có chú thích\n/* và khối chú thích */\n"]) {
      const result = parseRubric(source);
      expect(result.diagnostics.map((d) => d.code)).toEqual(["RL123"]);
      expect(localize(result.diagnostics[0]!, "vi").message).toContain('rubric "Tên bộ chỉ số" { … }');
    }
  });

  it("tells an author to put an if-expression inside a calculation in parentheses", () => {
    const [d] = parseRubric('rubric "R" { area "1" "A" max 1 { input ok: bool\n score = 1 + if ok then 1 else 0 } }').diagnostics;
    expect(d).toMatchObject({ code: "RL113", range: { start: { line: 2, column: 14 } } });
    expect(d?.message).toContain("(if … then … else …)");
  });

  it("never returns an AST together with an error", () => {
    for (const source of ["", "rubric", 'rubric "R" {', "}}}", 'rubric "R" { area }']) {
      const result = parseRubric(source);
      expect(result.ast).toBeUndefined();
      expect(result.diagnostics.length).toBeGreaterThan(0);
    }
  });
});

describe("parseRubric: limits give diagnostics, never a stack overflow", () => {
  it("rejects a source over the size limit before lexing (10 MB)", () => {
    const result = parseRubric(`rubric "R" { ${" ".repeat(10_000_000)} }`);
    expect(result.diagnostics.map((d) => d.code)).toEqual(["RL500"]);
  });

  it("rejects 10,000 nested areas", () => {
    const source = `rubric "R" {${'area "x" "A" max 1 {'.repeat(10_000)}${"}".repeat(10_001)}`;
    expect(parseRubric(source).diagnostics.map((d) => d.code)).toEqual(["RL501"]);
  });

  it("rejects a 100,000-term sum as too deep, with a hint to use let", () => {
    const sum = Array.from({ length: 100_000 }, () => "1").join(" + ");
    const result = parseRubric(`rubric "R" { area "1" "A" max 1 { score = ${sum} } }`);
    expect(result.diagnostics.map((d) => d.code)).toEqual(["RL503"]);
    expect(result.diagnostics[0]?.message).toContain("let");
  });

  it("rejects long runs of prefix operators and deep parentheses", () => {
    expect(parseRubric(`rubric "R" { area "1" "A" max 1 { score = ${"-".repeat(5000)}1 } }`).diagnostics.map((d) => d.code)).toEqual(["RL501"]);
    expect(parseRubric(`rubric "R" { area "1" "A" max 1 { score = ${"(".repeat(5000)}1${")".repeat(5000)} } }`).diagnostics.map((d) => d.code)).toEqual(["RL501"]);
  });

  it("turns a long else-if chain that exhausts the stack into a diagnostic", () => {
    const chain = Array.from({ length: 20_000 }, (_, i) => `if 1 > ${i} then ${i} else`).join(" ");
    const result = parseRubric(`rubric "R" { area "1" "A" max 1 { score = ${chain} 0 } }`);
    expect(result.ast).toBeUndefined();
    expect(result.diagnostics.map((d) => d.code)).toContain("RL501");
  });

  it("accepts an expression of 150 terms", () => {
    const sum = Array.from({ length: 150 }, () => "1").join(" + ");
    expect(parseRubric(`rubric "R" { area "1" "A" max 1 { score = ${sum} } }`).diagnostics).toEqual([]);
  });
});
