/**
 * The typed abstract syntax tree of a `.rubric` file.
 *
 * Every node has a `kind` discriminant and a source `range`. The AST keeps what the
 * author wrote (literals as their source text, so no binary floating point ever
 * touches a number); meaning is added later by `check/` and `compile/`.
 * @module
 */

/**
 * A position in the source: 1-based line and column, 0-based character offset.
 * @category Language
 */
export interface Position {
  /** 1-based line number. */
  readonly line: number;
  /** 1-based column, counted in UTF-16 code units. */
  readonly column: number;
  /** 0-based offset into the source string. */
  readonly offset: number;
}

/**
 * A half-open span of source text: `start` inclusive, `end` exclusive.
 * @category Language
 */
export interface Range {
  /** First character of the span. */
  readonly start: Position;
  /** Position just after the last character of the span. */
  readonly end: Position;
}

/**
 * A string literal with its decoded value and where it was written.
 * @category Language
 */
export interface StringLit {
  /** Discriminant. */
  readonly kind: "String";
  /** The decoded text (escapes resolved). */
  readonly value: string;
  /** Where the literal stands, quotes included. */
  readonly range: Range;
}

/**
 * An identifier with where it was written.
 * @category Language
 */
export interface Identifier {
  /** Discriminant. */
  readonly kind: "Identifier";
  /** The name as written. */
  readonly name: string;
  /** Where it stands. */
  readonly range: Range;
}

/**
 * Rounding modes for published figures.
 * @category Language
 */
export type RoundingMode = "half-up" | "half-even" | "half-down" | "up" | "down";

/**
 * What "not applicable" means for a node.
 * @category Language
 */
export type NaPolicy = "full" | "exclude" | "zero";

/**
 * How an inner node combines its children's points.
 * @category Language
 */
export type Aggregation = "sum" | "weighted" | "mean" | "min" | "normalised";

/**
 * The keyword that introduced a tree node; levels nest freely.
 * @category Language
 */
export type NodeKeyword = "area" | "criterion" | "item";

// ---------------------------------------------------------------- types

/**
 * A numeric bound written in a type range, kept as source text (e.g. `"-5"`, `"100"`).
 * @category Language
 */
export interface Bound {
  /** The decimal as text, sign included; a percent bound is given in percent points. */
  readonly value: string;
  /** True when written with `%`. */
  readonly percent: boolean;
  /** Where it stands. */
  readonly range: Range;
}

/**
 * A scalar input type.
 * @category Language
 */
export type ScalarType =
  | {
      /** Discriminant. */ readonly kind: "NumberType";
      /** `number` (any decimal), `count` (a whole number ≥ 0) or `percent` (written with `%`). */ readonly name: "number" | "count" | "percent";
      /** The lower bound, when a range is written. */ readonly min?: Bound;
      /** The upper bound, when a range is written. */ readonly max?: Bound;
      /** Where it stands. */ readonly range: Range;
    }
  | {
      /** Discriminant. */ readonly kind: "LikertType";
      /** The lowest point of the scale. */ readonly min: Bound;
      /** The highest point of the scale. */ readonly max: Bound;
      /** Where it stands. */ readonly range: Range;
    }
  | {
      /** Discriminant. */ readonly kind: "SimpleType";
      /** Which of the three types. */ readonly name: "bool" | "date" | "text";
      /** Where it stands. */ readonly range: Range;
    }
  | {
      /** Discriminant. */ readonly kind: "EnumType";
      /** The allowed values, in the order written. */ readonly members: readonly Identifier[];
      /** Where it stands. */ readonly range: Range;
    };

/**
 * An input type: a scalar or `list of` a scalar.
 * @category Language
 */
export type TypeExpr = ScalarType | {
  /** Discriminant. */ readonly kind: "ListType";
  /** The type of each element. */ readonly element: ScalarType;
  /** Where it stands. */ readonly range: Range;
};

/**
 * `name "label": type`, in `input` statements and `unit { … }` blocks.
 * @category Language
 */
export interface Declaration {
  /** Discriminant. */
  readonly kind: "Declaration";
  /** The declared name. */
  readonly name: Identifier;
  /** What the form and reports call it, e.g. `"Số nhiệm vụ hoàn thành"` (optional). */
  readonly label?: StringLit;
  /** Its type. */
  readonly type: TypeExpr;
  /** The whole declaration. */
  readonly range: Range;
}

