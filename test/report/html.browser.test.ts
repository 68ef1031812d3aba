/**
 * The HTML report in a real browser: Debian's Chromium, driven by playwright-core.
 * `.ci/run` installs Chromium when it is missing; where it still is (a machine
 * without root, say), the test is skipped with the reason printed.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { describe, expect, it } from "vitest";
import { compile } from "../../src/compile/compile.js";
import { evaluateAll } from "../../src/io/evaluate.js";
import { rank } from "../../src/rank/rank.js";
import { renderRankingHtml } from "../../src/report/html.js";

const CHROMIUM = "/usr/bin/chromium";
const available = existsSync(CHROMIUM);
if (!available) console.log(`html.browser.test: skipped, ${CHROMIUM} is not installed (apt-get install chromium)`);

describe.skipIf(!available)("HTML report in headless Chromium", () => {
  it("draws one bar per ranked unit and a table row per ranked unit", async () => {
    const folder = join(import.meta.dirname, "../../examples/par-department");
    const compiled = compile(readFileSync(join(folder, "rubric.rubric"), "utf8"));
    if (!compiled.ok) throw new Error("par-department does not compile");
    // The clean units and the deliberately incomplete one, so reports show both kinds.
  const submissions = ["submissions", "incomplete"].flatMap((dir) => readdirSync(join(folder, dir)).sort().map((f) => JSON.parse(readFileSync(join(folder, dir, f), "utf8")) as unknown));
    const ranking = rank(compiled.rubric, evaluateAll(compiled.rubric, submissions));
    const html = renderRankingHtml(ranking, compiled.rubric, "vi");

    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });
    try {
      const page = await browser.newPage();
      await page.setContent(html);
      expect(await page.locator("svg.chart rect.bar").count()).toBe(ranking.rows.length);
      expect(await page.locator("table.ranking tbody tr").count()).toBe(ranking.rows.length);
      expect(await page.locator("table.unranked tbody tr").count()).toBe(ranking.unranked.length);
      const widths = await page.locator("svg.chart rect.bar").evaluateAll((bars) => bars.map((b) => Number(b.getAttribute("width"))));
      expect(widths).toEqual([...widths].sort((a, b) => b - a)); // ranked by index, so bars shrink
      expect(await page.title()).toContain("Bảng xếp hạng");
    } finally {
      await browser.close();
    }
  }, 60_000);
});
