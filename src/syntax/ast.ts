/**
 * The typed abstract syntax tree of a `.rubric` file.
 *
 * Every node has a `kind` discriminant and a source `range`. The AST keeps what the
 * author wrote (literals as their source text, so no binary floating point ever
 * touches a number); meaning is added later by `check/` and `compile/`.
 * @module
 */

/** A position in the source: 1-based line and column, 0-based character offset. */
export interface Position {
  /** 1-based line number. */
  readonly line: number;
  /** 1-based column, counted in UTF-16 code units. */
  readonly column: number;
  /** 0-based offset into the source string. */
  readonly offset: number;
}

/** A half-open span of source text: `start` inclusive, `end` exclusive. */
export interface Range {
  /** First character of the span. */
  readonly start: Position;
  /** Position just after the last character of the span. */
  readonly end: Position;
}

/** A string literal with its decoded value and where it was written. */
export interface StringLit {
  /** Discriminant. */
  readonly kind: "String";
  /** The decoded text (escapes resolved). */
  readonly value: string;
  /** Where the literal stands, quotes included. */
  readonly range: Range;
}

/** An identifier with where it was written. */
export interface Identifier {
  /** Discriminant. */
  readonly kind: "Identifier";
  /** The name as written. */
  readonly name: string;
  /** Where it stands. */
  readonly range: Range;
}

/** Rounding modes for published figures. */
export type RoundingMode = "half-up" | "half-even" | "half-down" | "up" | "down";

/** What "not applicable" means for a node. */
export type NaPolicy = "full" | "exclude" | "zero";

/** How an inner node combines its children's points. */
export type Aggregation = "sum" | "weighted" | "mean" | "min" | "normalised";

/** The keyword that introduced a tree node; levels nest freely. */
export type NodeKeyword = "area" | "criterion" | "item";

// ---------------------------------------------------------------- types

/** A numeric bound written in a type range, kept as source text (e.g. `"-5"`, `"100"`). */
export interface Bound {
  /** The decimal as text, sign included; a percent bound is given in percent points. */
  readonly value: string;
  /** True when written with `%`. */
  readonly percent: boolean;
  /** Where it stands. */
  readonly range: Range;
}

/** A scalar input type. */
export type ScalarType =
  | { readonly kind: "NumberType"; readonly name: "number" | "count" | "percent"; readonly min?: Bound; readonly max?: Bound; readonly range: Range }
  | { readonly kind: "LikertType"; readonly min: Bound; readonly max: Bound; readonly range: Range }
  | { readonly kind: "SimpleType"; readonly name: "bool" | "date" | "text"; readonly range: Range }
  | { readonly kind: "EnumType"; readonly members: readonly Identifier[]; readonly range: Range };

/** An input type: a scalar or `list of` a scalar. */
export type TypeExpr = ScalarType | { readonly kind: "ListType"; readonly element: ScalarType; readonly range: Range };

/** `name "label": type`, in `input` statements and `unit { … }` blocks. */
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

/** Binary operators, arithmetic, comparison and logical. */
export type BinaryOp = "+" | "-" | "*" | "/" | "==" | "!=" | "<" | "<=" | ">" | ">=" | "and" | "or";

/** Comparison operators (also used by `bands` arms). */
export type CompareOp = "==" | "!=" | "<" | "<=" | ">" | ">=";

/** Names of the built-in functions. */
export type FunctionName = "min" | "max" | "clamp" | "round" | "floor" | "ceil" | "abs" | "sum" | "mean" | "count" | "ratio";

/** Keywords that stand for a figure of the whole rubric or node. */
export type Builtin = "max" | "points" | "index" | "bonus" | "penalty";

/** One arm of a `bands` expression: `>= 80%: 0.5`. */
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

/** An expression. */
export type Expr =
  | { readonly kind: "NumberLit"; readonly text: string; readonly range: Range }
  | { readonly kind: "PercentLit"; readonly text: string; readonly range: Range }
  | { readonly kind: "DateLit"; readonly text: string; readonly range: Range }
  | { readonly kind: "BoolLit"; readonly value: boolean; readonly range: Range }
  | { readonly kind: "NameRef"; readonly name: string; readonly range: Range }
  | { readonly kind: "UnitRef"; readonly name: string; readonly range: Range }
  | { readonly kind: "BuiltinRef"; readonly name: Builtin; readonly range: Range }
  | { readonly kind: "Unary"; readonly op: "-" | "not"; readonly operand: Expr; readonly range: Range }
  | { readonly kind: "Binary"; readonly op: BinaryOp; readonly left: Expr; readonly right: Expr; readonly range: Range }
  | { readonly kind: "If"; readonly condition: Expr; readonly then: Expr; readonly otherwise: Expr; readonly range: Range }
  | { readonly kind: "Call"; readonly callee: FunctionName; readonly args: readonly Expr[]; readonly range: Range }
  | { readonly kind: "Bands"; readonly subject: Expr; readonly arms: readonly BandArm[]; readonly otherwise?: Expr; readonly range: Range }
  | { readonly kind: "Paren"; readonly inner: Expr; readonly range: Range }
  /** `cohort.max(x)`: a figure over the units ranked together (`stat` as written; the checker knows the statistics). */
  | { readonly kind: "Cohort"; readonly stat: string; readonly args: readonly Expr[]; readonly range: Range };

