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

export { closest, editDistance } from "../syntax/spelling.js";
