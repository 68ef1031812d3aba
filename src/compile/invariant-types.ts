/**
 * The type invariants of compiled expressions, as the checker guarantees them for
 * compiled output: every name resolved in its scope (inputs and earlier lets of the
 * node, unit facts, rubric figures only where they exist), every operator and function
 * given the types and number of arguments it takes, enum values members of their enum.
 * Used by `loadCompiled` so a stored rubric, edited and resealed, cannot make the
 * runtime compute nonsense. Pure; recursion is bounded by `loadCompiled`'s depth check.
 * @module
 */
import type { Locale } from "../diagnostics.js";
import { matchTy, tallyTy } from "./invariant-answers.js";
import { INVARIANT, TYPE_WORDS } from "./invariant-messages.js";
import type { CompiledExpr, CompiledType } from "./types.js";

/** A type as expressions see it; `member` is a bare enum value, `bad` one already reported. */
export type Ty =
  | { readonly k: "num" | "bool" | "date" | "text" | "bad" }
  | { readonly k: "enum"; readonly members: readonly string[] }
  | { readonly k: "list"; readonly el: Ty }
  | { readonly k: "member"; readonly value: string };

/** A problem found, with its JSON path. */
export interface PathIssue {
  /** Where. */
  readonly path: readonly (string | number)[];
  /** What. */
  readonly message: string;
}

/** What an expression may use where it stands. */
export interface ExprScope {
  /** The node's inputs (leaf rules only). */
  readonly inputs?: ReadonlyMap<string, CompiledType>;
  /** The node's lets, in order, with their types (leaf rules only). */
  readonly lets?: ReadonlyMap<string, { readonly order: number; readonly type: Ty }>;
  /** Lets before this order are visible (the rule and `when` clauses see all). */
  readonly letOrder: number;
  /** Unit facts, where they may be read. */
  readonly facts?: ReadonlyMap<string, CompiledType>;
  /** Whether `max` (the node's maximum) may be read. */
  readonly allowMax: boolean;
  /** Rubric figures that may be read here. */
  readonly figures: ReadonlySet<string>;
  /** Whether a cohort figure may stand here (a let, a rule, the index formula; never inside another's argument). */
  readonly allowCohort?: boolean;
  /** Message language. */
  readonly locale: Locale;
  /** Where issues go. */
  readonly out: PathIssue[];
  /** The element type inside a `tally` condition, where `item` may be read. */
  readonly item?: Ty;
}

const NUM: Ty = { k: "num" };
const BOOL: Ty = { k: "bool" };
const BAD: Ty = { k: "bad" };

/**
 * The expression-level type of a declared type.
 * @param t - a declared type
 */
export function tyOf(t: CompiledType): Ty {
  switch (t.kind) {
    case "number": case "count": case "percent": case "likert": return NUM;
    case "bool": case "date": case "text": return { k: t.kind };
    case "enum": return { k: "enum", members: t.members };
    case "list": return { k: "list", el: tyOf(t.element) };
  }
}

function describe(t: Ty, locale: Locale): string {
  const w = TYPE_WORDS[locale];
  if (t.k === "enum") return `enum(${t.members.join(", ")})`;
  if (t.k === "list") return t.el.k === "num" ? w["list-num"]! : w["list"]!;
  if (t.k === "member") return `"${t.value}"`;
  return w[t.k] ?? t.k;
}

function same(a: Ty, b: Ty): boolean {
  if (a.k !== b.k) return false;
  if (a.k === "enum" && b.k === "enum") return a.members.join("\u0000") === b.members.join("\u0000");
  if (a.k === "list" && b.k === "list") return same(a.el, b.el);
  return true;
}

/**
 * Checks that an expression has a wanted type; reports at its path.
 * @param e - the expression
 * @param wanted - the type it must have
 * @param path - its JSON path
 * @param scope - what it may use
 */
export function expectTy(e: CompiledExpr, wanted: Ty, path: readonly (string | number)[], scope: ExprScope): void {
  const t = exprTy(e, path, scope);
  if (t.k === "bad" || same(t, wanted)) return;
  scope.out.push({ path, message: INVARIANT.wrongType(scope.locale, describe(wanted, scope.locale), describe(t, scope.locale)) });
}