// ---------------------------------------------------------------- expressions

/**
 * Binary operators, arithmetic, comparison and logical.
 * @category Language
 */
export type BinaryOp = "+" | "-" | "*" | "/" | "==" | "!=" | "<" | "<=" | ">" | ">=" | "and" | "or";

/**
 * Comparison operators (also used by `bands` arms).
 * @category Language
 */
export type CompareOp = "==" | "!=" | "<" | "<=" | ">" | ">=";

/**
 * Names of the built-in functions.
 * @category Language
 */
export type FunctionName = "min" | "max" | "clamp" | "round" | "floor" | "ceil" | "abs" | "sum" | "mean" | "count" | "ratio" | "share";

/**
 * Keywords that stand for a figure of the whole rubric or node.
 * @category Language
 */
export type Builtin = "max" | "points" | "index" | "bonus" | "penalty";

/**
 * One arm of a `bands` expression: `>= 80%: 0.5`.
 * @category Language
 */
export interface BandArm {
  /** Discriminant. */
  readonly kind: "BandArm";
  /** The comparison applied to the banded value. */
  readonly op: CompareOp;
  /** The threshold. */
  readonly threshold: Expr;
  /** The value when this arm is the first to match. */
  readonly value: Expr;
  /** The whole arm. */
  readonly range: Range;
}

/**
 * A key of a `match` arm: an enum member (`B`) or a whole number (`4`), as written.
 * @category Language
 */
export interface MatchKey {
  /** Discriminant. */
  readonly kind: "MatchKey";
  /** The member's name or the number's text. */
  readonly text: string;
  /** True when written as a number. */
  readonly number: boolean;
  /** Where it stands. */
  readonly range: Range;
}

/**
 * One arm of a `match` expression: `4, 5: 100%`.
 * @category Language
 */
export interface MatchArm {
  /** Discriminant. */
  readonly kind: "MatchArm";
  /** The values this arm takes (one or more). */
  readonly keys: readonly MatchKey[];
  /** The value when the subject is one of the keys. */
  readonly value: Expr;
  /** The whole arm. */
  readonly range: Range;
}

/**
 * An expression.
 * @category Language
 */
export type Expr =
  | {
      /** Discriminant. */ readonly kind: "NumberLit";
      /** The number as written, e.g. `"12.5"` (never turned into a float). */ readonly text: string;
      /** Where it stands. */ readonly range: Range;
    }
  | {
      /** Discriminant. */ readonly kind: "PercentLit";
      /** The number before `%` as written, e.g. `"80"` for `80%`. */ readonly text: string;
      /** Where it stands. */ readonly range: Range;
    }
  | {
      /** Discriminant. */ readonly kind: "DateLit";
      /** The date as written, `YYYY-MM-DD`. */ readonly text: string;
      /** Where it stands. */ readonly range: Range;
    }
  | {
      /** Discriminant. */ readonly kind: "BoolLit";
      /** `true` or `false`. */ readonly value: boolean;
      /** Where it stands. */ readonly range: Range;
    }
  | {
      /** Discriminant. */ readonly kind: "NameRef";
      /** The input or `let` it names. */ readonly name: string;
      /** Where it stands. */ readonly range: Range;
    }
  | {
      /** Discriminant. */ readonly kind: "UnitRef";
      /** The unit fact after `unit.`. */ readonly name: string;
      /** Where it stands. */ readonly range: Range;
    }
  | {
      /** Discriminant. */ readonly kind: "BuiltinRef";
      /** Which figure. */ readonly name: Builtin;
      /** Where it stands. */ readonly range: Range;
    }
  | {
      /** Discriminant. */ readonly kind: "Unary";
      /** Negation or logical `not`. */ readonly op: "-" | "not";
      /** What it applies to. */ readonly operand: Expr;
      /** Where it stands. */ readonly range: Range;
    }
  | {
      /** Discriminant. */ readonly kind: "Binary";
      /** The operator. */ readonly op: BinaryOp;
      /** The left operand. */ readonly left: Expr;
      /** The right operand. */ readonly right: Expr;
      /** Where it stands. */ readonly range: Range;
    }
  | {
      /** Discriminant. */ readonly kind: "If";
      /** The condition after `if`. */ readonly condition: Expr;
      /** The value when the condition holds. */ readonly then: Expr;
      /** The value after `else`. */ readonly otherwise: Expr;
      /** Where it stands. */ readonly range: Range;
    }
  | {
      /** Discriminant. */ readonly kind: "Call";
      /** The built-in function called. */ readonly callee: FunctionName;
      /** The arguments in order. */ readonly args: readonly Expr[];
      /** Where it stands. */ readonly range: Range;
    }
  | {
      /** Discriminant. */ readonly kind: "Bands";
      /** The value compared with each arm's threshold. */ readonly subject: Expr;
      /** The arms in order; the first that matches gives the value. */ readonly arms: readonly BandArm[];
      /** The value when no arm matches, when written. */ readonly otherwise?: Expr;
      /** Where it stands. */ readonly range: Range;
    }
  | {
      /** Discriminant. */ readonly kind: "Paren";
      /** The expression inside the parentheses. */ readonly inner: Expr;
      /** Where it stands. */ readonly range: Range;
    }
  | {
      /** Discriminant. */ readonly kind: "Match";
      /** The value matched (or a list, element by element). */ readonly subject: Expr;
      /** The arms in order. */ readonly arms: readonly MatchArm[];
      /** The value for a subject no arm takes, after `else`, when written. */ readonly otherwise?: Expr;
      /** Where it stands. */ readonly range: Range;
    }
  /** `cohort.max(x)`: a figure over the units ranked together (`stat` as written; the checker knows the statistics). */
  | {
      /** Discriminant. */ readonly kind: "Cohort";
      /** The statistic as written after `cohort.` (`max`, `min`, `mean`, `percentile`, `rescale`). */ readonly stat: string;
      /** The arguments: the per-unit value, then the scale for `rescale`. */ readonly args: readonly Expr[];
      /** Where it stands. */ readonly range: Range;
    };

