/**
 * The compiled rubric: a plain, JSON-serialisable criterion tree with resolved
 * types, maxima, rules and policies. It is what the runtime evaluates, what apps
 * store, and what the fingerprint covers. Decimals are strings (exact, no floats).
 * @module
 */
import type { Aggregation, NaPolicy, NodeKeyword, RoundingMode } from "../syntax/ast.js";

export type { Aggregation, NaPolicy, NodeKeyword, RoundingMode };

/**
 * The format tag of a compiled rubric.
 * @category Compile
 */
export const COMPILED_FORMAT = "rubric-lang/compiled" as const;

/**
 * The version of the compiled format; bumped on any incompatible change.
 * @category Compile
 */
export const FORMAT_VERSION = 1 as const;

/**
 * A decimal number written as a string in canonical form (e.g. `"0.8"`, `"-2"`, `"100"`).
 * @category Compile
 */
export type DecimalString = string;

/**
 * A resolved input or unit-fact type. Range bounds are inclusive decimals.
 * @category Compile
 */
export type CompiledType =
  | {
      /** `number` (any decimal), `count` (whole, ≥ 0) or `percent` (given in percent points, `85` for 85 %; a fraction in rules). */ readonly kind: "number" | "count" | "percent";
      /** The inclusive lower bound, when declared (a percent's in percent points). */ readonly min?: DecimalString;
      /** The inclusive upper bound, when declared (a percent's in percent points). */ readonly max?: DecimalString;
    }
  | {
      /** A Likert scale: whole answers from `min` to `max`. */ readonly kind: "likert";
      /** The lowest answer. */ readonly min: DecimalString;
      /** The highest answer. */ readonly max: DecimalString;
    }
  | {
      /** `bool` (yes/no), `date` (`YYYY-MM-DD`) or `text`. */ readonly kind: "bool" | "date" | "text";
    }
  | {
      /** One of the listed members. */ readonly kind: "enum";
      /** The members' names, in the order declared. */ readonly members: readonly string[];
    }
  | {
      /** A list of scalars (for `sum`, `mean`, `count`, `min`, `max`). */ readonly kind: "list";
      /** The type of each element. */ readonly element: CompiledScalarType;
    };

/**
 * A scalar (non-list) compiled type.
 * @category Compile
 */
export type CompiledScalarType = Exclude<CompiledType, {
  /** The kind left out: lists. */ readonly kind: "list";
}>;

/**
 * A declared input or unit fact.
 * @category Compile
 */
export interface CompiledDecl {
  /** The name, unique within its node (or among unit facts); submissions use it. */
  readonly name: string;
  /** What forms and reports call it (`input so_nv "Số nhiệm vụ hoàn thành": count`); absent when not given. */
  readonly label?: string;
  /** Its type. */
  readonly type: CompiledType;
}

/**
 * Comparison operators of the compiled form.
 * @category Compile
 */
export type CompareCode = "eq" | "ne" | "lt" | "le" | "gt" | "ge";

/**
 * Built-in functions of the compiled form.
 * @category Compile
 */
export type FunctionCode = "min" | "max" | "clamp" | "round" | "floor" | "ceil" | "abs" | "sum" | "mean" | "count" | "ratio";

/**
 * A compiled expression. Names are resolved: `input` reads the node's input,
 * `let` a value computed earlier in the same node, `unit` a unit fact, `enum` is an
 * enum member, `figure` a rubric-level figure (only in the index formula and bands).
 * Percent literals are already fractions (`80%` → `"0.8"`).
 * @category Compile
 */
