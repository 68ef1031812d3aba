/**
 * The shape of a stored compiled rubric, checked without zod (the runtime entry point
 * loads it): every object strict (an unknown key is an error, not silently kept),
 * decimals canonical, enums and tags known. Alternatives (types by `kind`,
 * expressions by `op`) are chosen by their tag, so an issue names the field that is
 * wrong rather than "no alternative matched". Depth is bounded by `loadCompiled`
 * before this runs, so the recursion here cannot overflow.
 * @module
 */
import { arrayOf, boundedString, type Field, type Issue, objectReader, optional, prefixFrom, type Reader, required, wrongType } from "./shape.js";

/** A string matching a pattern; `what` says what was expected. */
function pattern(re: RegExp, what: string): Reader {
  return (raw, issues) => {
    if (typeof raw !== "string") return wrongType("string", raw, issues);
    if (!re.test(raw)) issues.push({ path: [], message: `Invalid string: expected ${what}` });
    return raw;
  };
}

/** One of fixed values, worded as zod words `z.enum` and `z.literal`. */
function oneOf(...values: readonly (string | number | boolean)[]): Reader {
  const shown = values.map((v) => (typeof v === "string" ? `"${v}"` : String(v)));
  const message = shown.length === 1 ? `Invalid input: expected ${shown[0]}` : `Invalid option: expected one of ${shown.join("|")}`;
  return (raw, issues) => {
    if (!values.includes(raw as string)) issues.push({ path: [], message });
    return raw;
  };
}

const string: Reader = (raw, issues) => (typeof raw === "string" ? raw : wrongType("string", raw, issues));
const bool: Reader = (raw, issues) => (typeof raw === "boolean" ? raw : wrongType("boolean", raw, issues));
const id = boundedString({ min: 1, message: "Too small: expected string to have >=1 characters" });
const decimal = pattern(/^-?(0|[1-9]\d*)(\.\d*[1-9])?$/, 'a canonical decimal string such as "0.25"');
// A maximum or weight: a canonical decimal, or a fraction n/d where its decimal does not end.
const exactNumber = pattern(/^(?:-?(?:0|[1-9]\d*)(?:\.\d*[1-9])?|[1-9]\d*\/[1-9]\d*)$/, 'a canonical decimal string such as "0.25", or a fraction such as "10/3"');
const naPolicy = oneOf("full", "exclude", "zero");
const COMPARE = ["eq", "ne", "lt", "le", "gt", "ge"] as const;

/** An array with at least `min` elements. */
function nonEmpty(element: Reader, min = 1): Reader {
  const items = arrayOf(element);
  return (raw, issues) => {
    const start = issues.length;
    const out = items(raw, issues);
    if (Array.isArray(raw) && raw.length < min) issues.push({ path: [], message: `Too small: expected array to have >=${min} items` });
    return issues.length > start ? undefined : out;
  };
}

/**
 * Alternatives told apart by a tag field: the tag must name one, then that
 * alternative's strict object reads the value.
 */
function tagged(tag: string, alternatives: Readonly<Record<string, Record<string, Field>>>): Reader {
  const readers = new Map(Object.entries(alternatives).map(([name, fields]) => [name, objectReader({ [tag]: required(oneOf(name)), ...fields })]));
  const known = oneOf(...readers.keys());
  return (raw, issues) => {
    if (typeof raw !== "object" || raw === null || Array.isArray(raw)) return wrongType("object", raw, issues);
    const value = Object.hasOwn(raw, tag) ? (raw as Record<string, unknown>)[tag] : undefined;
    const reader = typeof value === "string" && Object.hasOwn(alternatives, value) ? readers.get(value) : undefined;
    if (reader !== undefined) return reader(raw, issues);
    const at = issues.length;
    known(value, issues);
    prefixFrom(issues, at, tag);
    return undefined;
  };
}

/** The same fields for several tags. */
function each(tags: readonly string[], fields: Record<string, Field>): Record<string, Record<string, Field>> {
  return Object.fromEntries(tags.map((t) => [t, fields]));
}

const scalarTypes = {
  ...each(["number", "count", "percent"], { min: optional(decimal), max: optional(decimal) }),
  likert: { min: required(decimal), max: required(decimal) },
  ...each(["bool", "date", "text"], {}),
  enum: { members: required(nonEmpty(string)) },
};
const scalarType = tagged("kind", scalarTypes);
const type = tagged("kind", { ...scalarTypes, list: { element: required(scalarType) } });
const decl = objectReader({ name: required(id), label: optional(string), type: required(type) });

