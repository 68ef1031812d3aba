/**
 * Semantic diagnostics on a rubric that did not parse whole: the checker runs on what
 * parsed (see `syntax/build-partial.ts`), and this drops what it says only because a
 * part is missing — a damaged node's structure, ids and facts that may be in the lost
 * part, and anything about the text a repair had to guess.
 * @module
 */
import type { Range } from "../syntax/ast.js";
import type { Damage } from "../syntax/build-partial.js";
import type { Diagnostic, DiagnosticCode } from "../diagnostics.js";

/** Codes about a node's structure: its children, leaf or inner form, weights. */
const STRUCTURE = new Set<DiagnosticCode>(["RL400", "RL401", "RL402", "RL403", "RL404", "RL416", "RL417"]);
/** Codes that name a node, which may be one that was lost. */
const NODE_REFERENCES = new Set<DiagnosticCode>(["RL409", "RL410", "RL412"]);

const inside = (r: Range, outer: Range): boolean => r.start.offset >= outer.start.offset && r.start.offset < outer.end.offset;
const overlaps = (a: Range, b: Range): boolean => a.start.offset < b.end.offset && b.start.offset < a.end.offset;

/**
 * The semantic diagnostics that hold whatever the missing parts say.
 * @param diagnostics - the checker's diagnostics on the partial AST
 * @param damage - what the partial AST lacks
 * @param guessed - source ranges a repair guessed at
 */
export function trustworthy(diagnostics: readonly Diagnostic[], damage: Damage | undefined, guessed: readonly Range[]): Diagnostic[] {
  if (damage === undefined && guessed.length === 0) return [...diagnostics];
  const damaged = [...(damage?.damaged ?? [])].map((n) => n.range);
  return diagnostics.filter((d) => {
    if (guessed.some((g) => overlaps(d.range, g))) return false;
    if (STRUCTURE.has(d.code) && damaged.some((r) => inside(d.range, r))) return false;
    if (damage?.droppedNodes === true && NODE_REFERENCES.has(d.code)) return false;
    if (damage?.unitDamaged === true && d.code === "RL203") return false;
    return true;
  });
}
