/**
 * The checker's private decimal.js clone, and literal parsing with a memo.
 * @module
 */
import Decimal from "decimal.js";

/** A private clone: the checker never touches the user's global Decimal settings. */
export const D = Decimal.clone({ precision: 40 });

// A rubric repeats few distinct literals (`0`, `2`, `100`…) many times, and a Decimal
// is immutable, so one parsed value per text is shared. Bounded so a huge source
// cannot grow the memo without limit.
const MAX_MEMO = 10_000;
const parsed = new Map<string, Decimal>();

/**
 * The exact value of a decimal literal's text.
 * @param text - decimal text as the lexer accepted it (e.g. `"2"`, `"0.5"`), or a fraction `"10/3"`
 */
export function dec(text: string): Decimal {
  let value = parsed.get(text);
  if (value === undefined) {
    // A fraction maximum or weight (`10/3`): 40 digits are enough for the bound warnings
    // that read it here; the sum of maxima is checked exactly (check/exact-max.ts).
    const slash = text.indexOf("/");
    value = slash < 0 ? new D(text) : new D(text.slice(0, slash)).dividedBy(text.slice(slash + 1));
    if (parsed.size < MAX_MEMO) parsed.set(text, value);
  }
  return value;
}
