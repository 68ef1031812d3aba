/**
 * Compiled expressions → closures of the scores-only kernel (`kernel.ts`). Values are
 * kernel numbers (`fast-num.ts`: exact scaled integers, quotients, `Exact`), JS
 * booleans, lists as arrays, and dates, enum members and texts as the plain `Value`s
 * they arrive as. Inputs and unit facts are read from column arrays by slot, so no map
 * is consulted while a unit is scored. No trace is written: traces come from the plain
 * path, when asked for. Anything the plain path would report as a node error throws
 * {@link FALLBACK}, and the caller asks the plain path.
 * @module
 */
import type { CompareCode, CompiledExpr, FunctionCode, NaPolicy } from "../compile/types.js";
import { Exact } from "./exact.js";
import { add, cmp, div, fromExact, isNum, max, min, mul, neg, SCALE, sub, toExact, type Num } from "./fast-num.js";
import { kernelMatch, kernelTally, matchKeys } from "./kernel-answers.js";
import { roundDigits } from "./prepare-expr.js";
import { cohortFigure, cohortKey, type CohortAccess } from "./cohort.js";
import type { Value } from "./values.js";

/** A kernel value. */
export type Fast = Num | boolean | Value | readonly Fast[];

/** Thrown when the kernel cannot go on (the plain path would report an error). */
export const FALLBACK: unique symbol = Symbol("fallback");

/** What a kernel run may vary; the kernel's `defaults` hold the rubric's own values. */
export interface KernelParams {
  /** Weight of each node (by node slot) under a `weighted` parent. */
  readonly weights: readonly Num[];
  /** N/A policy of each tree node (by node slot). */
  readonly policies: readonly NaPolicy[];
  /** Policy of each leaf `when` clause (by clause index, in rubric order). */
  readonly clauses: readonly NaPolicy[];
  /** Numeric thresholds of `bands` arms (by site, in rubric order). */
  readonly thresholds: readonly Num[];
  /** Multipliers of the top-level areas' points and maxima in the total (absent: all 1). */
  readonly areaScale?: readonly Num[];
}

/** The mutable state kernel closures read: one per kernel, re-pointed leaf by leaf. */
export interface KernelEnv {
  /** Input and fact values, column after column (`slot × size + unit`). */
  cols: readonly (Fast | undefined)[];
  /** Units in the columns. */
  size: number;
  /** The unit's row in the columns. */
  u: number;
  /** The current leaf's computed lets (by slot). */
  lets: (Fast | undefined)[];
  /** The current leaf's let closures (by slot). */
  letThunks: readonly KernelThunk[];
  /** The node's max, or at rubric level the applicable max. */
  max: Num;
  /** Rubric figures, only while the index formula runs. */
  figures: { readonly points: Num; readonly bonus: Num; readonly penalty: Num } | undefined;
  /** The run's parameters. */
  params: KernelParams;
  /** Inside a `count`/`share` condition: the element being tested. */
  item?: Fast | undefined;
  /** The unit's cohort (batch evaluation), or undefined: then a cohort figure gives up. */
  cohort: CohortAccess | undefined;
}

/** A kernel closure. */
export type KernelThunk = (env: KernelEnv) => Fast;

/** Where names resolve while an expression is prepared. */
export interface ExprScope {
  /** Column slot of an input of the current leaf (undefined outside a leaf). */
  readonly input: (name: string) => number | undefined;
  /** Column slot of a unit fact. */
  readonly fact: (name: string) => number;
  /** Slot of a let of the current leaf. */
  readonly lets: ReadonlyMap<string, number> | undefined;
  /** Takes the next threshold site for a numeric `bands` arm threshold (arm numbered from 1); returns its index. */
  readonly threshold: (value: Num, arm: number) => number;
}

/** Gives up: the plain path answers. */
export function fail(): never {
  throw FALLBACK;
}

function asNum(v: Fast): Num {
  return isNum(v) ? v : fail();
}

function asBool(v: Fast): boolean {
  return typeof v === "boolean" ? v : fail();
}

function numbers(v: Fast): Num[] {
  return Array.isArray(v) ? v.map(asNum) : fail();
}

