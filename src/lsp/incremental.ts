/**
 * Re-parsing only the top-level block that an edit falls in, so diagnostics keep pace
 * with typing in a 5,000-line rubric. The compiler's own `parseRubric` parses the edited
 * block alone — the rubric's header and closing brace kept, of the other blocks only
 * their line ends, so lines and columns are the document's and offsets are moved back
 * by one difference — and the other blocks' ASTs are reused, their positions shifted
 * by the edit. The structure comes from a full parse; an edit outside a block,
 * one that unbalances braces, a block parse that reports anything outside its block,
 * or syntax errors left in another block give up (the caller then parses the whole
 * text). Whatever the fast path answered is
 * checked later by a full analysis when the author pauses.
 * @module
 */
import type { Diagnostic } from "../diagnostics.js";
import type { Position, RubricFile, RubricStatement } from "../syntax/ast.js";
import { parseRubric } from "../syntax/parse.js";
import { LineIndex } from "./line-index.js";

/** One replacement, in offsets of the text before it. */
export interface OffsetEdit {
  /** First offset replaced. */
  readonly start: number;
  /** Offset after the replaced text. */
  readonly end: number;
  /** The new text. */
  readonly text: string;
}

/** What a block re-parse gives: the whole AST when nothing is wrong, else the syntax errors. */
export interface BlockParse {
  /** The rubric, when no block has a syntax error. */
  readonly ast: RubricFile | undefined;
  /** Syntax diagnostics of every block. */
  readonly diagnostics: readonly Diagnostic[];
}

interface Segment {
  start: number;
  end: number;
  statements: RubricStatement[];
  syntax: Diagnostic[];
  /** Every position object of the statements and diagnostics, each once (the AST shares some). */
  positions: { offset: number; line: number }[];
}

/** Texts longer than this are always parsed whole (so size and token limits apply as in `compile`). */
const MAX_INCREMENTAL_LENGTH = 1_000_000;

function collectPositions(roots: readonly unknown[], seen: Set<object>): { offset: number; line: number }[] {
  const found: { offset: number; line: number }[] = [];
  const stack = [...roots];
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v !== "object" || v === null || seen.has(v)) continue;
    seen.add(v);
    const o = v as Record<string, unknown>;
    if (typeof o["offset"] === "number" && typeof o["line"] === "number" && typeof o["column"] === "number") found.push(o as unknown as { offset: number; line: number });
    else for (const child of Object.values(o)) if (typeof child === "object" && child !== null) stack.push(child);
  }
  return found;
}

/** `{` minus `}` outside strings and comments; undefined when a string or comment is left open. */
function braceBalance(text: string): number | undefined {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      i++;
      while (i < text.length && text[i] !== '"' && text[i] !== "\n") i += text[i] === "\\" ? 2 : 1;
      if (text[i] !== '"') return undefined;
    } else if (c === "/" && text[i + 1] === "/") {
      while (i < text.length && text[i] !== "\n") i++;
    } else if (c === "/" && text[i + 1] === "*") {
      const close = text.indexOf("*/", i + 2);
      if (close < 0) return undefined;
      i = close + 1;
    } else if (c === "{") depth++;
    else if (c === "}") depth--;
  }
  return depth;
}

const countLines = (s: string): number => {
  let n = 0;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) === 10 || (s.charCodeAt(i) === 13 && s.charCodeAt(i + 1) !== 10)) n++;
  return n;
};
/** Only the line ends of a text (CR, LF, CRLF), so line numbers after it stay the same. */
const lineEnds = (s: string): string => s.replace(/[^\r\n]+/g, "");

/** The block structure of one document, kept in step with its edits. */
export class IncrementalParse {
  private constructor(
    private text: string,
    private readonly headerEnd: number,
    private closeStart: number,
    private readonly rubric: Pick<RubricFile, "title"> & { readonly start: Position },
    private segments: Segment[],
  ) {}

  /**
   * The structure of a text that parsed: its top-level statements, each on lines of its
   * own; undefined when the layout does not allow block re-parsing.
   * @param text - the text
   * @param ast - its AST
   */
  static from(text: string, ast: RubricFile): IncrementalParse | undefined {
    if (text.length > MAX_INCREMENTAL_LENGTH) return undefined;
    const open = text.indexOf("{", ast.title.range.end.offset);
    const closeStart = ast.range.end.offset - 1;
    if (open < 0 || text.slice(ast.title.range.end.offset, open).trim() !== "" || text[closeStart] !== "}") return undefined;
    const seen = new Set<object>();
    const segments: Segment[] = [];
    let lastLine = ast.title.range.end.line - 1;
    for (const st of ast.body) {
      if (st.range.start.line <= lastLine) return undefined; // two statements on one line
      lastLine = st.range.end.line;
      segments.push({ start: st.range.start.offset, end: st.range.end.offset, statements: [st], syntax: [], positions: collectPositions([st], seen) });
    }
    if (segments.length === 0 || lastLine >= ast.range.end.line) return undefined;
    return new IncrementalParse(text, open + 1, closeStart, { title: ast.title, start: ast.range.start }, segments);
  }

