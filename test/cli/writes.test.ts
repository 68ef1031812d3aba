/**
 * Writing files: an output never overwrites an input of the same run (exit 2, nothing
 * written), `fmt --write` keeps the original when the write fails, and a run killed
 * mid-write leaves the old file or the complete new one — never a truncated file.
 */
import { spawn, spawnSync } from "node:child_process";
import { copyFileSync, existsSync, linkSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import { tempDir } from "../temp.js";

const root = join(import.meta.dirname, "../..");
const cli = join(root, "dist/cli/main.js");
const example = join(root, "examples/par-department/rubric.rubric");
const submission = join(root, "examples/par-department/submissions/so-noi-vu.json");
const previous = join(root, "examples/par-department/previous.json");

function run(args: readonly string[], cwd: string): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: "utf8" });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

function scratch(): string {
  const dir = tempDir("rubric-writes-");
  copyFileSync(example, join(dir, "base.rubric"));
  copyFileSync(submission, join(dir, "data.json"));
  copyFileSync(previous, join(dir, "previous.json"));
  return dir;
}

describe("an output that names an input", () => {
  it.each([
    ["compile onto its source", ["compile", "base.rubric", "-o", "base.rubric"], "base.rubric"],
    ["template onto its rubric", ["template", "base.rubric", "--format", "xlsx", "-o", "base.rubric"], "base.rubric"],
    ["score onto a data file", ["score", "base.rubric", "data.json", "-o", "data.json"], "data.json"],
    ["score onto --previous", ["score", "base.rubric", "data.json", "--previous", "previous.json", "-o", "previous.json"], "previous.json"],
    ["score onto the rubric by another path", ["score", "./base.rubric", "data.json", "-o", "../{dir}/base.rubric"], "base.rubric"],
  ])("is refused: %s (exit 2, the file untouched)", (_name, args, victim) => {
    const dir = scratch();
    const name = dir.split("/").pop()!;
    const before = readFileSync(join(dir, victim));
    const out = run(args.map((a) => a.replace("{dir}", name)), dir);
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(/the output file .* is also an input of this run/);
    expect(readFileSync(join(dir, victim))).toEqual(before);
  });

  it("is refused through a symbolic link or a hard link, in Vietnamese with --lang vi", () => {
    const dir = scratch();
    symlinkSync(join(dir, "data.json"), join(dir, "alias.json"));
    linkSync(join(dir, "previous.json"), join(dir, "hard.json"));
    const before = readFileSync(join(dir, "data.json"));
    const viaSymlink = run(["score", "base.rubric", "data.json", "-o", "alias.json", "--lang", "vi"], dir);
    expect(viaSymlink.code).toBe(2);
    expect(viaSymlink.stderr).toContain("cũng là tệp đầu vào của lần chạy này");
    expect(run(["score", "base.rubric", "data.json", "--previous", "previous.json", "-o", "hard.json"], dir).code).toBe(2);
    expect(readFileSync(join(dir, "data.json"))).toEqual(before);
  });

  it("a new file, or one that is no input, is written as usual", () => {
    const dir = scratch();
    expect(run(["score", "base.rubric", "data.json", "-o", "out.txt"], dir).code).toBe(0);
    expect(run(["score", "base.rubric", "data.json", "-o", "out.txt"], dir).code).toBe(0);
    expect(readFileSync(join(dir, "out.txt"), "utf8")).toContain("Sở Nội vụ");
  });
});

describe("fmt --write", () => {
  it("keeps the original and says why when the write fails (file size limit: EFBIG)", () => {
    const dir = scratch();
    const file = join(dir, "base.rubric");
    writeFileSync(file, readFileSync(file, "utf8").replace('id "par-department"', 'id    "par-department"'));
    const before = readFileSync(file);
    // SIGXFSZ ignored and a 4 KB file size limit: writing the formatted rubric fails with EFBIG.
    const r = spawnSync("sh", ["-c", `trap '' XFSZ; ulimit -f 8; exec "${process.execPath}" "${cli}" fmt --write base.rubric`], { cwd: dir, encoding: "utf8" });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("base.rubric: cannot write the file (EFBIG");
    expect(r.stderr).toContain("the file was left as it was");
    expect(readFileSync(file)).toEqual(before);
    expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
    // In Vietnamese the system's English message gives way to its code.
    const vi = spawnSync("sh", ["-c", `trap '' XFSZ; ulimit -f 8; exec "${process.execPath}" "${cli}" fmt --write base.rubric --lang vi`], { cwd: dir, encoding: "utf8" });
    expect(vi.status).toBe(1);
    expect(vi.stderr).toBe("base.rubric: không ghi được tệp (lỗi hệ thống EFBIG); tệp vẫn giữ nguyên như trước.\n");
    expect(readFileSync(file)).toEqual(before);
  });
});

/** A rubric whose compiled JSON is a few megabytes: a write that takes a while. */
function bigRubric(items: number): string {
  const lines = ['rubric "Big" {', '  id "big"', `  area "1" "Area" max ${items} {`];
  for (let i = 1; i <= items; i++) {
    lines.push(`    item "1.${i}" "Item ${i} with a long title so the compiled file is large" max 1 {`, "      evidence \"Báo cáo\", \"Kế hoạch\"", "      input done: count, planned: count in 1..100", "      score = if planned == 0 then 0 else done / planned", "    }");
  }
  lines.push("  }", "}", "");
  return lines.join("\n");
}

describe("a run killed mid-write", () => {
  it("leaves the old file or the complete new one, 20 times out of 20", async () => {
    const dir = tempDir("rubric-kill-");
    writeFileSync(join(dir, "big.rubric"), bigRubric(3000));
    const target = join(dir, "out.json");
    const complete = run(["compile", "big.rubric", "-o", "reference.json"], dir);
    expect(complete.code).toBe(0);
    const fresh = readFileSync(join(dir, "reference.json"), "utf8");
    expect(fresh.length).toBeGreaterThan(2_000_000);
    const old = "OLD OUTPUT\n";
    writeFileSync(target, old);
    const seen = { old: 0, fresh: 0 };
    for (let k = 0; k < 20; k++) {
      const child = spawn(process.execPath, [cli, "compile", "big.rubric", "-o", "out.json"], { cwd: dir, stdio: "ignore" });
      const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
      // Kill at a random moment after the temporary file appears (the write under way),
      // or, every fourth run, at a random moment from the start.
      const late = k % 4 !== 0;
      const start = Date.now();
      while (late && Date.now() - start < 20_000 && !readdirSync(dir).some((f) => f.startsWith(".out.json.")) && child.exitCode === null) await sleep(1);
      await sleep(Math.floor(Math.random() * (late ? 30 : 1500)));
      child.kill("SIGKILL");
      await exited;
      const now = readFileSync(target, "utf8");
      expect(now === old || now === fresh, `run ${k}: ${now.length} characters, neither the old file nor the new one`).toBe(true);
      if (now === old) seen.old++;
      else {
        seen.fresh++;
        writeFileSync(target, old);
      }
    }
    expect(seen.old + seen.fresh).toBe(20);
    // Leftovers of killed runs are only our temporary files, never the target's name.
    for (const f of readdirSync(dir)) expect(["big.rubric", "out.json", "reference.json"].includes(f) || /^\.out\.json\.\d+\.\d+\.tmp$/.test(f), f).toBe(true);
    expect(existsSync(target)).toBe(true);
  }, 300_000);
});