/**
 * A plain value as a kernel value.
 * @param v - a typed value
 */
export function fromValue(v: Value): Fast {
  switch (v.kind) {
    case "num": return fromExact(v.value);
    case "bool": return v.value;
    case "list": return v.items.map(fromValue);
    default: return v;
  }
}

/** Compares as the plain path's `compareValues` does. */
function compare(a: Fast, b: Fast): number {
  if (isNum(a) && isNum(b)) return cmp(a, b);
  if (typeof a === "boolean" && typeof b === "boolean") return a === b ? 0 : String(a) < String(b) ? -1 : 1;
  if (typeof a !== "object" || typeof b !== "object" || Array.isArray(a) || Array.isArray(b) || isNum(a) || isNum(b)) return fail();
  const x = a as Value;
  const y = b as Value;
  if (x.kind !== y.kind || x.kind === "list" || y.kind === "list" || x.kind === "num" || y.kind === "num") return fail();
  const s = x.value;
  const t = y.value;
  return s < t ? -1 : s > t ? 1 : 0;
}

const TEST: Readonly<Record<CompareCode, (c: number) => boolean>> = {
  eq: (c) => c === 0, ne: (c) => c !== 0, lt: (c) => c < 0, le: (c) => c <= 0, gt: (c) => c > 0, ge: (c) => c >= 0,
};

function read(slot: number | undefined): KernelThunk {
  if (slot === undefined) return fail;
  return (env) => env.cols[slot * env.size + env.u] ?? fail();
}

/**
 * Prepares an expression as a kernel closure.
 * @param e - the compiled expression
 * @param scope - how names resolve
 */
export function prepareKernelExpr(e: CompiledExpr, scope: ExprScope): KernelThunk {
  const sub1 = (x: CompiledExpr): KernelThunk => prepareKernelExpr(x, scope);
  switch (e.op) {
    case "num": { const v = fromExact(Exact.of(e.value)); return () => v; }
    case "date": case "enum": { const v: Value = { kind: e.op, value: e.value }; return () => v; }
    case "bool": { const v = e.value; return () => v; }
    case "input": return read(scope.input(e.name));
    case "unit": return read(scope.fact(e.name));
    case "let": {
      const slot = scope.lets?.get(e.name);
      if (slot === undefined) return fail;
      return (env) => {
        const known = env.lets[slot];
        if (known !== undefined) return known;
        const v = env.letThunks[slot]!(env);
        env.lets[slot] = v;
        return v;
      };
    }
    case "max": return (env) => env.max;
    case "figure": {
      const name = e.name;
      if (name === "max") return (env) => env.max;
      if (name === "index") return fail;
      return (env) => (env.figures === undefined ? fail() : env.figures[name]);
    }
    case "neg": { const a = sub1(e.arg); return (env) => neg(asNum(a(env))); }
    case "not": { const a = sub1(e.arg); return (env) => !asBool(a(env)); }
    case "and": { const [l, r] = [sub1(e.left), sub1(e.right)]; return (env) => asBool(l(env)) && asBool(r(env)); }
    case "or": { const [l, r] = [sub1(e.left), sub1(e.right)]; return (env) => asBool(l(env)) || asBool(r(env)); }
    case "add": { const [l, r] = [sub1(e.left), sub1(e.right)]; return (env) => add(asNum(l(env)), asNum(r(env))); }
    case "sub": { const [l, r] = [sub1(e.left), sub1(e.right)]; return (env) => sub(asNum(l(env)), asNum(r(env))); }
    case "mul": { const [l, r] = [sub1(e.left), sub1(e.right)]; return (env) => mul(asNum(l(env)), asNum(r(env))); }
    case "div": { const [l, r] = [sub1(e.left), sub1(e.right)]; return (env) => div(asNum(l(env)), asNum(r(env))) ?? fail(); }
    case "eq": case "ne": case "lt": case "le": case "gt": case "ge": {
      const [l, r, test] = [sub1(e.left), sub1(e.right), TEST[e.op]];
      return (env) => test(compare(l(env), r(env)));
    }
    case "if": {
      const [c, t, f] = [sub1(e.cond), sub1(e.then), sub1(e.else)];
      return (env) => (asBool(c(env)) ? t(env) : f(env));
    }
    case "call": return prepareCall(e.fn, e.args.map(sub1));
    case "item": return (env) => (env.item === undefined ? fail() : env.item);
    case "tally": return kernelTally(e.fn, sub1(e.list), sub1(e.cond));
    case "match": return kernelMatch(matchKeys(e, (v) => fromExact(Exact.of(v))), e.arms.map((a) => sub1(a.value)), e.otherwise === undefined ? undefined : sub1(e.otherwise), sub1(e.subject), compare);
    case "cohort": {
      // The figure itself comes from the shared exact computation (`cohort.ts`); only
      // final figures are read here: while arguments are gathered the plain path runs.
      const [arg, key] = [sub1(e.arg), cohortKey(e)];
      return (env) => {
        const access = env.cohort;
        if (access === undefined || access.record !== undefined) return fail();
        const x = toExact(asNum(arg(env)));
        let value: Exact;
        try {
          value = cohortFigure(e, key, access, x).value;
        } catch {
          return fail();
        }
        return fromExact(value);
      };
    }
    case "bands": {
      const subject = sub1(e.subject);
      const arms = e.arms.map((a, i) => {
        // A numeric literal threshold is a parameter site: sensitivity runs may move it.
        const site = a.threshold.op === "num" ? scope.threshold(fromExact(Exact.of(a.threshold.value)), i + 1) : undefined;
        const threshold: KernelThunk = site === undefined ? sub1(a.threshold) : (env) => env.params.thresholds[site]!;
        return { test: TEST[a.cmp], threshold, value: sub1(a.value) };
      });
      const otherwise = e.otherwise === undefined ? undefined : sub1(e.otherwise);
      return (env) => {
        const s = subject(env);
        for (const arm of arms) if (arm.test(compare(s, arm.threshold(env)))) return arm.value(env);
        return otherwise === undefined ? fail() : otherwise(env);
      };
    }
  }
}

