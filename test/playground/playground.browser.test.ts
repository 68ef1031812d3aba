/**
 * The playground as a visitor uses it: built with `node playground/build.mjs`, opened in
 * Debian's Chromium (playwright-core) from a file:// URL. The department example's tree
 * and score must match what the library computes in Node; a typed error must show its
 * diagnostic; an input filled in the form must change the score; the URL fragment must
 * bring the same state back in a new page; every example must load and score its unit
 * as the library does. Skipped, with the reason printed, where
 * Chromium is not installed (`.ci/run` installs it).
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compile } from "../../src/compile/compile.js";
import { evaluate, type EvaluationResult } from "../../src/io/evaluate.js";
import { publishText } from "../../src/runtime/exact.js";
import { cohortOfSubmissions } from "../../src/io/cohort-read.js";
import { needsCohort } from "../../src/runtime/cohort-batch.js";

const CHROMIUM = "/usr/bin/chromium";
const available = existsSync(CHROMIUM);
if (!available) console.log(`playground.browser.test: skipped, ${CHROMIUM} is not installed (apt-get install chromium)`);

const root = join(import.meta.dirname, "../..");
const page = pathToFileURL(join(root, "dist/playground/index.html")).href;
const folder = join(root, "examples/par-department");
const compiled = compile(readFileSync(join(folder, "rubric.rubric"), "utf8"));
if (!compiled.ok) throw new Error("par-department does not compile");
const rubric = compiled.rubric;
const submission = JSON.parse(readFileSync(join(folder, "submissions/so-noi-vu.json"), "utf8")) as { self: Record<string, Record<string, unknown>> };

/** The library's own result, in Node, for the shown unit (optionally with 1.2's late reports changed). */
function expected(lateReports?: number): EvaluationResult {
  const changed = structuredClone(submission);
  if (lateReports !== undefined) changed.self["1.2"]!["late_reports"] = lateReports;
  const outcome = evaluate(rubric, changed);
  if (!outcome.ok || outcome.result.published === undefined) throw new Error("so-noi-vu does not evaluate");
  return outcome.result;
}
const vi = (figure: string): string => figure.replace(".", ",");
const points = (result: EvaluationResult, id: string): string => vi(publishText(result.nodes[id]!.points!, rubric.publish.precision, rubric.publish.rounding));

/** A page expression (the tests' tsconfig has no DOM types): the shown index is `want`. */
const indexIs = (want: string): string => `document.querySelector("#score .index strong")?.textContent === ${JSON.stringify(want)}`;

async function saved(p: Page): Promise<void> {
  await p.waitForFunction("document.documentElement.dataset.state === 'saved'", null, { timeout: 30_000 });
}

