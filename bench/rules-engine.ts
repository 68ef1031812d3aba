/**
 * The json-rules-engine baseline: the generated rubric's rules as json-rules-engine
 * rules (one rule per band, per N/A case, per date branch), arithmetic in facts and in
 * the event handling, as an application would write them. Binary floats.
 * @module
 */
import { Engine } from "json-rules-engine";
import type { GenRubric, LeafData } from "./gen.js";

type Facts = Record<string, number | string>;

/** Builds one engine holding every leaf's rules. */
export function buildEngine(rubric: GenRubric): Engine {
  const engine = new Engine([], { allowUndefinedFacts: true });
  engine.addOperator("dateLE", (a: unknown, b: unknown) => String(a) <= String(b));
  engine.addOperator("dateGT", (a: unknown, b: unknown) => String(a) > String(b));
  for (const area of rubric.areas) {
    for (const leaf of area.leaves) {
      const f = (name: string): string => `${leaf.id}:${name}`;
      const on = (conditions: object[], params: object): void => void engine.addRule({ conditions: { all: conditions }, event: { type: "leaf", params: { leaf: leaf.id, area: area.id, max: leaf.max, ...params } } } as never);
      switch (leaf.kind) {
        case "bands": {
          engine.addFact(f("rate"), async (_p, almanac) => (await almanac.factValue<number>(f("a"))) / (await almanac.factValue<number>(f("t"))));
          const rate = (operator: string, value: number) => ({ fact: f("rate"), operator, value });
          on([rate("greaterThanInclusive", 1)], { points: leaf.max });
          on([rate("greaterThanInclusive", 0.8), rate("lessThan", 1)], { points: (leaf.max * 3) / 4 });
          on([rate("greaterThanInclusive", 0.5), rate("lessThan", 0.8)], { points: leaf.max / 2 });
          on([rate("lessThan", 0.5)], { points: 0 });
          break;
        }
        case "prop":
          on([{ fact: f("total"), operator: "equal", value: 0 }], { excluded: true });
          on([{ fact: f("total"), operator: "greaterThan", value: 0 }], { compute: "prop" });
          break;
        case "deduct":
          on([{ fact: f("errors"), operator: "greaterThanInclusive", value: 0 }], { compute: "deduct" });
          break;
        case "date":
          on([{ fact: f("issued_on"), operator: "dateLE", value: "2025-01-15" }], { points: leaf.max });
          on([{ fact: f("issued_on"), operator: "dateGT", value: "2025-01-15" }], { points: leaf.max / 2 });
          break;
        case "percent":
          on([{ fact: f("rate"), operator: "greaterThanInclusive", value: 0 }], { compute: "percent" });
          break;
      }
    }
  }
  return engine;
}

/** A submission flattened to the engine's facts (`"1.3:done"`). */
export function factsOf(self: Readonly<Record<string, LeafData>>): Facts {
  const facts: Facts = {};
  for (const [id, data] of Object.entries(self)) for (const [k, v] of Object.entries(data)) facts[`${id}:${k}`] = v;
  return facts;
}

interface LeafEvent { leaf: string; area: string; max: number; points?: number; excluded?: boolean; compute?: "prop" | "deduct" | "percent" }

/**
 * Runs the engine on one unit and folds the fired events into the index (float).
 * @param engine - from {@link buildEngine}
 * @param facts - from {@link factsOf}
 */
export async function scoreWithEngine(engine: Engine, facts: Facts): Promise<number> {
  const { events } = await engine.run(facts);
  let points = 0;
  let max = 0;
  for (const event of events) {
    const e = event.params as LeafEvent;
    if (e.excluded === true) continue;
    max += e.max;
    let p = e.points ?? 0;
    if (e.compute === "prop") p = (e.max * Math.min(Number(facts[`${e.leaf}:done`]), Number(facts[`${e.leaf}:total`]))) / Number(facts[`${e.leaf}:total`]);
    else if (e.compute === "deduct") p = Math.max(0, e.max - 0.25 * Number(facts[`${e.leaf}:errors`]));
    else if (e.compute === "percent") p = (e.max * Number(facts[`${e.leaf}:rate`])) / 100;
    points += p;
  }
  return (points / max) * 100;
}
