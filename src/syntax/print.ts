/**
 * The canonical printer: `printRubric(ast)` and `format(source)`. Two-space
 * indentation, one statement a line, a blank line between top-level blocks.
 * `format` keeps comments: a comment on its own line stays above the statement it
 * precedes, a comment after a statement stays at the end of that statement's line.
 * @module
 */
import type { IToken } from "chevrotain";
import type { CriterionNode, Declaration, ExtraNode, NodeStatement, Range, RankingStatement, RubricFile, RubricStatement, SortKey } from "./ast.js";
import type { Diagnostic } from "../diagnostics.js";
import { rubricLexer } from "./lexer.js";
import { parseRubric } from "./parse.js";
import { printExpr, printType, quote } from "./print-expr.js";

/**
 * The outcome of {@link format}.
 * @category Language
 */
export type FormatResult =
  | {
      /** The source parsed without errors. */ readonly ok: true;
      /** The canonical text. */ readonly text: string;
      /** Warnings, if any. */ readonly diagnostics: Diagnostic[];
    }
  | {
      /** The source has syntax errors; it is not reformatted. */ readonly ok: false;
      /** The errors (and any warnings). */ readonly diagnostics: Diagnostic[];
    };

interface Comment {
  readonly offset: number;
  readonly line: number;
  readonly text: string;
}

class Printer {
  private readonly lines: string[] = [];
  private next = 0;

  constructor(
    private readonly comments: readonly Comment[],
    private readonly source: string,
  ) {}

  /** Emits the comments that stand before `offset`, on their own lines. */
  leading(offset: number, indent: string): void {
    while (this.next < this.comments.length && this.comments[this.next]!.offset < offset) {
      this.lines.push(`${indent}${this.comments[this.next]!.text}`);
      this.next++;
    }
  }

  /** Emits one line, with a trailing comment written on the same source line. */
  line(indent: string, text: string, range?: Range): void {
    let out = `${indent}${text}`;
    const c = this.comments[this.next];
    // Trailing only when nothing but spaces stands between the statement and the comment.
    const adjacent = range !== undefined && c !== undefined && c.offset >= range.end.offset && this.source.slice(range.end.offset, c.offset).trim() === "";
    if (adjacent && c.line === range.end.line && !c.text.includes("\n")) {
      out += ` ${c.text}`;
      this.next++;
    }
    this.lines.push(out);
  }

  blank(): void {
    if (this.lines.length > 0 && this.lines[this.lines.length - 1] !== "") this.lines.push("");
  }

  text(): string {
    this.leading(Infinity, "");
    return `${this.lines.join("\n")}\n`;
  }
}

const BLOCKS = new Set(["Node", "Extra", "Ranking", "BandsBlock", "UnitBlock"]);

function rubricStatement(p: Printer, st: RubricStatement, indent: string): void {
  switch (st.kind) {
    case "Meta": return p.line(indent, `${st.key} ${quote(st.value.value)}`, st.range);
    case "Publish": return p.line(indent, `publish precision ${st.precision.text}${st.rounding === undefined ? "" : ` rounding ${st.rounding}`}`, st.range);
    case "IndexFormula": return p.line(indent, `index = ${printExpr(st.formula)}`, st.range);
    case "BonusMayExceed": return p.line(indent, "bonus may exceed max", st.range);
    case "NotApplicable": return p.line(indent, `not applicable: ${st.policy}`, st.range);
    case "UnitBlock":
      p.line(indent, "unit {");
      for (const fact of st.facts) {
        p.leading(fact.range.start.offset, `${indent}  `);
        p.line(`${indent}  `, declaration(fact), fact.range);
      }
      return close(p, st.range, indent);
    case "Node": case "Extra": return block(p, st, indent);
    case "Ranking":
      p.line(indent, "ranking {");
      for (const r of st.statements) {
        p.leading(r.range.start.offset, `${indent}  `);
        p.line(`${indent}  `, rankingStatement(r), r.range);
      }
      return close(p, st.range, indent);
    case "BandsBlock":
      p.line(indent, `bands${st.group === undefined ? "" : ` in group ${quote(st.group.value)}`}${st.method === undefined ? "" : ` by ${st.method.percentileWord.text} ${st.method.method.text}`} {`);
      for (const b of st.bands) {
        p.leading(b.range.start.offset, `${indent}  `);
        const rule = b.percentile !== undefined
          ? `${b.percentile.inclusive ? "from " : ""}${b.percentile.words.map((w) => w.text).join(" ")} ${b.percentile.text}`
          : b.condition === undefined ? "otherwise" : `when ${printExpr(b.condition)}`;
        p.line(`${indent}  `, `${quote(b.label.value)} ${rule}`, b.range);
      }
      return close(p, st.range, indent);
  }
}

function close(p: Printer, range: Range, indent: string): void {
  p.leading(range.end.offset - 1, `${indent}  `);
  p.line(indent, "}", range);
}