// Expressions are recursive: the reader is built once and refers to itself.
const expr: Reader = (raw, issues) => exprReader(raw, issues);
const exprReader = tagged("op", {
  num: { value: required(decimal), percent: optional((raw, issues) => (raw === true ? true : wrongType("true", raw, issues))) },
  date: { value: required(pattern(/^\d{4}-\d{2}-\d{2}$/, "a date written YYYY-MM-DD")) },
  bool: { value: required(bool) },
  enum: { value: required(string) },
  ...each(["input", "let", "unit"], { name: required(string) }),
  max: {},
  figure: { name: required(oneOf("points", "max", "index", "bonus", "penalty")) },
  ...each(["neg", "not"], { arg: required(expr) }),
  ...each(["add", "sub", "mul", "div", "and", "or", ...COMPARE], { left: required(expr), right: required(expr) }),
  if: { cond: required(expr), then: required(expr), else: required(expr) },
  call: { fn: required(oneOf("min", "max", "clamp", "round", "floor", "ceil", "abs", "sum", "mean", "count", "ratio")), args: required(arrayOf(expr)) },
  tally: { fn: required(oneOf("count", "share")), list: required(expr), cond: required(expr) },
  item: {},
  match: {
    subject: required(expr),
    arms: required(arrayOf(objectReader({ keys: required(nonEmpty(expr)), value: required(expr) }))),
    otherwise: optional(expr),
  },
  bands: {
    subject: required(expr),
    arms: required(arrayOf(objectReader({ cmp: required(oneOf(...COMPARE)), threshold: required(expr), value: required(expr) }))),
    otherwise: optional(expr),
  },
  cohort: {
    stat: required(oneOf("max", "min", "mean", "percentile", "rescale")),
    site: required(string),
    arg: required(expr),
    scale: optional(arrayOf(decimal)),
  },
});

const PERCENTILE_METHOD_NAMES = ["nearest", "inc", "exc"] as const;

const band = objectReader({
  label: required(string),
  when: optional(expr),
  cut: optional(objectReader({ percentile: required(decimal), inclusive: required(bool) })),
});

const leaf = objectReader({
  inputs: required(arrayOf(decl)),
  lets: required(arrayOf(objectReader({ name: required(string), expr: required(expr) }))),
  when: required(arrayOf(objectReader({ cond: required(expr), policy: required(naPolicy) }))),
  rule: required(tagged("kind", { expr: { expr: required(expr) }, given: { step: optional(decimal) } })),
});

const nodeFields = objectReader({
  id: required(id),
  keyword: required(oneOf("area", "criterion", "item")),
  title: required(string),
  max: required(exactNumber),
  weight: optional(exactNumber),
  description: optional(string),
  evidence: required(arrayOf(string)),
  appliesWhen: optional(expr),
  fromSurvey: required(bool),
  naPolicy: required(naPolicy),
  clamp: required(bool),
  aggregate: optional(oneOf("sum", "weighted", "mean", "min", "normalised")),
  children: optional((raw, issues) => children(raw, issues)),
  leaf: optional(leaf),
});
const node: Reader = (raw, issues) => {
  const start = issues.length;
  const out = nodeFields(raw, issues) as { children?: unknown; leaf?: unknown } | undefined;
  if (out !== undefined && (out.children === undefined) === (out.leaf === undefined)) issues.push({ path: [], message: "a node has either children or a leaf rule, not both or neither" });
  return issues.length > start ? undefined : out;
};
const children = nonEmpty(node);

const rubric = objectReader({
  format: required(oneOf("rubric-lang/compiled")),
  formatVersion: required(oneOf(1)),
  fingerprint: required(pattern(/^[0-9a-f]{64}$/, "64 lowercase hexadecimal digits")),
  meta: required(objectReader({ id: required(string), title: required(string), version: optional(string), basis: optional(string), locale: required(string) })),
  publish: required(objectReader({
    precision: required((raw, issues) => {
      if (typeof raw !== "number" || !Number.isFinite(raw)) return wrongType("number", raw, issues);
      if (!Number.isSafeInteger(raw) || raw < 0 || raw > 10) issues.push({ path: [], message: "Invalid input: expected a whole number from 0 to 10" });
      return raw;
    }),
    rounding: required(oneOf("half-up", "half-even", "half-down", "up", "down")),
  })),
  index: required(expr),
  bonusMayExceed: required(bool),
  naDefault: required(naPolicy),
  unitFacts: required(arrayOf(decl)),
  nodes: required(nonEmpty(node)),
  extras: required(arrayOf(objectReader({
    id: required(id), sign: required(oneOf("bonus", "penalty")), title: required(string), max: required(exactNumber),
    description: optional(string), evidence: required(arrayOf(string)), leaf: required(leaf),
  }))),
  ranking: required(objectReader({
    keys: required(arrayOf(objectReader({
      target: required(tagged("kind", { figure: { name: required(oneOf("index", "points", "bonus", "penalty")) }, node: { id: required(string) } })),
      direction: required(oneOf("asc", "desc")),
    }))),
    ties: required(oneOf("shared", "dense", "ordinal")),
    on: required(oneOf("published", "exact")),
    withinGroup: required(bool),
    eligible: optional(objectReader({ when: required(expr), reason: required(string) })),
  })),
  bands: required(arrayOf(band)),
  bandsMethod: optional(oneOf(...PERCENTILE_METHOD_NAMES)),
  bandBlocks: optional(arrayOf(objectReader({ group: required(string), method: optional(oneOf(...PERCENTILE_METHOD_NAMES)), bands: required(arrayOf(band)) }))),
});

/**
 * Checks the shape of a compiled rubric (its depth already bounded): the value rebuilt
 * from the declared fields, or every issue with its JSON path.
 * @param value - a parsed JSON value
 */
export function checkCompiledShape(value: unknown): { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly issues: readonly Issue[] } {
  const issues: Issue[] = [];
  const out = rubric(value, issues);
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value: out };
}
