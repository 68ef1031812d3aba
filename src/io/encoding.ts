/**
 * Telling UTF-8 text from what is not: every text file is read as strict UTF-8, so a
 * file in a legacy encoding (Windows-1258, TCVN3) or in UTF-16 is refused with one
 * message naming its encoding or the first bad byte — never read as garbled names,
 * never "repaired" with U+FFFD. Pure: `TextDecoder` exists in Node and browsers.
 * @module
 */

/** Why bytes are not usable UTF-8 text, with where it shows. */
export type EncodingProblem =
  | { readonly kind: "utf16" | "utf32" }
  | { readonly kind: "invalid"; readonly line: number; readonly column: number; readonly byte: number }
  | { readonly kind: "nul"; readonly line: number; readonly column: number };

/** Decoded text (byte-order mark dropped), or the problem. */
export type Decoded = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly problem: EncodingProblem };

/**
 * The encoding a file's first bytes announce or betray, when it is not UTF-8: a
 * UTF-16 or UTF-32 byte-order mark, or (without one) zero bytes at every other place
 * of the first line, as UTF-16 writes ASCII.
 * @param head - the first bytes of the file (a few hundred suffice)
 */
export function wideEncoding(head: Uint8Array): "utf16" | "utf32" | undefined {
  const [a, b, c, d] = head;
  if ((a === 0xff && b === 0xfe && c === 0 && d === 0) || (a === 0 && b === 0 && c === 0xfe && d === 0xff)) return "utf32";
  if ((a === 0xff && b === 0xfe) || (a === 0xfe && b === 0xff)) return "utf16";
  const n = Math.min(head.length, 512) & ~1;
  if (n < 4) return undefined;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (head[i] === 0) evenZeros++;
    if (head[i + 1] === 0) oddZeros++;
  }
  // ASCII in UTF-16 is a zero every other byte; UTF-8 text has none at all.
  const pairs = n / 2;
  return (evenZeros >= pairs * 0.4 && oddZeros === 0) || (oddZeros >= pairs * 0.4 && evenZeros === 0) ? "utf16" : undefined;
}

/** Line (1-based) and column (1-based, in characters) of a byte offset in UTF-8 bytes. */
export function placeOfByte(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  // Characters before the offset on its line: count bytes that start a character.
  let column = 1;
  for (let i = lineStart; i < offset; i++) if ((bytes[i]! & 0xc0) !== 0x80) column++;
  return { line, column };
}

/**
 * The offset of the first byte that breaks UTF-8 (a stray continuation byte, a
 * sequence cut short, an overlong form, a surrogate), or -1 when the bytes are valid.
 * @param bytes - the bytes to check
 */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) { i++; continue; }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) { need = 1; min = 0x80; }
    else if (b >= 0xe0 && b <= 0xef) { need = 2; min = 0x800; }
    else if (b >= 0xf0 && b <= 0xf4) { need = 3; min = 0x10000; }
    else return i;
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

/** How many bytes at the end of a chunk begin a character that the next chunk completes. */
function unfinished(chunk: Uint8Array): number {
  for (let back = 1; back <= Math.min(3, chunk.length); back++) {
    const b = chunk[chunk.length - back]!;
    if ((b & 0xc0) === 0x80) continue;
    const length = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return length > back ? back : 0;
  }
  return 0;
}

/**
 * Decodes a whole file's bytes as strict UTF-8, dropping a byte-order mark. Refused:
 * UTF-16 and UTF-32 (named as such), bytes that are not UTF-8 (the first one's line
 * and column), and NUL characters (binary data, or a wide encoding without its mark).
 * @param bytes - the file's content
 */
export function decodeUtf8(bytes: Uint8Array): Decoded {
  const wide = wideEncoding(bytes.subarray(0, 512));
  if (wide !== undefined) return { ok: false, problem: { kind: wide } };
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    const at = Math.max(0, firstInvalidUtf8(bytes));
    return { ok: false, problem: { kind: "invalid", ...placeOfByte(bytes, at), byte: bytes[at] ?? 0 } };
  }
  const nul = text.indexOf("\u0000");
  if (nul >= 0) {
    const at = bytes.indexOf(0);
    return { ok: false, problem: { kind: "nul", ...placeOfByte(bytes, at) } };
  }
  return { ok: true, text };
}

/**
 * A strict UTF-8 decoder for a stream of chunks: `push` returns the text of each chunk
 * (a character split between chunks is completed by the next), `end` what is left.
 * On the first problem both return it instead, with its place counted over the whole
 * stream; the caller stops there.
 */
export interface StreamDecoder {
  /** Decodes the next chunk. */
  push(chunk: Uint8Array): string | EncodingProblem;
  /** Ends the stream (a character cut short at the end is a problem). */
  end(): string | EncodingProblem;
}

/** A new {@link StreamDecoder} (the byte-order mark of the first chunk is dropped). */
export function streamDecoder(): StreamDecoder {
  const decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });
  let first = true;
  let line = 1;
  let carry = new Uint8Array(0); // bytes of the current line so far, for a problem's column
  let tail = new Uint8Array(0); // the previous chunk's unfinished character, if any
  const locate = (chunk: Uint8Array, offset: number): { line: number; column: number } => {
    const joined = new Uint8Array(carry.length + chunk.length);
    joined.set(carry);
    joined.set(chunk, carry.length);
    const at = placeOfByte(joined, carry.length + offset);
    return { line: line + at.line - 1, column: at.column };
  };
  const advance = (chunk: Uint8Array): void => {
    const last = chunk.lastIndexOf(0x0a);
    if (last < 0) {
      // Only the start of a long line is needed for a column; keep at most 64 KB of it.
      if (carry.length < 65536) {
        const joined = new Uint8Array(Math.min(65536, carry.length + chunk.length));
        joined.set(carry.subarray(0, joined.length));
        joined.set(chunk.subarray(0, joined.length - carry.length), carry.length);
        carry = joined;
      }
      return;
    }
    for (let i = 0; i <= last; i++) if (chunk[i] === 0x0a) line++;
    carry = chunk.slice(last + 1, last + 1 + 65536);
  };
  return {
    push(chunk) {
      if (first) {
        first = false;
        const wide = wideEncoding(chunk.subarray(0, 512));
        if (wide !== undefined) return { kind: wide };
      }
      let text: string;
      try {
        text = decoder.decode(chunk, { stream: true });
      } catch {
        const joined = new Uint8Array(tail.length + chunk.length);
        joined.set(tail);
        joined.set(chunk, tail.length);
        const at = Math.max(0, firstInvalidUtf8(joined) - tail.length);
        return { kind: "invalid", ...locate(chunk, at), byte: chunk[at] ?? 0 };
      }
      const nul = chunk.indexOf(0);
      if (nul >= 0) return { kind: "nul", ...locate(chunk, nul) };
      advance(chunk);
      tail = chunk.slice(chunk.length - unfinished(chunk));
      return text;
    },
    end() {
      try {
        return decoder.decode();
      } catch {
        return { kind: "invalid", line, column: 1, byte: carry[carry.length - 1] ?? 0 };
      }
    },
  };
}