export type CompiledExpr =
  /** `percent`: written as a percentage (`80%`), so explanations show it as one; no effect on the value. */
  | {
      /** A number literal. */ readonly op: "num";
      /** The exact decimal. */ readonly value: DecimalString;
      /** Present when written as a percentage (`80%`), so explanations show it as one; no effect on the value. */ readonly percent?: true;
    }
  | {
      /** A date literal. */ readonly op: "date";
      /** The date, `YYYY-MM-DD`. */ readonly value: string;
    }
  | {
      /** A boolean literal. */ readonly op: "bool";
      /** `true` or `false`. */ readonly value: boolean;
    }
  | {
      /** An enum member. */ readonly op: "enum";
      /** The member's name. */ readonly value: string;
    }
  | {
      /** Reads an input of the node. */ readonly op: "input";
      /** The input's name. */ readonly name: string;
    }
  | {
      /** Reads a `let` computed earlier in the node. */ readonly op: "let";
      /** The `let`'s name. */ readonly name: string;
    }
  | {
      /** Reads a unit fact. */ readonly op: "unit";
      /** The fact's name. */ readonly name: string;
    }
  | {
      /** The node's own maximum points. */ readonly op: "max";
    }
  | {
      /** A rubric-wide figure (index formula and bands only). */ readonly op: "figure";
      /** Which figure. */ readonly name: "points" | "max" | "index" | "bonus" | "penalty";
    }
  | {
      /** Arithmetic negation or logical `not`. */ readonly op: "neg" | "not";
      /** The operand. */ readonly arg: CompiledExpr;
    }
  | {
      /** The arithmetic, logical or comparison operator. */ readonly op: "add" | "sub" | "mul" | "div" | "and" | "or" | CompareCode;
      /** The left operand. */ readonly left: CompiledExpr;
      /** The right operand. */ readonly right: CompiledExpr;
    }
  | {
      /** A conditional. */ readonly op: "if";
      /** The condition. */ readonly cond: CompiledExpr;
      /** The value when the condition holds. */ readonly then: CompiledExpr;
      /** The value otherwise. */ readonly else: CompiledExpr;
    }
  | {
      /** A call of a built-in function. */ readonly op: "call";
      /** The function. */ readonly fn: FunctionCode;
      /** The arguments in order. */ readonly args: readonly CompiledExpr[];
    }
  | {
      /** A `bands` expression. */ readonly op: "bands";
      /** The value compared with each arm's threshold. */ readonly subject: CompiledExpr;
      /** The arms in order; the first that matches gives the value. */ readonly arms: readonly CompiledBandArm[];
      /** The value when no arm matches (its `else`), when written. */ readonly otherwise?: CompiledExpr;
    }
  /** `count(cond)` / `share(cond)`: `cond` is tested on each element of `list`, which it reads as `item`. */
  | {
      /** A tally of list elements. */ readonly op: "tally";
      /** The number of elements meeting the condition, or their exact share. */ readonly fn: "count" | "share";
      /** The list. */ readonly list: CompiledExpr;
      /** The condition tested on each element. */ readonly cond: CompiledExpr;
    }
  /** The element of the list a `tally` condition is testing. */
  | {
      /** The element under test. */ readonly op: "item";
    }
  /** `match`: the first arm one of whose keys equals the subject gives the value; over a list, element by element. */
  | {
      /** A mapping of values. */ readonly op: "match";
      /** The value matched (or a list, element by element). */ readonly subject: CompiledExpr;
      /** The arms in order. */ readonly arms: readonly CompiledMatchArm[];
      /** The value for a subject no arm takes (its `else`), when written. */ readonly otherwise?: CompiledExpr;
    }
  /**
   * A cohort figure (`cohort.max(x)`): a statistic of `arg` over the units ranked
   * together. `site` is the node it stands in (`"index"` in the index formula): with
   * the argument it names the figure, so units' arguments are gathered per figure.
   * `scale` is `rescale`'s declared low and high.
   */
  | {
      /** A cohort figure. */ readonly op: "cohort";
      /** Which statistic. */ readonly stat: CohortStat;
      /** The node it stands in, or `"index"`. */ readonly site: string;
      /** The per-unit value the statistic is taken over. */ readonly arg: CompiledExpr;
      /** `rescale`'s declared low and high. */ readonly scale?: readonly [DecimalString, DecimalString];
    };

/**
 * The cohort statistics: the cohort's largest, smallest and mean argument, the unit's percentile rank, min–max rescaling.
 * @category Compile
 */
export type CohortStat = "max" | "min" | "mean" | "percentile" | "rescale";

/**
 * One arm of a compiled `match`: its keys (enum members or whole numbers, as literals) and its value.
 * @category Compile
 */
export interface CompiledMatchArm {
  /** The values this arm takes: `enum` or `num` literals. */
  readonly keys: readonly CompiledExpr[];
  /** The value when the subject equals one of the keys. */
  readonly value: CompiledExpr;
}

/**
 * One arm of a compiled `bands` expression.
 * @category Compile
 */
