/**
 * Timing: warm-up, rounds, medians; the shape every benchmark reports.
 * @module
 */

import { readFileSync } from "node:fs";

/** One measured contender of a benchmark. */
export interface Row {
  /** What ran. */
  readonly name: string;
  /** Median milliseconds per round. */
  readonly medianMs: number;
  /** The figure the benchmark compares (ns per leaf, MB/s…), with its unit. */
  readonly metric: number;
  /** Unit of `metric`. */
  readonly unit: string;
  /** Work items per round (units, lines, results…). */
  readonly items: number;
  /** Free notes (wrong units, bytes…). */
  readonly note?: string;
}

/** A benchmark's outcome: rows, ratios against the baseline, targets. */
export interface BenchResult {
  /** Benchmark name. */
  readonly name: string;
  /** Measured rows. */
  readonly rows: readonly Row[];
  /** Named ratios (ours ÷ baseline, or baseline ÷ ours, as the name says). */
  readonly ratios: Readonly<Record<string, number>>;
  /** Targets with whether they were met. */
  readonly targets: readonly { readonly target: string; readonly value: string; readonly met: boolean }[];
}

/** Rounds (after one warm-up) unless `BENCH_ROUNDS` says otherwise. */
export const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);

/** Scale factor for the workload sizes (`BENCH_SCALE=0.1` for a quick run). */
export const SCALE = Number(process.env.BENCH_SCALE ?? 1);

/** `n` scaled by {@link SCALE}, at least 1. */
export function scaled(n: number): number {
  return Math.max(1, Math.round(n * SCALE));
}

/** The median of a list of numbers. */
export function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/**
 * Runs `fn` once to warm up, then `rounds` times, and returns the median wall time in ms.
 * @param fn - one round of work
 * @param rounds - rounds to time
 */
export function time(fn: () => void, rounds = ROUNDS): number {
  fn();
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  return median(times);
}

/**
 * Runs several contenders interleaved (A B C, A B C, …) so machine noise hits each
 * alike, after one warm-up run of each (or of `warmUp`, e.g. on a smaller input).
 */
export function timeAll(fns: readonly (() => void)[], rounds = ROUNDS, warmUp?: readonly (() => void)[]): number[] {
  for (const fn of warmUp ?? fns) fn();
  const times = fns.map(() => [] as number[]);
  for (let i = 0; i < rounds; i++) {
    fns.forEach((fn, k) => {
      const t0 = performance.now();
      fn();
      times[k]!.push(performance.now() - t0);
    });
  }
  return times.map(median);
}

/** Formats a number for the table. */
export function fmt(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  if (Math.abs(n) >= 100) return n.toFixed(0);
  if (Math.abs(n) >= 10) return n.toFixed(1);
  return n.toFixed(2);
}

/** Prints a benchmark's table. */
export function print(result: BenchResult): void {
  const lines = [`\n## ${result.name}`, "| contender | median ms/round | metric | items | note |", "|---|---:|---:|---:|---|"];
  for (const r of result.rows) lines.push(`| ${r.name} | ${fmt(r.medianMs)} | ${Number.isFinite(r.metric) ? `${fmt(r.metric)} ${r.unit}` : "—"} | ${r.items} | ${r.note ?? ""} |`);
  for (const [k, v] of Object.entries(result.ratios)) lines.push(`ratio ${k}: ${fmt(v)}`);
  for (const t of result.targets) lines.push(`target ${t.target}: ${t.value} — ${t.met ? "met" : "NOT met"}`);
  console.log(lines.join("\n"));
}

/**
 * Watches a child process's peak resident memory (the kernel's high-water mark,
 * `VmHWM`, on Linux) every `everyMs` while it runs; `stop()` ends the watch and gives
 * the highest figure seen in KB (0 where `/proc` is not there).
 */
export function watchPeakRss(pid: number | undefined, everyMs: number): { stop(): number } {
  let peakKb = 0;
  const poll = setInterval(() => {
    try {
      const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
      if (hwm !== null) peakKb = Math.max(peakKb, Number(hwm[1]));
    } catch {
      // not Linux, or the process has just ended
    }
  }, everyMs);
  return { stop: () => { clearInterval(poll); return peakKb; } };
}
