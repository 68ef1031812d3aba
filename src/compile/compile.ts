/**
 * `compile(source)`: the whole front end — parse, check, lower, fingerprint — as one
 * function that returns diagnostics as data and never throws.
 * @module
 */
import { checkRubric } from "../check/index.js";
import { trustworthy } from "../check/partial.js";
import { hasErrors, isLocale, limitDiagnostics, localize, makeDiagnostic, sortDiagnostics, type Diagnostic, type Locale } from "../diagnostics.js";
import { parseRecovering } from "../syntax/parse.js";
import { seal } from "./fingerprint.js";
import { lowerRubric } from "./lower-tree.js";
import type { CompiledRubric } from "./types.js";

/**
 * Options for {@link compile}.
 * @category Compile
 */
export interface CompileOptions {
  /** Language of diagnostic messages; English by default, and for a locale the library does not know. */
  readonly locale?: Locale;
}

/**
 * The outcome of {@link compile}: a compiled rubric with warnings, or the errors.
 * @category Compile
 */
export type CompileResult =
  | {
      /** The rubric compiled. */ readonly ok: true;
      /** The compiled rubric, fingerprinted. */ readonly rubric: CompiledRubric;
      /** Warnings and notes, if any, in source order. */ readonly diagnostics: readonly Diagnostic[];
    }
  | {
      /** The source has errors; no rubric. */ readonly ok: false;
      /** Every diagnostic in source order (errors among them), at most 100 (RL504 says how many more). */ readonly diagnostics: readonly Diagnostic[];
    };

const START = { line: 1, column: 1, offset: 0 };

/**
 * Compiles rubric source text. Diagnostics are sorted by position, at most
 * `MAX_DIAGNOSTICS` of them (then one RL504 says how many more there are); the
 * result has a rubric only when no diagnostic is an error. With syntax errors, the
 * parts that parsed are still checked, so one run reports both kinds. Never throws: an
 * unexpected failure inside the compiler becomes diagnostic RL900.
 * @param source - the `.rubric` text
 * @param options - message locale (an unknown one falls back to English)
 * @example
 * ```ts
 * import { compile, renderDiagnostic } from "rubric-lang";
 * const source = 'rubric "Demo" { area "1" "Chỉ đạo" max 10 { input done: count, planned: count; score = 10 * done / planned } }';
 * const compiled = compile(source, { locale: "vi" });
 * if (compiled.ok) console.log(compiled.rubric.nodes[0]?.max); // "10"
 * else for (const d of compiled.diagnostics) console.error(renderDiagnostic(d, source, { file: "demo.rubric" }));
 * ```
 * @category Compile
 */
export function compile(source: string, options: CompileOptions = {}): CompileResult {
  const locale: Locale = isLocale(options.locale) ? options.locale : "en";
  const finish = (list: readonly Diagnostic[]): Diagnostic[] => {
    const shown = limitDiagnostics(sortDiagnostics(list));
    return locale === "en" ? shown : shown.map((d) => localize(d, locale));
  };
  try {
    const parsed = parseRecovering(source);
    const diagnostics = [...parsed.diagnostics];
    if (parsed.ast !== undefined) diagnostics.push(...trustworthy(checkRubric(parsed.ast), parsed.damage, parsed.guessed));
    if (parsed.ast === undefined || hasErrors(diagnostics)) return { ok: false, diagnostics: finish(diagnostics) };
    return { ok: true, rubric: seal(lowerRubric(parsed.ast)), diagnostics: finish(diagnostics) };
  } catch (error) {
    const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return { ok: false, diagnostics: finish([makeDiagnostic("RL900", { start: START, end: START }, { args: { detail } })]) };
  }
}
