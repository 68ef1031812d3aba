import { describe, expect, it } from "vitest";
import { evaluate, evaluateAll } from "../../src/io/evaluate.js";
import { submissionJsonSchema } from "../../src/io/schema.js";
import { JsonNumberText } from "../../src/io/json-text.js";
import { rubricOf } from "../runtime/helpers.js";

const rubric = rubricOf(`rubric "R" {
  unit { kind: enum(so, huyen), size: count }
  area "1" "A" max 4 {
    item "1.1" "Kế hoạch" max 2 {
      input done: count, planned: count in 1..100, issued_on: date, ok: bool, rate: percent in 0..100, note: text, x: number in -5..5
      score = if ok and issued_on <= 2022-12-31 and x >= -5 and rate >= 0% then max * done / planned else 0
    }
    item "1.2" "Hội đồng chấm" max 2 { score = given step 0.25 }
  }
  area "8" "Khảo sát" max 2 from survey {
    item "8.1" "Hài lòng" max 2 {
      input answers: list of likert(1..5)
      score = max * (mean(answers) - 1) / 4
    }
  }
  bonus "T" "Thưởng" max 1 { input n: count
    score = 0.5 * n }
}`);

const valid = {
  unit: { id: "u1", name: "Sở Nội vụ", group: "so", facts: { kind: "so", size: 12 } },
  self: { "1.1": { done: 9, planned: 10, issued_on: "2022-06-30", ok: true, rate: 85, note: "đủ", x: "-1.5" }, "1.2": { points: "1.5" }, T: { n: 1 } },
  appraisal: { "1.1": { done: 8, reason: "1 nhiệm vụ thiếu minh chứng" }, "1.2": { points: 1.25 } },
  survey: { "8.1": { answers: [5, 4, 4, 3] } },
};

function withPatch(path: (string | number)[], value: unknown): unknown {
  const copy = JSON.parse(JSON.stringify(valid)) as Record<string, unknown>;
  let cursor = copy as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) {
    cursor[key] ??= {};
    cursor = cursor[key] as Record<string | number, unknown>;
  }
  const last = path[path.length - 1]!;
  if (value === undefined) delete cursor[last];
  else cursor[last] = value;
  return copy;
}

describe("evaluate: a valid submission", () => {
  it("scores the final layer, keeps the self-assessment and the difference", () => {
    const out = evaluate(rubric, valid);
    if (!out.ok) throw new Error(JSON.stringify(out.issues));
    const r = out.result;
    expect(r.complete).toBe(true);
    // 1.1: 2 × 8/10 = 1.6 (appraised), 1.2: 1.25 (appraised), 8.1: 2 × (4 − 1)/4 = 1.5, bonus 0.5.
    expect(r).toMatchObject({ points: "4.85", max: "6", bonus: "0.5", penalty: "0", index: "485/6" });
    expect(r.self).toMatchObject({ points: "5.3" }); // 1.8 + 1.5 + 1.5 + 0.5
    expect(r.difference).toBe("-0.45");
    expect(r.published).toEqual({ points: "4.85", index: "80.83" });
    expect(r.nodes["1.1"]).toMatchObject({ points: "1.6", selfPoints: "1.8", difference: "-0.2", reason: "1 nhiệm vụ thiếu minh chứng" });
    expect(r.nodes["1.1"]?.values).toMatchObject({ done: { value: "8", layer: "appraisal" }, planned: { value: "10", layer: "self" }, rate: { value: "0.85", layer: "self" }, ok: { value: true, layer: "self" } });
    expect(r.nodes["1.2"]?.values).toEqual({ points: { value: "1.25", layer: "appraisal" } });
    expect(r.nodes["8.1"]).toMatchObject({ points: "1.5", values: { answers: { value: ["5", "4", "4", "3"], layer: "survey" } } });
    expect(r.rubric.fingerprint).toBe(rubric.fingerprint);
  });

  it("reads JSON numbers and decimal strings alike, exactly", () => {
    const a = evaluate(rubric, withPatch(["self", "1.1", "x"], -1.5));
    const b = evaluate(rubric, withPatch(["self", "1.1", "x"], "-1.50"));
    expect(a.ok && b.ok && JSON.stringify(a.result)).toBe(b.ok && JSON.stringify(b.result));
  });

  it("reports missing inputs as node errors, never as 0", () => {
    const out = evaluate(rubric, withPatch(["self", "1.1", "done"], undefined));
    expect(out.ok).toBe(true);
    if (out.ok) {
      expect(out.result.complete).toBe(true); // the appraisal supplies done
    }
    const none = evaluate(rubric, { unit: { id: "u2", facts: { kind: "so", size: 1 } } });
    expect(none.ok && none.result.complete).toBe(false);
    expect(none.ok && none.result.errors.map((e) => e.code)).toContain("missing-input");
    expect(none.ok && none.result.points).toBeUndefined();
  });
});

