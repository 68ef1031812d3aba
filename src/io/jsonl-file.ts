/**
 * Reading submissions from a JSON Lines file as a stream: one submission per line,
 * blank lines skipped, a byte-order mark and CRLF line ends accepted. Memory holds one
 * line at a time, and a line is never buffered beyond its limit (a file with no line
 * break, `/dev/zero`, costs one line's limit, not the file), so a file of a million
 * units reads in flat memory. The bytes must be UTF-8; numbers are read exactly.
 * @module
 */
import { createReadStream } from "node:fs";
import type { Locale } from "../diagnostics.js";
import { fileProblem, type ReadOptions } from "./csv-file.js";
import { streamDecoder } from "./encoding.js";
import { JsonNumberText, parseJsonExact } from "./json-text.js";
import { encodingMessage, MESSAGES } from "./messages.js";
import { countText } from "./data-messages.js";
import { shorten } from "./value-messages.js";

/** The longest line read, in characters. */
export const MAX_LINE_CHARS = 1 << 20;

/** A submission read from a data file, or a problem naming the file and line. */
export type JsonItem =
  | { readonly ok: true; readonly value: unknown; readonly origin: string }
  | { readonly ok: false; readonly message: string; /** The line, when the problem is one unit's (not the file's). */ readonly origin?: string };

/**
 * A JSON parse error's message with the place as line and column instead of V8's
 * character position.
 * @param text - the parsed text
 * @param message - the parse error's message
 * @param oneLine - the text is one line (of JSON Lines): name the column only
 */
export function jsonErrorText(text: string, message: string, oneLine = false, locale: Locale = "en"): string {
  const at = /\s*in JSON at position (\d+)(?: \(line \d+ column \d+\))?/.exec(message);
  const vi = locale === "vi";
  // The parser's own reason is English: in Vietnamese, the place is what helps.
  if (at === null) return vi ? "lỗi cú pháp JSON" : message;
  const before = text.slice(0, Number(at[1]));
  const column = before.length - before.lastIndexOf("\n");
  const line = before.split("\n").length;
  if (vi) return `lỗi cú pháp ${oneLine ? `ở cột ${column}` : `ở dòng ${line}, cột ${column}`}`;
  const place = oneLine ? `column ${column}` : `line ${line} column ${column}`;
  return `${message.replace(at[0], "")} at ${place}`;
}

/** Lines of a text stream, each cut at `limit` characters (`length` says how long it was). */
async function* linesOf(chunks: AsyncIterable<string>, limit: number): AsyncGenerator<{ text: string; length: number }> {
  let line = "";
  let length = 0; // the current line's full length, though only `limit` characters are kept
  for await (const chunk of chunks) {
    let start = 0;
    for (let nl = chunk.indexOf("\n"); nl >= 0; nl = chunk.indexOf("\n", start)) {
      const piece = chunk.slice(start, nl);
      if (line.length < limit + 1) line += piece.slice(0, limit + 1 - line.length);
      length += piece.length;
      yield { text: line.endsWith("\r") ? line.slice(0, -1) : line, length };
      line = "";
      length = 0;
      start = nl + 1;
    }
    const rest = chunk.slice(start);
    if (line.length < limit + 1) line += rest.slice(0, limit + 1 - line.length);
    length += rest.length;
  }
  if (length > 0) yield { text: line.endsWith("\r") ? line.slice(0, -1) : line, length };
}

/**
 * Streams the submissions of a JSON Lines file, one per non-blank line. A line that is
 * not JSON, not an object, or too long is reported with its number; the others go on.
 * A file that is not UTF-8 stops at the first bad byte, named.
 * @param file - the `.jsonl` file
 * @param options - a progress callback, and the language of new messages
 */
export async function* readJsonLinesSubmissions(file: string, options: ReadOptions & { readonly locale?: Locale } = {}): AsyncGenerator<JsonItem> {
  const locale = options.locale ?? "en";
  const stream = createReadStream(file);
  const opened = await new Promise<unknown>((resolve) => {
    stream.once("ready", () => resolve(undefined));
    stream.once("error", (error) => resolve(error));
  });
  if (opened !== undefined) {
    yield { ok: false, message: fileProblem(file, opened, locale) };
    return;
  }
  let encodingProblem: string | undefined;
  const decoder = streamDecoder();
  async function* text(): AsyncGenerator<string> {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      const piece = decoder.push(chunk);
      if (typeof piece !== "string") {
        encodingProblem = encodingMessage(file, piece, locale);
        return;
      }
      yield piece;
    }
    const last = decoder.end();
    if (typeof last === "string") yield last;
    else encodingProblem = encodingMessage(file, last, locale);
  }
  let n = 0;
  let units = 0;
  let problems = 0;
  try {
    for await (const { text: raw, length } of linesOf(text(), MAX_LINE_CHARS)) {
      n++;
      const line = n === 1 ? raw.replace(/^\uFEFF/, "") : raw;
      if (n % 256 === 0) options.onProgress?.(stream.bytesRead);
      if (length > MAX_LINE_CHARS) {
        problems++;
        yield { ok: false, origin: `${file}:${n}`, message: MESSAGES.jsonLineTooLong(locale, `${file}:${n}`, countText(length, locale), countText(MAX_LINE_CHARS, locale)) };
        continue;
      }
      if (line.trim() === "") continue;
      const parsed = parseJsonExact(line);
      if (!parsed.ok) {
        problems++;
        yield { ok: false, origin: `${file}:${n}`, message: MESSAGES.jsonLineInvalid(locale, `${file}:${n}`, jsonErrorText(line, parsed.message, true, locale)) };
        continue;
      }
      const value = parsed.value;
      if (value === null || typeof value !== "object" || Array.isArray(value) || value instanceof JsonNumberText) {
        problems++;
        const what = Array.isArray(value) ? (locale === "vi" ? "một mảng" : "an array") : value instanceof JsonNumberText ? value.text : JSON.stringify(value);
        yield { ok: false, origin: `${file}:${n}`, message: MESSAGES.jsonLineNotObject(locale, `${file}:${n}`, shorten(what)) };
        continue;
      }
      units++;
      yield { ok: true, value, origin: `${file}:${n}` };
    }
  } catch (error) {
    yield { ok: false, message: `${file}:${n + 1}: cannot read on (${(error as Error).message})` };
    return;
  } finally {
    stream.destroy();
  }
  if (encodingProblem !== undefined) {
    yield { ok: false, message: encodingProblem };
    return;
  }
  if (units === 0 && problems === 0) yield { ok: false, message: `${file}: the file ${n === 0 ? "is empty" : "has only blank lines"}; write one submission object per line` };
}