function floorOf(x: Num, up: boolean): Num {
  if (typeof x === "number") {
    const r = x % SCALE;
    const v = up ? x - r + (r > 0 ? SCALE : 0) : x - r - (r < 0 ? SCALE : 0);
    if (Math.abs(v) <= Number.MAX_SAFE_INTEGER) return v;
  }
  const e = toExact(x);
  return fromExact(up ? e.ceil() : e.floor());
}

function prepareCall(fn: FunctionCode, args: readonly KernelThunk[]): KernelThunk {
  const [a0, a1, a2] = args;
  switch (fn) {
    case "min": case "max": {
      const pick = fn === "min" ? min : max;
      return (env) => {
        const values = args.length === 1 ? numbers(a0!(env)) : args.map((a) => asNum(a(env)));
        if (values.length === 0) return fail();
        return values.reduce(pick);
      };
    }
    // The plain path reads clamp's bounds before its value; the same order fails alike.
    case "clamp": return (env) => { const lo = asNum(a1!(env)); const hi = asNum(a2!(env)); return max(lo, min(hi, asNum(a0!(env)))); };
    case "round": return (env) => { const x = asNum(a0!(env)); const n = asNum(a1!(env)); return fromExact(toExact(x).roundTo(roundDigits(toExact(n)), "half-up")); };
    case "floor": return (env) => floorOf(asNum(a0!(env)), false);
    case "ceil": return (env) => floorOf(asNum(a0!(env)), true);
    case "abs": return (env) => { const x = asNum(a0!(env)); return typeof x === "number" ? Math.abs(x) : fromExact(toExact(x).abs()); };
    case "sum": return (env) => numbers(a0!(env)).reduce(add, 0);
    case "mean": return (env) => {
      const values = numbers(a0!(env));
      if (values.length === 0) return fail();
      return div(values.reduce(add, 0), values.length * SCALE) ?? fail();
    };
    case "count": return (env) => { const v = a0!(env); return Array.isArray(v) ? v.length * SCALE : fail(); };
    case "ratio": return (env) => div(asNum(a0!(env)), asNum(a1!(env))) ?? fail();
  }
}
