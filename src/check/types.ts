/**
 * Name resolution and type checking of expressions. One pass per expression infers
 * its type and reports unknown names (with "did you mean"), use before definition,
 * text in a rule, builtins out of place, and operands of the wrong type.
 * @module
 */
import type { Expr, Range, ScalarType, TypeExpr } from "../syntax/ast.js";
import { makeDiagnostic, type Diagnostic } from "../diagnostics.js";
import { inferCall } from "./calls.js";
import { inferMatch } from "./answers.js";
import { inferCohort } from "./cohort.js";
import { closest } from "./walk.js";

/** The type of an expression. `unknown` follows an error, so one mistake is reported once. */
export type Ty =
  | { readonly k: "num"; readonly whole?: readonly [number, number] }
  | { readonly k: "bool" }
  | { readonly k: "date" }
  | { readonly k: "text" }
  | { readonly k: "enum"; readonly members: readonly string[] }
  | { readonly k: "list"; readonly el: Ty }
  | { readonly k: "unknown" }
  | { readonly k: "member"; readonly name: string; readonly range: Range };

const NUM: Ty = { k: "num" };
const BOOL: Ty = { k: "bool" };
const UNKNOWN: Ty = { k: "unknown" };

/** Where an expression stands, which decides what its names may be. */
export type ExprPlace = "rule" | "applies" | "index" | "bands" | "eligible" | "when";

/** What names mean inside one expression. */
export interface Scope {
  /** Where the expression stands. */
  readonly place: ExprPlace;
  /** Inputs of the enclosing node (empty outside nodes). */
  readonly inputs: ReadonlyMap<string, Ty>;
  /** Lets of the enclosing node with their position; only earlier ones are visible. */
  readonly lets: ReadonlyMap<string, { readonly order: number; readonly type: Ty; readonly body?: Expr }>;
  /** Position of the let being defined (Infinity outside a let). */
  readonly letOrder: number;
  /** Unit facts. */
  readonly facts: ReadonlyMap<string, Ty>;
  /** Names used, for the unused-input warning. */
  readonly used: Set<string>;
  /** Where diagnostics go. */
  readonly out: Diagnostic[];
  /** True inside the condition of `count(…)`/`share(…)`, where another may not stand. */
  readonly tallying?: boolean;
}

/** Converts a declared type to a checker type. */
export function tyOf(type: TypeExpr): Ty {
  if (type.kind === "ListType") return { k: "list", el: scalarTy(type.element) };
  return scalarTy(type);
}

function scalarTy(type: ScalarType): Ty {
  switch (type.kind) {
    case "LikertType": return wholeTy(type.min.value, type.max.value) ?? NUM;
    case "NumberType": return (type.name === "count" && type.min !== undefined && type.max !== undefined ? wholeTy(type.min.value, type.max.value) : undefined) ?? NUM;
    case "SimpleType": return type.name === "bool" ? BOOL : { k: type.name };
    case "EnumType": return { k: "enum", members: type.members.map((m) => m.name) };
  }
}

/** Most values a `match` lists one by one: a wider whole range needs `else`. */
const MAX_LISTED_VALUES = 1000;

/** The whole values `low..high` a likert or ranged count takes, when few enough to list. */
function wholeTy(low: string, high: string): Ty | undefined {
  const [lo, hi] = [Math.ceil(Number(low)), Math.floor(Number(high))];
  if (!Number.isSafeInteger(lo) || !Number.isSafeInteger(hi) || hi < lo || hi - lo >= MAX_LISTED_VALUES) return undefined;
  return { k: "num", whole: [lo, hi] };
}

/** How a type is named in messages. */
export function describeTy(t: Ty): string {
  switch (t.k) {
    case "num": return "a number";
    case "bool": return "a true/false value";
    case "date": return "a date";
    case "text": return "text";
    case "enum": return `a value of enum(${t.members.join(", ")})`;
    case "list": return `a list of ${describeTy(t.el).replace(/^an? /, "")}s`;
    case "member": return `the name '${t.name}'`;
    case "unknown": return "an unknown value";
  }
}

const FIGURES_BY_PLACE: Readonly<Record<ExprPlace, readonly string[]>> = {
  rule: ["max"],
  applies: [],
  index: ["points", "max", "bonus", "penalty"],
  bands: ["index", "points", "max", "bonus", "penalty"],
  eligible: [],
  when: ["max"],
};

