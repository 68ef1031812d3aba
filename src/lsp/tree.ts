/**
 * Facts about criterion nodes that the editor shows: the node under the cursor, the
 * not-applicable policy a node ends up with (and where it comes from), the sum of its
 * children's maxima, exactly.
 * @module
 */
import { Exact } from "../runtime/exact.js";
import type { CriterionNode, NaPolicy, RubricFile } from "../syntax/ast.js";
import type { Owner, SymbolIndex } from "./symbols.js";

/**
 * The innermost node or bonus/penalty block whose source contains the offset.
 * @param index - the rubric's names and nodes
 * @param offset - the cursor
 */
export function ownerAt(index: SymbolIndex, offset: number): Owner | undefined {
  let best: Owner | undefined;
  for (const { node } of index.owners) {
    if (node.range.start.offset <= offset && offset <= node.range.end.offset && (best === undefined || node.range.start.offset >= best.range.start.offset)) best = node;
  }
  return best;
}

/**
 * The node a node id names, the first one when an id is (wrongly) used twice.
 * @param index - the rubric's names and nodes
 * @param id - a node id
 */
export function ownerById(index: SymbolIndex, id: string): Owner | undefined {
  return index.owners.find((o) => o.node.id.value === id)?.node;
}

/** A node's not-applicable policy and where it was stated. */
export interface PolicyOrigin {
  /** The policy. */
  readonly policy: NaPolicy;
  /** `own`, `inherited` (from `from`), `rubric` (the header statement) or `language` (the default, exclude). */
  readonly source: "own" | "inherited" | "rubric" | "language";
  /** The id of the node it was inherited from. */
  readonly from?: string;
}

function ownPolicy(node: CriterionNode): NaPolicy | undefined {
  for (const st of node.body) if (st.kind === "NotApplicable") return st.policy;
  return undefined;
}

/**
 * The policy that applies to a node: its own statement, else its nearest ancestor's,
 * else the rubric's header statement, else `exclude` (docs/language.md, Not applicable).
 * @param ast - the rubric
 * @param index - the rubric's nodes with their parents
 * @param node - a criterion node
 */
export function policyOf(ast: RubricFile, index: SymbolIndex, node: CriterionNode): PolicyOrigin {
  const own = ownPolicy(node);
  if (own !== undefined) return { policy: own, source: "own" };
  const parents = new Map(index.owners.map((o) => [o.node, o.parent]));
  for (let p = parents.get(node); p !== undefined; p = parents.get(p)) {
    const policy = ownPolicy(p);
    if (policy !== undefined) return { policy, source: "inherited", from: p.id.value };
  }
  for (const st of ast.body) if (st.kind === "NotApplicable") return { policy: st.policy, source: "rubric" };
  return { policy: "exclude", source: "language" };
}

/**
 * The children's maxima added up, exactly (a decimal as the source writes it), or
 * undefined for a leaf.
 * @param node - a criterion node
 */
export function childrenMaxSum(node: CriterionNode): string | undefined {
  let sum: Exact | undefined;
  for (const st of node.body) {
    if (st.kind !== "Node") continue;
    const max = Exact.parse(st.max.text);
    if (max === undefined) return undefined;
    sum = (sum ?? Exact.ZERO).plus(max);
  }
  return sum?.toString();
}

/**
 * One line of source text at most `limit` characters long, for showing a rule.
 * @param text - the document
 * @param start - first offset
 * @param end - offset after
 * @param limit - longest result
 */
export function sourceLine(text: string, start: number, end: number, limit = 160): string {
  const flat = text.slice(start, end).replace(/\s+/g, " ").trim();
  return flat.length > limit ? `${flat.slice(0, limit - 1)}…` : flat;
}
