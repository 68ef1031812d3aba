/**
 * Sensitivity plans: what varies and how it is sampled. A plan is plain data (a JSON
 * file for the CLI); {@link readPlan} checks it against the rubric and resolves every
 * factor to the kernel parameter it moves. Problems come back as data, each saying
 * what to write instead.
 * @module
 */
import type { CompiledExpr, CompiledNode, CompiledRubric, NaPolicy } from "../compile/types.js";
import { Exact, text } from "../runtime/exact.js";
import { toExact } from "../runtime/fast-num.js";
import { kernelOf, type Kernel } from "../runtime/kernel.js";
import { MAX_QUASI_FACTORS } from "./sampling.js";

/**
 * A factor as written in a plan. Numbers are decimal strings; thresholds may end in `%`.
 * @category Analysis
 */
export type FactorSpec =
  | {
      /** A weight: a top-level area's multiplier (of its points and maximum), or a child's weight under `aggregate weighted`. */ readonly kind: "weight";
      /** The node's id. */ readonly node: string;
      /** The lowest value (decimal text; a threshold may end in `%`). */ readonly min: string;
      /** The highest value (decimal text; a threshold may end in `%`). */ readonly max: string;
      /** The step between values; must divide the range (default a thousandth of it). */ readonly step?: string;
      /** The name reports show; derived from the factor when absent. */ readonly name?: string;
    }
  | {
      /** The threshold of one arm of a node's `bands` rule. */ readonly kind: "threshold";
      /** The node's id. */ readonly node: string;
      /** The arm, from 1. */ readonly arm: number;
      /** The lowest value (decimal text; a threshold may end in `%`). */ readonly min: string;
      /** The highest value (decimal text; a threshold may end in `%`). */ readonly max: string;
      /** The step between values; must divide the range (default a thousandth of it). */ readonly step?: string;
      /** The name reports show; derived from the factor when absent. */ readonly name?: string;
    }
  | {
      /** The number in a classification band's condition (`"Tốt" when index >= 80`). */ readonly kind: "band";
      /** The band's label. */ readonly band: string;
      /** The lowest value (decimal text; a threshold may end in `%`). */ readonly min: string;
      /** The highest value (decimal text; a threshold may end in `%`). */ readonly max: string;
      /** The step between values; must divide the range (default a thousandth of it). */ readonly step?: string;
      /** The name reports show; derived from the factor when absent. */ readonly name?: string;
    }
  | {
      /** The N/A policy of the listed nodes (or of every node and `when` clause). */ readonly kind: "na-policy";
      /** The alternatives; `as-declared` keeps each node's own policy. */ readonly choices: readonly ("as-declared" | NaPolicy)[];
      /** The nodes it applies to; every node when absent. */ readonly nodes?: readonly string[];
      /** The name reports show; derived from the factor when absent. */ readonly name?: string;
    }
  | {
      /** The scale s of appraisal corrections: a corrected number becomes self + s × (appraised − self); 1 is the rubric as it is. */ readonly kind: "appraisal";
      /** The lowest value (decimal text; a threshold may end in `%`). */ readonly min: string;
      /** The highest value (decimal text; a threshold may end in `%`). */ readonly max: string;
      /** The step between values; must divide the range (default a thousandth of it). */ readonly step?: string;
      /** The name reports show; derived from the factor when absent. */ readonly name?: string;
    };

/**
 * A sensitivity plan as written.
 * @category Analysis
 */
export interface PlanSpec {
  /** The factors that vary. */
  readonly factors: readonly FactorSpec[];
  /** Samples to draw (default 1,000). */
  readonly samples?: number;
  /** Seed of the sampling (default 1). */
  readonly seed?: number;
  /** `quasi` (Halton, seeded rotation; default) or `uniform` (seeded pseudo-random). */
  readonly sampling?: "quasi" | "uniform";
}

/**
 * A continuous factor resolved: `levels` values min + k × step, k = 0 … levels − 1.
 * @category Analysis
 */
export interface RangeFactor {
  /** What it moves (`area-weight`: a top-level area's multiplier). */
  readonly kind: "weight" | "area-weight" | "threshold" | "band" | "appraisal";
  /** The name shown in reports. */
  readonly name: string;
  /** The node, band or arm it moves (for reports' own wording when the plan gives no name). */
  readonly subject: string;
  /** Whether the plan named it. */
  readonly named: boolean;
  /** Lowest value. */
  readonly min: Exact;
  /** Step between sampled values. */
  readonly step: Exact;
  /** Number of values. */
  readonly levels: number;
  /** The rubric's own value. */
  readonly nominal: Exact;
  /** Node slot (weight), top-level index (area-weight), threshold site (threshold), band index (band). */
  readonly target: number;
}

