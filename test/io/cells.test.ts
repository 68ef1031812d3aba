import { describe, expect, it } from "vitest";
import type { CompiledType } from "../../src/compile/types.js";
import { columnLetter, newDraft, placeName, placeOf, putValue, readCell, readCellDecimal } from "../../src/io/cells.js";

const num: CompiledType = { kind: "number" };

describe("readCellDecimal", () => {
  it.each([
    ["12.5", "en", "12.5"], ["12.5", "vi", "12.5"], ["12,5", "vi", "12.5"], [" 7 ", "en", "7"], ["-0,25", "vi", "-0.25"],
    ["0.125", "vi", "0.125"], ["1234.567", "vi", "1234.567"], ["1.234", "en", "1.234"], ["0,125", "vi", "0.125"],
  ] as const)("%s (%s) reads as %s", (raw, locale, text) => {
    expect(readCellDecimal(raw, locale)).toEqual({ ok: true, text });
  });

  it.each([
    ["1.234,5", "vi", "có cả dấu phẩy và dấu chấm"], ["1,234.5", "en", "ambiguous"], ["1.234", "vi", "có hai cách hiểu"], ["1,234", "en", "ambiguous"],
    ["1.234.567", "vi", "thousands separators"], ["12,5", "en", "decimal comma"], ["abc", "vi", "not a number"],
    ["1e5", "en", "not a number"], ["", "en", "not a number"], [",5", "vi", "not a number"], ["5,", "vi", "not a number"],
  ] as const)("%s (%s) is refused as %s", (raw, locale, words) => {
    const read = readCellDecimal(raw, locale);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.message).toContain(words);
  });
});

describe("an ambiguous number with one reading the input can take", () => {
  it.each([
    ["1.617", { kind: "number", min: "0", max: "2.5" }, "vi", "1.617"],
    ["1.617", { kind: "count" }, "vi", "1617"],
    ["2.500", { kind: "number", min: "0", max: "100" }, "vi", "2.500"],
    ["1,617", { kind: "number", min: "0", max: "2.5" }, "en", "1.617"],
    ["1,617", { kind: "count", min: "0", max: "5000" }, "en", "1617"],
    ["1.617%", { kind: "percent", min: "0", max: "100" }, "vi", "1.617"],
  ] as const)("%s as %o (%s) reads as %s", (raw, type, locale, value) => {
    expect(readCell(raw, type as CompiledType, locale)).toEqual({ ok: true, value });
  });

  it.each([
    ["1.617", { kind: "number" }, "vi", '"1.617" có hai cách hiểu: dấu chấm có thể để tách hàng nghìn hoặc để ghi phần thập phân; hãy ghi 1617 hoặc 1,617'],
    ["1.617", { kind: "number", min: "0", max: "5000" }, "vi", "có hai cách hiểu"],
    ["1.234", { kind: "count", min: "1", max: "500" }, "vi", "có hai cách hiểu"],
    ["1,617", { kind: "number" }, "en", '"1,617" is ambiguous: the comma may group thousands or mark decimals; write 1617 or 1.617'],
  ] as const)("%s as %o (%s) stays ambiguous", (raw, type, locale, words) => {
    const read = readCell(raw, type as CompiledType, locale);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.message).toContain(words);
  });
});

describe("readCell", () => {
  it("an empty cell is not given, never 0", () => {
    expect(readCell("  ", num, "vi")).toEqual({ ok: true, value: undefined });
  });
  it("reads each type", () => {
    expect(readCell("85%", { kind: "percent" }, "en")).toEqual({ ok: true, value: "85" });
    expect(readCell("có", { kind: "bool" }, "vi")).toEqual({ ok: true, value: true });
    expect(readCell("FALSE", { kind: "bool" }, "en")).toEqual({ ok: true, value: false });
    expect(readCell("15/12/2022", { kind: "date" }, "vi")).toEqual({ ok: true, value: "2022-12-15" });
    expect(readCell("2022-12-15", { kind: "date" }, "en")).toEqual({ ok: true, value: "2022-12-15" });
    expect(readCell("so_co_tthc", { kind: "enum", members: ["so_co_tthc", "khac"] }, "en")).toEqual({ ok: true, value: "so_co_tthc" });
    expect(readCell("4; 5;3", { kind: "list", element: { kind: "likert", min: "1", max: "5" } }, "en")).toEqual({ ok: true, value: ["4", "5", "3"] });
    expect(readCell(" [] ", { kind: "list", element: { kind: "likert", min: "1", max: "5" } }, "vi")).toEqual({ ok: true, value: [] });
  });
  it("refuses what it cannot read, saying what to write", () => {
    expect(readCell("31/02/2022", { kind: "date" }, "vi")).toMatchObject({ ok: false, message: expect.stringContaining("not a real date") });
    expect(readCell("15/12/2022", { kind: "date" }, "en")).toMatchObject({ ok: false, message: expect.stringContaining("YYYY-MM-DD") });
    expect(readCell("maybe", { kind: "bool" }, "en")).toMatchObject({ ok: false });
    expect(readCell("other", { kind: "enum", members: ["a", "b"] }, "en")).toMatchObject({ ok: false, message: expect.stringContaining("a, b") });
    expect(readCell("4;x", { kind: "list", element: { kind: "number" } }, "en")).toMatchObject({ ok: false, message: expect.stringContaining("element 2") });
  });
});

describe("places and drafts", () => {
  it("names cells the way spreadsheets do", () => {
    expect([1, 26, 27, 52, 703].map(columnLetter)).toEqual(["A", "Z", "AA", "AZ", "AAA"]);
    expect(placeName({ file: "d.csv", row: 3, column: 4, header: "1.1.2.done" })).toBe("d.csv:3:D (1.1.2.done)");
    expect(placeName({ file: "f.xlsx", sheet: "Sở Nội vụ", row: 7, column: 5 })).toBe("f.xlsx [Sở Nội vụ] E7");
  });
  it("assembles values, refuses a value given twice, finds the cell behind a path", () => {
    const draft = newDraft();
    expect(putValue(draft, ["self", "1.1.2", "done"], "35", "d.csv:2:C")).toBeUndefined();
    expect(putValue(draft, ["self", "1.1.2", "planned"], "46", "d.csv:2:D")).toBeUndefined();
    expect(putValue(draft, ["self", "1.1.2", "done"], "36", "d.csv:5:C")).toContain("first at d.csv:2:C");
    expect(JSON.parse(JSON.stringify(draft.value))).toEqual({ self: { "1.1.2": { done: "35", planned: "46" } } });
    expect(placeOf(draft, ["self", "1.1.2", "planned"])).toBe("d.csv:2:D");
    expect(placeOf(draft, ["self", "1.1.2", "done", 0])).toBe("d.csv:2:C");
    expect(placeOf(draft, ["self", "9.9"])).toBeUndefined();
  });
});
