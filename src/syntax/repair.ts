/**
 * Repairs for the mistakes real rubric authors make, recognised at the parser's first
 * error: a misspelt keyword (`criteria`, `itme`, `scroe`), `=` where a comparison
 * belongs, `otherwise` and `else` swapped between the two kinds of bands, a word after
 * a number (`max 2 điểm`), a two-sided bands arm (`>= 70% and < 90%: 1`) and an unknown
 * function (`percentile(x)`). Each gives one diagnostic that says what to write, and a
 * token stream that parses as if the author had written it, so the rest of the file is
 * still checked.
 * @module
 */
import type { IRecognitionException, IToken, TokenType } from "chevrotain";
import type { Range } from "./ast.js";
import { makeDiagnostic, type Diagnostic } from "../diagnostics.js";
import { span, tokenRange } from "./cst-util.js";
import { clip, expectationOf } from "./error-messages.js";
import { retyped } from "./lex.js";
import { K, P, type Keyword } from "./lexer.js";
import { closest } from "./spelling.js";

/** A repaired token stream with the diagnostic that explains the repair. */
export interface Repaired {
  /** The tokens to parse next. */
  readonly tokens: IToken[];
  /** What was wrong and what to write. */
  readonly diagnostic: Diagnostic;
  /** Source the repair guessed at (checks there would be about the guess, not the author's text). */
  readonly guessed?: Range;
}

/** The built-in functions, as the messages list them. */
export const FUNCTIONS = ["min", "max", "clamp", "round", "floor", "ceil", "abs", "sum", "mean", "count", "ratio", "share"] as const;

/** Words that start a statement, by the block rule the parser was in. */
const STATEMENT_WORDS: Readonly<Record<string, readonly Keyword[]>> = {
  rubric: ["id", "version", "basis", "locale", "publish", "index", "bonus", "penalty", "not", "unit", "area", "criterion", "item", "ranking", "bands"],
  node: ["description", "evidence", "aggregate", "unclamped", "not", "input", "let", "when", "score", "area", "criterion", "item"],
  extra: ["description", "evidence", "not", "input", "let", "when", "score"],
  ranking: ["by", "ties", "on", "within"],
};

/** Everyday words for the functions the language has under another name. */
const FUNCTION_ALIASES: Readonly<Record<string, string>> = { average: "mean", avg: "mean", total: "sum", minimum: "min", maximum: "max", len: "count", length: "count" };

const EXPRESSION_RULES = new Set(["expr", "whenStmt", "bandArm", "band", "nodeOption", "comparison", "args"]);
const NUMBERS = new Set(["NumberLiteral", "PercentLiteral"]);
const OPERAND_ENDS = new Set(["Identifier", "NumberLiteral", "PercentLiteral", "DateLiteral", "RParen", "kw_true", "kw_false"]);

function keywordCandidates(error: IRecognitionException, names: readonly string[]): string[] {
  const words = new Set<string>(names.filter((n) => n.startsWith("kw_")).map((n) => n.slice(3)));
  for (let i = error.context.ruleStack.length - 1; i >= 0; i--) {
    const statements = STATEMENT_WORDS[error.context.ruleStack[i]!];
    if (statements !== undefined) {
      for (const w of statements) words.add(w);
      break;
    }
  }
  return [...words];
}

const replaceAt = (tokens: readonly IToken[], index: number, count: number, ...inserted: IToken[]): IToken[] => [...tokens.slice(0, index), ...inserted, ...tokens.slice(index + count)];

/** The index of the `)` that closes the `(` at `open`, or the last token. */
function closingParen(tokens: readonly IToken[], open: number): number {
  let depth = 0;
  for (let i = open; i < tokens.length; i++) {
    const name = tokens[i]!.tokenType.name;
    if (name === "LParen") depth++;
    else if (name === "RParen" && --depth === 0) return i;
  }
  return tokens.length - 1;
}

function unknownFunction(tokens: readonly IToken[], at: number): Repaired {
  const name = tokens[at]!;
  const suggestion = FUNCTION_ALIASES[name.image] ?? closest(name.image, FUNCTIONS);
  const args = { name: name.image, functions: FUNCTIONS.join(", "), ...(suggestion === undefined ? {} : { suggestion }) };
  const guessed = span(tokenRange(name), tokenRange(tokens[closingParen(tokens, at + 1)]!));
  // Read on as a call of `max`, whose checks are dropped (they would be about the guess).
  return {
    tokens: replaceAt(tokens, at, 1, retyped(name, name.image, K.max)),
    diagnostic: makeDiagnostic("RL120", tokenRange(name), suggestion === undefined ? { args } : { args, suggestion }),
    guessed,
  };
}

