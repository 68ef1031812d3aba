/**
 * Completion in context: statement keywords of the block the cursor is in, types
 * after `name:`, policies after `when …:`, names in scope inside a rule (the node's
 * inputs, earlier lets, `max`, functions, `unit.` facts), enum members after `==`,
 * and node ids in ranking keys. The block comes from the (recovered) AST's ranges;
 * what stands before the cursor on its line decides the rest.
 * @module
 */
import type { Locale } from "../diagnostics.js";
import type { Declaration, RubricFile } from "../syntax/ast.js";
import type { Parsed } from "./analysis.js";
import { COMPLETION_KIND } from "./protocol.js";
import { ownerAt } from "./tree.js";
import type { Owner } from "./symbols.js";
import { wordsFor } from "./words.js";

/** One completion, replacing the text from `start` to `end` with `newText`. */
export interface CompletionEntry {
  /** Shown in the list. */
  readonly label: string;
  /** Protocol completion kind (icon). */
  readonly kind: number;
  /** Shown beside the label. */
  readonly detail?: string;
  /** Orders the list: names before functions before keywords. */
  readonly sortText: string;
  /** What is inserted. */
  readonly newText: string;
  /** First offset replaced (the start of the word being typed). */
  readonly start: number;
  /** Offset after the replaced text (the cursor). */
  readonly end: number;
}

type Block =
  | { readonly kind: "top" | "ranking" | "bands" | "unit" | "unknown" }
  | { readonly kind: "header" | "body"; readonly owner: Owner };

const TOP = ["id", "version", "basis", "locale", "publish", "index", "not applicable", "unit", "area", "bonus", "penalty", "ranking", "bands", "bands in group", "bands by percentile inc"];
const BODY = ["area", "criterion", "item", "description", "evidence", "aggregate", "unclamped", "not applicable", "input", "let", "when", "score"];
const EXTRA_BODY = ["description", "evidence", "not applicable", "input", "let", "when", "score"];
const RANKING = ["by", "ties", "on", "within group", "eligible when"];
const HEADER_OPTIONS = ["weight", "applies when", "from survey"];
const TYPES = ["number", "count", "percent", "likert(1..5)", "bool", "date", "text", "enum()", "list of"];
const POLICIES = ["full", "exclude", "zero"];
const EXPRESSION_WORDS = ["if", "then", "else", "and", "or", "not", "bands", "true", "false", "match"];
const FUNCTIONS = ["min", "max", "clamp", "round", "floor", "ceil", "abs", "sum", "mean", "count", "ratio", "share"];
/** Cohort statistics, offered after `cohort.` (see `check/cohort.ts`). */
const COHORT_STATS = ["max", "min", "mean", "percentile", "rescale"];
const FIGURES = { index: ["points", "max", "bonus", "penalty"], bands: ["index", "points", "max", "bonus", "penalty"] };
const WORD = /[\p{L}\p{N}_]*$/u;

/**
 * Completions at an offset.
 * @param text - the document
 * @param offset - the cursor
 * @param parsed - a parse of the document (recovered around the cursor), if any
 * @param locale - language of details
 */
