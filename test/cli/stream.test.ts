/**
 * Streaming: 200,000 generated units from JSON Lines through the built `rubric score`
 * (the memory figure for a million units is the benchmark's business, not asserted
 * here), and the progress bar: drawn on a terminal, absent from a pipe.
 */
import { spawnSync } from "node:child_process";
import { createWriteStream, readFileSync } from "node:fs";
import { join } from "node:path";
import { once } from "node:events";
import { describe, expect, it } from "vitest";
import { tempDir } from "../temp.js";

const root = join(import.meta.dirname, "../..");
const cli = join(root, "dist/cli/main.js");
const small = "test/fixtures/stream/small.rubric";

/** Writes `count` units: done = i mod 80 of 80, on time unless i mod 3 = 0, rate = (i mod 1000) / 10 %. */
async function generate(file: string, count: number): Promise<void> {
  const out = createWriteStream(file);
  for (let i = 0; i < count; i++) {
    const line = `${JSON.stringify({ unit: { id: `u${i}` }, self: { "1.1": { done: i % 80, planned: 80 }, "1.2": { on_time: i % 3 > 0 }, "2.1": { rate: String((i % 1000) / 10) } } })}\n`;
    if (!out.write(line)) await once(out, "drain");
  }
  out.end();
  await once(out, "finish");
}

describe("streaming JSON Lines", () => {
  it("scores and ranks 200,000 units; no progress bar when stderr is not a terminal", async () => {
    const dir = tempDir("rubric-stream-");
    await generate(join(dir, "units.jsonl"), 200_000);
    const run = spawnSync(process.execPath, [cli, "score", small, join(dir, "units.jsonl"), "--format", "csv", "-o", join(dir, "ranked.csv")], { cwd: root, encoding: "utf8" });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const rows = readFileSync(join(dir, "ranked.csv"), "utf8").trimEnd().split("\r\n");
    expect(rows).toHaveLength(200_001);
    // The best units: done 79/80 (5.925), on time (4), rate 99.9 % (9.99) = 19.915 → 19.92, index 99.575 → 99.58.
    expect(rows[1]).toMatch(/^1\/200000,u\d+,19\.92,99\.58$/);
    expect(rows.filter((r) => r.startsWith("1/200000,"))).toHaveLength(rows.filter((r) => r.endsWith(",19.92,99.58")).length);
    expect(new Set(rows.slice(1).map((r) => r.split(",")[1])).size).toBe(200_000);
  }, 600_000);
});

const hasScript = spawnSync("script", ["--version"], { encoding: "utf8" }).status === 0;

describe("progress bar", () => {
  it.skipIf(!hasScript)("is drawn on stderr when it is a terminal and thousands of units are read, then erased", async () => {
    const dir = tempDir("rubric-stream-");
    await generate(join(dir, "units.jsonl"), 12_000);
    // `script` gives the command a terminal; stdout goes to a file, so what shows is stderr.
    const command = `${process.execPath} ${cli} score ${small} ${join(dir, "units.jsonl")} --format csv -o ${join(dir, "out.csv")}`;
    const run = spawnSync("script", ["-qec", command, "/dev/null"], { cwd: root, encoding: "utf8" });
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/\r\x1b\[Kscoring \[[#-]+\] \d+% {2}5,000 units/);
    expect(run.stdout).toContain("12,000 units");
    expect(run.stdout.endsWith("\r\x1b[K")).toBe(true);
    expect(readFileSync(join(dir, "out.csv"), "utf8").trimEnd().split("\r\n")).toHaveLength(12_001);
  }, 120_000);

  it.skipIf(!hasScript)("is not drawn for a few units, even on a terminal", () => {
    const command = `${process.execPath} ${cli} score examples/par-department/rubric.rubric examples/par-department/submissions/so-noi-vu.json -o /dev/null`;
    const run = spawnSync("script", ["-qec", command, "/dev/null"], { cwd: root, encoding: "utf8" });
    expect(run.status).toBe(0);
    // Only the rubric's own warnings (par-department has two, intended), no progress bar.
    expect(run.stdout).toMatch(/^examples\/par-department\/rubric\.rubric: 2 warnings \(RL406, RL415\); [^\r\n]*\r?\n$/);
  });
});
