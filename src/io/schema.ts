/**
 * The submission schema, derived from a compiled rubric: node ids and input names
 * known, types and ranges checked, unknown keys refused with their path. Values come
 * out typed and exact (`Value`), ready for the runtime.
 * @module
 */
import * as z from "zod";
import type { CompiledDecl, CompiledNode, CompiledRubric, CompiledScalarType, CompiledType } from "../compile/types.js";
import { Exact } from "../runtime/decimal.js";
import type { Value } from "../runtime/values.js";
import { isCalendarDate, readDecimal } from "./decimal-input.js";

function numberSchema(t: Extract<CompiledScalarType, { kind: "number" | "count" | "percent" | "likert" }>): z.ZodType<Value> {
  return z.unknown().transform((raw, ctx): Value => {
    const read = readDecimal(raw);
    if (!read.ok) {
      ctx.addIssue({ code: "custom", message: read.message });
      return z.NEVER;
    }
    const value = new Exact(read.text);
    const whole = t.kind === "count" || t.kind === "likert";
    if (whole && !value.isInteger()) ctx.addIssue({ code: "custom", message: `${read.text} is not a whole number (${t.kind})` });
    if (t.kind === "count" && value.isNegative()) ctx.addIssue({ code: "custom", message: `${read.text} is negative; a count is 0 or more` });
    if (t.min !== undefined && value.lt(t.min)) ctx.addIssue({ code: "custom", message: `${read.text} is below the minimum ${t.min}` });
    if (t.max !== undefined && value.gt(t.max)) ctx.addIssue({ code: "custom", message: `${read.text} is above the maximum ${t.max}` });
    // Percent inputs arrive in percent points and are fractions in rules.
    return { kind: "num", value: t.kind === "percent" ? value.dividedBy(100) : value };
  });
}

function scalarSchema(t: CompiledScalarType): z.ZodType<Value> {
  switch (t.kind) {
    case "number": case "count": case "percent": case "likert": return numberSchema(t);
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

/** Points given by an assessor for a `score = given` node: within 0..max, on the step. */
function pointsSchema(node: CompiledNode): z.ZodType<string> {
  const rule = node.leaf?.rule;
  const step = rule?.kind === "given" ? rule.step : undefined;
  return z.unknown().transform((raw, ctx) => {
    const read = readDecimal(raw);
    if (!read.ok) {
      ctx.addIssue({ code: "custom", message: read.message });
      return z.NEVER;
    }
    const value = new Exact(read.text);
    if (value.isNegative() || value.gt(node.max)) ctx.addIssue({ code: "custom", message: `${read.text} is outside 0..${node.max}, the points "${node.id}" can give` });
    else if (step !== undefined && !value.mod(step).isZero()) ctx.addIssue({ code: "custom", message: `${read.text} is not a multiple of the step ${step}` });
    return read.text;
  });
}

const reason = z.string().max(10_000);

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
      const given = node.leaf?.rule.kind === "given" ? { points: pointsSchema(node).optional() } : {};
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
