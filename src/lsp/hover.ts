/**
 * Hover: what the name or node under the cursor is. A node shows its id, title, max,
 * the sum of its children's maxima, how it aggregates, the not-applicable policy that
 * applies to it and its scope condition; an input its type, range and label; a `let`
 * its definition; a unit fact its type; a function its signature.
 * @module
 */
import type { Locale } from "../diagnostics.js";
import type { CriterionNode, Declaration, TypeExpr } from "../syntax/ast.js";
import type { Parsed } from "./analysis.js";
import type { LspRange } from "./line-index.js";
import { occurrenceAt, type Occurrence, type Owner } from "./symbols.js";
import { childrenMaxSum, ownerAt, ownerById, policyOf, sourceLine } from "./tree.js";
import { wordsFor, type LspWords } from "./words.js";

/** A hover's Markdown and the span it is about. */
export interface HoverAnswer {
  /** Markdown text. */
  readonly markdown: string;
  /** What the hover is about. */
  readonly range: LspRange;
}

const FUNCTIONS: Readonly<Record<string, { readonly signature: string; readonly vi: string; readonly en: string }>> = {
  min: { signature: "min(a, b, …) | min(list)", vi: "giá trị nhỏ nhất", en: "the smallest value" },
  max: { signature: "max(a, b, …) | max(list)", vi: "giá trị lớn nhất", en: "the largest value" },
  clamp: { signature: "clamp(x, low, high)", vi: "x giới hạn trong [low, high]", en: "x limited to [low, high]" },
  round: { signature: "round(x, n)", vi: "x làm tròn (half-up) tới n chữ số thập phân", en: "x rounded half-up to n decimals" },
  floor: { signature: "floor(x)", vi: "làm tròn xuống", en: "rounded down" },
  ceil: { signature: "ceil(x)", vi: "làm tròn lên", en: "rounded up" },
  abs: { signature: "abs(x)", vi: "giá trị tuyệt đối", en: "the absolute value" },
  sum: { signature: "sum(list)", vi: "tổng các phần tử", en: "the sum of the elements" },
  mean: { signature: "mean(list)", vi: "trung bình cộng", en: "the arithmetic mean" },
  count: { signature: "count(list) | count(condition on a list)", vi: "số phần tử (thỏa điều kiện, ví dụ count(answers == 5))", en: "the number of elements (meeting a condition, e.g. count(answers == 5))" },
  ratio: { signature: "ratio(a, b)", vi: "a / b", en: "a / b" },
  share: { signature: "share(condition on a list)", vi: "tỷ lệ phần tử thỏa điều kiện, chính xác, ví dụ share(answers >= 4)", en: "the exact share of elements meeting a condition, e.g. share(answers >= 4)" },
};

/**
 * The hover at an offset, or undefined where there is nothing to say.
 * @param parsed - the (possibly recovered) parse of the document
 * @param offset - the cursor
 * @param locale - language of the text
 */
export function hoverAt(parsed: Parsed, offset: number, locale: Locale): HoverAnswer | undefined {
  const index = parsed.symbols();
  const words = wordsFor(locale);
  const text = parsed.lines.text;
  const range = (start: number, end: number): LspRange => parsed.lines.range(start, end);
  const o = occurrenceAt(index, offset);
  if (o !== undefined) {
    const markdown = describeOccurrence(parsed, o, words);
    return markdown === undefined ? undefined : { markdown, range: range(o.start, o.end) };
  }
  const mark = index.marks.find((m) => m.kind === "function" && m.start <= offset && offset <= m.end);
  if (mark !== undefined) {
    const fn = FUNCTIONS[text.slice(mark.start, mark.end)];
    if (fn !== undefined) return { markdown: `\`${fn.signature}\` — ${fn[locale]}`, range: range(mark.start, mark.end) };
  }
  const owner = ownerAt(index, offset);
  if (owner === undefined) return undefined;
  const word = wordAt(text, offset);
  if (word !== undefined && text.slice(word.start, word.end) === "max" && offset > owner.headerRange.end.offset) {
    return { markdown: `\`max\` — ${words.label.maxOf} (\`${owner.id.value}\`): ${words.points(owner.max.text)}`, range: range(word.start, word.end) };
  }
  if (offset <= owner.headerRange.end.offset) {
    return { markdown: describeNode(parsed, owner, words), range: range(owner.headerRange.start.offset, owner.headerRange.end.offset) };
  }
  return undefined;
}

function wordAt(text: string, offset: number): { start: number; end: number } | undefined {
  const isWord = (i: number): boolean => i >= 0 && i < text.length && /[\p{L}\p{N}_]/u.test(text[i]!);
  let start = offset;
  let end = offset;
  while (isWord(start - 1)) start--;
  while (isWord(end)) end++;
  return start === end ? undefined : { start, end };
}

