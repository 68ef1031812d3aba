/**
 * Number literals within the range rubric-lang reads (at most 50 digits before and 50
 * after the decimal point, `compile/number-bounds.ts`): the same bound as a submission's
 * values, so a literal can never make exact arithmetic grow without bound.
 * @module
 */
import type { Range, RubricFile } from "../syntax/ast.js";
import { makeDiagnostic, type Diagnostic } from "../diagnostics.js";
import { MAX_FRACTION_DIGITS, MAX_INTEGER_DIGITS, withinNumberBounds } from "../compile/number-bounds.js";

const DECIMAL = /^[+-]?\d+(\.\d+)?%?$/;
/** How much of a huge literal a message repeats. */
const SHOWN = 24;

interface Located {
  readonly text: string;
  readonly range: Range;
}

const isLocatedNumber = (v: unknown): v is Located =>
  typeof v === "object" && v !== null && typeof (v as { text?: unknown }).text === "string" && typeof (v as { range?: unknown }).range === "object" && DECIMAL.test((v as { text: string }).text);

/**
 * Reports every number literal (max, weight, threshold, bound, expression) outside the
 * bounds, once each. Walks the AST with an explicit stack (no recursion).
 * @param ast - the parsed rubric
 * @param out - where diagnostics go
 */
export function checkLiteralBounds(ast: RubricFile, out: Diagnostic[]): void {
  const stack: unknown[] = [ast];
  const seen = new Set<number>();
  while (stack.length > 0) {
    const value = stack.pop();
    if (typeof value !== "object" || value === null) continue;
    if (isLocatedNumber(value)) {
      const text = value.text.replace(/%$/, "");
      if (!withinNumberBounds(text) && !seen.has(value.range.start.offset)) {
        seen.add(value.range.start.offset);
        // Head and tail of a huge literal, without words a locale would have to translate.
        const shown = text.length > SHOWN ? `${text.slice(0, SHOWN / 2)}…${text.slice(-SHOWN / 2)}` : text;
        out.push(makeDiagnostic("RL305", value.range, { args: { what: "A number", must: `at most ${MAX_INTEGER_DIGITS} digits before and ${MAX_FRACTION_DIGITS} after the decimal point`, value: shown } }));
      }
      continue;
    }
    for (const child of Array.isArray(value) ? value : Object.values(value)) if (typeof child === "object" && child !== null) stack.push(child);
  }
}