const WHY_NOT: Readonly<Record<ExprPlace, string>> = {
  rule: "a node's rule sees its inputs, lets and 'max'; rubric figures exist only after every node is scored",
  applies: "'applies when' can use only unit facts (unit.…) and values",
  index: "the index formula can use points, max, bonus and penalty",
  bands: "a band condition can use index, points, max, bonus and penalty",
  eligible: "'eligible when' can use only unit facts (unit.…) and values",
  when: "a node's rule sees its inputs, lets and 'max'; rubric figures exist only after every node is scored",
};

/**
 * Infers an expression's type, reporting every problem found into `scope.out`.
 * A bare name that is not an input or let comes back as `member`, to be resolved
 * by the comparison it stands in (an enum value); anywhere else it is unknown.
 * @param e - the expression
 * @param scope - what its names mean
 */
export function infer(e: Expr, scope: Scope): Ty {
  switch (e.kind) {
    case "NumberLit": case "PercentLit": return NUM;
    case "DateLit":
      if (!isCalendarDate(e.text)) scope.out.push(makeDiagnostic("RL305", e.range, { args: { what: `The date ${e.text}`, must: "a real calendar date", value: e.text } }));
      return { k: "date" };
    case "BoolLit": return BOOL;
    case "Paren": return infer(e.inner, scope);
    case "NameRef": return resolveName(e.name, e.range, scope);
    case "UnitRef": {
      const fact = scope.facts.get(e.name);
      if (fact === undefined) {
        const suggestion = closest(e.name, scope.facts.keys());
        scope.out.push(makeDiagnostic("RL203", e.range, suggestion === undefined ? { args: { name: e.name } } : { args: { name: e.name, suggestion }, suggestion: `unit.${suggestion}` }));
        return UNKNOWN;
      }
      if (fact.k === "text") {
        scope.out.push(makeDiagnostic("RL303", e.range, { args: { name: `unit.${e.name}` } }));
        return UNKNOWN;
      }
      return fact;
    }
    case "BuiltinRef":
      if (!FIGURES_BY_PLACE[scope.place].includes(e.name)) {
        scope.out.push(makeDiagnostic("RL207", e.range, { args: { name: e.name, why: WHY_NOT[scope.place] } }));
        return UNKNOWN;
      }
      return NUM;
    case "Unary":
      return e.op === "-" ? (expect(e.operand, NUM, scope), NUM) : (expect(e.operand, BOOL, scope), BOOL);
    case "Binary": return inferBinary(e, scope);
    case "If": {
      expect(e.condition, BOOL, scope);
      const then = value(e.then, scope);
      const otherwise = value(e.otherwise, scope);
      if (then.k !== "unknown" && otherwise.k !== "unknown" && !sameTy(then, otherwise)) {
        scope.out.push(makeDiagnostic("RL300", e.otherwise.range, { args: { expected: describeTy(then), found: describeTy(otherwise) } }));
      }
      return then;
    }
    case "Call": return inferCall(e, scope);
    case "Match": return inferMatch(e, scope);
    case "Cohort": return inferCohort(e, scope);
    case "Bands": {
      const subject = value(e.subject, scope);
      for (const arm of e.arms) {
        const threshold = value(arm.threshold, scope);
        if (subject.k !== "unknown" && threshold.k !== "unknown" && !comparable(subject, threshold, arm.op)) {
          scope.out.push(makeDiagnostic("RL302", arm.threshold.range, { args: { left: describeTy(subject), right: describeTy(threshold) } }));
        }
      }
      const values = [...e.arms.map((a) => a.value), ...(e.otherwise === undefined ? [] : [e.otherwise])];
      const first = values[0] === undefined ? NUM : value(values[0], scope);
      for (const v of values.slice(1)) {
        const t = value(v, scope);
        if (first.k !== "unknown" && t.k !== "unknown" && !sameTy(first, t)) scope.out.push(makeDiagnostic("RL300", v.range, { args: { expected: describeTy(first), found: describeTy(t) } }));
      }
      return first;
    }
  }
}

function resolveName(name: string, range: Range, scope: Scope): Ty {
  const letInfo = scope.lets.get(name);
  if (letInfo !== undefined) {
    if (letInfo.order >= scope.letOrder) {
      scope.out.push(makeDiagnostic("RL204", range, { args: { name } }));
      return UNKNOWN;
    }
    return letInfo.type;
  }
  const input = scope.inputs.get(name);
  if (input !== undefined) {
    scope.used.add(name);
    if (scope.place === "applies") {
      scope.out.push(makeDiagnostic("RL207", range, { args: { name, why: WHY_NOT.applies } }));
      return UNKNOWN;
    }
    if (input.k === "text") {
      scope.out.push(makeDiagnostic("RL303", range, { args: { name } }));
      return UNKNOWN;
    }
    return input;
  }
  return { k: "member", name, range };
}

