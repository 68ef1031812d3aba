/**
 * Building XLSX files by hand for tests, byte by byte: a ZIP writer (stored or
 * deflated entries, sizes as declared or as lied about) and a minimal workbook around
 * sheet XML. Hostile workbooks (zip bombs, a cell in column XFD, external entities)
 * are built at test time, so none is committed.
 */
import { crc32, deflateRawSync } from "node:zlib";

/** One file of a ZIP: its bytes, and optionally a size to declare instead of the true one. */
export interface ZipFile {
  readonly name: string;
  readonly data: Uint8Array | string;
  readonly declaredSize?: number;
  readonly store?: boolean;
}

/** A ZIP archive of the files, in order. */
export function zip(files: readonly ZipFile[]): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const f of files) {
    const data = typeof f.data === "string" ? Buffer.from(f.data, "utf8") : Buffer.from(f.data);
    const packed = f.store === true ? data : deflateRawSync(data, { level: 9 });
    const name = Buffer.from(f.name, "utf8");
    const size = f.declaredSize ?? data.length;
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x800, 6);
    local.writeUInt16LE(f.store === true ? 0 : 8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, packed);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(0x800, 8);
    entry.writeUInt16LE(f.store === true ? 0 : 8, 10);
    entry.writeUInt32LE(crc, 16);
    entry.writeUInt32LE(packed.length, 20);
    entry.writeUInt32LE(size, 24);
    entry.writeUInt16LE(name.length, 28);
    entry.writeUInt32LE(offset, 42);
    central.push(entry, name);
    offset += 30 + name.length + packed.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** Sheet XML around `<row>` elements. */
export function sheetXml(rows: string, prolog = ""): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>${prolog}<worksheet ${NS}><sheetData>${rows}</sheetData></worksheet>`;
}

/** A row of inline-string cells from column A. */
export function textRow(r: number, cells: readonly string[]): string {
  const letter = (i: number): string => String.fromCharCode(65 + i);
  return `<row r="${r}">${cells.map((c, i) => `<c r="${letter(i)}${r}" t="inlineStr"><is><t>${c.replace(/&/g, "&amp;").replace(/</g, "&lt;")}</t></is></c>`).join("")}</row>`;
}

/** A workbook of one sheet named `Sheet1`, its XML given (sheet part overridable for lying sizes). */
export function workbook(sheet: string | ZipFile, extra: readonly ZipFile[] = []): Buffer {
  const sheetFile: ZipFile = typeof sheet === "string" ? { name: "xl/worksheets/sheet1.xml", data: sheet } : sheet;
  return zip([
    { name: "[Content_Types].xml", data: `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/></Types>` },
    { name: "_rels/.rels", data: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>` },
    { name: "xl/workbook.xml", data: `<?xml version="1.0" encoding="UTF-8"?><workbook ${NS} xmlns:r="${REL}"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>` },
    { name: "xl/_rels/workbook.xml.rels", data: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>` },
    sheetFile,
    ...extra,
  ]);
}

/** A zip bomb: a sheet of `megabytes` MB of one repeated cell, packed to a few KB per MB. */
export function zipBomb(megabytes: number, declared?: number): Buffer {
  const cell = '<c r="A1" t="inlineStr"><is><t>x</t></is></c>';
  const body = `<row r="1">${cell.repeat(Math.ceil((megabytes * 1_000_000) / cell.length))}</row>`;
  return workbook({ name: "xl/worksheets/sheet1.xml", data: sheetXml(body), ...(declared === undefined ? {} : { declaredSize: declared }) });
}
