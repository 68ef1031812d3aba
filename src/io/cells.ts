/**
 * Cells of tabular data (CSV, XLSX): reading one cell's text as a declared type, and
 * assembling cells into a submission that remembers which cell each value came from,
 * so a problem found later (a value out of range) still names the cell.
 *
 * Numbers are read exactly as text, never through binary floating point. With the
 * `vi` locale both the decimal comma and the decimal dot are understood; a value that
 * could be read two ways (`1.234,5`, `1,234.5`, or `1.234` where the dot may group
 * thousands) is refused with what to write instead — never guessed.
 * @module
 */
import type { CompiledScalarType, CompiledType } from "../compile/types.js";
import type { Locale } from "../diagnostics.js";
import { isCalendarDate } from "./decimal-input.js";
import { enumMember, nfc } from "./nfc.js";
import { Exact } from "../runtime/exact.js";

/**
 * Where a cell stands: enough to name it in a message.
 * @category Data
 */
export interface CellPlace {
  /** The file it was read from. */
  readonly file: string;
  /** The worksheet, for XLSX. */
  readonly sheet?: string;
  /** 1-based row, as a spreadsheet shows it (the header is row 1). */
  readonly row: number;
  /** 1-based column. */
  readonly column: number;
  /** The column's header, when the table has one. */
  readonly header?: string;
}

/**
 * Spreadsheet column letters: 1 → `A`, 26 → `Z`, 27 → `AA`.
 * @param column - 1-based column number
 */
