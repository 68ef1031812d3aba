/**
 * Survey answers in rules: `count(cond)` and `share(cond)` of the elements of a list
 * that meet a condition, and `match`, a mapping from enum members or whole numbers
 * to values, checked for exhaustiveness (RL380–RL387).
 * @module
 */
import type { Expr, MatchKey, Range } from "../syntax/ast.js";
import { printExpr } from "../syntax/print-expr.js";
import { makeDiagnostic } from "../diagnostics.js";
import { closest } from "./walk.js";
import { describeTy, expect, sameTy, value, type Scope, type Ty } from "./types.js";

const NUM: Ty = { k: "num" };
const BOOL: Ty = { k: "bool" };
const UNKNOWN: Ty = { k: "unknown" };

type Call = Extract<Expr, { kind: "Call" }>;
type Match = Extract<Expr, { kind: "Match" }>;

/**
 * The names of the node's list inputs that an expression reads, in order of first use.
 * A nested `count`/`share` with a condition is not entered: it binds its own list.
 * @param e - the condition
 * @param isList - whether a bare name is a list input
 */
export function listsIn(e: Expr, isList: (name: string) => boolean): string[] {
  const found: string[] = [];
  const stack: Expr[] = [e];
  while (stack.length > 0) {
    const x = stack.pop()!;
    switch (x.kind) {
      case "NameRef": if (isList(x.name) && !found.includes(x.name)) found.push(x.name); break;
      case "Unary": stack.push(x.operand); break;
      case "Binary": stack.push(x.right, x.left); break;
      case "Paren": stack.push(x.inner); break;
      case "If": stack.push(x.otherwise, x.then, x.condition); break;
      case "Call": if (!isTally(x)) stack.push(...[...x.args].reverse()); break;
      case "Bands": stack.push(...(x.otherwise === undefined ? [] : [x.otherwise]), ...x.arms.flatMap((a) => [a.value, a.threshold]), x.subject); break;
      case "Match": stack.push(...(x.otherwise === undefined ? [] : [x.otherwise]), ...x.arms.map((a) => a.value), x.subject); break;
      default: break;
    }
  }
  return found;
}

function unparen(e: Expr): Expr {
  return e.kind === "Paren" ? unparen(e.inner) : e;
}

/**
 * True for `count(cond)` or `share(…)`: a call that tests a condition on each element
 * of a list (`count(xs)` of a bare name or unit fact is the list's length). Shared
 * with the lowering, so both read a call alike.
 * @param e - a call
 */
export function isTally(e: Expr): boolean {
  if (e.kind !== "Call") return false;
  const arg = e.args.length === 1 ? unparen(e.args[0]!) : undefined;
  return e.callee === "share" || (e.callee === "count" && arg !== undefined && arg.kind !== "NameRef" && arg.kind !== "UnitRef");
}

/** Element types of the list inputs in scope. */
function listInputs(scope: Scope): Map<string, Ty> {
  const lists = new Map<string, Ty>();
  for (const [name, t] of scope.inputs) if (t.k === "list") lists.set(name, t.el);
  return lists;
}

/** An example condition for a message: the top two values of a likert list, else `>= 1`. */
function exampleCondition(list: string | undefined, el: Ty | undefined): string {
  const name = list ?? "answers";
  if (el?.k === "num" && el.whole !== undefined && el.whole[1] > el.whole[0]) return `${name} >= ${el.whole[1] - 1}`;
  if (el?.k === "enum") return `${name} == ${el.members[el.members.length - 1]}`;
  return `${name} >= 1`;
}

/**
 * Checks `count(cond)` or `share(cond)`: the condition reads exactly one list input,
 * tested element by element (the list's name stands for the element), and is
 * true/false. Returns a number (`share` is the fraction of elements meeting it).
 * @param e - the call (one argument; arity is checked by the caller)
 * @param scope - what its names mean
 */
export function inferTally(e: Call, scope: Scope): Ty {
  const arg = e.args[0]!;
  const lists = listInputs(scope);
  const bare = unparen(arg);
  if (bare.kind === "NameRef" && lists.has(bare.name)) {
    // `share(answers)`: a share of what? The fix names a plausible condition.
    const example = exampleCondition(bare.name, lists.get(bare.name));
    scope.out.push(makeDiagnostic("RL385", arg.range, { args: { fn: e.callee, example: `${e.callee}(${example})` }, suggestion: example }));
    return NUM;
  }
  const used = listsIn(arg, (name) => lists.has(name) && !scope.lets.has(name));
  for (const name of used) scope.used.add(name); // read, even when the condition is refused below
  if (scope.tallying === true) {
    scope.out.push(makeDiagnostic("RL387", e.range, { args: { fn: e.callee } }));
    return NUM;
  }
  if (used.length === 0) {
    const [first] = lists.keys();
    const example = exampleCondition(first, first === undefined ? undefined : lists.get(first));
    scope.out.push(makeDiagnostic("RL385", arg.range, { args: { fn: e.callee, example: `${e.callee}(${example})` } }));
    value(arg, scope);
    return NUM;
  }
  if (used.length > 1) {
    scope.out.push(makeDiagnostic("RL386", arg.range, { args: { fn: e.callee, lists: used.map((n) => `'${n}'`).join(", ") } }));
    return NUM;
  }
  const list = used[0]!;
  // Inside the condition the list's name is one element of it.
  const inputs = new Map(scope.inputs);
  inputs.set(list, lists.get(list)!);
  const inner: Scope = { ...scope, inputs, tallying: true };
  expect(arg, BOOL, inner);
  return NUM;
}

