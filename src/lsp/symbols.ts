/**
 * Every name of a parsed rubric with where it stands: declarations and uses of
 * inputs, lets, unit facts, enum members and node ids, plus function calls and types
 * (for semantic tokens). One walk over the AST's ranges, with an explicit stack, so
 * go-to-definition, references, hover and highlighting share one answer.
 * @module
 */
import type { CriterionNode, Declaration, Expr, ExtraNode, NodeStatement, RubricFile, TypeExpr } from "../syntax/ast.js";

/** What a name stands for. */
export type SymbolKind = "input" | "let" | "fact" | "member" | "node";

/** A node of the tree, or a bonus or penalty block: what owns inputs and lets. */
export type Owner = CriterionNode | ExtraNode;

/** One place a name is written. */
export interface Occurrence {
  /** What the name stands for. */
  readonly kind: SymbolKind;
  /** The name (a node's id for `node`). */
  readonly name: string;
  /** The node whose input or let it is; undefined for facts, members and node ids. */
  readonly owner: Owner | undefined;
  /** First offset of the written name (a node id's opening quote). */
  readonly start: number;
  /** Offset just after it. */
  readonly end: number;
  /** True where the name is declared. */
  readonly definition: boolean;
}

/** A span to colour that is not a name: a function's name in a call, a type. */
export interface Mark {
  /** `function` or `type`. */
  readonly kind: "function" | "type";
  /** First offset. */
  readonly start: number;
  /** Offset just after. */
  readonly end: number;
}

/** The names of one rubric. */
export interface SymbolIndex {
  /** Every occurrence, in no particular order. */
  readonly occurrences: readonly Occurrence[];
  /** Function names and types. */
  readonly marks: readonly Mark[];
  /** Every node and bonus/penalty block with its parent, in source order. */
  readonly owners: readonly { readonly node: Owner; readonly parent: CriterionNode | undefined }[];
  /** Declared unit facts by name. */
  readonly facts: ReadonlyMap<string, Declaration>;
}

/** Whether two occurrences name the same thing. */
export function sameSymbol(a: Occurrence, b: Occurrence): boolean {
  return a.kind === b.kind && a.name === b.name && a.owner === b.owner;
}

/**
 * The occurrence under an offset (a cursor touching a name's end counts).
 * @param index - the rubric's names
 * @param offset - the cursor
 */
export function occurrenceAt(index: SymbolIndex, offset: number): Occurrence | undefined {
  let best: Occurrence | undefined;
  for (const o of index.occurrences) {
    if (o.start <= offset && offset <= o.end && (best === undefined || o.end - o.start < best.end - best.start)) best = o;
  }
  return best;
}

/**
 * Indexes every name of a rubric.
 * @param ast - a parsed rubric
 */
export function indexSymbols(ast: RubricFile): SymbolIndex {
  const occurrences: Occurrence[] = [];
  const marks: Mark[] = [];
  const owners: { node: Owner; parent: CriterionNode | undefined }[] = [];
  const facts = new Map<string, Declaration>();
  const add = (kind: SymbolKind, name: string, owner: Owner | undefined, start: number, end: number, definition: boolean): void => {
    occurrences.push({ kind, name, owner, start, end, definition });
  };
  const declare = (d: Declaration, kind: "input" | "fact", owner: Owner | undefined): void => {
    add(kind, d.name.name, owner, d.name.range.start.offset, d.name.range.end.offset, true);
    typeMarks(d.type, marks, (name, start, end) => add("member", name, undefined, start, end, true));
  };

  const expressions: { expr: Expr; owner: Owner | undefined }[] = [];
  const pending: { node: Owner; parent: CriterionNode | undefined }[] = [];
  for (const st of ast.body) {
    switch (st.kind) {
      case "UnitBlock":
        for (const fact of st.facts) {
          if (!facts.has(fact.name.name)) facts.set(fact.name.name, fact);
          declare(fact, "fact", undefined);
        }
        break;
      case "IndexFormula": expressions.push({ expr: st.formula, owner: undefined }); break;
      case "BandsBlock":
        for (const band of st.bands) if (band.condition !== undefined) expressions.push({ expr: band.condition, owner: undefined });
        break;
      case "Ranking":
        for (const r of st.statements) {
          if (r.kind !== "RankBy") continue;
          for (const key of r.keys) if (key.target.kind === "NodeKey") add("node", key.target.id.value, undefined, key.target.id.range.start.offset, key.target.id.range.end.offset, false);
        }
        break;
      case "Node": case "Extra": pending.push({ node: st, parent: undefined }); break;
      default: break;
    }
  }
  // Source order: the stack takes the last pushed first.
  pending.reverse();
  while (pending.length > 0) {
    const entry = pending.pop()!;
    owners.push(entry);
    const { node } = entry;
    add("node", node.id.value, undefined, node.id.range.start.offset, node.id.range.end.offset, true);
    if (node.kind === "Node") for (const option of node.options) if (option.kind === "AppliesWhen") expressions.push({ expr: option.condition, owner: undefined });
    const children: CriterionNode[] = [];
    for (const st of node.body) statementNames(st, node, declare, add, expressions, children);
    for (let i = children.length - 1; i >= 0; i--) pending.push({ node: children[i]!, parent: node.kind === "Node" ? node : undefined });
  }
  for (const { expr, owner } of expressions) expressionNames(expr, owner, add, marks);
  return { occurrences, marks, owners, facts };
}

