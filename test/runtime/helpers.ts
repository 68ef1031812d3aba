import { compile } from "../../src/compile/compile.js";
import { seal } from "../../src/compile/fingerprint.js";
import { lowerRubric } from "../../src/compile/lower-tree.js";
import { parseRubric } from "../../src/syntax/parse.js";
import { checkRubric } from "../../src/check/index.js";
import type { CompiledRubric } from "../../src/compile/types.js";
import { Exact } from "../../src/runtime/exact.js";
import { evaluateUnit } from "../../src/runtime/evaluate.js";
import type { UnitInputs, UnitResult } from "../../src/runtime/result.js";
import type { Value } from "../../src/runtime/values.js";

/**
 * Checks of sense rather than of form: generated rules compare random quantities and
 * order bands at random; what the tests using them check is evaluation, not sense.
 */
const SENSE = new Set(["RL306", "RL307", "RL407", "RL413"]);

/** Compiles source that must be error-free (apart from the checks of sense above). */
export function rubricOf(source: string): CompiledRubric {
  const result = compile(source);
  const parsed = parseRubric(source);
  // Every diagnostic, not the first 100 that compile() shows (then RL504 stands for the rest).
  const all = parsed.ast === undefined ? [] : [...parsed.diagnostics, ...checkRubric(parsed.ast)];
  if (!result.ok && parsed.ast !== undefined && all.every((d) => d.severity !== "error" || SENSE.has(d.code))) return seal(lowerRubric(parsed.ast));
  if (!result.ok) throw new Error(result.diagnostics.map((d) => `${d.code} ${d.range.start.line}:${d.range.start.column} ${d.message}`).join("\n"));
  return result.rubric;
}

type Plain = string | boolean | readonly Plain[] | { readonly date: string } | { readonly enum: string };

function value(v: Plain): Value {
  if (typeof v === "string") return { kind: "num", value: Exact.of(v) };
  if (typeof v === "boolean") return { kind: "bool", value: v };
  if (Array.isArray(v)) return { kind: "list", items: v.map(value) };
  if ("date" in (v as object)) return { kind: "date", value: (v as { date: string }).date };
  return { kind: "enum", value: (v as { enum: string }).enum };
}

/** Unit inputs from plain data: decimals as strings. */
export function unitOf(
  nodes: Record<string, { inputs?: Record<string, Plain>; points?: string; notApplicable?: string }>,
  facts: Record<string, Plain> = {},
  id = "u1",
): UnitInputs {
  return {
    unit: { id },
    facts: new Map(Object.entries(facts).map(([k, v]) => [k, value(v)])),
    nodes: new Map(Object.entries(nodes).map(([k, n]) => [k, {
      ...(n.inputs === undefined ? {} : { inputs: new Map(Object.entries(n.inputs).map(([name, v]) => [name, value(v)])) }),
      ...(n.points === undefined ? {} : { points: n.points }),
      ...(n.notApplicable === undefined ? {} : { notApplicable: n.notApplicable }),
    }])),
  };
}

/** The plain (reference) path's result without its traces: what the kernel must give, byte for byte. */
export function plainWithoutTraces(rubric: CompiledRubric, data: UnitInputs): UnitResult {
  const plain = evaluateUnit(rubric, data, { plain: true });
  return { ...plain, nodes: plain.nodes.map(({ trace: _trace, ...rest }) => rest) };
}
