/**
 * Small helpers for reading chevrotain's CST: labelled children and source ranges.
 * @module
 */
import type { CstElement, CstNode, IToken } from "chevrotain";
import type { Position, Range } from "./ast.js";

/** True when a CST element is a token rather than a rule node. */
export function isToken(element: CstElement): element is IToken {
  return "image" in element;
}

/** The first token labelled `label`, or undefined. */
export function tokenOf(node: CstNode, label: string): IToken | undefined {
  const found = node.children[label]?.[0];
  return found !== undefined && isToken(found) ? found : undefined;
}

/** The first token labelled `label`; the grammar guarantees it when the parse had no errors. */
export function requiredToken(node: CstNode, label: string): IToken {
  const found = tokenOf(node, label);
  if (found === undefined) throw new Error(`CST ${node.name} has no token '${label}'`);
  return found;
}

/** Every token labelled `label`, in source order. */
export function tokensOf(node: CstNode, label: string): IToken[] {
  return (node.children[label] ?? []).filter(isToken);
}

/** The first sub-rule node labelled `label`, or undefined. */
export function childOf(node: CstNode, label: string): CstNode | undefined {
  const found = node.children[label]?.[0];
  return found !== undefined && !isToken(found) ? found : undefined;
}

/** The first sub-rule node labelled `label`; guaranteed by the grammar on an error-free parse. */
export function requiredChild(node: CstNode, label: string): CstNode {
  const found = childOf(node, label);
  if (found === undefined) throw new Error(`CST ${node.name} has no child '${label}'`);
  return found;
}

/** Every sub-rule node labelled `label`, in source order. */
export function childrenOf(node: CstNode, label: string): CstNode[] {
  return (node.children[label] ?? []).filter((e): e is CstNode => !isToken(e));
}

const position = (offset: number, line: number | undefined, column: number | undefined): Position => ({
  line: line ?? 1,
  column: column ?? 1,
  offset,
});

/** The range of one token (end exclusive; tokens never span lines except skipped ones). */
export function tokenRange(token: IToken): Range {
  return {
    start: position(token.startOffset, token.startLine, token.startColumn),
    end: position((token.endOffset ?? token.startOffset) + 1, token.endLine, (token.endColumn ?? token.startColumn ?? 0) + 1),
  };
}

/** The range a rule node covers, from chevrotain's node location tracking. */
export function nodeRange(node: CstNode): Range {
  const loc = node.location;
  if (loc === undefined || Number.isNaN(loc.startOffset)) return { start: position(0, 1, 1), end: position(0, 1, 1) };
  return {
    start: position(loc.startOffset, loc.startLine, loc.startColumn),
    end: position((loc.endOffset ?? loc.startOffset) + 1, loc.endLine, (loc.endColumn ?? loc.startColumn ?? 0) + 1),
  };
}

/** The range from the start of `first` to the end of `last`. */
export function span(first: Range, last: Range): Range {
  return { start: first.start, end: last.end };
}
