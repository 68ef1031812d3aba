/**
 * Go to definition and find references for inputs, lets, unit facts, enum members
 * and node ids (a ranking key `area "1"` leads to area 1, and back).
 * @module
 */
import type { Parsed } from "./analysis.js";
import { occurrenceAt, sameSymbol } from "./symbols.js";

/** An offset span in the document. */
export interface Span {
  /** First offset. */
  readonly start: number;
  /** Offset just after. */
  readonly end: number;
}

/**
 * Where the name under the cursor is declared (several places for a name declared
 * twice, which the checker reports).
 * @param parsed - the document's parse
 * @param offset - the cursor
 */
export function definitionsAt(parsed: Parsed, offset: number): Span[] {
  const index = parsed.symbols();
  const o = occurrenceAt(index, offset);
  if (o === undefined) return [];
  return index.occurrences.filter((x) => x.definition && sameSymbol(x, o)).map(span).sort(bySource);
}

/**
 * Every place the name under the cursor is written, in source order.
 * @param parsed - the document's parse
 * @param offset - the cursor
 * @param includeDeclaration - whether declarations count
 */
export function referencesAt(parsed: Parsed, offset: number, includeDeclaration: boolean): Span[] {
  const index = parsed.symbols();
  const o = occurrenceAt(index, offset);
  if (o === undefined) return [];
  return index.occurrences.filter((x) => sameSymbol(x, o) && (includeDeclaration || !x.definition)).map(span).sort(bySource);
}

function span(o: Span): Span {
  return { start: o.start, end: o.end };
}

function bySource(a: Span, b: Span): number {
  return a.start - b.start;
}
