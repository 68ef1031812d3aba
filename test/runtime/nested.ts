/**
 * fast-check generators of nested rubrics for the semantic invariants: trees up to
 * four levels deep using every aggregation, `not applicable` policies stated at any
 * level, `when` clauses with every policy, caps (children worth more than their
 * parent), bonus and penalty blocks; with units that answer every input and now and
 * then declare a node (at any depth) not arising. The tree is data, printed to source,
 * so the same rubric can be printed with its children reversed or regrouped.
 */
import fc from "fast-check";
import type { Aggregation, NaPolicy } from "../../src/compile/types.js";

/** How a generated leaf scores. */
export type LeafRule = "prop" | "deduct" | "given" | "bands";

/** A generated leaf. */
export interface GenLeaf {
  readonly kind: "leaf";
  readonly id: string;
  readonly rule: LeafRule;
  readonly max: number;
  /** Its own `not applicable:` statement. */
  readonly own: NaPolicy | undefined;
  /** The policy of its `when t == 0` clause (prop leaves only). */
  readonly when: NaPolicy | undefined;
}

/** A generated inner node. */
export interface GenInner {
  readonly kind: "inner";
  readonly id: string;
  readonly method: Aggregation;
  readonly max: number;
  readonly own: NaPolicy | undefined;
  readonly children: readonly GenNode[];
}

/** A generated node. */
export type GenNode = GenLeaf | GenInner;

/** A generated rubric. */
export interface NestedSpec {
  readonly areas: readonly GenInner[];
  readonly na: NaPolicy;
  readonly mode: string;
  readonly precision: number;
  readonly exceed: boolean;
  readonly bonusPolicy: NaPolicy;
}

const POLICY = fc.constantFrom<NaPolicy>("full", "exclude", "zero");
const optionalPolicy = fc.option(POLICY, { nil: undefined, freq: 3 });

const leafArb = (id: string): fc.Arbitrary<GenLeaf> =>
  fc.tuple(fc.constantFrom<LeafRule>("prop", "prop", "deduct", "given", "bands"), fc.constantFrom(1, 2, 4), optionalPolicy, optionalPolicy)
    .map(([rule, max, when, own]) => ({ kind: "leaf", id, rule, max, own, when: rule === "prop" ? when : undefined }));

const nodeArb = (id: string, depth: number): fc.Arbitrary<GenNode> =>
  depth >= 3 ? leafArb(id) : fc.oneof({ weight: depth === 0 ? 0 : 2, arbitrary: leafArb(id) }, { weight: 3, arbitrary: innerArb(id, depth) });

function weightOf(method: Aggregation, index: number): number {
  return method === "weighted" ? 1 + (index % 2) : 1;
}

const innerArb = (id: string, depth: number): fc.Arbitrary<GenInner> =>
  fc.tuple(fc.constantFrom<Aggregation>("sum", "sum", "weighted", "mean", "min", "normalised"), fc.integer({ min: 1, max: 3 }), optionalPolicy, fc.boolean())
    .chain(([method, count, own, cap]) =>
      fc.tuple(...Array.from({ length: count }, (_, i) => nodeArb(`${id}.${i + 1}`, depth + 1))).map((children): GenInner => {
        const reach = method === "normalised" ? 10
          : method === "mean" || method === "min" ? Math.min(...children.map((k) => k.max))
            : children.reduce((s, k, i) => s + k.max * weightOf(method, i), 0);
        // A cap ("tối đa"): a sum parent worth less than its children.
        const max = cap && method === "sum" && reach > 1 ? reach - 1 : reach;
        return { kind: "inner", id, method, max, own, children };
      }));

/** A nested rubric with every construct the invariants are about. */
export const nestedSpecArb: fc.Arbitrary<NestedSpec> = fc
  .tuple(
    fc.integer({ min: 1, max: 3 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => innerArb(String(i + 1), 0)))),
    POLICY,
    fc.constantFrom("half-up", "half-even", "half-down", "up", "down"),
    fc.nat({ max: 4 }),
    fc.boolean(),
    POLICY,
  )
  .map(([areas, na, mode, precision, exceed, bonusPolicy]) => ({ areas, na, mode, precision, exceed, bonusPolicy }));

/** The body of a leaf rule (`t == 0` is the "không phát sinh" case of `prop`). */
function ruleText(leaf: GenLeaf): string {
  switch (leaf.rule) {
    case "prop": return `input a: count in 0..60, t: count in ${leaf.when === undefined ? "1" : "0"}..50\n${leaf.when === undefined ? "" : ` when t == 0: ${leaf.when}\n`} score = max * min(a, t) / t`;
    case "deduct": return "input a: count in 0..10\n score = max - 0.5 * a";
    case "given": return "score = given step 0.5";
    case "bands": return "input a: count in 0..60, t: count in 1..50\n score = bands a / t { >= 100%: max; >= 50%: max / 2; else: 0 }";
  }
}

/** How to print: children in reverse order, or the first two children of sum nodes wrapped in a group. */
export interface PrintOptions {
  readonly reverse?: boolean;
  readonly group?: boolean;
}

