/**
 * lsp: how long an author waits for diagnostics in a long rubric. The built
 * `rubric lsp` runs as a child process (JSON-RPC over stdio, the debounce set to 0 so
 * every edit is analysed); 100 edits are typed into the generated 5,000-line rubric one
 * character at a time — a new `let` line typed in, then deleted — and each
 * `didChange` is timed until its `publishDiagnostics` arrives. Most intermediate texts
 * do not parse, as when a person types. In process, for comparison: the server's path
 * (block re-parse) with its CPU time, and the whole text analysed for each of the
 * same 100 texts.
 * @module
 */
import { join } from "node:path";
import { analyse, analyseEdits } from "../src/lsp/analysis.js";
import { IncrementalParse } from "../src/lsp/incremental.js";
import { LineIndex } from "../src/lsp/line-index.js";
import { LspClient } from "../test/lsp/client.js";
import { genLongRubric } from "./gen.js";
import { median, scaled, type BenchResult } from "./harness.js";

const TYPED = "    let share = min(rate, 1) * max / 2 + done / 100";
const LIMIT_MS = 150;

function percentile(values: readonly number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
}

/** Runs the benchmark (needs the built CLI: `npm run build`). */
export async function benchLsp(): Promise<BenchResult> {
  const text = genLongRubric(scaled(5_000));
  const lines = new LineIndex(text);
  // After the `let rate` line of the item in the middle of the file.
  const anchor = text.indexOf("    let rate = done / planned\n", Math.floor(text.length / 2)) + "    let rate = done / planned".length;
  const at = lines.positionAt(anchor);
  const edits: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; text: string }[] = [];
  const texts: string[] = [];
  let current = text;
  const point = (line: number, character: number) => ({ line, character });
  edits.push({ range: { start: at, end: at }, text: "\n" });
  for (let i = 0; i < TYPED.length; i++) edits.push({ range: { start: point(at.line + 1, i), end: point(at.line + 1, i) }, text: TYPED[i]! });
  for (let i = TYPED.length; i > 0; i--) edits.push({ range: { start: point(at.line + 1, i - 1), end: point(at.line + 1, i) }, text: "" });
  for (const e of edits.slice(0, 100)) {
    const index = new LineIndex(current);
    current = current.slice(0, index.offsetAt(e.range.start)) + e.text + current.slice(index.offsetAt(e.range.end));
    texts.push(current);
  }

  const client = new LspClient(["lsp", "--stdio"], join(process.cwd(), "dist/cli/main.js"));
  const uri = "file:///bench/long.rubric";
  const times: number[] = [];
  let errorsSeen = 0;
  try {
    await client.request("initialize", { processId: process.pid, rootUri: null, capabilities: {}, initializationOptions: { locale: "vi", diagnosticsDelay: 0 } });
    client.notify("initialized", {});
    client.notify("textDocument/didOpen", { textDocument: { uri, languageId: "rubric", version: 1, text } });
    const isVersion = (v: number) => (n: { method: string; params: unknown }): boolean => n.method === "textDocument/publishDiagnostics" && (n.params as { version?: number }).version === v;
    await client.waitFor(isVersion(1));
    for (let i = 0; i < 100; i++) {
      const version = i + 2;
      const from = client.notifications.length;
      const t0 = performance.now();
      client.notify("textDocument/didChange", { textDocument: { uri, version }, contentChanges: [edits[i]] });
      const published = await client.waitFor(isVersion(version), from);
      times.push(performance.now() - t0);
      if ((published.params as { diagnostics: { severity: number }[] }).diagnostics.some((d) => d.severity === 1)) errorsSeen++;
    }
    await client.request("shutdown", null);
    client.notify("exit", null);
    await client.exited;
  } finally {
    client.kill();
  }

  const inProcess = texts.map((t) => {
    const t0 = performance.now();
    analyse(t, "vi");
    return performance.now() - t0;
  });
  // The server's own path in process, with CPU time beside wall time (the CPU time is what
  // an idle machine would take; this one is shared with other builds).
  const first = analyse(text, "vi");
  let blocks = first.parsed === undefined ? undefined : IncrementalParse.from(text, first.parsed.ast);
  const quickWall: number[] = [];
  const quickCpu: number[] = [];
  let fallbacks = 0;
  for (let i = 0; i < 100; i++) {
    const before = i === 0 ? text : texts[i - 1]!;
    const index = new LineIndex(before);
    const e = edits[i]!;
    const edit = { start: index.offsetAt(e.range.start), end: index.offsetAt(e.range.end), text: e.text };
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    let result = blocks === undefined ? undefined : analyseEdits(blocks, [edit], texts[i]!, "vi");
    if (result === undefined) {
      fallbacks++;
      result = analyse(texts[i]!, "vi");
      blocks = result.parsed === undefined ? undefined : IncrementalParse.from(texts[i]!, result.parsed.ast);
    }
    const c = process.cpuUsage(c0);
    quickCpu.push((c.user + c.system) / 1000);
    quickWall.push(performance.now() - t0);
  }
  const under = times.filter((t) => t < LIMIT_MS).length;
  const row = (name: string, values: readonly number[], note: string) => ({ name, medianMs: median(values), metric: percentile(values, 95), unit: "ms p95", items: values.length, note });
  return {
    name: `lsp (100 edits typed into a ${lines.lineCount.toLocaleString("en")}-line rubric)`,
    rows: [
      row("rubric lsp: didChange → publishDiagnostics", times, `max ${Math.max(...times).toFixed(0)} ms; ${under} of 100 under ${LIMIT_MS} ms; ${errorsSeen} updates carried a syntax error`),
      row("the server's analysis in process: block re-parse, check, wording", quickWall, `max ${Math.max(...quickWall).toFixed(0)} ms; CPU time median ${median(quickCpu).toFixed(1)} ms, max ${Math.max(...quickCpu).toFixed(0)} ms; ${fallbacks} whole-text fallbacks`),
      row("whole-text analyse() in process, same 100 texts (parse, check, Vietnamese wording)", inProcess, `max ${Math.max(...inProcess).toFixed(0)} ms`),
    ],
    ratios: { "protocol round trip ÷ in-process analysis (medians)": median(times) / median(inProcess) },
    targets: [{ target: `every diagnostics update under ${LIMIT_MS} ms`, value: `${under} of 100 (max ${Math.max(...times).toFixed(0)} ms)`, met: under === 100 }],
  };
}