export function completeAt(text: string, offset: number, parsed: Parsed | undefined, locale: Locale): CompletionEntry[] {
  const lineStart = Math.max(text.lastIndexOf("\n", offset - 1) + 1, 0);
  const line = text.slice(lineStart, offset);
  const word = WORD.exec(line)![0];
  const start = offset - word.length;
  const entry = (label: string, kind: number, sortText: string, detail?: string, newText = label): CompletionEntry =>
    detail === undefined ? { label, kind, sortText, newText, start, end: offset } : { label, kind, sortText, detail, newText, start, end: offset };
  const keywords = (list: readonly string[]): CompletionEntry[] => list.map((k) => entry(k, COMPLETION_KIND.keyword, `2${k}`));
  const block = blockAt(parsed, offset);
  // The statement being typed: after the last `;` or `{` on the line, unless that is a bands arm.
  const cut = Math.max(line.lastIndexOf(";"), line.lastIndexOf("{"));
  const tail = cut >= 0 && !/^\s*(?:[<>=!]=?|else\s*:)/.test(line.slice(cut + 1)) ? line.slice(cut + 1) : line;
  const before = tail.slice(0, tail.length - word.length);

  const fact = /unit\.$/.exec(before);
  if (fact !== null) {
    return [...(parsed?.symbols().facts.values() ?? [])].map((d) => entry(d.name.name, COMPLETION_KIND.property, `0${d.name.name}`, typeText(text, parsed, d)));
  }
  if (/cohort\.$/.test(before)) return COHORT_STATS.map((s) => entry(`${s}(…)`, COMPLETION_KIND.function, `0${s}`, undefined, `${s}(`));
  if (block.kind === "ranking") return rankingCompletions(text, offset, tail, word, parsed, entry, keywords);
  const enumMembers = membersAfterComparison(before, block, parsed);
  if (enumMembers !== undefined) return enumMembers.map((m) => entry(m, COMPLETION_KIND.enumMember, `0${m}`));
  if (/(?:^|[,\s])(?:input\s+)?[\p{L}_][\p{L}\p{N}_]*\s*(?:"[^"]*"\s*)?:\s*(?:list\s+of\s+)?$/u.test(before) && (block.kind === "unit" || /^\s*input\b/.test(tail))) return keywords(TYPES);
  if (/^\s*(?:when\b.*|not\s+applicable\s*):\s*$/.test(before)) return keywords(POLICIES);
  if (/\baggregate\s+$/.test(before)) return keywords(["sum", "weighted", "mean", "min", "normalised"]);
  if (/\brounding\s+$/.test(before)) return keywords(["half-up", "half-even", "half-down", "up", "down"]);
  if (/^\s*locale\s+$/.test(before)) return [entry('"vi"', COMPLETION_KIND.value, '0"vi"'), entry('"en"', COMPLETION_KIND.value, '0"en"')];
  if (/^\s*(?:area|criterion|item|bonus|penalty)\s+"[^"]*"\s+"[^"]*"\s+max\s+[\d.]+\b.*\s$/.test(before) && !/\bapplies\s+when\b/.test(before.slice(-30))) return keywords(HEADER_OPTIONS);

  const expression = expressionPlace(before, block);
  if (expression !== undefined) {
    const names: CompletionEntry[] = [];
    if (expression === "rule" && (block.kind === "body" || block.kind === "header")) {
      for (const d of inputsOf(block.owner)) names.push(entry(d.name.name, COMPLETION_KIND.variable, `0${d.name.name}`, typeText(text, parsed, d)));
      for (const st of block.owner.body) if (st.kind === "Let" && st.range.start.offset < start) names.push(entry(st.name.name, COMPLETION_KIND.constant, `0${st.name.name}`, "let"));
      names.push(entry("max", COMPLETION_KIND.constant, "0max", wordsFor(locale).points(block.owner.max.text)));
    }
    if (expression === "index" || expression === "bands") for (const f of FIGURES[expression]) names.push(entry(f, COMPLETION_KIND.constant, `0${f}`));
    names.push(entry("unit.", COMPLETION_KIND.property, "1unit", undefined, "unit."));
    if (expression === "rule" || expression === "index") names.push(entry("cohort.", COMPLETION_KIND.property, "1cohort", undefined, "cohort."));
    if (/^\s*score\s*=\s*$/.test(before)) names.push(entry("given", COMPLETION_KIND.keyword, "2given"));
    const fns = FUNCTIONS.map((f) => entry(`${f}(…)`, COMPLETION_KIND.function, `1${f}`, undefined, `${f}(`));
    return [...names, ...fns, ...keywords(EXPRESSION_WORDS)];
  }
  if (before.trim() !== "") return [];
  switch (block.kind) {
    case "top": return keywords(TOP);
    case "body": return keywords(block.owner.kind === "Extra" ? EXTRA_BODY : BODY);
    case "bands": return keywords(["otherwise", "from percentile", "above percentile"]);
    case "unknown": return keywords([...new Set([...TOP, ...BODY])]);
    default: return [];
  }
}

/** The block the cursor is in, from the AST's ranges (braces: strictly inside). */
function blockAt(parsed: Parsed | undefined, offset: number): Block {
  if (parsed === undefined) return { kind: "unknown" };
  const ast: RubricFile = parsed.ast;
  for (const st of ast.body) {
    const inside = st.range.start.offset < offset && offset < st.range.end.offset;
    if (!inside) continue;
    if (st.kind === "Ranking") return { kind: "ranking" };
    if (st.kind === "BandsBlock") return { kind: "bands" };
    if (st.kind === "UnitBlock") return { kind: "unit" };
  }
  const owner = ownerAt(parsed.symbols(), offset);
  if (owner !== undefined && offset > owner.range.start.offset && offset < owner.range.end.offset) {
    return offset < owner.headerRange.end.offset ? { kind: "header", owner } : { kind: "body", owner };
  }
  return { kind: ast.range.start.offset < offset && offset < ast.range.end.offset ? "top" : "unknown" };
}

/** Where an expression is being typed, which decides the names it may use. */
function expressionPlace(before: string, block: Block): "rule" | "applies" | "index" | "bands" | undefined {
  if (block.kind === "header" && /\bapplies\s+when\b/.test(before)) return "applies";
  if (block.kind === "top" && /^\s*index\s*=/.test(before)) return "index";
  if (block.kind === "bands" && /"\s*when\b/.test(before)) return "bands";
  if (block.kind === "body" && /^\s*(?:score\s*=|let\s+[\p{L}_][\p{L}\p{N}_]*\s*=|when\b|[<>=!]=?|else\s*:)/u.test(before) && !/^\s*when\b.*:/.test(before)) return "rule";
  return undefined;
}

function inputsOf(owner: Owner): Declaration[] {
  return owner.body.flatMap((st) => (st.kind === "Input" ? st.declarations : []));
}

function typeText(text: string, parsed: Parsed | undefined, d: Declaration): string | undefined {
  if (parsed === undefined) return undefined;
  return text.slice(d.type.range.start.offset, d.type.range.end.offset);
}

/** Enum members after `name ==` or `unit.fact !=`, when the name is enum-typed. */
function membersAfterComparison(before: string, block: Block, parsed: Parsed | undefined): string[] | undefined {
  const m = /(unit\.)?([\p{L}_][\p{L}\p{N}_]*)\s*(?:==|!=)\s*$/u.exec(before);
  if (m === null || parsed === undefined) return undefined;
  const decl = m[1] !== undefined ? parsed.symbols().facts.get(m[2]!) : block.kind === "body" || block.kind === "header" ? inputsOf(block.owner).find((d) => d.name.name === m[2]) : undefined;
  const type = decl?.type;
  return type?.kind === "EnumType" ? type.members.map((x) => x.name) : undefined;
}

function rankingCompletions(
  text: string,
  offset: number,
  tail: string,
  word: string,
  parsed: Parsed | undefined,
  entry: (label: string, kind: number, sortText: string, detail?: string, newText?: string) => CompletionEntry,
  keywords: (list: readonly string[]) => CompletionEntry[],
): CompletionEntry[] {
  const before = tail.slice(0, tail.length - word.length);
  const owners = parsed?.symbols().owners.filter((o) => o.node.kind === "Node") ?? [];
  // Inside the quotes of `area "…`: node ids, replacing what is typed after the quote.
  const quoted = /\b(area|criterion|item)\s+"([^"]*)$/.exec(tail);
  if (quoted !== null) {
    const typed = quoted[2]!;
    // The rest of the id up to a closing quote on the line is replaced too.
    const rest = /^[^"\n]*"/.exec(text.slice(offset))?.[0];
    return owners
      .filter((o) => o.node.kind === "Node" && o.node.keyword === quoted[1])
      .map((o) => ({
        ...entry(o.node.id.value, COMPLETION_KIND.reference, `0${o.node.id.value}`, o.node.title.value, rest === undefined ? `${o.node.id.value}"` : o.node.id.value),
        start: offset - typed.length,
        end: rest === undefined ? offset : offset + rest.length - 1,
      }));
  }
  if (/^\s*$/.test(before)) return keywords(RANKING);
  if (/^\s*ties\s+$/.test(before)) return keywords(["shared", "dense", "ordinal"]);
  if (/^\s*on\s+$/.test(before)) return keywords(["published", "exact"]);
  if (/^\s*within\s+$/.test(before)) return keywords(["group"]);
  if (/^\s*by\b.*(?:\bby|,\s*then|\bthen)\s+$/.test(before)) {
    const figures = ["index", "points", "bonus", "penalty"].map((f) => entry(f, COMPLETION_KIND.constant, `0${f}`));
    const nodes = owners.map((o) => {
      const node = o.node;
      const key = `${node.kind === "Node" ? node.keyword : node.sign} "${node.id.value}"`;
      return entry(key, COMPLETION_KIND.reference, `1${node.id.value.padStart(12)}`, node.title.value);
    });
    return [...figures, ...nodes];
  }
  if (/^\s*by\b.*(?:index|points|bonus|penalty|")\s+$/.test(before)) return keywords(["desc", "asc", "then"]);
  return [];
}
