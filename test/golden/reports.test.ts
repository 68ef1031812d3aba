/**
 * Golden reports: the department example's units, evaluated and ranked against an
 * illustrative previous period, rendered in every table format and both locales,
 * compared byte for byte with `examples/par-department/reports/`. Accept reviewed
 * changes with `UPDATE_GOLDEN=1`.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { compile } from "../../src/compile/compile.js";
import { evaluate, evaluateAll } from "../../src/io/evaluate.js";
import { rank } from "../../src/rank/rank.js";
import { renderUnitDetail } from "../../src/report/detail.js";
import { renderRankingHtml } from "../../src/report/html.js";
import { renderRanking, type TableFormat } from "../../src/report/render.js";
import { standingText } from "../../src/report/standing.js";

const folder = join(import.meta.dirname, "../../examples/par-department");
const update = process.env["UPDATE_GOLDEN"] === "1";

function ranking() {
  const compiled = compile(readFileSync(join(folder, "rubric.rubric"), "utf8"));
  if (!compiled.ok) throw new Error("par-department does not compile");
  // The clean units and the deliberately incomplete one, so reports show both kinds.
  const submissions = ["submissions", "incomplete"].flatMap((dir) => readdirSync(join(folder, dir)).sort().map((f) => JSON.parse(readFileSync(join(folder, dir, f), "utf8")) as unknown));
  const previous = JSON.parse(readFileSync(join(folder, "previous.json"), "utf8")) as { unitId: string; rank: number; index: string }[];
  return { rubric: compiled.rubric, result: rank(compiled.rubric, evaluateAll(compiled.rubric, submissions), { previous }) };
}

const FORMATS: readonly [TableFormat, string][] = [["text", "txt"], ["md", "md"], ["csv", "csv"], ["json", "json"]];

describe("golden reports of the department example", () => {
  const { rubric, result } = ranking();
  it.each(FORMATS.flatMap(([format, ext]) => (["vi", "en"] as const).map((locale) => [format, ext, locale] as const)))("%s (%s, %s)", (format, ext, locale) => {
    const text = renderRanking(result, format, locale, rubric.meta.title);
    const file = join(folder, "reports", `ranking.${locale}.${ext}`);
    if (update) {
      mkdirSync(join(folder, "reports"), { recursive: true });
      writeFileSync(file, text);
    }
    expect(existsSync(file), `${file} is missing`).toBe(true);
    expect(text).toBe(readFileSync(file, "utf8"));
  });

  it.each(["vi", "en"] as const)("html (%s)", (locale) => {
    const html = renderRankingHtml(result, rubric, locale);
    const file = join(folder, "reports", `ranking.${locale}.html`);
    if (update) writeFileSync(file, html);
    expect(html).toBe(readFileSync(file, "utf8"));
  });

  it.each((["text", "md", "csv", "json", "html"] as const).flatMap((format) => (["vi", "en"] as const).map((locale) => [format, locale] as const)))(
    "unit detail of so-noi-vu: %s (%s)",
    (format, locale) => {
      const compiled = compile(readFileSync(join(folder, "rubric.rubric"), "utf8"));
      if (!compiled.ok) throw new Error("par-department does not compile");
      // The detail shows how each node was scored: it asks for the traces.
      const outcome = evaluate(compiled.rubric, JSON.parse(readFileSync(join(folder, "submissions", "so-noi-vu.json"), "utf8")), { explain: true });
      if (!outcome.ok) throw new Error("so-noi-vu is invalid");
      // Where it stands among the clean units, as `rubric explain` says it.
      const clean = readdirSync(join(folder, "submissions")).sort().map((f) => JSON.parse(readFileSync(join(folder, "submissions", f), "utf8")) as unknown);
      const standing = standingText(rank(compiled.rubric, evaluateAll(compiled.rubric, clean)), "so-noi-vu", locale, compiled.rubric);
      const text = renderUnitDetail(outcome.result, compiled.rubric, format, locale, standing);
      const file = join(folder, "reports", `detail.so-noi-vu.${locale}.${format === "text" ? "txt" : format}`);
      if (update) writeFileSync(file, text);
      expect(text).toBe(readFileSync(file, "utf8"));
    },
  );

  it("shows published figures with a decimal comma in Vietnamese and the rank changes", () => {
    const vi = renderRanking(result, "text", "vi", "x");
    expect(vi).toMatch(/\d+,\d{2}/);
    expect(vi).toMatch(/tăng \d+ hạng|giảm \d+ hạng|không đổi|mới/);
    expect(vi).toContain("Chưa xếp hạng");
  });
});
