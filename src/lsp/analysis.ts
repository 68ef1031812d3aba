/**
 * One document's analysis through the compiler's public stages: `parseRubric`, then
 * `checkRubric` when it parses, diagnostics worded in the asked locale. The parts
 * that only editor requests need (the name index) are computed on first use.
 * @module
 */
import { checkRubric } from "../check/index.js";
import { localize, makeDiagnostic, sortDiagnostics, type Diagnostic, type Locale } from "../diagnostics.js";
import type { RubricFile } from "../syntax/ast.js";
import { parseRubric } from "../syntax/parse.js";
import type { IncrementalParse, OffsetEdit } from "./incremental.js";
import { LineIndex } from "./line-index.js";
import { indexSymbols, type SymbolIndex } from "./symbols.js";

/** A parsed rubric with the text and line table its ranges point into. */
export interface Parsed {
  /** The AST. */
  readonly ast: RubricFile;
  /** The text it was parsed from. */
  readonly lines: LineIndex;
  /** Its names, indexed on first use. */
  readonly symbols: () => SymbolIndex;
}

/** The analysis of one version of a document. */
export interface Analysis {
  /** The text analysed. */
  readonly lines: LineIndex;
  /** Every diagnostic, sorted by position, in the analysis locale. */
  readonly diagnostics: readonly Diagnostic[];
  /** The parsed rubric, when the text has no syntax error. */
  readonly parsed: Parsed | undefined;
}

const START = { line: 1, column: 1, offset: 0 };

/**
 * A parsed rubric with its lazily built name index.
 * @param ast - the AST
 * @param lines - the text it came from
 */
export function parsedOf(ast: RubricFile, lines: LineIndex): Parsed {
  let symbols: SymbolIndex | undefined;
  return { ast, lines, symbols: () => (symbols ??= indexSymbols(ast)) };
}

/**
 * Parses and checks a text. Never throws: a failure inside the compiler becomes RL900,
 * as in `compile`.
 * @param text - the document
 * @param locale - language of the messages
 */
export function analyse(text: string, locale: Locale): Analysis {
  const lines = new LineIndex(text);
  try {
    const result = parseRubric(text);
    return finish(lines, result.diagnostics, result.ast, locale);
  } catch (error) {
    return failed(lines, error, locale);
  }
}

/**
 * Analyses a text after edits by re-parsing only the blocks they fall in (see
 * `incremental.ts`); undefined when that is not possible and the whole text must be
 * parsed with {@link analyse}.
 * @param blocks - the document's block structure, in step with the text before the edits
 * @param edits - the edits since, in order
 * @param text - the text after them
 * @param locale - language of the messages
 */
export function analyseEdits(blocks: IncrementalParse, edits: readonly OffsetEdit[], text: string, locale: Locale): Analysis | undefined {
  const lines = new LineIndex(text);
  try {
    const result = blocks.apply(edits, text);
    return result === undefined ? undefined : finish(lines, [...result.diagnostics], result.ast, locale);
  } catch (error) {
    return failed(lines, error, locale);
  }
}

function finish(lines: LineIndex, syntax: Diagnostic[], ast: RubricFile | undefined, locale: Locale): Analysis {
  const found = ast === undefined ? syntax : [...syntax, ...checkRubric(ast)];
  const diagnostics = sortDiagnostics(found);
  return { lines, diagnostics: locale === "en" ? diagnostics : diagnostics.map((d) => localize(d, locale)), parsed: ast === undefined ? undefined : parsedOf(ast, lines) };
}

function failed(lines: LineIndex, error: unknown, locale: Locale): Analysis {
  const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return { lines, diagnostics: [localize(makeDiagnostic("RL900", { start: START, end: START }, { args: { detail } }), locale)], parsed: undefined };
}

/** Most error lines blanked in one recovery; past that the text is too broken to guess. */
const MAX_BLANKED = 20;
const recovered = new WeakMap<Analysis, Map<number, Parsed | undefined>>();
const OPTIONS_START = /\b(?:weight|applies|from)\b/;

/**
 * A parse of the text good enough for editor requests while the author is typing: the
 * text itself when it parses, else the first of these that parses, each blanking some
 * text out (same length, so every range still points into the real text): the line
 * being edited; in a node's header, just its options before `{`; the lines that hold
 * a syntax error; those and the edited line; those, the edited line and the line
 * before each error (a missing token is often reported at the next one). Else nothing.
 * Cached per analysis and edited line.
 * @param analysis - the text's analysis
 * @param editedOffset - where the author last typed (or the cursor)
 * @param blocks - the text's block structure, in step with it, if there is one
 */
export function recover(analysis: Analysis, editedOffset: number | undefined, blocks?: IncrementalParse): Parsed | undefined {
  if (analysis.parsed !== undefined) return analysis.parsed;
  // Every candidate depends on the edited line only, not the column.
  const key = editedOffset === undefined ? -1 : analysis.lines.positionAt(editedOffset).line;
  let cache = recovered.get(analysis);
  if (cache === undefined) recovered.set(analysis, (cache = new Map()));
  if (cache.has(key)) return cache.get(key);
  let result: Parsed | undefined;
  for (const spans of candidates(analysis, editedOffset)) {
    // Within one block of a long text, parse that block only.
    const byBlock = blocks?.parseBlanked(spans);
    result = byBlock === undefined ? parseBlanked(analysis.lines, spans) : byBlock === null ? undefined : parsedOf(byBlock, analysis.lines);
    if (result !== undefined) break;
  }
  cache.set(key, result);
  return result;
}

type Span = readonly [number, number];

function candidates(analysis: Analysis, editedOffset: number | undefined): Span[][] {
  const { lines } = analysis;
  const lineSpan = (line: number): Span => [lines.lineStart(line), lines.lineStart(line) + lines.lineText(line).length];
  const errorLines = [...new Set(analysis.diagnostics.filter((d) => d.severity === "error").map((d) => lines.positionAt(d.range.start.offset).line))];
  const errors = errorLines.length <= MAX_BLANKED ? errorLines.map(lineSpan) : [];
  const before = errors.length === 0 ? [] : errorLines.filter((l) => l > 0).map((l) => lineSpan(l - 1));
  if (editedOffset === undefined) return [errors, [...errors, ...before]].filter((c) => c.length > 0);
  const edited = lineSpan(lines.positionAt(editedOffset).line);
  const list: Span[][] = [[edited]];
  // A header being typed (`area "3" "…" max 12 applies when unit.k {`): keep the node, drop its options.
  const text = lines.text.slice(edited[0], edited[1]);
  const brace = text.lastIndexOf("{");
  const options = OPTIONS_START.exec(text);
  if (/^\s*(?:area|criterion|item)\b/.test(text) && options !== null && brace > options.index) list.push([[edited[0] + options.index, edited[0] + brace]]);
  if (errors.length > 0) list.push(errors, [...errors, edited], [...errors, ...before, edited]);
  return list;
}

function parseBlanked(lines: LineIndex, spans: readonly Span[]): Parsed | undefined {
  const text = lines.text;
  let out = "";
  let from = 0;
  for (const [start, end] of [...spans].sort((a, b) => a[0] - b[0])) {
    if (start < from) continue;
    out += text.slice(from, start) + " ".repeat(end - start);
    from = end;
  }
  out += text.slice(from);
  try {
    const result = parseRubric(out);
    return result.ast === undefined ? undefined : parsedOf(result.ast, lines);
  } catch {
    return undefined;
  }
}
