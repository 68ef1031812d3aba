/**
 * playground: the size of the playground's one script as `npm run build:playground`
 * writes it (dist/playground/playground.js: CodeMirror, the library's browser entry and
 * the embedded examples, minified), and gzipped (level 9) with node:zlib.
 * @module
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import type { BenchResult } from "./harness.js";

/** Runs the benchmark (needs `dist/index.js`: `npm run build`). */
export function benchPlayground(): BenchResult {
  const built = spawnSync(process.execPath, ["playground/build.mjs"], { encoding: "utf8" });
  if (built.status !== 0) throw new Error(`playground build failed:\n${built.stdout}${built.stderr}`);
  const code = readFileSync("dist/playground/playground.js");
  const css = readFileSync("dist/playground/playground.css");
  const html = readFileSync("dist/playground/index.html");
  const gz = gzipSync(code, { level: 9 }).length;
  const total = code.length + css.length + html.length;
  return {
    name: "playground (dist/playground)",
    rows: [
      { name: "playground.js (minified)", medianMs: 0, metric: gz / 1024, unit: "KB min+gz", items: 1, note: `${(code.length / 1024).toFixed(1)} KB minified; page in all (html, css, js) ${(total / 1024).toFixed(1)} KB` },
    ],
    ratios: {},
    targets: [],
  };
}
