/**
 * evaluate: a generated 100-leaf rubric × 100,000 units. Contenders: the Float64 loop,
 * the bare runtime (fast and plain paths) on pre-validated inputs, the full public
 * `evaluate()` (validation, layers, runtime twice, result building), json-rules-engine.
 * 100,000 evaluations over 10,000 distinct units; slow contenders run on a prefix of
 * them (the per-leaf cost does not depend on how many).
 * @module
 */
import { compile } from "../src/compile/compile.js";
import { evaluate } from "../src/io/evaluate.js";
import { layered } from "../src/io/layers.js";
import { zodSchemaOf } from "../src/io/schema.js";
import { evaluateUnit } from "../src/runtime/evaluate.js";
import { publishNum } from "../src/runtime/fast-num.js";
import { kernelOf } from "../src/runtime/kernel.js";
import { readColumns } from "../src/runtime/kernel-columns.js";
import type { UnitInputs } from "../src/runtime/result.js";
import { columns, floatLoop, publishFloat } from "./float-loop.js";
import { genRubric, genSubmissions } from "./gen.js";
import { ROUNDS, scaled, time, type BenchResult, type Row } from "./harness.js";
import { buildEngine, factsOf, scoreWithEngine } from "./rules-engine.js";

/** Runs the benchmark. */
export async function benchEvaluate(): Promise<BenchResult> {
  const gen = genRubric(10, 10);
  const leaves = 100;
  const compiled = compile(gen.source);
  if (!compiled.ok) throw new Error(`generated rubric does not compile: ${JSON.stringify(compiled.diagnostics[0])}`);
  const rubric = compiled.rubric;
  // 100,000 evaluations cycle through 10,000 distinct units (validated once; keeping
  // 100,000 parsed units, 10 million typed values, would measure the garbage collector).
  const units = scaled(100_000);
  const distinct = Math.min(units, scaled(10_000));
  const plainUnits = Math.min(units, scaled(2_000));
  const slow = Math.min(units, scaled(1_000));
  const engineUnits = Math.min(units, scaled(500));
  const subs = genSubmissions(gen, distinct);
  const schema = zodSchemaOf(rubric);
  const inputs: UnitInputs[] = subs.map((s) => {
    const parsed = schema.safeParse(s);
    if (!parsed.success) throw new Error(`generated submission invalid: ${parsed.error.message}`);
    return layered(parsed.data).final;
  });
  const few = Math.min(ROUNDS, 2);

  // Ours, all units: the exact published indices, also the reference for the float check.
  const ours: string[] = new Array(distinct);
  for (let u = 0; u < distinct; u++) ours[u] = evaluateUnit(rubric, inputs[u]!).published!.index;
  const fast = time(() => {
    for (let u = 0; u < units; u++) evaluateUnit(rubric, inputs[u % distinct]!);
  }, few);
  // The kernel alone, as sensitivity runs it: columns read once, then every unit's node
  // points, total, index and published index; no result objects.
  const kernel = kernelOf(rubric);
  const kernelCols = readColumns(kernel.layout, inputs);
  const scores = kernel.scores();
  const { precision, rounding } = rubric.publish;
  let kernelWrong = 0;
  for (let u = 0; u < distinct; u++) {
    if (!kernel.run(kernelCols, u, kernel.defaults, scores) || publishNum(scores.index, precision, rounding) !== ours[u]) kernelWrong++;
  }
  const kernelMs = time(() => {
    for (let u = 0; u < units; u++) {
      const row = u % distinct;
      if (!kernel.run(kernelCols, row, kernel.defaults, scores)) throw new Error(`kernel gave up on unit ${row}`);
      publishNum(scores.index, precision, rounding);
    }
  });
  const plain = time(() => {
    for (let u = 0; u < plainUnits; u++) evaluateUnit(rubric, inputs[u]!, { plain: true });
  }, few);
  const full = time(() => {
    for (let u = 0; u < slow; u++) evaluate(rubric, subs[u]);
  }, few);
  const validate = time(() => {
    for (let u = 0; u < slow; u++) layered(schema.parse(subs[u]));
  }, few);
  // The runtime as evaluate() calls it: both layers of the same units.
  const layers = subs.slice(0, slow).map((s) => layered(schema.parse(s)));
  const twice = time(() => {
    for (const l of layers) {
      evaluateUnit(rubric, l.final);
      evaluateUnit(rubric, l.self);
    }
  }, few);

  const cols = columns(gen, Array.from({ length: units }, (_, u) => subs[u % distinct]!));
  const floats = new Float64Array(units);
  const float = time(() => floatLoop(cols, floats));
  let wrong = 0;
  for (let u = 0; u < distinct; u++) if (publishFloat(floats[u]!) !== ours[u]) wrong++;

  const engine = buildEngine(gen);
  const facts = subs.slice(0, engineUnits).map((s) => factsOf(s.self));
  let engineWrong = 0;
  const runEngine = async (): Promise<void> => {
    engineWrong = 0;
    for (let u = 0; u < engineUnits; u++) if (publishFloat(await scoreWithEngine(engine, facts[u]!)) !== ours[u]) engineWrong++;
  };
  await runEngine();
  const engineTimes: number[] = [];
  for (let i = 0; i < few; i++) {
    const t0 = performance.now();
    await runEngine();
    engineTimes.push(performance.now() - t0);
  }
  engineTimes.sort((a, b) => a - b);
  const engineMs = engineTimes[engineTimes.length >> 1]!;

  const ns = (ms: number, n: number): number => (ms * 1e6) / (n * leaves);
  const row = (name: string, ms: number, n: number, note?: string): Row => ({ name, medianMs: ms, metric: ns(ms, n), unit: "ns/leaf", items: n, ...(note === undefined ? {} : { note }) });
  const rows = [
    row("Float64 loop (baseline a)", float, units, `${wrong} of ${distinct} distinct units' published indices wrong at the cent`),
    row("runtime evaluateUnit (kernel + UnitResult), pre-validated", fast, units, `final layer only, full UnitResult without traces; ${distinct} distinct units`),
    row("runtime evaluateUnit, plain path, pre-validated", plain, plainUnits),
    row("validation + layers only (zod schema, layered)", validate, slow),
    row("runtime kernel ×2 (final and self layers), same units as evaluate()", twice, slow),
    row("public evaluate(): validate + layers + runtime ×2 + result", full, slow),
    row("  of which building the layered result (derived: evaluate() − the two rows above)", full - validate - twice, slow, "derived"),
    row("json-rules-engine 7.3.1 (baseline b)", engineMs, engineUnits, `${engineWrong} of ${engineUnits} published indices wrong at the cent`),
    row("scores-only kernel on column arrays (points, total, index, published index)", kernelMs, units, `${kernelWrong} of ${distinct} published indices differ from evaluateUnit`),
  ];
  const per = (i: number): number => rows[i]!.metric;
  const ratios = {
    "runtime ÷ Float64 loop": per(1) / per(0),
    "public evaluate() ÷ Float64 loop": per(5) / per(0),
    "json-rules-engine ÷ runtime": per(7) / per(1),
    "json-rules-engine ÷ public evaluate()": per(7) / per(5),
    "plain runtime ÷ runtime": per(2) / per(1),
    "kernel ÷ Float64 loop": per(8) / per(0),
    "json-rules-engine ÷ kernel": per(7) / per(8),
  };
  return {
    name: "evaluate (100 leaves)",
    rows,
    ratios,
    targets: [
      { target: "kernel within 5× of the Float64 loop (issue 17)", value: `${ratios["kernel ÷ Float64 loop"].toFixed(1)}×`, met: ratios["kernel ÷ Float64 loop"] <= 5 },
      { target: "kernel ≥ 300× faster than json-rules-engine (issue 17)", value: `${ratios["json-rules-engine ÷ kernel"].toFixed(0)}×`, met: ratios["json-rules-engine ÷ kernel"] >= 300 },
      { target: "within 5× of the Float64 loop (bare runtime)", value: `${ratios["runtime ÷ Float64 loop"].toFixed(0)}×`, met: ratios["runtime ÷ Float64 loop"] <= 5 },
      { target: "≥ 300× faster than json-rules-engine (bare runtime)", value: `${ratios["json-rules-engine ÷ runtime"].toFixed(1)}×`, met: ratios["json-rules-engine ÷ runtime"] >= 300 },
      { target: "≥ 300× faster than json-rules-engine (public evaluate())", value: `${ratios["json-rules-engine ÷ public evaluate()"].toFixed(1)}×`, met: ratios["json-rules-engine ÷ public evaluate()"] >= 300 },
    ],
  };
}
