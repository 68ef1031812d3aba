/**
 * Escaping text that came from data or a rubric (unit ids, names, titles, band
 * labels) for the outputs people read: a terminal or text report shows control and
 * bidirectional-override characters as `\u001b`, never obeys them (no retitled
 * terminal, no recoloured screen, no line reversed); Markdown shows its syntax
 * characters as themselves (no table broken by `|`, no `<script>`, no link). Pure.
 * @module
 */

/** C0 controls (but tab, newline, and a carriage return ending a line), DEL, C1 controls, bidi marks and overrides, line and paragraph separators. */
const UNSAFE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]|\r(?!\n)/g;
/** The same, with tab and newline: a table cell shows those escaped too. */
const UNSAFE_IN_CELL = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const SHORT: Readonly<Record<string, string>> = { "\n": "\\n", "\r": "\\r", "\t": "\\t" };

const escape = (c: string): string => SHORT[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`;

/**
 * Text for a terminal: controls shown as `\u001b` (and a lone `\r` as `\r`); tabs and
 * line breaks (LF or CRLF) kept, since messages and CSV span lines.
 * @param text - a message or a report
 */
export function terminalSafe(text: string): string {
  return text.replace(UNSAFE, escape);
}

/**
 * One cell or line of a text report: every control shown escaped, line breaks and
 * tabs too (`\n`, `\t`), so the table stays one line per row.
 * @param text - text from data or a rubric
 */
export function escapeControls(text: string): string {
  return text.replace(UNSAFE_IN_CELL, escape);
}

/**
 * Text inside a Markdown document (a table cell, a heading): controls escaped as in
 * {@link escapeControls}, then Markdown's syntax characters backslash-escaped, so a
 * name shows as written and can neither break the table nor become HTML or a link.
 * @param text - text from data or a rubric
 */
export function escapeMarkdown(text: string): string {
  return escapeControls(text).replace(/[\\`*_|<>[\]~&]/g, "\\$&");
}

/**
 * JSON text with the characters a terminal could obey (C1 controls, bidi marks and
 * overrides, line separators) written as `\u` escapes: the same JSON value, safe to
 * print. `JSON.stringify` already escapes C0 controls.
 * @param json - JSON text
 */
export function jsonTerminalSafe(json: string): string {
  return json.replace(/[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
