/**
 * Compiled percentile groups and group blocks: they survive `loadCompiled` exactly, and
 * a hand-edited compiled rubric with a percentile out of 0–100 or an unknown method is
 * refused with the path, not ranked with it.
 */
import { describe, expect, it } from "vitest";
import { compile } from "../../src/compile/compile.js";
import { seal } from "../../src/compile/fingerprint.js";
import { loadCompiled } from "../../src/compile/load.js";
import type { UnsealedRubric } from "../../src/compile/types.js";

const source = `rubric "R" {
  area "1" "A" max 10 { score = given }
  bands in group "so" by percentile exc {
    "Cao" above percentile 66.5
    "Thấp" otherwise
  }
  bands by percentile nearest {
    "Cao" from percentile 50
    "Thấp" otherwise
  }
}`;

describe("compiled percentile groups", () => {
  const compiled = compile(source);
  if (!compiled.ok) throw new Error(JSON.stringify(compiled.diagnostics));
  const { fingerprint: _f, ...unsealed } = compiled.rubric;

  it("carry the method, the cut-offs and the group blocks, and load back unchanged", () => {
    expect(compiled.rubric.bandsMethod).toBe("nearest");
    expect(compiled.rubric.bands[0]).toEqual({ label: "Cao", cut: { percentile: "50", inclusive: true } });
    expect(compiled.rubric.bandBlocks).toEqual([{ group: "so", method: "exc", bands: [{ label: "Cao", cut: { percentile: "66.5", inclusive: false } }, { label: "Thấp" }] }]);
    expect(loadCompiled(JSON.stringify(compiled.rubric))).toEqual({ ok: true, rubric: compiled.rubric });
  });

  it("refuse a percentile outside 0–100 and an unknown method, with the path", () => {
    const high = seal({ ...unsealed, bandBlocks: [{ group: "so", method: "exc", bands: [{ label: "Cao", cut: { percentile: "150", inclusive: false } }] }] } as UnsealedRubric);
    const a = loadCompiled(high);
    expect(a.ok).toBe(false);
    if (!a.ok) expect(a.issues.map((i) => i.path)).toContainEqual(["bandBlocks", 0, "bands", 0, "cut", "percentile"]);
    const method = seal({ ...unsealed, bandsMethod: "median" } as unknown as UnsealedRubric);
    const b = loadCompiled(method);
    expect(b.ok).toBe(false);
    if (!b.ok) expect(b.issues[0]?.path).toEqual(["bandsMethod"]);
  });
});
