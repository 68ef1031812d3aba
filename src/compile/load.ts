/**
 * `loadCompiled(json)`: validates a stored compiled rubric (from a file, a database,
 * the network) before anything evaluates it. Never throws.
 * @module
 */
import { fingerprintOf } from "./fingerprint.js";
import { checkCompiledShape } from "./check-compiled.js";
import { COMPILED_FORMAT, FORMAT_VERSION, type CompiledRubric } from "./types.js";

/** One reason a stored rubric was refused, with the JSON path that is wrong. */
export interface LoadIssue {
  /** Stable code: `format`, `version`, `shape`, `fingerprint`, `depth` or `json`. */
  readonly code: "format" | "version" | "shape" | "fingerprint" | "depth" | "json";
  /** JSON path to the offending value, e.g. `["nodes", 0, "max"]`. */
  readonly path: readonly (string | number)[];
  /** What is wrong, in English. */
  readonly message: string;
}

/** The outcome of {@link loadCompiled}. */
export type LoadResult =
  | { readonly ok: true; readonly rubric: CompiledRubric }
  | { readonly ok: false; readonly issues: readonly LoadIssue[] };

/** Deeper JSON than this is refused before validation, so no recursion can overflow. */
export const MAX_COMPILED_DEPTH = 512;

/**
 * Validates a compiled rubric: a parsed JSON value or the JSON text itself. Checks
 * format tag and version, the full shape (strict: unknown keys are refused), and that
 * the fingerprint matches the content, so a hand-edited file is detected.
 * @param json - the parsed value, or a JSON string
 */
export function loadCompiled(json: unknown): LoadResult {
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
