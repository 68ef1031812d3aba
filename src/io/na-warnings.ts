/**
 * Values given for a node that does not apply to the unit — declared not arising
 * (`notApplicable`), or under an area or criterion that does not apply (declared, or
 * its `applies when` false) — are not used, and never silently: each such node is a warning of the unit's result, as
 * data (a code and what it names), worded by the caller in its language.
 * @module
 */
import type { CompiledNode, CompiledRubric } from "../compile/types.js";
import type { NodeResult } from "../runtime/result.js";
import type { Layer } from "./layers.js";

/**
 * A warning about a unit's data: a value that was given but not used.
 * @category Evaluate
 */
export interface UnitWarning {
  /** `value-not-applicable`: values were given for a node that does not apply to the unit. */
  readonly code: "value-not-applicable";
  /** The node the values were given for. */
  readonly node: string;
  /** What the warning names: the inputs given (with their layer) and the node that does not apply (itself or an ancestor). */
  readonly args: {
    /** The inputs given, with their layer. */ readonly inputs: readonly {
      /** The input's name. */ readonly name: string;
      /** The layer it was given in. */ readonly layer: Layer;
    }[];
    /** The id of the node that does not apply (the node itself or an ancestor). */ readonly notApplicable: string;
  };
}

const parents = new WeakMap<CompiledRubric, Map<string, string | undefined>>();

/** Each node's parent id (undefined at the top), made once per rubric. */
function parentsOf(rubric: CompiledRubric): Map<string, string | undefined> {
  let found = parents.get(rubric);
  if (found === undefined) {
    const map = new Map<string, string | undefined>();
    const walk = (nodes: readonly CompiledNode[], parent: string | undefined): void => {
      for (const n of nodes) {
        map.set(n.id, parent);
        if (n.children !== undefined) walk(n.children, n.id);
      }
    };
    walk(rubric.nodes, undefined);
    found = map;
    parents.set(rubric, found);
  }
  return found;
}

/**
 * The warnings of a unit's values given for nodes that do not apply to it.
 * @param rubric - the rubric
 * @param sources - per node, the inputs given and their layer
 * @param nodes - the evaluated nodes by id (a node under one that does not apply may be absent)
 * @param declared - the nodes the unit declared not arising (`notApplicable`)
 */
export function notApplicableWarnings(rubric: CompiledRubric, sources: ReadonlyMap<string, ReadonlyMap<string, Layer>>, nodes: Readonly<Record<string, NodeResult>>, declared: ReadonlySet<string>): UnitWarning[] {
  const up = parentsOf(rubric);
  const warnings: UnitWarning[] = [];
  for (const [id, given] of sources) {
    if (!up.has(id)) continue; // bonus and penalty blocks always apply
    // The node itself counts only when declared not arising: a `when` clause that makes it
    // not applicable reads its own inputs (`when found == 0`), and those values are used.
    let cause: string | undefined = declared.has(id) ? id : undefined;
    for (let at = up.get(id); at !== undefined && cause === undefined; at = up.get(at)) {
      if (declared.has(at) || nodes[at]?.status === "not-applicable") cause = at;
    }
    if (cause === undefined) continue;
    warnings.push({ code: "value-not-applicable", node: id, args: { inputs: [...given].map(([name, layer]) => ({ name, layer })), notApplicable: cause } });
  }
  return warnings;
}
