/**
 * For the validator properties: the rubric families they run on, replacement values
 * that break submissions (JSON ones, and the odd values an application may pass), and
 * a copy with one value replaced or one key added at a chosen place.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import type { CompiledRubric } from "../../src/compile/types.js";
import { typedRubricArb } from "../runtime/arbitraries.js";
import { rubricOf } from "../runtime/helpers.js";
import { compiled, specArb } from "./generated.js";

/** The department example, compiled. */
export const department = rubricOf(readFileSync(join(import.meta.dirname, "../../examples/par-department/rubric.rubric"), "utf8"));

/** The rubrics the validator properties run on, by name. */
export const RUBRIC_FAMILIES: readonly [string, fc.Arbitrary<CompiledRubric>][] = [
  ["the io generators' rubrics", specArb.map(compiled)],
  ["typed rubrics with every input type, facts, bonus and penalty blocks", typedRubricArb.map(rubricOf)],
  ["the department example", fc.constant(department)],
];

class Odd {
  readonly field = 1;
}

/** Replacement values that break (or sometimes happen to keep) a submission. */
export const BAD: readonly unknown[] = [
  -1, "1,5", "abc", null, [], {}, true, false, 1e21, 0.5, "2021-02-30", "2024-02-29", "aa", "", "x".repeat(10_001), [1, "x"], { a: 1 }, 3, "7",
  // Past the reason limit in UTF-16 units, within it in code points (as zod counts).
  `${"x".repeat(9_998)}😀😀`, "😀".repeat(10_001), [true, [], {}], { length: 0 }, { length: 20_000 }, { length: "many" }, new Array(10_001).fill(""),
  JSON.parse('{"__proto__": {"x": 1}, "a": 1}'), { constructor: 1 },
];

/** Values no JSON text can hold, which an application may still pass to `evaluate`. */
export const ODD: readonly unknown[] = [undefined, Number.NaN, Number.NEGATIVE_INFINITY, new Date(0), new Map(), Object.create(null), new Odd(), 10n, Symbol("s"), () => 1];

/** Every path to a value in a JSON tree, the root excluded. */
export function paths(value: unknown, at: (string | number)[] = []): (string | number)[][] {
  if (typeof value !== "object" || value === null || (!Array.isArray(value) && Object.getPrototypeOf(value) !== Object.prototype)) return [];
  const keys: (string | number)[] = Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value);
  return keys.flatMap((k) => [[...at, k], ...paths((value as Record<string | number, unknown>)[k], [...at, k])]);
}

/** A copy of the plain objects and arrays of a tree (own keys, `__proto__` included); other values shared. */
function copyTree(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(copyTree);
  if (typeof value !== "object" || value === null || Object.getPrototypeOf(value) !== Object.prototype) return value;
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(value)) Object.defineProperty(copy, key, { value: copyTree((value as Record<string, unknown>)[key]), enumerable: true, writable: true, configurable: true });
  return copy;
}

/** A copy with the value at a path replaced, or a key added beside it. */
export function broken(submission: unknown, pick: number, bad: unknown, addKey: boolean): unknown {
  const copy = copyTree(submission) as Record<string, unknown>;
  const all = paths(copy);
  if (all.length === 0) return copy;
  const path = all[pick % all.length]!;
  let parent = copy as Record<string | number, unknown>;
  for (const k of path.slice(0, -1)) parent = parent[k] as Record<string | number, unknown>;
  if (addKey && !Array.isArray(parent)) parent["unknown_key"] = bad;
  else parent[path.at(-1)!] = bad;
  return copy;
}
