/**
 * The language server's features in process, on the cases the protocol test does not
 * reach: text that does not parse while the author types, every completion context,
 * English wording, positions after characters outside the BMP, CRLF, semantic tokens,
 * quick fixes that must keep a string's quotes, and hostile input.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { analyse, recover } from "../../src/lsp/analysis.js";
import { completeAt } from "../../src/lsp/completion.js";
import { hoverAt } from "../../src/lsp/hover.js";
import { LineIndex } from "../../src/lsp/line-index.js";
import { definitionsAt, referencesAt } from "../../src/lsp/navigate.js";
import { outline } from "../../src/lsp/outline.js";
import { quickFixes } from "../../src/lsp/quick-fix.js";
import { semanticTokens, TOKEN_LEGEND } from "../../src/lsp/semantic-tokens.js";
import { chooseLocale } from "../../src/lsp/server.js";

const root = join(import.meta.dirname, "../..");
const department = readFileSync(join(root, "examples/par-department/rubric.rubric"), "utf8");

const SMALL = `rubric "Thử 😀" {
  unit {
    kind: enum(so, huyen)
  }
  area "1" "Lĩnh vực 😀 một" max 3 applies when unit.kind == so {
    item "1.1" "Mục" max 2 {
      input done: count, total: count in 0..10
      let rate = done / total
      when total == 0: full
      score = max * rate
    }
    item "1.2" "Mục hai" max 1 {
      input ok: bool
      score = if ok then 1 else 0
    }
  }
  ranking {
    by index desc, then area "1" desc
  }
}
`;

/** Completions (labels) with the cursor where `|` stands in `marked`. */
function labelsAt(marked: string, locale: "vi" | "en" = "vi"): string[] {
  const offset = marked.indexOf("|");
  const text = marked.replace("|", "");
  const analysis = analyse(text, locale);
  return completeAt(text, offset, recover(analysis, offset), locale).map((c) => c.label);
}

describe("positions", () => {
  it("counts UTF-16 code units and treats CRLF as one line end", () => {
    const lines = new LineIndex("a😀b\r\ncd\ne");
    expect(lines.lineCount).toBe(3);
    expect(lines.positionAt(3)).toEqual({ line: 0, character: 3 }); // after the surrogate pair
    expect(lines.positionAt(6)).toEqual({ line: 1, character: 0 });
    expect(lines.offsetAt({ line: 1, character: 1 })).toBe(7);
    expect(lines.lineText(0)).toBe("a😀b");
    expect(lines.offsetAt({ line: 0, character: 99 })).toBe(4); // clamped to the line's end, before CR
    expect(lines.offsetAt({ line: 9, character: 0 })).toBe(10);
    expect(lines.positionAt(-5)).toEqual({ line: 0, character: 0 });
  });

  it("points hovers and references after an emoji at the right characters", () => {
    const analysis = analyse(SMALL, "vi");
    const parsed = analysis.parsed!;
    const offset = SMALL.indexOf("done / total");
    const refs = referencesAt(parsed, offset, true).map((s) => SMALL.slice(s.start, s.end));
    expect(refs).toEqual(["done", "done"]);
    const hover = hoverAt(parsed, SMALL.indexOf('"1"') + 1, "vi")!;
    expect(hover.markdown).toContain("**lĩnh vực 1** — Lĩnh vực 😀 một");
    expect(hover.range.start).toEqual(analysis.lines.positionAt(SMALL.indexOf('"1"')));
  });
});

describe("while the text does not parse", () => {
  it("recovers a parse around the line being typed, for completion and outline", () => {
    const typing = SMALL.replace("score = max * rate", "score = max * ra");
    const broken = typing.replace("input ok: bool", "input ok: bool, x: (");
    const analysis = analyse(broken, "vi");
    expect(analysis.parsed).toBeUndefined();
    expect(analysis.diagnostics.some((d) => d.severity === "error")).toBe(true);
    const offset = broken.indexOf("* ra") + 4;
    const parsed = recover(analysis, offset);
    expect(parsed).toBeDefined();
    expect(outline(parsed!.ast, parsed!.lines, "vi").map((s) => s.name)).toContain("1 Lĩnh vực 😀 một (3 điểm)");
    expect(completeAt(broken, offset, parsed, "vi").map((c) => c.label)).toEqual(expect.arrayContaining(["rate", "done", "total"]));
  });

  it("gives nothing rather than a guess when the text is beyond repair", () => {
    const analysis = analyse("rubric { { { ]]] ", "vi");
    expect(recover(analysis, 3)).toBeUndefined();
    expect(completeAt("rubric { { { ]]] ", 3, undefined, "vi").length).toBeGreaterThanOrEqual(0);
  });
});

