/**
 * The bundled examples: each compiles without errors, gives exactly the warnings its
 * `expected-diagnostics.json` lists, is in canonical layout, and together they use
 * every construct of the language.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { compile } from "../../src/compile/compile.js";
import { parseRubric } from "../../src/syntax/parse.js";
import { format } from "../../src/syntax/print.js";

const root = join(import.meta.dirname, "../../examples");
const examples = readdirSync(root, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();
const source = (name: string): string => readFileSync(join(root, name, "rubric.rubric"), "utf8");

/** Every construct a rubric can use, as `Kind` or `Kind:variant`. */
const CONSTRUCTS = [
  "Meta:id", "Meta:version", "Meta:basis", "Meta:locale", "Publish", "Rounding:half-up", "Rounding:half-even", "IndexFormula",
  "BonusMayExceed", "NotApplicable:full", "NotApplicable:exclude", "NotApplicable:zero", "UnitBlock",
  "Node:area", "Node:criterion", "Node:item", "Weight", "AppliesWhen", "FromSurvey", "Description", "Evidence",
  "Aggregate:sum", "Aggregate:weighted", "Aggregate:mean", "Aggregate:min", "Aggregate:normalised", "Unclamped",
  "Input", "Let", "When", "Score", "ScoreGiven", "Extra:bonus", "Extra:penalty",
  "NumberType:number", "NumberType:count", "NumberType:percent", "Range", "NegativeBound", "LikertType", "SimpleType:bool",
  "SimpleType:date", "SimpleType:text", "EnumType", "ListType",
  "NumberLit", "PercentLit", "DateLit", "BoolLit", "NameRef", "UnitRef", "BuiltinRef:max", "BuiltinRef:points", "Paren",
  "Unary:-", "Unary:not", "Binary:+", "Binary:-", "Binary:*", "Binary:/", "Binary:==", "Binary:<=", "Binary:>=", "Binary:>",
  "Binary:and", "Binary:or", "If", "Bands", "BandsElse",
  "Call:min", "Call:max", "Call:clamp", "Call:round", "Call:floor", "Call:ceil", "Call:abs", "Call:sum", "Call:mean", "Call:count", "Call:ratio",
  "Call:share", "Match", "MatchOverList",
  "Ranking", "RankBy", "SortKey:node", "Ties:shared", "Ties:dense", "Ties:ordinal", "RankOn:published", "RankOn:exact", "WithinGroup",
  "BandsBlock", "Band:otherwise", "BandsBlock:group", "BandsBlock:percentile", "Band:percentile", "Max:fraction",
  "Cohort:max", "Cohort:min", "Cohort:mean", "Cohort:percentile", "Cohort:rescale", "Eligible",
];

function constructsOf(value: unknown, found: Set<string>): void {
  const stack = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (Array.isArray(v)) { stack.push(...v); continue; }
    if (v === null || typeof v !== "object") continue;
    const node = v as Record<string, unknown>;
    const kind = node["kind"];
    if (typeof kind === "string") {
      found.add(kind);
      const variant = node["key"] ?? node["keyword"] ?? node["method"] ?? node["policy"] ?? node["sign"] ?? node["figure"] ?? node["op"] ?? node["callee"] ?? (kind === "SimpleType" || kind === "NumberType" || kind === "BuiltinRef" ? node["name"] : undefined);
      if (typeof variant === "string") found.add(`${kind}:${variant}`);
      if (kind === "Publish" && typeof node["rounding"] === "string") found.add(`Rounding:${node["rounding"]}`);
      if (kind === "NumberType" && node["min"] !== undefined) found.add("Range");
      if (kind === "NumberType" && String((node["min"] as { value?: string } | undefined)?.value ?? "").startsWith("-")) found.add("NegativeBound");
      if (kind === "Bands" && node["otherwise"] !== undefined) found.add("BandsElse");
      if (kind === "Band" && node["condition"] === undefined && node["percentile"] === undefined) found.add("Band:otherwise");
      if (kind === "Band" && node["percentile"] !== undefined) found.add("Band:percentile");
      if (kind === "BandsBlock" && node["group"] !== undefined) found.add("BandsBlock:group");
      if (kind === "BandsBlock" && node["method"] !== undefined) found.add("BandsBlock:percentile");
      if (kind === "Call" && node["callee"] === "mean" && (node["args"] as { kind: string }[])[0]?.kind === "Match") found.add("MatchOverList");
      if (kind === "SortKey" && (node["target"] as { kind: string }).kind === "NodeKey") found.add("SortKey:node");
      if (kind === "Ties") found.add(`Ties:${node["policy"]}`);
      if ((kind === "Node" || kind === "Extra") && String((node["max"] as { text?: string } | undefined)?.text ?? "").includes("/")) found.add("Max:fraction");
      if (kind === "Weight" && String(node["text"]).includes("/")) found.add("Weight:fraction");
      if (kind === "Cohort") found.add(`Cohort:${String(node["stat"])}`);
    }
    for (const [key, child] of Object.entries(node)) if (key !== "range" && key !== "headerRange") stack.push(child);
  }
}

describe("examples", () => {
  it.each(examples)("%s compiles, with exactly its expected warnings, and is formatted", (name) => {
    const text = source(name);
    const result = compile(text);
    expect(result.ok).toBe(true);
    const expected = JSON.parse(readFileSync(join(root, name, "expected-diagnostics.json"), "utf8")) as { diagnostics: unknown[] };
    expect(result.diagnostics.map((d) => ({ code: d.code, severity: d.severity, line: d.range.start.line, column: d.range.start.column }))).toEqual(expected.diagnostics);
    const formatted = format(text);
    expect(formatted.ok && formatted.text).toBe(text);
  });

  // PCI's 2012 methodology (nine sub-indices) is its own rubric; Nam Định 2020 shows bands per block.
  it("are the indices of the field (and Nam Định 2020's bands per block), each with a README naming its decision and what is illustrative", () => {
    expect(examples).toEqual(["ict-index", "nam-dinh-2020", "papi", "par-commune", "par-department", "par-district", "par-province", "pci", "pci-2012", "sipas"]);
    for (const name of examples) {
      const readme = readFileSync(join(root, name, "README.md"), "utf8");
      expect(readme, name).toMatch(/\*\*Decision followed\b/);
      expect(readme, name).toMatch(/\*\*Illustrative\b/);
      // The rubric's own header comment marks what is not official.
      expect(source(name).slice(0, source(name).indexOf("rubric \"")), name).toContain("ILLUSTRATIVE");
    }
  });

  it("include a full real-world rubric: at least 8 areas and 30 leaves", () => {
    const rubric = compile(source("par-department"));
    if (!rubric.ok) throw new Error("par-department does not compile");
    let leaves = 0;
    const stack = [...rubric.rubric.nodes];
    while (stack.length > 0) {
      const node = stack.pop()!;
      if (node.leaf !== undefined) leaves++;
      stack.push(...(node.children ?? []));
    }
    expect(rubric.rubric.nodes.length).toBeGreaterThanOrEqual(8);
    expect(leaves).toBeGreaterThanOrEqual(30);
    expect(rubric.rubric.nodes.reduce((sum, n) => sum + Number(n.max), 0)).toBe(100);
  });

  it("together use every construct of the language", () => {
    const found = new Set<string>();
    for (const name of examples) constructsOf(parseRubric(source(name)).ast, found);
    expect(CONSTRUCTS.filter((c) => !found.has(c))).toEqual([]);
  });
});
