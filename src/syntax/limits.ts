/**
 * Limits that keep every later stage safe: a source size, a token count, bracket
 * nesting, prefix-operator runs and expression depth. Each is checked with a loop,
 * never recursion, and exceeding it gives a diagnostic instead of a stack overflow.
 * @module
 */
import type { IToken } from "chevrotain";
import type { Expr, RubricFile } from "./ast.js";
import { makeDiagnostic, type Diagnostic } from "../diagnostics.js";
import { tokenRange } from "./cst-util.js";

/** Longest source accepted, in UTF-16 code units (real rubrics are a few tens of KB). */
export const MAX_SOURCE_LENGTH = 4_000_000;
/** Most tokens accepted in one source. */
export const MAX_TOKENS = 500_000;
/** Deepest nesting of `{` and `(` accepted. */
export const MAX_NESTING = 64;
/** Deepest expression tree accepted (every stage after parsing may recurse this deep). */
export const MAX_EXPR_DEPTH = 200;

// Characters that are each a token of their own (or the start of one).
const PUNCTUATION = new Set([..."{}()[],;:=<>!+-*/\""].map((c) => c.charCodeAt(0)));

/**
 * An estimate of the number of tokens, made in one pass without building anything: a
 * run of word characters counts once, each punctuation character once. It errs high
 * (`0.25` counts once, but `>=` twice and the words of a string each once), so it is
 * used only to refuse, before lexing, a source with far more than {@link MAX_TOKENS}.
 * @param source - the source text
 */
export function estimateTokens(source: string): number {
  let count = 0;
  let inWord = false;
  for (let i = 0; i < source.length; i++) {
    const c = source.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13) inWord = false;
    else if (PUNCTUATION.has(c)) {
      count++;
      inWord = false;
    } else if (!inWord) {
      count++;
      inWord = true;
    }
  }
  return count;
}

const OPENERS = new Set(["LCurly", "LParen"]);
const CLOSERS = new Set(["RCurly", "RParen"]);
const PREFIX = new Set(["kw_not", "Minus", "kw_if"]);

/**
 * Checks token count, bracket nesting and runs of prefix operators (`not not …`,
 * `- - …`, `if if …`), which the recursive-descent parser would otherwise follow
 * one stack frame each.
 * @param tokens - the lexer's tokens
 */
export function checkTokenLimits(tokens: readonly IToken[]): Diagnostic[] {
  if (tokens.length > MAX_TOKENS) {
    return [makeDiagnostic("RL502", tokenRange(tokens[MAX_TOKENS]!), { args: { limit: MAX_TOKENS } })];
  }
  let depth = 0;
  let prefixRun = 0;
  for (const token of tokens) {
    const name = token.tokenType.name;
    prefixRun = PREFIX.has(name) ? prefixRun + 1 : 0;
    if (OPENERS.has(name)) depth++;
    else if (CLOSERS.has(name)) depth = Math.max(0, depth - 1);
    if (depth > MAX_NESTING || prefixRun > MAX_NESTING) {
      const what = prefixRun > MAX_NESTING ? "expression" : name === "LCurly" ? "criteria" : "expression";
      return [makeDiagnostic("RL501", tokenRange(token), { args: { limit: MAX_NESTING, what } })];
    }
  }
  return [];
}

function expressionsOf(ast: RubricFile): Expr[] {
  const found: Expr[] = [];
  const statements: unknown[] = [...ast.body];
  while (statements.length > 0) {
    const st = statements.pop() as { kind: string; [key: string]: unknown };
    switch (st.kind) {
      case "IndexFormula": found.push(st["formula"] as Expr); break;
      case "Node": case "Extra":
        statements.push(...(st["body"] as unknown[]), ...((st["options"] as unknown[] | undefined) ?? []));
        break;
      case "AppliesWhen": case "When": found.push(st["condition"] as Expr); break;
      case "Let": found.push(st["value"] as Expr); break;
      case "Score": found.push(st["rule"] as Expr); break;
      case "BandsBlock":
        for (const band of st["bands"] as { condition?: Expr }[]) if (band.condition !== undefined) found.push(band.condition);
        break;
      default: break;
    }
  }
  return found;
}

/**
 * Reports expressions deeper than {@link MAX_EXPR_DEPTH} (e.g. a 100,000-term sum),
 * measured with an explicit stack (parallel arrays of expressions and their depths,
 * so the walk allocates no pair per node).
 * @param ast - the built AST
 */
export function checkExpressionDepth(ast: RubricFile): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const stack: Expr[] = [];
  const depths: number[] = [];
  for (const root of expressionsOf(ast)) {
    stack.length = 0;
    depths.length = 0;
    stack.push(root);
    depths.push(1);
    while (stack.length > 0) {
      const e = stack.pop()!;
      const depth = depths.pop()!;
      if (depth > MAX_EXPR_DEPTH) {
        diagnostics.push(makeDiagnostic("RL503", root.range, { args: { limit: MAX_EXPR_DEPTH } }));
        break;
      }
      const before = stack.length;
      switch (e.kind) {
        case "Unary": stack.push(e.operand); break;
        case "Binary": stack.push(e.left, e.right); break;
        case "If": stack.push(e.condition, e.then, e.otherwise); break;
        case "Call": for (const arg of e.args) stack.push(arg); break;
        case "Bands":
          stack.push(e.subject);
          for (const arm of e.arms) stack.push(arm.threshold, arm.value);
          if (e.otherwise !== undefined) stack.push(e.otherwise);
          break;
        case "Paren": stack.push(e.inner); break;
        case "Match":
          stack.push(e.subject);
          for (const arm of e.arms) stack.push(arm.value);
          if (e.otherwise !== undefined) stack.push(e.otherwise);
          break;
        case "Cohort": for (const arg of e.args) stack.push(arg); break;
        default: break;
      }
      for (let i = before; i < stack.length; i++) depths.push(depth + 1);
    }
  }
  return diagnostics;
}
