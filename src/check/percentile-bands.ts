/**
 * Checks of percentile groups and of bands per unit group (RL370–RL378): the words of
 * `by percentile <method>` and `from|above percentile <p>`, percentiles within 0–100,
 * groups listed from the highest percentile down and covering every unit, and one
 * bands block per unit group, with a block for the units of no listed group.
 * @module
 */
import { makeDiagnostic, type Diagnostic } from "../diagnostics.js";
import type { BandDecl, BandsBlock, Word } from "../syntax/ast.js";
import { closest } from "../syntax/spelling.js";
import { dec } from "./decimal.js";

const METHODS = ["nearest", "inc", "exc"];

function expectWord(word: Word, expected: string, out: Diagnostic[]): boolean {
  if (word.text === expected) return true;
  out.push(makeDiagnostic("RL370", word.range, { args: { found: word.text, expected }, suggestion: expected }));
  return false;
}

/** The band's own words: `from percentile` or `above percentile`. */
function wordsOk(band: BandDecl, out: Diagnostic[]): boolean {
  const cut = band.percentile!;
  const expected = cut.inclusive ? ["percentile"] : ["above", "percentile"];
  return cut.words.every((w, i) => expectWord(w, expected[i]!, out));
}

/**
 * Checks one bands block's percentile words, numbers, order and coverage.
 * @param block - a `bands` block
 * @param out - where diagnostics go
 */
export function checkPercentileBands(block: BandsBlock, out: Diagnostic[]): void {
  const method = block.method;
  if (method !== undefined && expectWord(method.percentileWord, "percentile", out) && !METHODS.includes(method.method.text)) {
    const suggestion = closest(method.method.text, METHODS);
    out.push(makeDiagnostic("RL370", method.method.range, { args: { found: method.method.text, expected: METHODS.join("|") }, ...(suggestion === undefined ? {} : { suggestion }) }));
  }
  const cuts = block.bands.filter((b) => b.percentile !== undefined);
  if (method !== undefined && cuts.length === 0) out.push(makeDiagnostic("RL375", method.range));
  if (cuts.length === 0) return;
  const earlier: { p: ReturnType<typeof dec>; text: string; inclusive: boolean; line: number }[] = [];
  let otherwise: BandDecl | undefined;
  for (const band of block.bands) {
    if (band.percentile === undefined) {
      if (band.condition === undefined) otherwise ??= band;
      continue;
    }
    if (method === undefined) out.push(makeDiagnostic("RL371", band.range, { suggestion: "by percentile inc" }));
    if (!wordsOk(band, out)) continue;
    const cut = band.percentile;
    const p = dec(cut.text);
    if (p.gt(100)) {
      out.push(makeDiagnostic("RL372", cut.range, { args: { value: cut.text } }));
      continue;
    }
    // A unit ≥ P(q) with q ≥ p is also ≥ P(p) (percentiles never decrease with p): an
    // earlier band at a lower percentile, or the same one at least as inclusive, takes it.
    const taker = earlier.find((e) => e.p.lt(p) || (e.p.eq(p) && (e.inclusive || !cut.inclusive)));
    if (otherwise !== undefined || taker !== undefined) {
      const by = taker === undefined ? { otherwise: "yes", line: otherwise!.range.start.line } : { otherp: taker.text, otherfrom: taker.inclusive ? "yes" : "", line: taker.line };
      out.push(makeDiagnostic("RL373", band.range, { args: { p: cut.text, from: cut.inclusive ? "yes" : "", ...by } }));
      continue;
    }
    earlier.push({ p, text: cut.text, inclusive: cut.inclusive, line: band.range.start.line });
  }
  // Every unit is at or above percentile 0 (the cohort's lowest value).
  const lowest = earlier.reduce<(typeof earlier)[number] | undefined>((low, e) => (low === undefined || e.p.lt(low.p) || (e.p.eq(low.p) && e.inclusive) ? e : low), undefined);
  const coversAll = lowest !== undefined && lowest.p.isZero() && lowest.inclusive;
  if (otherwise === undefined && !coversAll && lowest !== undefined) {
    out.push(makeDiagnostic("RL374", block.bands[block.bands.length - 1]!.range, { args: { p: lowest.text, from: lowest.inclusive ? "yes" : "" }, suggestion: '"…" otherwise' }));
  }
}

/**
 * Checks the blocks together: one per unit group (RL377), and a plain `bands` block
 * when some are for groups, so every unit has bands (RL378).
 * @param blocks - every `bands` block, in source order
 * @param out - where diagnostics go
 */
export function checkBandBlocks(blocks: readonly BandsBlock[], out: Diagnostic[]): void {
  const seen = new Map<string, BandsBlock>();
  for (const b of blocks) {
    const key = b.group === undefined ? "" : `g:${b.group.value}`;
    const first = seen.get(key);
    if (first !== undefined) {
      out.push(makeDiagnostic("RL377", b.group?.range ?? b.range, { args: { whom: b.group === undefined ? "of no listed group" : `of the group "${b.group.value}"`, line: first.range.start.line } }));
    } else seen.set(key, b);
  }
  const groups = [...seen.keys()].filter((k) => k !== "").map((k) => `"${k.slice(2)}"`);
  if (groups.length > 0 && !seen.has("")) out.push(makeDiagnostic("RL378", blocks.find((b) => b.group !== undefined)!.range, { args: { groups: groups.join(", ") } }));
}
