/**
 * rank: 1,000,000 results; `rank` (exact keys, published rounding, ties, bands, rows)
 * against sorting the same keys as JS numbers.
 * @module
 */
import { compile } from "../src/compile/compile.js";
import type { EvaluationResult } from "../src/io/evaluate.js";
import { rank } from "../src/rank/rank.js";
import { Exact } from "../src/runtime/exact.js";
import { genRubric, prng } from "./gen.js";
import { ROUNDS, scaled, timeAll, type BenchResult } from "./harness.js";

/** Runs the benchmark. */
export function benchRank(): BenchResult {
  const gen = genRubric(4, 2);
  const source = gen.source.replace(/\}\n$/, 'ranking {\n  by index desc, then area "1" desc\n  ties shared\n  on published\n}\n}\n');
  const compiled = compile(source);
  if (!compiled.ok) throw new Error(`rank rubric does not compile: ${JSON.stringify(compiled.diagnostics[0])}`);
  const rubric = compiled.rubric;
  const n = scaled(1_000_000);
  const r = prng(11);
  const results: EvaluationResult[] = [];
  // The same units as evaluate() writes them when a maximum is rescaled: exact indices
  // that do not end (points / 98.5 × 100 is a fraction), ranked on exact figures.
  const fractions: EvaluationResult[] = [];
  const keys: { index: number; area: number; id: string }[] = [];
  for (let i = 0; i < n; i++) {
    // Four decimals, many ties after publication at two.
    const index = (Math.floor(r() * 1_000_000) / 10_000).toFixed(4);
    const area = (Math.floor(r() * 40) / 4).toString();
    const id = `u${String(i).padStart(7, "0")}`;
    const nodes = Object.fromEntries(rubric.nodes.map((node) => [node.id, { id: node.id, status: "scored" as const, max: node.max, applicable: true, trace: [], points: node.id === "1" ? area : "1" }]));
    results.push({ unit: { id }, rubric: { id: "bench", fingerprint: rubric.fingerprint }, complete: true, errors: [], points: index, max: "100", bonus: "0", penalty: "0", index, nodes });
    const exact = Exact.of(index).times(Exact.int(100)).dividedBy(Exact.of("98.5")).toString();
    fractions.push({ ...results[i]!, max: "98.5", index: exact });
    keys.push({ index: Number(index), area: Number(area), id });
  }
  let ranked = 0;
  const sortKeys = (list: typeof keys): void => {
    [...list].sort((a, b) => b.index - a.index || b.area - a.area || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  };
  const warm = Math.min(n, 100_000);
  const exactOpts = { on: "exact" as const };
  const [sortMs, rankMs, fractionMs] = timeAll(
    [() => sortKeys(keys), () => { ranked = rank(rubric, results).rows.length; }, () => rank(rubric, fractions, exactOpts)],
    Math.min(ROUNDS, 2),
    // Warm up on a tenth: a full extra round of a million rows would double the run.
    [() => sortKeys(keys.slice(0, warm)), () => rank(rubric, results.slice(0, warm)), () => rank(rubric, fractions.slice(0, warm), exactOpts)],
  );
  if (ranked !== n) throw new Error(`rank ranked ${ranked} of ${n}`);
  const ratio = rankMs! / sortMs!;
  return {
    name: `rank (${n} results)`,
    rows: [
      { name: "Array.sort on JS-number keys (baseline)", medianMs: sortMs!, metric: (sortMs! * 1e6) / n, unit: "ns/result", items: n },
      { name: "rank(): exact keys, published rounding, ties, rows", medianMs: rankMs!, metric: (rankMs! * 1e6) / n, unit: "ns/result", items: n },
      { name: "rank() on exact fractional indices (max 98.5), on exact", medianMs: fractionMs!, metric: (fractionMs! * 1e6) / n, unit: "ns/result", items: n },
    ],
    ratios: { "rank ÷ numeric sort": ratio, "rank on exact fractions ÷ numeric sort": fractionMs! / sortMs! },
    targets: [{ target: "rank within 3× of the numeric sort", value: `${ratio.toFixed(1)}×`, met: ratio <= 3 }],
  };
}
