import { describe, expect, it } from "vitest";
import { IdIndex, IntColumn, TextColumn } from "../../src/rank/columns.js";

describe("compact columns", () => {
  it("a text column gives back every text, before and after it has too many distinct ones for codes", () => {
    const column = new TextColumn();
    const texts = Array.from({ length: 70_000 }, (_, i) => (i % 3 === 0 ? "90.48" : `${i}/7`));
    for (const t of texts) column.push(t);
    texts.forEach((t, i) => expect(column.at(i)).toBe(t));
    const few = new TextColumn();
    for (let i = 0; i < 5000; i++) few.push(String(i % 10));
    expect(few.at(4321)).toBe("1");
  });

  it("an int column grows", () => {
    const column = new IntColumn(2);
    for (let i = 0; i < 5000; i++) column.push(i * 3 - 7);
    expect(column.length).toBe(5000);
    expect(column.at(4999)).toBe(4999 * 3 - 7);
  });

  it("the id index finds the first position of each id, across growth, and any id's", () => {
    const ids: string[] = [];
    const index = new IdIndex(ids);
    const firsts = new Map<string, number>();
    for (let i = 0; i < 20_000; i++) {
      const id = i % 7 === 0 ? `u${i % 50}` : `u${i}`;
      ids.push(id);
      const first = index.add(i);
      expect(first).toBe(firsts.get(id));
      if (!firsts.has(id)) firsts.set(id, i);
    }
    for (const [id, at] of firsts) expect(index.find(id)).toBe(at);
    expect(index.find("nobody")).toBeUndefined();
  });
});
