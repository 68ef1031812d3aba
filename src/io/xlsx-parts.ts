/**
 * The parts of an XLSX workbook around its sheets: where the workbook and its sheets
 * are (the relationship files), the sheet names and the date system, the shared
 * strings, and each style's number format. Node-only (through the ZIP reader).
 * @module
 */
import { XlsxProblem } from "./xlsx-cells.js";
import { XLSX_REASON } from "./xlsx-messages.js";
import { scanXml } from "./xml-scan.js";
import { zipRead, type ZipEntry } from "./zip-read.js";

type Entries = ReadonlyMap<string, ZipEntry>;

/**
 * The text of a part (UTF-8, as every workbook writes it), or undefined when absent.
 * @param bytes - the workbook file
 * @param entries - its ZIP entries
 * @param path - the part's path in the ZIP
 */
export function partText(bytes: Uint8Array, entries: Entries, path: string): string | undefined {
  const entry = entries.get(path) ?? entries.get(path.replace(/^\//, ""));
  if (entry === undefined) return undefined;
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(zipRead(bytes, entry));
  } catch (error) {
    if (error instanceof TypeError) throw new XlsxProblem(XLSX_REASON.notUtf8(path));
    throw error;
  }
}

/** Resolves a relationship's target against the folder of the part that names it. */
function resolve(base: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = base.split("/").slice(0, -1);
  for (const step of target.split("/")) {
    if (step === "..") parts.pop();
    else if (step !== ".") parts.push(step);
  }
  return parts.join("/");
}

/** The relationships of a part: id → { type, path }. */
function relationships(bytes: Uint8Array, entries: Entries, part: string): Map<string, { type: string; path: string }> {
  const folder = part.split("/").slice(0, -1).join("/");
  const name = part.split("/").pop()!;
  const relsPath = `${folder === "" ? "" : `${folder}/`}_rels/${name}.rels`;
  const found = new Map<string, { type: string; path: string }>();
  const xml = partText(bytes, entries, relsPath);
  if (xml === undefined) return found;
  scanXml(xml, {
    open(tag, a) {
      if (tag === "Relationship" && a["Id"] !== undefined && a["Target"] !== undefined && a["TargetMode"] !== "External") {
        found.set(a["Id"], { type: a["Type"] ?? "", path: resolve(part, a["Target"]) });
      }
    },
    close() {},
    text() {},
  });
  return found;
}

/** The workbook: its sheets in order, its date system, and where its strings and styles are. */
export interface Workbook {
  /** Sheets in the workbook's order. */
  readonly sheets: readonly { readonly name: string; readonly path: string }[];
  /** Serial dates count from 1904. */
  readonly date1904: boolean;
  /** The shared strings part, if any. */
  readonly sharedStrings?: string;
  /** The styles part, if any. */
  readonly styles?: string;
}

/**
 * Reads the workbook part and its relationships.
 * @param bytes - the workbook file
 * @param entries - its ZIP entries
 */
export function readWorkbook(bytes: Uint8Array, entries: Entries): Workbook {
  const root = [...relationships(bytes, entries, "").values()].find((r) => r.type.endsWith("/officeDocument"));
  const path = root?.path ?? "xl/workbook.xml";
  const xml = partText(bytes, entries, path);
  if (xml === undefined) throw new XlsxProblem(XLSX_REASON.noWorkbook());
  const rels = relationships(bytes, entries, path);
  const sheets: { name: string; path: string }[] = [];
  let date1904 = false;
  scanXml(xml, {
    open(tag, a) {
      if (tag === "workbookPr") date1904 = a["date1904"] === "1" || a["date1904"] === "true";
      if (tag === "sheet") {
        const rel = a["id"] === undefined ? undefined : rels.get(a["id"]);
        if (rel !== undefined && rel.type.endsWith("/worksheet")) sheets.push({ name: a["name"] ?? "", path: rel.path });
      }
    },
    close() {},
    text() {},
  });
  const byType = (suffix: string): string | undefined => [...rels.values()].find((r) => r.type.endsWith(suffix))?.path;
  const sharedStrings = byType("/sharedStrings");
  const styles = byType("/styles");
  return { sheets, date1904, ...(sharedStrings === undefined ? {} : { sharedStrings }), ...(styles === undefined ? {} : { styles }) };
}

/**
 * The language a workbook was made in, from its core properties (`dc:language`, which
 * `rubric template` sets to the form's locale): `vi` or `en`, else undefined.
 * @param bytes - the workbook file
 * @param entries - its ZIP entries
 */
export function workbookLanguage(bytes: Uint8Array, entries: Entries): "vi" | "en" | undefined {
  const core = [...relationships(bytes, entries, "").values()].find((r) => r.type.endsWith("/core-properties"));
  const xml = partText(bytes, entries, core?.path ?? "docProps/core.xml");
  if (xml === undefined) return undefined;
  let inside = false;
  let text = "";
  scanXml(xml, {
    open(tag) { if (tag === "language") inside = true; },
    close(tag) { if (tag === "language") inside = false; },
    text(t) { if (inside) text += t; },
  });
  const language = text.trim().toLowerCase();
  return language === "vi" || language.startsWith("vi-") ? "vi" : language === "en" || language.startsWith("en-") ? "en" : undefined;
}

/**
 * The shared strings: each `<si>`'s text runs joined (phonetic runs left out).
 * @param bytes - the workbook file
 * @param entries - its ZIP entries
 * @param path - the shared strings part
 */
export function sharedStrings(bytes: Uint8Array, entries: Entries, path: string | undefined): string[] {
  const xml = path === undefined ? undefined : partText(bytes, entries, path);
  const strings: string[] = [];
  if (xml === undefined) return strings;
  let current: string | undefined;
  let inText = false;
  let phonetic = 0;
  scanXml(xml, {
    open(tag) {
      if (tag === "si") current = "";
      else if (tag === "rPh") phonetic++;
      else if (tag === "t" && phonetic === 0) inText = true;
    },
    close(tag) {
      if (tag === "si" && current !== undefined) {
        strings.push(current.includes("_x") ? current.replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(Number.parseInt(h, 16))) : current);
        current = undefined;
      } else if (tag === "rPh") phonetic--;
      else if (tag === "t") inText = false;
    },
    text(text) {
      if (inText && current !== undefined) current += text;
    },
  });
  return strings;
}

