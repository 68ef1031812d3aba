/**
 * Type invariants of the compiled survey-answer forms (`tally`, `item`, `match`), as
 * `invariant-types.ts` states them for the rest: a tally's list is a list and its
 * condition true/false over one element; a match's keys fit its subject and its arms
 * give one type. Used by `loadCompiled`, so a stored rubric edited by hand cannot make
 * the runtime compute nonsense.
 * @module
 */
import { INVARIANT, TYPE_WORDS } from "./invariant-messages.js";
import type { ExprScope, Ty } from "./invariant-types.js";
import type { CompiledExpr } from "./types.js";

type Path = readonly (string | number)[];
/** The checks of `invariant-types.ts` this file builds on (passed in, so the two files do not import each other). */
export interface TyOps {
  /** The type of an expression, reporting broken invariants. */
  readonly exprTy: (e: CompiledExpr, path: Path, scope: ExprScope) => Ty;
  /** Checks an expression has a type. */
  readonly expectTy: (e: CompiledExpr, wanted: Ty, path: Path, scope: ExprScope) => void;
}

const NUM: Ty = { k: "num" };
const BAD: Ty = { k: "bad" };

/**
 * The type of a `tally` (a number), reporting a list that is not one and a condition
 * that is not true/false over its element.
 * @param e - the tally
 * @param path - its JSON path
 * @param scope - what it may use
 * @param ops - the expression checks
 */
export function tallyTy(e: Extract<CompiledExpr, { op: "tally" }>, path: Path, scope: ExprScope, ops: TyOps): Ty {
  const list = ops.exprTy(e.list, [...path, "list"], scope);
  if (list.k !== "list") {
    if (list.k !== "bad") scope.out.push({ path: [...path, "list"], message: INVARIANT.wrongType(scope.locale, TYPE_WORDS[scope.locale]["list"]!, list.k) });
    return NUM;
  }
  ops.expectTy(e.cond, { k: "bool" }, [...path, "cond"], { ...scope, item: list.el });
  return NUM;
}

/**
 * The type of a `match`: its values' type, a list of them over a list.
 * @param e - the match
 * @param path - its JSON path
 * @param scope - what it may use
 * @param ops - the expression checks
 */
export function matchTy(e: Extract<CompiledExpr, { op: "match" }>, path: Path, scope: ExprScope, ops: TyOps): Ty {
  const outer = ops.exprTy(e.subject, [...path, "subject"], scope);
  const subject = outer.k === "list" ? outer.el : outer;
  if (subject.k !== "bad" && subject.k !== "num" && subject.k !== "enum") {
    scope.out.push({ path: [...path, "subject"], message: INVARIANT.wrongType(scope.locale, `${TYPE_WORDS[scope.locale]["num"]} / enum`, subject.k) });
  }
  let result: Ty | undefined;
  e.arms.forEach((arm, i) => {
    arm.keys.forEach((key, j) => {
      const at = [...path, "arms", i, "keys", j];
      if (subject.k === "enum") {
        if (key.op !== "enum" || !subject.members.includes(key.value)) scope.out.push({ path: at, message: INVARIANT.notMember(scope.locale, key.op === "enum" || key.op === "num" ? key.value : key.op, subject.members.join(", ")) });
      } else if (subject.k === "num" && key.op !== "num") {
        scope.out.push({ path: at, message: INVARIANT.wrongType(scope.locale, TYPE_WORDS[scope.locale]["num"]!, key.op) });
      }
    });
    if (result === undefined || result.k === "bad") result = ops.exprTy(arm.value, [...path, "arms", i, "value"], scope);
    else ops.expectTy(arm.value, result, [...path, "arms", i, "value"], scope);
  });
  if (e.otherwise !== undefined) {
    if (result === undefined || result.k === "bad") result = ops.exprTy(e.otherwise, [...path, "otherwise"], scope);
    else ops.expectTy(e.otherwise, result, [...path, "otherwise"], scope);
  }
  const value = result ?? BAD;
  return outer.k === "list" && value.k !== "bad" ? { k: "list", el: value } : value;
}