function printNode(node: GenNode, depth: number, weight: number | undefined, options: PrintOptions): string {
  const head = (keyword: string, title: string) => `${keyword} "${node.id}" "${title} ${node.id}" max ${node.max}${weight === undefined ? "" : ` weight ${weight}`}`;
  const own = node.own === undefined ? "" : ` not applicable: ${node.own}\n`;
  if (node.kind === "leaf") return `${head("item", "Mục")} {\n${own} ${ruleText(node)}\n}`;
  let kids: { node: GenNode; weight: number | undefined }[] = node.children.map((c, i) => ({ node: c, weight: node.method === "weighted" ? weightOf("weighted", i) : undefined }));
  let groupText: string | undefined;
  if (options.group === true && node.method === "sum" && kids.length >= 2) {
    const [a, b] = [kids[0]!.node, kids[1]!.node];
    groupText = `criterion "${node.id}.g" "Nhóm gộp ${node.id}" max ${a.max + b.max} {\n${printNode(a, depth + 1, undefined, options)}\n${printNode(b, depth + 1, undefined, options)}\n}`;
    kids = kids.slice(2);
  }
  const parts = kids.map((k) => printNode(k.node, depth + 1, k.weight, options));
  if (groupText !== undefined) parts.unshift(groupText);
  if (options.reverse === true) parts.reverse();
  return `${head(depth === 0 ? "area" : "criterion", "Nhóm")} {\n aggregate ${node.method}\n${own}${parts.join("\n")}\n}`;
}

/**
 * The rubric's source.
 * @param spec - the generated rubric
 * @param options - printing variants that must not change any figure
 */
export function printSpec(spec: NestedSpec, options: PrintOptions = {}): string {
  const areas = spec.areas.map((a) => printNode(a, 0, undefined, options));
  if (options.reverse === true) areas.reverse();
  return [
    'rubric "Lồng nhau" {',
    ` publish precision ${spec.precision} rounding ${spec.mode}`,
    ` not applicable: ${spec.na}`,
    ...(spec.exceed ? [" bonus may exceed max"] : []),
    ...areas,
    `bonus "B" "Thưởng" max 2 { input n: count in 0..10\n when n == 0: ${spec.bonusPolicy}\n score = 0.5 * n }`,
    'penalty "P" "Trừ" max 2 { input k: count in 0..10\n when k == 0: zero\n score = 0.5 * k }',
    "}",
  ].join("\n");
}

/** Every node of a spec, pre-order. */
export function allNodes(spec: NestedSpec): GenNode[] {
  const out: GenNode[] = [];
  const walk = (n: GenNode): void => {
    out.push(n);
    if (n.kind === "inner") n.children.forEach(walk);
  };
  spec.areas.forEach(walk);
  return out;
}

/** Every leaf of a spec. */
export function allLeaves(spec: NestedSpec): GenLeaf[] {
  return allNodes(spec).filter((n): n is GenLeaf => n.kind === "leaf");
}

/** One leaf's answer. */
export type Answer = Readonly<Record<string, number | string>>;

/** The best answer a leaf can get (full marks). */
export function bestAnswer(leaf: GenLeaf): Answer {
  switch (leaf.rule) {
    case "prop": case "bands": return { a: 10, t: 10 };
    case "deduct": return { a: 0 };
    case "given": return { points: String(leaf.max) };
  }
}

const answerArb = (leaf: GenLeaf): fc.Arbitrary<Answer> => {
  switch (leaf.rule) {
    case "prop": return fc.tuple(fc.nat({ max: 60 }), fc.integer({ min: leaf.when === undefined ? 1 : 0, max: 50 })).map(([a, t]) => ({ a, t }));
    case "bands": return fc.tuple(fc.nat({ max: 60 }), fc.integer({ min: 1, max: 50 })).map(([a, t]) => ({ a, t }));
    case "deduct": return fc.nat({ max: 10 }).map((a) => ({ a }));
    case "given": return fc.nat({ max: leaf.max * 2 }).map((h) => ({ points: String(h / 2) }));
  }
};

/** A generated unit's submission. */
export interface NestedSubmission {
  readonly unit: { readonly id: string };
  readonly self: Record<string, Answer>;
  readonly notApplicable?: Record<string, string>;
}

/** A submission for a nested rubric: every leaf answered, some nodes declared not arising. */
export const nestedSubmissionArb = (spec: NestedSpec): fc.Arbitrary<NestedSubmission> => {
  const leaves = allLeaves(spec);
  return fc.tuple(fc.tuple(...leaves.map(answerArb)), fc.subarray(allNodes(spec).map((n) => n.id), { maxLength: 2 }), fc.nat({ max: 10 }), fc.nat({ max: 10 }))
    .map(([answers, declared, n, k]) => ({
      unit: { id: "u" },
      self: { ...Object.fromEntries(leaves.map((leaf, i) => [leaf.id, answers[i]!])), B: { n }, P: { k } },
      ...(declared.length === 0 ? {} : { notApplicable: Object.fromEntries(declared.map((id) => [id, "không phát sinh"])) }),
    }));
};