/** Built-in number formats that matter here: percentages and dates. */
const BUILT_IN = new Map<number, string>([
  [9, "0%"], [10, "0.00%"],
  ...[14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58].map((id): [number, string] => [id, "yyyy-mm-dd"]),
]);

/**
 * Each style's number format code, by style index (the `s` of a cell).
 * @param bytes - the workbook file
 * @param entries - its ZIP entries
 * @param path - the styles part
 */
export function readStyles(bytes: Uint8Array, entries: Entries, path: string | undefined): (style: number) => string | undefined {
  const xml = path === undefined ? undefined : partText(bytes, entries, path);
  if (xml === undefined) return () => undefined;
  const custom = new Map<number, string>();
  const formats: number[] = [];
  let inCellXfs = false;
  scanXml(xml, {
    open(tag, a) {
      if (tag === "numFmt" && a["numFmtId"] !== undefined) custom.set(Number(a["numFmtId"]), a["formatCode"] ?? "");
      else if (tag === "cellXfs") inCellXfs = true;
      else if (tag === "xf" && inCellXfs) formats.push(Number(a["numFmtId"] ?? 0));
    },
    close(tag) {
      if (tag === "cellXfs") inCellXfs = false;
    },
    text() {},
  });
  return (style) => {
    const id = formats[style];
    return id === undefined ? undefined : custom.get(id) ?? BUILT_IN.get(id);
  };
}
