/**
 * The survey-answer forms on the plain path: `count(cond)` / `share(cond)` over the
 * elements of a list (exact: `share` is the fraction matched / total, and a share of
 * an empty list is an error of the node, never 0), and `match`, a mapping from enum
 * members or whole numbers to values, element by element over a list.
 * @module
 */
import type { CompareCode, CompiledExpr } from "../compile/types.js";
import { Exact } from "./exact.js";
import type { Env, Thunk } from "./prepare-expr.js";
import { shownValue, type ShownValue, type TraceStep } from "./trace.js";
import { RuleFailure, type Value } from "./values.js";

type Compare = (a: Value, b: Value) => number;

/** The comparison a condition makes when it is `element cmp literal` (for the explanation). */
function simpleCondition(cond: CompiledExpr): { cmp: CompareCode; threshold: ShownValue; percent?: true } | undefined {
  if (cond.op !== "eq" && cond.op !== "ne" && cond.op !== "lt" && cond.op !== "le" && cond.op !== "gt" && cond.op !== "ge") return undefined;
  if (cond.left.op !== "item") return undefined;
  const r = cond.right;
  if (r.op === "num") return r.percent === true ? { cmp: cond.op, threshold: r.value, percent: true } : { cmp: cond.op, threshold: r.value };
  if (r.op === "enum") return { cmp: cond.op, threshold: r.value };
  return undefined;
}

/**
 * Prepares `count(cond)` or `share(cond)`: the condition is tested on each element
 * (read as `item`); decisions inside it are not traced one by one, the tally is.
 * @param e - the compiled tally
 * @param list - the prepared list
 * @param cond - the prepared condition
 */
export function prepareTally(e: Extract<CompiledExpr, { op: "tally" }>, list: Thunk, cond: Thunk): Thunk {
  const name = e.list.op === "input" ? e.list.name : "";
  const shown = simpleCondition(e.cond) ?? {};
  const quiet = (): void => undefined;
  return (env) => {
    const v = list(env);
    if (v.kind !== "list") throw new RuleFailure("wrong-type", `${e.fn}() needs a list`);
    let matched = 0;
    const inner: Env = { ...env, note: quiet };
    for (const item of v.items) {
      const holds = cond({ ...inner, item });
      if (holds.kind !== "bool") throw new RuleFailure("wrong-type", `the condition of ${e.fn}() needs true/false, got ${holds.kind}`);
      if (holds.value) matched++;
    }
    const total = v.items.length;
    if (e.fn === "share" && total === 0) throw new RuleFailure("empty-list", `share() of an empty list '${name}'`, { fn: "share", input: name });
    const value = e.fn === "count" ? Exact.int(matched) : Exact.int(matched).dividedBy(Exact.int(total));
    const step: TraceStep = { step: "tally", fn: e.fn, list: name, matched, total, value: value.toString(), ...shown };
    env.note(step);
    return { kind: "num", value };
  };
}

/** Elements mapped alike, counted: in arm order (`else` last), then by the element as shown. */
function groups(mapped: readonly { x: Value; value: Value; arm: number }[]): { subject: ShownValue; value: ShownValue; count: number }[] {
  const byKey = new Map<string, { subject: ShownValue; value: ShownValue; count: number; arm: number }>();
  for (const m of mapped) {
    const subject = shownValue(m.x);
    const key = JSON.stringify(subject);
    const known = byKey.get(key);
    if (known !== undefined) known.count++;
    else byKey.set(key, { subject, value: shownValue(m.value), count: 1, arm: m.arm === 0 ? Number.MAX_SAFE_INTEGER : m.arm });
  }
  const sorted = [...byKey.entries()].sort(([ka, a], [kb, b]) => a.arm - b.arm || (ka < kb ? -1 : ka > kb ? 1 : 0));
  return sorted.map(([, g]) => ({ subject: g.subject, value: g.value, count: g.count }));
}

/**
 * Prepares a `match`: the first arm with a key equal to the subject gives the value,
 * else `else`; over a list, each element is mapped and the result is the list.
 * @param keys - each arm's keys, prepared
 * @param values - each arm's value, prepared
 * @param otherwise - the `else` value, if any
 * @param subject - the prepared subject
 * @param compare - how values compare (the plain path's)
 */
export function prepareMatch(keys: readonly (readonly Value[])[], values: readonly Thunk[], otherwise: Thunk | undefined, subject: Thunk, compare: Compare): Thunk {
  const arm = (s: Value): number => keys.findIndex((ks) => ks.some((k) => compare(s, k) === 0));
  const one = (env: Env, s: Value): { value: Value; arm: number } => {
    const i = arm(s);
    if (i >= 0) return { value: values[i]!(env), arm: i + 1 };
    if (otherwise === undefined) throw new RuleFailure("no-band", `no arm of match takes ${String(shownValue(s))}`, { value: String(shownValue(s)) });
    return { value: otherwise(env), arm: 0 };
  };
  return (env) => {
    const s = subject(env);
    if (s.kind === "list") {
      const mapped = s.items.map((x) => ({ x, ...one(env, x) }));
      env.note({ step: "match-list", total: mapped.length, groups: groups(mapped) });
      return { kind: "list", items: mapped.map((m) => m.value) };
    }
    const { value, arm: taken } = one(env, s);
    env.note({ step: "match", subject: shownValue(s), value: shownValue(value), arm: taken });
    return value;
  };
}
