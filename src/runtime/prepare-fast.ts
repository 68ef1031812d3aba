/**
 * Compiled expressions → closures of the fast path. Values are fast-path numbers
 * (see `fast-num.ts`), JS booleans, lists as arrays, and dates, enum members and texts
 * as the plain `Value`s they arrive as. The fast path handles the successful case
 * only: anything the plain path would report as a node error throws {@link FALLBACK},
 * and the unit is evaluated again on the plain path.
 * @module
 */
import type { CompareCode, CompiledExpr, FunctionCode } from "../compile/types.js";
import { Exact } from "./exact.js";
import { roundDigits } from "./prepare-expr.js";
import { add, cmp, div, fromExact, isNum, max, min, mul, neg, numText, SCALE, sub, toExact, type Num } from "./fast-num.js";
import type { ShownValue, TraceStep } from "./trace.js";
import type { Value } from "./values.js";

/** A fast-path value. */
export type Fast = Num | boolean | Value | readonly Fast[];

/** Thrown when the fast path cannot go on; the caller falls back to the plain path. */
export const FALLBACK: unique symbol = Symbol("fallback");

/** The mutable state a fast closure reads: one per unit, re-pointed leaf by leaf. */
export interface FastEnv {
  /** The current leaf's inputs. */
  inputs: ReadonlyMap<string, Value>;
  /** Unit facts. */
  facts: ReadonlyMap<string, Value>;
  /** The current leaf's computed lets (by slot). */
  lets: (Fast | undefined)[];
  /** The current leaf's let closures (by slot). */
  letThunks: readonly FastThunk[];
  /** The current leaf's let names (by slot). */
  letNames: readonly string[];
  /** The node's max, or at rubric level the applicable max. */
  max: Num;
  /** Rubric figures, only while the index formula runs. */
  figures: { readonly points: Num; readonly bonus: Num; readonly penalty: Num } | undefined;
  /** Where notes go (the node's trace). */
  trace: TraceStep[];
}

/** A fast closure. */
export type FastThunk = (env: FastEnv) => Fast;

function fail(): never {
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

/** A plain value as a fast one. */
export function fromValue(v: Value): Fast {
  switch (v.kind) {
    case "num": return fromExact(v.value);
    case "bool": return v.value;
    case "list": return v.items.map(fromValue);
    default: return v;
  }
}

/** A value as the plain path's trace shows it (`shownValue`). */
export function show(v: Fast): ShownValue {
  if (isNum(v)) return numText(v);
  if (typeof v === "boolean") return v;
  if (Array.isArray(v)) return v.map((item) => show(item) as string | boolean);
  const value = v as Value;
  return value.kind === "list" || value.kind === "num" ? fail() : value.value;
}

/** Compares as the plain path's `compareValues` does. */
function compare(a: Fast, b: Fast): number {
  if (isNum(a) && isNum(b)) return cmp(a, b);
  if (typeof a === "boolean" && typeof b === "boolean") return a === b ? 0 : String(a) < String(b) ? -1 : 1;
  if (typeof a !== "object" || typeof b !== "object" || Array.isArray(a) || Array.isArray(b) || isNum(a) || isNum(b)) return fail();
  const [x, y] = [a as Value, b as Value];
  if (x.kind !== y.kind || x.kind === "list" || y.kind === "list" || x.kind === "num" || y.kind === "num") return fail();
  const [s, t] = [String(x.value), String(y.value)];
  return s < t ? -1 : s > t ? 1 : 0;
}

const TEST: Readonly<Record<CompareCode, (c: number) => boolean>> = {
  eq: (c) => c === 0, ne: (c) => c !== 0, lt: (c) => c < 0, le: (c) => c <= 0, gt: (c) => c > 0, ge: (c) => c >= 0,
};


/**
 * Prepares an expression as a fast closure.
 * @param e - the compiled expression
 * @param lets - the slots of the leaf's lets by name (undefined outside a leaf)
 */
export function prepareFast(e: CompiledExpr, lets: ReadonlyMap<string, number> | undefined): FastThunk {
  const sub1 = (x: CompiledExpr): FastThunk => prepareFast(x, lets);
  switch (e.op) {
    case "num": { const v = fromExact(Exact.of(e.value)); return () => v; }
    case "date": case "enum": { const v: Value = { kind: e.op, value: e.value }; return () => v; }
    case "bool": { const v = e.value; return () => v; }
    case "input": { const name = e.name; return (env) => { const v = env.inputs.get(name); return v === undefined ? fail() : fromValue(v); }; }
    case "unit": { const name = e.name; return (env) => { const v = env.facts.get(name); return v === undefined ? fail() : fromValue(v); }; }
    case "let": {
      const slot = lets?.get(e.name);
      if (slot === undefined) return fail;
      return (env) => {
        const known = env.lets[slot];
        if (known !== undefined) return known;
        const v = env.letThunks[slot]!(env);
        env.lets[slot] = v;
        env.trace.push({ step: "let", name: env.letNames[slot]!, value: show(v) });
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
      return (env) => {
        const taken = asBool(c(env));
        env.trace.push({ step: "if", then: taken });
        return taken ? t(env) : f(env);
      };
    }
    case "call": return prepareCall(e.fn, e.args.map(sub1));
    case "bands": {
      const subject = sub1(e.subject);
      const arms = e.arms.map((a, i) => ({ test: TEST[a.cmp], arm: i + 1, cmp: a.cmp, threshold: sub1(a.threshold), value: sub1(a.value) }));
      const otherwise = e.otherwise === undefined ? undefined : sub1(e.otherwise);
      return (env) => {
        const s = subject(env);
        for (const arm of arms) {
          const t = arm.threshold(env);
          if (arm.test(compare(s, t))) {
            env.trace.push({ step: "band", arm: arm.arm, subject: show(s), cmp: arm.cmp, threshold: show(t) });
            return arm.value(env);
          }
        }
        if (otherwise === undefined) return fail();
        env.trace.push({ step: "band-else", subject: show(s) });
        return otherwise(env);
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

function prepareCall(fn: FunctionCode, args: readonly FastThunk[]): FastThunk {
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
    // The plain path reads clamp's bounds before its value: the same order keeps lets' trace order.
    case "clamp": return (env) => { const lo = asNum(a1!(env)); const hi = asNum(a2!(env)); return max(lo, min(hi, asNum(a0!(env)))); };
    case "round": return (env) => { const x = asNum(a0!(env)); const n = asNum(a1!(env)); return fromExact(toExact(x).roundTo(roundDigits(toExact(n)), "half-up")); };
    case "floor": return (env) => floorOf(asNum(a0!(env)), false);
    case "ceil": return (env) => floorOf(asNum(a0!(env)), true);
    case "abs": return (env) => { const x = asNum(a0!(env)); return typeof x === "number" ? Math.abs(x) : toExact(x).abs(); };
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

