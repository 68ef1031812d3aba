/**
 * Reading submissions from a JSON Lines file as a stream: one submission per line,
 * blank lines skipped, a byte-order mark and CRLF line ends accepted. Memory holds one
 * line at a time, so a file of a million units reads in flat memory.
 * @module
 */
import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import { fileProblem, type ReadOptions } from "./csv-file.js";

/** The longest line read, in characters. */
export const MAX_LINE_CHARS = 1 << 20;

/** A submission read from a data file, or a problem naming the file and line. */
export type JsonItem = { readonly ok: true; readonly value: unknown; readonly origin: string } | { readonly ok: false; readonly message: string };

/**
 * A JSON parse error's message with the place as line and column instead of V8's
 * character position.
 * @param text - the parsed text
 * @param message - the parse error's message
 * @param oneLine - the text is one line (of JSON Lines): name the column only
 */
export function jsonErrorText(text: string, message: string, oneLine = false): string {
  const at = /\s*in JSON at position (\d+)(?: \(line \d+ column \d+\))?/.exec(message);
  if (at === null) return message;
  const before = text.slice(0, Number(at[1]));
  const column = before.length - before.lastIndexOf("\n");
  const place = oneLine ? `column ${column}` : `line ${before.split("\n").length} column ${column}`;
  return `${message.replace(at[0], "")} at ${place}`;
}

/**
 * Streams the submissions of a JSON Lines file, one per non-blank line. A line that is
 * not JSON, not an object, or too long is reported with its number; the others go on.
 * @param file - the `.jsonl` file
 * @param options - a progress callback
 */
export async function* readJsonLinesSubmissions(file: string, options: ReadOptions = {}): AsyncGenerator<JsonItem> {
  const stream = createReadStream(file, { encoding: "utf8" });
  const opened = await new Promise<unknown>((resolve) => {
    stream.once("ready", () => resolve(undefined));
    stream.once("error", (error) => resolve(error));
  });
  if (opened !== undefined) {
    yield { ok: false, message: fileProblem(file, opened) };
    return;
  }
  const lines = createInterface({ input: stream, crlfDelay: Infinity });
  let n = 0;
  let units = 0;
  let problems = 0;
  try {
    for await (const raw of lines) {
      n++;
      const line = n === 1 ? raw.replace(/^\uFEFF/, "") : raw;
      if (n % 256 === 0) options.onProgress?.(stream.bytesRead);
      if (line.trim() === "") continue;
      if (line.length > MAX_LINE_CHARS) {
        problems++;
        yield { ok: false, message: `${file}:${n}: the line is ${line.length} characters long, more than ${MAX_LINE_CHARS}; one line holds one unit's submission` };
        continue;
      }
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch (error) {
        problems++;
        yield { ok: false, message: `${file}:${n}: not valid JSON (${jsonErrorText(line, (error as Error).message, true)}); write one submission object per line` };
        continue;
      }
      if (value === null || typeof value !== "object" || Array.isArray(value)) {
        problems++;
        yield { ok: false, message: `${file}:${n}: the line holds ${Array.isArray(value) ? "an array" : JSON.stringify(value)}, not a submission object; write one {"unit": …} object per line` };
        continue;
      }
      units++;
      yield { ok: true, value, origin: `${file}:${n}` };
    }
  } catch (error) {
    yield { ok: false, message: `${file}:${n + 1}: cannot read on (${(error as Error).message})` };
    return;
  } finally {
    lines.close();
    stream.destroy();
  }
  if (units === 0 && problems === 0) yield { ok: false, message: `${file}: the file ${n === 0 ? "is empty" : "has only blank lines"}; write one submission object per line` };
}
