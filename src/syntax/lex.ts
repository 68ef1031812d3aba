/**
 * The lex stage: source text → tokens plus lexical diagnostics. It reports each run of
 * characters the language does not know once (never one per character), explains what
 * was pasted from a word processor (curly quotes, `≥`, full-width digits, dd/mm/yyyy
 * dates, invisible characters) and repairs it, normalises names to NFC, and refuses a
 * text that was not UTF-8 with one diagnostic.
 * @module
 */
import type { ILexingError, IToken, TokenType } from "chevrotain";
import type { Range } from "./ast.js";
import { makeDiagnostic, type Diagnostic } from "../diagnostics.js";
import { tokenRange } from "./cst-util.js";
import { checkName, codePoint, invisibleName } from "./names.js";
import { BadCharacters, dayFirstDate, TYPOGRAPHIC_OPERATORS } from "./lexer-mistakes.js";
import { DateLiteral, Identifier, K, NumberLiteral, P, PercentLiteral, rubricLexer, StringLiteral, type Keyword } from "./lexer.js";

/** The outcome of {@link lex}: tokens, or none when the text is not UTF-8 at all. */
export interface Lexed {
  /** Tokens to parse (repaired where a mistake was recognised). */
  readonly tokens: IToken[];
  /** Lexical diagnostics, in source order. */
  readonly diagnostics: Diagnostic[];
  /** True when the text cannot be read as a rubric at all (a wrong encoding). */
  readonly unreadable: boolean;
}

const OPERATOR_TOKENS: Readonly<Record<string, TokenType>> = { ">=": P.ge, "<=": P.le, "!=": P.neq, "*": P.star, "/": P.slash, "-": P.minus };

/** Re-types a token so parsing can go on as if the author had written it right. */
export function retyped(token: IToken, image: string, type: TokenType): IToken {
  return { ...token, image, tokenType: type, tokenTypeIdx: type.tokenTypeIdx! };
}

function nuls(source: string): number {
  let count = 0;
  for (let i = source.indexOf("\u0000"); i >= 0; i = source.indexOf("\u0000", i + 1)) count++;
  return count;
}

/** Where a text that is not UTF-8 shows it, as the first tell-tale character. */
function encodingProblem(source: string): { offset: number; what: string } | undefined {
  const nul = source.indexOf("\u0000");
  // UTF-16 read as UTF-8 has a NUL beside nearly every letter; a stray NUL is only a bad character.
  if (nul >= 0 && nuls(source) * 8 > source.length) return { offset: nul, what: "it looks like UTF-16 (NUL characters between the letters)" };
  const reversedMark = source.indexOf("\uFFFE");
  if (reversedMark >= 0) return { offset: reversedMark, what: "it looks like UTF-16 (a reversed byte-order mark)" };
  const replaced = source.indexOf("\uFFFD");
  if (replaced >= 0) return { offset: replaced, what: "it has bytes that are not UTF-8, as a legacy Vietnamese encoding (TCVN3, VNI, Windows-1258) gives" };
  return undefined;
}

