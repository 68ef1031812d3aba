/**
 * A missing `}` found by indentation. The parser only notices a missing `}` where the
 * tokens stop fitting — often a hundred lines later, at `ranking`, or at the end of the
 * file. The author's indentation says where the block really ends: at the first line
 * indented no deeper than the line that opened it. Used only when a parse fails, and
 * kept only when it makes the parse fail less.
 * @module
 */
import type { IToken } from "chevrotain";
import type { Range } from "./ast.js";
import { makeDiagnostic, type Diagnostic } from "../diagnostics.js";
import { tokenRange } from "./cst-util.js";
import { P } from "./lexer.js";

/** Where a `}` is missing: insert it before token `before` (or at the end). */
export interface MissingBrace {
  /** Index of the token the `}` goes before (`tokens.length` at the end). */
  readonly before: number;
  /** RL121, naming the block and the line it opened on (blocks still open at the end share one). */
  readonly diagnostic: Diagnostic;
}

interface OpenBlock {
  readonly label: string;
  readonly line: number;
  readonly indent: number;
  bodyIndent: number | undefined;
}

const OPENERS = new Set(["kw_rubric", "kw_unit", "kw_area", "kw_criterion", "kw_item", "kw_bonus", "kw_penalty", "kw_ranking", "kw_bands"]);
const MOST_REPORTED = 5;

/** The keyword that opened the block whose `{` is at `brace`, and how to name it. */
function opener(tokens: readonly IToken[], brace: number): { token: IToken; label: string } | undefined {
  for (let i = brace - 1; i >= 0 && i >= brace - 200; i--) {
    const t = tokens[i]!;
    const name = t.tokenType.name;
    if (name === "LCurly" || name === "RCurly" || name === "Semicolon") return undefined;
    if (OPENERS.has(name)) {
      const next = tokens[i + 1];
      const id = next?.tokenType.name === "StringLiteral" && name !== "kw_bands" ? ` ${next.image}` : "";
      return { token: t, label: `'${t.image}${id}'` };
    }
  }
  return undefined;
}

/**
 * Blocks left open, with where their indentation says they end. Blocks whose body is
 * not indented deeper than their first line are never reported (nothing to go by).
 * @param tokens - the tokens of a source whose parse failed
 * @param endOfSource - where the source ends
 */
export function missingBraces(tokens: readonly IToken[], endOfSource: Range): MissingBrace[] {
  const indentOfLine = new Map<number, number>();
  for (const t of tokens) if (t.startLine !== undefined && !indentOfLine.has(t.startLine)) indentOfLine.set(t.startLine, (t.startColumn ?? 1) - 1);
  const stack: OpenBlock[] = [];
  const missing: MissingBrace[] = [];
  const report = (block: OpenBlock, before: number): void => {
    const at = tokens[before];
    const args = { block: block.label, line: block.line, ...(at === undefined ? {} : { before: at.startLine ?? 1 }) };
    missing.push({ before, diagnostic: makeDiagnostic("RL121", at === undefined ? endOfSource : tokenRange(at), { args }) });
  };
  let line = 0;
  for (let i = 0; i < tokens.length && missing.length < MOST_REPORTED; i++) {
    const t = tokens[i]!;
    const closing = t.tokenType === P.rcurly;
    if (t.startLine !== line) {
      line = t.startLine ?? line;
      const indent = indentOfLine.get(line) ?? 0;
      let top = stack[stack.length - 1];
      if (top !== undefined && top.bodyIndent === undefined && line !== top.line && !closing) top.bodyIndent = indent;
      // A line no deeper than the block's first line ends the block; a `}` ends it only when shallower.
      while (top !== undefined && top.bodyIndent !== undefined && top.bodyIndent > top.indent && (closing ? indent < top.indent : indent <= top.indent)) {
        report(top, i);
        stack.pop();
        top = stack[stack.length - 1];
      }
    }
    if (t.tokenType === P.lcurly) {
      const open = opener(tokens, i);
      const openLine = open?.token.startLine ?? t.startLine ?? 1;
      stack.push({ label: open?.label ?? "'{'", line: openLine, indent: indentOfLine.get(openLine) ?? 0, bodyIndent: undefined });
    } else if (closing) stack.pop();
  }
  // Open at the end of the file: one diagnostic, for the innermost block; every block gets its `}`.
  if (stack.length > 0 && missing.length < MOST_REPORTED) {
    report(stack[stack.length - 1]!, tokens.length);
    const last = missing[missing.length - 1]!;
    for (let i = 1; i < stack.length; i++) missing.push({ before: tokens.length, diagnostic: last.diagnostic });
  }
  return missing;
}

/**
 * Inserts the missing `}` tokens into a copy of the token stream.
 * @param tokens - the tokens
 * @param missing - where braces are missing
 */
export function insertBraces(tokens: readonly IToken[], missing: readonly MissingBrace[]): IToken[] {
  const result = [...tokens];
  for (const m of [...missing].sort((a, b) => b.before - a.before)) {
    const previous = result[m.before - 1] ?? tokens[0]!;
    const offset = previous.endOffset! + 1;
    const brace: IToken = {
      image: "}", startOffset: offset, endOffset: offset, startLine: previous.endLine!, endLine: previous.endLine!,
      startColumn: previous.endColumn! + 1, endColumn: previous.endColumn! + 1, tokenType: P.rcurly, tokenTypeIdx: P.rcurly.tokenTypeIdx!,
    };
    result.splice(m.before, 0, brace);
  }
  return result;
}
