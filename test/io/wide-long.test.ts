/**
 * The pure table mappings in-process: rows of strings from any source (here an
 * array, as an XLSX sheet would give) become submissions that remember their cells.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { compile } from "../../src/compile/compile.js";
import { placeOf } from "../../src/io/cells.js";
import { evaluate } from "../../src/io/evaluate.js";
import { longRowsToSubmissions } from "../../src/io/long.js";
import { splitHeader, wideRowsToSubmissions, type TableItem } from "../../src/io/wide.js";

const source = readFileSync(join(import.meta.dirname, "../../examples/par-department/rubric.rubric"), "utf8");
const compiled = compile(source);
if (!compiled.ok) throw new Error("the example rubric must compile");
const rubric = compiled.rubric;

async function all(items: AsyncIterable<TableItem>): Promise<TableItem[]> {
  const out: TableItem[] = [];
  for await (const item of items) out.push(item);
  return out;
}

describe("splitHeader", () => {
  it("takes the input after the last dot and the layer before a colon", () => {
    expect(splitHeader("1.1.2.done")).toEqual({ layer: "", node: "1.1.2", input: "done" });
    expect(splitHeader(" appraisal:1.5.points ")).toEqual({ layer: "appraisal", node: "1.5", input: "points" });
    expect(splitHeader("notApplicable:3.4")).toEqual({ layer: "notApplicable", node: "3.4", input: "" });
    expect(splitHeader("unit.kind")).toEqual({ layer: "", node: "unit", input: "kind" });
  });
});

describe("wideRowsToSubmissions on a sheet", () => {
  const header = ["unit.id", "unit.kind", "1.1.2.done", "1.1.2.planned", "appraisal:1.1.2.done", "appraisal:1.1.2.reason", "8.1.answers", "notApplicable:3.4", ""];
  it("builds each row's submission and names cells the spreadsheet way", async () => {
    const rows = [
      { row: 2, cells: ["so-a", "so_co_tthc", "35", "46", "34", "thiếu tài liệu", "5; 4;3", "không phát sinh", ""] },
      { row: 3, cells: ["", "", "", "", "", "", "", "", ""] },
      { row: 4, cells: ["so-b", "so_khong_tthc", "40", "600", "", "", "", "", ""] },
    ];
    const items = await all(wideRowsToSubmissions(header, rows, { file: "f.xlsx", sheet: "Tổng hợp" }, rubric, "vi"));
    expect(items).toHaveLength(2); // the blank row is no unit
    const [a, b] = items;
    expect(a!.ok && a!.value).toEqual({
      unit: { id: "so-a", facts: { kind: "so_co_tthc" } },
      self: { "1.1.2": { done: "35", planned: "46" }, },
      appraisal: { "1.1.2": { done: "34", reason: "thiếu tài liệu" } },
      survey: { "8.1": { answers: ["5", "4", "3"] } },
      notApplicable: { "3.4": "không phát sinh" },
    });
    expect(a!.ok && a!.origin).toBe("f.xlsx [Tổng hợp] dòng 2"); // the place in the data's language
    if (!b!.ok) throw new Error("row 4 reads");
    const outcome = evaluate(rubric, b!.value);
    if (outcome.ok) throw new Error("600 is out of range");
    expect(outcome.issues.map((i) => `${placeOf(b!, i.path)}: ${i.message}`)).toEqual(["f.xlsx [Tổng hợp] D4 (1.1.2.planned): 600 is above the maximum 500"]);
  });

  it("refuses a bad header with every problem, and reads nothing", async () => {
    const items = await all(wideRowsToSubmissions(["unit.name", "1.1.2.don", "x"], [{ row: 2, cells: ["a", "1", "2"] }], { file: "f.xlsx", sheet: "S" }, rubric, "en"));
    expect(items).toEqual([{
      ok: false,
      message: [
        'f.xlsx [S] B1: column "1.1.2.don": criterion "1.1.2" has no input "don"; its inputs are done, planned',
        'f.xlsx [S] C1: column "x" names no input; write unit.id, unit.<fact>, <criterion>.<input> or <layer>:<criterion>.<input>',
        "f.xlsx [S] row 1: the header has no unit.id column; every row needs the unit's id",
      ].join("\n"),
    }]);
  });
});

describe("longRowsToSubmissions", () => {
  it("groups consecutive rows by unit; a unit whose rows are apart comes out twice", async () => {
    const header = ["Unit", "Node", "Input", "Layer", "Value"];
    const rows = [
      ["a", "unit", "kind", "", "so_co_tthc"],
      ["a", "1.5", "points", "", "1,75"],
      ["b", "1.5", "points", "appraisal", "1.25"],
      ["a", "3.4", "", "notApplicable", "không phát sinh"],
    ].map((cells, i) => ({ cells, row: i + 2 }));
    const items = await all(longRowsToSubmissions(header, rows, { file: "l.csv" }, rubric, "vi"));
    expect(items.map((i) => (i.ok ? [i.origin, i.value] : i.message))).toEqual([
      ["l.csv:2–3", { unit: { id: "a", facts: { kind: "so_co_tthc" } }, self: { "1.5": { points: "1.75" } } }],
      ["l.csv:4", { unit: { id: "b" }, appraisal: { "1.5": { points: "1.25" } } }],
      ["l.csv:5", { unit: { id: "a" }, notApplicable: { "3.4": "không phát sinh" } }],
    ]);
  });

  it("refuses a value given twice for the same unit, naming both cells", async () => {
    const rows = [["a", "1.4", "activities", "", "3"], ["a", "1.4", "activities", "self", "4"]].map((cells, i) => ({ cells, row: i + 2 }));
    const items = await all(longRowsToSubmissions(["unit", "node", "input", "layer", "value"], rows, { file: "l.csv" }, rubric, "en"));
    expect(items).toMatchObject([{ ok: false, message: "l.csv:3:E (value): self.1.4.activities is given twice (first at l.csv:2:E (value))", origin: "l.csv:2–3", unit: { id: "a" } }]);
  });
});
