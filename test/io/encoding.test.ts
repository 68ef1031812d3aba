/**
 * Strict UTF-8: legacy encodings and UTF-16 are named, never read as garbled text;
 * a character split between chunks of a stream is still one character; reading a
 * device stops at the bound.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { decodeUtf8, firstInvalidUtf8, streamDecoder } from "../../src/io/encoding.js";
import { encodingMessage } from "../../src/io/messages.js";
import { readBytes, readTextFile } from "../../src/io/read-file.js";
import { tempDir } from "../temp.js";

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

describe("decodeUtf8", () => {
  it("reads UTF-8 and drops a byte-order mark", () => {
    expect(decodeUtf8(utf8("\uFEFFSở Nội vụ"))).toEqual({ ok: true, text: "Sở Nội vụ" });
  });

  it("names UTF-16, with or without its byte-order mark", () => {
    const le = Buffer.from("\uFEFFunit.id,1.1.x\r\n", "utf16le");
    expect(decodeUtf8(le)).toEqual({ ok: false, problem: { kind: "utf16" } });
    expect(decodeUtf8(Buffer.from("unit.id,1.1.x\r\nso-noi-vu,5\r\n", "utf16le"))).toEqual({ ok: false, problem: { kind: "utf16" } });
    expect(encodingMessage("a.csv", { kind: "utf16" }, "en")).toBe('a.csv: the file is UTF-16 text, not UTF-8; save it again as UTF-8 (in Excel: "CSV UTF-8"; in a text editor: encoding UTF-8)');
    expect(encodingMessage("a.csv", { kind: "utf16" }, "vi")).toContain("tệp được mã hóa UTF-16, không phải UTF-8");
  });

  it("names the line and column of the first byte that is not UTF-8 (a Windows-1258 name)", () => {
    // "Sở" in Windows-1258 is 53 D5; on the second line, third column.
    const bytes = new Uint8Array([...utf8("unit.id,unit.name\nu1,"), 0x53, 0xd5, 0x0a]);
    expect(decodeUtf8(bytes)).toEqual({ ok: false, problem: { kind: "invalid", line: 2, column: 5, byte: 0xd5 } });
    expect(encodingMessage("d.csv", { kind: "invalid", line: 2, column: 5, byte: 0xd5 }, "en")).toContain("d.csv:2:5: the file is not UTF-8 text (byte 0xD5)");
  });

  it("refuses NUL bytes, overlong forms and surrogates", () => {
    expect(decodeUtf8(utf8("a\u0000b"))).toEqual({ ok: false, problem: { kind: "nul", line: 1, column: 2 } });
    expect(firstInvalidUtf8(new Uint8Array([0x41, 0xc0, 0x80]))).toBe(1);
    expect(firstInvalidUtf8(new Uint8Array([0xed, 0xa0, 0x80]))).toBe(0);
    expect(firstInvalidUtf8(new Uint8Array([0xe1, 0xbb]))).toBe(0);
    expect(firstInvalidUtf8(utf8("Hà Tĩnh ✓ 𝄞"))).toBe(-1);
  });
});

describe("streamDecoder", () => {
  it("joins a character split between chunks, at every split point", () => {
    const bytes = utf8("Ủy ban nhân dân tỉnh Hà Tĩnh 𝄞\n");
    for (let cut = 1; cut < bytes.length; cut++) {
      const d = streamDecoder();
      const a = d.push(bytes.subarray(0, cut));
      const b = d.push(bytes.subarray(cut));
      const c = d.end();
      expect([a, b, c].join("")).toBe("Ủy ban nhân dân tỉnh Hà Tĩnh 𝄞\n");
    }
  });

  it("places a bad byte by its line over the whole stream, even right after a split character", () => {
    const d = streamDecoder();
    expect(d.push(utf8("line one\nline tw"))).toBe("line one\nline tw");
    expect(d.push(new Uint8Array([0x6f, 0x0a, 0x41, 0xff]))).toEqual({ kind: "invalid", line: 3, column: 2, byte: 0xff });
    const e = streamDecoder();
    const ho = utf8("hồ");
    expect(e.push(ho.subarray(0, 2))).toBe("h");
    expect(e.push(new Uint8Array([...ho.subarray(2), 0xfe]))).toEqual({ kind: "invalid", line: 1, column: 3, byte: 0xfe });
  });

  it("says when the stream ends inside a character", () => {
    const d = streamDecoder();
    d.push(new Uint8Array([0x41, 0xe1]));
    expect(d.end()).toMatchObject({ kind: "invalid" });
  });
});

describe("reading whole files within a bound", () => {
  it("stops reading /dev/zero at the bound", () => {
    expect(readBytes("/dev/zero", 1_000_000)).toEqual({ ok: false, tooLarge: true });
  });

  it("refuses a regular file above the bound without reading it, and names folders and missing files", () => {
    const dir = tempDir("rubric-read-");
    const file = join(dir, "big.json");
    writeFileSync(file, "x".repeat(2000));
    expect(readBytes(file, 1000)).toEqual({ ok: false, tooLarge: true });
    expect(readTextFile(dir, "json", "en")).toEqual({ ok: false, message: `${dir}: cannot read the file (it is a folder).` });
    expect(readTextFile(join(dir, "none.json"), "json", "vi")).toEqual({ ok: false, message: `${join(dir, "none.json")}: không đọc được tệp (không có tệp này).` });
  });
});
