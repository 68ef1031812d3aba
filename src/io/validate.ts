/**
 * Submission validation without zod, compiled once per rubric from its own types: the
 * same accepted and refused submissions as the zod schema (`submissionSchema`), the
 * same output, and the same issues — paths, messages (zod's English wording) and order
 * — so the runtime entry point can leave zod out of its bundle. A property test
 * compares both on generated valid and broken submissions.
 *
 * The compiled validator (`fast-parse.ts`) reads a valid submission first; this one
 * runs on what it does not accept and says why. It mirrors zod object for object: the
 * declared keys in shape order (each value's issues prefixed with its key), then one
 * "Unrecognized key(s)" issue for the keys nobody declared. One deliberate difference:
 * a key is present when the object owns it (zod's `key in input` would also see an
 * inherited `constructor` or `toString` and refuse `{}` for an input so named).
 * @module
 */
import type { CompiledDecl, CompiledRubric, CompiledScalarType, CompiledType } from "../compile/types.js";
import type { Value } from "../runtime/values.js";
import { isCalendarDate } from "./decimal-input.js";
import { anyString, arrayOf, boundedString, type Field, type Issue, isPlainObject, objectReader, optional, prefixFrom, type Reader, required, unrecognized, wrongType } from "../compile/shape.js";
import { type Checked, innerIds, leavesOf, numberReader, type ParsedSubmission, pointsReader, REASON_MAX } from "./readers.js";

function checked<T>(read: (raw: unknown) => Checked<T>): Reader {
  return (raw, issues) => {
    const got = read(raw);
    if (got.ok) return got.value;
    for (const message of got.messages) issues.push({ path: [], message });
    return undefined;
  };
}

function enumReader(members: readonly string[]): Reader {
  const allowed = new Set(members);
  // zod lists the members as the keys of an object built from them (integer-like names first).
  const listed = Object.values(Object.fromEntries(members.map((m) => [m, m]))).map((m) => `"${m}"`);
  const message = listed.length === 1 ? `Invalid input: expected ${listed[0]}` : `Invalid option: expected one of ${listed.join("|")}`;
  return (raw, issues) => {
    if (typeof raw === "string" && allowed.has(raw)) return { kind: "enum", value: raw } satisfies Value;
    issues.push({ path: [], message });
    return undefined;
  };
}

function scalarReader(t: CompiledScalarType): Reader {
  switch (t.kind) {
    case "number": case "count": case "percent": case "likert": return checked(numberReader(t));
    case "bool": return (raw, issues) => (typeof raw === "boolean" ? ({ kind: "bool", value: raw } satisfies Value) : wrongType("boolean", raw, issues));
    case "text": return (raw, issues) => (typeof raw === "string" ? ({ kind: "text", value: raw } satisfies Value) : wrongType("string", raw, issues));
    case "date": return (raw, issues) => {
      if (typeof raw !== "string") return wrongType("string", raw, issues);
      if (isCalendarDate(raw)) return { kind: "date", value: raw } satisfies Value;
      issues.push({ path: [], message: "expected a real date written YYYY-MM-DD" });
      return undefined;
    };
    case "enum": return enumReader(t.members);
  }
}

function typeReader(t: CompiledType): Reader {
  if (t.kind !== "list") return scalarReader(t);
  const items = arrayOf(scalarReader(t.element));
  return (raw, issues) => {
    const read = items(raw, issues) as Value[] | undefined;
    return read === undefined ? undefined : ({ kind: "list", items: read } satisfies Value);
  };
}

const reason = boundedString({ max: REASON_MAX });
const unitId = boundedString({ min: 1, message: "a unit needs an id" });

function declsReader(decls: readonly CompiledDecl[], extra: Record<string, Field>): Reader {
  const fields: Record<string, Field> = { ...extra };
  for (const d of decls) fields[d.name] = optional(typeReader(d.type));
  return objectReader(fields);
}

/** `notApplicable`: node ids (own enumerable keys; an own `__proto__` is skipped, as zod does) to reasons. */
function notApplicableReader(ids: ReadonlySet<string>): Reader {
  return (raw, issues) => {
    if (!isPlainObject(raw)) return wrongType("record", raw, issues);
    const start = issues.length;
    const out: Record<string, unknown> = {};
    const unknown: string[] = [];
    for (const key of Reflect.ownKeys(raw)) {
      if (key === "__proto__" || !Object.prototype.propertyIsEnumerable.call(raw, key)) continue;
      if (typeof key !== "string" || !ids.has(key)) {
        unknown.push(String(key));
        continue;
      }
      const at = issues.length;
      const value = anyString(raw[key], issues);
      prefixFrom(issues, at, key);
      out[key] = value;
    }
    unrecognized(unknown, issues);
    return issues.length > start ? undefined : out;
  };
}

/** A submission validated: the value `evaluate` reads, or every issue with its path. */
export type Validated = { readonly ok: true; readonly value: ParsedSubmission } | { readonly ok: false; readonly issues: readonly { readonly path: readonly (string | number)[]; readonly message: string }[] };

/**
 * Compiles the issue-reporting validator of a rubric's submissions, field by field as
 * `submissionSchema` declares them.
 * @param rubric - a compiled rubric
 */
export function compileValidator(rubric: CompiledRubric): (submission: unknown) => Validated {
  const leaves = leavesOf(rubric);
  const layer = (which: "self" | "appraisal" | "survey"): Reader => {
    const fields: Record<string, Field> = {};
    for (const { node, survey } of leaves) {
      if (which === "survey" ? !survey : survey) continue;
      const given: Record<string, Field> = node.leaf?.rule.kind === "given" ? { points: optional(checked(pointsReader(node))) } : {};
      fields[node.id] = optional(declsReader(node.leaf!.inputs, which === "appraisal" ? { ...given, reason: optional(reason) } : given));
    }
    if (which !== "survey") for (const e of rubric.extras) fields[e.id] = optional(declsReader(e.leaf.inputs, which === "appraisal" ? { reason: optional(reason) } : {}));
    return objectReader(fields);
  };
  const facts: Record<string, Field> = {};
  for (const f of rubric.unitFacts) facts[f.name] = required(typeReader(f.type));
  const ids = new Set([...leaves.map((l) => l.node.id), ...innerIds(rubric.nodes)]);
  const top = objectReader({
    unit: required(objectReader({ id: required(unitId), name: optional(anyString), group: optional(anyString), facts: optional(objectReader(facts)) })),
    self: optional(layer("self")),
    appraisal: optional(layer("appraisal")),
    survey: optional(layer("survey")),
    notApplicable: optional(notApplicableReader(ids)),
  });
  return (submission) => {
    const issues: Issue[] = [];
    const value = top(submission, issues);
    return issues.length > 0 ? { ok: false, issues } : { ok: true, value: value as ParsedSubmission };
  };
}
