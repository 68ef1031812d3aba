/**
 * One spelling per id: "Sở Nội vụ" typed composed (NFC) and decomposed (NFD) is one
 * unit in `score`, `--previous` and `explain --unit`; enum values and yes/no words match
 * in either spelling.
 */
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { compile } from "../../src/compile/compile.js";
import { seal } from "../../src/compile/fingerprint.js";
import { tempDir } from "../temp.js";

const root = join(import.meta.dirname, "../..");
const cli = join(root, "dist/cli/main.js");
const dir = tempDir("rubric-nfc-");
const rubricFile = join(dir, "r.json");
const NFC = "Sở Nội vụ".normalize("NFC");
const NFD = "Sở Nội vụ".normalize("NFD");

// Names in the language are ASCII; a compiled rubric may still carry enum members
// written in Vietnamese (as the next language version allows), so the test stores one.
const compiled = compile(`rubric "NFC" {
  id "nfc"
  unit {
    kind: enum(so, ban)
  }
  area "1" "Một" max 10 {
    item "1.1" "Có kế hoạch" max 10 {
      input plan: bool
      score = if plan then 10 else 0
    }
  }
}
`);
if (!compiled.ok) throw new Error("the test rubric does not compile");
const { fingerprint: _old, ...content } = compiled.rubric;
writeFileSync(rubricFile, JSON.stringify(seal({ ...content, unitFacts: [{ name: "kind", type: { kind: "enum", members: ["sở".normalize("NFC"), "ban"] } }] })));

function run(...args: string[]): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd: root, encoding: "utf8" });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

const unit = (id: string, kind: string, plan = true): unknown => ({ unit: { id, facts: { kind } }, self: { "1.1": { plan } } });

describe("NFC and NFD spellings", () => {
  it("of a unit id are one unit: given twice, neither ranked", () => {
    expect(NFC).not.toBe(NFD);
    const file = join(dir, "twice.json");
    writeFileSync(file, JSON.stringify([unit(NFC, "sở".normalize("NFC")), unit(NFD, "ban")]));
    const out = run("score", rubricFile, file, "--format", "json");
    expect(out.code).toBe(1);
    expect(out.stderr).toContain(`the unit "${NFC}" is given twice`);
    expect(JSON.parse(out.stdout).rows).toEqual([]);
  });

  it("of an enum value (JSON) and of a yes/no word (CSV) are the member and the word", () => {
    const json = join(dir, "enum.json");
    writeFileSync(json, JSON.stringify([unit("a", "sở".normalize("NFD")), unit("b", "ban")]));
    const out = run("score", rubricFile, json, "--format", "json");
    expect(out.stderr).toBe("");
    expect(out.code).toBe(0);
    const csv = join(dir, "words.csv");
    writeFileSync(csv, `unit.id,unit.kind,1.1.plan\nc,${"sở".normalize("NFD")},${"có".normalize("NFD")}\nd,ban,${"không".normalize("NFD")}\n`);
    const table = run("score", rubricFile, csv, "--lang", "vi", "--format", "json");
    expect(table.stderr).toBe("");
    expect(JSON.parse(table.stdout).rows.map((r: { unit: { id: string }; published: { index: string } }) => [r.unit.id, r.published.index])).toEqual([["c", "100.00"], ["d", "0.00"]]);
  });

  it("match last period's table and explain --unit", () => {
    const now = join(dir, "now.json");
    writeFileSync(now, JSON.stringify([unit(NFD, "sở".normalize("NFC")), unit("b", "ban", false)]));
    const previous = join(dir, "previous.json");
    writeFileSync(previous, JSON.stringify([{ unitId: NFC, rank: 2, index: "50" }, { unitId: "b", rank: 1, index: "90" }]));
    const ranked = JSON.parse(run("score", rubricFile, now, "--format", "json", "--previous", previous).stdout);
    expect(ranked.rows[0].unit.id).toBe(NFC);
    expect(ranked.rows[0].previous).toMatchObject({ rank: 2, change: "up", places: 1 });
    const explained = run("explain", rubricFile, now, "--unit", NFC, "--format", "json");
    expect(explained.code).toBe(0);
    expect(JSON.parse(explained.stdout).unit.id).toBe(NFC);
  });
});