const MALFORMED: [string, unknown, (string | number)[]][] = [
  ["no unit", withPatch(["unit"], undefined), ["unit"]],
  ["unit without id", withPatch(["unit", "id"], undefined), ["unit", "id"]],
  ["empty unit id", withPatch(["unit", "id"], ""), ["unit", "id"]],
  ["unit id a number", withPatch(["unit", "id"], 7), ["unit", "id"]],
  ["unknown unit key", withPatch(["unit", "code"], "x"), ["unit"]],
  ["unknown fact", withPatch(["unit", "facts", "region"], "north"), ["unit", "facts"]],
  ["fact not an enum member", withPatch(["unit", "facts", "kind"], "xa"), ["unit", "facts", "kind"]],
  ["fact count negative", withPatch(["unit", "facts", "size"], -1), ["unit", "facts", "size"]],
  ["missing fact", withPatch(["unit", "facts", "kind"], undefined), ["unit", "facts", "kind"]],
  ["unknown top-level key", withPatch(["extra"], {}), []],
  ["unknown node in self", withPatch(["self", "9.9"], {}), ["self"]],
  ["inner node in self", withPatch(["self", "1"], {}), ["self"]],
  ["survey node in self", withPatch(["self", "8.1"], { answers: [1] }), ["self"]],
  ["self node in survey", withPatch(["survey", "1.1"], { done: 1 }), ["survey"]],
  ["unknown input", withPatch(["self", "1.1", "dones"], 1), ["self", "1.1"]],
  ["__proto__ key", JSON.parse('{"unit":{"id":"u"},"self":{"1.1":{"__proto__":{"done":1}}}}'), ["self", "1.1"]],
  ["constructor key", withPatch(["self", "constructor"], {}), ["self"]],
  ["__proto__ node key", JSON.parse('{"unit":{"id":"u"},"self":{"__proto__":{}}}'), ["self"]],
  ["count with decimals", withPatch(["self", "1.1", "done"], 2.5), ["self", "1.1", "done"]],
  ["count negative", withPatch(["self", "1.1", "done"], -1), ["self", "1.1", "done"]],
  ["count as word", withPatch(["self", "1.1", "done"], "nine"), ["self", "1.1", "done"]],
  ["count null", withPatch(["self", "1.1", "done"], null), ["self", "1.1", "done"]],
  ["count boolean", withPatch(["self", "1.1", "done"], true), ["self", "1.1", "done"]],
  ["count list", withPatch(["self", "1.1", "done"], [1]), ["self", "1.1", "done"]],
  ["decimal comma string", withPatch(["self", "1.1", "x"], "0,5"), ["self", "1.1", "x"]],
  ["thousands separator", withPatch(["self", "1.1", "done"], "1.234,5"), ["self", "1.1", "done"]],
  ["NaN", withPatch(["self", "1.1", "x"], Number.NaN), ["self", "1.1", "x"]],
  ["Infinity", withPatch(["self", "1.1", "x"], Number.POSITIVE_INFINITY), ["self", "1.1", "x"]],
  ["huge JSON integer", withPatch(["self", "1.1", "done"], 2 ** 60), ["self", "1.1", "done"]],
  ["exponent notation in JSON text", withPatch(["self", "1.1", "x"], new JsonNumberText("1e-7")), ["self", "1.1", "x"]],
  ["exponent string", withPatch(["self", "1.1", "x"], "1e2"), ["self", "1.1", "x"]],
  ["empty string number", withPatch(["self", "1.1", "x"], ""), ["self", "1.1", "x"]],
  ["number below range", withPatch(["self", "1.1", "x"], -6), ["self", "1.1", "x"]],
  ["number above range", withPatch(["self", "1.1", "x"], "5.01"), ["self", "1.1", "x"]],
  ["planned below its range", withPatch(["self", "1.1", "planned"], 0), ["self", "1.1", "planned"]],
  ["percent above 100", withPatch(["self", "1.1", "rate"], 101), ["self", "1.1", "rate"]],
  ["percent with % sign", withPatch(["self", "1.1", "rate"], "85%"), ["self", "1.1", "rate"]],
  ["bool as string", withPatch(["self", "1.1", "ok"], "true"), ["self", "1.1", "ok"]],
  ["bool as number", withPatch(["self", "1.1", "ok"], 1), ["self", "1.1", "ok"]],
  ["date in dd/mm/yyyy", withPatch(["self", "1.1", "issued_on"], "30/06/2022"), ["self", "1.1", "issued_on"]],
  ["impossible date", withPatch(["self", "1.1", "issued_on"], "2022-02-30"), ["self", "1.1", "issued_on"]],
  ["date as number", withPatch(["self", "1.1", "issued_on"], 20220630), ["self", "1.1", "issued_on"]],
  ["text as number", withPatch(["self", "1.1", "note"], 5), ["self", "1.1", "note"]],
  ["likert out of range", withPatch(["survey", "8.1", "answers"], [5, 6]), ["survey", "8.1", "answers", 1]],
  ["likert not whole", withPatch(["survey", "8.1", "answers"], [4.5]), ["survey", "8.1", "answers", 0]],
  ["list as scalar", withPatch(["survey", "8.1", "answers"], 4), ["survey", "8.1", "answers"]],
  ["given points as word", withPatch(["self", "1.2", "points"], "high"), ["self", "1.2", "points"]],
  ["given points above the max", withPatch(["appraisal", "1.2", "points"], 3), ["appraisal", "1.2", "points"]],
  ["given points off the step", withPatch(["self", "1.2", "points"], "0.3"), ["self", "1.2", "points"]],
  ["points on an input node", withPatch(["self", "1.1", "points"], 1), ["self", "1.1"]],
  ["reason in self", withPatch(["self", "1.1", "reason"], "x"), ["self", "1.1"]],
  ["reason not text", withPatch(["appraisal", "1.1", "reason"], 5), ["appraisal", "1.1", "reason"]],
  ["not-applicable unknown node", withPatch(["notApplicable", "7"], "x"), ["notApplicable"]],
  ["not-applicable reason not text", withPatch(["notApplicable", "1.2"], true), ["notApplicable", "1.2"]],
  ["layer not an object", withPatch(["self"], []), ["self"]],
  ["node not an object", withPatch(["self", "1.1"], "9/10"), ["self", "1.1"]],
  ["submission is null", null, []],
  ["submission is an array", [valid], []],
  ["submission is a string", JSON.stringify(valid), []],
];

