/**
 * File access for the CLI (the library itself never touches the file system).
 * @module
 */
import { readFileSync, writeFileSync } from "node:fs";
import { fileProblem } from "../io/csv-file.js";

/** The text of a file, or why it could not be read. */
export type ReadResult = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly message: string };

/**
 * Reads a UTF-8 text file, dropping a byte-order mark.
 * @param file - the path
 */
export function readText(file: string): ReadResult {
  try {
    const text = readFileSync(file, "utf8");
    return { ok: true, text: text.startsWith("\uFEFF") ? text.slice(1) : text };
  } catch (error) {
    return { ok: false, message: fileProblem(file, error) };
  }
}

/**
 * Writes a UTF-8 text file; returns an error message instead of throwing.
 * @param file - the path
 * @param text - the content
 */
export function writeText(file: string, text: string): string | undefined {
  try {
    writeFileSync(file, text, "utf8");
    return undefined;
  } catch (error) {
    return `${file}: cannot write the file (${(error as Error).message}).`;
  }
}

/** Exit codes of the `rubric` command. */
export const EXIT = {
  /** Everything is fine. */
  ok: 0,
  /** Findings: errors in a rubric or data, or a file that cannot be read or written. */
  findings: 1,
  /** The command was called wrongly (unknown command or option, missing argument). */
  usage: 2,
} as const;

/** Output sinks, injectable so commands can be tested in-process too. */
export interface Output {
  /** Normal output. */
  readonly out: (text: string) => void;
  /** Diagnostics and errors. */
  readonly err: (text: string) => void;
}

/** The process's stdout and stderr. */
export const processOutput: Output = {
  out: (text) => process.stdout.write(text.endsWith("\n") ? text : `${text}\n`),
  err: (text) => process.stderr.write(text.endsWith("\n") ? text : `${text}\n`),
};