function describeOccurrence(parsed: Parsed, o: Occurrence, words: LspWords): string | undefined {
  const index = parsed.symbols();
  switch (o.kind) {
    case "node": {
      const node = ownerById(index, o.name);
      return node === undefined ? undefined : describeNode(parsed, node, words);
    }
    case "input": {
      const decl = o.owner === undefined ? undefined : inputDeclaration(o.owner, o.name);
      return decl === undefined ? undefined : describeDeclaration(parsed, decl, `${words.label.input} · "${o.owner!.id.value}"`, words);
    }
    case "fact": {
      const decl = index.facts.get(o.name);
      return decl === undefined ? undefined : describeDeclaration(parsed, decl, words.label.fact, words, "unit.");
    }
    case "let": {
      const st = o.owner?.body.find((s) => s.kind === "Let" && s.name.name === o.name);
      if (st === undefined) return undefined;
      return `\`\`\`rubric\n${sourceLine(parsed.lines.text, st.range.start.offset, st.range.end.offset, 400)}\n\`\`\`\n${words.label.let} · "${o.owner!.id.value}"`;
    }
    case "member": {
      const enums = index.occurrences.filter((x) => x.kind === "member" && x.definition && x.name === o.name);
      const lists = enums.map((e) => enumAround(parsed.lines.text, e.start)).filter((s) => s !== undefined);
      return `\`${o.name}\` — ${words.label.member}${lists.length > 0 ? `: \`${[...new Set(lists)].join("`, `")}\`` : ""}`;
    }
  }
}

function inputDeclaration(owner: Owner, name: string): Declaration | undefined {
  for (const st of owner.body) {
    if (st.kind !== "Input") continue;
    const d = st.declarations.find((x) => x.name.name === name);
    if (d !== undefined) return d;
  }
  return undefined;
}

/** The `enum(…)` that a member declaration stands in. */
function enumAround(text: string, at: number): string | undefined {
  const open = text.lastIndexOf("enum(", at);
  const close = text.indexOf(")", at);
  return open < 0 || close < 0 ? undefined : text.slice(open, close + 1);
}

function typeWords(type: TypeExpr, words: LspWords): string {
  const scalar = type.kind === "ListType" ? type.element : type;
  let what: string;
  switch (scalar.kind) {
    case "NumberType": what = words.types[scalar.name]; break;
    case "LikertType": what = `${words.types.likert} ${scalar.min.value}..${scalar.max.value}`; break;
    case "SimpleType": what = words.types[scalar.name]; break;
    case "EnumType": what = `${words.types.enum}: ${scalar.members.map((m) => m.name).join(", ")}`; break;
  }
  return type.kind === "ListType" ? `${words.types.list} ${what}` : what;
}

function describeDeclaration(parsed: Parsed, decl: Declaration, what: string, words: LspWords, prefix = ""): string {
  const text = parsed.lines.text;
  const head = `\`\`\`rubric\n${prefix}${sourceLine(text, decl.range.start.offset, decl.range.end.offset, 400)}\n\`\`\`\n${what}`;
  const lines = [`${words.label.type}: ${typeWords(decl.type, words)}`];
  const scalar = decl.type.kind === "ListType" ? decl.type.element : decl.type;
  if (scalar.kind === "NumberType" && scalar.min !== undefined && scalar.max !== undefined) {
    const bound = (b: { value: string; percent: boolean }): string => `${b.value}${b.percent ? "%" : ""}`;
    lines.push(`${words.label.range}: ${bound(scalar.min)}..${bound(scalar.max)}`);
  }
  // Input labels (`input so_nv "Số người": count`) arrive with the language's Unicode
  // names; read the field when the AST has it.
  const label = (decl as { readonly label?: { readonly value?: unknown } }).label?.value;
  if (typeof label === "string") lines.push(`${words.label.inputLabel}: ${label}`);
  return `${head}\n\n${lines.join("  \n")}`;
}

function describeNode(parsed: Parsed, node: Owner, words: LspWords): string {
  const text = parsed.lines.text;
  const kind = node.kind === "Node" ? words.kind[node.keyword] : words.kind[node.sign];
  const lines = [`${words.label.max}: ${words.points(node.max.text)}`];
  if (node.kind === "Node") lines.push(...nodeFacts(parsed, node, words));
  const rule = node.body.find((st) => st.kind === "Score" || st.kind === "ScoreGiven");
  if (rule !== undefined) lines.push(`${words.label.rule}: \`${sourceLine(text, rule.range.start.offset, rule.range.end.offset)}\``);
  return `**${kind} ${node.id.value}** — ${node.title.value}\n\n${lines.join("  \n")}`;
}

function nodeFacts(parsed: Parsed, node: CriterionNode, words: LspWords): string[] {
  const lines: string[] = [];
  const sum = childrenMaxSum(node);
  if (sum !== undefined) {
    lines.push(`${words.label.childrenMax}: ${words.points(sum)}`);
    const aggregate = node.body.find((st) => st.kind === "Aggregate");
    lines.push(`${words.label.aggregate}: ${words.aggregation[aggregate?.kind === "Aggregate" ? aggregate.method : "sum"]}`);
  }
  const origin = policyOf(parsed.ast, parsed.symbols(), node);
  const source = origin.source === "inherited" ? words.policySource.inherited(origin.from ?? "") : words.policySource[origin.source];
  lines.push(`${words.label.whenNotApplicable}: ${words.policy[origin.policy]} (\`${origin.policy}\`, ${source})`);
  const applies = node.options.find((o) => o.kind === "AppliesWhen");
  if (applies?.kind === "AppliesWhen") {
    lines.push(`${words.label.appliesWhen}: \`${sourceLine(parsed.lines.text, applies.condition.range.start.offset, applies.condition.range.end.offset)}\``);
  }
  return lines;
}