describe("completion in context", () => {
  it("offers the statements of the block the cursor is in", () => {
    expect(labelsAt(SMALL.replace("  ranking {", "  |\n  ranking {"))).toEqual(expect.arrayContaining(["area", "bonus", "penalty", "publish", "unit", "bands"]));
    const body = labelsAt(SMALL.replace("      input ok: bool", "      |\n      input ok: bool"));
    expect(body).toEqual(expect.arrayContaining(["input", "let", "score", "when", "evidence", "item"]));
    expect(body).not.toContain("publish");
    expect(labelsAt(SMALL.replace("    by index desc", "    |\n    by index desc"))).toEqual(["by", "ties", "on", "within group", "eligible when"]);
  });

  it("offers cohort figures in a rule, and the statistics after `cohort.`", () => {
    expect(labelsAt(SMALL.replace("score = max * rate", "score = max * |"))).toContain("cohort.");
    expect(labelsAt(SMALL.replace("score = max * rate", "score = max * cohort.|"))).toEqual(["max(…)", "min(…)", "mean(…)", "percentile(…)", "rescale(…)"]);
  });

  it("offers types after an input's colon and policies after a when clause's", () => {
    expect(labelsAt(SMALL.replace("input ok: bool", "input ok: |"))).toEqual(expect.arrayContaining(["count", "bool", "date", "enum()", "list of", "likert(1..5)"]));
    expect(labelsAt(SMALL.replace("when total == 0: full", "when total == 0: |"))).toEqual(["full", "exclude", "zero"]);
    expect(labelsAt(SMALL.replace("    kind: enum(so, huyen)", "    kind: enum(so, huyen)\n    size: |"))).toContain("number");
  });

  it("offers enum members after a comparison with an enum fact", () => {
    expect(labelsAt(SMALL.replace("unit.kind == so {", "unit.kind == | {"))).toEqual(["so", "huyen"]);
  });

  it("offers only earlier lets and this node's inputs in a rule", () => {
    const labels = labelsAt(SMALL.replace("let rate = done / total", "let rate = |"));
    expect(labels).toEqual(expect.arrayContaining(["done", "total", "max"]));
    expect(labels).not.toContain("rate");
    expect(labels).not.toContain("ok");
  });

  it("offers ranking keys: figures and every node, keyword and id", () => {
    const labels = labelsAt(SMALL.replace("by index desc, then area", "by index desc, then |area"));
    expect(labels).toEqual(expect.arrayContaining(["index", "points", 'area "1"', 'item "1.1"', 'item "1.2"']));
    expect(labelsAt(SMALL.replace("    by index desc", "    ties |\n    by index desc"))).toEqual(["shared", "dense", "ordinal"]);
  });

  it("writes details in the asked language", () => {
    const text = SMALL.replace("let rate = done / total", "let rate = ");
    const offset = text.indexOf("let rate = ") + 11;
    const max = (locale: "vi" | "en") => completeAt(text, offset, recover(analyse(text, locale), offset), locale).find((c) => c.label === "max")!.detail;
    expect(max("vi")).toBe("2 điểm");
    expect(max("en")).toBe("2 points");
  });
});

