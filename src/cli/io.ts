/**
 * File access for the CLI (the library itself never touches the file system): whole
 * files read within a bound as strict UTF-8, and every file written atomically.
 * @module
 */
import { closeSync, fstatSync, fsyncSync, openSync, realpathSync, renameSync, statSync, unlinkSync, writeSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import type { Locale } from "../diagnostics.js";
import { MESSAGES, writeReason } from "../io/messages.js";
import { readTextFile, type TextRead, type WholeFileKind } from "../io/read-file.js";
import { terminalSafe } from "../report/escape.js";

/** The text of a file, or why it could not be read. */
export type ReadResult = TextRead;

/**
 * Reads a whole UTF-8 text file within its kind's size bound, dropping a byte-order
 * mark; a file in another encoding is refused with a message naming it.
 * @param file - the path
 * @param locale - message language
 * @param kind - what the file holds (a rubric source unless said)
 */
export function readText(file: string, locale: Locale = "en", kind: WholeFileKind = "rubric"): ReadResult {
  return readTextFile(file, kind, locale);
}

let sequence = 0;

/**
 * Writes a file atomically: the content goes to a temporary file in the target's
 * folder, is flushed to the disk, then renamed over the target — so an interrupted run
 * (Ctrl-C, a full disk, a killed job) leaves the old file or the complete new one,
 * never a truncated one. A target that exists and is not a regular file (`/dev/null`,
 * a pipe) is written in place; a symbolic link is followed. Returns a message instead
 * of throwing.
 * @param file - the path
 * @param content - text (written as UTF-8), bytes, or text in pieces (written as they are made)
 * @param locale - message language
 */
export function writeFileAtomic(file: string, content: string | Uint8Array | Iterable<string>, locale: Locale = "en"): string | undefined {
  // Text in pieces is written chunk by chunk as it is made, never held whole.
  const chunks = (): Iterable<Uint8Array> => (typeof content === "string" ? [Buffer.from(content, "utf8")] : content instanceof Uint8Array ? [content] : (function* () {
    for (const chunk of chunked(content)) yield Buffer.from(chunk, "utf8");
  })());
  let target = file;
  let mode = 0o666;
  try {
    const stat = statSync(file);
    if (!stat.isFile()) return writeInPlace(file, chunks(), locale);
    target = realpathSync(file);
    mode = stat.mode & 0o7777;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") return MESSAGES.cannotWrite(locale, file, writeReason(error, locale));
  }
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.${++sequence}.tmp`);
  let fd: number | undefined;
  try {
    fd = openSync(temp, "wx", mode);
    for (const bytes of chunks()) writeAll(fd, bytes);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(temp, target);
    return undefined;
  } catch (error) {
    if (fd !== undefined) closeSync(fd);
    try {
      unlinkSync(temp);
    } catch {
      // Nothing was created, or it is already gone.
    }
    return MESSAGES.cannotWrite(locale, file, writeReason(error, locale));
  }
}

function writeInPlace(file: string, chunks: Iterable<Uint8Array>, locale: Locale): string | undefined {
  try {
    const fd = openSync(file, "w");
    try {
      for (const bytes of chunks) writeAll(fd, bytes);
    } finally {
      closeSync(fd);
    }
    return undefined;
  } catch (error) {
    return MESSAGES.cannotWrite(locale, file, writeReason(error, locale));
  }
}

/**
 * The input an output file would overwrite: the first of `inputs` that is the same
 * file (same device and inode, so links and other spellings of the path are caught),
 * or undefined. Outputs that do not exist yet, and inputs that cannot be found, are
 * never the same.
 * @param output - the output path
 * @param inputs - the run's input paths
 */
export function inputOverwritten(output: string, inputs: readonly string[]): string | undefined {
  let out: { dev: number; ino: number };
  try {
    out = statSync(output);
  } catch {
    return undefined;
  }
  for (const input of inputs) {
    try {
      const s = statSync(input);
      if (s.dev === out.dev && s.ino === out.ino) return input;
    } catch {
      // An input that cannot be found is reported by its reader.
    }
  }
  return undefined;
}

/** Whether a file descriptor is a regular file (its size is known). */
export function isRegularFile(fd: number): boolean {
  return fstatSync(fd).isFile();
}

/** Exit codes of the `rubric` command. */
export const EXIT = {
  /** Everything is fine. */
  ok: 0,
  /** Findings: errors in a rubric or data, or a file that cannot be read or written. */
  findings: 1,
  /** The command was called wrongly (unknown command or option, missing argument, an output naming an input). */
  usage: 2,
} as const;

/** Output sinks, injectable so commands can be tested in-process too. */
export interface Output {
  /** Normal output. */
  readonly out: (text: string) => void;
  /** Diagnostics and errors. */
  readonly err: (text: string) => void;
  /**
   * Normal output given in pieces (a long report, line by line), written as they come
   * so that it is never held whole. Without it, the pieces are joined and given to `out`.
   */
  readonly outPieces?: (pieces: Iterable<string>) => void;
}

/**
 * Gives output made in pieces to a sink: piece by piece when it takes them, else whole.
 * @param io - the output sinks
 * @param pieces - the output, in order
 */
export function outInPieces(io: Output, pieces: Iterable<string>): void {
  if (io.outPieces !== undefined) io.outPieces(pieces);
  else io.out([...pieces].join(""));
}

/** Pieces gathered into chunks of about 64 KB, so that writes are few and none is large. */
function* chunked(pieces: Iterable<string>): Generator<string> {
  let chunk = "";
  for (const piece of pieces) {
    chunk += piece;
    if (chunk.length >= 65_536) {
      yield chunk;
      chunk = "";
    }
  }
  if (chunk !== "") yield chunk;
}

/**
 * The process's stdout and stderr. Messages on stderr carry text from data and rubrics
 * (unit ids, names, source lines): control characters there are shown escaped, so none
 * can retitle or recolour the terminal. So is everything printed on a terminal (a CSV
 * or HTML report, a rubric by `fmt`); into a file or a pipe, stdout is written as is.
 */
export const processOutput: Output = {
  out: (text) => {
    const shown = process.stdout.isTTY === true ? terminalSafe(text) : text;
    process.stdout.write(shown.endsWith("\n") ? shown : `${shown}\n`);
  },
  err: (text) => {
    const safe = terminalSafe(text);
    process.stderr.write(safe.endsWith("\n") ? safe : `${safe}\n`);
  },
  outPieces: (pieces) => {
    // Each chunk is written before the next is made (stdout to a file, or to a pipe on Linux, is synchronous).
    let last = "";
    for (const chunk of chunked(pieces)) {
      process.stdout.write(process.stdout.isTTY === true ? terminalSafe(chunk) : chunk);
      last = chunk;
    }
    if (!last.endsWith("\n")) process.stdout.write("\n");
  },
};

function writeAll(fd: number, bytes: Uint8Array): void {
  for (let at = 0; at < bytes.length;) at += writeSync(fd, bytes, at, bytes.length - at);
}
