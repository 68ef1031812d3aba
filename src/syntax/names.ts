/**
 * Names written in Unicode: normalised to NFC so that the NFD and NFC spellings of a
 * Vietnamese name are one name, and checked for letters that only look Latin (a
 * Cyrillic `о` in `sо_nv`, a full-width `Ａ`), which would make two names that read
 * the same but differ.
 * @module
 */
import type { IToken } from "chevrotain";
import { makeDiagnostic, type Diagnostic } from "../diagnostics.js";
import { tokenRange } from "./cst-util.js";

/**
 * `U+200B`: a code point as Unicode writes it.
 * @param cp - the code point
 */
export function codePoint(cp: number): string {
  return `U+${cp.toString(16).toUpperCase().padStart(4, "0")}`;
}

const INVISIBLE_NAMES: Readonly<Record<number, string>> = {
  0x00ad: "SOFT HYPHEN", 0x034f: "COMBINING GRAPHEME JOINER", 0x061c: "ARABIC LETTER MARK", 0x180e: "MONGOLIAN VOWEL SEPARATOR",
  0x200b: "ZERO WIDTH SPACE", 0x200c: "ZERO WIDTH NON-JOINER", 0x200d: "ZERO WIDTH JOINER", 0x200e: "LEFT-TO-RIGHT MARK",
  0x200f: "RIGHT-TO-LEFT MARK", 0x2060: "WORD JOINER", 0x202a: "LEFT-TO-RIGHT EMBEDDING", 0x202b: "RIGHT-TO-LEFT EMBEDDING",
  0x202c: "POP DIRECTIONAL FORMATTING", 0x202d: "LEFT-TO-RIGHT OVERRIDE", 0x202e: "RIGHT-TO-LEFT OVERRIDE",
  0x2066: "LEFT-TO-RIGHT ISOLATE", 0x2067: "RIGHT-TO-LEFT ISOLATE", 0x2068: "FIRST STRONG ISOLATE", 0x2069: "POP DIRECTIONAL ISOLATE",
  0x0000: "NUL", 0xfeff: "ZERO WIDTH NO-BREAK SPACE",
};

/**
 * The Unicode name of an invisible or control character, when it is one we know.
 * @param cp - the code point
 */
export function invisibleName(cp: number): string | undefined {
  return INVISIBLE_NAMES[cp];
}

const ASCII = /^[\x00-\x7F]*$/;
const LATIN = /\p{Script=Latin}/u;
const LOOKALIKE_SCRIPTS: readonly [RegExp, string][] = [
  [/\p{Script=Cyrillic}/u, "a Cyrillic letter that looks Latin"],
  [/\p{Script=Greek}/u, "a Greek letter that looks Latin"],
  [/\p{Script=Armenian}/u, "an Armenian letter that looks Latin"],
  [/\p{Script=Cherokee}/u, "a Cherokee letter that looks Latin"],
];

/** The first letter of a name that only looks like the rest, with why. */
function lookalike(name: string): { char: string; why: string } | undefined {
  const chars = [...name];
  const wide = chars.find((c) => /[\uFF21-\uFF3A\uFF41-\uFF5A]/.test(c));
  if (wide !== undefined) return { char: wide, why: "a full-width letter" };
  if (!chars.some((c) => LATIN.test(c))) return undefined; // a name wholly in another alphabet is fine
  for (const c of chars) for (const [script, why] of LOOKALIKE_SCRIPTS) if (script.test(c)) return { char: c, why };
  return undefined;
}

/**
 * Normalises a name token to NFC and reports a letter that only looks Latin (RL122).
 * @param token - an identifier token
 * @param out - where diagnostics go
 */
export function checkName(token: IToken, out: Diagnostic[]): IToken {
  if (ASCII.test(token.image)) return token;
  const image = token.image.normalize("NFC");
  const found = lookalike(image);
  if (found !== undefined) {
    const cp = found.char.codePointAt(0)!;
    out.push(makeDiagnostic("RL122", tokenRange(token), { args: { name: image, char: found.char, code: codePoint(cp), why: found.why } }));
  }
  return image === token.image ? token : { ...token, image };
}