/**
 * A discrete factor resolved: N/A policy alternatives for a set of node slots.
 * @category Analysis
 */
export interface ChoiceFactor {
  /** N/A policy alternatives. */
  readonly kind: "na-policy";
  /** The name shown in reports. */
  readonly name: string;
  /** The nodes it applies to, joined by ", " ("" for every node). */
  readonly subject: string;
  /** Whether the plan named it. */
  readonly named: boolean;
  /** The alternatives; `as-declared` keeps each node's own policy. */
  readonly choices: readonly ("as-declared" | NaPolicy)[];
  /** Node ids it applies to (every tree node when absent). */
  readonly nodes: ReadonlySet<string> | undefined;
  /** Number of values. */
  readonly levels: number;
}

/**
 * A resolved factor.
 * @category Analysis
 */
export type Factor = RangeFactor | ChoiceFactor;

/**
 * A plan checked against its rubric.
 * @category Analysis
 */
export interface Plan {
  /** The factors, in plan order. */
  readonly factors: readonly Factor[];
  /** Samples to draw. */
  readonly samples: number;
  /** The seed. */
  readonly seed: number;
  /** How samples are drawn. */
  readonly sampling: "quasi" | "uniform";
}

/**
 * The outcome of {@link readPlan}.
 * @category Analysis
 */
export type PlanOutcome = {
  /** The plan is valid. */ readonly ok: true;
  /** The plan resolved against the rubric. */ readonly plan: Plan;
} | {
  /** The plan was refused. */ readonly ok: false;
  /** Every problem, each saying what to write instead. */ readonly problems: readonly string[];
};

/** Most values one range factor may take (the sampling's integer arithmetic stays exact). */
export const MAX_LEVELS = 1 << 20;
/** Most samples one run may draw. */
export const MAX_SAMPLES = 10_000_000;

function decimal(raw: unknown): Exact | undefined {
  if (typeof raw === "number" && Number.isFinite(raw)) return Exact.parse(String(raw));
  if (typeof raw !== "string") return undefined;
  const t = raw.trim();
  if (t.endsWith("%")) return Exact.parse(t.slice(0, -1))?.dividedBy(Exact.int(100));
  return Exact.parse(t);
}

/** The node slots of the kernel: tree nodes in pre-order (as `kernel.ts` numbers them). */
function treeSlots(rubric: CompiledRubric): { slot: Map<string, number>; parent: Map<string, CompiledNode | undefined>; node: Map<string, CompiledNode> } {
  const slot = new Map<string, number>();
  const parent = new Map<string, CompiledNode | undefined>();
  const node = new Map<string, CompiledNode>();
  const visit = (n: CompiledNode, p: CompiledNode | undefined): void => {
    slot.set(n.id, slot.size);
    parent.set(n.id, p);
    node.set(n.id, n);
    for (const c of n.children ?? []) visit(c, n);
  };
  for (const n of rubric.nodes) visit(n, undefined);
  return { slot, parent, node };
}

const POLICIES = new Set(["as-declared", "exclude", "zero", "full"]);

/** The one numeric literal a band condition compares with, and its path; undefined when not exactly one. */
export function bandLiteral(e: CompiledExpr | undefined): Exact | undefined {
  const found: Exact[] = [];
  const walk = (x: unknown): void => {
    if (typeof x !== "object" || x === null) return;
    if ("op" in x && (x as CompiledExpr).op === "num") found.push(Exact.of((x as unknown as { value: string }).value));
    for (const v of Object.values(x)) walk(v);
  };
  walk(e);
  return found.length === 1 ? found[0] : undefined;
}

interface Context {
  readonly rubric: CompiledRubric;
  readonly kernel: Kernel;
  readonly problems: string[];
}

function range(ctx: Context, where: string, spec: { min: unknown; max: unknown; step?: unknown }, nominal: Exact): Pick<RangeFactor, "min" | "step" | "levels"> | undefined {
  const min = decimal(spec.min);
  const max = decimal(spec.max);
  if (min === undefined || max === undefined) {
    ctx.problems.push(`${where}: "min" and "max" must be decimal numbers written as text, e.g. "0.8" (thresholds may be written "85%")`);
    return undefined;
  }
  if (max.lt(min)) {
    ctx.problems.push(`${where}: "min" (${text(min)}) is above "max" (${text(max)}); swap them`);
    return undefined;
  }
  const width = max.minus(min);
  const step = spec.step === undefined ? (width.isZero() ? Exact.ONE : width.dividedBy(Exact.int(1000))) : decimal(spec.step);
  if (step === undefined || step.isNegative() || step.isZero()) {
    ctx.problems.push(`${where}: "step" must be a positive decimal, e.g. "0.01"`);
    return undefined;
  }
  const count = width.dividedBy(step);
  if (!count.isInteger()) {
    ctx.problems.push(`${where}: the range ${text(min)}…${text(max)} is not a whole number of steps of ${text(step)}; choose a step that divides it`);
    return undefined;
  }
  if (count.gte(Exact.int(MAX_LEVELS))) {
    ctx.problems.push(`${where}: ${text(count)} steps are too many (at most ${MAX_LEVELS - 1}); choose a larger step`);
    return undefined;
  }
  void nominal;
  return { min, step, levels: Number(count.n) + 1 };
}

