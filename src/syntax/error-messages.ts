/**
 * Turns chevrotain's recognition errors into catalogue diagnostics with readable
 * wording: "expected a number but found '}'", never token-type names.
 * @module
 */
import type { IParserErrorMessageProvider, IRecognitionException, IToken, TokenType } from "chevrotain";
import type { Range } from "./ast.js";
import { makeDiagnostic, type Diagnostic } from "../diagnostics.js";
import { tokenRange } from "./cst-util.js";

const READABLE: Readonly<Record<string, string>> = {
  Identifier: "a name", StringLiteral: "a quoted text", NumberLiteral: "a number", PercentLiteral: "a percentage",
  DateLiteral: "a date", LCurly: "'{'", RCurly: "'}'", LParen: "'('", RParen: "')'", DotDot: "'..'", Dot: "'.'",
  Comma: "','", Semicolon: "';'", Colon: "':'", Equals: "'='", Minus: "'-'",
  MetaKey: "'id', 'version', 'basis' or 'locale'", RoundingMode: "a rounding mode (half-up, half-even, half-down, up, down)",
  NaPolicy: "'full', 'exclude' or 'zero'", NodeKeyword: "'area', 'criterion' or 'item'",
  Aggregation: "an aggregation (sum, weighted, mean, min, normalised)", NumericType: "a type", SimpleType: "a type",
  RangeValue: "a number", TiePolicy: "'shared', 'dense' or 'ordinal'", RankFigure: "'published' or 'exact'",
  Figure: "'index', 'points', 'bonus' or 'penalty'", Direction: "'asc' or 'desc'", CompareOp: "a comparison (>=, >, <=, <, ==, !=)",
  AddOp: "'+' or '-'", MulOp: "'*' or '/'", Literal: "a value", FunctionName: "a function", ExtraSign: "'bonus' or 'penalty'",
  EOF: "the end of the file",
};

const IF_HINT = "an if-expression inside a calculation needs parentheses: (if … then … else …)";

const STATEMENTS: Readonly<Record<string, string>> = {
  rubric: "a rubric holds id, version, basis, locale, publish, index, unit, not applicable, areas, bonus, penalty, ranking and bands",
  node: "a criterion holds description, evidence, input, let, when, score, aggregate, unclamped, not applicable and child criteria",
  extra: "a bonus or penalty holds description, evidence, input, let, when and score",
  ranking: "a ranking holds by, ties, on and within group",
};

function describeType(type: TokenType): string {
  if (type.name.startsWith("kw_")) return `'${type.name.slice(3)}'`;
  return READABLE[type.name] ?? type.name;
}

/**
 * Text from the source shown in a message, cut to `max` characters.
 * @param text - source text (a token's image, a run of words)
 * @param max - the most characters shown
 */
export function clip(text: string, max = 40): string {
  return text.length <= max ? text : `${text.slice(0, max)}…`;
}

function describeFound(token: IToken): string {
  return token.tokenType.name === "EOF" ? "the end of the file" : `'${clip(token.image)}'`;
}

function expectedList(types: readonly TokenType[]): string {
  const unique = [...new Set(types.map(describeType))];
  const shown = unique.slice(0, 4);
  const head = shown.length <= 1 ? (shown[0] ?? "something else") : `${shown.slice(0, -1).join(", ")} or ${shown[shown.length - 1]}`;
  return unique.length > 4 ? `${head}, …` : head;
}

const names = (types: readonly (TokenType | undefined)[]): string[] => [...new Set(types.filter((t): t is TokenType => t !== undefined).map((t) => t.name))];

/**
 * Encodes what was expected and found as JSON, for {@link toDiagnostic} and the repairs
 * to decode: readable wording, and the token type names (`names`) for "did you mean".
 */
export const messageProvider: IParserErrorMessageProvider = {
  buildMismatchTokenMessage: ({ expected, actual }) => JSON.stringify({ expected: expectedList([expected]), found: describeFound(actual), name: expected.name, names: [expected.name] }),
  buildNotAllInputParsedMessage: ({ firstRedundant }) => JSON.stringify({ expected: "the end of the file", found: describeFound(firstRedundant), names: [] }),
  buildNoViableAltMessage: ({ expectedPathsPerAlt, actual }) => {
    const firsts = expectedPathsPerAlt.flat().map((path) => path[0]);
    return JSON.stringify({ expected: expectedList(firsts.filter((t): t is TokenType => t !== undefined)), found: describeFound(actual[0]!), names: names(firsts) });
  },
  buildEarlyExitMessage: ({ expectedIterationPaths, actual }) => {
    const firsts = expectedIterationPaths.map((path) => path[0]);
    return JSON.stringify({ expected: expectedList(firsts.filter((t): t is TokenType => t !== undefined)), found: describeFound(actual[0]!), names: names(firsts) });
  },
};

/** What a parser error expected, decoded from its message. */
export interface Expectation {
  /** Readable: "a number, '{' or 'x', …". */
  readonly expected: string;
  /** What was found, quoted. */
  readonly found: string;
  /** Token type names expected (e.g. `kw_score`, `RCurly`, `CompareOp`). */
  readonly names: readonly string[];
}

/**
 * Decodes the expectation {@link messageProvider} put into an error's message.
 * @param error - a parser error
 */
export function expectationOf(error: IRecognitionException): Expectation {
  try {
    const parsed = JSON.parse(error.message) as { expected?: string; found?: string; name?: string; names?: string[] };
    return { expected: parsed.expected ?? "something else", found: parsed.found ?? describeFound(error.token), names: parsed.names ?? (parsed.name === undefined ? [] : [parsed.name]) };
  } catch {
    return { expected: "something else", found: describeFound(error.token), names: [] };
  }
}

/**
 * Maps one parser error to a diagnostic: RL123 for a file with no rubric at all, RL111
 * at the end of the file, RL112 for a
 * reserved word where a name belongs, RL110 otherwise.
 * @param error - chevrotain's recognition exception (message made by {@link messageProvider})
 * @param endOfSource - where the source ends, for errors at end of file
 */
export function toDiagnostic(error: IRecognitionException, endOfSource: Range): Diagnostic {
  const { expected, found, names: expectedNames } = expectationOf(error);
  if (error.token.tokenType.name === "EOF" || Number.isNaN(error.token.startOffset)) {
    // Nothing but blanks and comments: "a closing '}' missing?" would mislead.
    if (expected === "'rubric'") return makeDiagnostic("RL123", endOfSource);
    return makeDiagnostic("RL111", endOfSource, { args: { expected } });
  }
  const range = tokenRange(error.token);
  // `1 + if …`: an if-expression inside a calculation needs parentheses.
  if (error.token.tokenType.name === "kw_if" && expected.includes(READABLE["Literal"]!)) {
    return makeDiagnostic("RL113", range, { args: { found: "'if'", hint: IF_HINT } });
  }
  if ((expectedNames.includes("Identifier") || expected === READABLE["Identifier"]) && error.token.tokenType.name.startsWith("kw_")) {
    return makeDiagnostic("RL112", range, { args: { word: error.token.image }, suggestion: `${error.token.image}_value` }); // a keyword: short
  }
  // A name where a statement belongs: say what belongs there rather than "expected '}'".
  const rule = error.context.ruleStack[error.context.ruleStack.length - 1];
  const hint = rule === undefined ? undefined : STATEMENTS[rule];
  if (expected === "'}'" && error.token.tokenType.name === "Identifier" && hint !== undefined) {
    return makeDiagnostic("RL113", range, { args: { found: `'${clip(error.token.image)}'`, hint } });
  }
  return makeDiagnostic("RL110", range, { args: { expected, found } });
}
