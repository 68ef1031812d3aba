import { describe, expect, it } from "vitest";
import { seal } from "../../src/compile/fingerprint.js";
import { loadCompiled, MAX_COMPILED_DEPTH } from "../../src/compile/load.js";
import type { CompiledRubric, UnsealedRubric } from "../../src/compile/types.js";

const unsealed: UnsealedRubric = {
  format: "rubric-lang/compiled",
  formatVersion: 1,
  meta: { id: "demo", title: "Demo", locale: "vi" },
  publish: { precision: 2, rounding: "half-up" },
  index: { op: "mul", left: { op: "div", left: { op: "figure", name: "points" }, right: { op: "figure", name: "max" } }, right: { op: "num", value: "100" } },
  bonusMayExceed: false,
  naDefault: "exclude",
  unitFacts: [{ name: "kind", type: { kind: "enum", members: ["a", "b"] } }],
  nodes: [
    {
      id: "1", keyword: "area", title: "Một", max: "2", evidence: [], fromSurvey: false, naPolicy: "exclude", clamp: true, aggregate: "sum",
      children: [
        {
          id: "1.1", keyword: "item", title: "Một một", max: "2", evidence: ["Báo cáo"], fromSurvey: false, naPolicy: "full", clamp: true,
          leaf: { inputs: [{ name: "done", type: { kind: "count" } }], lets: [], when: [], rule: { kind: "expr", expr: { op: "input", name: "done" } } },
        },
      ],
    },
  ],
  extras: [],
  ranking: { keys: [{ target: { kind: "figure", name: "index" }, direction: "desc" }], ties: "shared", on: "published", withinGroup: false },
  bands: [],
};
const rubric: CompiledRubric = seal(unsealed);

describe("loadCompiled", () => {
  it("accepts a sealed rubric, as an object and as JSON text", () => {
    expect(loadCompiled(rubric)).toEqual({ ok: true, rubric });
    expect(loadCompiled(JSON.stringify(rubric))).toEqual({ ok: true, rubric });
  });

  it("refuses a rubric edited after sealing, naming the fingerprint", () => {
    const edited = { ...rubric, meta: { ...rubric.meta, title: "Changed" } };
    const result = loadCompiled(edited);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues[0]).toMatchObject({ code: "fingerprint", path: ["fingerprint"] });
  });

  it.each([
    ["not JSON", "{", "json"],
    ["another format", { format: "other" }, "format"],
    ["a newer version", { ...rubric, formatVersion: 2 }, "version"],
    ["null", null, "format"],
    ["an array", [], "format"],
  ])("refuses %s", (_name, input, code) => {
    const result = loadCompiled(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues[0]?.code).toBe(code);
  });

  it("refuses an unknown key with its path (strict objects)", () => {
    const bad = JSON.parse(JSON.stringify(rubric));
    bad.nodes[0].children[0].extra = 1;
    const result = loadCompiled(bad);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues.some((i) => i.code === "shape" && i.path.join("/").startsWith("nodes/0"))).toBe(true);
  });

  it("refuses a float-looking or non-canonical max", () => {
    const bad = JSON.parse(JSON.stringify(rubric));
    bad.nodes[0].max = "2.50";
    const result = loadCompiled(bad);
    expect(result.ok).toBe(false);
  });

  it("refuses a __proto__ key instead of letting it through", () => {
    const text = JSON.stringify(rubric).replace('"bands":[]', '"bands":[],"__proto__":{"polluted":true}');
    const result = loadCompiled(text);
    expect(result.ok).toBe(false);
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
  });

  it("refuses absurdly deep JSON without overflowing the stack", () => {
    let expr: unknown = { op: "num", value: "1" };
    for (let i = 0; i < 100_000; i++) expr = { op: "neg", arg: expr };
    const result = loadCompiled({ ...rubric, index: expr });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues[0]?.message).toContain(String(MAX_COMPILED_DEPTH));
  });
});