/** Reports a bare name that no comparison resolved. */
function unknownName(t: Extract<Ty, { k: "member" }>, scope: Scope): void {
  const candidates = [...scope.inputs.keys(), ...[...scope.lets].filter(([, l]) => l.order < scope.letOrder).map(([n]) => n)];
  const suggestion = closest(t.name, candidates);
  if (suggestion !== undefined) {
    scope.out.push(makeDiagnostic("RL201", t.range, { args: { name: t.name, suggestion }, suggestion }));
    return;
  }
  // Nothing close: list what can be used here, so the author sees the names they declared.
  const usable = scope.place === "applies" ? [...scope.facts.keys()].map((f) => `unit.${f}`) : [...candidates, ...FIGURES_BY_PLACE[scope.place]];
  const names = usable.slice(0, 12).map((n) => `'${n}'`).join(", ") + (usable.length > 12 ? ", …" : "");
  scope.out.push(makeDiagnostic("RL201", t.range, { args: { name: t.name, names } }));
}

/** Infers a type where a value is needed: an unresolved bare name is an unknown name. */
export function value(e: Expr, scope: Scope): Ty {
  const t = infer(e, scope);
  if (t.k === "member") {
    unknownName(t, scope);
    return UNKNOWN;
  }
  return t;
}

/**
 * Checks that an expression has the wanted type, reporting RL300 at its range.
 * @param e - the expression
 * @param wanted - number or true/false
 * @param scope - what its names mean
 */
export function expect(e: Expr, wanted: Ty, scope: Scope): void {
  const t = value(e, scope);
  if (t.k === "unknown" || sameTy(t, wanted)) return;
  scope.out.push(makeDiagnostic("RL300", e.range, { args: { expected: describeTy(wanted), found: describeTy(t) } }));
}

/** True when two types are the same for an operator (a likert number is a number). */
export function sameTy(a: Ty, b: Ty): boolean {
  if (a.k !== b.k) return false;
  if (a.k === "enum" && b.k === "enum") return a.members.join(",") === b.members.join(",");
  if (a.k === "list" && b.k === "list") return sameTy(a.el, b.el);
  return true;
}

function comparable(a: Ty, b: Ty, op: string): boolean {
  const equality = op === "==" || op === "!=";
  if (a.k === "num" && b.k === "num") return true;
  if (a.k === "date" && b.k === "date") return true;
  return equality && sameTy(a, b) && (a.k === "bool" || a.k === "enum");
}

function inferBinary(e: Extract<Expr, { kind: "Binary" }>, scope: Scope): Ty {
  if (e.op === "and" || e.op === "or") {
    expect(e.left, BOOL, scope);
    expect(e.right, BOOL, scope);
    return BOOL;
  }
  if (e.op === "+" || e.op === "-" || e.op === "*" || e.op === "/") {
    expect(e.left, NUM, scope);
    expect(e.right, NUM, scope);
    return NUM;
  }
  const left = infer(e.left, scope);
  const right = infer(e.right, scope);
  if (left.k === "member" || right.k === "member") return resolveMembers(left, right, e.op, scope);
  if (left.k !== "unknown" && right.k !== "unknown" && !comparable(left, right, e.op)) {
    scope.out.push(makeDiagnostic("RL302", e.range, { args: { left: describeTy(left), right: describeTy(right) } }));
  }
  return BOOL;
}

/** `unit.kind == so_co_tthc`: a bare name compared with an enum is one of its members. */
function resolveMembers(left: Ty, right: Ty, op: string, scope: Scope): Ty {
  const [member, other] = left.k === "member" ? [left, right] : [right as Extract<Ty, { k: "member" }>, left];
  if (other.k === "member") {
    unknownName(other, scope);
    unknownName(member, scope);
  } else if (other.k === "enum") {
    if (op !== "==" && op !== "!=") scope.out.push(makeDiagnostic("RL302", member.range, { args: { left: describeTy(other), right: describeTy(other) } }));
    if (!other.members.includes(member.name)) {
      const suggestion = closest(member.name, other.members);
      const args = { name: member.name, type: `enum(${other.members.join(", ")})` };
      scope.out.push(makeDiagnostic("RL205", member.range, suggestion === undefined ? { args } : { args: { ...args, suggestion }, suggestion }));
    }
  } else if (other.k !== "unknown") unknownName(member, scope);
  return BOOL;
}

function isCalendarDate(text: string): boolean {
  const [y, m, d] = text.split("-").map(Number) as [number, number, number];
  if (m < 1 || m > 12 || d < 1) return false;
  const days = [31, (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!;
  return d <= days;
}
