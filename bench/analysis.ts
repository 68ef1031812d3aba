/**
 * sensitivity and what-if: a 10,000-sample sensitivity run of 63 provinces on the
 * par-province rubric through the built CLI (`rubric sensitivity … --workers 1` and
 * `--workers 2`, child processes, wall time including start-up; the two outputs must
 * be byte-identical), and `whatIf` for every unit of par-department in this process.
 * The 63 provinces are the example's six submissions, copied and varied by a seeded
 * generator (counts and percents moved within their declared ranges; a copy the
 * schema refuses is kept unvaried).
 * @module
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { whatIf } from "../src/analysis/whatif.js";
import { compile } from "../src/compile/compile.js";
import { evaluate, evaluateAll } from "../src/io/evaluate.js";
import { rank } from "../src/rank/rank.js";
import { prng } from "./gen.js";
import { scaled, type BenchResult, type Row } from "./harness.js";

/** The province plan: every area's weight, two rule thresholds, the N/A policy, the appraisal scale. */
const PLAN = {
  sampling: "quasi",
  seed: 2022,
  factors: [
    ...["1", "2", "3", "4", "5", "6", "7", "8"].map((node) => ({ kind: "weight", node, min: "0.8", max: "1.2", step: "0.01" })),
    { kind: "threshold", node: "1.1.2", arm: 2, min: "85%", max: "95%", step: "0.5%" },
    { kind: "threshold", node: "6.1", arm: 1, min: "90%", max: "99%", step: "1%" },
    { kind: "na-policy", choices: ["as-declared", "exclude", "zero"] },
    { kind: "appraisal", min: "0", max: "1", step: "0.25" },
  ],
};

function vary(value: unknown, r: () => number): unknown {
  if (typeof value === "number" && Number.isInteger(value)) return Math.max(0, value + Math.round((r() - 0.5) * Math.max(4, value * 0.3)));
  if (Array.isArray(value)) return value.map((v) => (typeof v === "number" ? Math.min(5, Math.max(1, v + Math.round((r() - 0.5) * 2))) : v));
  return value;
}

/** 63 province submissions from the example's six. */
export function provinces(source: string, six: readonly unknown[]): unknown[] {
  const compiled = compile(source);
  if (!compiled.ok) throw new Error("par-province does not compile");
  const r = prng(63);
  return Array.from({ length: 63 }, (_, i) => {
    const base = six[i % six.length] as Record<string, unknown> & { unit: { id: string; name?: string } };
    const copy = structuredClone(base);
    copy.unit = { ...base.unit, id: `tinh-${String(i + 1).padStart(2, "0")}`, name: `Tỉnh ${i + 1} (minh họa)` };
    for (const layer of ["self", "appraisal", "survey"]) {
      const nodes = copy[layer] as Record<string, Record<string, unknown>> | undefined;
      for (const values of Object.values(nodes ?? {})) for (const k of Object.keys(values)) if (k !== "points") values[k] = vary(values[k], r);
    }
    const ok = evaluate(compiled.rubric, copy);
    return ok.ok && ok.result.complete ? copy : { ...structuredClone(base), unit: copy.unit };
  });
}

/** Runs the benchmark (needs `dist/`). */
export function benchAnalysis(): BenchResult {
  const examples = "examples"; // npm run bench runs from the repository root
  const source = readFileSync(join(examples, "par-province/rubric.rubric"), "utf8");
  const six = readdirSync(join(examples, "par-province/submissions")).sort().map((f) => JSON.parse(readFileSync(join(examples, "par-province/submissions", f), "utf8")) as unknown);
  const samples = scaled(10_000);
  const dir = mkdtempSync(join(tmpdir(), "rubric-bench-sens-"));
  const rows: Row[] = [];
  const outputs: string[] = [];
  try {
    writeFileSync(join(dir, "units.json"), JSON.stringify(provinces(source, six)));
    writeFileSync(join(dir, "plan.json"), JSON.stringify(PLAN));
    for (const workers of [1, 2]) {
      const out = join(dir, `out-${workers}.json`);
      const t0 = performance.now();
      const run = spawnSync(process.execPath, ["dist/cli/main.js", "sensitivity", join(examples, "par-province/rubric.rubric"), join(dir, "units.json"), "--plan", join(dir, "plan.json"), "--samples", String(samples), "--workers", String(workers), "--format", "json", "-o", out], { encoding: "utf8" });
      const ms = performance.now() - t0;
      if (run.status !== 0) throw new Error(`rubric sensitivity failed: ${run.stderr}`);
      outputs.push(readFileSync(out, "utf8"));
      rows.push({ name: `rubric sensitivity, ${samples} samples × 63 provinces, --workers ${workers} (child process, wall)`, medianMs: ms, metric: (samples * 1000) / ms, unit: "samples/s", items: samples });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const same = outputs[0] === outputs[1];
  rows[1] = { ...rows[1]!, note: same ? "output byte-identical to --workers 1" : "OUTPUT DIFFERS from --workers 1" };

  // What-if for every unit of par-department: to the next rank up (the first unit: to stay first).
  const dept = compile(readFileSync(join(examples, "par-department/rubric.rubric"), "utf8"));
  if (!dept.ok) throw new Error("par-department does not compile");
  const subs = readdirSync(join(examples, "par-department/submissions")).sort().map((f) => JSON.parse(readFileSync(join(examples, "par-department/submissions", f), "utf8")) as unknown);
  const ranking = rank(dept.rubric, evaluateAll(dept.rubric, subs));
  let listed = 0;
  const t0 = performance.now();
  for (const row of ranking.rows) {
    const out = whatIf(dept.rubric, subs, row.unit.id, { rank: Math.max(1, row.rank - 1) });
    if (out.ok) listed += out.result.steps.length;
  }
  const whatIfMs = performance.now() - t0;
  rows.push({ name: `whatIf for each of the ${ranking.rows.length} par-department units, to the next rank up`, medianMs: whatIfMs, metric: whatIfMs / ranking.rows.length, unit: "ms/unit", items: ranking.rows.length, note: `${listed} changes listed` });
  const wall2 = rows[1]!.medianMs / 1000;
  return {
    name: "sensitivity and what-if",
    rows,
    ratios: { "wall time, 1 worker ÷ 2 workers": rows[0]!.medianMs / rows[1]!.medianMs },
    targets: [
      { target: "10,000-sample sensitivity of 63 provinces under 10 s (2 workers)", value: `${wall2.toFixed(1)} s`, met: samples >= 10_000 && wall2 < 10 },
      { target: "same seed, same bytes with 1 and 2 workers", value: same ? "identical" : "differs", met: same },
    ],
  };
}
