/**
 * `compile(source)`: the whole front end — parse, check, lower, fingerprint — as one
 * function that returns diagnostics as data and never throws.
 * @module
 */
import { checkRubric } from "../check/index.js";
import { hasErrors, localize, makeDiagnostic, sortDiagnostics, type Diagnostic, type Locale } from "../diagnostics.js";
import { parseRubric } from "../syntax/parse.js";
import { seal } from "./fingerprint.js";
import { lowerRubric } from "./lower-tree.js";
import type { CompiledRubric } from "./types.js";

/** Options for {@link compile}. */
export interface CompileOptions {
  /** Language of diagnostic messages; English by default. */
  readonly locale?: Locale;
}

/** The outcome of {@link compile}: a compiled rubric with warnings, or the errors. */
export type CompileResult =
  | { readonly ok: true; readonly rubric: CompiledRubric; readonly diagnostics: readonly Diagnostic[] }
  | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] };

const START = { line: 1, column: 1, offset: 0 };

/**
 * Compiles rubric source text. Diagnostics are sorted by position; the result has a
 * rubric only when no diagnostic is an error. Never throws: an unexpected failure
 * inside the compiler becomes diagnostic RL900.
 * @param source - the `.rubric` text
 * @param options - message locale
 */
export function compile(source: string, options: CompileOptions = {}): CompileResult {
  const finish = (list: readonly Diagnostic[]): Diagnostic[] => {
    const sorted = sortDiagnostics(list);
    return options.locale === undefined || options.locale === "en" ? sorted : sorted.map((d) => localize(d, options.locale ?? "en"));
  };
  try {
    const parsed = parseRubric(source);
    if (parsed.ast === undefined || hasErrors(parsed.diagnostics)) return { ok: false, diagnostics: finish(parsed.diagnostics) };
    const diagnostics = [...parsed.diagnostics, ...checkRubric(parsed.ast)];
    if (hasErrors(diagnostics)) return { ok: false, diagnostics: finish(diagnostics) };
    return { ok: true, rubric: seal(lowerRubric(parsed.ast)), diagnostics: finish(diagnostics) };
  } catch (error) {
    const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return { ok: false, diagnostics: finish([makeDiagnostic("RL900", { start: START, end: START }, { args: { detail } })]) };
  }
}
