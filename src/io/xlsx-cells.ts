/**
 * One XLSX cell as text the locale reads without doubt: a number cell as its exact
 * shortest decimal (`1,5` in `vi`), a percentage cell (`85%`, stored 0.85) as `85%`, a
 * date cell as `yyyy-mm-dd`, a boolean as `true`/`false`, a formula as its computed
 * value; an error value or a formula never computed is a problem. Pure.
 * @module
 */
import type { Locale } from "../diagnostics.js";
import { Exact } from "../runtime/exact.js";
import type { GridRow } from "./wide.js";
import { CELL_REASON, WordedError, type Worded } from "./xlsx-messages.js";

/** A sheet read as a grid, with the cells that could not be read as text. */
export interface SheetGrid {
  /** The sheet's name. */
  readonly name: string;
  /** Its non-empty rows. */
  readonly rows: readonly GridRow[];
  /** Cells that hold no usable value (an error value, a formula never computed), named. */
  readonly problems: readonly SheetProblem[];
}

/** A cell of a sheet that could not be read: its message and the row it is on. */
export interface SheetProblem {
  /** The message, naming file, sheet and cell. */
  readonly message: string;
  /** The cell's row (1-based), so only the unit on that row is refused in a wide sheet. */
  readonly row: number;
}

/** Why a workbook cannot be read: a message without the file's name. */
export class XlsxProblem extends WordedError {}

/** A cell as scanned from the sheet's XML. */
export interface RawCell {
  /** The `t` attribute: `n`, `s`, `str`, `inlineStr`, `b`, `e`, `d`. */
  readonly t: string;
  /** The style index (`s`). */
  readonly s: number;
  /** The `<v>` text, if any. */
  readonly v: string | undefined;
  /** Whether it holds a formula. */
  readonly formula: boolean;
  /** The inline string's text. */
  readonly inline: string;
}

/** What a cell's text depends on beyond the cell. */
export interface CellContext {
  /** The shared strings. */
  readonly strings: readonly string[];
  /** The number format code of a style index, if any. */
  readonly formatOf: (style: number) => string | undefined;
  /** Serial dates count from 1904 (old Mac workbooks). */
  readonly date1904: boolean;
}

/**
 * A number as text the locale reads: its shortest decimal, or percent points.
 * @param n - the cell's number
 * @param percent - the cell is formatted as a percentage
 * @param locale - `vi` writes a decimal comma
 */
export function numberText(n: number, percent: boolean, locale: Locale): string | undefined {
  if (!Number.isFinite(n)) return undefined;
  let text = String(n);
  if (/e/i.test(text)) text = Exact.of(text).toString();
  if (percent) text = `${Exact.of(text).times(Exact.int(100)).toString()}%`;
  return locale === "vi" ? text.replace(".", ",") : text;
}

/** Whether a number format shows a date (as spreadsheet programs decide it). */
export function isDateFormat(code: string | undefined): boolean {
  if (code === undefined) return false;
  const bare = code.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, "");
  return /[ymdhMsb]+/.test(bare);
}

/** OOXML writes some characters as `_xHHHH_` inside strings. */
function unescapeOoxml(text: string): string {
  return text.includes("_x") ? text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16))) : text;
}

/**
 * A cell's text, or what is wrong with it.
 * @param cell - the scanned cell
 * @param ctx - shared strings, styles, date system
 * @param locale - how numbers are written out
 */
export function cellText(cell: RawCell, ctx: CellContext, locale: Locale): string | { readonly error: Worded } {
  const { t, v } = cell;
  if (cell.formula && v === undefined) return { error: CELL_REASON.formulaNotComputed() };
  switch (t) {
    case "inlineStr": return unescapeOoxml(cell.inline);
    case "s": {
      const index = Number(v);
      const text = Number.isSafeInteger(index) ? ctx.strings[index] : undefined;
      return text ?? { error: CELL_REASON.missingString(v ?? "") };
    }
    case "str": return unescapeOoxml(v ?? "");
    case "b": return v === undefined ? "" : Number(v) !== 0 ? "true" : "false";
    case "e": return { error: CELL_REASON.errorValue(v ?? "") };
    case "d": {
      const date = new Date(v ?? "");
      return Number.isNaN(date.getTime()) ? { error: CELL_REASON.invalidDate() } : date.toISOString().slice(0, 10);
    }
    default: {
      if (v === undefined || v.trim() === "") return "";
      const n = Number(v);
      const format = ctx.formatOf(cell.s);
      if (isDateFormat(format) && !/%/.test(format ?? "")) {
        const date = new Date(Math.round((n - 25569 + (ctx.date1904 ? 1462 : 0)) * 86_400_000));
        return Number.isNaN(date.getTime()) ? { error: CELL_REASON.invalidDate() } : date.toISOString().slice(0, 10);
      }
      return numberText(n, /%/.test(format ?? ""), locale) ?? { error: CELL_REASON.notFinite() };
    }
  }
}
