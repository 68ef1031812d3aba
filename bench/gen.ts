/**
 * Deterministic workload generators for the benchmarks: a 100-leaf rubric with five
 * kinds of leaf, its submissions, and a long rubric text for the compile benchmark.
 * @module
 */

/** The five leaf kinds of the generated rubric. */
export type LeafKind = "bands" | "prop" | "deduct" | "date" | "percent";

/** One generated leaf. */
export interface GenLeaf {
  /** Node id (`"3.7"`). */
  readonly id: string;
  /** Which rule it uses. */
  readonly kind: LeafKind;
  /** Its max, a decimal with at most one decimal place. */
  readonly max: number;
}

/** The generated rubric: source text and its leaves in tree order. */
export interface GenRubric {
  /** `.rubric` source. */
  readonly source: string;
  /** Areas (ids `"1"`…) with their leaves. */
  readonly areas: readonly { readonly id: string; readonly leaves: readonly GenLeaf[] }[];
}

const KINDS: readonly LeafKind[] = ["bands", "prop", "deduct", "date", "percent"];
const MAXES = [1, 1.5, 2, 2.5, 3];

/** A seeded PRNG (mulberry32): the same seed gives the same workload. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function rule(kind: LeafKind): string {
  switch (kind) {
    case "bands": return "input a: count, t: count in 1..50\n    score = bands a / t { >= 100%: max; >= 80%: max * 3 / 4; >= 50%: max / 2; else: 0 }";
    case "prop": return "input done: count, total: count\n    when total == 0: exclude\n    score = max * min(done, total) / total";
    case "deduct": return "input errors: count\n    score = max - 0.25 * errors";
    case "date": return "input issued_on: date\n    score = if issued_on <= 2025-01-15 then max else max / 2";
    case "percent": return "input rate: percent in 0..100\n    score = max * rate";
  }
}

/**
 * A rubric of `areas × perArea` leaves under `sum` areas; leaf kinds cycle through
 * bands, proportional with an N/A clause, deduction, date and percent.
 * @param areas - number of areas
 * @param perArea - leaves per area
 */
export function genRubric(areas = 10, perArea = 10): GenRubric {
  const out: { id: string; leaves: GenLeaf[] }[] = [];
  const blocks: string[] = [];
  for (let i = 1; i <= areas; i++) {
    const leaves: GenLeaf[] = [];
    for (let j = 1; j <= perArea; j++) {
      const n = (i - 1) * perArea + j - 1;
      leaves.push({ id: `${i}.${j}`, kind: KINDS[n % KINDS.length]!, max: MAXES[(n * 7) % MAXES.length]! });
    }
    const total = leaves.reduce((s, l) => s + l.max * 10, 0) / 10;
    const items = leaves.map((l) => `  item "${l.id}" "Mục ${l.id}" max ${l.max} {\n    ${rule(l.kind)}\n  }`);
    blocks.push(`area "${i}" "Lĩnh vực ${i}" max ${total} {\n${items.join("\n")}\n}`);
    out.push({ id: String(i), leaves });
  }
  const source = `rubric "Benchmark" {\n  id "bench"\n  publish precision 2 rounding half-up\n  index = points / max * 100\n${blocks.join("\n")}\n}\n`;
  return { source, areas: out };
}

/** A submission's inputs for one leaf. */
export type LeafData = Readonly<Record<string, number | string>>;

function leafData(kind: LeafKind, r: () => number): LeafData {
  const int = (n: number): number => Math.floor(r() * n);
  switch (kind) {
    case "bands": return { a: int(61), t: 1 + int(50) };
    case "prop": {
      const total = r() < 0.05 ? 0 : 1 + int(40);
      return { done: int(total + 6), total };
    }
    case "deduct": return { errors: int(8) };
    case "date": return { issued_on: `2025-01-${String(1 + int(28)).padStart(2, "0")}` };
    case "percent": return { rate: int(10001) / 100 };
  }
}

/**
 * `count` submissions for a generated rubric (self-assessment layer only).
 * @param rubric - the generated rubric
 * @param count - how many units
 * @param seed - PRNG seed
 */
export function genSubmissions(rubric: GenRubric, count: number, seed = 7): { unit: { id: string }; self: Record<string, LeafData> }[] {
  const r = prng(seed);
  const leaves = rubric.areas.flatMap((a) => a.leaves);
  const out: { unit: { id: string }; self: Record<string, LeafData> }[] = [];
  for (let u = 0; u < count; u++) {
    const self: Record<string, LeafData> = {};
    for (const leaf of leaves) self[leaf.id] = leafData(leaf.kind, r);
    out.push({ unit: { id: `u${String(u).padStart(7, "0")}` }, self });
  }
  return out;
}

/**
 * A rubric of about `lines` lines (for the compile benchmark): many areas of items
 * with lets, bands and `when` clauses.
 * @param lines - target line count
 */
export function genLongRubric(lines: number): string {
  const head = 'rubric "Long" {\n  id "long"\n  publish precision 2 rounding half-up\n';
  const parts: string[] = [head];
  let count = 4;
  let area = 0;
  while (count < lines - 1) {
    area++;
    const items: string[] = [];
    let itemCount = 0;
    for (let j = 1; j <= 20 && count + 2 + 6 * (itemCount + 1) < lines; j++, itemCount++) {
      items.push(`  item "${area}.${j}" "Tiêu chí ${area}.${j}" max 2 {\n    input done: count, planned: count in 1..300\n    let rate = done / planned\n    when planned == 0: full\n    score = bands rate { >= 100%: 2; >= 80%: 1.5; >= 50%: 1; else: 0 }\n  }`);
    }
    if (itemCount === 0) break;
    parts.push(`area "${area}" "Lĩnh vực ${area}" max ${2 * itemCount} {\n${items.join("\n")}\n}\n`);
    count += 2 + 6 * itemCount;
  }
  parts.push("}\n");
  return parts.join("");
}
