/**
 * The compiled rubric: a plain, JSON-serialisable criterion tree with resolved
 * types, maxima, rules and policies. It is what the runtime evaluates, what apps
 * store, and what the fingerprint covers. Decimals are strings (exact, no floats).
 * @module
 */
import type { Aggregation, NaPolicy, NodeKeyword, RoundingMode } from "../syntax/ast.js";

export type { Aggregation, NaPolicy, NodeKeyword, RoundingMode };

/** The format tag of a compiled rubric. */
export const COMPILED_FORMAT = "rubric-lang/compiled" as const;

/** The version of the compiled format; bumped on any incompatible change. */
export const FORMAT_VERSION = 1 as const;

/** A decimal number written as a string in canonical form (e.g. `"0.8"`, `"-2"`, `"100"`). */
export type DecimalString = string;

/** A resolved input or unit-fact type. Range bounds are inclusive decimals. */
export type CompiledType =
  | { readonly kind: "number" | "count" | "percent"; readonly min?: DecimalString; readonly max?: DecimalString }
  | { readonly kind: "likert"; readonly min: DecimalString; readonly max: DecimalString }
  | { readonly kind: "bool" | "date" | "text" }
  | { readonly kind: "enum"; readonly members: readonly string[] }
  | { readonly kind: "list"; readonly element: CompiledScalarType };

/** A scalar (non-list) compiled type. */
export type CompiledScalarType = Exclude<CompiledType, { readonly kind: "list" }>;

/** A declared input or unit fact. */
export interface CompiledDecl {
  /** The name, unique within its node (or among unit facts); submissions use it. */
  readonly name: string;
  /** What forms and reports call it (`input so_nv "Số nhiệm vụ hoàn thành": count`); absent when not given. */
  readonly label?: string;
  /** Its type. */
  readonly type: CompiledType;
}

/** Comparison operators of the compiled form. */
export type CompareCode = "eq" | "ne" | "lt" | "le" | "gt" | "ge";

/** Built-in functions of the compiled form. */
export type FunctionCode = "min" | "max" | "clamp" | "round" | "floor" | "ceil" | "abs" | "sum" | "mean" | "count" | "ratio";

/**
 * A compiled expression. Names are resolved: `input` reads the node's input,
 * `let` a value computed earlier in the same node, `unit` a unit fact, `enum` is an
 * enum member, `figure` a rubric-level figure (only in the index formula and bands).
 * Percent literals are already fractions (`80%` → `"0.8"`).
 */
export type CompiledExpr =
  /** `percent`: written as a percentage (`80%`), so explanations show it as one; no effect on the value. */
  | { readonly op: "num"; readonly value: DecimalString; readonly percent?: true }
  | { readonly op: "date"; readonly value: string }
  | { readonly op: "bool"; readonly value: boolean }
  | { readonly op: "enum"; readonly value: string }
  | { readonly op: "input"; readonly name: string }
  | { readonly op: "let"; readonly name: string }
  | { readonly op: "unit"; readonly name: string }
  | { readonly op: "max" }
  | { readonly op: "figure"; readonly name: "points" | "max" | "index" | "bonus" | "penalty" }
  | { readonly op: "neg" | "not"; readonly arg: CompiledExpr }
  | { readonly op: "add" | "sub" | "mul" | "div" | "and" | "or" | CompareCode; readonly left: CompiledExpr; readonly right: CompiledExpr }
  | { readonly op: "if"; readonly cond: CompiledExpr; readonly then: CompiledExpr; readonly else: CompiledExpr }
  | { readonly op: "call"; readonly fn: FunctionCode; readonly args: readonly CompiledExpr[] }
  | { readonly op: "bands"; readonly subject: CompiledExpr; readonly arms: readonly CompiledBandArm[]; readonly otherwise?: CompiledExpr }
  /**
   * A cohort figure (`cohort.max(x)`): a statistic of `arg` over the units ranked
   * together. `site` is the node it stands in (`"index"` in the index formula): with
   * the argument it names the figure, so units' arguments are gathered per figure.
   * `scale` is `rescale`'s declared low and high.
   */
  | { readonly op: "cohort"; readonly stat: CohortStat; readonly site: string; readonly arg: CompiledExpr; readonly scale?: readonly [DecimalString, DecimalString] };

/** The cohort statistics: the cohort's largest, smallest and mean argument, the unit's percentile rank, min–max rescaling. */
export type CohortStat = "max" | "min" | "mean" | "percentile" | "rescale";

/** One arm of a compiled `bands` expression. */
export interface CompiledBandArm {
  /** How the subject is compared with the threshold. */
  readonly cmp: CompareCode;
  /** The threshold. */
  readonly threshold: CompiledExpr;
  /** The value when this arm is the first to match. */
  readonly value: CompiledExpr;
}

/** How a leaf awards points. */
export type CompiledRule =
  | { readonly kind: "expr"; readonly expr: CompiledExpr }
  | { readonly kind: "given"; readonly step?: DecimalString };

