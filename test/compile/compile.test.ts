import { describe, expect, it } from "vitest";
import { compile } from "../../src/compile/compile.js";
import { loadCompiled } from "../../src/compile/load.js";
import type { CompiledNode, CompiledRubric } from "../../src/compile/types.js";

const SOURCE = `
rubric "Chỉ số CCHC cấp sở" {
  version "2022"
  basis "Quyết định số 3396/QĐ-UBND ngày 11/10/2021"
  not applicable: full
  unit { kind: enum(so_co_tthc, so_khong_tthc) }
  area "1" "Chỉ đạo, điều hành" max 2 {
    item "1.1" "Kế hoạch" max 1 {
      input done: count, planned: count in 1..1000
      let rate = done / planned
      score = bands rate { >= 100%: 1; >= 80%: 0.50; else: 0 }
    }
    item "1.2" "Báo cáo" max 1 {
      not applicable: zero
      input missing: count
      score = max - 0.25 * missing
    }
  }
  area "3" "Thủ tục hành chính" max 2 applies when unit.kind == so_co_tthc {
    not applicable: exclude
    item "3.1" "Đúng hạn" max 2 {
      input on_time: count, total: count
      when total == 0: full
      score = max * on_time / total
    }
  }
}
`;

function compiled(source: string): CompiledRubric {
  const result = compile(source);
  if (!result.ok) throw new Error(result.diagnostics.map((d) => `${d.code} ${d.range.start.line}:${d.range.start.column} ${d.message}`).join("\n"));
  return result.rubric;
}

function node(rubric: CompiledRubric, id: string): CompiledNode {
  const stack = [...rubric.nodes];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (n.id === id) return n;
    stack.push(...(n.children ?? []));
  }
  throw new Error(`no node ${id}`);
}

