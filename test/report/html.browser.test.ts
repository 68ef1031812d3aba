/**
 * The HTML reports in a real browser: Debian's Chromium, driven by playwright-core.
 * The ranking page and a unit's detail page are also printed to PDF on A4, as an
 * official prints them: the department's ranking must fit one page, and no unit name
 * in the chart may run past the chart's edge (on screen or paper). `.ci/run` installs
 * Chromium when it is missing; where it still is (a machine without root, say), the
 * test is skipped with the reason printed.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compile } from "../../src/compile/compile.js";
import { evaluate, evaluateAll } from "../../src/io/evaluate.js";
import { rank } from "../../src/rank/rank.js";
import { renderUnitDetail } from "../../src/report/detail.js";
import { renderRankingHtml } from "../../src/report/html.js";

const CHROMIUM = "/usr/bin/chromium";
const available = existsSync(CHROMIUM);
if (!available) console.log(`html.browser.test: skipped, ${CHROMIUM} is not installed (apt-get install chromium)`);

const folder = join(import.meta.dirname, "../../examples/par-department");
const A4 = { widthMm: 210, heightMm: 297 };

function department() {
  const compiled = compile(readFileSync(join(folder, "rubric.rubric"), "utf8"));
  if (!compiled.ok) throw new Error("par-department does not compile");
  // The clean units and the deliberately incomplete one, so reports show both kinds.
  const submissions = ["submissions", "incomplete"].flatMap((dir) => readdirSync(join(folder, dir)).sort().map((f) => JSON.parse(readFileSync(join(folder, dir, f), "utf8")) as Record<string, unknown>));
  return { rubric: compiled.rubric, submissions };
}

/** The pages of a PDF and the size of the first, in mm (PDF user units are 1/72 inch). */
function pdfPages(pdf: Buffer): { count: number; widthMm: number; heightMm: number } {
  const text = pdf.toString("latin1");
  const count = (text.match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;
  const box = /\/MediaBox\s*\[\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s*\]/.exec(text);
  if (box === null) throw new Error("the PDF has no page size");
  const mm = (points: number): number => (points / 72) * 25.4;
  return { count, widthMm: mm(Number(box[3]) - Number(box[1])), heightMm: mm(Number(box[4]) - Number(box[2])) };
}

/** Sizes of consecutive groups of at most `size` out of `total`. */
const chunks = (total: number, size: number): number[] => Array.from({ length: Math.ceil(total / size) }, (_, i) => Math.min(size, total - i * size));

/** Every unit label of the chart whose box reaches outside the SVG's box (by more than half a px). */
async function clippedLabels(page: Page): Promise<string[]> {
  return page.locator("svg.chart").evaluateAll((svgs) =>
    svgs.flatMap((svg) => {
      const outer = svg.getBoundingClientRect();
      return [...svg.querySelectorAll("text.unit")].flatMap((t) => {
        const box = t.getBoundingClientRect();
        const inside = box.left >= outer.left - 0.5 && box.right <= outer.right + 0.5 && box.top >= outer.top - 0.5 && box.bottom <= outer.bottom + 0.5;
        return inside && box.width > 0 ? [] : [t.textContent ?? ""];
      });
    }),
  );
}

describe.skipIf(!available)("HTML reports in headless Chromium", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  it("draws one bar per ranked unit and a table row per ranked unit", async () => {
    const { rubric, submissions } = department();
    const ranking = rank(rubric, evaluateAll(rubric, submissions));
    const page = await browser.newPage();
    await page.setContent(renderRankingHtml(ranking, rubric, "vi"));
    expect(await page.locator("svg.chart rect.bar").count()).toBe(ranking.rows.length);
    expect(await page.locator("table.ranking tbody tr").count()).toBe(ranking.rows.length);
    expect(await page.locator("table.ranking tbody th[scope=row]").count()).toBe(ranking.rows.length);
    expect(await page.locator("table.ranking thead th[scope=col]").count()).toBeGreaterThan(3);
    expect(await page.locator("table.unranked tbody tr").count()).toBe(ranking.unranked.length);
    expect(await page.locator("table caption").count()).toBe(3);
    const widths = await page.locator("svg.chart rect.bar").evaluateAll((bars) => bars.map((b) => Number(b.getAttribute("width"))));
    expect(widths).toEqual([...widths].sort((a, b) => b - a)); // ranked by index, so bars shrink
    // One legend entry per band, its swatch the colour of that band's bars.
    const bandOfBar = await page.locator("svg.chart rect.bar").evaluateAll((bars) => bars.map((b) => b.getAttribute("fill")));
    const legend = await page.locator("ul.legend li svg rect").evaluateAll((rects) => rects.map((r) => r.getAttribute("fill")));
    expect(legend.length).toBe(rubric.bands.length);
    for (const colour of bandOfBar) expect(legend).toContain(colour);
    expect(await page.title()).toContain("Bảng xếp hạng");
    expect(await clippedLabels(page)).toEqual([]);
    await page.close();
  }, 60_000);

  it("prints the department's ranking on one A4 page, every unit name inside the chart", async () => {
    const { rubric, submissions } = department();
    const ranking = rank(rubric, evaluateAll(rubric, submissions));
    for (const locale of ["vi", "en"] as const) {
      const page = await browser.newPage();
      await page.setContent(renderRankingHtml(ranking, rubric, locale));
      await page.emulateMedia({ media: "print" });
      expect(await clippedLabels(page), locale).toEqual([]);
      const pdf = pdfPages(await page.pdf({ preferCSSPageSize: true, printBackground: true }));
      expect(pdf.count, `${locale}: pages of the printed ranking`).toBe(1);
      expect(pdf.widthMm).toBeCloseTo(A4.widthMm, 0);
      expect(pdf.heightMm).toBeCloseTo(A4.heightMm, 0);
      await page.close();
    }
  }, 60_000);

  it("wraps or makes room for long unit names instead of cutting them off", async () => {
    const { rubric, submissions } = department();
    const long = "Ban Quản lý Khu kinh tế, các khu công nghiệp và khu chế xuất tỉnh Hà Tĩnh (gồm cả Văn phòng đại diện tại Thành phố Hồ Chí Minh)";
    const unbroken = "WWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWW";
    const renamed = submissions.map((s, i) => (i === 0 ? { ...s, unit: { ...(s["unit"] as object), name: long } } : i === 1 ? { ...s, unit: { ...(s["unit"] as object), name: unbroken } } : s));
    const ranking = rank(rubric, evaluateAll(rubric, renamed));
    expect(ranking.rows.map((r) => r.unit.name)).toEqual(expect.arrayContaining([long, unbroken]));
    const page = await browser.newPage();
    await page.setContent(renderRankingHtml(ranking, rubric, "vi"));
    for (const media of ["screen", "print"] as const) {
      await page.emulateMedia({ media });
      expect(await clippedLabels(page), media).toEqual([]);
    }
    // At the printed page's width, no table runs past the page either: the long name wraps in its cell.
    await page.setViewportSize({ width: Math.round(((A4.widthMm - 24) / 25.4) * 96), height: 1000 });
    const overflow = await page.locator("table").evaluateAll((tables) => tables.filter((t) => t.getBoundingClientRect().right > t.ownerDocument.documentElement.clientWidth + 0.5).map((t) => t.className));
    expect(overflow).toEqual([]);
    expect(await clippedLabels(page)).toEqual([]);
    // The whole name is there, in lines, not shortened.
    const labels = await page.locator("svg.chart text.unit").evaluateAll((ts) => ts.map((t) => [...t.querySelectorAll("tspan")].map((s) => s.textContent).join(" ")));
    expect(labels.some((l) => l.includes("Ban Quản lý Khu kinh tế") && l.endsWith("Thành phố Hồ Chí Minh)"))).toBe(true);
    expect(labels.some((l) => l.replace(/ /g, "").includes(unbroken))).toBe(true);
    await page.close();
  }, 60_000);

  it("prints a long ranking as several charts, each within a page, labels at one size", async () => {
    const { rubric, submissions } = department();
    // 100 units: the department's, copied under new ids and names.
    const many = Array.from({ length: 100 }, (_, i) => {
      const s = submissions[i % submissions.length]!;
      const unit = s["unit"] as { id: string; name?: string };
      return { ...s, unit: { ...unit, id: `${unit.id}-${i}`, name: `${unit.name ?? unit.id} (${i})` } };
    });
    const ranking = rank(rubric, evaluateAll(rubric, many));
    expect(ranking.rows.length).toBeGreaterThan(90);
    const page = await browser.newPage();
    await page.setContent(renderRankingHtml(ranking, rubric, "vi"));
    await page.emulateMedia({ media: "print" });
    const charts = await page.locator("svg.chart").evaluateAll((svgs) => svgs.map((svg) => ({ bars: svg.querySelectorAll("rect.bar").length, height: svg.getBoundingClientRect().height, font: svg.querySelector("text.unit tspan")!.getBoundingClientRect().height })));
    expect(charts.map((c) => c.bars)).toEqual(chunks(ranking.rows.length, 40));
    const pageHeightPx = ((A4.heightMm - 20) / 25.4) * 96;
    for (const c of charts) expect(c.height).toBeLessThan(pageHeightPx);
    const fonts = charts.map((c) => c.font);
    expect(Math.max(...fonts) - Math.min(...fonts), JSON.stringify(charts)).toBeLessThanOrEqual(1); // whole pixels
    expect(await clippedLabels(page)).toEqual([]);
    await page.close();
  }, 60_000);

  it("prints a unit's detail on A4 (landscape), the criterion column wide enough to read", async () => {
    const { rubric } = department();
    const outcome = evaluate(rubric, JSON.parse(readFileSync(join(folder, "submissions", "so-noi-vu.json"), "utf8")), { explain: true });
    if (!outcome.ok) throw new Error("so-noi-vu is invalid");
    const page = await browser.newPage();
    await page.setContent(renderUnitDetail(outcome.result, rubric, "html", "vi"));
    await page.emulateMedia({ media: "print" });
    const pdf = pdfPages(await page.pdf({ preferCSSPageSize: true, printBackground: true }));
    expect(pdf.count).toBeGreaterThanOrEqual(1);
    expect(pdf.widthMm).toBeCloseTo(A4.heightMm, 0);
    expect(pdf.heightMm).toBeCloseTo(A4.widthMm, 0);
    // Laid out at the printed page's width, the criterion column is a readable width and nothing overflows the page.
    await page.setViewportSize({ width: Math.round(((A4.heightMm - 24) / 25.4) * 96), height: 800 });
    const layout = await page.locator("table.detail").evaluate((table) => ({
      tableRight: table.getBoundingClientRect().right,
      pageWidth: table.ownerDocument.documentElement.clientWidth,
      criterionWidth: table.querySelector("thead th.criterion")!.getBoundingClientRect().width,
    }));
    expect(layout.tableRight).toBeLessThanOrEqual(layout.pageWidth + 0.5);
    expect(layout.criterionWidth).toBeGreaterThan(180);
    expect(await page.locator("table.detail caption").textContent()).toBe("Điểm theo từng tiêu chí");
    await page.close();
  }, 60_000);
});