const shown = (e: Expr): string => {
  const text = printExpr(e);
  return `'${text.length > 40 ? `${text.slice(0, 40)}…` : text}'`;
};

/** The values a subject takes, when they can be listed: enum members or whole numbers. */
function domainOf(t: Ty): readonly string[] | undefined {
  if (t.k === "enum") return t.members;
  if (t.k === "num" && t.whole !== undefined) return Array.from({ length: t.whole[1] - t.whole[0] + 1 }, (_, i) => String(t.whole![0] + i));
  return undefined;
}

/** A whole-number key in canonical form (`04` → `4`), or undefined when it is not whole. */
function wholeKey(text: string): string | undefined {
  return /^\d+(\.0+)?$/.test(text) ? String(BigInt(text.replace(/\.0+$/, ""))) : undefined;
}

/** Checks one key against the subject's type; returns its canonical value when it can match. */
function checkKey(key: MatchKey, subject: Expr, t: Ty, scope: Scope): string | undefined {
  if (t.k === "enum") {
    if (key.number) {
      scope.out.push(makeDiagnostic("RL382", key.range, { args: { subject: shown(subject), key: key.text, type: `enum(${t.members.join(", ")})` } }));
      return undefined;
    }
    if (!t.members.includes(key.text)) {
      const suggestion = closest(key.text, t.members);
      const args = { name: key.text, type: `enum(${t.members.join(", ")})` };
      scope.out.push(makeDiagnostic("RL205", key.range, suggestion === undefined ? { args } : { args: { ...args, suggestion }, suggestion }));
      return undefined;
    }
    return key.text;
  }
  if (!key.number) {
    scope.out.push(makeDiagnostic("RL382", key.range, { args: { subject: shown(subject), key: key.text, member: "yes" } }));
    return undefined;
  }
  const whole = wholeKey(key.text);
  const range = t.k === "num" && t.whole !== undefined ? t.whole : undefined;
  if (whole === undefined || (range !== undefined && (BigInt(whole) < BigInt(range[0]) || BigInt(whole) > BigInt(range[1])))) {
    scope.out.push(makeDiagnostic("RL382", key.range, { args: { subject: shown(subject), key: key.text, range: range === undefined ? "…" : `${range[0]}..${range[1]}` } }));
    return undefined;
  }
  return whole;
}

/**
 * Checks a `match` expression: the subject is an enum, a number or a list of them; each
 * key is a member (did-you-mean when not) or a whole number the subject can take; no
 * key twice; every value listed or an `else`. Over a list the result is the list of
 * mapped values (for `mean`, `sum`, …).
 * @param e - the match
 * @param scope - what its names mean
 */
export function inferMatch(e: Match, scope: Scope): Ty {
  const outer = value(e.subject, scope);
  const t = outer.k === "list" ? outer.el : outer;
  const matchable = t.k === "enum" || t.k === "num" || t.k === "unknown";
  if (!matchable) scope.out.push(makeDiagnostic("RL300", e.subject.range, { args: { expected: "an enum, a whole number or a list of them", found: describeTy(outer) } }));
  const seen = new Map<string, Range>();
  for (const arm of e.arms) {
    for (const key of arm.keys) {
      if (t.k === "unknown" || !matchable) continue;
      const canonical = checkKey(key, e.subject, t, scope);
      if (canonical === undefined) continue;
      const first = seen.get(canonical);
      if (first !== undefined) scope.out.push(makeDiagnostic("RL381", key.range, { args: { key: key.text, line: first.start.line } }));
      else seen.set(canonical, key.range);
    }
  }
  if (matchable && t.k !== "unknown") exhaustive(e, t, seen, scope);
  const values = [...e.arms.map((a) => a.value), ...(e.otherwise === undefined ? [] : [e.otherwise])];
  const first = values[0] === undefined ? UNKNOWN : value(values[0], scope);
  for (const v of values.slice(1)) {
    const vt = value(v, scope);
    if (first.k !== "unknown" && vt.k !== "unknown" && !sameTy(first, vt)) scope.out.push(makeDiagnostic("RL300", v.range, { args: { expected: describeTy(first), found: describeTy(vt) } }));
  }
  const result = first.k === "num" ? NUM : first;
  return outer.k === "list" && result.k !== "unknown" ? { k: "list", el: result } : result;
}

function exhaustive(e: Match, t: Ty, seen: ReadonlyMap<string, Range>, scope: Scope): void {
  const domain = domainOf(t);
  if (domain === undefined) {
    if (e.otherwise === undefined) scope.out.push(makeDiagnostic("RL384", e.subject.range, { args: { subject: shown(e.subject) } }));
    return;
  }
  const missing = domain.filter((v) => !seen.has(v));
  if (missing.length > 0 && e.otherwise === undefined) {
    const listed = missing.length > 12 ? [...missing.slice(0, 12), "…"] : missing;
    scope.out.push(makeDiagnostic("RL380", e.subject.range, {
      args: { subject: shown(e.subject), missing: listed.map((m) => (m === "…" ? m : `'${m}'`)).join(", "), arms: listed.filter((m) => m !== "…").slice(0, 3).map((m) => `${m}: …`).join("; "), ...(missing.length > 1 ? { several: "yes" } : {}) },
    }));
  }
  if (missing.length === 0 && e.otherwise !== undefined) scope.out.push(makeDiagnostic("RL383", e.otherwise.range));
}
