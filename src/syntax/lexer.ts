/**
 * Tokens of the rubric language and the one lexer instance that produces them.
 * Keywords are reserved and case-sensitive; each uses `longer_alt: Identifier` so a
 * name such as `scores` is not split into the keyword `score` and `s`.
 * @module
 */
import { createToken, Lexer, type TokenType } from "chevrotain";
import { BadCharacters, MISTAKE_TOKENS, startCodes, stickyToken } from "./lexer-mistakes.js";

/** Every reserved word of the language, in the order of the grammar. */
export const KEYWORDS = [
  "rubric", "id", "version", "basis", "locale", "publish", "precision", "rounding", "index", "may", "exceed",
  "unit", "area", "criterion", "item", "max", "weight", "applies", "when", "from", "survey",
  "description", "evidence", "aggregate", "sum", "weighted", "mean", "min", "normalised", "unclamped",
  "not", "applicable", "full", "exclude", "zero", "input", "let", "score", "given", "step",
  "list", "of", "number", "count", "percent", "likert", "bool", "date", "text", "enum", "in",
  "bonus", "penalty", "ranking", "by", "then", "ties", "shared", "dense", "ordinal", "on", "published", "exact",
  "within", "group", "asc", "desc", "bands", "otherwise", "if", "else", "or", "and", "true", "false", "points",
  "clamp", "round", "floor", "ceil", "abs", "ratio", "up", "down",
  "share", "match",
  "cohort", "eligible",
] as const;

/** A reserved word. */
export type Keyword = (typeof KEYWORDS)[number];

/**
 * A name: Unicode letters (Vietnamese included, in NFC or NFD: combining marks may
 * follow a letter), ASCII digits and `_`, not starting with a digit. The lex stage
 * normalises each name to NFC (see `lex.ts`), so both spellings are one name.
 */
export const Identifier = stickyToken("Identifier", /[\p{L}_][\p{L}\p{M}0-9_]*/uy, startCodes((c) => /[A-Za-z_]/.test(c)));

const category = (name: string): TokenType => createToken({ name, pattern: Lexer.NA });
/** Token categories: one grammar position accepts any member (e.g. `area|criterion|item`). */
export const C = {
  metaKey: category("MetaKey"),
  roundingMode: category("RoundingMode"),
  naPolicy: category("NaPolicy"),
  nodeKeyword: category("NodeKeyword"),
  aggregation: category("Aggregation"),
  numericType: category("NumericType"),
  simpleType: category("SimpleType"),
  rangeValue: category("RangeValue"),
  tiePolicy: category("TiePolicy"),
  rankFigure: category("RankFigure"),
  figure: category("Figure"),
  direction: category("Direction"),
  compareOp: category("CompareOp"),
  addOp: category("AddOp"),
  mulOp: category("MulOp"),
  literal: category("Literal"),
  functionName: category("FunctionName"),
  extraSign: category("ExtraSign"),
} as const;

const KEYWORD_CATEGORIES: Partial<Record<Keyword, TokenType[]>> = {
  id: [C.metaKey], version: [C.metaKey], basis: [C.metaKey], locale: [C.metaKey],
  up: [C.roundingMode], down: [C.roundingMode],
  full: [C.naPolicy], exclude: [C.naPolicy], zero: [C.naPolicy],
  area: [C.nodeKeyword], criterion: [C.nodeKeyword], item: [C.nodeKeyword],
  sum: [C.aggregation, C.functionName], weighted: [C.aggregation], mean: [C.aggregation, C.functionName],
  min: [C.aggregation, C.functionName], normalised: [C.aggregation],
  number: [C.numericType], count: [C.numericType, C.functionName], percent: [C.numericType],
  bool: [C.simpleType], date: [C.simpleType], text: [C.simpleType],
  shared: [C.tiePolicy], dense: [C.tiePolicy], ordinal: [C.tiePolicy],
  published: [C.rankFigure], exact: [C.rankFigure],
  index: [C.figure], points: [C.figure], bonus: [C.figure, C.extraSign], penalty: [C.figure, C.extraSign],
  asc: [C.direction], desc: [C.direction],
  true: [C.literal], false: [C.literal],
  clamp: [C.functionName], round: [C.functionName], floor: [C.functionName], ceil: [C.functionName],
  abs: [C.functionName], ratio: [C.functionName], share: [C.functionName],
};

/** Keyword tokens by their word. */
export const K = Object.fromEntries(
  KEYWORDS.map((word) => [
    word,
    createToken({
      name: `kw_${word}`,
      pattern: new RegExp(`${word}(?![A-Za-z0-9_])`),
      longer_alt: Identifier,
      categories: KEYWORD_CATEGORIES[word] ?? [],
    }),
  ]),
) as Readonly<Record<Keyword, TokenType>>;