describe.skipIf(!available)("the playground in headless Chromium, from a file", () => {
  let browser: Browser;

  beforeAll(async () => {
    const built = spawnSync(process.execPath, [join(root, "playground/build.mjs")], { cwd: root, encoding: "utf8" });
    if (built.status !== 0) throw new Error(`playground build failed:\n${built.stdout}${built.stderr}`);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });
  }, 180_000);
  afterAll(async () => browser?.close());

  it("scores the department example, shows a typed error, rescores an edited input and comes back from its link", async () => {
    const tab = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    const errors: string[] = [];
    tab.on("pageerror", (e) => errors.push(String(e)));
    await tab.goto(page);
    await saved(tab);

    // The example as the library scores it in Node: tree and score.
    const before = expected();
    expect(await tab.locator("#example").inputValue()).toBe("par-department");
    expect(await tab.locator("#score .index strong").innerText()).toBe(vi(before.published!.index));
    expect(await tab.locator("#score .points strong").innerText()).toBe(vi(before.published!.points));
    expect(await tab.locator("#score .band strong").innerText()).toBe("Xuất sắc");
    const areas = tab.locator("#tree > ul.tree > li");
    expect(await areas.count()).toBe(rubric.nodes.length + rubric.extras.length);
    const first = tab.locator('#tree li[data-node="1"] > .row');
    expect(await first.locator(".title").innerText()).toBe("Công tác chỉ đạo, điều hành cải cách hành chính");
    expect(await first.locator(".points").innerText()).toBe(`${points(before, "1")} / 12`);
    expect(await tab.locator("#problems li.warning").count()).toBe(2); // the example's intended RL406 and RL415

    // An error typed into the editor: its diagnostic, in Vietnamese, in the list and as a mark.
    const line = tab.locator(".cm-line", { hasText: "score = max - 0.5 * missing_reports" });
    await line.click();
    await tab.keyboard.press("End");
    await tab.keyboard.type(" * totl");
    const problem = tab.locator('#problems li.error[data-code="RL201"]');
    await problem.waitFor({ timeout: 30_000 });
    expect(await problem.innerText()).toContain("RL201: Không có tên 'totl'.");
    expect(await tab.locator(".cm-lintRange-error").count()).toBeGreaterThan(0);
    expect(await tab.locator("#stale").isVisible()).toBe(true);

    // Taken back out, and a comment added: the rubric compiles again.
    for (let i = 0; i < " * totl".length; i++) await tab.keyboard.press("Backspace");
    await tab.keyboard.type(" // thử lại");
    await tab.waitForFunction(`document.querySelector('#problems li[data-code="RL201"]') === null && document.getElementById("stale").hidden`, null, { timeout: 30_000 });

    // One input in the form: 1.2's late reports, 0 → 4. The score follows.
    const after = expected(4);
    expect(after.published!.index).not.toBe(before.published!.index);
    await tab.fill('[data-node="1.2"][data-input="late_reports"]', "4");
    await tab.waitForFunction(indexIs(vi(after.published!.index)), null, { timeout: 30_000 });
    expect(await tab.locator('#tree li[data-node="1.2"] > .row .points').innerText()).toBe(`${points(after, "1.2")} / 2`);
    await saved(tab);
    const link = tab.url();
    expect(link).toMatch(/#z\./);

    // The link alone brings the same state back.
    const again = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    again.on("pageerror", (e) => errors.push(String(e)));
    await again.goto(link);
    await saved(again);
    expect(await again.locator('[data-node="1.2"][data-input="late_reports"]').inputValue()).toBe("4");
    expect(await again.locator(".cm-content").innerText()).toContain("score = max - 0.5 * missing_reports - 0.25 * late_reports // thử lại");
    expect(await again.locator("#score .index strong").innerText()).toBe(vi(after.published!.index));
    expect(await again.locator("#tree").innerText()).toBe(await tab.locator("#tree").innerText());

    // English on request: labels and a decimal point.
    await again.locator('button[data-lang="en"]').click();
    await again.waitForFunction(indexIs(after.published!.index), null, { timeout: 30_000 });
    expect(await again.locator("#score .index .label").innerText()).toBe("Index");
    expect(errors).toEqual([]);
  }, 180_000);

  it("loads every example and scores its unit as the library does", async () => {
    const tab = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    const errors: string[] = [];
    tab.on("pageerror", (e) => errors.push(String(e)));
    await tab.goto(page);
    await saved(tab);
    const names = await tab.locator("#example option").evaluateAll((options) => options.map((o) => o.getAttribute("value") ?? ""));
    expect([...names].sort()).toEqual(readdirSync(join(root, "examples")).filter((n) => existsSync(join(root, "examples", n, "rubric.rubric"))).sort());
    for (const name of names) {
      const dir = join(root, "examples", name);
      const own = compile(readFileSync(join(dir, "rubric.rubric"), "utf8"));
      if (!own.ok) throw new Error(`${name} does not compile`);
      // The unit the page shows: Sở Nội vụ for the department index, else the first submission by name.
      const file = name === "par-department" ? "so-noi-vu.json" : readdirSync(join(dir, "submissions")).filter((f) => f.endsWith(".json")).sort()[0]!;
      // A rubric with cohort figures: the page scores the unit against the example's units.
      const all = readdirSync(join(dir, "submissions")).filter((f) => f.endsWith(".json")).sort().map((f) => JSON.parse(readFileSync(join(dir, "submissions", f), "utf8")) as unknown);
      const unitOf = JSON.parse(readFileSync(join(dir, "submissions", file), "utf8")) as unknown;
      const outcome = evaluate(own.rubric, unitOf, needsCohort(own.rubric) ? { cohort: cohortOfSubmissions(own.rubric, all) } : {});
      if (!outcome.ok || outcome.result.published === undefined) throw new Error(`${name}/${file} does not evaluate`);
      await tab.locator("#example").selectOption(name);
      await tab.waitForFunction(indexIs(vi(outcome.result.published.index)), null, { timeout: 30_000 });
      expect(await tab.locator("#tree > ul.tree > li").count(), name).toBe(own.rubric.nodes.length + own.rubric.extras.length);
      expect(await tab.locator("#problems li.error").count(), name).toBe(0);
    }
    expect(errors).toEqual([]);
  }, 180_000);

  it("sends 'không phát sinh' for a whole area, as the library scores it", async () => {
    const tab = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await tab.goto(page);
    await saved(tab);
    // Area 3 is not arising for this unit: its policy is exclude, so the index is rescaled.
    const changed = structuredClone(submission) as Record<string, unknown>;
    changed["notApplicable"] = { "3": "không phát sinh" };
    const outcome = evaluate(rubric, changed);
    if (!outcome.ok || outcome.result.published === undefined) throw new Error("so-noi-vu without area 3 does not evaluate");
    expect(outcome.result.published.index).not.toBe(expected().published!.index);
    await tab.locator('[data-node="3"][data-not-arising]').check();
    await tab.waitForFunction(indexIs(vi(outcome.result.published.index)), null, { timeout: 30_000 });
    expect(await tab.locator('#tree li[data-node="3"]').getAttribute("class")).toBe("excluded");
  }, 60_000);
});
