/**
 * The check stage: names, types, points, bands and ranking keys of a parsed rubric.
 * @module
 */
import type { RubricFile } from "../syntax/ast.js";
import { makeDiagnostic, type Diagnostic } from "../diagnostics.js";
import { checkNode } from "./nodes.js";
import { declaredQuantity, type Quantity } from "./quantities.js";
import { checkRubricLevel, unitFacts } from "./rubric.js";
import { checkLiteralBounds } from "./literals.js";
import { checkExactNumbers } from "./exact-max.js";
import { collectNodes } from "./walk.js";

export { collectNodes, childNodes, closest, editDistance, type NodeEntry } from "./walk.js";

const within = (inner: Diagnostic, outer: Diagnostic): boolean =>
  inner.range.start.offset >= outer.range.start.offset && inner.range.end.offset <= outer.range.end.offset;

/**
 * Drops what only follows from another error, so the helpful diagnostic comes first:
 * a dead bands arm whose threshold is a bare number meant as a percentage (RL407 on
 * an arm holding an RL306 or RL307: the analysis read the threshold as written).
 */
function withoutConsequences(out: Diagnostic[]): Diagnostic[] {
  const quantities = out.filter((d) => d.code === "RL306" || d.code === "RL307");
  if (quantities.length === 0) return out;
  return out.filter((d) => d.code !== "RL407" || !quantities.some((q) => within(q, d)));
}

/**
 * Checks a parsed rubric and returns every problem found (errors and warnings), each
 * pointing at the AST node it is about. Never throws on any AST the parser builds.
 * @param ast - the rubric's AST
 * @example
 * ```ts
 * import { checkRubric, parseRubric } from "rubric-lang";
 * const { ast } = parseRubric('rubric "Demo" { area "1" "Chỉ đạo" max 10 { score = 10 * dne } }');
 * if (ast) console.log(checkRubric(ast).map((d) => `${d.code} ${d.message}`)); // ["RL201 Unknown name 'dne'. …"]
 * ```
 * @category Language
 */
export function checkRubric(ast: RubricFile): Diagnostic[] {
  const out: Diagnostic[] = [];
  const nodes = collectNodes(ast);
  const firstLine = new Map<string, number>();
  for (const { node } of nodes) {
    const id = node.id.value;
    const line = firstLine.get(id);
    if (line === undefined) firstLine.set(id, node.id.range.start.line);
    else out.push(makeDiagnostic("RL200", node.id.range, { args: { id, line } }));
  }
  const facts = unitFacts(ast, out);
  const factQuantities = new Map<string, Quantity>();
  for (const st of ast.body) {
    if (st.kind !== "UnitBlock") continue;
    for (const f of st.facts) if (f.type.kind !== "ListType") factQuantities.set(`unit.${f.name.name}`, declaredQuantity(f.type));
  }
  for (const entry of nodes) checkNode(entry, facts, out, factQuantities);
  checkRubricLevel(ast, nodes, facts, out);
  checkLiteralBounds(ast, out);
  checkExactNumbers(ast, out);
  return withoutConsequences(out);
}