function header(node: CriterionNode | ExtraNode): string {
  const keyword = node.kind === "Node" ? node.keyword : node.sign;
  const options = node.kind === "Node"
    ? node.options.map((o) => (o.kind === "Weight" ? ` weight ${o.text}` : o.kind === "AppliesWhen" ? ` applies when ${printExpr(o.condition)}` : " from survey")).join("")
    : "";
  return `${keyword} ${quote(node.id.value)} ${quote(node.title.value)} max ${node.max.text}${options} {`;
}

function block(p: Printer, node: CriterionNode | ExtraNode, indent: string): void {
  p.line(indent, header(node));
  const inner = `${indent}  `;
  for (const st of node.body) {
    p.leading(st.range.start.offset, inner);
    if (st.kind === "Node") block(p, st, inner);
    else p.line(inner, nodeStatement(st), st.range);
  }
  close(p, node.range, indent);
}

function nodeStatement(st: Exclude<NodeStatement, CriterionNode>): string {
  switch (st.kind) {
    case "Description": return `description ${quote(st.text.value)}`;
    case "Evidence": return `evidence ${st.items.map((i) => quote(i.value)).join(", ")}`;
    case "Aggregate": return `aggregate ${st.method}`;
    case "Unclamped": return "unclamped";
    case "NotApplicable": return `not applicable: ${st.policy}`;
    case "Input": return `input ${st.declarations.map(declaration).join(", ")}`;
    case "Let": return `let ${st.name.name} = ${printExpr(st.value)}`;
    case "When": return `when ${printExpr(st.condition)}: ${st.policy}`;
    case "Score": return `score = ${printExpr(st.rule)}`;
    case "ScoreGiven": return `score = given${st.step === undefined ? "" : ` step ${st.step.text}`}`;
  }
}

function declaration(d: Declaration): string {
  return `${d.name.name}${d.label === undefined ? "" : ` ${quote(d.label.value)}`}: ${printType(d.type)}`;
}

function sortKey(k: SortKey): string {
  const target = k.target.kind === "Figure" ? k.target.name : `${k.target.keyword} ${quote(k.target.id.value)}`;
  return k.explicitDirection ? `${target} ${k.direction}` : target;
}

function rankingStatement(st: RankingStatement): string {
  switch (st.kind) {
    case "RankBy": return `by ${st.keys.map(sortKey).join(", then ")}`;
    case "Ties": return `ties ${st.policy}`;
    case "RankOn": return `on ${st.figure}`;
    case "WithinGroup": return "within group";
    case "Eligible": return `eligible when ${printExpr(st.condition)} ${quote(st.reason.value)}`;
  }
}

function printWith(ast: RubricFile, comments: readonly Comment[], source: string): string {
  const p = new Printer(comments, source);
  p.leading(ast.range.start.offset, "");
  p.line("", `rubric ${quote(ast.title.value)} {`);
  ast.body.forEach((st, i) => {
    if (BLOCKS.has(st.kind) && i > 0) p.blank();
    p.leading(st.range.start.offset, "  ");
    rubricStatement(p, st, "  ");
    if (BLOCKS.has(st.kind) && i < ast.body.length - 1) p.blank();
  });
  close(p, ast.range, "");
  return p.text();
}

/**
 * Prints a rubric in canonical layout (without comments: the AST does not keep them;
 * use {@link format} on source text to keep them).
 * @param ast - the rubric
 * @example
 * ```ts
 * import { parseRubric, printRubric } from "rubric-lang";
 * const { ast } = parseRubric('rubric "Demo" {area "1" "Chỉ đạo" max 10 {score = 10}}');
 * if (ast) console.log(printRubric(ast)); // the canonical text, as format() gives it
 * ```
 * @category Language
 */
export function printRubric(ast: RubricFile): string {
  return printWith(ast, [], "");
}

/**
 * Formats rubric source in canonical layout, keeping its comments. Never throws; a
 * source with syntax errors is returned as diagnostics, unchanged.
 * @param source - the `.rubric` text
 * @example
 * ```ts
 * import { format } from "rubric-lang";
 * const formatted = format('rubric "Demo" {area "1" "Chỉ đạo" max 10 {score = 10}}');
 * if (formatted.ok) console.log(formatted.text);
 * // rubric "Demo" {
 * //   area "1" "Chỉ đạo" max 10 {
 * //     score = 10
 * //   }
 * // }
 * ```
 * @category Language
 */
export function format(source: string): FormatResult {
  const parsed = parseRubric(source);
  if (parsed.ast === undefined) return { ok: false, diagnostics: parsed.diagnostics };
  const lexed = rubricLexer.tokenize(source);
  const comments = ((lexed.groups["comments"] ?? []) as IToken[]).map((t) => ({ offset: t.startOffset, line: t.startLine ?? 1, text: t.image.trimEnd() }));
  return { ok: true, text: printWith(parsed.ast, comments, source), diagnostics: parsed.diagnostics };
}
