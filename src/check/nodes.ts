/**
 * Checks of each node and bonus/penalty block: its statements (inputs, lets, when,
 * score), leaf or inner structure, weights, maxima against its children, `given` steps.
 * @module
 */
import type { CriterionNode, Expr, ExtraNode, NodeStatement, TypeExpr } from "../syntax/ast.js";
import { dec } from "./decimal.js";
import { makeDiagnostic, type Diagnostic } from "../diagnostics.js";
import { checkRuleBounds } from "./bounds.js";
import { checkBandsExpr } from "./bands.js";
import { checkQuantities, declaredQuantity, quantityOf, type QuantityEnv } from "./quantities.js";
import { expect, infer, tyOf, value, type Scope, type Ty } from "./types.js";
import { childNodes, type NodeEntry } from "./walk.js";
import { exactOf } from "./exact-max.js";
import { Exact } from "../runtime/exact.js";

const BOOL: Ty = { k: "bool" };
const NUM: Ty = { k: "num" };

/**
 * Checks one node or extra block.
 * @param entry - the node with its parent
 * @param facts - the unit facts
 * @param out - where diagnostics go
 */
export function checkNode(entry: NodeEntry, facts: ReadonlyMap<string, Ty>, out: Diagnostic[], factQuantities: QuantityEnv = new Map()): void {
  const { node, parent } = entry;
  const id = node.id.value;
  const children = childNodes(node.body);
  // The body's statements by kind, in one pass (rather than one filter per kind asked).
  const byKind = new Map<NodeStatement["kind"], NodeStatement[]>();
  for (const st of node.body) {
    const list = byKind.get(st.kind);
    if (list === undefined) byKind.set(st.kind, [st]);
    else list.push(st);
  }
  const own = (kind: NodeStatement["kind"]): NodeStatement[] => byKind.get(kind) ?? [];
  const scores = [...own("Score"), ...own("ScoreGiven")];

  if (dec(node.max.text).lte(0)) {
    out.push(makeDiagnostic("RL305", node.max.range, { args: { what: `The max of "${id}"`, must: "greater than 0", value: node.max.text } }));
  }
  for (const kind of ["Description", "Aggregate", "Unclamped", "NotApplicable"] as const) {
    for (const dup of own(kind).slice(1)) out.push(makeDiagnostic("RL206", dup.range, { args: { what: statementName(kind) } }));
  }
  for (const dup of scores.slice(1)) out.push(makeDiagnostic("RL206", dup.range, { args: { what: "score" } }));
  if (node.kind === "Node") checkOptions(node, parent, out);

  if (node.kind === "Extra") {
    for (const st of node.body) {
      if (st.kind === "Node" || st.kind === "Aggregate" || st.kind === "Unclamped") {
        out.push(makeDiagnostic("RL403", st.kind === "Node" ? st.headerRange : st.range, { args: { what: st.kind === "Node" ? "a child criterion" : `'${statementName(st.kind)}'`, where: `inside ${node.sign} "${id}"` } }));
      }
    }
    if (scores.length === 0) out.push(makeDiagnostic("RL401", node.headerRange, { args: { id } }));
  } else if (children.length > 0) {
    const leafish = node.body.find((st) => st.kind === "Score" || st.kind === "ScoreGiven" || st.kind === "Input" || st.kind === "Let" || st.kind === "When");
    if (leafish !== undefined) {
      const what = leafish.kind === "Input" ? "inputs" : leafish.kind === "Let" ? "'let' values" : leafish.kind === "When" ? "'when' clause" : "score rule";
      out.push(makeDiagnostic("RL402", leafish.range, { args: { id, what } }));
    }
    checkMaxima(node, children, out);
  } else {
    if (scores.length === 0) out.push(makeDiagnostic("RL401", node.headerRange, { args: { id } }));
    for (const agg of own("Aggregate")) out.push(makeDiagnostic("RL403", agg.range, { args: { what: "'aggregate'", where: `on "${id}", which has no child criteria` } }));
  }
  checkStatements(node, facts, out, factQuantities);
}

function statementName(kind: NodeStatement["kind"]): string {
  return kind === "NotApplicable" ? "not applicable" : kind.toLowerCase();
}

