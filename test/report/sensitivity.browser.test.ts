/**
 * The sensitivity page in a real browser (Debian's Chromium, as for the ranking page):
 * one interval bar, one nominal dot and one median tick per unit, in nominal-rank
 * order, and the axis with its label. Skipped with the reason printed where Chromium
 * is missing.
 */
import { existsSync } from "node:fs";
import { chromium } from "playwright-core";
import { describe, expect, it } from "vitest";
import { renderSensitivityHtml } from "../../src/analysis/render-sensitivity.js";
import { sensitivity } from "../../src/analysis/sensitivity.js";
import { example } from "../analysis/helpers.js";

const CHROMIUM = "/usr/bin/chromium";
const available = existsSync(CHROMIUM);
if (!available) console.log(`sensitivity.browser.test: skipped, ${CHROMIUM} is not installed (apt-get install chromium)`);

describe.skipIf(!available)("sensitivity page in headless Chromium", () => {
  it.each(["vi", "en"] as const)("draws one interval bar per unit and the rank axis (%s)", async (locale) => {
    const { rubric, submissions } = example("par-department");
    const out = sensitivity(rubric, submissions, { factors: [{ kind: "weight", node: "1", min: "0.5", max: "1.5" }, { kind: "na-policy", choices: ["as-declared", "exclude", "zero"] }], samples: 100 });
    if (!out.ok) throw new Error(out.problems.join("; "));
    const html = renderSensitivityHtml(out.result, locale);
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });
    try {
      const page = await browser.newPage();
      await page.setContent(html);
      const units = out.result.units.length;
      expect(units).toBe(17);
      expect(await page.locator("svg.intervals rect.interval").count()).toBe(units);
      expect(await page.locator("svg.intervals circle.nominal").count()).toBe(units);
      expect(await page.locator("svg.intervals line.median").count()).toBe(units);
      expect(await page.locator("table.units tbody tr").count()).toBe(units);
      expect((await page.locator("svg.intervals text.axis-label").textContent())?.trim()).toBe(locale === "vi" ? "Hạng" : "Rank");
      expect(await page.locator("svg.intervals text.tick").count()).toBeGreaterThan(5);
      // Units go down the chart by nominal rank, each dot inside the page's plot and on its bar's row.
      const dots = await page.locator("svg.intervals circle.nominal").evaluateAll((cs) => cs.map((c) => ({ x: Number(c.getAttribute("cx")), y: Number(c.getAttribute("cy")) })));
      const bars = await page.locator("svg.intervals rect.interval").evaluateAll((rs) => rs.map((r) => ({ x: Number(r.getAttribute("x")), w: Number(r.getAttribute("width")), y: Number(r.getAttribute("y")) })));
      expect(dots.map((d) => d.y)).toEqual([...dots.map((d) => d.y)].sort((a, b) => a - b));
      dots.forEach((d, i) => {
        expect(d.x).toBeGreaterThanOrEqual(bars[i]!.x);
        expect(d.x).toBeLessThanOrEqual(bars[i]!.x + bars[i]!.w);
        expect(bars[i]!.w).toBeGreaterThan(0);
      });
      const box = await page.locator("svg.intervals").boundingBox();
      expect(box?.width).toBeGreaterThan(600);
      expect(await page.title()).toContain(locale === "vi" ? "Độ nhạy của xếp hạng" : "Sensitivity of the ranking");
    } finally {
      await browser.close();
    }
  }, 60_000);
});
