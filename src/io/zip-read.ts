/**
 * Reading the parts of a ZIP file (an XLSX workbook) with bounded work: the central
 * directory is read first, and the sizes it declares are checked against the limits
 * before anything is inflated; each part is then inflated with its declared size as a
 * hard cap, so a part that claims little and inflates to gigabytes (a zip bomb) stops
 * at its claim. Node-only (zlib).
 * @module
 */
import { inflateRawSync } from "node:zlib";
import { WordedError, XLSX_REASON } from "./xlsx-messages.js";

/** One file inside the ZIP. */
export interface ZipEntry {
  /** Its path inside the ZIP. */
  readonly name: string;
  /** 0 stored, 8 deflated. */
  readonly method: number;
  /** Bytes in the ZIP. */
  readonly compressedSize: number;
  /** Bytes once inflated, as declared. */
  readonly size: number;
  /** Where its local header starts. */
  readonly offset: number;
}

/** Limits on what a ZIP may hold. */
export interface ZipLimits {
  /** Most entries. */
  readonly entries: number;
  /** Most bytes of all entries together, inflated. */
  readonly totalSize: number;
}

/** Why a ZIP cannot be read: a message without the file's name. */
export class ZipError extends WordedError {}

const END_OF_CENTRAL = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/**
 * The entries of a ZIP, checked against the limits before any is inflated.
 * @param bytes - the whole file
 * @param limits - most entries, most inflated bytes in all
 * @throws ZipError - when it is not a ZIP, is cut short, encrypted, ZIP64, or over a limit
 */
export function zipEntries(bytes: Uint8Array, limits: ZipLimits): Map<string, ZipEntry> {
  const data = view(bytes);
  // The end record is within the last 22 + 65,535 bytes (its comment is at most that long).
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65535); i--) {
    if (data.getUint32(i, true) === END_OF_CENTRAL) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new ZipError(XLSX_REASON.notZip());
  const count = data.getUint16(end + 10, true);
  const directorySize = data.getUint32(end + 12, true);
  const directoryStart = data.getUint32(end + 16, true);
  if (count === 0xffff || directoryStart === 0xffffffff) throw new ZipError(XLSX_REASON.zip64());
  if (count > limits.entries) throw new ZipError(XLSX_REASON.tooManyFiles(count, limits.entries));
  if (directoryStart + directorySize > end) throw new ZipError(XLSX_REASON.directoryShort());
  const entries = new Map<string, ZipEntry>();
  let total = 0;
  let at = directoryStart;
  for (let k = 0; k < count; k++) {
    if (at + 46 > end || data.getUint32(at, true) !== CENTRAL) throw new ZipError(XLSX_REASON.directoryDamaged());
    const flags = data.getUint16(at + 8, true);
    const method = data.getUint16(at + 10, true);
    const compressedSize = data.getUint32(at + 20, true);
    const size = data.getUint32(at + 24, true);
    const nameLength = data.getUint16(at + 28, true);
    const extraLength = data.getUint16(at + 30, true);
    const commentLength = data.getUint16(at + 32, true);
    const offset = data.getUint32(at + 42, true);
    const name = new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength));
    at += 46 + nameLength + extraLength + commentLength;
    if ((flags & 1) !== 0) throw new ZipError(XLSX_REASON.encrypted());
    if (compressedSize === 0xffffffff || size === 0xffffffff || offset === 0xffffffff) throw new ZipError(XLSX_REASON.zip64());
    if (method !== 0 && method !== 8) throw new ZipError(XLSX_REASON.method(name, method));
    total += size;
    if (total > limits.totalSize) throw new ZipError(XLSX_REASON.tooLarge(limits.totalSize));
    entries.set(name, { name, method, compressedSize, size, offset });
  }
  return entries;
}

/**
 * Inflates one entry, never beyond its declared size.
 * @param bytes - the whole file
 * @param entry - the entry
 * @throws ZipError - when the data is cut short, damaged, or larger than declared
 */
export function zipRead(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  const data = view(bytes);
  if (entry.offset + 30 > bytes.length || data.getUint32(entry.offset, true) !== LOCAL) throw new ZipError(XLSX_REASON.damaged(entry.name));
  const start = entry.offset + 30 + data.getUint16(entry.offset + 26, true) + data.getUint16(entry.offset + 28, true);
  if (start + entry.compressedSize > bytes.length) throw new ZipError(XLSX_REASON.cutShort(entry.name));
  const raw = bytes.subarray(start, start + entry.compressedSize);
  if (entry.method === 0) {
    if (entry.compressedSize !== entry.size) throw new ZipError(XLSX_REASON.damaged(entry.name));
    return raw;
  }
  let out: Uint8Array;
  try {
    // One byte more than declared is allowed to be produced, so "larger than declared" shows.
    out = inflateRawSync(raw, { maxOutputLength: Math.max(1, entry.size + 1) });
  } catch (error) {
    const tooLarge = (error as { code?: string }).code === "ERR_BUFFER_TOO_LARGE";
    throw new ZipError(tooLarge ? XLSX_REASON.bomb(entry.name) : XLSX_REASON.damaged(entry.name));
  }
  if (out.length !== entry.size) throw new ZipError(XLSX_REASON.sizeMismatch(entry.name, out.length, entry.size));
  return out;
}
