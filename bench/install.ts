/**
 * install: what `npm install rubric-lang` costs a user. The package is packed (`npm
 * pack`), then installed from the tarball into fresh projects: library only (exceljs,
 * an optional peer, is left out), and command-line use with XLSX (exceljs added). For
 * each: the packages installed (`npm ls --all --parseable`) and the bytes on disk
 * under node_modules. Packages come from npm's cache when they are there
 * (`--prefer-offline`), which changes the time, not the figures.
 * @module
 */
import { execFileSync } from "node:child_process";
import { lstatSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { BenchResult, Row } from "./harness.js";

const npm = process.platform === "win32" ? "npm.cmd" : "npm";

/** Bytes of the files under a folder (symbolic links not followed). */
function bytesUnder(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) total += bytesUnder(path);
    else total += lstatSync(path).size;
  }
  return total;
}

interface Footprint { packages: number; bytes: number; ms: number }

function install(work: string, name: string, specs: readonly string[]): Footprint {
  const project = join(work, name);
  mkdirSync(project);
  writeFileSync(join(project, "package.json"), JSON.stringify({ name: `bench-${name}`, version: "1.0.0", private: true }));
  const t0 = performance.now();
  execFileSync(npm, ["install", "--no-audit", "--no-fund", "--prefer-offline", "--ignore-scripts", ...specs], { cwd: project, stdio: "pipe" });
  const ms = performance.now() - t0;
  const listed = execFileSync(npm, ["ls", "--all", "--parseable"], { cwd: project, encoding: "utf8" }).trim().split("\n");
  // The first line is the project itself.
  return { packages: listed.length - 1, bytes: bytesUnder(join(project, "node_modules")), ms };
}

const MB = 1024 * 1024;

/** Runs the benchmark (needs `dist/`: `npm run build`). */
export function benchInstall(): BenchResult {
  const work = mkdtempSync(join(tmpdir(), "rubric-bench-install-"));
  try {
    const packed = JSON.parse(execFileSync(npm, ["pack", "--json", "--pack-destination", work], { encoding: "utf8" })) as { filename: string; size: number; unpackedSize: number; entryCount: number }[];
    const tarball = join(work, packed[0]!.filename);
    const library = install(work, "library", [tarball]);
    const cli = install(work, "cli-xlsx", [tarball, "exceljs@4.4.0"]);
    const row = (name: string, f: Footprint): Row => ({ name, medianMs: f.ms, metric: f.bytes / MB, unit: "MB installed", items: f.packages, note: `${f.packages} packages` });
    return {
      name: "install (fresh project, from the packed tarball)",
      rows: [
        { name: "npm pack", medianMs: 0, metric: packed[0]!.size / 1024, unit: "KB tarball", items: packed[0]!.entryCount, note: `${(packed[0]!.unpackedSize / MB).toFixed(2)} MB unpacked, ${packed[0]!.entryCount} files` },
        row("library, or command line without XLSX: npm install rubric-lang", library),
        row("command line with XLSX: npm install rubric-lang exceljs", cli),
      ],
      ratios: { "CLI with XLSX ÷ library, bytes": cli.bytes / library.bytes },
      targets: [],
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
