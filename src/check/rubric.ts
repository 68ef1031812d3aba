/**
 * Rubric-level checks: header statements, unit facts, the index formula, ranking
 * keys and classification bands.
 * @module
 */
import type { RubricFile, RubricStatement } from "../syntax/ast.js";
import { makeDiagnostic, type Diagnostic } from "../diagnostics.js";
import { checkRubricBands } from "./bands.js";
import { checkBandBlocks, checkPercentileBands } from "./percentile-bands.js";
import { checkRangeBounds } from "./nodes.js";
import { expect, tyOf, type Scope, type Ty } from "./types.js";
import { closest, type NodeEntry } from "./walk.js";

const NUM: Ty = { k: "num" };
const BOOL: Ty = { k: "bool" };

function headerKey(st: RubricStatement): string | undefined {
  switch (st.kind) {
    case "Meta": return st.key;
    case "Publish": return "publish";
    case "IndexFormula": return "index";
    case "BonusMayExceed": return "bonus may exceed max";
    case "NotApplicable": return "not applicable";
    case "UnitBlock": return "unit";
    case "Ranking": return "ranking";
    case "BandsBlock": return undefined; // several blocks, one per unit group (checkBandBlocks)
    default: return undefined;
  }
}

/**
 * Collects the unit facts, reporting duplicates and bad ranges.
 * @param ast - the rubric
 * @param out - where diagnostics go
 */
export function unitFacts(ast: RubricFile, out: Diagnostic[]): Map<string, Ty> {
  const facts = new Map<string, Ty>();
  for (const st of ast.body) {
    if (st.kind !== "UnitBlock") continue;
    for (const fact of st.facts) {
      if (facts.has(fact.name.name)) out.push(makeDiagnostic("RL206", fact.name.range, { args: { what: `unit.${fact.name.name}` } }));
      facts.set(fact.name.name, tyOf(fact.type));
      checkRangeBounds(fact.type, out);
    }
  }
  return facts;
}

/**
 * Checks everything outside the criterion tree.
 * @param ast - the rubric
 * @param nodes - every node, for ranking keys
 * @param facts - unit facts
 * @param out - where diagnostics go
 */
export function checkRubricLevel(ast: RubricFile, nodes: readonly NodeEntry[], facts: ReadonlyMap<string, Ty>, out: Diagnostic[]): void {
  const seen = new Set<string>();
  const scope = (place: Scope["place"]): Scope => ({ place, inputs: new Map(), lets: new Map(), letOrder: Infinity, facts, used: new Set(), out });
  for (const st of ast.body) {
    const key = headerKey(st);
    if (key !== undefined) {
      if (seen.has(key)) out.push(makeDiagnostic("RL206", st.range, { args: { what: key } }));
      seen.add(key);
    }
    switch (st.kind) {
      case "Meta":
        if (st.key === "locale" && st.value.value !== "vi" && st.value.value !== "en") {
          out.push(makeDiagnostic("RL305", st.value.range, { args: { what: "The locale", must: '"vi" or "en"', value: `"${st.value.value}"` } }));
        }
        break;
      case "Publish":
        if (st.precision.text.includes(".") || Number(st.precision.text) > 10) {
          out.push(makeDiagnostic("RL305", st.precision.range, { args: { what: "The publish precision", must: "a whole number from 0 to 10", value: st.precision.text } }));
        }
        break;
      case "IndexFormula": expect(st.formula, NUM, scope("index")); break;
      case "BandsBlock":
        for (const band of st.bands) if (band.condition !== undefined) expect(band.condition, BOOL, scope("bands"));
        checkRubricBands(st.bands, out);
        checkPercentileBands(st, out);
        break;
      case "Ranking":
        checkRanking(st, nodes, out);
        for (const e of st.statements) if (e.kind === "Eligible") expect(e.condition, BOOL, scope("eligible"));
        break;
      default: break;
    }
  }
  checkBandBlocks(ast.body.filter((st): st is Extract<RubricStatement, { kind: "BandsBlock" }> => st.kind === "BandsBlock"), out);
  if (!ast.body.some((st) => st.kind === "Node")) out.push(makeDiagnostic("RL412", ast.title.range));
}

function checkRanking(block: Extract<RubricStatement, { kind: "Ranking" }>, nodes: readonly NodeEntry[], out: Diagnostic[]): void {
  const seen = new Set<string>();
  const byId = new Map(nodes.filter((n) => n.node.kind === "Node").map((n) => [n.node.id.value, n.node]));
  for (const st of block.statements) {
    if (seen.has(st.kind)) out.push(makeDiagnostic("RL206", st.range, { args: { what: st.kind === "RankBy" ? "by" : st.kind === "RankOn" ? "on" : st.kind === "Ties" ? "ties" : st.kind === "Eligible" ? "eligible" : "within group" } }));
    seen.add(st.kind);
    if (st.kind !== "RankBy") continue;
    for (const key of st.keys) {
      if (key.target.kind !== "NodeKey") continue;
      const { keyword, id } = key.target;
      const found = byId.get(id.value);
      if (found === undefined) {
        const suggestion = closest(id.value, byId.keys());
        const args = { keyword, id: id.value };
        out.push(makeDiagnostic("RL409", id.range, suggestion === undefined ? { args } : { args: { ...args, suggestion }, suggestion }));
      } else if (found.kind === "Node" && found.keyword !== keyword) {
        out.push(makeDiagnostic("RL410", key.range, { args: { id: id.value, actual: `${article(found.keyword)} ${found.keyword}`, keyword: `${article(keyword)} ${keyword}` } }));
      }
    }
  }
}

const article = (word: string): string => (/^[aeiou]/.test(word) ? "an" : "a");
