/**
 * Bands that can never match, and values that match no band. Analysed where every
 * threshold is a literal and every comparison is one of `>=`, `>`, `<=`, `<`;
 * elsewhere the checker stays silent rather than guess.
 * @module
 */
import type Decimal from "decimal.js";
import type { BandDecl, Expr, Range } from "../syntax/ast.js";
import { dec } from "./decimal.js";
import { makeDiagnostic, type Diagnostic } from "../diagnostics.js";

/** One arm as a half-line: `>= 80%` is [0.8, ∞). */
interface HalfLine {
  readonly up: boolean;
  readonly inclusive: boolean;
  readonly at: Decimal;
  readonly text: string;
  readonly range: Range;
}

function literal(e: Expr): { value: Decimal; text: string } | undefined {
  if (e.kind === "NumberLit") return { value: dec(e.text), text: e.text };
  if (e.kind === "PercentLit") return { value: dec(e.text).dividedBy(100), text: `${e.text}%` };
  if (e.kind === "Unary" && e.op === "-") {
    const inner = literal(e.operand);
    return inner === undefined ? undefined : { value: inner.value.negated(), text: `-${inner.text}` };
  }
  if (e.kind === "Paren") return literal(e.inner);
  return undefined;
}

function halfLine(op: string, threshold: Expr, range: Range): HalfLine | undefined {
  const lit = literal(threshold);
  if (lit === undefined || !(op === ">=" || op === ">" || op === "<=" || op === "<")) return undefined;
  return { up: op[0] === ">", inclusive: op.length === 2, at: lit.value, text: lit.text, range };
}

/** Does the union of `upper` (an up half-line) and `lower` (a down one) cover `arm`? */
function covers(upper: HalfLine | undefined, lower: HalfLine | undefined, arm: HalfLine): boolean {
  if (everything(upper, lower)) return true;
  const by = arm.up ? upper : lower;
  if (by === undefined) return false;
  const cmp = arm.at.comparedTo(by.at);
  if (arm.up) return cmp > 0 || (cmp === 0 && (by.inclusive || !arm.inclusive));
  return cmp < 0 || (cmp === 0 && (by.inclusive || !arm.inclusive));
}

function everything(upper: HalfLine | undefined, lower: HalfLine | undefined): boolean {
  if (upper === undefined || lower === undefined) return false;
  const cmp = upper.at.comparedTo(lower.at);
  return cmp < 0 || (cmp === 0 && (upper.inclusive || lower.inclusive));
}

function widest(current: HalfLine | undefined, arm: HalfLine): HalfLine {
  if (current === undefined) return arm;
  const cmp = arm.at.comparedTo(current.at);
  const wider = arm.up ? cmp < 0 : cmp > 0;
  return wider || (cmp === 0 && arm.inclusive) ? arm : current;
}

interface Coverage {
  readonly unreachable: { arm: HalfLine; coveredBy: HalfLine }[];
  readonly gap: string | undefined;
}

function analyse(arms: readonly HalfLine[]): Coverage {
  let upper: HalfLine | undefined;
  let lower: HalfLine | undefined;
  const unreachable: Coverage["unreachable"] = [];
  for (const arm of arms) {
    if (covers(upper, lower, arm)) {
      const coveredBy = (arm.up ? upper : lower) ?? upper ?? lower;
      if (coveredBy !== undefined) unreachable.push({ arm, coveredBy });
      continue;
    }
    if (arm.up) upper = widest(upper, arm);
    else lower = widest(lower, arm);
  }
  let gap: string | undefined;
  if (!everything(upper, lower)) {
    if (upper !== undefined && lower !== undefined) gap = `between ${lower.text} and ${upper.text}`;
    else if (upper !== undefined) gap = `${upper.inclusive ? "below" : "at or below"} ${upper.text}`;
    else if (lower !== undefined) gap = `${lower.inclusive ? "above" : "at or above"} ${lower.text}`;
  }
  return { unreachable, gap };
}

/**
 * Checks every `bands` expression inside an expression (RL407, RL408).
 * @param root - a rule or let expression
 * @param out - where diagnostics go
 */
export function checkBandsExpr(root: Expr, out: Diagnostic[]): void {
  const stack: Expr[] = [root];
  while (stack.length > 0) {
    const e = stack.pop()!;
    switch (e.kind) {
      case "Bands": {
        const lines = e.arms.map((a) => halfLine(a.op, a.threshold, a.range));
        if (lines.every((l): l is HalfLine => l !== undefined) && lines.length > 0) {
          const { unreachable, gap } = analyse(lines);
          for (const { arm, coveredBy } of unreachable) {
            // `>= 70%: 1; >= 90%: 2`: written lowest first, so the higher arm is shadowed.
            const ascending = arm.up === coveredBy.up && (arm.up ? arm.at.gt(coveredBy.at) : arm.at.lt(coveredBy.at));
            out.push(makeDiagnostic("RL407", arm.range, { args: ascending ? { line: coveredBy.range.start.line, ascending: "yes" } : { line: coveredBy.range.start.line } }));
          }
          if (gap !== undefined && e.otherwise === undefined) out.push(makeDiagnostic("RL408", e.range, { args: { gap } }));
        }
        stack.push(e.subject, ...e.arms.map((a) => a.value), ...(e.otherwise === undefined ? [] : [e.otherwise]));
        break;
      }
      case "Unary": stack.push(e.operand); break;
      case "Binary": stack.push(e.left, e.right); break;
      case "If": stack.push(e.condition, e.then, e.otherwise); break;
      case "Call": stack.push(...e.args); break;
      case "Paren": stack.push(e.inner); break;
      case "Match": stack.push(e.subject, ...e.arms.map((a) => a.value), ...(e.otherwise === undefined ? [] : [e.otherwise])); break;
      default: break;
    }
  }
}

/**
 * Checks the rubric's classification bands (RL413, RL414): bands after one that takes
 * every unit, bands covered by earlier `index` thresholds, and a missing `otherwise`.
 * @param bands - the bands in order
 * @param out - where diagnostics go
 */
export function checkRubricBands(bands: readonly BandDecl[], out: Diagnostic[]): void {
  let upper: HalfLine | undefined;
  let lower: HalfLine | undefined;
  let takesAll: BandDecl | undefined;
  for (const band of bands) {
    if (takesAll !== undefined) {
      out.push(makeDiagnostic("RL413", band.range, { args: { line: takesAll.range.start.line } }));
      continue;
    }
    // Percentile bands are checked apart (percentile-bands.ts): they never take every unit.
    if (band.percentile !== undefined) continue;
    const c = band.condition;
    if (c === undefined) {
      takesAll = band;
      continue;
    }
    if (c.kind === "Binary" && c.left.kind === "BuiltinRef" && c.left.name === "index") {
      const arm = halfLine(c.op, c.right, band.range);
      if (arm === undefined) continue;
      if (covers(upper, lower, arm)) {
        out.push(makeDiagnostic("RL413", band.range, { args: { line: ((arm.up ? upper : lower) ?? upper ?? lower)!.range.start.line } }));
        continue;
      }
      if (arm.up) upper = widest(upper, arm);
      else lower = widest(lower, arm);
      if (everything(upper, lower)) takesAll = band;
    }
  }
  if (bands.length > 0 && takesAll === undefined && !bands.some((b) => b.percentile !== undefined)) out.push(makeDiagnostic("RL414", bands[bands.length - 1]!.range));
}