// ---------------------------------------------------------------- statements

/**
 * A statement inside a node, bonus or penalty body.
 * @category Language
 */
export type NodeStatement =
  | {
      /** Discriminant. */ readonly kind: "Description";
      /** The description. */ readonly text: StringLit;
      /** Where it stands. */ readonly range: Range;
    }
  | {
      /** Discriminant. */ readonly kind: "Evidence";
      /** The documents the unit must attach, in order. */ readonly items: readonly StringLit[];
      /** Where it stands. */ readonly range: Range;
    }
  | {
      /** Discriminant. */ readonly kind: "Aggregate";
      /** How the children's points combine. */ readonly method: Aggregation;
      /** Where it stands. */ readonly range: Range;
    }
  | {
      /** Discriminant. */ readonly kind: "Unclamped";
      /** Where it stands. */ readonly range: Range;
    }
  | {
      /** Discriminant. */ readonly kind: "NotApplicable";
      /** What "not applicable" means here. */ readonly policy: NaPolicy;
      /** Where it stands. */ readonly range: Range;
    }
  | {
      /** Discriminant. */ readonly kind: "Input";
      /** The inputs declared, in order. */ readonly declarations: readonly Declaration[];
      /** Where it stands. */ readonly range: Range;
    }
  | {
      /** Discriminant. */ readonly kind: "Let";
      /** The name bound. */ readonly name: Identifier;
      /** Its value. */ readonly value: Expr;
      /** Where it stands. */ readonly range: Range;
    }
  | {
      /** Discriminant. */ readonly kind: "When";
      /** When the node is not applicable. */ readonly condition: Expr;
      /** What "not applicable" then means. */ readonly policy: NaPolicy;
      /** Where it stands. */ readonly range: Range;
    }
  | {
      /** Discriminant. */ readonly kind: "Score";
      /** The expression giving the points. */ readonly rule: Expr;
      /** Where it stands. */ readonly range: Range;
    }
  | {
      /** Discriminant. */ readonly kind: "ScoreGiven";
      /** The step the given points must be a multiple of (`score = given step 0.25`), when written. */ readonly step?: {
        /** The step as written. */ readonly text: string;
        /** Where it stands. */ readonly range: Range;
      };
      /** Where it stands. */ readonly range: Range;
    }
  | CriterionNode;

/**
 * A node option written in its header, before `{`.
 * @category Language
 */
