/**
 * Highlighting from the repository's TextMate grammar (grammar/rubric.tmLanguage.json),
 * interpreted line by line as a CodeMirror stream language, so the playground colours
 * a rubric exactly as the editor extension does: at each position the earliest match
 * of the grammar's patterns wins (the first pattern on a tie); `begin`/`end` regions
 * (strings, block comments) carry over lines; `captures` colour groups apart.
 */
import { StreamLanguage, type StringStream } from "@codemirror/language";
import { tags, type Tag } from "@lezer/highlight";
import grammar from "../../grammar/rubric.tmLanguage.json";

interface RawRule {
  readonly include?: string;
  readonly name?: string;
  readonly match?: string;
  readonly begin?: string;
  readonly end?: string;
  readonly patterns?: readonly RawRule[];
  readonly captures?: Readonly<Record<string, { readonly name: string }>>;
}

type Rule =
  | { readonly kind: "match"; readonly re: RegExp; readonly style: string | null; readonly captures: readonly (readonly [number, string])[] }
  | { readonly kind: "region"; readonly begin: RegExp; readonly end: RegExp; readonly style: string | null; readonly inner: readonly Rule[] };

interface State {
  region: Extract<Rule, { kind: "region" }> | null;
  pending: { end: number; style: string | null }[];
}

/** TextMate scopes to highlighting tags, the most specific prefix first. */
const SCOPES: readonly (readonly [string, Tag])[] = [
  ["comment", tags.comment],
  ["constant.character.escape", tags.escape],
  ["string", tags.string],
  ["constant.numeric", tags.number],
  ["invalid", tags.invalid],
  ["constant.language.boolean", tags.bool],
  ["constant.language", tags.atom],
  ["storage.type", tags.definitionKeyword],
  ["keyword.control", tags.controlKeyword],
  ["keyword.operator", tags.operator],
  ["keyword", tags.keyword],
  ["support.type", tags.typeName],
  ["support.function", tags.function(tags.variableName)],
  ["variable.language", tags.self],
  ["variable.other.property", tags.propertyName],
];

const tokenTable: Record<string, Tag> = {};
function styleOf(scope: string | undefined): string | null {
  if (scope === undefined) return null;
  const entry = SCOPES.find(([prefix]) => scope.startsWith(prefix));
  if (entry === undefined) return null;
  const key = `rb-${entry[0].replace(/\./g, "-")}`;
  tokenTable[key] = entry[1];
  return key;
}

const repository = (grammar as { repository: Record<string, RawRule> }).repository;

function compileRules(raw: readonly RawRule[], seen: ReadonlySet<string> = new Set()): Rule[] {
  const rules: Rule[] = [];
  for (const r of raw) {
    if (r.include !== undefined) {
      const name = r.include.replace(/^#/, "");
      const target = repository[name];
      if (target !== undefined && !seen.has(name)) rules.push(...compileRules([target], new Set([...seen, name])));
    } else if (r.match !== undefined) {
      const captures = Object.entries(r.captures ?? {}).map(([group, c]) => [Number(group), styleOf(c.name) ?? ""] as const);
      rules.push({ kind: "match", re: new RegExp(r.match, "dg"), style: styleOf(r.name), captures });
    } else if (r.begin !== undefined && r.end !== undefined) {
      rules.push({ kind: "region", begin: new RegExp(r.begin, "g"), end: new RegExp(r.end, "g"), style: styleOf(r.name), inner: compileRules(r.patterns ?? [], seen) });
    } else if (r.patterns !== undefined) {
      rules.push(...compileRules(r.patterns, seen));
    }
  }
  return rules;
}

const TOP = compileRules((grammar as { patterns: RawRule[] }).patterns);

/** The earliest match at or after `from` of a rule's opening pattern. */
function firstMatch(rules: readonly Rule[], line: string, from: number): { rule: Rule; match: RegExpExecArray } | undefined {
  let best: { rule: Rule; match: RegExpExecArray } | undefined;
  for (const rule of rules) {
    const re = rule.kind === "match" ? rule.re : rule.begin;
    re.lastIndex = from;
    const match = re.exec(line);
    if (match !== null && (best === undefined || match.index < best.match.index)) best = { rule, match };
  }
  return best;
}

function inRegion(stream: StringStream, state: State, region: Extract<Rule, { kind: "region" }>): string | null {
  const line = stream.string;
  const from = stream.pos;
  region.end.lastIndex = from;
  const end = region.end.exec(line);
  const inner = firstMatch(region.inner, line, from);
  if (inner !== undefined && (end === null || inner.match.index < end.index)) {
    if (inner.match.index > from) stream.pos = inner.match.index;
    else {
      stream.pos = from + Math.max(1, inner.match[0].length);
      return inner.rule.style;
    }
    return region.style;
  }
  if (end === null) {
    stream.skipToEnd();
    return region.style;
  }
  if (end.index > from) {
    stream.pos = end.index;
    if (end[0].length === 0) state.region = null; // an end at `$`
    return region.style;
  }
  stream.pos = from + end[0].length;
  state.region = null;
  if (end[0].length === 0 && !stream.eol()) stream.next(); // never stand still
  return region.style;
}

function token(stream: StringStream, state: State): string | null {
  const next = state.pending.shift();
  if (next !== undefined) {
    stream.pos = next.end;
    return next.style;
  }
  if (state.region !== null) return inRegion(stream, state, state.region);
  const found = firstMatch(TOP, stream.string, stream.pos);
  if (found === undefined) {
    stream.skipToEnd();
    return null;
  }
  if (found.match.index > stream.pos) {
    stream.pos = found.match.index;
    return null;
  }
  const { rule, match } = found;
  if (rule.kind === "region") {
    stream.pos += Math.max(1, match[0].length);
    state.region = rule;
    return rule.style;
  }
  const end = match.index + Math.max(1, match[0].length);
  if (rule.captures.length === 0 || match.indices === undefined) {
    stream.pos = end;
    return rule.style;
  }
  // Groups in order, the text between them unstyled.
  let at = match.index;
  for (const [group, style] of rule.captures) {
    const span = match.indices[group];
    if (span === undefined || span[0] < at) continue;
    if (span[0] > at) state.pending.push({ end: span[0], style: rule.style });
    state.pending.push({ end: span[1], style: style === "" ? rule.style : style });
    at = span[1];
  }
  if (at < end) state.pending.push({ end, style: rule.style });
  return token(stream, state);
}

/** The rubric language for CodeMirror, coloured by the TextMate grammar. */
export const rubricLanguage = StreamLanguage.define<State>({
  name: "rubric",
  startState: () => ({ region: null, pending: [] }),
  copyState: (s) => ({ region: s.region, pending: [...s.pending] }),
  token,
  tokenTable,
  languageData: { commentTokens: { line: "//", block: { open: "/*", close: "*/" } } },
});
