/**
 * The document outline: the criterion tree with its points (`1 Công tác chỉ đạo,
 * điều hành CCHC (12 điểm)`), bonus and penalty blocks, the inputs and lets of each
 * leaf, the unit facts, the ranking and the classification bands.
 * @module
 */
import type { Locale } from "../diagnostics.js";
import type { CriterionNode, ExtraNode, RubricFile } from "../syntax/ast.js";
import type { LineIndex, LspRange } from "./line-index.js";
import { SYMBOL_KIND } from "./protocol.js";
import { wordsFor, type LspWords } from "./words.js";

/** An outline entry, shaped as the protocol's `DocumentSymbol`. */
export interface OutlineSymbol {
  /** What the outline shows. */
  readonly name: string;
  /** Shown after the name, dimmed. */
  readonly detail?: string;
  /** Protocol symbol kind (icon). */
  readonly kind: number;
  /** The whole construct. */
  readonly range: LspRange;
  /** What to select when the entry is picked (inside `range`). */
  readonly selectionRange: LspRange;
  /** Nested entries. */
  readonly children: OutlineSymbol[];
}

/**
 * The outline of a parsed rubric.
 * @param ast - the rubric
 * @param lines - the text its ranges point into
 * @param locale - language of labels and points
 */
export function outline(ast: RubricFile, lines: LineIndex, locale: Locale): OutlineSymbol[] {
  const words = wordsFor(locale);
  const at = (start: number, end: number): LspRange => lines.range(start, end);
  const head = (start: number, end: number, word: string): LspRange => at(start, Math.min(end, start + word.length));
  const out: OutlineSymbol[] = [];
  for (const st of ast.body) {
    switch (st.kind) {
      case "Node": case "Extra": out.push(...nodeSymbols(st, lines, words)); break;
      case "UnitBlock": {
        const { start, end } = offsets(st.range);
        const children = st.facts.map((f) => leafSymbol(f.name.name, lines.text.slice(f.type.range.start.offset, f.type.range.end.offset), SYMBOL_KIND.property, at(f.range.start.offset, f.range.end.offset), at(f.name.range.start.offset, f.name.range.end.offset)));
        out.push({ name: words.outline.unit, kind: SYMBOL_KIND.struct, range: at(start, end), selectionRange: head(start, end, "unit"), children });
        break;
      }
      case "Ranking": {
        const { start, end } = offsets(st.range);
        out.push({ name: words.outline.ranking, kind: SYMBOL_KIND.object, range: at(start, end), selectionRange: head(start, end, "ranking"), children: [] });
        break;
      }
      case "BandsBlock": {
        const { start, end } = offsets(st.range);
        const children = st.bands.map((b) => leafSymbol(b.label.value, undefined, SYMBOL_KIND.enumMember, at(b.range.start.offset, b.range.end.offset), at(b.label.range.start.offset, b.label.range.end.offset)));
        out.push({ name: words.outline.bands, kind: SYMBOL_KIND.enum, range: at(start, end), selectionRange: head(start, end, "bands"), children });
        break;
      }
      default: break;
    }
  }
  return out;
}

function offsets(range: { start: { offset: number }; end: { offset: number } }): { start: number; end: number } {
  return { start: range.start.offset, end: range.end.offset };
}

function leafSymbol(name: string, detail: string | undefined, kind: number, range: LspRange, selectionRange: LspRange): OutlineSymbol {
  return detail === undefined ? { name, kind, range, selectionRange, children: [] } : { name, detail, kind, range, selectionRange, children: [] };
}

const KIND_OF: Readonly<Record<string, number>> = {
  area: SYMBOL_KIND.module,
  criterion: SYMBOL_KIND.class,
  item: SYMBOL_KIND.field,
  bonus: SYMBOL_KIND.event,
  penalty: SYMBOL_KIND.event,
};

/** A node and everything under it, built with an explicit stack (nesting has no fixed depth). */
function nodeSymbols(root: CriterionNode | ExtraNode, lines: LineIndex, words: LspWords): OutlineSymbol[] {
  const top: OutlineSymbol[] = [];
  const stack: { node: CriterionNode | ExtraNode; into: OutlineSymbol[] }[] = [{ node: root, into: top }];
  while (stack.length > 0) {
    const { node, into } = stack.pop()!;
    const keyword = node.kind === "Node" ? node.keyword : node.sign;
    const children: OutlineSymbol[] = [];
    into.push({
      name: `${node.id.value} ${node.title.value} (${words.points(node.max.text)})`,
      detail: words.kind[keyword],
      kind: KIND_OF[keyword] ?? SYMBOL_KIND.field,
      range: lines.range(node.range.start.offset, node.range.end.offset),
      selectionRange: lines.range(node.id.range.start.offset, node.id.range.end.offset),
      children,
    });
    const nested: CriterionNode[] = [];
    for (const st of node.body) {
      if (st.kind === "Node") nested.push(st);
      else if (st.kind === "Input") {
        for (const d of st.declarations) {
          children.push(leafSymbol(d.name.name, lines.text.slice(d.type.range.start.offset, d.type.range.end.offset), SYMBOL_KIND.variable, lines.range(d.range.start.offset, d.range.end.offset), lines.range(d.name.range.start.offset, d.name.range.end.offset)));
        }
      } else if (st.kind === "Let") {
        children.push(leafSymbol(st.name.name, "let", SYMBOL_KIND.constant, lines.range(st.range.start.offset, st.range.end.offset), lines.range(st.name.range.start.offset, st.name.range.end.offset)));
      }
    }
    // Children in source order after the inputs and lets (the stack takes the last first).
    for (let i = nested.length - 1; i >= 0; i--) stack.push({ node: nested[i]!, into: children });
  }
  return top;
}
