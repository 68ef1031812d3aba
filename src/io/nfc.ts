/**
 * One spelling per text that identifies something: Vietnamese can be typed composed
 * (NFC, `ở` one character) or decomposed (NFD, `o` + two combining marks), and the two
 * look the same. Unit ids and groups are compared in NFC, and an enum value in either
 * spelling is the rubric's member. Pure.
 * @module
 */
import type { CompiledDecl, CompiledRubric, CompiledType } from "../compile/types.js";
import { leavesOf } from "./readers.js";

/**
 * The NFC spelling of a text (the same string when it is already NFC, as ASCII is).
 * @param text - any text
 */
export function nfc(text: string): string {
  return text.normalize("NFC");
}

/**
 * The member of an enum a value stands for, compared in NFC; undefined when none.
 * @param members - the enum's members as the rubric writes them
 * @param value - the value as given
 */
export function enumMember(members: readonly string[], value: string): string | undefined {
  if (members.includes(value)) return value;
  const wanted = nfc(value);
  return members.find((m) => nfc(m) === wanted);
}

type Fixer = (raw: unknown) => unknown;

/** For an enum (or list of enum) type, a function that respells values as members; else undefined. */
function fixerOf(type: CompiledType): Fixer | undefined {
  const element = type.kind === "list" ? type.element : type;
  if (element.kind !== "enum") return undefined;
  const one = (v: unknown): unknown => (typeof v === "string" ? enumMember(element.members, v) ?? v : v);
  if (type.kind !== "list") return one;
  return (v) => {
    if (!Array.isArray(v)) return v;
    const items = v.map(one);
    return items.some((item, i) => item !== v[i]) ? items : v;
  };
}

function fixersOf(decls: readonly CompiledDecl[]): Map<string, Fixer> {
  const found = new Map<string, Fixer>();
  for (const d of decls) {
    const fix = fixerOf(d.type);
    if (fix !== undefined) found.set(d.name, fix);
  }
  return found;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** A copy of `record` with the named fields respelled; the same object when nothing changed. */
function respell(record: unknown, fixers: ReadonlyMap<string, Fixer>): unknown {
  if (!isRecord(record) || fixers.size === 0) return record;
  let copy: Record<string, unknown> | undefined;
  for (const [name, fix] of fixers) {
    if (!Object.hasOwn(record, name)) continue;
    const after = fix(record[name]);
    // Spread, not Object.assign: an own "__proto__" key stays a key.
    if (after !== record[name]) (copy ??= { ...record })[name] = after;
  }
  return copy ?? record;
}

const plans = new WeakMap<CompiledRubric, { facts: Map<string, Fixer>; nodes: Map<string, Map<string, Fixer>> }>();

/**
 * The submission with enum values respelled as the rubric's members where they match
 * in NFC (facts, and inputs in every layer); undefined when nothing needed respelling.
 * Only the objects on the way to a changed value are copied.
 * @param rubric - the rubric
 * @param submission - the submission as given
 */
export function respellEnums(rubric: CompiledRubric, submission: unknown): unknown {
  let plan = plans.get(rubric);
  if (plan === undefined) {
    const nodes = new Map<string, Map<string, Fixer>>();
    for (const { node } of leavesOf(rubric)) {
      const fixers = fixersOf(node.leaf!.inputs);
      if (fixers.size > 0) nodes.set(node.id, fixers);
    }
    for (const e of rubric.extras) {
      const fixers = fixersOf(e.leaf.inputs);
      if (fixers.size > 0) nodes.set(e.id, fixers);
    }
    plan = { facts: fixersOf(rubric.unitFacts), nodes };
    plans.set(rubric, plan);
  }
  if (!isRecord(submission)) return undefined;
  let out: Record<string, unknown> | undefined;
  const copy = (): Record<string, unknown> => (out ??= { ...submission });
  const unit = submission["unit"];
  if (isRecord(unit) && isRecord(unit["facts"])) {
    const facts = respell(unit["facts"], plan.facts);
    if (facts !== unit["facts"]) copy()["unit"] = { ...unit, facts };
  }
  for (const layer of ["self", "appraisal", "survey"]) {
    const values = submission[layer];
    if (!isRecord(values)) continue;
    let changed: Record<string, unknown> | undefined;
    for (const [id, fixers] of plan.nodes) {
      if (!Object.hasOwn(values, id)) continue;
      const after = respell(values[id], fixers);
      if (after !== values[id]) (changed ??= { ...values })[id] = after;
    }
    if (changed !== undefined) copy()[layer] = changed;
  }
  return out;
}
