/**
 * `parseRubric(source)`: source text → typed AST plus syntax diagnostics. Never throws.
 * `parseRecovering(source)` also keeps what parsed around the errors, for the checker.
 * @module
 */
import type { CstNode, IRecognitionException, IToken } from "chevrotain";
import type { Range, RubricFile } from "./ast.js";
import { limitDiagnostics, makeDiagnostic, type Diagnostic } from "../diagnostics.js";
import { insertBraces, missingBraces } from "./braces.js";
import { buildPartialRubric, type Damage } from "./build-partial.js";
import { buildRubric } from "./build-rubric.js";
import { toDiagnostic } from "./error-messages.js";
import { parseTokens, rubricGrammar } from "./grammar.js";
import { lex } from "./lex.js";
import { checkExpressionDepth, checkTokenLimits, estimateTokens, MAX_NESTING, MAX_SOURCE_LENGTH, MAX_TOKENS } from "./limits.js";
import { repairError } from "./repair.js";

export type { Damage } from "./build-partial.js";

/**
 * The outcome of {@link parseRubric}: the AST exists only when there is no syntax error.
 * @category Language
 */
export interface ParseResult {
  /** The AST, or undefined when any diagnostic is an error. */
  readonly ast: RubricFile | undefined;
  /** Lexical, syntax and limit diagnostics, in source order. */
  readonly diagnostics: Diagnostic[];
}

/** The outcome of {@link parseRecovering}: with syntax errors, the AST of what parsed. */
export interface RecoveredParse extends ParseResult {
  /** What the partial AST lacks; undefined when the parse had no syntax error. */
  readonly damage: Damage | undefined;
  /** Source a repair had to guess at (an unknown function's call): checks there are about the guess. */
  readonly guessed: readonly Range[];
}

function endOf(source: string): Range {
  let line = 1;
  let lineStart = 0;
  for (let i = source.indexOf("\n"); i >= 0; i = source.indexOf("\n", i + 1)) {
    line++;
    lineStart = i + 1;
  }
  const position = { line, column: source.length - lineStart + 1, offset: source.length };
  return { start: position, end: position };
}

const START: Range = { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } };

const offsetOf = (e: IRecognitionException): number => (Number.isNaN(e.token.startOffset) ? Infinity : e.token.startOffset);

interface Parsed {
  readonly tokens: IToken[];
  readonly cst: CstNode | undefined;
  readonly errors: IRecognitionException[];
}

function parse(tokens: IToken[]): Parsed {
  const cst = parseTokens(tokens);
  return { tokens, cst, errors: [...rubricGrammar.errors].sort((a, b) => offsetOf(a) - offsetOf(b)) };
}

/** Parse, then repair the first error while it is a known mistake (and a missing `}` once). */
function parseWithRepairs(tokens: IToken[], source: string, braces: boolean): { parsed: Parsed; repairs: Diagnostic[]; guessed: Range[]; explainedByRepair: Set<IRecognitionException> } {
  let parsed = parse(tokens);
  const explainedByRepair = new Set<IRecognitionException>();
  const repairs: Diagnostic[] = [];
  const guessed: Range[] = [];
  // Each round re-parses: many on a real rubric are cheap, few on a huge one.
  const rounds = tokens.length < 20_000 ? 30 : 3;
  let bracesTried = !braces;
  for (let round = 0; round < rounds && parsed.errors.length > 0; round++) {
    const first = parsed.errors[0]!;
    const fix = repairError(first, parsed.tokens, source);
    if (fix !== undefined) {
      const next = parse(fix.tokens);
      repairs.push(fix.diagnostic);
      if (fix.guessed !== undefined) guessed.push(fix.guessed);
      // A repair must move the parse on; if not, keep its explanation and stop.
      if (next.errors.length >= parsed.errors.length && offsetOf(next.errors[0]!) <= offsetOf(first)) {
        explainedByRepair.add(first);
        break;
      }
      parsed = next;
      continue;
    }
    if (bracesTried) break;
    bracesTried = true;
    const missing = missingBraces(parsed.tokens, endOf(source));
    if (missing.length === 0) break;
    const next = parse(insertBraces(parsed.tokens, missing));
    if (next.errors.length >= parsed.errors.length) break;
    repairs.push(...missing.map((m) => m.diagnostic));
    parsed = next;
  }
  return { parsed, repairs, guessed, explainedByRepair };
}