export type NodeOption =
  | {
      /** Discriminant. */ readonly kind: "Weight";
      /** The weight as written. */ readonly text: string;
      /** Where it stands. */ readonly range: Range;
    }
  | {
      /** Discriminant. */ readonly kind: "AppliesWhen";
      /** The node applies only when this holds. */ readonly condition: Expr;
      /** Where it stands. */ readonly range: Range;
    }
  | {
      /** Discriminant. */ readonly kind: "FromSurvey";
      /** Where it stands. */ readonly range: Range;
    };

/**
 * An area, criterion or item: a node of the criterion tree.
 * @category Language
 */
export interface CriterionNode {
  /** Discriminant. */
  readonly kind: "Node";
  /** Which keyword introduced it. */
  readonly keyword: NodeKeyword;
  /** The published numbering, e.g. `"1.1.2"`. */
  readonly id: StringLit;
  /** The title, any Unicode. */
  readonly title: StringLit;
  /** The maximum points as written. */
  readonly max: {
    /** The number as written. */ readonly text: string;
    /** Where it stands. */ readonly range: Range;
  };
  /** Header options in source order. */
  readonly options: readonly NodeOption[];
  /** Body statements (children included) in source order. */
  readonly body: readonly NodeStatement[];
  /** The whole node, from its keyword to its closing brace. */
  readonly range: Range;
  /** Just the header, keyword to `{`: where diagnostics about the node point. */
  readonly headerRange: Range;
}

/**
 * A `bonus` or `penalty` block: points outside the tree's maximum.
 * @category Language
 */
export interface ExtraNode {
  /** Discriminant. */
  readonly kind: "Extra";
  /** Bonus adds to the total, penalty subtracts from it. */
  readonly sign: "bonus" | "penalty";
  /** Its id. */
  readonly id: StringLit;
  /** Its title. */
  readonly title: StringLit;
  /** Its cap, as written. */
  readonly max: {
    /** The number as written. */ readonly text: string;
    /** Where it stands. */ readonly range: Range;
  };
  /** Body statements in source order (no child nodes). */
  readonly body: readonly NodeStatement[];
  /** The whole block. */
  readonly range: Range;
  /** Keyword to `{`. */
  readonly headerRange: Range;
}

/**
 * A ranking sort key.
 * @category Language
 */
export interface SortKey {
  /** Discriminant. */
  readonly kind: "SortKey";
  /** What is compared. */
  readonly target:
    | {
        /** Discriminant. */ readonly kind: "Figure";
        /** Which figure of the unit. */ readonly name: "index" | "points" | "bonus" | "penalty";
      }
    | {
        /** Discriminant. */ readonly kind: "NodeKey";
        /** The keyword written before the id. */ readonly keyword: NodeKeyword;
        /** The node's id. */ readonly id: StringLit;
      };
  /** Direction; `desc` when not written. */
  readonly direction: "asc" | "desc";
  /** True when the direction was written explicitly. */
  readonly explicitDirection: boolean;
  /** The whole key. */
  readonly range: Range;
}

/**
 * A statement inside `ranking { … }`.
 * @category Language
 */
export type RankingStatement =
  | {
      /** Discriminant. */ readonly kind: "RankBy";
      /** The keys in order of precedence. */ readonly keys: readonly SortKey[];
      /** Where it stands. */ readonly range: Range;
    }
  | {
      /** Discriminant. */ readonly kind: "Ties";
      /** How tied units are numbered: `shared` 1, 2, 2, 4; `dense` 1, 2, 2, 3; `ordinal` 1, 2, 3, 4. */ readonly policy: "shared" | "dense" | "ordinal";
      /** Where it stands. */ readonly range: Range;
    }
  | {
      /** Discriminant. */ readonly kind: "RankOn";
      /** Whether units are compared on the published (rounded) or the exact figures. */ readonly figure: "published" | "exact";
      /** Where it stands. */ readonly range: Range;
    }
  | {
      /** Discriminant. */ readonly kind: "WithinGroup";
      /** Where it stands. */ readonly range: Range;
    }
  /** `eligible when <condition on unit facts> "reason"`: the others are scored, listed apart with the reason. */
  | {
      /** Discriminant. */ readonly kind: "Eligible";
      /** The condition on unit facts a unit must meet to be ranked. */ readonly condition: Expr;
      /** The reason shown for the units that do not meet it. */ readonly reason: StringLit;
      /** Where it stands. */ readonly range: Range;
    };

