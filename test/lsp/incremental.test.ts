/**
 * Block re-parsing must answer exactly what a whole parse answers: for typing and
 * deleting at random places of real rubrics, every time the quick path takes an edit,
 * its diagnostics (codes, ranges, lines, columns, messages) and its AST (positions
 * included) equal those of `analyse` on the whole text, and while the text does not
 * parse, so does the parse recovered for editor requests. The test also counts that
 * the quick path was taken, so it cannot pass by always falling back.
 */
import fc from "fast-check";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { analyse, analyseEdits, recover, type Analysis } from "../../src/lsp/analysis.js";
import { IncrementalParse, type OffsetEdit } from "../../src/lsp/incremental.js";

const root = join(import.meta.dirname, "../..");
const bases = ["par-department", "pci", "sipas"].map((name) => readFileSync(join(root, "examples", name, "rubric.rubric"), "utf8"));
const PIECES = ["a", "x", "1", " ", "\n", "{", "}", '"', "(", ")", ",", ".", "=", ":", "0,5", "let q = 1\n", "score", "/*", "//", "%", "\r\n", "unit.", "item \"9\" \"X\" max 1 {\n}"];

const seen = (a: Analysis): string =>
  JSON.stringify(a.diagnostics.map((d) => [d.code, d.severity, d.range, d.message, d.data?.suggestion]));

describe("block re-parsing", () => {
  it("gives the whole parse's diagnostics and AST whenever it answers", () => {
    let quick = 0;
    let recovered = 0;
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: bases.length - 1 }),
        fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 0, max: 3 }), fc.constantFrom(...PIECES)), { minLength: 1, maxLength: 12 }),
        (which, steps) => {
          let text = bases[which]!;
          const first = analyse(text, "vi");
          let blocks = first.parsed === undefined ? undefined : IncrementalParse.from(text, first.parsed.ast);
          for (const [where, removed, typed] of steps) {
            // Typing inside a node's body, as an author does: after an `input` or `score` line.
            const anchors = [...text.matchAll(/\n(\s+)(?:input|score|let)\b/g)].map((m) => m.index + 1);
            const start = anchors.length === 0 ? Math.floor(where * text.length) : anchors[Math.floor(where * anchors.length)]!;
            const edit: OffsetEdit = { start, end: Math.min(text.length, start + removed), text: typed };
            const next = text.slice(0, edit.start) + edit.text + text.slice(edit.end);
            const whole = analyse(next, "vi");
            const fast = blocks === undefined ? undefined : analyseEdits(blocks, [edit], next, "vi");
            if (fast !== undefined) {
              quick++;
              expect(seen(fast)).toBe(seen(whole));
              expect(JSON.stringify(fast.parsed?.ast)).toBe(JSON.stringify(whole.parsed?.ast));
              // While it does not parse, the parse recovered for editor requests: by block, as by whole text.
              if (fast.parsed === undefined) {
                const cursor = edit.start + edit.text.length;
                expect(JSON.stringify(recover(fast, cursor, blocks)?.ast)).toBe(JSON.stringify(recover(whole, cursor)?.ast));
                recovered++;
              }
            } else {
              blocks = whole.parsed === undefined ? undefined : IncrementalParse.from(next, whole.parsed.ast);
            }
            text = next;
          }
        },
      ),
      { numRuns: 150, seed: 16 },
    );
    expect(quick).toBeGreaterThan(100);
    expect(recovered).toBeGreaterThan(20);
  }, 120_000);

  it("takes several edits at once, in different blocks, and gives up on edits between blocks", () => {
    const text = bases[0]!;
    const a = analyse(text, "vi");
    const blocks = IncrementalParse.from(text, a.parsed!.ast)!;
    const one = text.indexOf("input funded ");
    const two = text.indexOf("input reviewed ");
    // Second edit's offsets are in the text after the first.
    const edits: OffsetEdit[] = [{ start: one, end: one + 5, text: "input" }, { start: two + 6, end: two + 6, text: "zz_" }];
    const next = text.slice(0, two + 6) + "zz_" + text.slice(two + 6);
    const fast = analyseEdits(blocks, edits, next, "vi")!;
    expect(seen(fast)).toBe(seen(analyse(next, "vi")));
    // Between two areas (a blank line): no block to re-parse.
    const gap = text.indexOf("\n\n  area \"2\"") + 1;
    expect(analyseEdits(IncrementalParse.from(next, fast.parsed!.ast)!, [{ start: gap, end: gap, text: "x" }], next.slice(0, gap) + "x" + next.slice(gap), "vi")).toBeUndefined();
  });
});