/** Rounding modes written with a hyphen. */
export const HalfUp = createToken({ name: "HalfUp", pattern: /half-up/, categories: [C.roundingMode] });
/** `half-even`. */
export const HalfEven = createToken({ name: "HalfEven", pattern: /half-even/, categories: [C.roundingMode] });
/** `half-down`. */
export const HalfDown = createToken({ name: "HalfDown", pattern: /half-down/, categories: [C.roundingMode] });

/** `"…"` on one line, with escapes `\"`, `\\`, `\n`, `\t`. */
export const StringLiteral = createToken({ name: "StringLiteral", pattern: /"(?:[^"\\\r\n]|\\.)*"/ });
/** A string with no closing quote on its line (reported as RL101). */
export const UnterminatedString = createToken({ name: "UnterminatedString", pattern: /"(?:[^"\\\r\n]|\\.)*/ });
/** `2022-12-15`. */
export const DateLiteral = createToken({ name: "DateLiteral", pattern: /\d{4}-\d{2}-\d{2}(?![0-9])/, categories: [C.literal] });
/** `80%`, `12.5%`. */
export const PercentLiteral = createToken({ name: "PercentLiteral", pattern: /\d+(?:\.\d+)?%/, categories: [C.literal, C.rangeValue] });
/** `0,5`: a decimal comma (reported as RL103, then read as `0.5`). */
export const DecimalComma = createToken({ name: "DecimalComma", pattern: /\d+,\d+%?/ });
/** `12`, `0.25`. */
export const NumberLiteral = createToken({ name: "NumberLiteral", pattern: /\d+(?:\.\d+)?/, categories: [C.literal, C.rangeValue] });

const punct = (name: string, pattern: RegExp, categories: TokenType[] = []): TokenType => createToken({ name, pattern, categories });
/** Punctuation and operators. */
export const P = {
  lcurly: punct("LCurly", /\{/), rcurly: punct("RCurly", /\}/), lparen: punct("LParen", /\(/), rparen: punct("RParen", /\)/),
  dotdot: punct("DotDot", /\.\./), dot: punct("Dot", /\./), comma: punct("Comma", /,/), semicolon: punct("Semicolon", /;/),
  colon: punct("Colon", /:/), eqeq: punct("EqEq", /==/, [C.compareOp]), neq: punct("NotEq", /!=/, [C.compareOp]),
  le: punct("LessEq", /<=/, [C.compareOp]), ge: punct("GreaterEq", />=/, [C.compareOp]), lt: punct("Less", /</, [C.compareOp]),
  gt: punct("Greater", />/, [C.compareOp]), equals: punct("Equals", /=/),
  plus: punct("Plus", /\+/, [C.addOp]), minus: punct("Minus", /-/, [C.addOp]), star: punct("Star", /\*/, [C.mulOp]),
  slash: punct("Slash", /\//, [C.mulOp]),
} as const;

/** White space, including a byte-order mark. */
export const WhiteSpace = createToken({ name: "WhiteSpace", pattern: /[\s\uFEFF]+/, group: Lexer.SKIPPED });
/** `// …` to the end of the line. */
export const LineComment = createToken({ name: "LineComment", pattern: /\/\/[^\r\n]*/, group: "comments" });
/** `/* … *\/`. */
export const BlockComment = createToken({ name: "BlockComment", pattern: /\/\*[\s\S]*?\*\//, group: "comments", line_breaks: true });
/** `/*` with no closing `*\/` (reported as RL102). */
export const UnterminatedComment = createToken({ name: "UnterminatedComment", pattern: /\/\*[\s\S]*/, line_breaks: true });

/** Every token type, in matching order (first match wins; longer forms first). */
export const ALL_TOKENS: TokenType[] = [
  WhiteSpace, LineComment, BlockComment, UnterminatedComment, StringLiteral, UnterminatedString,
  ...MISTAKE_TOKENS, DateLiteral, PercentLiteral, DecimalComma, NumberLiteral,
  P.dotdot, P.dot, P.comma, P.semicolon, P.colon, P.eqeq, P.neq, P.le, P.ge, P.lt, P.gt, P.equals,
  P.plus, P.minus, P.star, P.slash, P.lcurly, P.rcurly, P.lparen, P.rparen,
  HalfUp, HalfEven, HalfDown, ...Object.values(K), Identifier, BadCharacters, ...Object.values(C),
];

/** The one lexer instance, reused for every source. */
export const rubricLexer = new Lexer(ALL_TOKENS, { positionTracking: "full", ensureOptimizations: true });
