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

/** The rubric changed by `edit`, then resealed: what anyone can do to a stored file. */
function resealed(edit: (r: any) => void): CompiledRubric {
  const copy = JSON.parse(JSON.stringify(unsealed)) as any;
  edit(copy);
  return seal(copy as UnsealedRubric);
}

function invariantIssues(r: unknown, locale?: "en" | "vi"): { path: string; message: string }[] {
  const result = loadCompiled(r, locale === undefined ? {} : { locale });
  expect(result.ok).toBe(false);
  if (result.ok) return [];
  for (const issue of result.issues) expect(issue.code).toBe("invariant");
  return result.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
}

describe("loadCompiled: invariants of a resealed rubric", () => {
  it("the fingerprint alone lets a resealed file through; the invariants are what refuse it", () => {
    const negative = resealed((r) => { r.nodes[0].children[0].max = "-5"; });
    expect(negative.fingerprint).not.toBe(rubric.fingerprint);
    expect(invariantIssues(negative)).toEqual([{ path: "nodes.0.children.0.max", message: "max is -5; it must be greater than 0" }]);
    expect(invariantIssues(negative, "vi")).toEqual([{ path: "nodes.0.children.0.max", message: "max là -5; phải lớn hơn 0" }]);
  });

  it.each([
    ["a zero max", (r: any) => { r.nodes[0].max = "0"; }, "nodes.0.max", "greater than 0"],
    ["a negative weight", (r: any) => { r.nodes[0].children[0].weight = "-1"; }, "nodes.0.children.0.weight", "greater than 0"],
    ["a duplicate node id", (r: any) => { r.nodes[0].children[0].id = "1"; }, "nodes.0.children.0.id", 'the id "1" is used twice (first at nodes.0)'],
    ["an extra sharing a node's id", (r: any) => { r.extras = [{ id: "1.1", sign: "bonus", title: "T", max: "1", evidence: [], leaf: r.nodes[0].children[0].leaf }]; }, "extras.0.id", "used twice"],
    ["an input that is not declared", (r: any) => { r.nodes[0].children[0].leaf.rule.expr = { op: "input", name: "missing" }; }, "nodes.0.children.0.leaf.rule.expr", 'the input "missing" is not declared'],
    ["a let used before it is computed", (r: any) => {
      r.nodes[0].children[0].leaf.lets = [{ name: "a", expr: { op: "let", name: "b" } }, { name: "b", expr: { op: "num", value: "1" } }];
    }, "nodes.0.children.0.leaf.lets.0.expr", 'the let value "b" is not declared'],
    ["an unknown unit fact", (r: any) => { r.nodes[0].appliesWhen = { op: "eq", left: { op: "unit", name: "size" }, right: { op: "enum", value: "a" } }; }, "nodes.0.appliesWhen.left", 'the unit fact "size"'],
    ["a value that is not a member of its enum", (r: any) => { r.nodes[0].appliesWhen = { op: "eq", left: { op: "unit", name: "kind" }, right: { op: "enum", value: "c" } }; }, "nodes.0.appliesWhen", '"c" is not a member of enum(a, b)'],
    ["a rule that is not a number", (r: any) => { r.nodes[0].children[0].leaf.rule.expr = { op: "bool", value: true }; }, "nodes.0.children.0.leaf.rule.expr", "expected a number, found a true/false value"],
    ["arithmetic on a true/false value", (r: any) => { r.nodes[0].children[0].leaf.rule.expr = { op: "add", left: { op: "bool", value: true }, right: { op: "num", value: "1" } }; }, "nodes.0.children.0.leaf.rule.expr.left", "expected a number"],
    ["a function given too few arguments", (r: any) => { r.nodes[0].children[0].leaf.rule.expr = { op: "call", fn: "clamp", args: [] }; }, "nodes.0.children.0.leaf.rule.expr", "clamp() takes 3 numbers, not 0"],
    ["round() to a trillion decimals", (r: any) => { r.nodes[0].children[0].leaf.rule.expr = { op: "call", fn: "round", args: [{ op: "num", value: "1" }, { op: "num", value: "999999999999" }] }; }, "nodes.0.children.0.leaf.rule.expr.args.1", "the decimals of round()"],
    ["a figure inside a node's rule", (r: any) => { r.nodes[0].children[0].leaf.rule.expr = { op: "figure", name: "points" }; }, "nodes.0.children.0.leaf.rule.expr", "cannot be used here"],
    ["'max' in the index formula", (r: any) => { r.index = { op: "max" }; }, "index", "'max' cannot be used here"],
    ["a ranking key naming no node", (r: any) => { r.ranking.keys = [{ target: { kind: "node", id: "9" }, direction: "desc" }]; }, "ranking.keys.0.target.id", 'sorts by node "9"'],
    ["a child of a weighted node without a weight", (r: any) => { r.nodes[0].aggregate = "weighted"; }, "nodes.0.children.0", "needs a weight"],
    ["an input declared twice", (r: any) => { r.nodes[0].children[0].leaf.inputs.push({ name: "done", type: { kind: "number" } }); }, "nodes.0.children.0.leaf.inputs.1.name", 'the name "done" is declared twice'],
    ["an empty range", (r: any) => { r.nodes[0].children[0].leaf.inputs[0].type = { kind: "number", min: "5", max: "1" }; }, "nodes.0.children.0.leaf.inputs.0.type", "the range 5..1 is empty"],
    ["a max of 500,000 digits", (r: any) => { r.nodes[0].max = "9".repeat(500_000); }, "nodes.0.max", "outside the numbers read"],
    ["a literal of 51 decimals", (r: any) => { r.nodes[0].children[0].leaf.rule.expr = { op: "num", value: `0.${"0".repeat(50)}1` }; }, "nodes.0.children.0.leaf.rule.expr.value", "outside the numbers read"],
  ])("refuses %s, naming where and why", (_name, edit, path, text) => {
    const issues = invariantIssues(resealed(edit));
    expect(issues.some((i) => i.path === path && i.message.includes(text)), JSON.stringify(issues)).toBe(true);
  });

  it("accepts every example rubric, compiled (the invariants are what the compiler guarantees)", async () => {
    const { readdirSync, readFileSync } = await import("node:fs");
    const { join } = await import("node:path");
    const { compile } = await import("../../src/compile/compile.js");
    const examples = join(import.meta.dirname, "../../examples");
    for (const name of readdirSync(examples)) {
      const compiled = compile(readFileSync(join(examples, name, "rubric.rubric"), "utf8"));
      expect(compiled.ok, name).toBe(true);
      if (compiled.ok) expect(loadCompiled(JSON.stringify(compiled.rubric)).ok, name).toBe(true);
    }
  });

  it("with an expected fingerprint, refuses any other rubric", () => {
    expect(loadCompiled(rubric, { fingerprint: rubric.fingerprint }).ok).toBe(true);
    const other = resealed((r) => { r.nodes[0].children[0].title = "Khác"; });
    const result = loadCompiled(other, { fingerprint: rubric.fingerprint });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues[0]).toMatchObject({ code: "fingerprint", message: expect.stringContaining("not the rubric expected") });
  });

  it("caps the issues of a badly broken file at fifty", () => {
    const broken = resealed((r) => {
      r.nodes[0].children = Array.from({ length: 200 }, (_, i) => ({ ...r.nodes[0].children[0], id: `1.${i}`, max: "-1" }));
    });
    expect(invariantIssues(broken).length).toBe(50);
  });
});