function factorOf(ctx: Context, raw: unknown, i: number, slots: ReturnType<typeof treeSlots>): Factor | undefined {
  const where = `factor ${i + 1}`;
  if (typeof raw !== "object" || raw === null) {
    ctx.problems.push(`${where}: expected an object such as {"kind": "weight", "node": "1", "min": "0.8", "max": "1.2"}`);
    return undefined;
  }
  const f = raw as Record<string, unknown>;
  const given = typeof f["name"] === "string" && f["name"] !== "";
  const named = (fallback: string): string => (given ? (f["name"] as string) : fallback);
  const label = (subject: string): { subject: string; named: boolean } => ({ subject, named: given });
  switch (f["kind"]) {
    case "weight": {
      const id = String(f["node"]);
      const slot = slots.slot.get(id);
      if (slot === undefined) {
        ctx.problems.push(`${where}: the rubric has no node "${id}"`);
        return undefined;
      }
      const parent = slots.parent.get(id);
      const top = parent === undefined;
      if (!top && parent.aggregate !== "weighted") {
        ctx.problems.push(`${where}: the weight of "${id}" cannot vary: it is neither a top-level area nor a child of a node with "aggregate weighted"`);
        return undefined;
      }
      const nominal = top ? Exact.ONE : Exact.of(slots.node.get(id)!.weight ?? "1");
      const r = range(ctx, where, f as { min: unknown; max: unknown }, nominal);
      if (r === undefined) return undefined;
      if (r.min.isNegative()) {
        ctx.problems.push(`${where}: a weight cannot be negative`);
        return undefined;
      }
      return top
        ? { kind: "area-weight", name: named(`weight ${id}`), ...label(id), ...r, nominal, target: ctx.rubric.nodes.findIndex((n) => n.id === id) }
        : { kind: "weight", name: named(`weight ${id}`), ...label(id), ...r, nominal, target: slot };
    }
    case "threshold": {
      const id = String(f["node"]);
      const arm = Number(f["arm"]);
      const site = ctx.kernel.thresholdSites.findIndex((s) => s.node === id && s.arm === arm);
      if (site < 0) {
        const arms = ctx.kernel.thresholdSites.filter((s) => s.node === id).map((s) => s.arm);
        ctx.problems.push(`${where}: "${id}" has no bands arm ${String(f["arm"])} with a number as threshold${arms.length > 0 ? ` (arms with one: ${arms.join(", ")})` : ""}`);
        return undefined;
      }
      const nominal = toExact(ctx.kernel.defaults.thresholds[site]!);
      const r = range(ctx, where, f as { min: unknown; max: unknown }, nominal);
      return r === undefined ? undefined : { kind: "threshold", name: named(`threshold ${id} arm ${arm}`), ...label(`${id}\u0000${arm}`), ...r, nominal, target: site };
    }
    case "band": {
      const labelOf = label;
      const band = String(f["band"]);
      const index = ctx.rubric.bands.findIndex((b) => b.label === band);
      const literal = index < 0 ? undefined : bandLiteral(ctx.rubric.bands[index]!.when);
      if (index < 0 || literal === undefined) {
        ctx.problems.push(index < 0 ? `${where}: the rubric has no band "${band}" (bands: ${ctx.rubric.bands.map((b) => b.label).join(", ") || "none"})` : `${where}: the condition of band "${band}" does not compare with exactly one number, so it has no single threshold to vary`);
        return undefined;
      }
      const r = range(ctx, where, f as { min: unknown; max: unknown }, literal);
      return r === undefined ? undefined : { kind: "band", name: named(`band ${band}`), ...labelOf(band), ...r, nominal: literal, target: index };
    }
    case "appraisal": {
      const r = range(ctx, where, f as { min: unknown; max: unknown }, Exact.ONE);
      if (r !== undefined && (r.min.isNegative() || r.min.plus(r.step.times(Exact.int(r.levels - 1))).gt(Exact.ONE))) {
        ctx.problems.push(`${where}: the scale of appraisal corrections runs from 0 (self-assessment) to 1 (appraised values)`);
        return undefined;
      }
      return r === undefined ? undefined : { kind: "appraisal", name: named("appraisal corrections"), ...label(""), ...r, nominal: Exact.ONE, target: 0 };
    }
    case "na-policy": {
      const choices = f["choices"];
      if (!Array.isArray(choices) || choices.length === 0 || choices.some((c) => !POLICIES.has(String(c)))) {
        ctx.problems.push(`${where}: "choices" must list one or more of "as-declared", "exclude", "zero", "full"`);
        return undefined;
      }
      const nodes = f["nodes"];
      if (nodes !== undefined && (!Array.isArray(nodes) || nodes.some((n) => !slots.slot.has(String(n))))) {
        ctx.problems.push(`${where}: "nodes" must list node ids of the rubric${Array.isArray(nodes) ? ` (unknown: ${nodes.filter((n) => !slots.slot.has(String(n))).join(", ")})` : ""}`);
        return undefined;
      }
      return { kind: "na-policy", name: named("N/A policy"), ...label(nodes === undefined ? "" : (nodes as unknown[]).map(String).join(", ")), choices: choices as ChoiceFactor["choices"], nodes: nodes === undefined ? undefined : new Set((nodes as unknown[]).map(String)), levels: choices.length };
    }
    default:
      ctx.problems.push(`${where}: "kind" must be one of weight, threshold, band, na-policy, appraisal`);
      return undefined;
  }
}

