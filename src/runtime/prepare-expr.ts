/**
 * Compiled expressions → closures, built once per rubric (compile once, evaluate
 * many): evaluation walks no JSON, it calls functions over an environment.
 * @module
 */
import type { CompiledExpr, FunctionCode } from "../compile/types.js";
import { Exact } from "./exact.js";
import { prepareMatch, prepareTally } from "./answers.js";
import { shownValue, type Ratio, type TraceStep } from "./trace.js";
import { RuleFailure, type Value } from "./values.js";
import { cohortFigure, cohortKey, cohortStep, type CohortAccess } from "./cohort.js";

/** What names mean while a node is evaluated. */
export interface Env {
  /** The node's inputs (final values). */
  readonly input: (name: string) => Value | undefined;
  /** The value of a `let`, computed on first use (so a `when` clause can guard it). */
  readonly letValue: (name: string) => Value;
  /** Unit facts. */
  readonly unit: (name: string) => Value | undefined;
  /** The node's max, or at rubric level the applicable max. */
  readonly max: Exact;
  /** Rubric figures (index formula and bands only). */
  readonly figure: (name: string) => Exact | undefined;
  /** Records a decision for the trace: which branch or band fired. */
  readonly note: (step: TraceStep) => void;
  /** Inside a `count`/`share` condition: the element being tested. */
  readonly item?: Value;
  /** The unit's cohort, when it is evaluated with others (see `cohort.ts`). */
  readonly cohort?: CohortAccess | undefined;
}

/** A prepared expression. */
export type Thunk = (env: Env) => Value;

const NAMED = new Set<CompiledExpr["op"]>(["input", "let", "unit", "num"]);

/**
 * The two sides of a quotient of named values or numbers (`done / planned`), prepared
 * for an explanation; undefined for any other expression.
 * @param e - a compiled expression
 */
export function ratioSides(e: CompiledExpr): readonly [Thunk, Thunk] | undefined {
  if (e.op !== "div" || !NAMED.has(e.left.op) || !NAMED.has(e.right.op)) return undefined;
  return [prepareExpr(e.left), prepareExpr(e.right)];
}

const num = (value: Exact): Value => ({ kind: "num", value });
const bool = (value: boolean): Value => ({ kind: "bool", value });

function asNum(v: Value, what: string): Exact {
  if (v.kind !== "num") throw new RuleFailure("wrong-type", `${what} needs a number, got ${v.kind}`);
  return v.value;
}

function asBool(v: Value, what: string): boolean {
  if (v.kind !== "bool") throw new RuleFailure("wrong-type", `${what} needs true/false, got ${v.kind}`);
  return v.value;
}

function numbers(v: Value, what: string): Exact[] {
  if (v.kind !== "list") throw new RuleFailure("wrong-type", `${what} needs a list`);
  return v.items.map((item) => asNum(item, what));
}

/** Compares two values of one kind: numbers exactly, dates and enums as text. */
export function compareValues(a: Value, b: Value): number {
  if (a.kind === "num" && b.kind === "num") return a.value.comparedTo(b.value);
  if (a.kind === "list" || b.kind === "list" || a.kind !== b.kind) throw new RuleFailure("wrong-type", `cannot compare ${a.kind} with ${b.kind}`);
  const [x, y] = [String(a.value), String(b.value)];
  return x < y ? -1 : x > y ? 1 : 0;
}

function divide(a: Exact, b: Exact, what: string): Exact {
  if (b.isZero()) throw new RuleFailure("division-by-zero", `division by zero in ${what}`, { numerator: a.toString() });
  return a.dividedBy(b);
}

const COMPARE: Readonly<Record<string, (c: number) => boolean>> = {
  eq: (c) => c === 0, ne: (c) => c !== 0, lt: (c) => c < 0, le: (c) => c <= 0, gt: (c) => c > 0, ge: (c) => c >= 0,
};

/**
 * Prepares an expression as a closure.
 * @param e - the compiled expression
 */
