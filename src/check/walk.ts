/**
 * Walking the criterion tree: every node and bonus/penalty block with its parent and
 * depth, collected with an explicit stack (no recursion), in source order.
 * @module
 */
import type { CriterionNode, ExtraNode, NodeStatement, RubricFile } from "../syntax/ast.js";

/** A node of the tree or a bonus/penalty block, with where it stands. */
export interface NodeEntry {
  /** The node. */
  readonly node: CriterionNode | ExtraNode;
  /** Its parent node, undefined at the top level. */
  readonly parent: CriterionNode | undefined;
  /** 1 at the top level. */
  readonly depth: number;
}

/**
 * Lists every node and extra block in source (pre-)order.
 * @param ast - the rubric
 */
export function collectNodes(ast: RubricFile): NodeEntry[] {
  const result: NodeEntry[] = [];
  const stack: NodeEntry[] = [];
  const top = ast.body.filter((st): st is CriterionNode | ExtraNode => st.kind === "Node" || st.kind === "Extra");
  for (let i = top.length - 1; i >= 0; i--) stack.push({ node: top[i]!, parent: undefined, depth: 1 });
  while (stack.length > 0) {
    const entry = stack.pop()!;
    result.push(entry);
    const children = childNodes(entry.node.body);
    for (let i = children.length - 1; i >= 0; i--) {
      stack.push({ node: children[i]!, parent: entry.node.kind === "Node" ? entry.node : undefined, depth: entry.depth + 1 });
    }
  }
  return result;
}

/**
 * The child criterion nodes among a body's statements.
 * @param body - a node's or extra's statements
 */
export function childNodes(body: readonly NodeStatement[]): CriterionNode[] {
  return body.filter((st): st is CriterionNode => st.kind === "Node");
}

/**
 * Damerau-Levenshtein distance (optimal string alignment), for "did you mean".
 * @param a - one word
 * @param b - another
 */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]!;
}

/**
 * The closest candidate within edit distance 2 (ties: the first in sorted order).
 * @param name - what was written
 * @param candidates - names that exist
 */
export function closest(name: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  for (const candidate of [...candidates].sort()) {
    const distance = editDistance(name.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance && distance <= Math.max(1, Math.floor(name.length / 2))) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}