/** What a leaf computes: inputs, lets in order, not-arising conditions, the rule. */
export interface CompiledLeaf {
  /** The inputs a submission fills for this node. */
  readonly inputs: readonly CompiledDecl[];
  /** Named intermediate values, in evaluation order (each uses only earlier ones). */
  readonly lets: readonly { readonly name: string; readonly expr: CompiledExpr }[];
  /** `when cond: policy` clauses: the first true one makes the node not applicable with that policy. */
  readonly when: readonly { readonly cond: CompiledExpr; readonly policy: NaPolicy }[];
  /** The scoring rule. */
  readonly rule: CompiledRule;
}

/** A node of the compiled criterion tree. Exactly one of `children` and `leaf` is set. */
export interface CompiledNode {
  /** The published numbering, unique in the rubric. */
  readonly id: string;
  /** The keyword it was written with. */
  readonly keyword: NodeKeyword;
  /** The title. */
  readonly title: string;
  /** The maximum points. */
  readonly max: DecimalString;
  /** Weight under a `weighted` parent. */
  readonly weight?: DecimalString;
  /** Free-text description. */
  readonly description?: string;
  /** Evidence documents required (tài liệu kiểm chứng). */
  readonly evidence: readonly string[];
  /** Scope condition on unit facts; absent means always applicable. */
  readonly appliesWhen?: CompiledExpr;
  /** True when its inputs come from the survey layer. */
  readonly fromSurvey: boolean;
  /** What not applicable means here (resolved: own statement, else inherited, else the rubric default). */
  readonly naPolicy: NaPolicy;
  /** Whether points are clamped to `[0, max]`. */
  readonly clamp: boolean;
  /** Inner nodes: how children combine. */
  readonly aggregate?: Aggregation;
  /** Inner nodes: the children in source order. */
  readonly children?: readonly CompiledNode[];
  /** Leaves: how points are computed. */
  readonly leaf?: CompiledLeaf;
}

/** A compiled bonus or penalty: a leaf outside the tree, capped at its max. */
export interface CompiledExtra {
  /** Its id. */
  readonly id: string;
  /** Bonus adds, penalty subtracts. */
  readonly sign: "bonus" | "penalty";
  /** Title. */
  readonly title: string;
  /** The cap. */
  readonly max: DecimalString;
  /** Description. */
  readonly description?: string;
  /** Evidence required. */
  readonly evidence: readonly string[];
  /** How its points are computed. */
  readonly leaf: CompiledLeaf;
}

/** A sort key of the ranking. */
export interface CompiledSortKey {
  /** A rubric-wide figure, or a node's points. */
  readonly target: { readonly kind: "figure"; readonly name: "index" | "points" | "bonus" | "penalty" } | { readonly kind: "node"; readonly id: string };
  /** Direction. */
  readonly direction: "asc" | "desc";
}

/** The ranking policy. */
export interface CompiledRanking {
  /** Sort keys in order; the unit id is always the final stable key. */
  readonly keys: readonly CompiledSortKey[];
  /** Tie policy. */
  readonly ties: "shared" | "dense" | "ordinal";
  /** Rank on the published (rounded) figures or the exact ones. */
  readonly on: "published" | "exact";
  /** Rank each unit group separately. */
  readonly withinGroup: boolean;
  /** `eligible when …`: units for which the condition (on unit facts) is false are scored, listed apart with the reason, and left out of every cohort. */
  readonly eligible?: { readonly when: CompiledExpr; readonly reason: string };
}

/** A classification band; the first whose condition holds wins; no condition = otherwise. */
export interface CompiledBand {
  /** The label. */
  readonly label: string;
  /** The condition over rubric figures; absent for `otherwise`. */
  readonly when?: CompiledExpr;
}

/** Metadata that travels into every result. */
export interface CompiledMeta {
  /** Rubric id (the `id` statement, else derived from the title). */
  readonly id: string;
  /** Title. */
  readonly title: string;
  /** Version, if stated. */
  readonly version?: string;
  /** Legal basis, if stated. */
  readonly basis?: string;
  /** Locale (`"vi"` unless stated). */
  readonly locale: string;
}

/** A compiled rubric, ready to store or evaluate. */
export interface CompiledRubric {
  /** Format tag. */
  readonly format: typeof COMPILED_FORMAT;
  /** Format version. */
  readonly formatVersion: typeof FORMAT_VERSION;
  /** SHA-256 (hex) of the canonical JSON of every other field. */
  readonly fingerprint: string;
  /** Metadata. */
  readonly meta: CompiledMeta;
  /** Rounding of published figures. */
  readonly publish: { readonly precision: number; readonly rounding: RoundingMode };
  /** The index formula (default `points / max * 100`). */
  readonly index: CompiledExpr;
  /** Whether bonus may lift the total above the tree's maximum. */
  readonly bonusMayExceed: boolean;
  /** The rubric-wide default N/A policy. */
  readonly naDefault: NaPolicy;
  /** Unit facts. */
  readonly unitFacts: readonly CompiledDecl[];
  /** Top-level nodes (areas). */
  readonly nodes: readonly CompiledNode[];
  /** Bonus and penalty blocks. */
  readonly extras: readonly CompiledExtra[];
  /** The ranking policy. */
  readonly ranking: CompiledRanking;
  /** Classification bands (may be empty). */
  readonly bands: readonly CompiledBand[];
}

/** A compiled rubric before its fingerprint is computed. */
export type UnsealedRubric = Omit<CompiledRubric, "fingerprint">;
