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
  /** `count(cond)` / `share(cond)`: `cond` is tested on each element of `list`, which it reads as `item`. */
  | { readonly op: "tally"; readonly fn: "count" | "share"; readonly list: CompiledExpr; readonly cond: CompiledExpr }
  /** The element of the list a `tally` condition is testing. */
  | { readonly op: "item" }
  /** `match`: the first arm one of whose keys equals the subject gives the value; over a list, element by element. */
  | { readonly op: "match"; readonly subject: CompiledExpr; readonly arms: readonly CompiledMatchArm[]; readonly otherwise?: CompiledExpr };

/** One arm of a compiled `match`: its keys (enum members or whole numbers, as literals) and its value. */
export interface CompiledMatchArm {
  /** The values this arm takes: `enum` or `num` literals. */
  readonly keys: readonly CompiledExpr[];
  /** The value when the subject equals one of the keys. */
  readonly value: CompiledExpr;
}

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
  /** The maximum points: a decimal, or the reduced fraction (`"10/3"`) when its decimal does not end. */
  readonly max: DecimalString;
  /** Weight under a `weighted` parent: a decimal, or a reduced fraction (`"1/3"`). */
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
}

/** A classification band; the first whose condition holds wins; no condition and no cut = otherwise. */
export interface CompiledBand {
  /** The label. */
  readonly label: string;
  /** The condition over rubric figures; absent for `otherwise` and percentile bands. */
  readonly when?: CompiledExpr;
  /** A percentile band: the unit's index against the cohort's percentile. */
  readonly cut?: CompiledPercentileCut;
}

/** How a cohort's percentile is found (`bands by percentile nearest|inc|exc`). */
export type PercentileMethod = "nearest" | "inc" | "exc";

/** `from percentile 75` (inclusive: index ≥ P75) or `above percentile 75` (index > P75). */
export interface CompiledPercentileCut {
  /** The percentile, 0 to 100, as exact decimal text. */
  readonly percentile: string;
  /** True for `from` (a unit at the cut-off is in this band), false for `above`. */
  readonly inclusive: boolean;
}

/** The bands of the units of one group (`bands in group "so" { … }`). */
export interface CompiledBandBlock {
  /** The unit group these bands classify. */
  readonly group: string;
  /** The percentile method, when the block has percentile bands. */
  readonly method?: PercentileMethod;
  /** The bands, in order. */
  readonly bands: readonly CompiledBand[];
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
  /** Classification bands (may be empty); with `bandBlocks`, those of units in no listed group. */
  readonly bands: readonly CompiledBand[];
  /** The percentile method of `bands`, when they have percentile bands. */
  readonly bandsMethod?: PercentileMethod;
  /** Bands of particular unit groups, which take their units instead of `bands`. */
  readonly bandBlocks?: readonly CompiledBandBlock[];
}

/** A compiled rubric before its fingerprint is computed. */
export type UnsealedRubric = Omit<CompiledRubric, "fingerprint">;
