/**
 * size: the `rubric-lang` and `rubric-lang/runtime` entry points bundled for the browser
 * (esbuild, minified), gzipped with node:zlib; and the runtime without decimal.js, and
 * decimal.js alone, to say what the runtime's remaining gap to its target is made of;
 * and the runtime bundle's minified bytes by part (esbuild's metafile of
 * `src/runtime-entry.ts`), to say where its size is.
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

// The runtime bundle's parts, first match wins (paths as esbuild's metafile names them).
const PARTS: readonly (readonly [string, RegExp])[] = [
  ["loadCompiled's shape and invariant checks (src/compile/)", /^src\/compile\/(check-compiled|shape|invariant)/],
  ["the rest of src/compile/ (load, fingerprint, SHA-256, canonical JSON)", /^src\/compile\//],
  ["scores-only kernel (src/runtime/kernel*, fast-num)", /^src\/runtime\/(kernel|fast-num)/],
  ["cohort figures and eligibility (src/runtime/)", /^src\/runtime\/(cohort|eligible)/],
  ["plain evaluator and exact numbers (the rest of src/runtime/)", /^src\/runtime\//],
  ["issue codes by message pattern (src/io/issue-codes.ts)", /^src\/io\/issue-codes/],
  ["submission reading and evaluate() (the rest of src/io/)", /^src\/io\//],
  ["ranking (src/rank/)", /^src\/rank\//],
  ["anything else", /./],
];

/** Minified bytes of the runtime entry by part (from source: within a few hundred bytes of dist/runtime.js). */
async function runtimeParts(): Promise<Row[]> {
  const out = await build({ entryPoints: ["src/runtime-entry.ts"], bundle: true, minify: true, platform: "browser", format: "esm", write: false, logLevel: "silent", metafile: true });
  const inputs = Object.values(out.metafile.outputs)[0]!.inputs;
  const bytes = new Map<string, number>(PARTS.map(([name]) => [name, 0]));
  for (const [path, { bytesInOutput }] of Object.entries(inputs)) {
    const part = PARTS.find(([, re]) => re.test(path))![0];
    bytes.set(part, bytes.get(part)! + bytesInOutput);
  }
  return [...bytes].filter(([, b]) => b > 0).map(([name, b]) => ({ name: `runtime part: ${name}`, medianMs: 0, metric: b / 1024, unit: "KB minified", items: 1 }));
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
      ...(await runtimeParts()),
    ],
    ratios: {},
    targets: [
      { target: "runtime bundle ≤ 25 KB min+gz", value: `${(runtime.gz / 1024).toFixed(1)} KB`, met: runtime.gz <= 25 * 1024 },
      { target: "full bundle ≤ 80 KB min+gz", value: `${(full.gz / 1024).toFixed(1)} KB`, met: full.gz <= 80 * 1024 },
    ],
  };
}
