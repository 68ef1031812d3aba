/**
 * What a sensitivity run reports: per unit, the nominal rank, the median and the 5 %
 * and 95 % percentiles of its rank over the samples (nearest-rank definition: the
 * value at position ⌈q × n⌉ of the sorted ranks), and the share of samples in each
 * band; per factor, a first-order sensitivity index of the rank shifts.
 *
 * The output studied is Y = Σ |rank − nominal rank| over the units ranked in a sample
 * (Saisana, Saltelli & Tarantola 2005, the average shift in ranks, without the
 * constant 1/M). The first-order index of factor X is S = Var(E[Y | X]) / Var(Y),
 * estimated from the same samples by the given-data (binning) estimator of Plischke,
 * Borgonovo & Smith (2013): the samples sorted by X are cut into ⌊√N⌋ bins of equal
 * count (a discrete factor: one bin per alternative), and E[Y | X] is each bin's mean.
 * Everything is computed exactly (integers and rationals) and printed rounded.
 * @module
 */
import { bandLabels } from "../rank/groups.js";
import { Exact, text } from "../runtime/exact.js";
import type { Factor } from "./plan.js";
import type { SampleOutcome, SensitivityRun } from "./sensitivity.js";

/**
 * One unit's rank over the samples.
 * @category Analysis
 */
export interface UnitSensitivity {
  /** The unit. */
  readonly unit: {
    /** The unit's id. */ readonly id: string;
    /** Its name, when given. */ readonly name?: string;
  };
  /** Its group ("" when none). */
  readonly group: string;
  /** Its rank with the rubric as it is. */
  readonly nominalRank: number;
  /** Median rank over the samples where it was ranked. */
  readonly median: number;
  /** 5 % percentile of its rank. */
  readonly p5: number;
  /** 95 % percentile of its rank. */
  readonly p95: number;
  /** Samples in which it could not be scored (then it has no rank there). */
  readonly unscored: number;
  /** Samples per band, by label (only when the rubric has bands). */
  readonly bands: Readonly<Record<string, number>>;
}

/**
 * A factor's summary.
 * @category Analysis
 */
export interface FactorSensitivity {
  /** Its name. */
  readonly name: string;
  /** Its kind as written in the plan (`area-weight` is a weight of a top-level area). */
  readonly kind: Factor["kind"];
  /** The node, band or arm it moves (node and arm joined by a NUL for thresholds); "" for all. */
  readonly subject: string;
  /** Whether the plan named it (else reports word the name themselves). */
  readonly named: boolean;
  /** The values it took: `min…max step s`, or the alternatives. */
  readonly values: string;
  /** The rubric's own value (absent for N/A policies). */
  readonly nominal?: string;
  /** First-order index to 3 decimals; absent when the ranks never moved (Var(Y) = 0). */
  readonly firstOrder?: string;
}

/**
 * The result of a sensitivity run.
 * @category Analysis
 */
export interface SensitivityResult {
  /** The rubric. */
  readonly rubric: {
    /** The rubric's id. */ readonly id: string;
    /** Its title. */ readonly title: string;
    /** The compiled rubric's fingerprint. */ readonly fingerprint: string;
  };
  /** Samples drawn. */
  readonly samples: number;
  /** The seed. */
  readonly seed: number;
  /** How samples were drawn. */
  readonly sampling: "quasi" | "uniform";
  /** Band labels of the rubric, in order. */
  readonly bandLabels: readonly string[];
  /** Units ranked with the rubric as it is, in that order. */
  readonly units: readonly UnitSensitivity[];
  /** Units not ranked with the rubric as it is, and why (they are not sampled). */
  readonly unranked: readonly {
    /** The unit. */ readonly unit: {
      /** The unit's id. */ readonly id: string;
      /** Its name, when given. */ readonly name?: string;
    };
    /** Why it is not ranked, in English. */ readonly reason: string;
  }[];
  /** Per factor. */
  readonly factors: readonly FactorSensitivity[];
  /** Mean of Y, the sum of absolute rank shifts per sample, exact to 3 decimals. */
  readonly meanShift: string;
}

/** The value at position ⌈q × n⌉ (q = num / 100) of sorted values. */
function percentile(sorted: Int32Array, num: number): number {
  const n = sorted.length;
  const at = Math.max(1, Math.ceil((num * n) / 100));
  return sorted[at - 1]!;
}

