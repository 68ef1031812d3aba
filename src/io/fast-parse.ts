/**
 * A validator compiled once per rubric that reads a *valid* submission into exactly
 * what the zod schema (`submissionSchema`) outputs — same values, same key order —
 * several times faster. It gives no issues: on anything it does not accept (a
 * problem, an unusual object, an absent-but-present key) it answers `undefined`, and
 * the caller parses with zod, so issues always come from one place. A property test
 * compares both on generated valid and broken submissions.
 * @module
 */
import type { CompiledDecl, CompiledRubric, CompiledScalarType, CompiledType } from "../compile/types.js";
import type { Value } from "../runtime/values.js";
import { isCalendarDate } from "./decimal-input.js";
import { codePoints } from "../compile/shape.js";
import { type Checked, innerIds, leavesOf, numberReader, type ParsedSubmission, pointsReader, REASON_MAX } from "./readers.js";

/** Reads one value; `undefined` when the zod schema would not accept it as it is. */
type Reader = (raw: unknown) => unknown;

function ok<T>(read: (raw: unknown) => Checked<T>): Reader {
  return (raw) => {
    const got = read(raw);
    return got.ok ? got.value : undefined;
  };
}

function scalarReader(t: CompiledScalarType): Reader {
  switch (t.kind) {
    case "number": case "count": case "percent": case "likert": return ok(numberReader(t));
    case "bool": return (raw) => (typeof raw === "boolean" ? { kind: "bool", value: raw } : undefined);
    case "date": return (raw) => (typeof raw === "string" && isCalendarDate(raw) ? { kind: "date", value: raw } : undefined);
    case "text": return (raw) => (typeof raw === "string" ? { kind: "text", value: raw } : undefined);
    case "enum": {
      const members = new Set(t.members);
      return (raw) => (typeof raw === "string" && members.has(raw) ? { kind: "enum", value: raw } : undefined);
    }
  }
}

function typeReader(t: CompiledType): Reader {
  if (t.kind !== "list") return scalarReader(t);
  const element = scalarReader(t.element);
  return (raw) => {
    if (!Array.isArray(raw)) return undefined;
    const items: Value[] = new Array<Value>(raw.length);
    for (let i = 0; i < raw.length; i++) {
      const item = element(raw[i]);
      if (item === undefined) return undefined;
      items[i] = item as Value;
    }
    return { kind: "list", items };
  };
}

/** Only objects as `JSON.parse` makes them; anything else goes to zod. */
function plain(raw: unknown): raw is Record<string, unknown> {
  return typeof raw === "object" && raw !== null && Object.getPrototypeOf(raw) === Object.prototype;
}

/**
 * A strict object: every key known, every value accepted; the output's keys in shape
 * order, as zod writes them (`required` fields must be there). Walks the input's keys,
 * not the whole shape (a layer's shape has every leaf); when they come out of shape
 * order, the output is rebuilt in shape order.
 */
function objectReader(fields: Record<string, Reader>, required: ReadonlySet<string> = new Set()): Reader {
  // Object.keys of the shape object: the order zod iterates it (integer-like keys first).
  const keys = Object.keys(fields);
  const index = new Map(keys.map((key, i) => [key, i] as const));
  const readers = keys.map((key) => fields[key]!);
  const needed = keys.flatMap((key, i) => (required.has(key) ? [i] : []));
  // zod strips a declared __proto__ from its output; leave such a shape to zod.
  if (index.has("__proto__")) return () => undefined;
  return (raw) => {
    if (!plain(raw)) return undefined;
    let out: Record<string, unknown> = {};
    let last = -1;
    let ordered = true;
    let found: number[] | undefined;
    for (const key in raw) {
      const i = index.get(key);
      if (i === undefined || !Object.hasOwn(raw, key)) return undefined;
      const value = readers[i]!(raw[key]);
      if (value === undefined) return undefined;
      if (i < last) ordered = false;
      last = i;
      out[key] = value;
      if (needed.length > 0) (found ??= []).push(i);
    }
    for (const i of needed) if (found?.includes(i) !== true) return undefined;
    if (!ordered) {
      const sorted: Record<string, unknown> = {};
      for (const key of keys) if (Object.hasOwn(out, key)) sorted[key] = out[key];
      out = sorted;
    }
    return out;
  };
}

function declsReader(decls: readonly CompiledDecl[], extra: Record<string, Reader>): Reader {
  const fields: Record<string, Reader> = { ...extra };
  for (const d of decls) fields[d.name] = typeReader(d.type);
  return objectReader(fields);
}

const string: Reader = (raw) => (typeof raw === "string" ? raw : undefined);
// Counted in code points, as zod does; only a string long in UTF-16 units needs the count.
const reason: Reader = (raw) => (typeof raw === "string" && (raw.length <= REASON_MAX || codePoints(raw) <= REASON_MAX) ? raw : undefined);

/**
 * Compiles the validator of a rubric's submissions, mirroring `submissionSchema`
 * field by field.
 * @param rubric - a compiled rubric
 */
export function compileParser(rubric: CompiledRubric): (submission: unknown) => ParsedSubmission | undefined {
  const leaves = leavesOf(rubric);
  const layer = (which: "self" | "appraisal" | "survey"): Reader => {
    const fields: Record<string, Reader> = {};
    for (const { node, survey } of leaves) {
      if (which === "survey" ? !survey : survey) continue;
      const given: Record<string, Reader> = node.leaf?.rule.kind === "given" ? { points: ok(pointsReader(node)) } : {};
      fields[node.id] = declsReader(node.leaf!.inputs, which === "appraisal" ? { ...given, reason } : given);
    }
    if (which !== "survey") for (const e of rubric.extras) fields[e.id] = declsReader(e.leaf.inputs, which === "appraisal" ? { reason } : {});
    return objectReader(fields);
  };
  const facts: Record<string, Reader> = {};
  for (const f of rubric.unitFacts) facts[f.name] = typeReader(f.type);
  const ids = new Set([...leaves.map((l) => l.node.id), ...innerIds(rubric.nodes)]);
  // z.partialRecord over the ids: a plain object, keys in the input's own order.
  const notApplicable: Reader = (raw) => {
    if (!plain(raw)) return undefined;
    const out: Record<string, string> = {};
    for (const key of Object.keys(raw)) {
      const value = raw[key];
      if (!ids.has(key) || typeof value !== "string") return undefined;
      out[key] = value;
    }
    return out;
  };
  const unitId: Reader = (raw) => (typeof raw === "string" && raw.length >= 1 ? raw : undefined);
  const top = objectReader({
    unit: objectReader({ id: unitId, name: string, group: string, facts: objectReader(facts, new Set(Object.keys(facts))) }, new Set(["id"])),
    self: layer("self"),
    appraisal: layer("appraisal"),
    survey: layer("survey"),
    notApplicable,
  }, new Set(["unit"]));
  return (submission) => top(submission) as ParsedSubmission | undefined;
}
