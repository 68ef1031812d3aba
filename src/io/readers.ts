/**
 * What a submission's values must be, without zod: the readers of numbers and given
 * points, the leaves that take values, and the shape of a validated submission. Shared
 * by the zod schema (`schema.ts`, for the full entry and JSON Schema), the compiled
 * validator (`fast-parse.ts`) and the issue-reporting validator (`validate.ts`), so
 * all three accept the same values with the same messages.
 * @module
 */
import type { CompiledNode, CompiledRubric, CompiledScalarType } from "../compile/types.js";
import { Exact } from "../runtime/exact.js";
import type { Value } from "../runtime/values.js";
import { readDecimal } from "./decimal-input.js";

/** A checked reading: the value, or every problem with it (messages as issues show them). */
export type Checked<T> = {
  /** The value passed every check. */ readonly ok: true;
  /** The checked value. */ readonly value: T;
} | {
  /** The value was refused. */ readonly ok: false;
  /** Every problem. */ readonly messages: readonly string[];
};

/**
 * A submission as validation reads it: the unit, then per layer and node id a record
 * of input values (typed and exact for the runtime, hence `unknown` here) and, in the
 * appraisal layer, the council's `reason`.
 * @category Data
 */
export interface ParsedSubmission {
  /** The unit: id, optional name and group, facts by name. */
  readonly unit: {
    /** The unit's id: what results, rankings and last period's table know it by. */
    readonly id: string;
    /** Its name as reports show it. */
    readonly name?: string | undefined;
    /** Its group, for rubrics that rank `within group`. */
    readonly group?: string | undefined;
    /** The unit facts the rubric declares, by name (values as parsed). */
    readonly facts?: Readonly<Record<string, unknown>> | undefined;
  };
  /** The self-assessment, by node id. */
  readonly self?: Readonly<Record<string, unknown>> | undefined;
  /** The appraisal council's corrections, by node id. */
  readonly appraisal?: Readonly<Record<string, unknown>> | undefined;
  /** Survey values, by node id. */
  readonly survey?: Readonly<Record<string, unknown>> | undefined;
  /** Nodes that do not arise for the unit, with the reason. */
  readonly notApplicable?: Readonly<Partial<Record<string, string>>> | undefined;
}

const HUNDRED = Exact.int(100);

/** The longest appraisal reason accepted, in Unicode code points (as zod's `max` counts). */
export const REASON_MAX = 10_000;

/**
 * The reader of a numeric type's submitted values, built once per declaration (its
 * bounds parsed once): shared by the zod schema and the compiled validators, so all
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

/**
 * The reader of points given by an assessor for a `score = given` node: within 0..max,
 * on the step. Shared by the zod schema and the compiled validators.
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
 * The ids of the inner nodes (those with children), in tree order: with the leaves,
 * the ids a `notApplicable` record may name.
 * @param nodes - the rubric's nodes
 */
export function innerIds(nodes: readonly CompiledNode[]): string[] {
  return nodes.flatMap((n) => (n.children === undefined ? [] : [n.id, ...innerIds(n.children)]));
}
