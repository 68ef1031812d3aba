/**
 * Semantic tokens: what the names mean, on top of the TextMate grammar's colours —
 * inputs, lets, unit facts, enum members, node ids, function names and types, with
 * `declaration` where a name is declared. Computed from the AST, never by re-lexing.
 * @module
 */
import type { Parsed } from "./analysis.js";
import type { SymbolKind } from "./symbols.js";

/** The token types and modifiers this server reports, in legend order. */
export const TOKEN_LEGEND = {
  tokenTypes: ["namespace", "parameter", "variable", "property", "enumMember", "function", "type"],
  tokenModifiers: ["declaration", "readonly"],
} as const;

const TYPE_OF: Readonly<Record<SymbolKind | "function" | "type", number>> = {
  node: 0,
  input: 1,
  let: 2,
  fact: 3,
  member: 4,
  function: 5,
  type: 6,
};
const DECLARATION = 1;
const READONLY = 2;

/**
 * The document's tokens in the protocol's relative encoding (5 integers a token:
 * line delta, start delta, length, type, modifiers), sorted and without overlaps.
 * @param parsed - the document's parse
 */
export function semanticTokens(parsed: Parsed): number[] {
  const index = parsed.symbols();
  const spans: { start: number; end: number; type: number; modifiers: number }[] = [];
  for (const o of index.occurrences) {
    const modifiers = (o.definition ? DECLARATION : 0) | (o.kind === "let" || o.kind === "fact" ? READONLY : 0);
    spans.push({ start: o.start, end: o.end, type: TYPE_OF[o.kind], modifiers });
  }
  for (const m of index.marks) spans.push({ start: m.start, end: m.end, type: TYPE_OF[m.kind], modifiers: 0 });
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const data: number[] = [];
  let lastLine = 0;
  let lastChar = 0;
  let covered = -1;
  for (const s of spans) {
    if (s.start < covered || s.end <= s.start) continue;
    const start = parsed.lines.positionAt(s.start);
    const end = parsed.lines.positionAt(s.end);
    if (end.line !== start.line) continue; // tokens may not span lines
    data.push(start.line - lastLine, start.line === lastLine ? start.character - lastChar : start.character, s.end - s.start, s.type, s.modifiers);
    lastLine = start.line;
    lastChar = start.character;
    covered = s.end;
  }
  return data;
}
