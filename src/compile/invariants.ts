/**
 * Every invariant the compiler guarantees, checked again on a stored compiled rubric:
 * numbers within the accepted range, maxima, weights and steps above 0, ids unique,
 * names declared once and resolved where they are used, types that fit, ranking keys
 * that name nodes. The fingerprint only detects accidents — anyone can recompute it —
 * so `loadCompiled` checks these before the runtime sees the rubric. Pure.
 * @module
 */
import type { Locale } from "../diagnostics.js";
import { INVARIANT } from "./invariant-messages.js";
import { exprTy, expectTy, tyOf, type ExprScope, type PathIssue, type Ty } from "./invariant-types.js";
import { withinNumberBounds } from "./number-bounds.js";
import type { CompiledDecl, CompiledExpr, CompiledLeaf, CompiledNode, CompiledRubric, CompiledType } from "./types.js";

type Path = readonly (string | number)[];

const NUM: Ty = { k: "num" };
const BOOL: Ty = { k: "bool" };
/** Issues reported at most: a broken file says enough in fifty. */
const MAX_ISSUES = 50;

/** Compares two decimals within the accepted range (canonical or not), as BigInts. */
function compareDecimal(a: string, b: string): number {
  const scaled = (t: string): bigint => {
    const neg = t.startsWith("-");
    const [int = "0", frac = ""] = (neg ? t.slice(1) : t).split(".");
    return BigInt(`${neg ? "-" : ""}${int}${frac.padEnd(60, "0")}`);
  };
  const x = scaled(a);
  const y = scaled(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

const positive = (t: string): boolean => !t.startsWith("-") && /[1-9]/.test(t);

/** Checks what a whole rubric promises; returns at most fifty issues. */
class Checker {
  readonly out: PathIssue[] = [];
  private readonly ids = new Map<string, string>();

  constructor(private readonly rubric: CompiledRubric, private readonly locale: Locale) {}

  issue(path: Path, message: string): void {
    if (this.out.length < MAX_ISSUES) this.out.push({ path, message });
  }

  number(value: string | undefined, path: Path, mustBePositive?: string): boolean {
    if (value === undefined) return true;
    // A maximum or weight may be an exact fraction ("10/3"): each part within the bounds.
    if (!value.split("/").every(withinNumberBounds)) {
      this.issue(path, INVARIANT.outOfRange(this.locale, value));
      return false;
    }
    if (mustBePositive !== undefined && !positive(value)) this.issue(path, INVARIANT.notPositive(this.locale, mustBePositive, value));
    return true;
  }

  type(t: CompiledType, path: Path): void {
    const scalar = t.kind === "list" ? t.element : t;
    const at = t.kind === "list" ? [...path, "element"] : path;
    if (scalar.kind === "enum") {
      if (new Set(scalar.members).size !== scalar.members.length) this.issue([...at, "members"], INVARIANT.duplicateName(this.locale, scalar.members.find((m, i) => scalar.members.indexOf(m) !== i)!));
      return;
    }
    if (!("min" in scalar) && !("max" in scalar)) return;
    const { min, max } = scalar as { min?: string; max?: string };
    const inRange = this.number(min, [...at, "min"]) && this.number(max, [...at, "max"]);
    const whole = scalar.kind !== "likert" || (!min?.includes(".") && !max?.includes("."));
    if (inRange && (!whole || (min !== undefined && max !== undefined && compareDecimal(min, max) > 0))) this.issue(at, INVARIANT.badRange(this.locale, min ?? "", max ?? ""));
  }

  decls(decls: readonly CompiledDecl[], path: Path): Map<string, CompiledType> {
    const found = new Map<string, CompiledType>();
    decls.forEach((d, i) => {
      if (found.has(d.name)) this.issue([...path, i, "name"], INVARIANT.duplicateName(this.locale, d.name));
      found.set(d.name, d.type);
      this.type(d.type, [...path, i, "type"]);
    });
    return found;
  }

  scope(extra: Partial<ExprScope>): ExprScope {
    return { letOrder: Infinity, allowMax: false, figures: new Set(), locale: this.locale, out: this.out, ...extra };
  }

  id(id: string, path: Path): void {
    const first = this.ids.get(id);
    if (first !== undefined) this.issue([...path, "id"], INVARIANT.duplicateId(this.locale, id, first));
    else this.ids.set(id, path.join("."));
  }

  leaf(leaf: CompiledLeaf, facts: ReadonlyMap<string, CompiledType>, path: Path): void {
    const inputs = this.decls(leaf.inputs, [...path, "inputs"]);
    const lets = new Map<string, { order: number; type: Ty }>();
    leaf.lets.forEach((l, i) => {
      const at = [...path, "lets", i];
      if (lets.has(l.name) || inputs.has(l.name)) this.issue([...at, "name"], INVARIANT.duplicateName(this.locale, l.name));
      const type = exprTy(l.expr, [...at, "expr"], this.scope({ inputs, lets, letOrder: i, facts, allowMax: true, allowCohort: true }));
      if (!lets.has(l.name)) lets.set(l.name, { order: i, type });
    });
    const all = this.scope({ inputs, lets, facts, allowMax: true });
    leaf.when.forEach((w, i) => expectTy(w.cond, BOOL, [...path, "when", i, "cond"], all));
    if (leaf.rule.kind === "expr") expectTy(leaf.rule.expr, NUM, [...path, "rule", "expr"], { ...all, allowCohort: true });
    else this.number(leaf.rule.step, [...path, "rule", "step"], "step");
  }

  /** The tree, with an explicit stack (depth is bounded by the loader, breadth is not). */
  nodes(facts: ReadonlyMap<string, CompiledType>): void {
    const stack: { node: CompiledNode; path: Path; weighted: boolean }[] = this.rubric.nodes.map((node, i) => ({ node, path: ["nodes", i], weighted: false })).reverse();
    while (stack.length > 0) {
      const { node, path, weighted } = stack.pop()!;
      this.id(node.id, path);
      this.number(node.max, [...path, "max"], "max");
      this.number(node.weight, [...path, "weight"], "weight");
      if (weighted && node.weight === undefined) this.issue(path, INVARIANT.noWeight(this.locale));
      if (node.appliesWhen !== undefined) expectTy(node.appliesWhen, BOOL, [...path, "appliesWhen"], this.scope({ facts }));
      if (node.leaf !== undefined) this.leaf(node.leaf, facts, [...path, "leaf"]);
      const children = node.children ?? [];
      for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i]!, path: [...path, "children", i], weighted: node.aggregate === "weighted" });
    }
  }

  run(): PathIssue[] {
    const r = this.rubric;
    const facts = this.decls(r.unitFacts, ["unitFacts"]);
    this.nodes(facts);
    r.extras.forEach((e, i) => {
      this.id(e.id, ["extras", i]);
      this.number(e.max, ["extras", i, "max"], "max");
      this.leaf(e.leaf, facts, ["extras", i, "leaf"]);
    });
    expectTy(r.index, NUM, ["index"], this.scope({ figures: new Set(["points", "max", "bonus", "penalty"]), allowCohort: true }));
    if (r.ranking.eligible !== undefined) expectTy(r.ranking.eligible.when, BOOL, ["ranking", "eligible", "when"], this.scope({ facts }));
    const bandScope = this.scope({ figures: new Set(["index", "points", "max", "bonus", "penalty"]) });
    const checkBands = (bands: CompiledRubric["bands"], at: (string | number)[]): void => bands.forEach((b, i) => {
      if (b.when !== undefined) expectTy(b.when, BOOL, [...at, i, "when"], bandScope);
      const p = b.cut?.percentile;
      if (p !== undefined && (p.startsWith("-") || Number(p) > 100)) this.issue([...at, i, "cut", "percentile"], INVARIANT.percentile(this.locale, p));
    });
    checkBands(r.bands, ["bands"]);
    r.bandBlocks?.forEach((b, i) => checkBands(b.bands, ["bandBlocks", i, "bands"]));
    r.ranking.keys.forEach((k, i) => {
      if (k.target.kind === "node" && !this.ids.has(k.target.id)) this.issue(["ranking", "keys", i, "target", "id"], INVARIANT.unknownSortNode(this.locale, k.target.id));
    });
    // Numbers written in expressions.
    this.literals();
    return this.out.slice(0, MAX_ISSUES);
  }

  /** Every number literal in every expression, within the range. */
  literals(): void {
    const stack: { value: unknown; path: Path }[] = [{ value: this.rubric, path: [] }];
    while (stack.length > 0 && this.out.length < MAX_ISSUES) {
      const { value, path } = stack.pop()!;
      if (typeof value !== "object" || value === null) continue;
      const e = value as CompiledExpr;
      if (e.op === "num" && typeof e.value === "string") this.number(e.value, [...path, "value"]);
      for (const [key, child] of Object.entries(value)) if (typeof child === "object" && child !== null) stack.push({ value: child, path: [...path, Array.isArray(value) ? Number(key) : key] });
    }
  }
}

/**
 * Checks the invariants of a compiled rubric whose shape is already valid.
 * @param rubric - the rubric (shape-checked)
 * @param locale - message language
 * @returns every broken invariant (at most fifty), with its JSON path
 */
export function checkInvariants(rubric: CompiledRubric, locale: Locale = "en"): PathIssue[] {
  return new Checker(rubric, locale).run();
}