describe("compile", () => {
  const rubric = compiled(SOURCE);

  it("keeps metadata and derives the id from the title", () => {
    expect(rubric.meta).toEqual({ id: "chi-so-cchc-cap-so", title: "Chỉ số CCHC cấp sở", version: "2022", basis: "Quyết định số 3396/QĐ-UBND ngày 11/10/2021", locale: "vi" });
    expect(rubric.format).toBe("rubric-lang/compiled");
    expect(rubric.fingerprint).toMatch(/^[0-9a-f]{64}$/);
  });

  it("lowers literals exactly: percents become fractions, decimals are canonical", () => {
    const rule = node(rubric, "1.1").leaf?.rule;
    expect(rule).toEqual({
      kind: "expr",
      expr: {
        op: "bands",
        subject: { op: "let", name: "rate" },
        arms: [
          { cmp: "ge", threshold: { op: "num", value: "1", percent: true }, value: { op: "num", value: "1" } },
          { cmp: "ge", threshold: { op: "num", value: "0.8", percent: true }, value: { op: "num", value: "0.5" } },
        ],
        otherwise: { op: "num", value: "0" },
      },
    });
    expect(node(rubric, "1.1").leaf?.inputs).toEqual([
      { name: "done", type: { kind: "count" } },
      { name: "planned", type: { kind: "count", min: "1", max: "1000" } },
    ]);
  });

  it("resolves names: inputs, lets, the node max, unit facts and enum members", () => {
    expect(node(rubric, "1.2").leaf?.rule).toEqual({
      kind: "expr",
      expr: { op: "sub", left: { op: "max" }, right: { op: "mul", left: { op: "num", value: "0.25" }, right: { op: "input", name: "missing" } } },
    });
    expect(node(rubric, "3").appliesWhen).toEqual({ op: "eq", left: { op: "unit", name: "kind" }, right: { op: "enum", value: "so_co_tthc" } });
    expect(node(rubric, "3.1").leaf?.when).toEqual([{ cond: { op: "eq", left: { op: "input", name: "total" }, right: { op: "num", value: "0" } }, policy: "full" }]);
  });

  it("resolves N/A policies: own statement, else inherited, else the rubric default", () => {
    expect(rubric.naDefault).toBe("full");
    expect(node(rubric, "1").naPolicy).toBe("full");
    expect(node(rubric, "1.2").naPolicy).toBe("zero");
    expect(node(rubric, "3").naPolicy).toBe("exclude");
    expect(node(rubric, "3.1").naPolicy).toBe("exclude");
  });

  it("defaults: index = points / max * 100, sum aggregation, clamping, shared ties on published", () => {
    expect(rubric.index).toEqual({
      op: "mul",
      left: { op: "div", left: { op: "figure", name: "points" }, right: { op: "figure", name: "max" } },
      right: { op: "num", value: "100" },
    });
    expect(node(rubric, "1").aggregate).toBe("sum");
    expect(node(rubric, "1.1").clamp).toBe(true);
    expect(rubric.ranking).toEqual({ keys: [{ target: { kind: "figure", name: "index" }, direction: "desc" }], ties: "shared", on: "published", withinGroup: false });
  });

  it("is plain JSON that loads back, with the same fingerprint", () => {
    const text = JSON.stringify(rubric);
    expect(JSON.parse(text)).toEqual(rubric);
    expect(loadCompiled(text)).toEqual({ ok: true, rubric });
  });

  it("gives the same fingerprint when only layout and comments change, another when content does", () => {
    const relaid = SOURCE.replace(/\n\s+/g, "\n  // comment\n ").replace("max 2 {", "max   2{");
    expect(compiled(relaid).fingerprint).toBe(rubric.fingerprint);
    expect(compiled(SOURCE.replace(">= 80%: 0.50", ">= 80%: 0.6")).fingerprint).not.toBe(rubric.fingerprint);
  });

  it("returns diagnostics, sorted, and no rubric when there are errors", () => {
    const result = compile(SOURCE.replace("score = max - 0.25 * missing", "score = max - 0.25 * mising"));
    expect(result.ok).toBe(false);
    expect(result.diagnostics.map((d) => d.code)).toContain("RL201");
  });

  it("words messages in Vietnamese when asked", () => {
    const result = compile(SOURCE.replace("* missing", "* mising"), { locale: "vi" });
    expect(result.diagnostics.find((d) => d.code === "RL201")?.message).toContain("Không có tên");
  });
});

describe("compile never throws and never overflows", () => {
  it.each([
    ["empty", ""],
    ["garbage", "}}}{{{ rubric ((("],
    ["NUL bytes", "\u0000\u0000rubric"],
    ["lone surrogate", 'rubric "\uD800" {}'],
  ])("%s", (_name, source) => {
    const result = compile(source);
    expect(result.ok).toBe(false);
    expect(result.diagnostics.length).toBeGreaterThan(0);
  });

  it("a 10,000-level nesting gives a diagnostic", () => {
    const open = Array.from({ length: 10_000 }, (_, i) => `area "${i}" "A" max 1 {`).join("\n");
    const result = compile(`rubric "Deep" {\n${open}\n${"}".repeat(10_000)}\n}`);
    expect(result.ok).toBe(false);
    expect(result.diagnostics.map((d) => d.code)).toContain("RL501");
  });

  it("a 100,000-term expression gives a result or a diagnostic", () => {
    const sum = Array.from({ length: 100_000 }, () => "x").join(" + ");
    const result = compile(`rubric "Long" {\n area "1" "A" max 1 { input x: count\n score = ${sum} }\n}`);
    expect(result.diagnostics.every((d) => d.code !== "RL900")).toBe(true);
    if (!result.ok) expect(result.diagnostics.length).toBeGreaterThan(0);
  });

  it("a 10 MB file gives a diagnostic", () => {
    const result = compile(`rubric "Big" { ${"// padding\n".repeat(1_000_000)} }`);
    expect(result.ok).toBe(false);
    expect(result.diagnostics.map((d) => d.code)).toContain("RL500");
  });
});
