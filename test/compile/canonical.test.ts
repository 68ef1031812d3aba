import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canonicalJson } from "../../src/compile/canonical.js";

describe("canonicalJson", () => {
  it("sorts keys, drops undefined members and has no white space", () => {
    expect(canonicalJson({ b: 1, a: [true, null, "x"], c: undefined, d: { z: 1, y: 2 } })).toBe('{"a":[true,null,"x"],"b":1,"d":{"y":2,"z":1}}');
    expect(canonicalJson({ b: [undefined, { "10": 1, "9": 2, "": 3 }], "é": "\u0000\"" })).toBe('{"b":[null,{"":3,"10":1,"9":2}],"é":"\\u0000\\""}');
  });

  it("gives the same bytes whatever the key order", () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (record) => {
        const reversed = Object.fromEntries(Object.entries(record).reverse());
        expect(canonicalJson(reversed)).toBe(canonicalJson(record));
        expect(JSON.parse(canonicalJson(record))).toEqual(JSON.parse(JSON.stringify(record)));
      }),
      { numRuns: 300 },
    );
  });

  // The straightforward implementation the faster one replaced, as the oracle (an object
  // cannot serve: JSON.stringify lists integer-like keys first whatever their order).
  const reference = (value: unknown): string => {
    if (value === null || typeof value === "boolean" || typeof value === "number" || typeof value === "string") return JSON.stringify(value);
    if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? "null" : reference(v))).join(",")}]`;
    if (typeof value === "object") {
      const record = value as Record<string, unknown>;
      const keys = Object.keys(record).filter((k) => record[k] !== undefined).sort();
      return `{${keys.map((k) => `${JSON.stringify(k)}:${reference(record[k])}`).join(",")}}`;
    }
    return "null";
  };

  it("gives the bytes of the reference serialisation on arbitrary JSON with undefined members", () => {
    const withUndefined = fc.letrec((tie) => ({
      value: fc.oneof(
        { depthSize: "small" },
        fc.jsonValue({ maxDepth: 1 }),
        fc.constant(undefined),
        fc.array(tie("value"), { maxLength: 5 }),
        fc.dictionary(fc.string(), tie("value"), { maxKeys: 5 }),
      ),
    })).value;
    fc.assert(
      fc.property(withUndefined, (value) => {
        if (value === undefined) return;
        expect(canonicalJson(value)).toBe(reference(value));
      }),
      { numRuns: 500 },
    );
  });

  it("sorts every layout right when layouts share a first key (the sorted-order memo)", () => {
    const value = [
      { b: 1, a: 2 }, { b: 1, c: 2, a: 3 }, { b: 1, a: 2 }, { b: 1, z: 0, y: 9 }, { b: 1, a: undefined, c: 3 }, { b: 1, c: 2, a: 3 },
    ];
    expect(canonicalJson(value)).toBe('[{"a":2,"b":1},{"a":3,"b":1,"c":2},{"a":2,"b":1},{"b":1,"y":9,"z":0},{"b":1,"c":3},{"a":3,"b":1,"c":2}]');
    expect(canonicalJson(value)).toBe(reference(value));
  });
});