  /**
   * Applies edits and re-parses the blocks they fall in; undefined (and nothing
   * changed) when that cannot stand for a parse of the whole text.
   * @param edits - the edits, in order, each in offsets of the text before it
   * @param text - the text after all of them
   */
  apply(edits: readonly OffsetEdit[], text: string): BlockParse | undefined {
    let current = this.text;
    const bounds = this.segments.map((s) => ({ start: s.start, end: s.end, offset: 0, lines: 0, dirty: false }));
    let close = this.closeStart;
    for (const e of edits) {
      const k = bounds.findIndex((b) => b.start < e.start && e.end <= b.end);
      if (k < 0 || e.end < e.start || e.end > current.length) return undefined;
      const delta = e.text.length - (e.end - e.start);
      // Line breaks counted with one character of context on each side, so a CR LF pair
      // that the edit splits or joins is counted as the whole text counts it.
      const after = current.slice(0, e.start) + e.text + current.slice(e.end);
      const lines = countLines(after.slice(Math.max(0, e.start - 1), e.start + e.text.length + 1)) - countLines(current.slice(Math.max(0, e.start - 1), e.end + 1));
      bounds[k]!.end += delta;
      bounds[k]!.dirty = true;
      for (const b of bounds.slice(k + 1)) {
        b.start += delta;
        b.end += delta;
        b.offset += delta;
        b.lines += lines;
      }
      close += delta;
      current = after;
    }
    if (current !== text || text[close] !== "}") return undefined;
    // Syntax errors in two blocks: the whole parse's recovery may report them otherwise.
    if (this.segments.some((s, k) => !bounds[k]!.dirty && s.syntax.length > 0)) return undefined;
    const parsed = new Map<number, Segment>();
    for (const [k, b] of bounds.entries()) {
      if (!b.dirty) continue;
      const segment = this.parseBlock(text, b.start, b.end, close);
      if (segment === undefined) return undefined;
      parsed.set(k, segment);
    }
    // Commit: shift the blocks that were not re-parsed, take the new ones.
    this.segments = this.segments.map((s, k) => {
      const fresh = parsed.get(k);
      if (fresh !== undefined) return fresh;
      const b = bounds[k]!;
      if (b.offset !== 0 || b.lines !== 0) for (const p of s.positions) { p.offset += b.offset; p.line += b.lines; }
      s.start = b.start;
      s.end = b.end;
      return s;
    });
    this.text = text;
    this.closeStart = close;
    return this.result();
  }

  /**
   * Parses one block alone: the header, the block, the closing brace, and between them
   * only the line ends of the other blocks (so lines and columns are the document's and
   * the lexer does not walk the whole text); offsets are moved back afterwards.
   */
  private parseBlock(text: string, start: number, end: number, close: number): Segment | undefined {
    const block = text.slice(start, end);
    if (braceBalance(block) !== 0) return undefined;
    const gap = text.slice(this.headerEnd, start);
    const lastBreak = Math.max(gap.lastIndexOf("\n"), gap.lastIndexOf("\r"));
    // The block's first line keeps its indentation as spaces.
    const before = lineEnds(gap.slice(0, lastBreak + 1)) + " ".repeat(gap.length - lastBreak - 1);
    const from = this.headerEnd + before.length;
    const to = from + block.length;
    const result = parseRubric(text.slice(0, this.headerEnd) + before + block + lineEnds(text.slice(end, close)) + text.slice(close));
    const inside = (r: { start: { offset: number }; end: { offset: number } }): boolean => r.start.offset >= from && r.end.offset <= to;
    if (!result.diagnostics.every((d) => inside(d.range))) return undefined;
    const statements = result.ast?.body ?? [];
    if (result.ast !== undefined && (statements.length === 0 || !statements.every((st) => inside(st.range)))) return undefined;
    const positions = collectPositions([...statements, ...result.diagnostics], new Set());
    for (const p of positions) p.offset += start - from;
    return { start, end, statements: [...statements], syntax: result.diagnostics, positions };
  }

  /**
   * The current text parsed with some spans blanked out (same length, so positions stay
   * true), for editor requests while it does not parse: only the block holding every
   * span is parsed. `undefined` when the spans are not in one block or another block
   * has a syntax error (parse the whole text instead); `null` when the block still does
   * not parse.
   * @param spans - offset spans to blank, in the current text
   */
  parseBlanked(spans: readonly (readonly [number, number])[]): RubricFile | null | undefined {
    const k = this.segments.findIndex((s) => spans.every(([a, b]) => s.start <= a && b <= s.end));
    if (k < 0 || this.segments.some((s, i) => i !== k && s.syntax.length > 0)) return undefined;
    let text = this.text;
    for (const [a, b] of spans) text = text.slice(0, a) + " ".repeat(b - a) + text.slice(b);
    const segment = this.segments[k]!;
    const block = this.parseBlock(text, segment.start, segment.end, this.closeStart);
    if (block === undefined || block.syntax.length > 0) return null;
    return this.combine(this.segments.map((s, i) => (i === k ? block.statements : s.statements)));
  }

  private result(): BlockParse {
    const diagnostics = this.segments.flatMap((s) => s.syntax);
    if (diagnostics.length > 0) return { ast: undefined, diagnostics };
    return { ast: this.combine(this.segments.map((s) => s.statements)), diagnostics: [] };
  }

  private combine(statements: readonly (readonly RubricStatement[])[]): RubricFile {
    const end = new LineIndex(this.text).positionAt(this.closeStart + 1);
    return {
      kind: "Rubric",
      title: this.rubric.title,
      body: statements.flat(),
      range: { start: this.rubric.start, end: { line: end.line + 1, column: end.character + 1, offset: this.closeStart + 1 } },
    };
  }
}
