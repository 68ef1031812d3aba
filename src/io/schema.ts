/**
 * The submission schema, derived from a compiled rubric: node ids and input names
 * known, types and ranges checked, unknown keys refused with their path. Values come
 * out typed and exact (`Value`), ready for the runtime.
 * @module
 */
import * as z from "zod";
import type { CompiledDecl, CompiledNode, CompiledRubric, CompiledScalarType, CompiledType } from "../compile/types.js";
import type { Value } from "../runtime/values.js";
import { isCalendarDate } from "./decimal-input.js";
import { type Checked, innerIds, leavesOf, numberReader, type ParsedSubmission, pointsReader, REASON_MAX } from "./readers.js";

export { leavesOf, type ParsedSubmission, REASON_MAX } from "./readers.js";


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

const reason = z.string().max(REASON_MAX);

/**
 * The submission schema of a rubric, typed by what it offers: it is a zod schema, but
 * zod's own types stay out of the public API (they do not compile under every module
 * setting a user may have).
 * @category Data
 */
export interface SubmissionSchema {
  /** Validates a submission: the parsed value, or every issue with its path. Never throws. */
  safeParse(submission: unknown):
    | {
        /** Whether the submission is valid. */ readonly success: true;
        /** The submission as parsed: numbers as exact values, ready to evaluate. */ readonly data: ParsedSubmission;
      }
    | {
        /** Whether the submission is valid. */ readonly success: false;
        /** Why it is not. */ readonly error: {
          /** Every issue. */ readonly issues: readonly {
            /** Where: the JSON path in the submission. */ readonly path: readonly PropertyKey[];
            /** What is wrong, in English. */ readonly message: string;
          }[];
        };
      };
}

/**
 * Derives the zod schema of a submission for a rubric. `evaluate` does not need it (it
 * validates with a compiled, zod-free validator that reports the same issues); it is
 * here for applications that compose schemas, and it is what the JSON Schema export
 * is made from.
 * @param rubric - a compiled rubric
 * @example
 * ```ts
 * import { compile, submissionSchema } from "rubric-lang";
 * const source = 'rubric "Demo" { area "1" "Chỉ đạo" max 10 { input done: count, planned: count; score = 10 * done / planned } }';
 * const compiled = compile(source);
 * if (compiled.ok) {
 *   const parsed = submissionSchema(compiled.rubric).safeParse({ unit: { id: "a" }, self: { "1": { done: -1 } } });
 *   if (!parsed.success) console.log(parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`));
 * }
 * ```
 * @category Data
 */
export function submissionSchema(rubric: CompiledRubric): SubmissionSchema {
  return zodSchemaOf(rubric);
}

/**
 * The zod schema itself, with zod's types: for this package's own tests and
 * benchmarks (not exported by the entry points).
 * @param rubric - a compiled rubric
 */
export function zodSchemaOf(rubric: CompiledRubric) {
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

/**
 * The submission schema as JSON Schema, for other applications and form builders.
 * @param rubric - a compiled rubric
 * @example
 * ```ts
 * import { compile, submissionJsonSchema } from "rubric-lang";
 * const source = 'rubric "Demo" { area "1" "Chỉ đạo" max 10 { input done: count, planned: count; score = 10 * done / planned } }';
 * const compiled = compile(source);
 * if (compiled.ok) console.log(JSON.stringify(submissionJsonSchema(compiled.rubric), null, 2)); // for form builders and other languages
 * ```
 * @category Data
 */
export function submissionJsonSchema(rubric: CompiledRubric): Record<string, unknown> {
  return z.toJSONSchema(zodSchemaOf(rubric), { io: "input", unrepresentable: "any" }) as Record<string, unknown>;
}