// ---------------------------------------------------------------- statements

/** A statement inside a node, bonus or penalty body. */
export type NodeStatement =
  | { readonly kind: "Description"; readonly text: StringLit; readonly range: Range }
  | { readonly kind: "Evidence"; readonly items: readonly StringLit[]; readonly range: Range }
  | { readonly kind: "Aggregate"; readonly method: Aggregation; readonly range: Range }
  | { readonly kind: "Unclamped"; readonly range: Range }
  | { readonly kind: "NotApplicable"; readonly policy: NaPolicy; readonly range: Range }
  | { readonly kind: "Input"; readonly declarations: readonly Declaration[]; readonly range: Range }
  | { readonly kind: "Let"; readonly name: Identifier; readonly value: Expr; readonly range: Range }
  | { readonly kind: "When"; readonly condition: Expr; readonly policy: NaPolicy; readonly range: Range }
  | { readonly kind: "Score"; readonly rule: Expr; readonly range: Range }
  | { readonly kind: "ScoreGiven"; readonly step?: { readonly text: string; readonly range: Range }; readonly range: Range }
  | CriterionNode;

/** A node option written in its header, before `{`. */
export type NodeOption =
  | { readonly kind: "Weight"; readonly text: string; readonly range: Range }
  | { readonly kind: "AppliesWhen"; readonly condition: Expr; readonly range: Range }
  | { readonly kind: "FromSurvey"; readonly range: Range };

/** An area, criterion or item: a node of the criterion tree. */
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
  readonly max: { readonly text: string; readonly range: Range };
  /** Header options in source order. */
  readonly options: readonly NodeOption[];
  /** Body statements (children included) in source order. */
  readonly body: readonly NodeStatement[];
  /** The whole node, from its keyword to its closing brace. */
  readonly range: Range;
  /** Just the header, keyword to `{`: where diagnostics about the node point. */
  readonly headerRange: Range;
}

/** A `bonus` or `penalty` block: points outside the tree's maximum. */
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
  readonly max: { readonly text: string; readonly range: Range };
  /** Body statements in source order (no child nodes). */
  readonly body: readonly NodeStatement[];
  /** The whole block. */
  readonly range: Range;
  /** Keyword to `{`. */
  readonly headerRange: Range;
}

/** A ranking sort key. */
export interface SortKey {
  /** Discriminant. */
  readonly kind: "SortKey";
  /** What is compared. */
  readonly target:
    | { readonly kind: "Figure"; readonly name: "index" | "points" | "bonus" | "penalty" }
    | { readonly kind: "NodeKey"; readonly keyword: NodeKeyword; readonly id: StringLit };
  /** Direction; `desc` when not written. */
  readonly direction: "asc" | "desc";
  /** True when the direction was written explicitly. */
  readonly explicitDirection: boolean;
  /** The whole key. */
  readonly range: Range;
}

/** A statement inside `ranking { … }`. */
export type RankingStatement =
  | { readonly kind: "RankBy"; readonly keys: readonly SortKey[]; readonly range: Range }
  | { readonly kind: "Ties"; readonly policy: "shared" | "dense" | "ordinal"; readonly range: Range }
  | { readonly kind: "RankOn"; readonly figure: "published" | "exact"; readonly range: Range }
  | { readonly kind: "WithinGroup"; readonly range: Range }
  /** `eligible when <condition on unit facts> "reason"`: the others are scored, listed apart with the reason. */
  | { readonly kind: "Eligible"; readonly condition: Expr; readonly reason: StringLit; readonly range: Range };

/** `ranking { … }`. */
export interface RankingBlock {
  /** Discriminant. */
  readonly kind: "Ranking";
  /** Its statements. */
  readonly statements: readonly RankingStatement[];
  /** The whole block. */
  readonly range: Range;
}

/** One classification band: `"Tốt" when index >= 80` or `"Trung bình" otherwise`. */
export interface BandDecl {
  /** Discriminant. */
  readonly kind: "Band";
  /** The band's label. */
  readonly label: StringLit;
  /** The condition; absent for `otherwise`. */
  readonly condition?: Expr;
  /** The whole band. */
  readonly range: Range;
}

/** `bands { … }` at rubric level: classification of units by index. */
export interface BandsBlock {
  /** Discriminant. */
  readonly kind: "BandsBlock";
  /** Bands in order; the first that matches wins. */
  readonly bands: readonly BandDecl[];
  /** The whole block. */
  readonly range: Range;
}

/** A statement at the top level of the rubric body. */
export type RubricStatement =
  | { readonly kind: "Meta"; readonly key: "id" | "version" | "basis" | "locale"; readonly value: StringLit; readonly range: Range }
  | { readonly kind: "Publish"; readonly precision: { readonly text: string; readonly range: Range }; readonly rounding?: RoundingMode; readonly range: Range }
  | { readonly kind: "IndexFormula"; readonly formula: Expr; readonly range: Range }
  | { readonly kind: "BonusMayExceed"; readonly range: Range }
  | { readonly kind: "NotApplicable"; readonly policy: NaPolicy; readonly range: Range }
  | { readonly kind: "UnitBlock"; readonly facts: readonly Declaration[]; readonly range: Range }
  | CriterionNode
  | ExtraNode
  | RankingBlock
  | BandsBlock;

/** The root: `rubric "title" { … }`. */
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
