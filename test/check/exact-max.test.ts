/**
 * Maxima and weights as exact fractions (`max 10/3`, `weight 1/3`): checked exactly,
 * compiled exactly, clamped exactly, printed back as written, and shown to people at the
 * published precision.
 */
import { describe, expect, it } from "vitest";
import { compile } from "../../src/compile/compile.js";
import { buildTemplate } from "../../src/io/template.js";
import { evaluateUnit } from "../../src/runtime/evaluate.js";
import type { UnitInputs } from "../../src/runtime/result.js";
import { Exact } from "../../src/runtime/exact.js";
import { format } from "../../src/syntax/print.js";
import { checkCodes } from "./helpers.js";

const thirds = (max: string, extra = ""): string => `rubric "R" {
  publish precision 2 rounding half-up
  area "1" "A" max ${max} {
    item "1.1" "a" max 10/3 { input v: number in 0..10
      score = v }
    item "1.2" "b" max 10/3 { input v: number in 0..10
      score = v }
    item "1.3" "c" max 10/3${extra} { input v: number in 0..10
      score = v }
  }
}`;

const unit = (a: string, b: string, c: string): UnitInputs => ({
  unit: { id: "u" },
  facts: new Map(),
  nodes: new Map([["1.1", a], ["1.2", b], ["1.3", c]].map(([id, v]) => [id!, { inputs: new Map([["v", { kind: "num" as const, value: Exact.of(v!) }]]) }])),
});

describe("maxima and weights as exact fractions", () => {
  it("three thirds of 10 add up to 10 exactly: no RL400/RL417; a parent of 10.01 or 9.99 is still reported", () => {
    expect(checkCodes(thirds("10")).filter((c) => !c.startsWith("RL405"))).toEqual([]);
    expect(checkCodes(thirds("10.01")).filter((c) => !c.startsWith("RL405"))).toEqual(["RL400@3:3"]);
    expect(checkCodes(thirds("9.99")).filter((c) => !c.startsWith("RL405"))).toEqual(["RL417@3:3"]);
  });

  it("weights as fractions: 1/3 and 2/3 of two 10-point children make 10", () => {
    const source = (w: string): string => `rubric "R" { area "1" "A" max 10 { aggregate weighted
 item "1.1" "x" max 10 weight 1/3 { score = given }
 item "1.2" "y" max 10 weight ${w} { score = given } } }`;
    expect(checkCodes(source("2/3"))).toEqual([]);
    expect(checkCodes(source("1/2"))).toEqual(["RL400@1:14"]);
  });

  it("reports a zero denominator (RL340), a zero weight (RL341) and a zero max (RL305)", () => {
    expect(checkCodes('rubric "R" { area "1" "A" max 10/0 { score = given } }')).toEqual(["RL340@1:31"]);
    expect(checkCodes('rubric "R" { area "1" "A" max 0/3 { score = given } }')).toEqual(["RL305@1:31"]);
    const weighted = (w: string): string => `rubric "R" { area "1" "A" max 10 { aggregate weighted\n item "1.1" "x" max 10 weight ${w} { score = given } } }`;
    expect(checkCodes(weighted("1/0"))).toEqual(["RL340@2:24"]);
    expect(checkCodes(weighted("0"))).toEqual(["RL400@1:14", "RL341@2:24"]);
  });

  it("compiles to the exact reduced value, and both paths clamp at exactly 10/3", () => {
    const compiled = compile(thirds("10").replace('max 10/3${""}', "max 20/6"));
    if (!compiled.ok) throw new Error("does not compile");
    expect(compiled.rubric.nodes[0]!.children!.map((c) => c.max)).toEqual(["10/3", "10/3", "10/3"]);
    const u = unit("5", "1", "2");
    for (const plain of [false, true]) {
      const result = evaluateUnit(compiled.rubric, u, { plain });
      expect(result.nodes.find((n) => n.id === "1.1")?.points).toBe("10/3");
      expect(result.figures?.points).toBe("19/3");
      expect(result.published?.points).toBe("6.33");
    }
    const full = evaluateUnit(compiled.rubric, unit("4", "3.5", "10"));
    expect(full.figures?.points).toBe("10");
  });

  it("prints back as written, and a form shows the max at the published precision", () => {
    const source = thirds("10");
    const formatted = format(source.replace("max 10/3 {", "max 10 / 3 {"));
    expect(formatted.ok && formatted.text).toContain('item "1.1" "a" max 10/3 {');
    const compiled = compile(source);
    if (!compiled.ok) throw new Error("does not compile");
    const rows = buildTemplate(compiled.rubric, "vi").rows.filter((r) => r.kind === "node");
    expect(rows.map((r) => r.max)).toEqual(["10", "3,33", "3,33", "3,33"]);
  });
});
