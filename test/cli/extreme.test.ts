/**
 * Numbers at the edges through the built `rubric score`: a 1e-21 input, maxima of
 * 10^20 and of 500,000 digits, exponents and long decimals in JSON. Each unit is
 * scored or refused on its own, with a message; the other units of the batch are
 * always ranked; no internal error, no stack trace.
 */
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { tempDir } from "../temp.js";

const root = join(import.meta.dirname, "../..");
const cli = join(root, "dist/cli/main.js");
const dir = tempDir("rubric-extreme-");

function run(...args: string[]): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd: root, encoding: "utf8", timeout: 120_000 });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** A rubric of kinds: "big" units also have area 2, whose max is `bigMax`. */
function rubricWith(bigMax: string): string {
  const file = join(dir, `r${bigMax.length}.rubric`);
  writeFileSync(file, `rubric "Extreme" {
  id "extreme"
  unit {
    kind: enum(small, big)
  }
  area "1" "One" max 10 {
    item "1.1" "Value" max 10 {
      input x: number
      score = x
    }
  }
  area "2" "Big" max ${bigMax} applies when unit.kind == big {
    item "2.1" "Big value" max ${bigMax} {
      input y: number
      score = y
    }
  }
}
`);
  return file;
}

interface Report {
  rows: { unit: { id: string }; published: { points: string; index: string } }[];
  unranked: { unit: { id: string }; reason: string }[];
}

/** Runs score and checks what every such run must give. */
function score(rubric: string, data: unknown, extra: string[] = []): { code: number; report: Report | undefined; stderr: string } {
  const file = join(dir, `d${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, typeof data === "string" ? data : JSON.stringify(data));
  const out = run("score", rubric, file, "--format", "json", ...extra);
  expect([0, 1]).toContain(out.code);
  for (const text of [out.stdout, out.stderr]) {
    expect(text).not.toMatch(/internal error|lỗi nội bộ/);
    expect(text).not.toMatch(/^\s+at /m);
  }
  return { code: out.code, report: out.stdout === "" ? undefined : (JSON.parse(out.stdout) as Report), stderr: out.stderr };
}

const small = (id: string, x: unknown): unknown => ({ unit: { id, facts: { kind: "small" } }, self: { "1.1": { x } } });
const big = (id: string, x: unknown, y: unknown): unknown => ({ unit: { id, facts: { kind: "big" } }, self: { "1.1": { x }, "2.1": { y } } });

/** Every unit is ranked or listed apart with a reason; the `sure` ones are ranked. */
function expectEachAccountedFor(report: Report, all: string[], sure: string[]): void {
  const ranked = report.rows.map((r) => r.unit.id);
  const apart = report.unranked.map((u) => u.unit.id);
  expect([...ranked, ...apart].sort()).toEqual([...all].sort());
  for (const id of sure) expect(ranked).toContain(id);
  for (const u of report.unranked) expect(u.reason.length).toBeGreaterThan(0);
}

describe("extreme numbers cost only their own unit", () => {
  const plain = rubricWith("10");

  it("an input of 1e-21 (0.000000000000000000001)", () => {
    const { report } = score(plain, [small("tiny", "0.000000000000000000001"), small("a", "5"), small("b", "7")]);
    expectEachAccountedFor(report!, ["tiny", "a", "b"], ["a", "b"]);
    const tiny = report!.rows.find((r) => r.unit.id === "tiny");
    if (tiny !== undefined) expect(tiny.published.points).toBe("0.00");
  });

  it("a maximum of 10^20 on the units it applies to", () => {
    const rubric = rubricWith("100000000000000000000");
    const { report } = score(rubric, [small("a", "5"), small("b", "7"), big("c", "3", "1")]);
    expectEachAccountedFor(report!, ["a", "b", "c"], ["a", "b"]);
  });

  it("a maximum of 500,000 digits: refused as a rubric, or scored unit by unit", () => {
    const rubric = rubricWith("9".repeat(500_000));
    const { report, stderr, code } = score(rubric, [small("a", "5"), small("b", "7"), big("c", "3", "1")]);
    if (report === undefined) {
      // The checker refuses the literal: one diagnostic naming it, no batch at all.
      expect(code).toBe(1);
      expect(stderr).toMatch(/error RL\d+/);
      expect(stderr.length).toBeLessThan(10_000);
    } else expectEachAccountedFor(report, ["a", "b", "c"], ["a", "b"]);
  });
});

describe("numbers in JSON, read from their text", () => {
  const plain = rubricWith("10");

  it("1.00499999999999999999 publishes 1.00 as a number and as a string", () => {
    const text = `[${JSON.stringify(small("n", "X")).replace('"X"', "1.00499999999999999999")}, ${JSON.stringify(small("s", "1.00499999999999999999"))}]`;
    const { report, code } = score(plain, text);
    expect(code).toBe(0);
    expect(report!.rows.map((r) => [r.unit.id, r.published.points])).toEqual([["n", "1.00"], ["s", "1.00"]]);
  });

  it("exponents are refused for their unit, with the decimal to write; the others are ranked", () => {
    const text = `[${JSON.stringify(small("e2", "X")).replace('"X"', "1e2")}, ${JSON.stringify(small("tiny", "X")).replace('"X"', "1e-999999999")}, ${JSON.stringify(small("ok", "5"))}]`;
    const { report, stderr, code } = score(plain, text);
    expect(code).toBe(1);
    expect(stderr).toContain("1e2 uses exponent notation; write it as a decimal: 100");
    expect(stderr).toContain("1e-999999999 uses exponent notation");
    expect(report!.rows.map((r) => r.unit.id)).toEqual(["ok"]);
  });

  it("the same in JSON Lines, and a number beyond the range is refused with the bound", () => {
    const file = join(dir, "units.jsonl");
    writeFileSync(file, [JSON.stringify(small("e", "X")).replace('"X"', "5e0"), JSON.stringify(small("long", `1${"0".repeat(50)}`)), JSON.stringify(small("ok", "5"))].join("\n"));
    const out = run("score", plain, file, "--format", "json");
    expect(out.code).toBe(1);
    expect(out.stderr).toContain("5e0 uses exponent notation; write it as a decimal: 5");
    expect(out.stderr).toContain("at most 50 digits before the decimal point and 50 after it");
    expect((JSON.parse(out.stdout) as Report).rows.map((r) => r.unit.id)).toEqual(["ok"]);
  });
});