function sortByOffset(list: Diagnostic[]): Diagnostic[] {
  return [...list].sort((a, b) => a.range.start.offset - b.range.start.offset);
}

/**
 * Parses a rubric and, when there are syntax errors, keeps the AST of the parts that
 * parsed (see `build-partial.ts`) so one run reports semantic problems too. Known
 * mistakes are repaired with a diagnostic that says what to write. Limits (size,
 * tokens, nesting, expression depth) give RL500–RL503 rather than a stack overflow;
 * any unexpected failure becomes RL900.
 * @param source - the `.rubric` text
 */
export function parseRecovering(source: string): RecoveredParse {
  const fail = (diagnostics: Diagnostic[]): RecoveredParse => ({ ast: undefined, diagnostics, damage: undefined, guessed: [] });
  const diagnostics: Diagnostic[] = [];
  try {
    if (source.length > MAX_SOURCE_LENGTH) return fail([makeDiagnostic("RL500", START, { args: { size: source.length, limit: MAX_SOURCE_LENGTH } })]);
    // Lexing builds an object per token: refuse a source that surely has far too many first.
    if (estimateTokens(source) > 2 * MAX_TOKENS) return fail([makeDiagnostic("RL502", START, { args: { limit: MAX_TOKENS } })]);
    const lexed = lex(source);
    diagnostics.push(...lexed.diagnostics);
    if (lexed.unreadable) return fail(diagnostics);
    const limits = checkTokenLimits(lexed.tokens);
    if (limits.length > 0) return fail([...diagnostics, ...limits]);
    // An unclosed comment swallows the rest of the file: the braces it hides are not missing.
    const braces = !lexed.diagnostics.some((d) => d.code === "RL102");
    const { parsed, repairs, guessed, explainedByRepair } = parseWithRepairs(lexed.tokens, source, braces);
    diagnostics.push(...new Set(repairs));
    const explained = new Set(repairs.map((d) => d.range.start.offset));
    const end = endOf(source);
    const bad: number[] = [];
    for (const error of parsed.errors) {
      bad.push(error.token.startOffset, ...error.resyncedTokens.map((t) => t.startOffset));
      if (explainedByRepair.has(error)) continue;
      const diagnostic = toDiagnostic(error, end);
      if (explained.has(diagnostic.range.start.offset)) continue; // one report per place
      explained.add(diagnostic.range.start.offset);
      diagnostics.push(diagnostic);
    }
    if (parsed.errors.length === 0 && parsed.cst !== undefined) {
      const ast = buildRubric(parsed.cst);
      const depth = checkExpressionDepth(ast);
      if (depth.length > 0) return fail([...sortByOffset(diagnostics), ...depth]);
      const damage = diagnostics.some((d) => d.severity === "error") ? NO_DAMAGE : undefined;
      return { ast, diagnostics: sortByOffset(diagnostics), damage, guessed };
    }
    const partial = parsed.cst === undefined ? undefined : buildPartialRubric(parsed.cst, bad.filter((o) => !Number.isNaN(o)));
    if (partial === undefined || checkExpressionDepth(partial.ast).length > 0) return fail(sortByOffset(diagnostics));
    return { ast: partial.ast, diagnostics: sortByOffset(diagnostics), damage: partial.damage, guessed };
  } catch (error) {
    if (error instanceof RangeError) {
      return fail([...diagnostics, makeDiagnostic("RL501", START, { args: { limit: MAX_NESTING, what: "expression" } })]);
    }
    const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return fail([...diagnostics, makeDiagnostic("RL900", START, { args: { detail } })]);
  }
}

const NO_DAMAGE: Damage = { damaged: new Set(), droppedNodes: false, unitDamaged: false };

/**
 * Parses a rubric. With error recovery one pass reports many syntax errors; the AST
 * is returned only when there are none.
 * @param source - the `.rubric` text
 * @example
 * ```ts
 * import { parseRubric } from "rubric-lang";
 * const { ast, diagnostics } = parseRubric('rubric "Demo" { area "1" "Chỉ đạo" max 10 { score = 10 } }');
 * console.log(ast?.title.value, ast?.body.length, diagnostics.length); // "Demo" 1 0
 * ```
 * @category Language
 */
export function parseRubric(source: string): ParseResult {
  const parsed = parseRecovering(source);
  return { ast: parsed.diagnostics.some((d) => d.severity === "error") ? undefined : parsed.ast, diagnostics: limitDiagnostics(parsed.diagnostics) };
}