function firstOrder(y: readonly bigint[], levels: Int32Array, factors: number, d: number, discrete: boolean): string | undefined {
  const n = y.length;
  let s = 0n;
  let q = 0n;
  for (const v of y) { s += v; q += v * v; }
  const N = BigInt(n);
  const variance = N * q - s * s;
  if (variance === 0n) return undefined;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => levels[a * factors + d]! - levels[b * factors + d]! || a - b);
  const bins: bigint[][] = [];
  if (discrete) {
    let last = NaN;
    for (const i of order) {
      const l = levels[i * factors + d]!;
      if (l !== last) { bins.push([]); last = l; }
      bins[bins.length - 1]!.push(y[i]!);
    }
  } else {
    const count = Math.max(1, Math.floor(Math.sqrt(n)));
    for (let b = 0; b < count; b++) bins.push(order.slice(Math.floor((b * n) / count), Math.floor(((b + 1) * n) / count)).map((i) => y[i]!));
  }
  let between = Exact.ZERO;
  for (const bin of bins) {
    if (bin.length === 0) continue;
    const sb = bin.reduce((a, v) => a + v, 0n);
    between = between.plus(Exact.fraction(sb * sb, BigInt(bin.length)));
  }
  const index = between.times(Exact.int(N)).minus(Exact.int(s * s)).dividedBy(Exact.int(variance));
  return index.toFixed(3, "half-even");
}

function describe(f: Factor): Pick<FactorSensitivity, "values" | "nominal"> {
  if (f.kind === "na-policy") return { values: f.choices.join(", ") };
  const top = f.min.plus(f.step.times(Exact.int(f.levels - 1)));
  return { values: `${text(f.min)}…${text(top)} step ${text(f.step)}`, nominal: text(f.nominal) };
}

/**
 * Summarises samples (sorted by their first sample, covering every sample once).
 * @param run - the prepared run
 * @param parts - the sample outcomes
 */
export function summariseSamples(run: SensitivityRun, parts: readonly SampleOutcome[]): SensitivityResult {
  const { units, plan, nominal } = run;
  const n = units.units.length;
  const total = parts.reduce((a, p) => a + p.count, 0);
  const factorCount = plan.factors.length;
  const ranks = new Int32Array(total * n);
  const bands = new Int16Array(total * n);
  const levels = new Int32Array(total * factorCount);
  for (const p of parts) {
    ranks.set(p.ranks, p.from * n);
    bands.set(p.bands, p.from * n);
    levels.set(p.levels, p.from * factorCount);
  }
  const place = new Map(units.units.map((u, i) => [u.id, i]));
  const labels = bandLabels(units.rubric);
  const nominalOf = new Map(nominal.rows.map((r) => [r.unit.id, r.rank]));
  const y: bigint[] = new Array<bigint>(total).fill(0n);
  const rows: UnitSensitivity[] = nominal.rows.flatMap((row) => {
    const u = place.get(row.unit.id);
    if (u === undefined) return [];
    const got: number[] = [];
    const shares: Record<string, number> = Object.fromEntries(labels.map((l) => [l, 0]));
    for (let s = 0; s < total; s++) {
      const r = ranks[s * n + u]!;
      if (r === 0) continue;
      got.push(r);
      y[s] = y[s]! + BigInt(Math.abs(r - row.rank));
      const b = bands[s * n + u]!;
      if (b >= 0) shares[labels[b]!] = shares[labels[b]!]! + 1;
    }
    const sorted = Int32Array.from(got).sort();
    const empty = sorted.length === 0;
    return [{
      unit: row.unit, group: row.group, nominalRank: nominalOf.get(row.unit.id)!,
      median: empty ? 0 : percentile(sorted, 50), p5: empty ? 0 : percentile(sorted, 5), p95: empty ? 0 : percentile(sorted, 95),
      unscored: total - sorted.length, bands: shares,
    }];
  });
  const sum = y.reduce((a, v) => a + v, 0n);
  return {
    rubric: { id: units.rubric.meta.id, title: units.rubric.meta.title, fingerprint: units.rubric.fingerprint },
    samples: total, seed: plan.seed, sampling: plan.sampling, bandLabels: labels,
    units: rows,
    unranked: [...nominal.unranked],
    factors: plan.factors.map((f, d) => {
      const fo = firstOrder(y, levels, factorCount, d, f.kind === "na-policy");
      return { name: f.name, kind: f.kind, subject: f.subject, named: f.named, ...describe(f), ...(fo === undefined ? {} : { firstOrder: fo }) };
    }),
    meanShift: Exact.fraction(sum, BigInt(Math.max(1, total))).toFixed(3, "half-even"),
  };
}