function wordAfterNumber(tokens: readonly IToken[], at: number, source: string): Repaired {
  const number = tokens[at - 1]!;
  let last = at;
  while (tokens[last + 1]?.tokenType.name === "Identifier" && tokens[last + 1]!.startLine === number.endLine) last++;
  const before = tokens[at - 2];
  const fixed = `${before !== undefined && before.tokenType.name.startsWith("kw_") ? `${before.image} ` : ""}${number.image}`;
  const words = source.slice(tokens[at]!.startOffset, tokens[last]!.endOffset! + 1);
  return {
    tokens: replaceAt(tokens, at, last - at + 1),
    diagnostic: makeDiagnostic("RL118", span(tokenRange(tokens[at]!), tokenRange(tokens[last]!)), { args: { word: clip(words), number: number.image, fixed }, suggestion: fixed }),
  };
}

function twoSidedArm(tokens: readonly IToken[], at: number, source: string): Repaired | undefined {
  let colon = at;
  while (colon < tokens.length && tokens[colon]!.tokenType !== P.colon) {
    if (tokens[colon]!.tokenType === P.rcurly || tokens[colon]!.tokenType === P.semicolon) return undefined;
    colon++;
  }
  let start = at - 1;
  while (start > 0 && !tokens[start]!.tokenType.CATEGORIES?.some((c) => c.name === "CompareOp")) start--;
  const text = source.slice(tokens[start]!.startOffset, tokens[colon - 1]!.endOffset! + 1);
  const fixed = source.slice(tokens[start]!.startOffset, tokens[at - 1]!.endOffset! + 1);
  return {
    tokens: replaceAt(tokens, at, colon - at),
    diagnostic: makeDiagnostic("RL119", span(tokenRange(tokens[at]!), tokenRange(tokens[colon - 1]!)), { args: { text: clip(text), fixed: clip(fixed) }, suggestion: fixed }),
    guessed: span(tokenRange(tokens[start]!), tokenRange(tokens[colon - 1]!)),
  };
}

const isCompare = (type: TokenType): boolean => type.CATEGORIES?.some((c) => c.name === "CompareOp") ?? false;

/**
 * The repair for a parser error, when it is one of the known mistakes.
 * @param error - the first parser error
 * @param tokens - the tokens that were parsed
 * @param source - the source text
 */
export function repairError(error: IRecognitionException, tokens: readonly IToken[], source: string): Repaired | undefined {
  const at = tokens.indexOf(error.token);
  if (at < 0) return undefined;
  const token = error.token;
  const type = token.tokenType.name;
  const previous = tokens[at - 1];
  const stack = error.context.ruleStack;
  const { names } = expectationOf(error);
  const range = tokenRange(token);
  if (type === "Identifier") {
    if (tokens[at + 1]?.tokenType === P.lparen && tokens[at + 1]!.startOffset === token.endOffset! + 1) return unknownFunction(tokens, at);
    if (previous !== undefined && NUMBERS.has(previous.tokenType.name) && previous.endLine === token.startLine) return wordAfterNumber(tokens, at, source);
    const word = closest(token.image, keywordCandidates(error, names));
    if (word !== undefined) {
      return { tokens: replaceAt(tokens, at, 1, retyped(token, word, K[word as Keyword])), diagnostic: makeDiagnostic("RL117", range, { args: { word: token.image, suggestion: word }, suggestion: word }) };
    }
    return undefined;
  }
  if (type === "LParen" && previous?.tokenType.name === "Identifier" && previous.endOffset! + 1 === token.startOffset) return unknownFunction(tokens, at - 1);
  // `when x = 0`, `applies when unit.kind = so {`: `=` right after an operand, where it was not expected.
  if (type === "Equals" && !names.includes("Equals") && (stack.some((r) => EXPRESSION_RULES.has(r)) || OPERAND_ENDS.has(previous?.tokenType.name ?? ""))) {
    return { tokens: replaceAt(tokens, at, 1, retyped(token, "==", P.eqeq)), diagnostic: makeDiagnostic("RL114", range, { suggestion: "==" }) };
  }
  if (type === "kw_otherwise" && stack.includes("bandsExpr")) {
    return { tokens: replaceAt(tokens, at, 1, retyped(token, "else", K.else)), diagnostic: makeDiagnostic("RL115", range, { suggestion: "else" }) };
  }
  if (type === "kw_else" && stack.includes("bandsBlock")) {
    const next = tokens[at + 1];
    const drop = next?.tokenType === P.colon ? 2 : 1; // `else:` as in a rule's bands
    return { tokens: replaceAt(tokens, at, drop, retyped(token, "otherwise", K.otherwise)), diagnostic: makeDiagnostic("RL116", range, { suggestion: "otherwise" }) };
  }
  if ((type === "kw_and" || type === "kw_or" || isCompare(token.tokenType)) && stack[stack.length - 1] === "bandArm") return twoSidedArm(tokens, at, source);
  return undefined;
}