/** Two sides of a comparison: numbers, dates, or (for equality) a bool or an enum with its member. */
function compare(left: Ty, right: Ty, equality: boolean, path: readonly (string | number)[], scope: ExprScope): void {
  if (left.k === "bad" || right.k === "bad") return;
  const enumOf = (t: Ty, m: Ty): boolean => t.k === "enum" && m.k === "member" && equality;
  if (enumOf(left, right) || enumOf(right, left)) {
    const [en, member] = left.k === "enum" ? [left, right] : [right, left];
    const members = (en as Extract<Ty, { k: "enum" }>).members;
    const value = (member as Extract<Ty, { k: "member" }>).value;
    if (!members.includes(value)) scope.out.push({ path, message: INVARIANT.notMember(scope.locale, value, members.join(", ")) });
    return;
  }
  const ok = (left.k === "num" && right.k === "num") || (left.k === "date" && right.k === "date") || (equality && same(left, right) && (left.k === "bool" || left.k === "enum"));
  if (!ok) scope.out.push({ path, message: INVARIANT.wrongType(scope.locale, describe(left, scope.locale), describe(right, scope.locale)) });
}

const ARITY: Readonly<Record<string, string>> = {
  clamp: "3 numbers", ratio: "2 numbers", floor: "1 number", ceil: "1 number", abs: "1 number", round: "2 arguments",
  sum: "1 list of numbers", mean: "1 list of numbers", count: "1 list", min: "1 list or numbers", max: "1 list or numbers",
};

function callTy(e: Extract<CompiledExpr, { op: "call" }>, path: readonly (string | number)[], scope: ExprScope): Ty {
  const n = e.args.length;
  const arg = (i: number): readonly (string | number)[] => [...path, "args", i];
  const arity = (): Ty => {
    scope.out.push({ path, message: INVARIANT.arity(scope.locale, e.fn, ARITY[e.fn] ?? "", n) });
    return NUM;
  };
  switch (e.fn) {
    case "min": case "max":
      if (n === 0) return arity();
      if (n === 1) expectTy(e.args[0]!, { k: "list", el: NUM }, arg(0), scope);
      else e.args.forEach((a, i) => expectTy(a, NUM, arg(i), scope));
      return NUM;
    case "sum": case "mean": case "count": {
      if (n !== 1) return arity();
      const t = exprTy(e.args[0]!, arg(0), scope);
      const fits = t.k === "list" && (e.fn === "count" || t.el.k === "num");
      if (t.k !== "bad" && !fits) scope.out.push({ path: arg(0), message: INVARIANT.wrongType(scope.locale, TYPE_WORDS[scope.locale][e.fn === "count" ? "list" : "list-num"]!, describe(t, scope.locale)) });
      return NUM;
    }
    case "round": {
      if (n !== 2) return arity();
      expectTy(e.args[0]!, NUM, arg(0), scope);
      const d = e.args[1]!;
      if (d.op !== "num" || !/^\d{1,2}$/.test(d.value) || Number(d.value) > 50) scope.out.push({ path: arg(1), message: INVARIANT.roundDigits(scope.locale) });
      return NUM;
    }
    default: {
      const wanted = e.fn === "clamp" ? 3 : e.fn === "ratio" ? 2 : 1;
      if (n !== wanted) return arity();
      e.args.forEach((a, i) => expectTy(a, NUM, arg(i), scope));
      return NUM;
    }
  }
}

function nameTy(e: Extract<CompiledExpr, { op: "input" | "let" | "unit" }>, path: readonly (string | number)[], scope: ExprScope): Ty {
  const w = TYPE_WORDS[scope.locale];
  const unknown = (kind: string): Ty => {
    scope.out.push({ path, message: INVARIANT.unknownName(scope.locale, kind, e.name) });
    return BAD;
  };
  if (e.op === "input") {
    const t = scope.inputs?.get(e.name);
    if (t === undefined) return unknown(w["input"]!);
    if (t.kind === "text") {
      scope.out.push({ path, message: INVARIANT.notHere(scope.locale, `${w["text"]} "${e.name}"`) });
      return BAD;
    }
    return tyOf(t);
  }
  if (e.op === "let") {
    const l = scope.lets?.get(e.name);
    return l === undefined || l.order >= scope.letOrder ? unknown(w["let"]!) : l.type;
  }
  const f = scope.facts?.get(e.name);
  if (f === undefined) return unknown(w["fact"]!);
  if (f.kind === "text") {
    scope.out.push({ path, message: INVARIANT.notHere(scope.locale, `${w["text"]} "unit.${e.name}"`) });
    return BAD;
  }
  return tyOf(f);
}