export interface CompiledBandArm {
  /** How the subject is compared with the threshold. */
  readonly cmp: CompareCode;
  /** The threshold. */
  readonly threshold: CompiledExpr;
  /** The value when this arm is the first to match. */
  readonly value: CompiledExpr;
}

/**
 * How a leaf awards points.
 * @category Compile
 */
export type CompiledRule =
  | {
      /** Points computed by an expression. */ readonly kind: "expr";
      /** The expression giving the points (before clamping). */ readonly expr: CompiledExpr;
    }
  | {
      /** Points given by the assessor in the submission (`score = given`). */ readonly kind: "given";
      /** The step the given points must be a multiple of, when declared. */ readonly step?: DecimalString;
    };

/**
 * What a leaf computes: inputs, lets in order, not-arising conditions, the rule.
 * @category Compile
 */
export interface CompiledLeaf {
  /** The inputs a submission fills for this node. */
  readonly inputs: readonly CompiledDecl[];
  /** Named intermediate values, in evaluation order (each uses only earlier ones). */
  readonly lets: readonly {
    /** The name. */ readonly name: string;
    /** The expression computing it. */ readonly expr: CompiledExpr;
  }[];
  /** `when cond: policy` clauses: the first true one makes the node not applicable with that policy. */
  readonly when: readonly {
    /** The condition. */ readonly cond: CompiledExpr;
    /** The N/A policy the node takes when it holds. */ readonly policy: NaPolicy;
  }[];
  /** The scoring rule. */
  readonly rule: CompiledRule;
}

/**
 * A node of the compiled criterion tree. Exactly one of `children` and `leaf` is set.
 * @category Compile
 */
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

/**
 * A compiled bonus or penalty: a leaf outside the tree, capped at its max.
 * @category Compile
 */
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

/**
 * A sort key of the ranking.
 * @category Compile
 */
export interface CompiledSortKey {
  /** A rubric-wide figure, or a node's points. */
  readonly target: {
    /** A rubric-wide figure of the unit. */ readonly kind: "figure";
    /** Which figure. */ readonly name: "index" | "points" | "bonus" | "penalty";
  } | {
    /** A node's points. */ readonly kind: "node";
    /** The node's id. */ readonly id: string;
  };
  /** Direction. */
  readonly direction: "asc" | "desc";
}

/**
 * The ranking policy.
 * @category Compile
 */
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
  readonly eligible?: {
    /** The condition on unit facts a unit must meet to be ranked. */
    readonly when: CompiledExpr;
    /** The reason shown for a unit that does not meet it. */
    readonly reason: string;
  };
}

/**
 * A classification band; the first whose condition holds wins; no condition and no cut = otherwise.
 * @category Compile
 */
export interface CompiledBand {
  /** The label. */
  readonly label: string;
  /** The condition over rubric figures; absent for `otherwise` and percentile bands. */
  readonly when?: CompiledExpr;
  /** A percentile band: the unit's index against the cohort's percentile. */
  readonly cut?: CompiledPercentileCut;
}

/**
 * How a cohort's percentile is found (`bands by percentile nearest|inc|exc`).
 * @category Compile
 */
export type PercentileMethod = "nearest" | "inc" | "exc";

/**
 * `from percentile 75` (inclusive: index ≥ P75) or `above percentile 75` (index > P75).
 * @category Compile
 */
export interface CompiledPercentileCut {
  /** The percentile, 0 to 100, as exact decimal text. */
  readonly percentile: string;
  /** True for `from` (a unit at the cut-off is in this band), false for `above`. */
  readonly inclusive: boolean;
}

/**
 * The bands of the units of one group (`bands in group "so" { … }`).
 * @category Compile
 */
export interface CompiledBandBlock {
  /** The unit group these bands classify. */
  readonly group: string;
  /** The percentile method, when the block has percentile bands. */
  readonly method?: PercentileMethod;
  /** The bands, in order. */
  readonly bands: readonly CompiledBand[];
}

/**
 * Metadata that travels into every result.
 * @category Compile
 */
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

/**
 * A compiled rubric, ready to store or evaluate.
 * @category Compile
 */
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
  readonly publish: {
    /** Decimals published (0–10). */ readonly precision: number;
    /** The rounding mode. */ readonly rounding: RoundingMode;
  };
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

/**
 * A compiled rubric before its fingerprint is computed.
 * @category Compile
 */
export type UnsealedRubric = Omit<CompiledRubric, "fingerprint">;
