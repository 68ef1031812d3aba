/**
 * Parsing JSON without losing a number: `JSON.parse` reads `1.00499999999999999999`
 * through a binary float (1.005) and `1e-999999999` as 0. Here a number whose text a
 * float does not hold exactly — more than 15 significant digits, or an exponent — is
 * kept as its text (a {@link JsonNumberText}), which the submission readers then read
 * exactly or refuse as documented; every other number is the plain JS number, equal to
 * its text. Text with no such number is parsed by `JSON.parse` alone. Pure.
 * @module
 */

/** A JSON number kept as written, because a float would change it. */
export class JsonNumberText {
  /**
   * @param text - the number exactly as it stands in the JSON text
   */
  constructor(readonly text: string) {}
}

/** Parsed JSON, or the parse error's message. */
export type JsonParse = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly message: string };

// A run of 16 digits (a dot may stand among them), or an exponent: a number that may
// not survive a float. Matches inside strings too; those texts just take the exact path.
const RISKY = /\d[eE][-+]?\d|\d[\d.]{15}/;

/**
 * Parses JSON text, keeping numbers a float would change as {@link JsonNumberText}.
 * Errors are `JSON.parse`'s own messages (with V8's position).
 * @param text - JSON text
 */
export function parseJsonExact(text: string): JsonParse {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  return { ok: true, value: RISKY.test(text) ? exactParse(text) : value };
}

/**
 * Whether the float `Number(text)` holds a number's text exactly and reads back as the
 * same plain decimal: at most 15 significant digits, no exponent, a safe integer or a
 * fraction whose shortest spelling has no exponent either (`1e-7`, `1e21` have one).
 */
function floatHolds(t: string): boolean {
  if (/[eE]/.test(t)) return false;
  const digits = t.replace(/^-/, "").replace(".", "").replace(/^0+/, "").replace(/0+$/, "");
  if (digits.length > 15) return false;
  const n = Number(t);
  return !String(n).includes("e") && (!Number.isInteger(n) || Number.isSafeInteger(n));
}

type Frame = { readonly kind: "array"; readonly value: unknown[] } | { readonly kind: "object"; readonly value: Record<string, unknown>; key: string | undefined };

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][-+]?\d+)?/y;
const STRING = /"(?:[^"\\]|\\.)*"/y;

/**
 * A second, exact pass over text `JSON.parse` already accepted: iterative (no
 * recursion, however deep the nesting), objects built as `JSON.parse` builds them (a
 * `__proto__` key is an own property, not the prototype).
 */
function exactParse(text: string): unknown {
  const stack: Frame[] = [];
  let root: unknown;
  let i = 0;
  const put = (v: unknown): void => {
    const top = stack[stack.length - 1];
    if (top === undefined) root = v;
    else if (top.kind === "array") top.value.push(v);
    else {
      Object.defineProperty(top.value, top.key!, { value: v, writable: true, enumerable: true, configurable: true });
      top.key = undefined;
    }
  };
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13 || c === 44 || c === 58) { i++; continue; }
    if (c === 123 || c === 91) {
      const frame: Frame = c === 123 ? { kind: "object", value: {}, key: undefined } : { kind: "array", value: [] };
      put(frame.value);
      stack.push(frame);
      i++;
    } else if (c === 125 || c === 93) {
      stack.pop();
      i++;
    } else if (c === 34) {
      STRING.lastIndex = i;
      const token = STRING.exec(text)![0];
      const s = token.includes("\\") ? (JSON.parse(token) as string) : token.slice(1, -1);
      i += token.length;
      const top = stack[stack.length - 1];
      if (top?.kind === "object" && top.key === undefined) top.key = s;
      else put(s);
    } else if (c === 116) { put(true); i += 4; }
    else if (c === 102) { put(false); i += 5; }
    else if (c === 110) { put(null); i += 4; }
    else {
      NUMBER.lastIndex = i;
      const token = NUMBER.exec(text)![0];
      put(floatHolds(token) ? Number(token) : new JsonNumberText(token));
      i += token.length;
    }
  }
  return root;
}
