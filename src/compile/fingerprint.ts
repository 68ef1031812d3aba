/**
 * The content fingerprint of a compiled rubric: SHA-256 of its canonical JSON.
 * Kept apart from the compiler so the runtime can verify it without the parser.
 * @module
 */
import { canonicalJson } from "./canonical.js";
import { sha256Hex } from "./sha256.js";
import type { CompiledRubric, UnsealedRubric } from "./types.js";

/**
 * Adds the fingerprint: SHA-256 of the canonical JSON of every other field.
 * @param rubric - a compiled rubric without its fingerprint
 */
export function seal(rubric: UnsealedRubric): CompiledRubric {
  return { ...rubric, fingerprint: fingerprintOf(rubric) };
}

/**
 * Computes the fingerprint a compiled rubric should carry.
 * @param rubric - a compiled rubric, with or without its `fingerprint` field (ignored)
 * @example
 * ```ts
 * import { compile, fingerprintOf } from "rubric-lang";
 * const source = 'rubric "Demo" { area "1" "Chỉ đạo" max 10 { input done: count, planned: count; score = 10 * done / planned } }';
 * const compiled = compile(source);
 * if (compiled.ok) console.log(fingerprintOf(compiled.rubric) === compiled.rubric.fingerprint); // true
 * ```
 * @category Compile
 */
export function fingerprintOf(rubric: UnsealedRubric | CompiledRubric): string {
  const { fingerprint: _ignored, ...content } = rubric as CompiledRubric;
  return sha256Hex(canonicalJson(content));
}
