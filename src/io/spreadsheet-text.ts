/**
 * Text in spreadsheet cells we write and read back. A cell whose text begins with `=`,
 * `+`, `-`, `@`, a tab or a carriage return is a formula to a spreadsheet program
 * (`=HYPERLINK(…)`, `@SUM(…)`), so every CSV we write prefixes such text with `'`
 * (OWASP's guidance: the program then shows it as text); cells that are our own
 * numbers are written as they are. Reading a cell back undoes the prefix, so a form or
 * table we wrote reads as the text it came from. Pure.
 * @module
 */

/** The first characters that make a spreadsheet read a cell as a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Text as a CSV cell a spreadsheet shows as text: a leading `'` before a formula start.
 * @param text - a cell's text (a name, an id, a title — never one of our numbers)
 */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/**
 * The text of a cell we may have written: a `'` before a formula start is dropped
 * (any other `'` is the cell's own).
 * @param cell - the cell's text as read
 */
export function readBackFormula(cell: string): string {
  return cell.charCodeAt(0) === 39 && FORMULA_START.test(cell.slice(1)) ? cell.slice(1) : cell;
}
