/**
 * The survey-answer forms in the scores-only kernel, equivalent to `answers.ts` on
 * the plain path: `tally` tests its condition on each element (held in `env.item`
 * while it runs), `match` maps a value or each element of a list. Whatever the plain
 * path would report as an error (a share of an empty list, no arm) gives up with
 * {@link FALLBACK}, and the plain path answers.
 * @module
 */
import type { CompiledExpr } from "../compile/types.js";
import { div, SCALE } from "./fast-num.js";
import { fail, type Fast, type KernelEnv, type KernelThunk } from "./kernel-expr.js";

/**
 * A kernel `count(cond)` / `share(cond)`.
 * @param fn - count or share
 * @param list - the prepared list
 * @param cond - the prepared condition (reads `env.item`)
 */
export function kernelTally(fn: "count" | "share", list: KernelThunk, cond: KernelThunk): KernelThunk {
  return (env) => {
    const v = list(env);
    if (!Array.isArray(v)) return fail();
    const items = v as readonly Fast[];
    const saved = env.item;
    let matched = 0;
    try {
      for (const x of items) {
        env.item = x;
        const holds = cond(env);
        if (typeof holds !== "boolean") return fail();
        if (holds) matched++;
      }
    } finally {
      env.item = saved;
    }
    if (fn === "count") return matched * SCALE;
    if (items.length === 0) return fail();
    return div(matched * SCALE, items.length * SCALE) ?? fail();
  };
}

/**
 * A kernel `match`.
 * @param keys - each arm's keys as kernel values
 * @param values - each arm's value
 * @param otherwise - the `else` value, if any
 * @param subject - the prepared subject
 * @param compare - the kernel's comparison (gives up on values of different kinds)
 */
export function kernelMatch(keys: readonly (readonly Fast[])[], values: readonly KernelThunk[], otherwise: KernelThunk | undefined, subject: KernelThunk, compare: (a: Fast, b: Fast) => number): KernelThunk {
  const one = (env: KernelEnv, s: Fast): Fast => {
    for (let i = 0; i < keys.length; i++) if (keys[i]!.some((k) => compare(s, k) === 0)) return values[i]!(env);
    return otherwise === undefined ? fail() : otherwise(env);
  };
  return (env) => {
    const s = subject(env);
    return Array.isArray(s) ? (s as readonly Fast[]).map((x) => one(env, x)) : one(env, s);
  };
}

/** The keys of a compiled match arm as constants: numbers via `num`, members as plain values. */
export function matchKeys(e: Extract<CompiledExpr, { op: "match" }>, num: (value: string) => Fast): Fast[][] {
  return e.arms.map((a) => a.keys.map((k): Fast => (k.op === "num" ? num(k.value) : k.op === "enum" ? { kind: "enum", value: k.value } : fail())));
}
