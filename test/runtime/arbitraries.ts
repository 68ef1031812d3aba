/**
 * fast-check generators for the runtime: valid values of declared types, and typed
 * rubrics whose rules use every expression form, with units that sometimes miss an
 * input, declare a node not applicable or give points out of range.
 */
import fc from "fast-check";
import type { CompiledDecl, CompiledNode, CompiledScalarType } from "../../src/compile/types.js";
import { Exact } from "../../src/runtime/exact.js";
import type { UnitInputs } from "../../src/runtime/result.js";
import type { Value } from "../../src/runtime/values.js";

/** A random valid value of a declared type. */
export function scalar(t: CompiledScalarType): fc.Arbitrary<Value> {
  // A bound with more than two decimals (PAPI's 0..3.333333) is met on the hundredths inside it.
  const num = (lo: number, hi: number, scale = 1): fc.Arbitrary<Value> =>
    fc.integer({ min: Math.ceil(lo * 100 - 1e-9), max: Math.floor(hi * 100 + 1e-9) }).map((n) => ({ kind: "num", value: Exact.fraction(BigInt(n), BigInt(100 * scale)) }));
  switch (t.kind) {
    case "count": return fc.integer({ min: Number(t.min ?? 0), max: Number(t.max ?? 60) }).map((n) => ({ kind: "num", value: Exact.int(n) }));
    case "number": return num(Number(t.min ?? -50), Number(t.max ?? 50));
    case "percent": return num(Number(t.min ?? 0), Number(t.max ?? 100), 100);
    case "likert": return fc.integer({ min: Number(t.min), max: Number(t.max) }).map((n) => ({ kind: "num", value: Exact.int(n) }));
    case "bool": return fc.boolean().map((value) => ({ kind: "bool", value }));
    case "date": return fc.date({ min: new Date("2021-06-01"), max: new Date("2023-06-01"), noInvalidDate: true }).map((d) => ({ kind: "date", value: d.toISOString().slice(0, 10) }));
    case "enum": return fc.constantFrom(...t.members).map((value) => ({ kind: "enum", value }));
    case "text": return fc.string().map((value) => ({ kind: "text", value }));
  }
}

/** A random valid value of a declaration, with its name. */
export function declValue(d: CompiledDecl): fc.Arbitrary<[string, Value]> {
  const v = d.type.kind === "list" ? fc.array(scalar(d.type.element), { minLength: 1, maxLength: 8 }).map((items): Value => ({ kind: "list", items })) : scalar(d.type);
  return v.map((value) => [d.name, value]);
}

/** The leaves of a tree, in order. */
export function leaves(nodes: readonly CompiledNode[]): CompiledNode[] {
  return nodes.flatMap((n) => (n.children === undefined ? [n] : leaves(n.children)));
}


const INPUTS = "input x: number in -50..50, p: percent in 0..100, n: count in 0..60, xs: list of number, d: date, e: enum(aa, bb), ok: bool, ys: list of likert(1..5), es: list of enum(aa, bb, cc)";
const literal = fc.oneof(
  fc.nat({ max: 20 }).map(String),
  fc.tuple(fc.nat({ max: 9 }), fc.integer({ min: 1, max: 999 })).map(([a, b]) => `${a}.${b}`),
  fc.nat({ max: 150 }).map((n) => `${n}%`),
);
const cmpOp = fc.constantFrom("==", "!=", "<", "<=", ">", ">=");

