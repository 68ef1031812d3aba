/**
 * Reading a whole file with a bound: at most `limit` bytes are ever read, whatever the
 * file is — a regular file is refused by its size before reading, and a device or a
 * pipe (`/dev/zero`, `/dev/stdin`) is read in chunks until the bound. Text is decoded
 * as strict UTF-8 (see `encoding.ts`). Node-only, for the CLI and the file readers.
 * @module
 */
import { closeSync, fstatSync, openSync, readSync } from "node:fs";
import type { Locale } from "../diagnostics.js";
import { decodeUtf8 } from "./encoding.js";
import { encodingMessage, megabytes, MESSAGES, osReason } from "./messages.js";

/** Bytes of a file, or why they could not be read within the bound. */
export type BytesRead =
  | { readonly ok: true; readonly bytes: Uint8Array }
  | { readonly ok: false; readonly tooLarge: true }
  | { readonly ok: false; readonly tooLarge: false; readonly error: unknown };

/** What kind of file is read whole, for the size bound and its hint. */
export type WholeFileKind = "rubric" | "json" | "sheet";

/**
 * The most bytes read of a file read whole, by kind: a rubric source (the compiler
 * takes 4,000,000 characters at most), a JSON file (data, a compiled rubric, last
 * period's table), an XLSX workbook or CSV form.
 */
export const WHOLE_FILE_LIMITS: Readonly<Record<WholeFileKind, number>> = {
  rubric: 16_000_000,
  json: 64_000_000,
  sheet: 64_000_000,
};

const CHUNK = 1 << 20;

/**
 * Reads at most `limit` bytes of a file; more is `tooLarge`, never read on.
 * @param file - the path
 * @param limit - the most bytes accepted
 */
export function readBytes(file: string, limit: number): BytesRead {
  let fd: number;
  try {
    fd = openSync(file, "r");
  } catch (error) {
    return { ok: false, tooLarge: false, error };
  }
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) return { ok: false, tooLarge: false, error: Object.assign(new Error("is a directory"), { code: "EISDIR" }) };
    if (stat.isFile() && stat.size > limit) return { ok: false, tooLarge: true };
    const chunks: Uint8Array[] = [];
    let total = 0;
    for (;;) {
      const buffer = Buffer.allocUnsafe(Math.min(CHUNK, limit + 1 - total));
      const n = readSync(fd, buffer, 0, buffer.length, null);
      if (n === 0) break;
      chunks.push(buffer.subarray(0, n));
      total += n;
      if (total > limit) return { ok: false, tooLarge: true };
    }
    return { ok: true, bytes: chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total) };
  } catch (error) {
    return { ok: false, tooLarge: false, error };
  } finally {
    closeSync(fd);
  }
}

/** The text of a file, or a message saying why it cannot be used. */
export type TextRead = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly message: string };

/**
 * Reads a whole text file: bounded by its kind's limit, strict UTF-8, byte-order mark
 * dropped. Every refusal is one message naming the file.
 * @param file - the path
 * @param kind - what the file holds (sets the bound)
 * @param locale - message language
 */
export function readTextFile(file: string, kind: WholeFileKind, locale: Locale): TextRead {
  const bytes = readWhole(file, kind, locale);
  if (!bytes.ok) return bytes;
  const decoded = decodeUtf8(bytes.bytes);
  return decoded.ok ? { ok: true, text: decoded.text } : { ok: false, message: encodingMessage(file, decoded.problem, locale) };
}

/**
 * Reads a whole file's bytes within its kind's bound, or a message.
 * @param file - the path
 * @param kind - what the file holds (sets the bound)
 * @param locale - message language
 */
export function readWhole(file: string, kind: WholeFileKind, locale: Locale): { readonly ok: true; readonly bytes: Uint8Array } | { readonly ok: false; readonly message: string } {
  const read = readBytes(file, WHOLE_FILE_LIMITS[kind]);
  if (read.ok) return read;
  if (!read.tooLarge) return { ok: false, message: MESSAGES.cannotRead(locale, file, osReason(read.error, locale)) };
  const hint = kind === "rubric" ? MESSAGES.tooLargeRubric(locale) : kind === "json" ? MESSAGES.tooLargeJson(locale) : MESSAGES.tooLargeSheet(locale);
  return { ok: false, message: MESSAGES.tooLarge(locale, file, megabytes(WHOLE_FILE_LIMITS[kind], locale), hint) };
}
