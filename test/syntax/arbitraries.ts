/**
 * fast-check generators of syntactically valid rubric sources: random trees of
 * areas, criteria and items, every statement form, and expressions built so that
 * precedence, not luck, decides their structure.
 */
import fc from "fast-check";

const TITLES = ["Công tác chỉ đạo", "Cải cách thể chế", "Thủ tục hành chính", 'Tên có "ngoặc"', "Dấu \\ gạch", "Đánh giá — ổn định", "Plain title"];
const quote = (s: string): string => `"${s.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;

const literal = fc.oneof(
  fc.nat({ max: 1000 }).map(String),
  fc.tuple(fc.nat({ max: 99 }), fc.nat({ max: 999 })).map(([a, b]) => `${a}.${b}`),
  fc.nat({ max: 120 }).map((n) => `${n}%`),
  fc.constantFrom("2022-12-15", "2021-01-01", "true", "false"),
);
const name = fc.constantFrom("a", "b", "ok", "rate", "answers", "max", "unit.kind", "points");
const compare = fc.constantFrom("==", "!=", "<", "<=", ">", ">=");
const arith = fc.constantFrom("+", "-", "*", "/");

/** Expression source text, up to the given depth. */
export const exprArb: fc.Memo<string> = fc.memo((depth) => {
  const sub = depth > 1 ? exprArb(depth - 1) : fc.oneof(literal, name);
  const atom: fc.Arbitrary<string> = fc.oneof(
    { weight: 4, arbitrary: literal },
    { weight: 4, arbitrary: name },
    { weight: 1, arbitrary: sub.map((e) => `(${e})`) },
    { weight: 1, arbitrary: fc.oneof(literal, name).map((e) => `-${e}`) },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom("min", "max", "ratio"), sub, sub).map(([f, x, y]) => `${f}(${x}, ${y})`) },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom("floor", "ceil", "abs", "mean", "sum", "count", "share"), sub).map(([f, x]) => `${f}(${x})`) },
    {
      // match: keys are members or whole numbers, one or more an arm; `,` or `;` between arms.
      weight: 1,
      arbitrary: fc
        .tuple(fc.oneof(literal, name), fc.array(fc.tuple(fc.array(fc.constantFrom("x", "y_z", "A", "1", "4", "05"), { minLength: 1, maxLength: 2 }), sub), { maxLength: 3 }), fc.option(sub, { nil: undefined }), fc.constantFrom(", ", "; "))
        .map(([s, arms, otherwise, sep]) => {
          const parts = arms.map(([keys, v]) => `${keys.join(", ")}: ${v}`);
          if (otherwise !== undefined) parts.push(`else: ${otherwise}`);
          return `match ${s} { ${parts.join(sep)} }`;
        }),
    },
    { weight: 1, arbitrary: fc.tuple(sub, sub, sub).map(([x, y, z]) => `clamp(${x}, ${y}, ${z})`) },
    { weight: 1, arbitrary: fc.tuple(sub, fc.nat({ max: 4 })).map(([x, n]) => `round(${x}, ${n})`) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.oneof(literal, name), fc.array(fc.tuple(compare, literal, sub), { maxLength: 3 }), fc.option(sub, { nil: undefined }))
        .map(([s, arms, otherwise]) => {
          const parts = arms.map(([op, t, v]) => `${op} ${t}: ${v}`);
          if (otherwise !== undefined) parts.push(`else: ${otherwise}`);
          return `bands ${s} { ${parts.join("; ")} }`;
        }),
    },
  );
  const additive = fc.tuple(atom, fc.array(fc.tuple(arith, atom), { maxLength: 3 })).map(([first, rest]) => [first, ...rest.flat()].join(" "));
  const comparison = fc.tuple(additive, fc.option(fc.tuple(compare, additive), { nil: undefined })).map(([l, r]) => (r === undefined ? l : `${l} ${r[0]} ${r[1]}`));
  const segment = fc.tuple(fc.boolean(), comparison).map(([not, c]) => (not ? `not ${c}` : c));
  const chain = fc.tuple(segment, fc.array(fc.tuple(fc.constantFrom("and", "or"), segment), { maxLength: 2 })).map(([first, rest]) => [first, ...rest.flat()].join(" "));
  return depth > 1
    ? fc.oneof({ weight: 5, arbitrary: chain }, { weight: 1, arbitrary: fc.tuple(sub, sub, sub).map(([c, t, e]) => `if ${c} then ${t} else ${e}`) })
    : chain;
});

const typeArb = fc.oneof(
  fc.constantFrom("number", "count", "percent", "bool", "date", "text", "enum(x, y_z)", "likert(1..5)", "list of likert(1..7)", "list of number"),
  fc.tuple(fc.constantFrom("number", "count", "percent"), fc.integer({ min: -50, max: 50 }), fc.nat({ max: 100 }), fc.boolean())
    .map(([t, lo, hi, pct]) => `${t} in ${lo}..${hi}${pct ? "%" : ""}`),
);

const leafBody = fc
  .tuple(
    fc.array(fc.tuple(fc.constantFrom("a", "b", "ok", "rate", "số_đơn_vị", "tỷ_lệ"), typeArb, fc.constantFrom("", ' "Số nhiệm vụ hoàn thành"', ' "Tỷ lệ \\"đúng hạn\\""')), { minLength: 1, maxLength: 3 }),
    fc.option(exprArb(2), { nil: undefined }),
    fc.option(fc.tuple(exprArb(1), fc.constantFrom("full", "exclude", "zero")), { nil: undefined }),
    fc.oneof(exprArb(2).map((e) => `score = ${e}`), fc.constantFrom("score = given", "score = given step 0.25")),
    fc.subarray(['description "Mô tả"', 'evidence "Báo cáo", "Kế hoạch"', "unclamped", "not applicable: zero"]),
  )
  .map(([inputs, letValue, when, score, extras]) => [
    ...extras,
    `input ${inputs.map(([n, t, label], i) => `${n}${i}${label}: ${t}`).join(", ")}`,
    ...(letValue === undefined ? [] : [`let r = ${letValue}`]),
    ...(when === undefined ? [] : [`when ${when[0]}: ${when[1]}`]),
    score,
  ]);

const optionsArb = fc.subarray(["weight 2", "applies when unit.kind == x", "from survey"]);

function nodeArb(id: string, depth: number): fc.Arbitrary<string[]> {
  const head = fc.tuple(fc.constantFrom("area", "criterion", "item"), fc.constantFrom(...TITLES), fc.constantFrom("1", "2.5", "10", "0.25"), optionsArb);
  const children: fc.Arbitrary<string[]> =
    depth <= 1
      ? leafBody
      : fc.oneof(
          leafBody,
          fc.integer({ min: 1, max: 3 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => nodeArb(`${id}.${i + 1}`, depth - 1)))).map((kids) => [
            "aggregate sum",
            ...kids.flat(),
          ]),
        );
  return fc.tuple(head, children).map(([[kw, title, max, options], body]) => [
    `${kw} ${quote(id)} ${quote(title)} max ${max}${options.map((o) => ` ${o}`).join("")} {`,
    ...body.map((l) => `  ${l}`),
    "}",
  ]);
}

const headerArb = fc.subarray([
  'id "demo"', 'version "2022"', 'basis "Quyết định 3396/QĐ-UBND"', 'locale "vi"', "publish precision 2 rounding half-even",
  "index = points / max * 100", "not applicable: full", "bonus may exceed max", "unit { kind: enum(x, y), size: count in 0..100 }",
]);

const tailArb = fc.subarray([
  'bonus "B" "Thưởng" max 2 {\n  input n: count\n  score = 0.5 * n\n}',
  'penalty "P" "Trừ điểm" max 1 {\n  input n: count\n  score = n\n}',
  'ranking {\n  by index desc, then area "1" asc, then points\n  ties dense\n  on exact\n  within group\n}',
  'bands {\n  "Tốt" when index >= 80\n  "Khá" otherwise\n}',
  'bands in group "so" by percentile inc {\n  "Cao nhất" from percentile 75\n  "Trung bình" above percentile 37.5\n  "Thấp" otherwise\n}',
]);

/** A whole valid rubric source. */
export const rubricSourceArb: fc.Arbitrary<string> = fc
  .tuple(headerArb, fc.integer({ min: 1, max: 3 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => nodeArb(String(i + 1), 2)))), tailArb)
  .map(([header, nodes, tail]) => [`rubric ${quote("Chỉ số")} {`, ...header, ...nodes.flat(), ...tail, "}"].join("\n"));
