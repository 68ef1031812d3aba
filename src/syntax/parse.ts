/**
 * `parseRubric(source)`: source text → typed AST plus syntax diagnostics. Never throws.
 * @module
 */
import type { IToken } from "chevrotain";
import type { Range, RubricFile } from "./ast.js";
import { makeDiagnostic, type Diagnostic } from "../diagnostics.js";
import { buildRubric } from "./build-rubric.js";
import { tokenRange } from "./cst-util.js";
import { toDiagnostic } from "./error-messages.js";
import { parseTokens, rubricGrammar } from "./grammar.js";
import { NumberLiteral, PercentLiteral, rubricLexer, StringLiteral } from "./lexer.js";
import { checkExpressionDepth, checkTokenLimits, MAX_NESTING, MAX_SOURCE_LENGTH } from "./limits.js";

/** The outcome of {@link parseRubric}: the AST exists only when there is no syntax error. */
export interface ParseResult {
  /** The AST, or undefined when any diagnostic is an error. */
  readonly ast: RubricFile | undefined;
  /** Lexical, syntax and limit diagnostics, in source order. */
  readonly diagnostics: Diagnostic[];
}

function endOf(source: string): Range {
  const lines = source.split(/\r\n|\r|\n/);
  const last = lines[lines.length - 1] ?? "";
  const position = { line: lines.length, column: last.length + 1, offset: source.length };
  return { start: position, end: position };
}

const START: Range = { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } };

/** Re-types an error token so parsing can go on as if the author had written it right. */
function retyped(token: IToken, image: string, type: typeof NumberLiteral): IToken {
  return { ...token, image, tokenType: type, tokenTypeIdx: type.tokenTypeIdx! };
}

/** Lexes, reporting RL100–RL103 and repairing what can be repaired. */
function lex(source: string, diagnostics: Diagnostic[]): IToken[] {
  const result = rubricLexer.tokenize(source);
  for (const error of result.errors) {
    const start = { line: error.line ?? 1, column: error.column ?? 1, offset: error.offset };
    const end = { line: start.line, column: start.column + error.length, offset: error.offset + error.length };
    diagnostics.push(makeDiagnostic("RL100", { start, end }, { args: { text: source.slice(error.offset, error.offset + Math.min(error.length, 12)) } }));
  }
  const tokens: IToken[] = [];
  for (const token of result.tokens) {
    switch (token.tokenType.name) {
      case "UnterminatedComment":
        diagnostics.push(makeDiagnostic("RL102", { start: tokenRange(token).start, end: { ...tokenRange(token).start, column: tokenRange(token).start.column + 2, offset: token.startOffset + 2 } }));
        break;
      case "UnterminatedString":
        diagnostics.push(makeDiagnostic("RL101", tokenRange(token)));
        tokens.push(retyped(token, `${token.image}"`, StringLiteral));
        break;
      case "DecimalComma": {
        const fixed = token.image.replace(",", ".");
        diagnostics.push(makeDiagnostic("RL103", tokenRange(token), { args: { text: token.image, fixed }, suggestion: fixed }));
        tokens.push(retyped(token, fixed, fixed.endsWith("%") ? PercentLiteral : NumberLiteral));
        break;
      }
      default:
        tokens.push(token);
    }
  }
  return tokens;
}

/**
 * Parses a rubric. With error recovery one pass reports many syntax errors; the AST
 * is built only when there are none. Limits (size, tokens, nesting, expression depth)
 * give diagnostics RL500–RL503 rather than a stack overflow; any unexpected failure
 * becomes RL900.
 * @param source - the `.rubric` text
 */
export function parseRubric(source: string): ParseResult {
  const diagnostics: Diagnostic[] = [];
  try {
    if (source.length > MAX_SOURCE_LENGTH) {
      return { ast: undefined, diagnostics: [makeDiagnostic("RL500", START, { args: { size: source.length, limit: MAX_SOURCE_LENGTH } })] };
    }
    const tokens = lex(source, diagnostics);
    const limits = checkTokenLimits(tokens);
    if (limits.length > 0) return { ast: undefined, diagnostics: [...diagnostics, ...limits] };
    const cst = parseTokens(tokens);
    const seen = new Set<number>();
    for (const error of rubricGrammar.errors) {
      const diagnostic = toDiagnostic(error, endOf(source));
      if (seen.has(diagnostic.range.start.offset)) continue; // one report per place
      seen.add(diagnostic.range.start.offset);
      diagnostics.push(diagnostic);
    }
    if (diagnostics.length > 0) return { ast: undefined, diagnostics: sortByOffset(diagnostics) };
    const ast = buildRubric(cst);
    const depth = checkExpressionDepth(ast);
    return depth.length > 0 ? { ast: undefined, diagnostics: depth } : { ast, diagnostics };
  } catch (error) {
    if (error instanceof RangeError) {
      return { ast: undefined, diagnostics: [...diagnostics, makeDiagnostic("RL501", START, { args: { limit: MAX_NESTING, what: "expression" } })] };
    }
    const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return { ast: undefined, diagnostics: [...diagnostics, makeDiagnostic("RL900", START, { args: { detail } })] };
  }
}

function sortByOffset(list: Diagnostic[]): Diagnostic[] {
  return [...list].sort((a, b) => a.range.start.offset - b.range.start.offset);
}
