/**
 * Lowers a `bands` block: its bands (conditions, percentile cut-offs, `otherwise`),
 * its percentile method and the unit group it is for.
 * @module
 */
import type { BandsBlock } from "../syntax/ast.js";
import { canonicalDecimal } from "./decimal-text.js";
import { lowerExpr, type ExprContext } from "./lower-expr.js";
import type { CompiledBand, CompiledBandBlock, PercentileMethod } from "./types.js";

/** A lowered block: a {@link CompiledBandBlock} when it names a group, else the rubric's own bands. */
export type LoweredBands = Omit<CompiledBandBlock, "group"> & { readonly group?: string };

const RUBRIC_LEVEL: ExprContext = { inputs: new Set(), lets: new Set(), rubricLevel: true };

/**
 * The compiled bands of a checked block (the checker has accepted its words and numbers).
 * @param block - the `bands` block
 */
export function lowerBandsBlock(block: BandsBlock): LoweredBands {
  const bands: CompiledBand[] = block.bands.map((b) => {
    if (b.percentile !== undefined) return { label: b.label.value, cut: { percentile: canonicalDecimal(b.percentile.text), inclusive: b.percentile.inclusive } };
    return b.condition === undefined ? { label: b.label.value } : { label: b.label.value, when: lowerExpr(b.condition, RUBRIC_LEVEL) };
  });
  const method = block.method?.method.text as PercentileMethod | undefined;
  return {
    ...(block.group === undefined ? {} : { group: block.group.value }),
    ...(method === undefined ? {} : { method }),
    bands,
  };
}
