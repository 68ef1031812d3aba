/**
 * The kernel's inputs as column arrays: every input of every leaf, every unit fact,
 * every given-points figure and every N/A declaration has a slot, and a column holds
 * that slot's value for each unit (flat: `slot × size + unit`). Values are read and
 * converted once, so scoring many units (or one unit many times, as sensitivity and
 * what-if analysis do) consults no map.
 * @module
 */
import type { CompiledExpr, CompiledRubric } from "../compile/types.js";
import { Exact } from "./exact.js";
import { fromExact, type Num } from "./fast-num.js";
import { fromValue, type Fast } from "./kernel-expr.js";
import type { UnitInputs } from "./result.js";

/** Given points as read: the exact value and its kernel number. */
export interface GivenPoints {
  /** Exact value. */
  readonly exact: Exact;
  /** The same as a kernel number. */
  readonly num: Num;
}

/** Where each value lives. */
export interface KernelLayout {
  /** Value columns: the inputs of leaves (node id and name), then unit facts. */
  readonly columns: readonly ({ readonly kind: "input"; readonly node: string; readonly name: string } | { readonly kind: "fact"; readonly name: string })[];
  /** Node ids of the given-points columns. */
  readonly given: readonly string[];
  /** Node ids by node slot (tree nodes in pre-order, then extras): the N/A declaration columns. */
  readonly nodes: readonly string[];
  /** Column of an input of a node (undefined when the rubric never reads it). */
  inputSlot(node: string, name: string): number | undefined;
  /** Column of a unit fact. */
  factSlot(name: string): number;
  /** Given-points column of a node. */
  givenSlot(node: string): number;
}

/** Column arrays for `size` units. */
export interface KernelColumns {
  /** Units held. */
  readonly size: number;
  /** Input and fact values, `slot × size + unit`; undefined where missing. */
  readonly values: (Fast | undefined)[];
  /** Given points, `given slot × size + unit`; undefined where missing or unreadable. */
  readonly given: (GivenPoints | undefined)[];
  /** N/A declarations (their reason), `node slot × size + unit`. */
  readonly declared: (string | undefined)[];
}

function inputsRead(e: CompiledExpr, into: Set<string>): void {
  if (e.op === "input") into.add(e.name);
  for (const v of Object.values(e)) {
    if (Array.isArray(v)) for (const x of v) walk(x, into);
    else walk(v, into);
  }
}

function walk(v: unknown, into: Set<string>): void {
  if (typeof v !== "object" || v === null) return;
  if ("op" in v) inputsRead(v as CompiledExpr, into);
  else for (const x of Object.values(v)) walk(x, into); // a bands arm
}

/**
 * The column layout of a rubric.
 * @param rubric - a compiled rubric
 */
export function columnLayout(rubric: CompiledRubric): KernelLayout {
  const columns: KernelLayout["columns"][number][] = [];
  const inputs = new Map<string, Map<string, number>>();
  const given = new Map<string, number>();
  const nodes: string[] = [];
  const addLeaf = (id: string, leaf: NonNullable<CompiledRubric["nodes"][number]["leaf"]>): void => {
    const names = new Set(leaf.inputs.map((d) => d.name));
    for (const l of leaf.lets) inputsRead(l.expr, names);
    for (const w of leaf.when) inputsRead(w.cond, names);
    if (leaf.rule.kind === "expr") inputsRead(leaf.rule.expr, names);
    else given.set(id, given.size);
    const slots = new Map<string, number>();
    for (const name of names) slots.set(name, columns.push({ kind: "input", node: id, name }) - 1);
    inputs.set(id, slots);
  };
  const visit = (n: CompiledRubric["nodes"][number]): void => {
    nodes.push(n.id);
    if (n.leaf !== undefined) addLeaf(n.id, n.leaf);
    for (const c of n.children ?? []) visit(c);
  };
  rubric.nodes.forEach(visit);
  for (const x of rubric.extras) {
    nodes.push(x.id);
    addLeaf(x.id, x.leaf);
  }
  const facts = new Map<string, number>();
  const factSlot = (name: string): number => {
    let slot = facts.get(name);
    if (slot === undefined) facts.set(name, (slot = columns.push({ kind: "fact", name }) - 1));
    return slot;
  };
  for (const d of rubric.unitFacts) factSlot(name(d));
  return {
    columns, given: [...given.keys()], nodes,
    inputSlot: (node, n) => inputs.get(node)?.get(n),
    factSlot,
    givenSlot: (node) => given.get(node)!,
  };
}

function name(d: { readonly name: string }): string {
  return d.name;
}

/**
 * Reads given points; undefined when missing or not a number (the plain path then says why).
 * @param text - the points as given
 */
export function readGiven(text: string | undefined): GivenPoints | undefined {
  if (text === undefined) return undefined;
  const exact = Exact.parse(text);
  return exact === undefined ? undefined : { exact, num: fromExact(exact) };
}

/**
 * Reads units into columns. A fact named in an expression but not declared gets a
 * column when the layout is built, so every slot is known here.
 * @param layout - the rubric's layout
 * @param units - the units' typed inputs
 */
export function readColumns(layout: KernelLayout, units: readonly UnitInputs[]): KernelColumns {
  const size = units.length;
  const values = new Array<Fast | undefined>(layout.columns.length * size);
  const given = new Array<GivenPoints | undefined>(layout.given.length * size);
  const declared = new Array<string | undefined>(layout.nodes.length * size);
  units.forEach((unit, u) => {
    layout.columns.forEach((c, slot) => {
      const v = c.kind === "fact" ? unit.facts.get(c.name) : unit.nodes.get(c.node)?.inputs?.get(c.name);
      values[slot * size + u] = v === undefined ? undefined : fromValue(v);
    });
    layout.given.forEach((id, slot) => {
      given[slot * size + u] = readGiven(unit.nodes.get(id)?.points);
    });
    layout.nodes.forEach((id, slot) => {
      declared[slot * size + u] = unit.nodes.get(id)?.notApplicable;
    });
  });
  return { size, values, given, declared };
}
