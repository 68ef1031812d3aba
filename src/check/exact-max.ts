/**
 * Maxima and weights as exact numbers: a number or a fraction `a/b` (`max 10/3`,
 * `weight 1/3`). The checker reads them as exact rationals, so three children of
 * `max 10/3` add up to their parent's `max 10` with no mismatch, and reports a zero
 * denominator (RL340), a weight of 0 (RL341) and a numerator or denominator beyond the
 * bounds of a number (RL305).
 * @module
 */
import type { CriterionNode, ExtraNode, Range, RubricFile } from "../syntax/ast.js";
import { makeDiagnostic, type Diagnostic } from "../diagnostics.js";
import { MAX_FRACTION_DIGITS, MAX_INTEGER_DIGITS, withinNumberBounds } from "../compile/number-bounds.js";
import { Exact } from "../runtime/exact.js";

/**
 * The exact value of a maximum or weight as written (`"2.5"`, `"10/3"`).
 * @param text - the text the parser kept
 * @returns the value, or undefined for a zero denominator or a number beyond the bounds
 */
export function exactOf(text: string): Exact | undefined {
  return text.split("/").every(withinNumberBounds) ? Exact.parse(text) : undefined;
}

/**
 * Reports the maxima and weights that have no exact value (RL340, RL305) and weights
 * of 0 (RL341), for every node and bonus or penalty block.
 * @param ast - the parsed rubric
 * @param out - where diagnostics go
 */
export function checkExactNumbers(ast: RubricFile, out: Diagnostic[]): void {
  const stack: (CriterionNode | ExtraNode)[] = ast.body.filter((st): st is CriterionNode | ExtraNode => st.kind === "Node" || st.kind === "Extra");
  while (stack.length > 0) {
    const node = stack.pop()!;
    checkOne(node.max.text, node.max.range, `The max of "${node.id.value}"`, out);
    if (node.kind === "Node") {
      for (const option of node.options) {
        if (option.kind !== "Weight") continue;
        const weight = checkOne(option.text, option.range, `The weight of "${node.id.value}"`, out);
        if (weight !== undefined && weight.isZero()) out.push(makeDiagnostic("RL341", option.range, { args: { id: node.id.value, value: option.text } }));
      }
      for (const st of node.body) if (st.kind === "Node") stack.push(st);
    }
  }
}

function checkOne(text: string, range: Range, what: string, out: Diagnostic[]): Exact | undefined {
  // A plain number is checked by checkLiteralBounds; only a fraction's parts are checked here.
  if (!text.includes("/")) return exactOf(text);
  const parts = text.split("/");
  const beyond = parts.find((part) => !withinNumberBounds(part));
  if (beyond !== undefined) {
    out.push(makeDiagnostic("RL305", range, { args: { what: "A number", must: `at most ${MAX_INTEGER_DIGITS} digits before and ${MAX_FRACTION_DIGITS} after the decimal point`, value: beyond.length > 24 ? `${beyond.slice(0, 12)}…${beyond.slice(-12)}` : beyond } }));
    return undefined;
  }
  const value = Exact.parse(text);
  if (value === undefined) out.push(makeDiagnostic("RL340", range, { args: { what, value: text } }));
  return value;
}