/**
 * The type of an expression, reporting every broken invariant inside it.
 * @param e - the expression
 * @param path - its JSON path
 * @param scope - what it may use
 */
export function exprTy(e: CompiledExpr, path: readonly (string | number)[], scope: ExprScope): Ty {
  const at = (...more: (string | number)[]): readonly (string | number)[] => [...path, ...more];
  switch (e.op) {
    case "num": return NUM;
    case "bool": return BOOL;
    case "date": return { k: "date" };
    case "enum": return { k: "member", value: e.value };
    case "input": case "let": case "unit": return nameTy(e, path, scope);
    case "max":
      if (scope.allowMax) return NUM;
      scope.out.push({ path, message: INVARIANT.notHere(scope.locale, TYPE_WORDS[scope.locale]["max"]!) });
      return BAD;
    case "figure":
      if (scope.figures.has(e.name)) return NUM;
      scope.out.push({ path, message: INVARIANT.notHere(scope.locale, `${TYPE_WORDS[scope.locale]["figure"]} '${e.name}'`) });
      return BAD;
    case "neg": expectTy(e.arg, NUM, at("arg"), scope); return NUM;
    case "not": expectTy(e.arg, BOOL, at("arg"), scope); return BOOL;
    case "add": case "sub": case "mul": case "div":
      expectTy(e.left, NUM, at("left"), scope);
      expectTy(e.right, NUM, at("right"), scope);
      return NUM;
    case "and": case "or":
      expectTy(e.left, BOOL, at("left"), scope);
      expectTy(e.right, BOOL, at("right"), scope);
      return BOOL;
    case "eq": case "ne": case "lt": case "le": case "gt": case "ge":
      compare(exprTy(e.left, at("left"), scope), exprTy(e.right, at("right"), scope), e.op === "eq" || e.op === "ne", path, scope);
      return BOOL;
    case "if": {
      expectTy(e.cond, BOOL, at("cond"), scope);
      const then = exprTy(e.then, at("then"), scope);
      if (then.k !== "bad") expectTy(e.else, then, at("else"), scope);
      return then;
    }
    case "call": return callTy(e, path, scope);
    case "tally": return tallyTy(e, path, scope, OPS);
    case "match": return matchTy(e, path, scope, OPS);
    case "item":
      if (scope.item !== undefined) return scope.item;
      scope.out.push({ path, message: INVARIANT.notHere(scope.locale, "item") });
      return BAD;
    case "cohort":
      if (scope.allowCohort !== true) {
        scope.out.push({ path, message: INVARIANT.notHere(scope.locale, `cohort.${e.stat}`) });
        return BAD;
      }
      expectTy(e.arg, NUM, at("arg"), { ...scope, allowCohort: false });
      // rescale's scale: two numbers, low below high (what the checker proves of the source).
      if ((e.stat === "rescale") !== (e.scale !== undefined) || (e.scale !== undefined && (e.scale.length !== 2 || !(Number(e.scale[0]) < Number(e.scale[1]))))) {
        scope.out.push({ path: at("scale"), message: INVARIANT.notHere(scope.locale, "scale") });
      }
      return NUM;
    case "bands": {
      const subject = exprTy(e.subject, at("subject"), scope);
      if (subject.k !== "bad" && subject.k !== "num" && subject.k !== "date") scope.out.push({ path: at("subject"), message: INVARIANT.wrongType(scope.locale, `${describe(NUM, scope.locale)} / ${describe({ k: "date" }, scope.locale)}`, describe(subject, scope.locale)) });
      let result: Ty | undefined;
      e.arms.forEach((arm, i) => {
        if (subject.k === "num" || subject.k === "date") expectTy(arm.threshold, subject, at("arms", i, "threshold"), scope);
        if (result === undefined || result.k === "bad") result = exprTy(arm.value, at("arms", i, "value"), scope);
        else expectTy(arm.value, result, at("arms", i, "value"), scope);
      });
      if (e.otherwise !== undefined) {
        if (result === undefined || result.k === "bad") result = exprTy(e.otherwise, at("otherwise"), scope);
        else expectTy(e.otherwise, result, at("otherwise"), scope);
      }
      return result ?? BAD;
    }
  }
}

const OPS = { exprTy, expectTy };
