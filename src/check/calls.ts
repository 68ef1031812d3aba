/**
 * Calls of the built-in functions: the number and types of their arguments, and the
 * decimals of `round`, a literal from 0 to {@link MAX_ROUND_DIGITS}.
 * @module
 */
import type { Expr } from "../syntax/ast.js";
import { makeDiagnostic } from "../diagnostics.js";
import { inferTally, isTally } from "./answers.js";
import { describeTy, expect, value, type Scope, type Ty } from "./types.js";

const NUM: Ty = { k: "num" };

/** Most decimals `round(x, n)` may ask for. */
export const MAX_ROUND_DIGITS = 20;

const ARITY: Readonly<Record<string, string>> = {
  min: "a list or one or more numbers", max: "a list or one or more numbers", clamp: "3 numbers (value, low, high)",
  round: "2 arguments (value, decimals)", floor: "1 number", ceil: "1 number", abs: "1 number",
  sum: "1 list of numbers", mean: "1 list of numbers", count: "1 list", ratio: "2 numbers", share: "1 condition on a list",
};

/**
 * Checks a call's arguments and infers its type (every function returns a number).
 * @param e - the call
 * @param scope - what its names mean
 */
export function inferCall(e: Extract<Expr, { kind: "Call" }>, scope: Scope): Ty {
  const n = e.args.length;
  const arityError = (): Ty => {
    scope.out.push(makeDiagnostic("RL301", e.range, { args: { name: e.callee, arity: ARITY[e.callee] ?? "", given: n === 1 ? "1 was" : `${n} were` } }));
    for (const a of e.args) value(a, scope);
    return NUM; // every function returns a number
  };
  const listOfNumbers = (a: Expr, anyElement: boolean): void => {
    const t = value(a, scope);
    if (t.k === "unknown") return;
    if (t.k !== "list" || (!anyElement && t.el.k !== "num")) {
      scope.out.push(makeDiagnostic("RL300", a.range, { args: { expected: anyElement ? "a list" : "a list of numbers", found: describeTy(t) } }));
    }
  };
  switch (e.callee) {
    case "min": case "max":
      if (n === 0) return arityError();
      if (n === 1) listOfNumbers(e.args[0]!, false);
      else for (const a of e.args) expect(a, NUM, scope);
      return NUM;
    case "sum": case "mean": case "count": case "share":
      if (n !== 1) return arityError();
      if (isTally(e)) return inferTally(e, scope);
      listOfNumbers(e.args[0]!, e.callee === "count");
      return NUM;
    case "round": {
      if (n !== 2) return arityError();
      expect(e.args[0]!, NUM, scope);
      const digits = e.args[1]!;
      // A literal 0..20: rounding further would only slow evaluation (decimal.js works to any length).
      if (digits.kind !== "NumberLit" || digits.text.includes(".") || digits.text.replace(/^0+(?=\d)/, "").length > 2 || Number(digits.text) > MAX_ROUND_DIGITS) {
        const value = digits.kind === "NumberLit" ? digits.text : "an expression";
        scope.out.push(makeDiagnostic("RL305", digits.range, { args: { what: "The decimals of round()", must: `a whole number from 0 to ${MAX_ROUND_DIGITS}, written as a literal`, value } }));
      }
      return NUM;
    }
    default: {
      const wanted = e.callee === "clamp" ? 3 : e.callee === "ratio" ? 2 : 1;
      if (n !== wanted) return arityError();
      for (const a of e.args) expect(a, NUM, scope);
      return NUM;
    }
  }
}