/** A typed boolean and a typed numeric expression over the inputs of {@link INPUTS}. */
function exprs(lets: boolean): { num: fc.Memo<string>; bool: fc.Memo<string> } {
  const atoms = lets ? ["x", "p", "n", "max", "r"] : ["x", "p", "n", "max"];
  const bool: fc.Memo<string> = fc.memo((depth) => {
    const base = fc.oneof(
      fc.tuple(num(depth - 1), cmpOp, num(depth - 1)).map(([a, op, b]) => `${a} ${op} ${b}`),
      fc.constantFrom("d <= 2022-06-01", "d > 2021-12-31", "e == aa", "e != bb", "ok", "unit.kind == k1", "share(ys >= 4) >= 50%", "count(es == cc) > 1"),
    );
    if (depth <= 1) return base;
    return fc.oneof(
      { weight: 3, arbitrary: base },
      { weight: 1, arbitrary: bool(depth - 1).map((b) => `not (${b})`) },
      { weight: 1, arbitrary: fc.tuple(bool(depth - 1), fc.constantFrom("and", "or"), bool(depth - 1)).map(([a, op, b]) => `(${a}) ${op} (${b})`) },
    );
  });
  const num: fc.Memo<string> = fc.memo((depth) => {
    const atom = fc.oneof(literal, fc.constantFrom(...atoms));
    if (depth <= 1) return atom;
    const sub = num(depth - 1);
    return fc.oneof(
      { weight: 4, arbitrary: atom },
      { weight: 4, arbitrary: fc.tuple(sub, fc.constantFrom("+", "-", "*", "/"), sub).map(([a, op, b]) => `(${a} ${op} ${b})`) },
      { weight: 1, arbitrary: sub.map((a) => `-(${a})`) },
      { weight: 1, arbitrary: fc.tuple(fc.constantFrom("min", "max", "ratio"), sub, sub).map(([f, a, b]) => `${f}(${a}, ${b})`) },
      { weight: 1, arbitrary: fc.tuple(fc.constantFrom("floor", "ceil", "abs"), sub).map(([f, a]) => `${f}(${a})`) },
      { weight: 1, arbitrary: fc.constantFrom("mean(xs)", "sum(xs)", "count(xs)", "min(xs)", "max(xs)") },
      { weight: 1, arbitrary: fc.tuple(sub, sub, sub).map(([a, b, c]) => `clamp(${a}, ${b}, ${c})`) },
      { weight: 1, arbitrary: fc.tuple(sub, fc.nat({ max: 4 })).map(([a, k]) => `round(${a}, ${k})`) },
      // Lists of answers: count and share of a condition (reading other inputs too), match.
      { weight: 1, arbitrary: fc.tuple(fc.constantFrom("count", "share"), cmpOp, fc.integer({ min: 1, max: 5 })).map(([f, op, k]) => `${f}(ys ${op} ${k})`) },
      { weight: 1, arbitrary: fc.constantFrom("share(es == aa or es == cc)", "count(ys > n and not (ys == 5))", "share(match ys { 1, 2: 0%; 3: 50%; 4, 5: 100% } >= 50%)", "mean(match es { aa: 1; bb: 0.6; cc: 0 })", "sum(match ys { 5: 2; else: 0 })") },
      { weight: 1, arbitrary: fc.tuple(sub, sub).map(([a, b]) => `(match e { aa: ${a}; bb: ${b} })`) },
      { weight: 1, arbitrary: fc.tuple(sub, sub).map(([a, b]) => `(match n { 0, 1: ${a}; else: ${b} })`) },
      { weight: 1, arbitrary: fc.tuple(bool(depth - 1), sub, sub).map(([c, a, b]) => `(if ${c} then ${a} else ${b})`) },
      {
        weight: 2,
        arbitrary: fc.tuple(sub, fc.array(fc.tuple(cmpOp, literal, sub), { minLength: 1, maxLength: 3 }), fc.option(sub, { nil: undefined }))
          .map(([s, arms, otherwise]) => `(bands ${s} { ${[...arms.map(([op, t, v]) => `${op} ${t}: ${v}`), ...(otherwise === undefined ? [] : [`else: ${otherwise}`])].join("; ")} })`),
      },
    );
  });
  return { num, bool };
}

const withLets = exprs(true);
const noLets = exprs(false);

const leafArb = (id: string, max: string, weight: string): fc.Arbitrary<string> =>
  fc.tuple(
    fc.option(noLets.num(3), { nil: undefined }),
    fc.option(fc.tuple(noLets.bool(2), fc.constantFrom("full", "exclude", "zero")), { nil: undefined }),
    fc.oneof({ weight: 6, arbitrary: fc.constant("") }, { weight: 1, arbitrary: fc.constant("given") }),
    fc.boolean(),
    fc.oneof({ weight: 4, arbitrary: fc.constant("") }, { weight: 1, arbitrary: fc.constant(" applies when unit.kind == k2") }),
  ).chain(([letExpr, when, given, unclamped, applies]) =>
    (given === "given" ? fc.constant("given step 0.25") : (letExpr === undefined ? noLets : withLets).num(4)).map((score) => [
      `  item "${id}" "Mục ${id}" max ${max}${weight}${applies} {`,
      ...(unclamped ? ["    unclamped"] : []),
      `    ${INPUTS}`,
      ...(letExpr === undefined ? [] : [`    let r = ${letExpr}`]),
      ...(when === undefined ? [] : [`    when ${when[0]}: ${when[1]}`]),
      `    score = ${score}`,
      "  }",
    ].join("\n")));