function checkOptions(node: CriterionNode, parent: CriterionNode | undefined, out: Diagnostic[]): void {
  const seen = new Set<string>();
  for (const option of node.options) {
    if (seen.has(option.kind)) out.push(makeDiagnostic("RL206", option.range, { args: { what: option.kind === "Weight" ? "weight" : option.kind === "AppliesWhen" ? "applies when" : "from survey" } }));
    seen.add(option.kind);
  }
  const weighted = parent?.body.some((st) => st.kind === "Aggregate" && st.method === "weighted") ?? false;
  const weight = node.options.find((o) => o.kind === "Weight");
  if (weighted && weight === undefined) {
    out.push(makeDiagnostic("RL404", node.headerRange, { args: { id: node.id.value } }));
  } else if (!weighted && weight !== undefined) {
    out.push(makeDiagnostic("RL416", weight.range, { args: { id: node.id.value } }));
  }
}

function checkMaxima(node: CriterionNode, children: readonly CriterionNode[], out: Diagnostic[]): void {
  const aggregate = node.body.find((st) => st.kind === "Aggregate");
  const method = aggregate?.kind === "Aggregate" ? aggregate.method : "sum";
  if (method === "normalised") return;
  // A missing weight is reported (RL404); a sum that counts it as 0 would only add noise.
  if (method === "weighted" && children.some((c) => !c.options.some((o) => o.kind === "Weight"))) return;
  // Exact rationals, so three children of `max 10/3` add up to exactly 10.
  const maxima = children.map((c) => exactOf(c.max.text));
  const own = exactOf(node.max.text);
  const badWeight = method === "weighted" && children.some((c) => c.options.some((o) => o.kind === "Weight" && exactOf(o.text) === undefined));
  if (own === undefined || badWeight || maxima.some((m) => m === undefined)) return; // RL340 / RL305 already say why
  const exact = maxima as Exact[];
  let total: Exact;
  if (method === "weighted") {
    total = children.reduce((acc, c, i) => {
      const w = c.options.find((o) => o.kind === "Weight");
      const weight = w?.kind === "Weight" ? exactOf(w.text) : undefined;
      return weight === undefined ? acc : acc.plus(weight.times(exact[i]!));
    }, Exact.ZERO);
  } else if (method === "mean") {
    total = exact.reduce((a, b) => a.plus(b), Exact.ZERO).dividedBy(Exact.int(exact.length));
  } else if (method === "min") {
    total = Exact.min(...exact);
  } else {
    total = exact.reduce((a, b) => a.plus(b), Exact.ZERO);
  }
  const args = { id: node.id.value, sum: total.toString(), max: own.toString() };
  // Less than the max: every unit is scored lower than the decision intends (an error).
  // More: the points are capped at the max ("tối đa 2 điểm"), a common and deliberate rule.
  if (total.comparedTo(own) < 0) out.push(makeDiagnostic("RL400", node.headerRange, { args }));
  else if (total.comparedTo(own) > 0) {
    const unclamped = node.body.some((st) => st.kind === "Unclamped");
    out.push(makeDiagnostic("RL417", node.headerRange, { args: unclamped ? { ...args, unclamped: "yes" } : args }));
  }
}