describe("hover, definition and references", () => {
  const analysis = analyse(department, "en");
  const parsed = analysis.parsed!;

  it("describes a node in English with its policy's origin", () => {
    const hover = hoverAt(parsed, department.indexOf('item "3.4.1"') + 7, "en")!;
    expect(hover.markdown).toContain("**item 3.4.1** — Niêm yết, công khai tại Bộ phận một cửa");
    expect(hover.markdown).toContain("Max: 1.5 points");
    expect(hover.markdown).toContain('When not applicable: dropped from the maximum (`exclude`, inherited from "3")');
  });

  it("leads a ranking key to its node and back", () => {
    const key = department.indexOf('then area "7"') + 10;
    const [definition] = definitionsAt(parsed, key);
    expect(department.slice(definition!.start, definition!.end)).toBe('"7"');
    expect(department.slice(definition!.start - 7, definition!.start)).toBe('  area ');
    expect(referencesAt(parsed, definition!.start + 1, false).map((s) => department.slice(s.start - 10, s.end))).toEqual(['then area "7"']);
  });

  it("keeps the inputs of two nodes with the same name apart", () => {
    // `answers` is declared in 8.1, 8.2 and 8.3: references stay within one node.
    const at = department.indexOf("mean(answers)") + 6;
    const refs = referencesAt(parsed, at, true);
    expect(refs).toHaveLength(2);
    expect(refs.every((s) => s.start > department.indexOf('item "8.1"') && s.end < department.indexOf('item "8.2"'))).toBe(true);
  });
});

describe("semantic tokens", () => {
  it("marks inputs, lets, facts, members, node ids, functions and types, sorted and apart", () => {
    const analysis = analyse(SMALL, "vi");
    const data = semanticTokens(analysis.parsed!);
    expect(data.length % 5).toBe(0);
    const tokens: { text: string; type: string; modifiers: number }[] = [];
    let line = 0;
    let character = 0;
    for (let i = 0; i < data.length; i += 5) {
      line += data[i]!;
      character = data[i]! === 0 ? character + data[i + 1]! : data[i + 1]!;
      const start = analysis.lines.offsetAt({ line, character });
      tokens.push({ text: SMALL.slice(start, start + data[i + 2]!), type: TOKEN_LEGEND.tokenTypes[data[i + 3]!]!, modifiers: data[i + 4]! });
    }
    const find = (text: string, type: string) => tokens.filter((t) => t.text === text && t.type === type);
    expect(find("done", "parameter")).toHaveLength(2);
    expect(find("done", "parameter")[0]!.modifiers & 1).toBe(1); // declaration
    expect(find("rate", "variable")).toHaveLength(2);
    expect(find("kind", "property")).toHaveLength(2);
    expect(find("so", "enumMember")).toHaveLength(2);
    expect(find('"1.1"', "namespace")).toHaveLength(1);
    expect(find('"1"', "namespace")).toHaveLength(2); // the area and its ranking key
    expect(find("count", "type")).toHaveLength(2);
  });
});

describe("quick fixes", () => {
  it("keeps the quotes of a ranking id and skips diagnostics without a suggestion", () => {
    const text = SMALL.replace('then area "1"', 'then item "1.3"').replace("score = max * rate", "score = max * rte");
    const analysis = analyse(text, "vi");
    const fixes = quickFixes(text, analysis.diagnostics, 0, text.length, "vi");
    expect(fixes.map((f) => [f.diagnostic.code, text.slice(f.start, f.end), f.newText])).toEqual([
      ["RL201", "rte", "rate"],
      ["RL409", '"1.3"', '"1.1"'],
    ]);
    expect(analysis.diagnostics.filter((d) => d.data?.suggestion === undefined).every((d) => !fixes.some((f) => f.diagnostic === d))).toBe(true);
  });
});

describe("locale and hostile input", () => {
  it("speaks the language asked for, Vietnamese by default", () => {
    expect(chooseLocale(undefined, undefined)).toBe("vi");
    expect(chooseLocale(undefined, "en-US")).toBe("en");
    expect(chooseLocale({ locale: "vi" }, "en")).toBe("vi");
    expect(chooseLocale({ locale: "fr" }, "de")).toBe("vi");
  });

  it("never throws on broken text at any offset", () => {
    const texts = ["", "rubric", 'rubric "x" {', "}}}}", "rubric \"x\" { area \"1\" \"a\" max 1 { score = ((((( } }", department.slice(0, 1234), "\u0000\uFFFF😀"];
    for (const text of texts) {
      const analysis = analyse(text, "vi");
      for (let offset = 0; offset <= text.length; offset += Math.max(1, Math.floor(text.length / 60))) {
        const parsed = recover(analysis, offset);
        completeAt(text, offset, parsed, "vi");
        if (parsed !== undefined) {
          hoverAt(parsed, offset, "vi");
          definitionsAt(parsed, offset);
          semanticTokens(parsed);
        }
      }
    }
  });
});
