/**
 * Tokens for what authors paste from Word, Excel or a web page rather than type: curly
 * quotes, `≥ ≤ ≠ × ÷ −`, full-width digits, dates written dd/mm/yyyy and invisible
 * characters. The lexer recognises them so that `lex.ts` can report each once, with
 * the fix, and repair it so that parsing goes on as if the author had written it right.
 * @module
 */
import { createToken, type TokenType } from "chevrotain";

/**
 * A token matched by a sticky regular expression (one with the `u` flag, which
 * chevrotain drops from a plain pattern), kept only when `accept` says so.
 * @param name - the token type's name
 * @param regex - a sticky (`y`) expression
 * @param starts - the character codes a match may start with (chevrotain's hint)
 * @param accept - a last check of the matched text
 */
export function stickyToken(name: string, regex: RegExp, starts: readonly (number | string)[], accept: (text: string) => boolean = () => true): TokenType {
  const exec = (text: string, offset: number): RegExpExecArray | null => {
    regex.lastIndex = offset;
    const found = regex.exec(text);
    return found !== null && accept(found[0]) ? found : null;
  };
  return createToken({ name, pattern: { exec }, line_breaks: false, start_chars_hint: [...starts] });
}

/**
 * Start characters for chevrotain's first-character optimisation: the ASCII ones
 * `ascii` accepts, each code from 128 to 255, and one code of each block of 255 above
 * (chevrotain looks those up by block). Without a hint every character, a bad one
 * included, would be tried against every token.
 * @param ascii - which ASCII characters may start the token
 */
export function startCodes(ascii: (c: string) => boolean): number[] {
  const codes: number[] = [];
  for (let c = 0; c < 0x80; c++) if (ascii(String.fromCharCode(c))) codes.push(c);
  for (let c = 0x80; c < 0x10000; c += c < 0x100 ? 1 : 255) codes.push(c);
  return codes;
}

const DIGITS = [..."0123456789"];

/** `“…”`: a string in typographic quotes (closed by any double quote, or at the end of the line). */
export const CurlyString = createToken({ name: "CurlyString", pattern: /[\u201C\u201D\u201E\u201F\u2033][^"\u201C\u201D\u201E\u201F\u2033\r\n]*[\u201C\u201D\u201E\u201F\u2033"]?/ });

/** The ASCII operator each typographic operator stands for. */
export const TYPOGRAPHIC_OPERATORS: Readonly<Record<string, string>> = {
  "\u2265": ">=", "\u2A7E": ">=", "\u2264": "<=", "\u2A7D": "<=", "\u2260": "!=", "\u00D7": "*", "\u00F7": "/", "\u2212": "-",
};

/** `≥ ≤ ≠ × ÷ −` (and `⩾ ⩽`): operators from a word processor. */
export const TypographicOperator = createToken({ name: "TypographicOperator", pattern: /[\u2265\u2A7E\u2264\u2A7D\u2260\u00D7\u00F7\u2212]/ });

const WIDE_NUMBER = /[0-9\uFF10-\uFF19]+(?:[.\uFF0E][0-9\uFF10-\uFF19]+)?[%\uFF05]?/y;

/** A number written (at least partly) with full-width digits, point or percent sign: `９０％`. */
export const FullWidthNumber = stickyToken("FullWidthNumber", WIDE_NUMBER, [...DIGITS, ..."０１２３４５６７８９"], (text) => /[\uFF05-\uFF19]/.test(text));

const DAY_FIRST = /(\d{1,2})([/.-])(\d{1,2})\2(\d{4})(?![0-9])/y;

/**
 * Day, month and year of a date written day first (`31/12/2016`, `31-12-2016`,
 * `31.12.2016`), or undefined when the text is not such a date.
 * @param text - the token text
 */
export function dayFirstDate(text: string): { year: string; month: string; day: string } | undefined {
  DAY_FIRST.lastIndex = 0;
  const m = DAY_FIRST.exec(text);
  if (m === null) return undefined;
  const [day, month, year] = [Number(m[1]), Number(m[3]), Number(m[4])];
  if (day < 1 || day > 31 || month < 1 || month > 12 || year < 1900 || year > 2199) return undefined;
  return { year: m[4]!, month: m[3]!.padStart(2, "0"), day: m[1]!.padStart(2, "0") };
}

/** A date written day first, as the decisions print it; the language writes `2016-12-31`. */
export const DayFirstDate = stickyToken("DayFirstDate", DAY_FIRST, DIGITS, (text) => dayFirstDate(text) !== undefined);

/** Characters that show nothing: zero-width spaces and joiners, direction marks, a soft hyphen. */
export const Invisible = createToken({ name: "Invisible", pattern: /[\u200B-\u200F\u2060-\u2064\u00AD\u034F\u061C\u180E\u202A-\u202E\u2066-\u2069]+/ });

// Everything that can start a token; a run of anything else is one BadCharacters token.
const BAD_CHAR = /[^\s\p{L}\p{M}\p{Nd}_"\u201C-\u201F\u2033{}(),;:=<>!+\-*/.%\u2265\u2A7E\u2264\u2A7D\u2260\u00D7\u00F7\u2212\u200B-\u200F\u2060-\u2064\u00AD\u034F\u061C\u180E\u202A-\u202E\u2066-\u2069\uFEFF\uFF05\uFF0E]/u;
// Spaces between bad characters stay in the run: `@ @ @` is one run, one token.
const BAD = new RegExp(`${BAD_CHAR.source}+(?:[ \\t]+${BAD_CHAR.source}+)*`, "uy");

/**
 * A run of characters that cannot start any token (`@#$`, `€`, `§`). Matching them as
 * a token keeps the lexer out of its error mode, which retries every pattern at every
 * character of a run; `lex.ts` reports each run once (RL100) and drops it.
 */
export const BadCharacters = stickyToken("BadCharacters", BAD, startCodes((c) => BAD_CHAR.test(c)));

/** The mistake tokens, in matching order; they go before the numbers and names they resemble. */
export const MISTAKE_TOKENS = [CurlyString, TypographicOperator, Invisible, DayFirstDate, FullWidthNumber];