function checkStatements(node: CriterionNode | ExtraNode, facts: ReadonlyMap<string, Ty>, out: Diagnostic[], factQuantities: QuantityEnv): void {
  const before = out.length;
  const inputs = new Map<string, Ty>();
  const declared = new Map<string, NodeStatement>();
  const lets = new Map<string, { order: number; type: Ty; body?: Expr }>();
  let order = 0;
  for (const st of node.body) {
    const names = st.kind === "Input" ? st.declarations.map((d) => d.name) : st.kind === "Let" ? [st.name] : [];
    for (const name of names) {
      if (declared.has(name.name)) out.push(makeDiagnostic("RL202", name.range, { args: { name: name.name } }));
      declared.set(name.name, st);
    }
    if (st.kind === "Input") for (const d of st.declarations) inputs.set(d.name.name, tyOf(d.type));
    if (st.kind === "Let") lets.set(st.name.name, { order: order++, type: { k: "unknown" }, body: st.value });
  }
  const used = new Set<string>();
  const scope = (place: Scope["place"], letOrder = Infinity): Scope => ({ place, inputs, lets, letOrder, facts, used, out });
  const quantities = new Map(factQuantities);
  for (const st of node.body) {
    if (st.kind !== "Input") continue;
    for (const d of st.declarations) {
      if (d.type.kind === "ListType") quantities.set(`${d.name.name}[]`, declaredQuantity(d.type.element));
      else quantities.set(d.name.name, declaredQuantity(d.type));
    }
  }

  for (const option of node.kind === "Node" ? node.options : []) {
    if (option.kind === "AppliesWhen") {
      expect(option.condition, BOOL, scope("applies"));
      checkQuantities(option.condition, factQuantities, out);
    }
  }
  let letIndex = 0;
  for (const st of node.body) {
    switch (st.kind) {
      case "Let": {
        const s = scope("rule", letIndex);
        const t = value(st.value, s);
        lets.set(st.name.name, { order: letIndex++, type: t, body: st.value });
        checkBandsExpr(st.value, out);
        checkQuantities(st.value, quantities, out);
        quantities.set(st.name.name, quantityOf(st.value, quantities));
        break;
      }
      case "When":
        expect(st.condition, BOOL, scope("when"));
        checkQuantities(st.condition, quantities, out);
        break;
      case "Score": {
        const s = scope("rule");
        const t = infer(st.rule, s);
        if (t.k === "member") expect(st.rule, NUM, s);
        else if (t.k !== "unknown" && t.k !== "num") out.push(makeDiagnostic("RL300", st.rule.range, { args: { expected: "a number", found: t.k === "bool" ? "a true/false value" : t.k } }));
        checkBandsExpr(st.rule, out);
        checkQuantities(st.rule, quantities, out);
        if (node.kind === "Node" && !node.body.some((x) => x.kind === "Unclamped")) checkRuleBounds(node, st.rule, out);
        break;
      }
      case "ScoreGiven": checkGiven(node, st, out); break;
      case "Input":
        for (const d of st.declarations) checkRangeBounds(d.type, out);
        break;
      default: break;
    }
  }
  // An unknown name here is most likely one of the inputs, misspelt: "unused" would only repeat it.
  const unknownName = out.slice(before).some((d) => d.code === "RL201");
  for (const st of unknownName ? [] : node.body) {
    if (st.kind !== "Input") continue;
    for (const d of st.declarations) {
      if (!used.has(d.name.name) && !(d.type.kind === "SimpleType" && d.type.name === "text")) {
        out.push(makeDiagnostic("RL415", d.name.range, { args: { id: node.id.value } }));
      }
    }
  }
}

function checkGiven(node: CriterionNode | ExtraNode, st: Extract<NodeStatement, { kind: "ScoreGiven" }>, out: Diagnostic[]): void {
  if (st.step === undefined) return;
  const step = dec(st.step.text);
  if (step.lte(0)) {
    out.push(makeDiagnostic("RL305", st.step.range, { args: { what: "The step", must: "greater than 0", value: st.step.text } }));
  } else if (!dec(node.max.text).mod(step).isZero()) {
    out.push(makeDiagnostic("RL411", st.step.range, { args: { step: st.step.text, max: node.max.text, id: node.id.value } }));
  }
}

/**
 * Checks the bounds written in a type: low ≤ high, whole likert bounds.
 * @param type - a declared type
 * @param out - where diagnostics go
 */
export function checkRangeBounds(type: TypeExpr, out: Diagnostic[]): void {
  const scalar = type.kind === "ListType" ? type.element : type;
  if (scalar.kind === "LikertType") {
    for (const b of [scalar.min, scalar.max]) {
      if (b.value.includes(".")) out.push(makeDiagnostic("RL305", b.range, { args: { what: "A likert bound", must: "a whole number", value: b.value } }));
    }
  }
  if ((scalar.kind === "NumberType" || scalar.kind === "LikertType") && scalar.min !== undefined && scalar.max !== undefined) {
    if (dec(scalar.min.value).gt(scalar.max.value)) {
      out.push(makeDiagnostic("RL304", scalar.range, { args: { min: scalar.min.value, max: scalar.max.value } }));
    }
  }
}
