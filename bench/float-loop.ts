/**
 * The hardware-limit baseline: the generated rubric's scores computed by a hand-written
 * loop over Float64 columns. Same rules, same N/A handling, binary floats (so some
 * published indices come out wrong at the cent).
 * @module
 */
import type { GenRubric, LeafData, LeafKind } from "./gen.js";

const CODE: Readonly<Record<LeafKind, number>> = { bands: 0, prop: 1, deduct: 2, date: 3, percent: 4 };

/** The units' inputs as one Float64Array, unit after unit, two numbers per leaf. */
export interface Columns {
  readonly units: number;
  readonly kinds: Int32Array;
  readonly maxes: Float64Array;
  readonly values: Float64Array;
}

/** Flattens submissions into columns (untimed: the float loop gets pre-parsed numbers). */
export function columns(rubric: GenRubric, subs: readonly { self: Readonly<Record<string, LeafData>> }[]): Columns {
  const leaves = rubric.areas.flatMap((a, i) => a.leaves.map((l) => ({ ...l, area: i })));
  const values = new Float64Array(subs.length * leaves.length * 2);
  subs.forEach((s, u) => {
    leaves.forEach((l, k) => {
      const d = s.self[l.id]!;
      const at = (u * leaves.length + k) * 2;
      switch (l.kind) {
        case "bands": values[at] = Number(d.a); values[at + 1] = Number(d.t); break;
        case "prop": values[at] = Number(d.done); values[at + 1] = Number(d.total); break;
        case "deduct": values[at] = Number(d.errors); break;
        case "date": values[at] = Number(String(d.issued_on).replaceAll("-", "")); break;
        case "percent": values[at] = Number(d.rate); break;
      }
    });
  });
  return { units: subs.length, kinds: Int32Array.from(leaves.map((l) => CODE[l.kind])), maxes: Float64Array.from(leaves.map((l) => l.max)), values };
}

/**
 * Scores every unit; writes each unit's index into `out`.
 * @param c - the columns
 * @param out - one index per unit
 */
export function floatLoop(c: Columns, out: Float64Array): void {
  const n = c.kinds.length;
  const v = c.values;
  for (let u = 0; u < c.units; u++) {
    let points = 0;
    let max = 0;
    for (let k = 0; k < n; k++) {
      const m = c.maxes[k]!;
      const at = (u * n + k) * 2;
      const a = v[at]!;
      const b = v[at + 1]!;
      let p: number;
      switch (c.kinds[k]) {
        case 0: { const r = a / b; p = r >= 1 ? m : r >= 0.8 ? (m * 3) / 4 : r >= 0.5 ? m / 2 : 0; break; }
        case 1: if (b === 0) continue; p = (m * Math.min(a, b)) / b; break;
        case 2: p = Math.max(0, m - 0.25 * a); break;
        case 3: p = a <= 20250115 ? m : m / 2; break;
        default: p = (m * a) / 100;
      }
      points += p;
      max += m;
    }
    out[u] = (points / max) * 100;
  }
}

/** Publishes a float index as an application would: half-up to 2 decimals. */
export function publishFloat(index: number): string {
  return (Math.round(index * 100) / 100).toFixed(2);
}