// Maxima and weights include exact fractions (`max 10/3`, `weight 1/3`): a third does
// not end as a decimal, so both paths must carry it exactly.
const areaArb = (id: string): fc.Arbitrary<string> =>
  fc.tuple(fc.constantFrom("sum", "weighted", "mean", "min", "normalised"), fc.array(fc.oneof({ weight: 6, arbitrary: fc.constantFrom("1", "2", "2.5", "4") }, { weight: 1, arbitrary: fc.constantFrom("10/3", "5/6") }), { minLength: 1, maxLength: 4 }))
    .chain(([method, maxes]) => {
      const same = method === "mean" || method === "min";
      const leafMax = maxes.map((m) => (same ? maxes[0]! : m));
      const weights = leafMax.map((_, i) => (method === "weighted" ? ["1", "2", "1", "1/3"][i % 4]! : "1"));
      const max = method === "normalised" ? "10" : same ? leafMax[0]! : leafMax.reduce((s, m, i) => s.plus(Exact.of(m).times(Exact.of(weights[i]!))), Exact.ZERO).toString();
      return fc.tuple(...leafMax.map((m, j) => leafArb(`${id}.${j + 1}`, m, method === "weighted" ? ` weight ${weights[j]}` : "")))
        .map((items) => `area "${id}" "Lĩnh vực ${id}" max ${max} {\n  aggregate ${method}\n${items.join("\n")}\n}`);
    });

/** A typed rubric whose leaves use every expression form, with bonus and penalty. */
export const typedRubricArb: fc.Arbitrary<string> = fc
  .tuple(
    fc.integer({ min: 1, max: 3 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => areaArb(String(i + 1))))),
    fc.nat({ max: 4 }),
    fc.constantFrom("half-up", "half-even", "half-down", "up", "down"),
    fc.constantFrom("full", "exclude", "zero"),
    fc.boolean(),
    fc.option(noLets.num(3), { nil: undefined }),
  )
  .map(([areas, precision, rounding, na, exceed, bonus]) => [
    'rubric "Sinh ngẫu nhiên" {',
    `  publish precision ${precision} rounding ${rounding}`,
    `  not applicable: ${na}`,
    ...(exceed ? ["  bonus may exceed max"] : []),
    "  unit { kind: enum(k1, k2) }",
    ...areas,
    ...(bonus === undefined ? [] : [`bonus "B" "Thưởng" max 2 {\n  ${INPUTS}\n  score = ${bonus}\n}`]),
    'penalty "P" "Trừ" max 1 {\n  input n: count\n  score = 0.25 * n\n}',
    "}",
  ].join("\n"));

/**
 * Units for any compiled rubric: valid values of every declared input and fact, with
 * now and then an input left out, a node declared not applicable, given points off
 * the step or above the max (`faults: false`: none of those, only the N/A declarations).
 */
export function unitArbFor(rubric: { readonly nodes: readonly CompiledNode[]; readonly extras: readonly { readonly id: string; readonly leaf: { readonly inputs: readonly CompiledDecl[] } }[]; readonly unitFacts: readonly CompiledDecl[] }, faults = true): fc.Arbitrary<UnitInputs> {
  const rare = <T>(a: fc.Arbitrary<T>, on = true): fc.Arbitrary<T | undefined> => (on ? fc.oneof({ weight: 12, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: a }) : fc.constant(undefined));
  const inputs = (decls: readonly CompiledDecl[]) => fc.tuple(...decls.map((d) => fc.tuple(declValue(d), faults ? fc.oneof({ weight: 15, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }) : fc.constant(true))))
    .map((pairs) => new Map(pairs.filter(([, keep]) => keep).map(([pair]) => pair)));
  const nodeData = (id: string, decls: readonly CompiledDecl[], max: number) =>
    fc.tuple(inputs(decls), fc.integer({ min: 0, max: Math.floor(max * 4) + (faults ? 2 : 0) }).map((q) => String(q / 4)), rare(fc.integer({ min: 1, max: 9 }).map((k) => `0.${k}`), faults), rare(fc.constant("không phát sinh")))
      .map(([values, points, off, na]) => [id, { inputs: values, points: off ?? points, ...(na === undefined ? {} : { notApplicable: na }) }] as const);
  const inner = (nodes: readonly CompiledNode[]): CompiledNode[] => nodes.flatMap((n) => (n.children === undefined ? [] : [n, ...inner(n.children)]));
  return fc.tuple(
    fc.tuple(...rubric.unitFacts.map(declValue)),
    fc.tuple(...leaves(rubric.nodes).map((l) => nodeData(l.id, l.leaf?.inputs ?? [], Number(Exact.of(l.max).toFixed(6, "down"))))),
    fc.tuple(...rubric.extras.map((e) => nodeData(e.id, e.leaf.inputs, 2))),
    fc.tuple(...inner(rubric.nodes).map((n) => rare(fc.constant(n.id)))),
  ).map(([facts, nodes, extras, naInner]) => ({
    unit: { id: "u" },
    facts: new Map(facts),
    nodes: new Map<string, { inputs?: ReadonlyMap<string, Value>; points?: string; notApplicable?: string }>([
      ...nodes, ...extras, ...naInner.flatMap((id) => (id === undefined ? [] : [[id, { notApplicable: "không phát sinh" }] as const])),
    ]),
  }));
}