export function prepareExpr(e: CompiledExpr): Thunk {
  switch (e.op) {
    case "num": { const v = num(Exact.of(e.value)); return () => v; }
    case "date": case "enum": { const v: Value = { kind: e.op, value: e.value }; return () => v; }
    case "bool": { const v = bool(e.value); return () => v; }
    case "input": return (env) => {
      const v = env.input(e.name);
      if (v === undefined) throw new RuleFailure("missing-input", `input '${e.name}' is missing`, { input: e.name });
      return v;
    };
    case "let": return (env) => env.letValue(e.name);
    case "unit": return (env) => {
      const v = env.unit(e.name);
      if (v === undefined) throw new RuleFailure("missing-input", `unit fact '${e.name}' is missing`, { fact: e.name });
      return v;
    };
    case "max": return (env) => num(env.max);
    case "figure": return (env) => {
      const v = e.name === "max" ? env.max : env.figure(e.name);
      if (v === undefined) throw new RuleFailure("missing-input", `figure '${e.name}' is not available here`);
      return num(v);
    };
    case "neg": { const arg = prepareExpr(e.arg); return (env) => num(asNum(arg(env), "'-'").negated()); }
    case "not": { const arg = prepareExpr(e.arg); return (env) => bool(!asBool(arg(env), "'not'")); }
    case "and": case "or": {
      const [l, r] = [prepareExpr(e.left), prepareExpr(e.right)];
      return e.op === "and"
        ? (env) => bool(asBool(l(env), "'and'") && asBool(r(env), "'and'"))
        : (env) => bool(asBool(l(env), "'or'") || asBool(r(env), "'or'"));
    }
    case "add": case "sub": case "mul": case "div": {
      const [l, r] = [prepareExpr(e.left), prepareExpr(e.right)];
      const op = e.op;
      return (env) => {
        const [a, b] = [asNum(l(env), `'${op}'`), asNum(r(env), `'${op}'`)];
        return num(op === "add" ? a.plus(b) : op === "sub" ? a.minus(b) : op === "mul" ? a.times(b) : divide(a, b, "a rule"));
      };
    }
    case "eq": case "ne": case "lt": case "le": case "gt": case "ge": {
      const [l, r, test] = [prepareExpr(e.left), prepareExpr(e.right), COMPARE[e.op]!];
      return (env) => bool(test(compareValues(l(env), r(env))));
    }
    case "if": {
      const [c, t, f] = [prepareExpr(e.cond), prepareExpr(e.then), prepareExpr(e.else)];
      return (env) => {
        const taken = asBool(c(env), "'if'");
        env.note({ step: "if", then: taken });
        return taken ? t(env) : f(env);
      };
    }
    case "call": return prepareCall(e.fn, e.args.map(prepareExpr));
    case "item": return (env) => {
      if (env.item === undefined) throw new RuleFailure("wrong-type", "an element is read outside count() or share()");
      return env.item;
    };
    case "tally": return prepareTally(e, prepareExpr(e.list), prepareExpr(e.cond));
    case "match": {
      const keys = e.arms.map((a) => a.keys.map((k): Value => (k.op === "enum" ? { kind: "enum", value: k.value } : k.op === "num" ? num(Exact.of(k.value)) : { kind: "text", value: "" })));
      return prepareMatch(keys, e.arms.map((a) => prepareExpr(a.value)), e.otherwise === undefined ? undefined : prepareExpr(e.otherwise), prepareExpr(e.subject), compareValues);
    }
    case "cohort": {
      const [arg, key] = [prepareExpr(e.arg), cohortKey(e)];
      return (env) => {
        const x = asNum(arg(env), `cohort.${e.stat}()`);
        const { value, stats } = cohortFigure(e, key, env.cohort, x);
        env.note(cohortStep(e, stats, x, value));
        return num(value);
      };
    }
    case "bands": {
      const subject = prepareExpr(e.subject);
      const arms = e.arms.map((a) => ({ test: COMPARE[a.cmp]!, cmp: a.cmp, threshold: prepareExpr(a.threshold), value: prepareExpr(a.value) }));
      const otherwise = e.otherwise === undefined ? undefined : prepareExpr(e.otherwise);
      // For the explanation only: thresholds written as percentages, and the sides of a
      // quotient of named values (read again after the subject, so no side effect repeats).
      const shown = {
        ...(e.arms.some((a) => a.threshold.op === "num" && a.threshold.percent === true) ? { percent: true as const } : {}),
      };
      const sides = ratioSides(e.subject);
      const explained = (env: Env): typeof shown & { ratio?: Ratio } => {
        if (sides === undefined) return shown;
        const [n, d] = [sides[0](env), sides[1](env)];
        return n.kind === "num" && d.kind === "num" ? { ...shown, ratio: { numerator: n.value.toString(), denominator: d.value.toString() } } : shown;
      };
      return (env) => {
        const s = subject(env);
        for (const [i, arm] of arms.entries()) {
          const t = arm.threshold(env);
          if (arm.test(compareValues(s, t))) {
            env.note({ step: "band", arm: i + 1, subject: shownValue(s), cmp: arm.cmp, threshold: shownValue(t), ...explained(env) });
            return arm.value(env);
          }
        }
        if (otherwise === undefined) {
          const value = shownValue(s);
          throw new RuleFailure("no-band", `no band matches ${String(value)}`, { value: String(value) });
        }
        env.note({ step: "band-else", subject: shownValue(s), ...explained(env) });
        return otherwise(env);
      };
    }
  }
}

