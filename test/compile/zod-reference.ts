/**
 * The zod schema of the compiled form that loadCompiled used before it checked shapes
 * without zod (check-compiled.ts): kept as the reference of the equivalence test.
 * It validated a stored rubric before it was
 * evaluated. Objects are strict: an unknown key is an error, not silently kept.
 * @module
 */
import * as z from "zod";

const decimal = z.string().regex(/^-?(0|[1-9]\d*)(\.\d*[1-9])?$/, "a canonical decimal string such as \"0.25\"");
// A maximum or weight may also be an exact fraction ("10/3").
const exactNumber = z.string().regex(/^(?:-?(?:0|[1-9]\d*)(?:\.\d*[1-9])?|[1-9]\d*\/[1-9]\d*)$/, "a canonical decimal string such as \"0.25\", or a fraction such as \"10/3\"");
const naPolicy = z.enum(["full", "exclude", "zero"]);
const compare = z.enum(["eq", "ne", "lt", "le", "gt", "ge"]);

const scalarType = z.union([
  z.strictObject({ kind: z.enum(["number", "count", "percent"]), min: decimal.optional(), max: decimal.optional() }),
  z.strictObject({ kind: z.literal("likert"), min: decimal, max: decimal }),
  z.strictObject({ kind: z.enum(["bool", "date", "text"]) }),
  z.strictObject({ kind: z.literal("enum"), members: z.array(z.string()).min(1) }),
]);
const type = z.union([scalarType, z.strictObject({ kind: z.literal("list"), element: scalarType })]);
const decl = z.strictObject({ name: z.string().min(1), label: z.string().optional(), type });

/** Schema of a compiled expression (recursive). */
export const compiledExprSchema: z.ZodType<unknown> = z.lazy(() =>
  z.union([
    z.strictObject({ op: z.literal("num"), value: decimal, percent: z.literal(true).optional() }),
    z.strictObject({ op: z.literal("date"), value: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) }),
    z.strictObject({ op: z.literal("bool"), value: z.boolean() }),
    z.strictObject({ op: z.literal("enum"), value: z.string() }),
    z.strictObject({ op: z.enum(["input", "let", "unit"]), name: z.string() }),
    z.strictObject({ op: z.literal("max") }),
    z.strictObject({ op: z.literal("figure"), name: z.enum(["points", "max", "index", "bonus", "penalty"]) }),
    z.strictObject({ op: z.enum(["neg", "not"]), arg: compiledExprSchema }),
    z.strictObject({ op: z.union([z.enum(["add", "sub", "mul", "div", "and", "or"]), compare]), left: compiledExprSchema, right: compiledExprSchema }),
    z.strictObject({ op: z.literal("if"), cond: compiledExprSchema, then: compiledExprSchema, else: compiledExprSchema }),
    z.strictObject({
      op: z.literal("call"),
      fn: z.enum(["min", "max", "clamp", "round", "floor", "ceil", "abs", "sum", "mean", "count", "ratio"]),
      args: z.array(compiledExprSchema),
    }),
    z.strictObject({
      op: z.literal("bands"),
      subject: compiledExprSchema,
      arms: z.array(z.strictObject({ cmp: compare, threshold: compiledExprSchema, value: compiledExprSchema })),
      otherwise: compiledExprSchema.optional(),
    }),
    z.strictObject({ op: z.literal("tally"), fn: z.enum(["count", "share"]), list: compiledExprSchema, cond: compiledExprSchema }),
    z.strictObject({ op: z.literal("item") }),
    z.strictObject({
      op: z.literal("match"),
      subject: compiledExprSchema,
      arms: z.array(z.strictObject({ keys: z.array(compiledExprSchema).min(1), value: compiledExprSchema })),
      otherwise: compiledExprSchema.optional(),
    }),
    z.strictObject({
      op: z.literal("cohort"),
      stat: z.enum(["max", "min", "mean", "percentile", "rescale"]),
      site: z.string(),
      arg: compiledExprSchema,
      scale: z.array(decimal).optional(),
    }),
  ]),
);

const leaf = z.strictObject({
  inputs: z.array(decl),
  lets: z.array(z.strictObject({ name: z.string(), expr: compiledExprSchema })),
  when: z.array(z.strictObject({ cond: compiledExprSchema, policy: naPolicy })),
  rule: z.union([z.strictObject({ kind: z.literal("expr"), expr: compiledExprSchema }), z.strictObject({ kind: z.literal("given"), step: decimal.optional() })]),
});

/** Schema of a compiled node (recursive). */
export const compiledNodeSchema: z.ZodType<unknown> = z.lazy(() =>
  z.strictObject({
    id: z.string().min(1),
    keyword: z.enum(["area", "criterion", "item"]),
    title: z.string(),
    max: exactNumber,
    weight: exactNumber.optional(),
    description: z.string().optional(),
    evidence: z.array(z.string()),
    appliesWhen: compiledExprSchema.optional(),
    fromSurvey: z.boolean(),
    naPolicy,
    clamp: z.boolean(),
    aggregate: z.enum(["sum", "weighted", "mean", "min", "normalised"]).optional(),
    children: z.array(compiledNodeSchema).min(1).optional(),
    leaf: leaf.optional(),
  }).refine((n) => (n.children === undefined) !== (n.leaf === undefined), "a node has either children or a leaf rule, not both or neither"),
);

/** Schema of a whole compiled rubric. */
const bandSchema = z.strictObject({ label: z.string(), when: compiledExprSchema.optional(), cut: z.strictObject({ percentile: decimal, inclusive: z.boolean() }).optional() });

export const compiledRubricSchema = z.strictObject({
  format: z.literal("rubric-lang/compiled"),
  formatVersion: z.literal(1),
  fingerprint: z.string().regex(/^[0-9a-f]{64}$/),
  meta: z.strictObject({ id: z.string(), title: z.string(), version: z.string().optional(), basis: z.string().optional(), locale: z.string() }),
  publish: z.strictObject({ precision: z.number().int().min(0).max(10), rounding: z.enum(["half-up", "half-even", "half-down", "up", "down"]) }),
  index: compiledExprSchema,
  bonusMayExceed: z.boolean(),
  naDefault: naPolicy,
  unitFacts: z.array(decl),
  nodes: z.array(compiledNodeSchema).min(1),
  extras: z.array(z.strictObject({
    id: z.string().min(1), sign: z.enum(["bonus", "penalty"]), title: z.string(), max: exactNumber,
    description: z.string().optional(), evidence: z.array(z.string()), leaf,
  })),
  ranking: z.strictObject({
    keys: z.array(z.strictObject({
      target: z.union([z.strictObject({ kind: z.literal("figure"), name: z.enum(["index", "points", "bonus", "penalty"]) }), z.strictObject({ kind: z.literal("node"), id: z.string() })]),
      direction: z.enum(["asc", "desc"]),
    })),
    ties: z.enum(["shared", "dense", "ordinal"]),
    on: z.enum(["published", "exact"]),
    withinGroup: z.boolean(),
    eligible: z.strictObject({ when: compiledExprSchema, reason: z.string() }).optional(),
  }),
  bands: z.array(bandSchema),
  bandsMethod: z.enum(["nearest", "inc", "exc"]).optional(),
  bandBlocks: z.array(z.strictObject({ group: z.string(), method: z.enum(["nearest", "inc", "exc"]).optional(), bands: z.array(bandSchema) })).optional(),
});
