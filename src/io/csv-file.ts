/**
 * Reading submissions from a CSV file as a stream (csv-parse): RFC 4180 quotes, a
 * byte-order mark, CRLF or LF line ends, and `,`, `;` or tab as the separator (taken
 * from the header line, since Excel in Vietnamese writes `;`). The header row decides
 * the shape: a `unit.id` column makes a wide table, the columns
 * `unit,node,input,layer,value` a long one.
 * @module
 */
import { createReadStream } from "node:fs";
import { open } from "node:fs/promises";
import { Transform } from "node:stream";
import { parse, type Info } from "csv-parse";
import type { CompiledRubric } from "../compile/types.js";
import type { Locale } from "../diagnostics.js";
import { CSV_MESSAGES, csvStructureProblem } from "./csv-messages.js";
import { streamDecoder } from "./encoding.js";
import { longColumns, longRowsToSubmissions } from "./long.js";
import { encodingMessage, MESSAGES, osReason } from "./messages.js";
import { readBackFormula } from "./spreadsheet-text.js";
import { wideRowsToSubmissions, type GridRow, type TableItem } from "./wide.js";

/** The longest record (row) read, in characters: a longer one is refused, not buffered on. */
export const MAX_RECORD_CHARS = 1 << 20;

/** Options of the file readers. */
export interface ReadOptions {
  /** Called now and then with the number of bytes read so far (for a progress bar). */
  readonly onProgress?: (bytes: number) => void;
  /** How numbers, dates and yes/no are written in the cells, when not in the message language. */
  readonly cells?: Locale;
}

/**
 * Why a file cannot be opened, in words.
 * @param file - the file
 * @param error - what `fs` threw
 * @param locale - message language
 */
export function fileProblem(file: string, error: unknown, locale: Locale = "en"): string {
  return MESSAGES.cannotRead(locale, file, osReason(error, locale));
}

/** An error that carries a finished message (the file's encoding is wrong). */
class WordedError extends Error {}

/**
 * Passes a file's bytes through unchanged while checking that they are UTF-8 text; on
 * the first problem the stream fails with one message naming the file and the place.
 */
export function utf8Check(file: string, locale: Locale): Transform {
  const decoder = streamDecoder();
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      const text = decoder.push(chunk);
      done(typeof text === "string" ? null : new WordedError(encodingMessage(file, text, locale)), chunk);
    },
    flush(done) {
      const text = decoder.end();
      done(typeof text === "string" ? null : new WordedError(encodingMessage(file, text, locale)));
    },
  });
}

/** The separator of the header line: the most frequent of `,` `;` tab outside quotes. */
function sniffDelimiter(head: string): string {
  const line = head.replace(/^\uFEFF/, "").split(/\r?\n/)[0] ?? "";
  const counts = new Map([[",", 0], [";", 0], ["\t", 0]]);
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  return [...counts].reduce((best, next) => (next[1] > best[1] ? next : best))[0];
}

/**
 * Streams the units of a CSV file (wide or long table). Problems come as items
 * naming the file, row and column; reading goes on after a bad row, and stops at a
 * bad header or a broken CSV structure (an unclosed quote).
 * @param file - the CSV file
 * @param rubric - the compiled rubric
 * @param locale - message language, and how numbers and dates are written (`vi`: decimal comma or dot) unless `options.cells` says
 * @param options - a progress callback; the cells' locale
 */
export async function* readCsvSubmissions(file: string, rubric: CompiledRubric, locale: Locale, options: ReadOptions = {}): AsyncGenerator<TableItem> {
  let head: string;
  try {
    const handle = await open(file, "r");
    try {
      const buffer = Buffer.alloc(64 * 1024);
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
      head = buffer.subarray(0, bytesRead).toString("utf8");
    } finally {
      await handle.close();
    }
  } catch (error) {
    yield { ok: false, message: fileProblem(file, error, locale) };
    return;
  }
  if (head.replace(/^\uFEFF/, "").trim() === "") {
    yield { ok: false, message: CSV_MESSAGES.empty(locale, file) };
    return;
  }
  const input = createReadStream(file);
  const check = utf8Check(file, locale);
  const parser = input.pipe(check).pipe(
    parse({ bom: true, delimiter: sniffDelimiter(head), info: true, relax_column_count: true, skip_empty_lines: true, max_record_size: MAX_RECORD_CHARS }),
  );
  // A piped stream does not pass its error on: the parser is failed by hand, or it would wait forever.
  input.once("error", (error) => parser.destroy(new WordedError(fileProblem(file, error, locale))));
  check.once("error", (error) => parser.destroy(error));
  let failure: string | undefined;
  const records = parser[Symbol.asyncIterator]() as AsyncIterator<{ record: string[]; info: Info }>;
  const next = async (): Promise<GridRow | undefined> => {
    try {
      const step = await records.next();
      if (step.done === true) return undefined;
      options.onProgress?.(step.value.info.bytes);
      return { cells: step.value.record.map(readBackFormula), row: step.value.info.lines };
    } catch (error) {
      const e = error as { code?: string; lines?: number; message: string };
      failure = error instanceof WordedError ? e.message : `${file}:${e.lines ?? "?"}: ${csvStructureProblem(e.code, MAX_RECORD_CHARS, locale) ?? e.message}`;
      return undefined;
    }
  };
  const header = await next();
  if (header === undefined) {
    yield { ok: false, message: failure ?? CSV_MESSAGES.empty(locale, file) };
    return;
  }
  async function* rows(): AsyncGenerator<GridRow> {
    for (let row = await next(); row !== undefined; row = await next()) yield row;
  }
  const source = { file };
  const items = longColumns(header.cells) !== undefined
    ? longRowsToSubmissions(header.cells, rows(), source, rubric, options.cells ?? locale, header.row)
    : header.cells.some((c) => c.trim() === "unit.id")
      ? wideRowsToSubmissions(header.cells, rows(), source, rubric, options.cells ?? locale, header.row)
      : undefined;
  if (items === undefined) {
    parser.destroy();
    input.destroy();
    yield { ok: false, message: CSV_MESSAGES.header(locale, `${file}:${header.row}`) };
    return;
  }
  try {
    yield* items;
  } finally {
    parser.destroy();
    input.destroy();
  }
  if (failure !== undefined) yield { ok: false, message: failure };
}
