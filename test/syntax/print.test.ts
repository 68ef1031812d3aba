import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { format, printRubric } from "../../src/syntax/print.js";
import { parseRubric } from "../../src/syntax/parse.js";

const root = join(import.meta.dirname, "../..");
const sample = readFileSync(join(import.meta.dirname, "samples/full.rubric"), "utf8");

function formatted(source: string): string {
  const result = format(source);
  if (!result.ok) throw new Error(JSON.stringify(result.diagnostics));
  return result.text;
}

describe("format", () => {
  it("lays out a messy rubric canonically", () => {
    const messy = 'rubric "R"{area "1" "A" max 2{input a:count,b:count in 1..10;let r=a/b\nscore=bands r{>=100%:2;>=80%:1;else:0}}\nranking{by index desc,then area "1";ties dense}}';
    expect(formatted(messy)).toBe(
      [
        'rubric "R" {',
        '  area "1" "A" max 2 {',
        "    input a: count, b: count in 1..10",
        "    let r = a / b",
        "    score = bands r { >= 100%: 2; >= 80%: 1; else: 0 }",
        "  }",
        "",
        "  ranking {",
        '    by index desc, then area "1"',
        "    ties dense",
        "  }",
        "}",
        "",
      ].join("\n"),
    );
  });

  it("lays out percentile groups and bands per unit group, and reads its own output back the same", () => {
    const messy = 'rubric "R"{area "1" "A" max 1{score=1}\nbands in group "so" by percentile exc{"A" from percentile 75;"B" above percentile 50.5 // tie down\n"C" otherwise}}';
    const text = formatted(messy);
    expect(text).toBe('rubric "R" {\n  area "1" "A" max 1 {\n    score = 1\n  }\n\n  bands in group "so" by percentile exc {\n    "A" from percentile 75\n    "B" above percentile 50.5 // tie down\n    "C" otherwise\n  }\n}\n');
    expect(formatted(text)).toBe(text);
  });

  it("lays out match (arms with ';', keys with ', ') and count/share conditions, and reads its own output back", () => {
    const messy = 'rubric "R"{area "1" "A" max 2{input a:enum(A,B,C),xs:list of likert(1..5)\nlet m=match a{A:100%,B,C:60%}\nscore=max*m*share(xs>=4 and(xs!=5))+match xs{1, 2:0;else:0}*0}}';
    const text = formatted(messy);
    expect(text).toContain("    let m = match a { A: 100%; B, C: 60% }\n");
    expect(text).toContain("    score = max * m * share(xs >= 4 and (xs != 5)) + match xs { 1, 2: 0; else: 0 } * 0\n");
    expect(formatted(text)).toBe(text);
  });

  it("attaches a trailing comment to what it directly follows", () => {
    expect(formatted('rubric "R"{area "1" "A" max 1{score=1} // c\n}')).toBe('rubric "R" {\n  area "1" "A" max 1 {\n    score = 1\n  } // c\n}\n');
  });

  it("keeps comments: own-line comments above their statement, trailing ones on its line", () => {
    const source = '// header\nrubric "R" {\n  // the area\n  area "1" "A" max 1 {\n    score = 1 // full\n    /* block */\n  } // end\n}\n// tail\n';
    const text = formatted(source);
    expect(text).toBe('// header\nrubric "R" {\n  // the area\n  area "1" "A" max 1 {\n    score = 1 // full\n    /* block */\n  } // end\n}\n// tail\n');
    expect(formatted(text)).toBe(text);
  });

  it("is the identity on the bundled examples and the sample (they are formatted)", () => {
    const files = readdirSync(join(root, "examples")).map((d) => join(root, "examples", d, "rubric.rubric"));
    for (const file of [...files, join(import.meta.dirname, "samples/full.rubric")]) {
      const source = readFileSync(file, "utf8");
      expect(formatted(source), file).toBe(source);
    }
  });

  it("returns the syntax errors instead of text for a broken source", () => {
    const result = format('rubric "R" { area "1" "A" max { } }');
    expect(result.ok).toBe(false);
    expect(result.diagnostics[0]?.code).toBe("RL110");
  });

  it("printRubric prints an AST without comments, re-parsing to the same text", () => {
    const ast = parseRubric(sample).ast!;
    const printed = printRubric(ast);
    expect(printed).not.toContain("//");
    expect(printRubric(parseRubric(printed).ast!)).toBe(printed);
  });

  it("escapes quotes, backslashes, newlines and tabs in strings", () => {
    const text = formatted('rubric "a \\"b\\" \\\\ c\\n\\td" { area "1" "x" max 1 { score = 1 } }');
    expect(text.split("\n")[0]).toBe('rubric "a \\"b\\" \\\\ c\\n\\td" {');
  });
});
