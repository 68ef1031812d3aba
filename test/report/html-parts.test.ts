/**
 * The pure parts of the HTML reports: chart labels wrapped without losing a letter,
 * lengths in rem written as short decimals, tables marked up for readers.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { labelWidthPx, wrapLabel } from "../../src/report/html-chart.js";
import { rem, tableHtml } from "../../src/report/html-page.js";

describe("wrapLabel", () => {
  it("keeps every word in order and each line within the width, breaking only a word too wide for a line", () => {
    const word = fc.stringMatching(/^[a-zA-ZĐđàáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹ0-9.,()-]{1,30}$/);
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 12 }), fc.integer({ min: 40, max: 340 }), (words, width) => {
        const lines = wrapLabel(words.join(" "), width);
        expect(lines.join("").replace(/ /g, "")).toBe(words.join(""));
        for (const line of lines) if ([...line].length > 1) expect(labelWidthPx(line)).toBeLessThanOrEqual(width);
        // A line break falls between words unless a word alone is wider than a line.
        if (words.every((w) => labelWidthPx(w) <= width)) expect(lines.join(" ")).toBe(words.join(" "));
      }),
    );
  });

  it("wraps a long Vietnamese name at spaces", () => {
    const lines = wrapLabel("12. Sở Nông nghiệp và Phát triển nông thôn tỉnh Hà Tĩnh", 200);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join(" ")).toBe("12. Sở Nông nghiệp và Phát triển nông thôn tỉnh Hà Tĩnh");
  });

  it("measures wide letters wider than narrow ones, and combining marks as nothing", () => {
    expect(labelWidthPx("WWWW")).toBeGreaterThan(labelWidthPx("iiii"));
    expect(labelWidthPx("e\u0301")).toBe(labelWidthPx("e"));
  });
});

describe("rem", () => {
  it("writes tenths as the shortest decimal", () => {
    expect([rem(6), rem(18), rem(30), rem(42), rem(54), rem(-3)]).toEqual(["0.6rem", "1.8rem", "3rem", "4.2rem", "5.4rem", "-0.3rem"]);
  });
});

describe("tableHtml", () => {
  it("writes a caption, column headings with scope=col, the row header with scope=row, everything escaped", () => {
    const html = tableHtml(
      { head: ["Đơn vị", "Điểm"], rows: [["<b>Sở & Ban</b>", "9,50"]], right: new Set([1]) },
      { className: "t", caption: "Điểm \"cuối\"", rowHeader: 0 },
    );
    expect(html).toBe(
      '<table class="t"><caption>Điểm &quot;cuối&quot;</caption><thead><tr><th scope="col">Đơn vị</th><th scope="col" class="num">Điểm</th></tr></thead><tbody>\n' +
        '<tr><th scope="row">&lt;b&gt;Sở &amp; Ban&lt;/b&gt;</th><td class="num">9,50</td></tr>\n</tbody></table>',
    );
  });
});
