/**
 * The playground's colours come from the repository's TextMate grammar, interpreted as
 * a CodeMirror stream language: the same words get the same kinds of colour as in the
 * editor extension, strings and block comments carry over, and a decimal comma is
 * marked invalid.
 */
import { highlightTree, classHighlighter } from "@lezer/highlight";
import { describe, expect, it } from "vitest";
import { rubricLanguage } from "../../playground/src/highlight.js";

/** Every coloured span of `text` as [text, classes]. */
function spans(text: string): [string, string][] {
  const out: [string, string][] = [];
  highlightTree(rubricLanguage.parser.parse(text), classHighlighter, (from, to, classes) => out.push([text.slice(from, to), classes]));
  return out;
}

describe("playground highlighting from the TextMate grammar", () => {
  it("colours keywords, strings, numbers, percentages, dates, functions, operators and comments", () => {
    const text = 'area "1.2" "Tỷ lệ \\"đúng\\" hạn" max 2 {\n  score = bands ratio(a, b) { >= 80%: 1; else: 0 } // ghi chú\n  when d <= 2024-12-15: full\n}';
    const got = spans(text);
    const kind = (word: string): string | undefined => got.find(([t]) => t === word)?.[1];
    expect(kind("area")).toContain("tok-keyword");
    expect(kind('"1.2"')).toBe("tok-string");
    expect(kind("\\\"")).toContain("tok-string2"); // the escape inside the title, as classHighlighter names escapes
    expect(kind("80%")).toBe("tok-number");
    expect(kind("2024-12-15")).toBe("tok-number");
    expect(kind("ratio")).toContain("tok-variableName");
    expect(kind(">=")).toBe("tok-operator");
    expect(kind("full")).toBe("tok-atom");
    expect(kind("// ghi chú")).toBe("tok-comment");
  });

  it("marks a decimal comma invalid and carries a block comment over lines", () => {
    const got = spans("score = 0,5 /* một\nhai */ + 1");
    expect(got.find(([t]) => t === "0,5")?.[1]).toBe("tok-invalid");
    expect(got.filter(([, c]) => c === "tok-comment").map(([t]) => t)).toEqual(["/* một", "hai */"]);
    expect(got.find(([t]) => t === "1")?.[1]).toBe("tok-number");
  });
});