/**
 * Checks a plan against a rubric. Never throws.
 * @param rubric - the compiled rubric
 * @param raw - the plan, as parsed JSON ({@link PlanSpec})
 * @param overrides - samples, seed or sampling given apart (command-line options win over the file)
 * @example
 * ```ts
 * import { compile, readPlan } from "rubric-lang";
 * const source = `rubric "Demo" {
 *   area "1" "Chỉ đạo" max 40 { input done: count, planned: count; score = 40 * done / planned }
 *   area "2" "Thủ tục" max 60 { input ontime: percent; score = 60 * ontime }
 * }`;
 * const compiled = compile(source);
 * if (compiled.ok) {
 *   const plan = readPlan(compiled.rubric, { factors: [{ kind: "weight", node: "1.1", min: "0.8", max: "1.2" }] });
 *   if (!plan.ok) console.log(plan.problems); // node "1.1" does not exist, and which nodes can be weighted
 * }
 * ```
 * @category Analysis
 */
export function readPlan(rubric: CompiledRubric, raw: unknown, overrides: { samples?: number; seed?: number; sampling?: "quasi" | "uniform" } = {}): PlanOutcome {
  const ctx: Context = { rubric, kernel: kernelOf(rubric), problems: [] };
  if (typeof raw !== "object" || raw === null || !Array.isArray((raw as { factors?: unknown }).factors)) {
    return { ok: false, problems: ['the plan must be an object with a "factors" list, e.g. {"factors": [{"kind": "weight", "node": "1", "min": "0.8", "max": "1.2"}]}'] };
  }
  const spec = raw as Record<string, unknown>;
  const slots = treeSlots(rubric);
  const factors = (spec["factors"] as unknown[]).flatMap((f, i) => factorOf(ctx, f, i, slots) ?? []);
  const samples = overrides.samples ?? (spec["samples"] === undefined ? 1000 : Number(spec["samples"]));
  const seed = overrides.seed ?? (spec["seed"] === undefined ? 1 : Number(spec["seed"]));
  const sampling = overrides.sampling ?? (spec["sampling"] === undefined ? "quasi" : spec["sampling"]);
  if (!Number.isInteger(samples) || samples < 1 || samples > MAX_SAMPLES) ctx.problems.push(`"samples" must be a whole number from 1 to ${MAX_SAMPLES}`);
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) ctx.problems.push('"seed" must be a whole number from 0 to 4294967295');
  if (sampling !== "quasi" && sampling !== "uniform") ctx.problems.push('"sampling" must be "quasi" or "uniform"');
  if (sampling === "quasi" && factors.length > MAX_QUASI_FACTORS) ctx.problems.push(`quasi-random sampling varies at most ${MAX_QUASI_FACTORS} factors; use "sampling": "uniform" for more`);
  if (factors.filter((f) => f.kind === "appraisal").length > 1) ctx.problems.push("the appraisal scale is one factor: give it once");
  if (ctx.problems.length > 0) return { ok: false, problems: ctx.problems };
  return { ok: true, plan: { factors, samples, seed, sampling: sampling as Plan["sampling"] } };
}