/** The largest number of decimals `round(x, n)` keeps (the checker refuses more). */
export const MAX_ROUND_DIGITS = 20;

/** The decimals argument of `round`: a whole number from 0 to {@link MAX_ROUND_DIGITS}. */
export function roundDigits(n: Exact): number {
  if (!n.isInteger() || n.isNegative() || n.gt(Exact.int(MAX_ROUND_DIGITS))) {
    throw new RuleFailure("wrong-type", `round() keeps 0 to ${MAX_ROUND_DIGITS} decimals, not ${n.toString()}`);
  }
  return Number(n.n);
}

function prepareCall(fn: FunctionCode, args: readonly Thunk[]): Thunk {
  const [a0, a1, a2] = args;
  switch (fn) {
    case "min": case "max": return (env) => {
      const values = args.length === 1 ? numbers(a0!(env), `${fn}()`) : args.map((a) => asNum(a(env), `${fn}()`));
      if (values.length === 0) throw new RuleFailure("empty-list", `${fn}() of an empty list`, { fn });
      return num(fn === "min" ? Exact.min(...values) : Exact.max(...values));
    };
    case "clamp": return (env) => num(Exact.max(asNum(a1!(env), "clamp()"), Exact.min(asNum(a2!(env), "clamp()"), asNum(a0!(env), "clamp()"))));
    case "round": return (env) => num(asNum(a0!(env), "round()").roundTo(roundDigits(asNum(a1!(env), "round()")), "half-up"));
    case "floor": return (env) => num(asNum(a0!(env), "floor()").floor());
    case "ceil": return (env) => num(asNum(a0!(env), "ceil()").ceil());
    case "abs": return (env) => num(asNum(a0!(env), "abs()").abs());
    case "sum": return (env) => num(numbers(a0!(env), "sum()").reduce((s, v) => s.plus(v), Exact.ZERO));
    case "mean": return (env) => {
      const values = numbers(a0!(env), "mean()");
      if (values.length === 0) throw new RuleFailure("empty-list", "mean() of an empty list", { fn: "mean" });
      return num(values.reduce((s, v) => s.plus(v), Exact.ZERO).dividedBy(Exact.int(values.length)));
    };
    case "count": return (env) => {
      const v = a0!(env);
      if (v.kind !== "list") throw new RuleFailure("wrong-type", "count() needs a list");
      return num(Exact.int(v.items.length));
    };
    case "ratio": return (env) => num(divide(asNum(a0!(env), "ratio()"), asNum(a1!(env), "ratio()"), "ratio()"));
  }
}