describe("evaluate: malformed submissions", () => {
  it("has at least 50 cases", () => {
    expect(MALFORMED.length).toBeGreaterThanOrEqual(50);
  });

  it.each(MALFORMED)("%s → an issue at its path, no throw", (_name, submission, path) => {
    const out = evaluate(rubric, submission);
    expect(out.ok).toBe(false);
    if (out.ok) return;
    expect(out.issues.length).toBeGreaterThan(0);
    expect(out.issues.some((i) => JSON.stringify(i.path.slice(0, path.length)) === JSON.stringify(path) && i.message.length > 0), JSON.stringify(out.issues)).toBe(true);
    expect(({} as Record<string, unknown>)["done"]).toBeUndefined();
  });

  it("words a decimal comma with the fix", () => {
    const out = evaluate(rubric, withPatch(["self", "1.1", "x"], "0,5"));
    expect(!out.ok && out.issues[0]?.message).toBe('"0,5" uses a decimal comma; write "0.5"');
  });
});

describe("evaluateAll", () => {
  it("keeps valid units' results unchanged by invalid neighbours", () => {
    const alone = evaluate(rubric, valid);
    const batch = evaluateAll(rubric, [MALFORMED[20]![1], valid, null, withPatch(["unit", "id"], "u9")]);
    expect(batch).toHaveLength(4);
    expect(batch[0]?.ok).toBe(false);
    expect(JSON.stringify(batch[1])).toBe(JSON.stringify(alone));
    expect(batch[2]?.ok).toBe(false);
    expect(batch[3]?.ok && batch[3].result.unit.id).toBe("u9");
  });
});

describe("submissionJsonSchema", () => {
  it("exports the layers, nodes, inputs and facts as JSON Schema", () => {
    const schema = submissionJsonSchema(rubric) as { properties: Record<string, { properties?: Record<string, unknown>; additionalProperties?: unknown }> };
    expect(Object.keys(schema.properties)).toEqual(["unit", "self", "appraisal", "survey", "notApplicable"]);
    expect(Object.keys(schema.properties["self"]!.properties!)).toEqual(["1.1", "1.2", "T"]);
    expect(Object.keys(schema.properties["survey"]!.properties!)).toEqual(["8.1"]);
    expect(schema.properties["self"]!.additionalProperties).toBe(false);
  });
});
