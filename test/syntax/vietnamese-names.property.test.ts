/**
 * Vietnamese names are names: renaming every name of a generated rubric (inputs, lets,
 * unit facts, enum members) to a Vietnamese one — each occurrence written in NFC or in
 * NFD at random — compiles to the same tree with the NFC names, and every unit scores
 * exactly as before.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { CompiledRubric } from "../../src/compile/types.js";
import { evaluate } from "../../src/io/evaluate.js";
import { rubricLexer } from "../../src/syntax/lexer.js";
import { layeredSubmissionArb } from "../io/submissions.js";
import { typedRubricArb } from "../runtime/arbitraries.js";
import { rubricOf } from "../runtime/helpers.js";

const WORDS = ["số_lượng", "tỷ_lệ", "hoàn_thành", "đúng_hạn", "kế_hoạch", "điểm_số", "giá_trị", "nhiệm_vụ", "thủ_tục", "đơn_vị"];

/** Renames every name token; `nfd(i)` says whether occurrence i is written decomposed. */
function renamed(source: string, names: Map<string, string>, nfd: (i: number) => boolean): string {
  const { tokens } = rubricLexer.tokenize(source);
  let out = "";
  let at = 0;
  let occurrence = 0;
  for (const t of tokens) {
    if (t.tokenType.name !== "Identifier") continue;
    let name = names.get(t.image);
    if (name === undefined) {
      name = `${WORDS[names.size % WORDS.length]}_${t.image}`;
      names.set(t.image, name);
    }
    out += source.slice(at, t.startOffset) + (nfd(occurrence++) ? name.normalize("NFD") : name);
    at = t.endOffset! + 1;
  }
  return out + source.slice(at);
}

/**
 * Every string equal to an old name replaced by its new name: values (ids and titles
 * aside) and, in a submission (`keys`), the keys of its records.
 */
function renameDeep(value: unknown, names: ReadonlyMap<string, string>, keys = false): unknown {
  if (typeof value === "string") return names.get(value) ?? value;
  if (Array.isArray(value)) return value.map((v) => renameDeep(v, names, keys));
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [keys ? names.get(k) ?? k : k, k === "id" || k === "title" ? v : renameDeep(v, names, keys)]));
}

const tree = (rubric: CompiledRubric): unknown => {
  const { fingerprint: _ignored, ...rest } = rubric;
  return rest;
};

/** What a unit's result is, names aside: each node's status and points, the figures. */
function scores(rubric: CompiledRubric, submission: unknown): unknown {
  const outcome = evaluate(rubric, submission);
  if (!outcome.ok) return { issues: outcome.issues.length };
  const r = outcome.result;
  return {
    complete: r.complete, errors: r.errors.length, published: r.published, index: r.index, points: r.points,
    nodes: Object.entries(r.nodes).map(([id, n]) => [id, n.status, n.points, n.selfPoints, n.difference]),
  };
}

describe("Vietnamese names, NFC or NFD", () => {
  it("leave the compiled tree and every result unchanged apart from the names", () => {
    const caseArb = typedRubricArb.chain((source) => {
      const rubric = rubricOf(source);
      return fc.tuple(fc.constant(source), fc.constant(rubric), fc.array(layeredSubmissionArb(rubric), { minLength: 1, maxLength: 3 }), fc.array(fc.boolean(), { minLength: 1, maxLength: 64 }));
    });
    fc.assert(
      fc.property(caseArb, ([source, original, submissions, coin]) => {
        const names = new Map<string, string>();
        const text = renamed(source, names, (i) => coin[i % coin.length]!);
        expect(text).not.toBe(source);
        const vietnamese = rubricOf(text);
        // NFC in the compiled rubric, whatever the spelling in the source.
        expect(JSON.stringify(vietnamese)).toBe(JSON.stringify(vietnamese).normalize("NFC"));
        expect(tree(vietnamese)).toEqual(renameDeep(tree(original), names));
        for (const submission of submissions) {
          expect(scores(vietnamese, renameDeep(submission, names, true))).toEqual(scores(original, submission));
        }
      }),
      { numRuns: 60 },
    );
  });
});
