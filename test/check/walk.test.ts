import { describe, expect, it } from "vitest";
import { closest, collectNodes, editDistance } from "../../src/check/walk.js";
import { parseRubric } from "../../src/syntax/parse.js";

describe("editDistance and closest", () => {
  it.each([["on_tme", "on_time", 1], ["total", "totla", 1], ["abc", "abc", 0], ["kind", "knid", 1], ["", "abc", 3]])("%s ~ %s = %i", (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
  });

  it("suggests the nearest name, and nothing when all are far", () => {
    expect(closest("on_tme", ["total", "on_time"])).toBe("on_time");
    expect(closest("coefficient", ["a", "b"])).toBeUndefined();
    expect(closest("x", ["y"])).toBe("y");
  });
});

describe("collectNodes", () => {
  it("lists nodes in source order with parent and depth, iteratively", () => {
    const ast = parseRubric('rubric "R" { area "1" "A" max 2 { item "1.1" "B" max 1 { score = 1 } item "1.2" "C" max 1 { score = 1 } } bonus "T" "D" max 1 { score = 1 } }').ast!;
    expect(collectNodes(ast).map((e) => `${e.node.id.value}/${e.parent?.id.value ?? "-"}/${e.depth}`)).toEqual(["1/-/1", "1.1/1/2", "1.2/1/2", "T/-/1"]);
  });
});
