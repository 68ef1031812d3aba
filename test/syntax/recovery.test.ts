/**
 * Reading what authors really write: Unicode names in NFC or NFD, characters pasted
 * from a word processor, runs of garbage, a missing `}`; and checking what parsed
 * when something did not.
 */
import { describe, expect, it } from "vitest";
import { compile } from "../../src/compile/compile.js";
import { parseRecovering, parseRubric } from "../../src/syntax/parse.js";
import { format } from "../../src/syntax/print.js";

const codes = (source: string): string[] => compile(source).diagnostics.map((d) => `${d.code}@${d.range.start.line}:${d.range.start.column}`);
const one = (body: string): string => `rubric "R" {\n  area "1" "A" max 2 {\n${body}\n  }\n}\n`;

describe("names", () => {
  it("are one name in NFC and NFD; the AST, the compiled rubric and fmt use NFC", () => {
    const nfd = "số_đơn_vị".normalize("NFD");
    const source = one(`    input ${nfd} "Số đơn vị": count\n    score = min(số_đơn_vị, 2)`);
    expect(nfd).not.toBe("số_đơn_vị");
    const result = compile(source);
    expect(result.diagnostics).toEqual([]);
    expect(result.ok && result.rubric.nodes[0]!.leaf!.inputs[0]).toEqual({ name: "số_đơn_vị", label: "Số đơn vị", type: { kind: "count" } });
    const formatted = format(source);
    expect(formatted.ok && formatted.text).toContain('input số_đơn_vị "Số đơn vị": count');
  });

  it("split by an invisible character are one name, with one diagnostic naming the character", () => {
    const result = compile(one("    input so\u200Bnv: count\n    score = min(sonv, 2)"));
    expect(result.diagnostics.map((d) => [d.code, d.data?.args?.["code"]])).toEqual([["RL109", "U+200B"]]);
  });

  it("wholly in another alphabet are fine; mixed with look-alikes they are not", () => {
    expect(codes(one("    input ставка: count\n    score = min(ставка, 2)"))).toEqual([]);
    expect(codes(one("    input ѕo_nv: count\n    score = min(ѕo_nv, 2)"))).toEqual(["RL122@3:11", "RL122@4:17"]);
  });
});

describe("characters outside the language", () => {
  it("give one diagnostic per run, never one per character", () => {
    expect(codes(one("    input a: count\n    score = min(a, 2) @@@ ### $$$ §§§"))).toEqual(["RL100@4:23"]);
    expect(codes(one("    input a: count @@\n    score = min(a, 2) ##"))).toEqual(["RL100@3:20", "RL100@4:23"]);
  });

  it("in any amount give a bounded report: 100 diagnostics and one RL504 counting the rest", () => {
    const source = one(`    input a: count\n    score = min(a, 2)\n${"    ¤ ¤ ¤\n".repeat(5000)}`);
    const result = compile(source);
    expect(result.diagnostics).toHaveLength(101);
    const last = result.diagnostics[100]!;
    expect([last.code, last.severity, last.data?.args?.["count"]]).toEqual(["RL504", "error", 4900]);
    expect(parseRubric(source).diagnostics).toHaveLength(101);
  });

  it("a source that surely has far more tokens than allowed is refused before lexing", () => {
    expect(codes(`rubric "R" { ${"+ ".repeat(1_100_000)} }`)).toEqual(["RL502@1:1"]);
  });
});

describe("a missing }", () => {
  it("is reported where the indentation shows the block ends, and the rest is checked", () => {
    const source = [
      'rubric "R" {',
      '  area "1" "A" max 2 {',
      '    item "1.1" "B" max 1 {',
      "      input a: count",
      "      score = min(a, 1)",
      "",
      '    item "1.2" "C" max 1 {',
      "      input b: count",
      "      score = min(bb, 1)",
      "    }",
      "  }",
      "}",
    ].join("\n");
    const result = compile(source);
    expect(result.diagnostics.map((d) => `${d.code}@${d.range.start.line}`)).toEqual(["RL121@7", "RL201@9"]);
    expect(result.diagnostics[0]!.message).toBe(`'item "1.1"' opened on line 3 has no closing '}': by its indentation it ends before line 7. Add '}' there.`);
  });

  it("is not guessed in a file with no indentation to go by", () => {
    expect(codes('rubric "R" { area "1" "A" max 1 { input a: count\nscore = min(a, 1)\n}\n')).toEqual(["RL121@4:1"]);
  });
});

describe("checking what parsed", () => {
  it("leaves out a leaf whose statement did not parse, rather than report it has no rule", () => {
    const source = one(`    item "1.1" "B" max 1 {\n      input a: count\n      score = min(a, \n    }\n    item "1.2" "C" max 1 {\n      input b: count\n      score = b + unknown_name\n    }`);
    const parsed = parseRecovering(source);
    expect(parsed.damage?.droppedNodes).toBe(true);
    const found = compile(source).diagnostics.map((d) => d.code);
    expect(found).toContain("RL201");
    expect(found).not.toContain("RL401");
    expect(found).not.toContain("RL400");
  });

  it("does not report a lost unit fact or a ranking key naming a lost node", () => {
    const source = `rubric "R" {\n  unit { kind: enum(a, b) ; size: }\n  area "1" "A" max 1 applies when unit.size > 2 {\n    input x: count\n    score = min(x, 1)\n  }\n  area "2" "B" max 1 {\n    input y count\n    score = min(y, 1)\n  }\n  ranking { by area "2" }\n}\n`;
    const found = compile(source).diagnostics.map((d) => d.code);
    expect(found).not.toContain("RL203");
    expect(found).not.toContain("RL409");
  });

  it("a fraction maximum or weight missing a side is a syntax error, never an internal one (found by the fuzzer)", () => {
    const sources = [
      ...["max 2 /", "max / 3", "max 2 / /", "weight 1 / max 2"].map((written) => `rubric "R" {\n  area "1" "A" ${written} {\n    score = given step 1\n  }\n  area "2" "B" max 2 { score = given step 1 }\n}\n`),
      // The area left open: the parser puts a denominator in to go on.
      `rubric "R" {\n  area "1" "A" max 2 / {\n  area "2" "B" max 2 { score = given step 1 }\n}\n`,
    ];
    for (const source of sources) {
      const found = compile(source).diagnostics.map((d) => d.code);
      expect(found, source).toContain("RL110");
      expect(found, source).not.toContain("RL900");
    }
  });
});
