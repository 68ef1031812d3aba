/**
 * size: the `rubric-lang` and `rubric-lang/runtime` entry points bundled for the browser
 * (esbuild, minified), gzipped with node:zlib; and the runtime without decimal.js, and
 * decimal.js alone, to say what the runtime's remaining gap to its target is made of.
 * @module
 */
import { build } from "esbuild";
import { gzipSync } from "node:zlib";
import type { BenchResult, Row } from "./harness.js";

async function sizeOf(entry: string, external: string[] = []): Promise<{ min: number; gz: number }> {
  const out = await build({ entryPoints: [entry], bundle: true, minify: true, platform: "browser", format: "esm", write: false, logLevel: "silent", external });
  const code = out.outputFiles[0]!.contents;
  return { min: code.length, gz: gzipSync(code, { level: 9 }).length };
}

/** Runs the benchmark (needs `dist/`: `npm run build`). */
export async function benchSize(): Promise<BenchResult> {
  const runtime = await sizeOf("dist/runtime.js");
  const full = await sizeOf("dist/index.js");
  const withoutDecimal = await sizeOf("dist/runtime.js", ["decimal.js"]);
  const decimal = await sizeOf("node_modules/decimal.js/decimal.mjs");
  const row = (name: string, s: { min: number; gz: number }): Row => ({ name, medianMs: 0, metric: s.gz / 1024, unit: "KB min+gz", items: 1, note: `${(s.min / 1024).toFixed(1)} KB minified` });
  return {
    name: "size (browser bundles)",
    rows: [
      row("rubric-lang/runtime (dist/runtime.js)", runtime),
      row("rubric-lang (dist/index.js)", full),
      row("rubric-lang/runtime without decimal.js", withoutDecimal),
      row("decimal.js 10.6.0 alone", decimal),
    ],
    ratios: {},
    targets: [
      { target: "runtime bundle ≤ 25 KB min+gz", value: `${(runtime.gz / 1024).toFixed(1)} KB`, met: runtime.gz <= 25 * 1024 },
      { target: "full bundle ≤ 80 KB min+gz", value: `${(full.gz / 1024).toFixed(1)} KB`, met: full.gz <= 80 * 1024 },
    ],
  };
}