/**
 * `ranking { … }`.
 * @category Language
 */
export interface RankingBlock {
  /** Discriminant. */
  readonly kind: "Ranking";
  /** Its statements. */
  readonly statements: readonly RankingStatement[];
  /** The whole block. */
  readonly range: Range;
}

/**
 * One classification band: `"Tốt" when index >= 80` or `"Trung bình" otherwise`.
 * @category Language
 */
export interface BandDecl {
  /** Discriminant. */
  readonly kind: "Band";
  /** The band's label. */
  readonly label: StringLit;
  /** The condition; absent for `otherwise` and percentile bands. */
  readonly condition?: Expr;
  /** A percentile band: `from percentile 75` (inclusive) or `above percentile 75`. */
  readonly percentile?: PercentileCut;
  /** The whole band. */
  readonly range: Range;
}

/**
 * A word of the language that is not reserved (`percentile`, `above`, a method name), where it was written.
 * @category Language
 */
export interface Word {
  /** The word as written. */
  readonly text: string;
  /** Where. */
  readonly range: Range;
}

/**
 * `from percentile 75` / `above percentile 75` in a band.
 * @category Language
 */
export interface PercentileCut {
  /** The percentile as written (`75`). */
  readonly text: string;
  /** True for `from` (a unit at the cut-off is in the band), false for `above`. */
  readonly inclusive: boolean;
  /** The words written for `above` (when not `from`) and `percentile`, checked by the checker. */
  readonly words: readonly Word[];
  /** Where the number is. */
  readonly range: Range;
}

/**
 * `bands { … }` at rubric level: classification of units by index.
 * @category Language
 */
export interface BandsBlock {
  /** Discriminant. */
  readonly kind: "BandsBlock";
  /** Bands in order; the first that matches wins. */
  readonly bands: readonly BandDecl[];
  /** `in group "so"`: the unit group these bands classify; absent for every other unit. */
  readonly group?: StringLit;
  /** `by percentile inc`: the words written (checked by the checker). */
  readonly method?: {
    /** The word written for `percentile`. */
    readonly percentileWord: Word;
    /** The method's name as written (`inc`, `exc`, `nearest`). */
    readonly method: Word;
    /** Where `by percentile …` is. */
    readonly range: Range;
  };
  /** The whole block. */
  readonly range: Range;
}

/**
 * A statement at the top level of the rubric body.
 * @category Language
 */
export type RubricStatement =
  | {
      /** Discriminant. */ readonly kind: "Meta";
      /** Which field. */ readonly key: "id" | "version" | "basis" | "locale";
      /** Its value. */ readonly value: StringLit;
      /** Where it stands. */ readonly range: Range;
    }
  | {
      /** Discriminant. */ readonly kind: "Publish";
      /** The number of decimals published, as written. */ readonly precision: {
        /** The number as written. */ readonly text: string;
        /** Where it stands. */ readonly range: Range;
      };
      /** How figures are rounded to that precision (`half-up` when not written). */ readonly rounding?: RoundingMode;
      /** Where it stands. */ readonly range: Range;
    }
  | {
      /** Discriminant. */ readonly kind: "IndexFormula";
      /** The index as an expression of the rubric's figures. */ readonly formula: Expr;
      /** Where it stands. */ readonly range: Range;
    }
  | {
      /** Discriminant. */ readonly kind: "BonusMayExceed";
      /** Where it stands. */ readonly range: Range;
    }
  | {
      /** Discriminant. */ readonly kind: "NotApplicable";
      /** What "not applicable" means here. */ readonly policy: NaPolicy;
      /** Where it stands. */ readonly range: Range;
    }
  | {
      /** Discriminant. */ readonly kind: "UnitBlock";
      /** The unit facts declared. */ readonly facts: readonly Declaration[];
      /** Where it stands. */ readonly range: Range;
    }
  | CriterionNode
  | ExtraNode
  | RankingBlock
  | BandsBlock;

/**
 * The root: `rubric "title" { … }`.
 * @category Language
 */
export interface RubricFile {
  /** Discriminant. */
  readonly kind: "Rubric";
  /** The rubric's title. */
  readonly title: StringLit;
  /** Top-level statements in source order. */
  readonly body: readonly RubricStatement[];
  /** The whole file's rubric block. */
  readonly range: Range;
}
