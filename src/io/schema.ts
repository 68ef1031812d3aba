/**
 * The submission schema, derived from a compiled rubric: node ids and input names
 * known, types and ranges checked, unknown keys refused with their path. Values come
 * out typed and exact (`Value`), ready for the runtime.
 * @module
 */
import * as z from "zod";
import type { CompiledDecl, CompiledNode, CompiledRubric, CompiledScalarType, CompiledType } from "../compile/types.js";
import { Exact } from "../runtime/exact.js";
import type { Value } from "../runtime/values.js";
import { isCalendarDate, readDecimal } from "./decimal-input.js";

/** A checked reading: the value, or every problem with it (messages as issues show them). */
export type Checked<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly messages: readonly string[] };

/**
 * The reader of a numeric type's submitted values, built once per declaration (its
 * bounds parsed once): shared by the zod schema and the compiled validator, so both
 * give the same values and messages.
 * @param t - a numeric scalar type
 */
export function numberReader(t: Extract<CompiledScalarType, { kind: "number" | "count" | "percent" | "likert" }>): (raw: unknown) => Checked<Value> {
  const min = t.min === undefined ? undefined : Exact.of(t.min);
  const max = t.max === undefined ? undefined : Exact.of(t.max);
  const whole = t.kind === "count" || t.kind === "likert";
  return (raw) => {
    const read = readDecimal(raw);
    if (!read.ok) return { ok: false, messages: [read.message] };
    const value = Exact.parse(read.text);
    if (value === undefined) return { ok: false, messages: [`${read.text} is not a number that can be read exactly`] };
    let messages: string[] | undefined;
    const problem = (message: string): void => void (messages ??= []).push(message);
    if (whole && !value.isInteger()) problem(`${read.text} is not a whole number (${t.kind})`);
    if (t.kind === "count" && value.isNegative()) problem(`${read.text} is negative; a count is 0 or more`);
    if (min !== undefined && value.lt(min)) problem(`${read.text} is below the minimum ${t.min}`);
    if (max !== undefined && value.gt(max)) problem(`${read.text} is above the maximum ${t.max}`);
    if (messages !== undefined) return { ok: false, messages };
    // Percent inputs arrive in percent points and are fractions in rules.
    return { ok: true, value: { kind: "num", value: t.kind === "percent" ? value.dividedBy(HUNDRED) : value } };
  };
}

const HUNDRED = Exact.int(100);

function checked<T>(read: (raw: unknown) => Checked<T>): z.ZodType<T> {
  return z.unknown().transform((raw, ctx): T => {
    const got = read(raw);
    if (got.ok) return got.value;
    for (const message of got.messages) ctx.addIssue({ code: "custom", message });
    return z.NEVER;
  });
}

function scalarSchema(t: CompiledScalarType): z.ZodType<Value> {
  switch (t.kind) {
    case "number": case "count": case "percent": case "likert": return checked(numberReader(t));
    case "bool": return z.boolean().transform((value): Value => ({ kind: "bool", value }));
    case "date": return z.string().refine(isCalendarDate, "expected a real date written YYYY-MM-DD").transform((value): Value => ({ kind: "date", value }));
    case "text": return z.string().transform((value): Value => ({ kind: "text", value }));
    case "enum": return z.enum(t.members as [string, ...string[]]).transform((value): Value => ({ kind: "enum", value }));
  }
}

/** The schema of one declared value. */
export function typeSchema(t: CompiledType): z.ZodType<Value> {
  if (t.kind === "list") return z.array(scalarSchema(t.element)).transform((items): Value => ({ kind: "list", items }));
  return scalarSchema(t);
}

function declsSchema(decls: readonly CompiledDecl[], extra: Record<string, z.ZodType>): z.ZodType<Record<string, unknown>> {
  const shape: Record<string, z.ZodType> = { ...extra };
  for (const d of decls) shape[d.name] = typeSchema(d.type).optional();
  return z.strictObject(shape);
}

