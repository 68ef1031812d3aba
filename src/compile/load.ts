/**
 * `loadCompiled(json)`: validates a stored compiled rubric (from a file, a database,
 * the network) before anything evaluates it. Never throws.
 * @module
 */
import type { Locale } from "../diagnostics.js";
import { fingerprintOf } from "./fingerprint.js";
import { INVARIANT } from "./invariant-messages.js";
import { checkInvariants } from "./invariants.js";
import { checkCompiledShape } from "./check-compiled.js";
import { COMPILED_FORMAT, FORMAT_VERSION, type CompiledRubric } from "./types.js";

/**
 * One reason a stored rubric was refused, with the JSON path that is wrong.
 * @category Compile
 */
export interface LoadIssue {
  /** Stable code: `format`, `version`, `shape`, `fingerprint`, `depth`, `json` or `invariant` (a rule the compiler guarantees is broken). */
  readonly code: "format" | "version" | "shape" | "fingerprint" | "depth" | "json" | "invariant";
  /** JSON path to the offending value, e.g. `["nodes", 0, "max"]`. */
  readonly path: readonly (string | number)[];
  /** What is wrong (in English, or the language asked for where a message has both). */
  readonly message: string;
}

/**
 * The outcome of {@link loadCompiled}.
 * @category Compile
 */
export type LoadResult =
  | {
      /** The stored rubric is valid and its fingerprint matches. */ readonly ok: true;
      /** The rubric, ready to evaluate. */ readonly rubric: CompiledRubric;
    }
  | {
      /** The stored rubric was refused. */ readonly ok: false;
      /** Every problem, with its JSON path. */ readonly issues: readonly LoadIssue[];
    };

/**
 * Options of {@link loadCompiled}.
 * @category Compile
 */
export interface LoadOptions {
  /** Language of the invariant messages (default English). */
  readonly locale?: Locale;
  /**
   * The fingerprint the rubric must carry — the one published with the decision, say.
   * Anyone can recompute a fingerprint after editing a file, so only a fingerprint
   * known from elsewhere shows that the rubric is the one intended.
   */
  readonly fingerprint?: string;
}

/**
 * Deeper JSON than this is refused before validation, so no recursion can overflow.
 * @category Compile
 */
export const MAX_COMPILED_DEPTH = 512;

/**
 * Validates a compiled rubric: a parsed JSON value or the JSON text itself. Checks
 * format tag and version, the full shape (strict: unknown keys are refused), that the
 * fingerprint matches the content (so an accidental edit is detected), and every
 * invariant the compiler guarantees — numbers in range, maxima above 0, unique ids,
 * resolved names, fitting types — so a file edited and resealed on purpose cannot make
 * the runtime compute nonsense. With `options.fingerprint`, the rubric must also be
 * that one.
 * @param json - the parsed value, or a JSON string
 * @param options - message language, the expected fingerprint
 * @example
 * ```ts
 * import { compile } from "rubric-lang";
 * import { evaluate, loadCompiled } from "rubric-lang/runtime"; // no parser: small enough for a browser
 * const source = 'rubric "Demo" { area "1" "Chỉ đạo" max 10 { input done: count, planned: count; score = 10 * done / planned } }';
 * const compiled = compile(source);
 * const stored = compiled.ok ? JSON.stringify(compiled.rubric) : "{}"; // what an app keeps
 * const loaded = loadCompiled(stored, { locale: "vi" });
 * if (loaded.ok) console.log(evaluate(loaded.rubric, { unit: { id: "a" }, self: { "1": { done: 8, planned: 10 } } }).ok); // true
 * else console.error(loaded.issues); // every problem, with its JSON path
 * ```
 * @category Compile
 */
export function loadCompiled(json: unknown, options: LoadOptions = {}): LoadResult {
  let value = json;
  if (typeof json === "string") {
    try {
      value = JSON.parse(json);
    } catch (error) {
      return fail("json", [], `Not valid JSON: ${error instanceof Error ? error.message : String(error)}.`);
    }
  }
  if (!isRecord(value) || value["format"] !== COMPILED_FORMAT) {
    return fail("format", ["format"], `Not a compiled rubric: "format" must be "${COMPILED_FORMAT}".`);
  }
  if (value["formatVersion"] !== FORMAT_VERSION) {
    return fail("version", ["formatVersion"], `Compiled format version ${String(value["formatVersion"])} is not supported; this library reads version ${FORMAT_VERSION}. Compile the rubric again.`);
  }
  if (depthOf(value) > MAX_COMPILED_DEPTH) {
    return fail("depth", [], `The compiled rubric is nested deeper than ${MAX_COMPILED_DEPTH} levels.`);
  }
  const checked = checkCompiledShape(value);
  if (!checked.ok) return { ok: false, issues: checked.issues.map((i) => ({ code: "shape", path: i.path, message: i.message })) };
  const rubric = checked.value as CompiledRubric;
  const expected = fingerprintOf(rubric);
  if (expected !== rubric.fingerprint) {
    return fail("fingerprint", ["fingerprint"], `The fingerprint does not match the content (expected ${expected}); the file was changed after compiling.`);
  }
  const broken = checkInvariants(rubric, options.locale);
  if (broken.length > 0) return { ok: false, issues: broken.map((b) => ({ code: "invariant", path: b.path, message: b.message })) };
  if (options.fingerprint !== undefined && options.fingerprint !== rubric.fingerprint) {
    return fail("fingerprint", ["fingerprint"], INVARIANT.notExpected(options.locale ?? "en", rubric.fingerprint, options.fingerprint));
  }
  return { ok: true, rubric };
}

function fail(code: LoadIssue["code"], path: LoadIssue["path"], message: string): LoadResult {
  return { ok: false, issues: [{ code, path, message }] };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Depth of a JSON value, measured with an explicit stack (no recursion). */
function depthOf(root: unknown): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[root, 1]];
  while (stack.length > 0) {
    const [value, depth] = stack.pop()!;
    deepest = Math.max(deepest, depth);
    if (depth > MAX_COMPILED_DEPTH) return depth;
    if (typeof value === "object" && value !== null) {
      for (const child of Object.values(value)) stack.push([child, depth + 1]);
    }
  }
  return deepest;
}
