/**
 * The runtime's one private decimal.js clone: 40 significant digits (a division keeps
 * at least 34), no exponent notation in output, never the user's global settings.
 * @module
 */
import Decimal from "decimal.js";
import type { RoundingMode } from "../compile/types.js";

/** The decimal constructor every runtime computation uses. */
export const Exact = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP, toExpNeg: -1e9, toExpPos: 1e9 });

/** An exact decimal value of the runtime. */
export type Exact = InstanceType<typeof Exact>;

const MODES: Readonly<Record<RoundingMode, Decimal.Rounding>> = {
  "half-up": Decimal.ROUND_HALF_UP,
  "half-even": Decimal.ROUND_HALF_EVEN,
  "half-down": Decimal.ROUND_HALF_DOWN,
  up: Decimal.ROUND_UP,
  down: Decimal.ROUND_DOWN,
};

/**
 * Rounds once, for publication, and writes fixed decimals (`"90.49"`, `"0.76"`).
 * @param value - the exact value
 * @param precision - decimals to keep
 * @param mode - the rubric's rounding mode
 */
export function publish(value: Exact, precision: number, mode: RoundingMode): string {
  const fixed = value.toFixed(precision, MODES[mode]);
  return /^-0(\.0*)?$/.test(fixed) ? fixed.slice(1) : fixed;
}

/**
 * An exact value as a canonical decimal string: no exponent, no trailing zeros.
 * @param value - the exact value
 */
export function text(value: Exact): string {
  return value.isZero() ? "0" : value.toFixed();
}