type Add = (kind: SymbolKind, name: string, owner: Owner | undefined, start: number, end: number, definition: boolean) => void;

function statementNames(
  st: NodeStatement,
  owner: Owner,
  declare: (d: Declaration, kind: "input", owner: Owner) => void,
  add: Add,
  expressions: { expr: Expr; owner: Owner | undefined }[],
  children: CriterionNode[],
): void {
  switch (st.kind) {
    case "Input": for (const d of st.declarations) declare(d, "input", owner); break;
    case "Let":
      add("let", st.name.name, owner, st.name.range.start.offset, st.name.range.end.offset, true);
      expressions.push({ expr: st.value, owner });
      break;
    case "When": expressions.push({ expr: st.condition, owner }); break;
    case "Score": expressions.push({ expr: st.rule, owner }); break;
    case "Node": children.push(st); break;
    default: break;
  }
}

function typeMarks(type: TypeExpr, marks: Mark[], member: (name: string, start: number, end: number) => void): void {
  const scalar = type.kind === "ListType" ? type.element : type;
  if (scalar.kind === "EnumType") {
    for (const m of scalar.members) member(m.name, m.range.start.offset, m.range.end.offset);
    return;
  }
  // A type's keyword is its first word (`count in 0..5`, `list of likert(1..5)`).
  const keyword = type.kind === "ListType" ? "list" : scalar.kind === "LikertType" ? "likert" : scalar.name;
  marks.push({ kind: "type", start: type.range.start.offset, end: type.range.start.offset + keyword.length });
}

/** Which declaration a bare name in a node's expression means: a let, else an input, else an enum member. */
function resolve(name: string, owner: Owner | undefined): "let" | "input" | "member" {
  if (owner === undefined) return "member";
  let input = false;
  for (const st of owner.body) {
    if (st.kind === "Let" && st.name.name === name) return "let";
    if (st.kind === "Input" && st.declarations.some((d) => d.name.name === name)) input = true;
  }
  return input ? "input" : "member";
}

function expressionNames(root: Expr, owner: Owner | undefined, add: Add, marks: Mark[]): void {
  const stack: Expr[] = [root];
  while (stack.length > 0) {
    const e = stack.pop()!;
    switch (e.kind) {
      case "NameRef": {
        const kind = resolve(e.name, owner);
        add(kind, e.name, kind === "member" ? undefined : owner, e.range.start.offset, e.range.end.offset, false);
        break;
      }
      case "UnitRef": add("fact", e.name, undefined, e.range.end.offset - e.name.length, e.range.end.offset, false); break;
      case "Unary": stack.push(e.operand); break;
      case "Binary": stack.push(e.left, e.right); break;
      case "If": stack.push(e.condition, e.then, e.otherwise); break;
      case "Call":
        marks.push({ kind: "function", start: e.range.start.offset, end: e.range.start.offset + e.callee.length });
        stack.push(...e.args);
        break;
      case "Bands":
        stack.push(e.subject, ...e.arms.flatMap((a) => [a.threshold, a.value]));
        if (e.otherwise !== undefined) stack.push(e.otherwise);
        break;
      case "Paren": stack.push(e.inner); break;
      case "Match":
        stack.push(e.subject, ...e.arms.map((a) => a.value));
        if (e.otherwise !== undefined) stack.push(e.otherwise);
        break;
      case "Cohort": stack.push(...e.args); break;
      default: break;
    }
  }
}
