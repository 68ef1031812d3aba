/**
 * JSON read exactly: numbers a float would change keep their text; everything else is
 * what JSON.parse gives, `__proto__` keys and deep nesting included.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readDecimal } from "../../src/io/decimal-input.js";
import { JsonNumberText, parseJsonExact } from "../../src/io/json-text.js";

describe("parseJsonExact", () => {
  it("keeps a number with more digits than a float holds, and exponent forms, as their text", () => {
    const parsed = parseJsonExact('{"a": 1.00499999999999999999, "b": 1e2, "c": 1e-999999999, "d": 12345678901234567890, "e": 12.5, "f": "1e2"}');
    expect(parsed.ok).toBe(true);
    const v = (parsed as { value: Record<string, unknown> }).value;
    expect(v["a"]).toEqual(new JsonNumberText("1.00499999999999999999"));
    expect(v["b"]).toEqual(new JsonNumberText("1e2"));
    expect(v["c"]).toEqual(new JsonNumberText("1e-999999999"));
    expect(v["d"]).toEqual(new JsonNumberText("12345678901234567890"));
    expect(v["e"]).toBe(12.5);
    expect(v["f"]).toBe("1e2");
  });

  it("gives what JSON.parse gives for any JSON value without such numbers", () => {
    fc.assert(fc.property(fc.jsonValue(), (value) => {
      const text = JSON.stringify(value);
      const parsed = parseJsonExact(text);
      expect(parsed.ok).toBe(true);
      if (!/\d[eE][-+]?\d|\d[\d.]{15}/.test(text)) expect((parsed as { value: unknown }).value).toEqual(JSON.parse(text));
    }), { numRuns: 300 });
  });

  it("builds __proto__ as an own key on the exact path too, as JSON.parse does", () => {
    const parsed = parseJsonExact('{"__proto__": {"polluted": 1.00000000000000000001}, "x": 1}');
    const value = (parsed as { value: Record<string, unknown> }).value;
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.hasOwn(value, "__proto__")).toBe(true);
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
  });

  it("parses nesting a million deep without a stack overflow, on both paths", () => {
    const deep = `${"[".repeat(1_000_000)}1e5${"]".repeat(1_000_000)}`;
    expect(parseJsonExact(deep).ok).toBe(true);
  });

  it("reports JSON.parse's own error", () => {
    const parsed = parseJsonExact("{1e5");
    expect(parsed.ok).toBe(false);
  });
});

describe("readDecimal", () => {
  it("reads the exact text, refuses exponents with the decimal to write", () => {
    expect(readDecimal(new JsonNumberText("1.00499999999999999999"))).toEqual({ ok: true, text: "1.00499999999999999999" });
    expect(readDecimal(new JsonNumberText("1e2"))).toEqual({ ok: false, message: "1e2 uses exponent notation; write it as a decimal: 100" });
    expect(readDecimal("1.5E-3")).toEqual({ ok: false, message: "1.5E-3 uses exponent notation; write it as a decimal: 0.0015" });
    expect(readDecimal(new JsonNumberText("1e-999999999"))).toMatchObject({ ok: false, message: expect.stringContaining("at most 50 digits before the point and 50 after it") });
    // A float from an application is its shortest spelling.
    expect(readDecimal(1e-7)).toEqual({ ok: true, text: "0.0000001" });
  });

  it("accepts exactly 50 digits before and after the point, refuses 51", () => {
    const fifty = "9".repeat(50);
    expect(readDecimal(fifty)).toEqual({ ok: true, text: fifty });
    expect(readDecimal(`0.${"0".repeat(49)}1`)).toMatchObject({ ok: true });
    expect(readDecimal(`${fifty}.${fifty}`)).toMatchObject({ ok: true });
    expect(readDecimal(`1${fifty}`)).toMatchObject({ ok: false });
    expect(readDecimal(`0.${"0".repeat(50)}1`)).toMatchObject({ ok: false });
    // Leading and trailing zeros do not count.
    expect(readDecimal(`000${fifty}.5000`)).toMatchObject({ ok: true });
    const huge = "1".repeat(500_000);
    const read = readDecimal(huge);
    expect(read.ok).toBe(false);
    expect((read as { message: string }).message.length).toBeLessThan(400);
  });
});