export function columnLetter(column: number): string {
  let letters = "";
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/**
 * Names a cell for messages: `data.csv:3:D (1.1.2.done)` for CSV (line and column
 * letter), `form.xlsx [Sở Nội vụ] D3 (1.1.2.done)` for XLSX.
 * @param place - the cell
 * @category Data
 */
export function placeName(place: CellPlace): string {
  const header = place.header === undefined ? "" : ` (${place.header})`;
  const letter = columnLetter(place.column);
  return place.sheet === undefined ? `${place.file}:${place.row}:${letter}${header}` : `${place.file} [${place.sheet}] ${letter}${place.row}${header}`;
}

/**
 * A cell read as a value, or why it cannot be. An empty cell reads as `undefined` (not given).
 * @category Data
 */
export type CellRead = {
  /** The cell was read. */ readonly ok: true;
  /** The value, as a submission holds it; `undefined` for an empty cell. */ readonly value: unknown;
} | {
  /** The cell cannot be read as its type. */ readonly ok: false;
  /** Why, in the locale, saying what to write instead. */ readonly message: string;
};

const PLAIN = /^-?\d+(\.\d+)?$/;

/**
 * A number read from a cell by {@link readCellDecimal}, or why it cannot be.
 * @category Data
 */
export type DecimalRead =
  | {
      /** The cell holds one number. */
      readonly ok: true;
      /** The number as decimal text with a dot, exactly as written (`"1617.5"`). */
      readonly text: string;
    }
  | {
      /** The cell does not hold a number, or holds an ambiguous one. */
      readonly ok: false;
      /** Why, in the locale, with what to write instead. */
      readonly message: string;
    };

/**
 * Reads a number written in a cell, exactly, as a decimal string with a dot.
 * `en`: a dot is the decimal mark; a comma is refused. `vi`: a comma or a dot is the
 * decimal mark; two marks, repeated marks, or one dot followed by exactly three
 * digits after a non-zero whole part (`1.234`: a thousand two hundred and
 * thirty-four, or one point two three four?) are ambiguous. An ambiguous number is
 * read the one way that `fits` (the input's declared range and whole-number rule)
 * when exactly one of its two readings does (`1.617` for an input in 0..2.5 is
 * 1.617, since 1617 is out of range); otherwise it is refused, in the locale's words,
 * with what to write instead — never guessed.
 * @param raw - the cell's text
 * @param locale - the data's locale
 * @param fits - whether a reading (a plain decimal) is a value the input can take
 * @example
 * ```ts
 * import { readCellDecimal } from "rubric-lang";
 * console.log(readCellDecimal("1234,5", "vi")); // { ok: true, text: "1234.5" }
 * console.log(readCellDecimal("1.617", "vi").ok); // false: a thousand and more, or one point six?
 * console.log(readCellDecimal("1.617", "vi", (t) => Number(t) <= 2.5)); // { ok: true, text: "1.617" }: only one reading fits
 * ```
 * @category Data
 */
export function readCellDecimal(raw: string, locale: Locale, fits?: (text: string) => boolean): DecimalRead {
  const text = raw.trim();
  const oneReading = (decimal: string, grouped: string): { ok: true; text: string } | undefined => {
    const readings = fits === undefined ? [] : [decimal, grouped].filter(fits);
    return readings.length === 1 ? { ok: true, text: readings[0]! } : undefined;
  };
  if (PLAIN.test(text)) {
    if (!(locale === "vi" && /^-?[1-9]\d{0,2}\.\d{3}$/.test(text))) return { ok: true, text };
    const grouped = text.replace(".", "");
    return oneReading(text, grouped) ?? { ok: false, message: CELL_MESSAGES.dotAmbiguous(locale, raw, grouped, text.replace(".", ",")) };
  }
  const commas = text.split(",").length - 1;
  const dots = text.split(".").length - 1;
  if (/^-?[\d.,]+$/.test(text) && /\d$/.test(text) && /^-?\d/.test(text)) {
    if (commas > 0 && dots > 0) return { ok: false, message: CELL_MESSAGES.bothMarks(locale, raw) };
    if (commas > 1 || dots > 1) return { ok: false, message: `"${raw}" has thousands separators; write the number without them, e.g. ${locale === "vi" ? "1234,5" : "1234.5"}` };
    if (commas === 1 && /^-?\d+,\d+$/.test(text)) {
      if (locale === "en" && /^-?[1-9]\d{0,2},\d{3}$/.test(text)) {
        const grouped = text.replace(",", "");
        return oneReading(text.replace(",", "."), grouped) ?? { ok: false, message: CELL_MESSAGES.commaAmbiguous(locale, raw, grouped, text.replace(",", ".")) };
      }
      return locale === "vi"
        ? { ok: true, text: text.replace(",", ".") }
        : { ok: false, message: `"${raw}" uses a decimal comma; write ${text.replace(",", ".")}, or read the file with the Vietnamese locale (--lang vi)` };
    }
  }
  return { ok: false, message: `"${raw}" is not a number; write digits with an optional decimal ${locale === "vi" ? "comma or dot, e.g. 12,5" : "dot, e.g. 12.5"}` };
}

/** A number the input can take: within its declared bounds, whole when it counts. */
function fitsType(type: Extract<CompiledScalarType, { readonly kind: "number" | "count" | "likert" | "percent" }>): (text: string) => boolean {
  return (text) => {
    const n = Exact.of(text);
    if ((type.kind === "count" || type.kind === "likert") && !n.isInteger()) return false;
    if (type.kind === "count" && n.lt(Exact.int(0))) return false;
    if (type.min !== undefined && n.lt(Exact.of(type.min))) return false;
    return type.max === undefined || !n.gt(Exact.of(type.max));
  };
}

/** A message in both languages; the locale picks one. */
function message<A extends unknown[]>(en: (...args: A) => string, vi: (...args: A) => string): (locale: Locale, ...args: A) => string {
  return (locale, ...args) => (locale === "vi" ? vi(...args) : en(...args));
}

/** The messages of an ambiguous number, in the data's language. */
const CELL_MESSAGES = {
  dotAmbiguous: message(
    (raw: string, grouped: string, decimal: string) => `"${raw}" is ambiguous: the dot may group thousands or mark decimals; write ${grouped} or ${decimal}`,
    (raw: string, grouped: string, decimal: string) => `"${raw}" có hai cách hiểu: dấu chấm có thể để tách hàng nghìn hoặc để ghi phần thập phân; hãy ghi ${grouped} hoặc ${decimal}`,
  ),
  commaAmbiguous: message(
    (raw: string, grouped: string, decimal: string) => `"${raw}" is ambiguous: the comma may group thousands or mark decimals; write ${grouped} or ${decimal}`,
    (raw: string, grouped: string, decimal: string) => `"${raw}" có hai cách hiểu: dấu phẩy có thể để tách hàng nghìn hoặc để ghi phần thập phân; hãy ghi ${grouped} hoặc ${decimal}`,
  ),
  bothMarks: message(
    (raw: string) => `"${raw}" is ambiguous: it has both a comma and a dot; write the number without thousands separators, e.g. 1234.5`,
    (raw: string) => `"${raw}" có hai cách hiểu vì có cả dấu phẩy và dấu chấm; hãy ghi số không có dấu tách hàng nghìn, ví dụ 1234,5`,
  ),
} as const;

const TRUE_WORDS = new Set(["true", "1", "yes", "có", "đúng", "x"]);
const FALSE_WORDS = new Set(["false", "0", "no", "không", "sai"]);

/** Reads `dd/mm/yyyy` (the Vietnamese way) or `yyyy-mm-dd` as `yyyy-mm-dd`. */
function readCellDate(text: string, locale: Locale): CellRead {
  const slashed = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  const iso = slashed !== null && locale === "vi" ? `${slashed[3]}-${slashed[2]!.padStart(2, "0")}-${slashed[1]!.padStart(2, "0")}` : text;
  if (isCalendarDate(iso)) return { ok: true, value: iso };
  const hint = locale === "vi" ? "YYYY-MM-DD or DD/MM/YYYY, e.g. 2022-12-15 or 15/12/2022" : "YYYY-MM-DD, e.g. 2022-12-15";
  return { ok: false, message: `"${text}" is not a real date; write ${hint}` };
}

function readScalar(text: string, type: CompiledScalarType, locale: Locale): CellRead {
  switch (type.kind) {
    case "number": case "count": case "likert": case "percent": {
      const body = type.kind === "percent" && text.endsWith("%") ? text.slice(0, -1) : text;
      const read = readCellDecimal(body, locale, fitsType(type));
      // The submission schema checks whole numbers and ranges, and names the cell through the places.
      return read.ok ? { ok: true, value: read.text } : read;
    }
    case "bool": {
      // NFC first: "có" typed decomposed is still "có".
      const word = nfc(text).toLowerCase();
      if (TRUE_WORDS.has(word)) return { ok: true, value: true };
      if (FALSE_WORDS.has(word)) return { ok: true, value: false };
      return { ok: false, message: `"${text}" is not yes or no; write true or false${locale === "vi" ? " (có / không)" : ""}` };
    }
    case "date": return readCellDate(text, locale);
    case "enum": {
      const member = enumMember(type.members, text);
      return member !== undefined ? { ok: true, value: member } : { ok: false, message: `"${text}" is not one of ${type.members.join(", ")}` };
    }
    case "text": return { ok: true, value: text };
  }
}

/** How a cell writes the empty list (an empty cell is a value not given). */
export const EMPTY_LIST = "[]";

/**
 * Reads a cell as a declared type. Lists are written with `;` between the elements
 * (the comma may be a decimal mark), and the empty list as `[]`. An empty cell is
 * `undefined`: not given, never 0.
 * @param raw - the cell's text
 * @param type - the declared type of the input or fact
 * @param locale - the data's locale
 * @example
 * ```ts
 * import { readCell } from "rubric-lang";
 * console.log(readCell("12,5", { kind: "number" }, "vi")); // { ok: true, value: "12.5" }
 * console.log(readCell("có", { kind: "bool" }, "vi")); // { ok: true, value: true }
 * console.log(readCell("", { kind: "count" }, "vi")); // { ok: true, value: undefined }: not given
 * ```
 * @category Data
 */
export function readCell(raw: string, type: CompiledType, locale: Locale): CellRead {
  const text = raw.trim();
  if (text === "") return { ok: true, value: undefined };
  if (type.kind !== "list") return readScalar(text, type, locale);
  if (text === EMPTY_LIST) return { ok: true, value: [] };
  const items: unknown[] = [];
  for (const [i, part] of text.split(";").entries()) {
    const read = readScalar(part.trim(), type.element, locale);
    if (!read.ok) return { ok: false, message: `element ${i + 1}: ${read.message}` };
    items.push(read.value);
  }
  return { ok: true, value: items };
}

/**
 * A submission being assembled from cells, with the cell behind each value.
 * @category Data
 */
export interface SubmissionDraft {
  /** The submission in its JSON shape (`unit`, `self`, `appraisal`, …). */
  readonly value: Record<string, unknown>;
  /** A value's path in the submission (its segments joined) → the name of the cell it came from. */
  readonly places: Map<string, string>;
}

/**
 * A key for a JSON path, to look up the cell behind a submission issue.
 * @param path - e.g. `["self", "1.1.2", "done"]`
 */
export function pathKey(path: readonly (string | number)[]): string {
  return JSON.stringify(path);
}

/** A new, empty draft. */
export function newDraft(): SubmissionDraft {
  return { value: Object.create(null) as Record<string, unknown>, places: new Map() };
}

/**
 * Puts a value at a path of the draft, creating the objects on the way. Returns an
 * error message when the path already holds a value (the same input given twice).
 * @param draft - the draft
 * @param path - e.g. `["appraisal", "1.1.2", "done"]`
 * @param value - the value read from the cell
 * @param place - the cell's name ({@link placeName})
 * @param key - the path's key, when the caller has it already (`pathKey`)
 */
export function putValue(draft: SubmissionDraft, path: readonly string[], value: unknown, place: string, key = pathKey(path)): string | undefined {
  const earlier = draft.places.get(key);
  if (earlier !== undefined) return `${path.join(".")} is given twice (first at ${earlier})`;
  let target = draft.value;
  for (const step of path.slice(0, -1)) {
    const next = target[step];
    if (next === undefined) target = target[step] = Object.create(null) as Record<string, unknown>;
    else target = next as Record<string, unknown>;
  }
  target[path[path.length - 1]!] = value;
  draft.places.set(key, place);
  return undefined;
}

/**
 * The cell behind a submission issue's path: the cell of the path itself or of its
 * nearest ancestor that came from a cell.
 * @param draft - the draft the submission came from
 * @param path - the path
 */
export function placeOf(draft: { readonly places: ReadonlyMap<string, string> }, path: readonly (string | number)[]): string | undefined {
  for (let n = path.length; n > 0; n--) {
    const place = draft.places.get(pathKey(path.slice(0, n)));
    if (place !== undefined) return place;
  }
  return undefined;
}

/**
 * The unit a refused sheet, row or line is about, when its id could be read.
 * @category Data
 */
export interface UnitRef {
  /** The unit's id. */
  readonly id: string;
  /** Its name, when given. */
  readonly name?: string;
}

/**
 * The unit a draft or a submission is about, when its id is a string that is not blank
 * (and its name, when it is one).
 * @param value - the draft's value, or a submission as parsed JSON
 */
export function unitOfDraft(value: unknown): UnitRef | undefined {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return undefined;
  const unit = (value as { unit?: unknown }).unit as { id?: unknown; name?: unknown } | null | undefined;
  if (typeof unit?.id !== "string" || unit.id.trim() === "") return undefined;
  return typeof unit.name === "string" && unit.name.trim() !== "" ? { id: unit.id, name: unit.name } : { id: unit.id };
}