/** Every leaf of the tree, in tree order, with whether it is scored from the survey layer. */
export function leavesOf(rubric: CompiledRubric): { node: CompiledNode; survey: boolean }[] {
  const found: { node: CompiledNode; survey: boolean }[] = [];
  // Pre-order with an explicit stack (children pushed in reverse), so leaves come in tree order.
  const stack = [...rubric.nodes].reverse().map((node) => ({ node, survey: node.fromSurvey }));
  while (stack.length > 0) {
    const { node, survey } = stack.pop()!;
    if (node.leaf !== undefined) found.push({ node, survey });
    for (const child of [...(node.children ?? [])].reverse()) stack.push({ node: child, survey: survey || child.fromSurvey });
  }
  return found;
}

/**
 * The reader of points given by an assessor for a `score = given` node: within 0..max,
 * on the step. Shared by the zod schema and the compiled validator.
 * @param node - a leaf scored `given`
 */
export function pointsReader(node: CompiledNode): (raw: unknown) => Checked<string> {
  const rule = node.leaf?.rule;
  const step = rule?.kind === "given" ? rule.step : undefined;
  const max = Exact.of(node.max);
  const stepValue = step === undefined ? undefined : Exact.of(step);
  return (raw) => {
    const read = readDecimal(raw);
    if (!read.ok) return { ok: false, messages: [read.message] };
    const value = Exact.parse(read.text);
    if (value === undefined) return { ok: false, messages: [`${read.text} is not a number that can be read exactly`] };
    if (value.isNegative() || value.gt(max)) return { ok: false, messages: [`${read.text} is outside 0..${node.max}, the points "${node.id}" can give`] };
    if (stepValue !== undefined && !value.dividedBy(stepValue).isInteger()) return { ok: false, messages: [`${read.text} is not a multiple of the step ${step}`] };
    return { ok: true, value: read.text };
  };
}

/** The longest appraisal reason accepted, in UTF-16 code units. */
export const REASON_MAX = 10_000;

const reason = z.string().max(REASON_MAX);

/**
 * Derives the zod schema of a submission for a rubric.
 * @param rubric - a compiled rubric
 */
export function submissionSchema(rubric: CompiledRubric) {
  const leaves = leavesOf(rubric);
  const layer = (which: "self" | "appraisal" | "survey") => {
    const shape: Record<string, z.ZodType> = {};
    for (const { node, survey } of leaves) {
      // Survey values arrive only in the survey layer; self and appraisal cover the rest.
      if (which === "survey" ? !survey : survey) continue;
      const given = node.leaf?.rule.kind === "given" ? { points: checked(pointsReader(node)).optional() } : {};
      shape[node.id] = declsSchema(node.leaf!.inputs, which === "appraisal" ? { ...given, reason: reason.optional() } : given).optional();
    }
    if (which !== "survey") for (const e of rubric.extras) shape[e.id] = declsSchema(e.leaf.inputs, which === "appraisal" ? { reason: reason.optional() } : {}).optional();
    return z.strictObject(shape);
  };
  const ids = [...leaves.map((l) => l.node.id), ...innerIds(rubric.nodes)];
  const facts: Record<string, z.ZodType> = {};
  for (const f of rubric.unitFacts) facts[f.name] = typeSchema(f.type);
  return z.strictObject({
    unit: z.strictObject({
      id: z.string().min(1, "a unit needs an id"),
      name: z.string().optional(),
      group: z.string().optional(),
      facts: z.strictObject(facts).optional(),
    }),
    self: layer("self").optional(),
    appraisal: layer("appraisal").optional(),
    survey: layer("survey").optional(),
    notApplicable: z.partialRecord(z.enum(ids as [string, ...string[]]), z.string()).optional(),
  });
}

function innerIds(nodes: readonly CompiledNode[]): string[] {
  return nodes.flatMap((n) => (n.children === undefined ? [] : [n.id, ...innerIds(n.children)]));
}

/** A submission as the schema parses it: values typed and exact. */
export type ParsedSubmission = z.output<ReturnType<typeof submissionSchema>>;

/**
 * The submission schema as JSON Schema, for other applications and form builders.
 * @param rubric - a compiled rubric
 */
export function submissionJsonSchema(rubric: CompiledRubric): Record<string, unknown> {
  return z.toJSONSchema(submissionSchema(rubric), { io: "input", unrepresentable: "any" }) as Record<string, unknown>;
}
