/**
 * `rubric sensitivity RUBRIC DATA… [--plan FILE] [--samples N] [--seed S] [--workers N]`:
 * how robust each unit's rank is to the choices behind the index. Samples are split
 * between worker threads; the output is byte-identical for any number of workers.
 * @module
 */
import { planProblemText } from "../analysis/plan-wording.js";
import { Worker } from "node:worker_threads";
import { prepareSensitivity, runSamples, summarise, type SampleOutcome, type SensitivityRun } from "../analysis/sensitivity.js";
import { renderSensitivity, renderSensitivityHtml } from "../analysis/render-sensitivity.js";
import type { CompiledRubric } from "../compile/types.js";
import type { Locale } from "../diagnostics.js";
import type { TableFormat } from "../report/render.js";
import { readAnalysisInput, readJsonFile } from "./analysis-data.js";
import { MESSAGES } from "../io/messages.js";
import { EXIT, inputOverwritten, writeFileAtomic, type Output } from "./io.js";

/** Options of `sensitivity`. */
export interface SensitivityOptions {
  readonly plan?: string;
  readonly samples?: number;
  readonly seed?: number;
  readonly sampling?: "quasi" | "uniform";
  readonly workers: number;
  readonly format: TableFormat | "html";
  readonly lang: Locale;
  /** `--lang` when it was given: data files are read in it; else as the rubric's locale, forms as made. */
  readonly dataLang?: Locale;
  readonly output?: string;
}

/**
 * The plan used without `--plan`: every top-level area's weight from 0.8 to 1.2 (step
 * 0.01), and the N/A policy alternatives.
 * @param rubric - the rubric
 */
export function defaultPlan(rubric: CompiledRubric): unknown {
  return {
    factors: [
      ...rubric.nodes.map((n) => ({ kind: "weight", node: n.id, min: "0.8", max: "1.2", step: "0.01" })),
      { kind: "na-policy", choices: ["as-declared", "exclude", "zero", "full"] },
    ],
  };
}

function inWorkers(run: SensitivityRun, job: { rubric: CompiledRubric; submissions: readonly unknown[]; plan: unknown; overrides: object }, workers: number): Promise<SampleOutcome[]> {
  const total = run.plan.samples;
  const ranges = Array.from({ length: workers }, (_, w) => ({ from: Math.floor((w * total) / workers), to: Math.floor(((w + 1) * total) / workers) })).filter((r) => r.to > r.from);
  return Promise.all(ranges.map((r) => new Promise<SampleOutcome>((resolve, reject) => {
    const worker = new Worker(new URL("./sensitivity-worker.js", import.meta.url), { workerData: { ...job, from: r.from, count: r.to - r.from } });
    worker.once("message", (m: { ok: true; out: SampleOutcome } | { ok: false; problems: string[] }) => (m.ok ? resolve(m.out) : reject(new Error(m.problems.join("; ")))));
    worker.once("error", reject);
    worker.once("exit", (code) => {
      if (code !== 0) reject(new Error(`a worker stopped with code ${code}`));
    });
  })));
}

/**
 * Runs a sensitivity analysis and prints the report. Exit 1 when the rubric, the plan
 * or a data file cannot be used.
 * @param rubricFile - the rubric
 * @param dataFiles - submissions
 * @param options - plan, sampling, workers, format, language, output
 * @param io - output sinks
 */
export async function runSensitivity(rubricFile: string, dataFiles: readonly string[], options: SensitivityOptions, io: Output): Promise<number> {
  const inputs = [rubricFile, ...dataFiles, ...(options.plan === undefined ? [] : [options.plan])];
  const clash = options.output === undefined ? undefined : inputOverwritten(options.output, inputs);
  if (clash !== undefined) {
    io.err(MESSAGES.outputIsInput(options.lang, "sensitivity", options.output!, clash));
    return EXIT.usage;
  }
  const input = await readAnalysisInput(rubricFile, dataFiles, options.lang, io, options.dataLang);
  if (input === undefined) return EXIT.findings;
  const plan = options.plan === undefined ? defaultPlan(input.rubric) : readJsonFile(options.plan, io, options.lang);
  if (plan === undefined) return EXIT.findings;
  const overrides = { ...(options.samples === undefined ? {} : { samples: options.samples }), ...(options.seed === undefined ? {} : { seed: options.seed }), ...(options.sampling === undefined ? {} : { sampling: options.sampling }) };
  const prepared = prepareSensitivity(input.rubric, input.submissions, plan, overrides);
  if (!prepared.ok) {
    for (const p of prepared.problems) io.err(options.plan === undefined ? planProblemText(p, options.lang) : `${options.plan}: ${planProblemText(p, options.lang)}`);
    return EXIT.findings;
  }
  const { run } = prepared;
  const parts = options.workers <= 1 ? [runSamples(run, 0, run.plan.samples)] : await inWorkers(run, { rubric: input.rubric, submissions: input.submissions, plan, overrides }, options.workers);
  const result = summarise(run, parts);
  const text = options.format === "html" ? renderSensitivityHtml(result, options.lang) : renderSensitivity(result, options.format, options.lang);
  if (options.output === undefined) io.out(text);
  else {
    const failure = writeFileAtomic(options.output, text, options.lang);
    if (failure !== undefined) {
      io.err(failure);
      return EXIT.findings;
    }
  }
  return input.problems ? EXIT.findings : EXIT.ok;
}