function positionOf(source: string, offset: number): Range["start"] {
  let line = 1;
  let lineStart = 0;
  for (let i = source.indexOf("\n"); i >= 0 && i < offset; i = source.indexOf("\n", i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1, offset };
}

/** A stretch of characters no token starts with. */
interface Bad {
  readonly offset: number;
  readonly length: number;
  readonly line: number;
  readonly column: number;
}

/** Bad stretches merged into runs: stretches separated only by spaces or tabs are one run. */
function badRuns(source: string, bad: readonly Bad[]): { start: Bad; end: number }[] {
  const runs: { start: Bad; end: number }[] = [];
  for (const b of [...bad].sort((x, y) => x.offset - y.offset)) {
    const last = runs[runs.length - 1];
    if (last !== undefined && /^[ \t]*$/.test(source.slice(last.end, b.offset))) last.end = b.offset + b.length;
    else runs.push({ start: b, end: b.offset + b.length });
  }
  return runs;
}

function runDiagnostic(source: string, run: { start: Bad; end: number }): Diagnostic {
  const start = { line: run.start.line, column: run.start.column, offset: run.start.offset };
  const text = source.slice(run.start.offset, run.end);
  const end = { line: start.line, column: start.column + text.length, offset: run.end };
  // Control characters shown as their Control Pictures (␀), so the message can be printed as it is.
  const shown = [...text].slice(0, 12).join("").replace(/[\x00-\x1F\x7F]/g, (c) => String.fromCharCode(c === "\x7F" ? 0x2421 : 0x2400 + c.charCodeAt(0))) + (text.length > 12 ? "…" : "");
  const invisible = invisibleName(text.codePointAt(0)!);
  const count = [...text.replace(/[ \t]/g, "")].length;
  return makeDiagnostic("RL100", { start, end }, { args: { text: shown, code: codePoint(text.codePointAt(0)!) + (invisible === undefined ? "" : ` ${invisible}`), count } });
}

const fromError = (e: ILexingError): Bad => ({ offset: e.offset, length: e.length, line: e.line ?? 1, column: e.column ?? 1 });
const fromToken = (t: IToken): Bad => ({ offset: t.startOffset, length: t.image.length, line: t.startLine ?? 1, column: t.startColumn ?? 1 });

/** Joins two names split by an invisible character, re-typed when they spell a keyword. */
function joined(left: IToken, right: IToken): IToken {
  const image = `${left.image}${right.image}`;
  const type = Object.hasOwn(K, image) ? K[image as Keyword] : Identifier;
  return { ...left, image, endOffset: right.endOffset!, endColumn: right.endColumn!, endLine: right.endLine!, tokenType: type, tokenTypeIdx: type.tokenTypeIdx! };
}

const WORD = /^[\p{L}\p{M}0-9_]+$/u;

/** Reports and repairs one token; undefined when it is dropped (an unclosed comment). */
function repair(token: IToken, diagnostics: Diagnostic[]): IToken | undefined {
  const range = tokenRange(token);
  const report = (code: "RL104" | "RL105" | "RL106" | "RL107", fixed: string, type: TokenType): IToken => {
    diagnostics.push(makeDiagnostic(code, range, { args: { text: token.image, fixed }, suggestion: fixed }));
    return retyped(token, fixed, type);
  };
  switch (token.tokenType.name) {
    case "UnterminatedComment":
      diagnostics.push(makeDiagnostic("RL102", { start: range.start, end: { ...range.start, column: range.start.column + 2, offset: token.startOffset + 2 } }));
      return undefined;
    case "UnterminatedString":
      diagnostics.push(makeDiagnostic("RL101", range));
      return retyped(token, `${token.image}"`, StringLiteral);
    case "DecimalComma": {
      const fixed = token.image.replace(",", ".");
      diagnostics.push(makeDiagnostic("RL103", range, { args: { text: token.image, fixed }, suggestion: fixed }));
      return retyped(token, fixed, fixed.endsWith("%") ? PercentLiteral : NumberLiteral);
    }
    case "CurlyString":
      return report("RL104", `"${token.image.slice(1).replace(/[\u201C\u201D\u201E\u201F\u2033"]$/, "")}"`, StringLiteral);
    case "TypographicOperator": {
      const fixed = TYPOGRAPHIC_OPERATORS[token.image]!;
      return report("RL105", fixed, OPERATOR_TOKENS[fixed]!);
    }
    case "FullWidthNumber": {
      const fixed = token.image.replace(/[\uFF10-\uFF19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace("\uFF0E", ".").replace("\uFF05", "%");
      return report("RL106", fixed, fixed.endsWith("%") ? PercentLiteral : NumberLiteral);
    }
    case "DayFirstDate": {
      const date = dayFirstDate(token.image)!;
      return report("RL107", `${date.year}-${date.month}-${date.day}`, DateLiteral);
    }
    case "Identifier": return checkName(token, diagnostics);
    default: return token;
  }
}

/**
 * Lexes a source, reporting RL100–RL109 and RL122 and repairing what can be repaired.
 * @param source - the `.rubric` text
 */
export function lex(source: string): Lexed {
  const diagnostics: Diagnostic[] = [];
  const problem = encodingProblem(source);
  if (problem !== undefined) {
    const at = positionOf(source, problem.offset);
    diagnostics.push(makeDiagnostic("RL108", { start: at, end: { ...at, column: at.column + 1, offset: at.offset + 1 } }, { args: { what: problem.what, line: at.line } }));
    return { tokens: [], diagnostics, unreadable: true };
  }
  const result = rubricLexer.tokenize(source);
  const bad = result.errors.map(fromError);
  const tokens: IToken[] = [];
  let invisible: { start: number; end: number } | undefined;
  for (const token of result.tokens) {
    if (token.tokenType === BadCharacters) {
      bad.push(fromToken(token));
      continue;
    }
    if (token.tokenType.name === "Invisible") {
      const cp = token.image.codePointAt(0)!;
      diagnostics.push(makeDiagnostic("RL109", tokenRange(token), { args: { code: codePoint(cp), name: invisibleName(cp) ?? "" } }));
      invisible = { start: token.startOffset, end: token.endOffset! + 1 };
      continue;
    }
    const repaired = repair(token, diagnostics);
    if (repaired === undefined) continue;
    const previous = tokens[tokens.length - 1];
    // `so\u200Bnv`: one name with an invisible character inside, not two names.
    if (invisible !== undefined && previous !== undefined && previous.endOffset! + 1 === invisible.start && token.startOffset === invisible.end && WORD.test(previous.image) && WORD.test(repaired.image)) {
      tokens[tokens.length - 1] = joined(previous, repaired);
    } else tokens.push(repaired);
    invisible = undefined;
  }
  for (const run of badRuns(source, bad)) diagnostics.push(runDiagnostic(source, run));
  return { tokens, diagnostics: diagnostics.sort((a, b) => a.range.start.offset - b.range.start.offset), unreadable: false };
}
