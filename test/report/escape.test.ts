/**
 * Text from data in the outputs people read: control characters escaped for the
 * terminal and text reports, Markdown syntax escaped, formulas neutralised in CSV (and
 * undone when read back), figure columns left as numbers.
 */
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { neutraliseFormula, readBackFormula } from "../../src/io/spreadsheet-text.js";
import { escapeControls, escapeMarkdown, jsonTerminalSafe, terminalSafe } from "../../src/report/escape.js";
import { renderTable } from "../../src/report/render.js";

export const INJECTIONS = [
  '=HYPERLINK("http://evil.example","Click")',
  "@SUM(1+1)*cmd|' /C calc'!A0",
  "=1+1",
  "+1+1",
  "-2+3",
  "\t=1",
  "\r=1",
  "\u001b]0;pwned title\u0007\u001b[1;31m",
  "<script>alert(1)</script>",
  '<img src=x onerror="alert(1)">',
  "[Click](javascript:alert(1))",
  "a|b*c_d`e`",
  "line one\nline two",
  "\u202eevil\u202c",
];

describe("terminal and text", () => {
  it("shows control and bidi characters escaped; messages keep their line breaks", () => {
    expect(terminalSafe("\u001b]0;pwned title\u0007\u001b[1;31mred\nnext")).toBe("\\u001b]0;pwned title\\u0007\\u001b[1;31mred\nnext");
    expect(terminalSafe("a\rb\u009bc\u202ed")).toBe("a\\rb\\u009bc\\u202ed");
    expect(escapeControls("a\nb\tc")).toBe("a\\nb\\tc");
  });

  it("keeps a text table one line per row whatever the names hold", () => {
    const text = renderTable({ head: ["Unit", "Points"], rows: INJECTIONS.map((n) => [n, "1.00"]), right: new Set([1]) }, "text");
    expect(text.split("\n")).toHaveLength(INJECTIONS.length + 2);
    expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e]/);
  });

  it("writes JSON a terminal cannot obey, with the same value", () => {
    const json = JSON.stringify({ name: "a\u009b31mb\u202ec\u2028" });
    const safe = jsonTerminalSafe(json);
    expect(safe).not.toMatch(/[\u0080-\u009f\u202e\u2028]/);
    expect(JSON.parse(safe)).toEqual(JSON.parse(json));
  });
});

describe("Markdown", () => {
  it("escapes syntax, HTML and links; a newline cannot break the table", () => {
    expect(escapeMarkdown("<script>alert(1)</script>")).toBe("\\<script\\>alert(1)\\</script\\>");
    expect(escapeMarkdown("[Click](javascript:alert(1))")).toBe("\\[Click\\](javascript:alert(1))");
    expect(escapeMarkdown("a|b*c_d`e`~&")).toBe("a\\|b\\*c\\_d\\`e\\`\\~\\&");
    const md = renderTable({ head: ["Unit"], rows: INJECTIONS.map((n) => [n]) }, "md");
    const lines = md.split("\n");
    expect(lines).toHaveLength(INJECTIONS.length + 2);
    for (const line of lines.slice(2)) expect(line.replace(/\\\|/g, "").split("|")).toHaveLength(3);
    expect(md).not.toMatch(/(?<!\\)<(script|img)/);
    expect(md).not.toMatch(/(?<!\\)\]\(javascript/);
  });
});

describe("CSV", () => {
  it("prefixes a text cell a spreadsheet would take for a formula, never a figure", () => {
    const csv = renderTable({ head: ["Unit", "Difference"], rows: [...INJECTIONS.map((n) => [n, "-0.50"]), ["Sở Nội vụ", "-1"]], right: new Set([1]) }, "csv");
    const rows = parse(csv, { relax_quotes: false }) as string[][];
    for (const [i, name] of INJECTIONS.entries()) {
      expect(rows[i + 1]![0]).toBe(/^[=+\-@\t\r]/.test(name) ? `'${name}` : name);
      expect(rows[i + 1]![1]).toBe("-0.50");
    }
    expect(rows[rows.length - 1]).toEqual(["Sở Nội vụ", "-1"]);
    for (const row of rows.slice(1)) expect(row[0]).not.toMatch(/^[=+\-@\t\r]/);
  });

  it("reading back undoes the prefix, and only the prefix", () => {
    for (const text of [...INJECTIONS, "'quoted'", "'", "", "Sở Nội vụ"]) expect(readBackFormula(neutraliseFormula(text))).toBe(text);
    expect(readBackFormula("'abc")).toBe("'abc");
  });
});

describe("terminalSafe on CSV and Windows line ends", () => {
  it("keeps CRLF line ends and escapes a lone carriage return", () => {
    expect(terminalSafe("a,b\r\nc,d\r\n")).toBe("a,b\r\nc,d\r\n");
    expect(terminalSafe("progress\rover")).toBe("progress\\rover");
  });
});
