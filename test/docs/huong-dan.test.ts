/**
 * The Vietnamese guide `docs/huong-dan.md` shows real commands with their real output.
 * Each ```` ```console exit=N ```` block holds one command line (`$ rubric …`) and what
 * the terminal shows after it: stdout and stderr as written, in the order written (both
 * go to one file, as in a terminal), then the exit code in the info string. The test
 * copies `docs/huong-dan/` to a temporary folder, runs every command there in the
 * guide's order with the built CLI (`node dist/cli/main.js`; run `npx tsup --silent`
 * first), and compares byte for byte. The one normalisation: the temporary folder's
 * path is written as `.` (`./bao-cao.html`), should an output name it.
 *
 * Each ```` ```rubric file=NAME ```` (or `csv file=NAME`, …) block must be exactly the
 * file `docs/huong-dan/NAME`, so the guide shows the files its commands read. Commands
 * written inline in the prose and the summary (`rubric …`) must not be usage errors;
 * links must resolve; the table of mistakes must name the lines of `co-loi.rubric`.
 *
 * When the CLI's wording changes, regenerate the guide in one step and read the diff:
 *
 *     npx tsup --silent && UPDATE_GOLDEN=1 npx vitest run test/docs/huong-dan.test.ts
 *
 * It rewrites every output block and exit code and every file block (from the files).
 *
 * Command lines are split as a shell would for what the guide uses: spaces, "…" and
 * '…' quotes, a `*` in a file name (expanded in the folder, sorted) and `> FILE` (stdout
 * into FILE, so only stderr is shown).
 */
import { spawnSync } from "node:child_process";
import { closeSync, cpSync, existsSync, openSync, readdirSync, readFileSync, realpathSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { tempDir } from "../temp.js";

const root = join(import.meta.dirname, "../..");
const cli = join(root, "dist/cli/main.js");
const guidePath = join(root, "docs/huong-dan.md");
const filesDir = join(root, "docs/huong-dan");
const update = process.env["UPDATE_GOLDEN"] === "1";

/** A fenced block of the guide: where its body lies in the text, its info string and body. */
interface Block {
  readonly info: string;
  readonly body: string;
  /** Offsets in the guide: the opening fence, its info string, the body, past the closing fence. */
  readonly start: number;
  readonly infoStart: number;
  readonly bodyStart: number;
  readonly bodyEnd: number;
  readonly end: number;
  readonly line: number;
}

/** Every ``` fenced block of a markdown text, in order. */
function blocksOf(text: string): Block[] {
  const blocks: Block[] = [];
  const fence = /^```([^\n`]*)\n/gm;
  let open: RegExpExecArray | null;
  while ((open = fence.exec(text)) !== null) {
    const bodyStart = open.index + open[0].length;
    const close = text.indexOf("\n```\n", bodyStart - 1);
    if (close < 0) throw new Error(`unclosed block at offset ${open.index}`);
    const bodyEnd = close + 1;
    const line = text.slice(0, open.index).split("\n").length;
    blocks.push({ info: open[1]!, body: text.slice(bodyStart, bodyEnd), start: open.index, infoStart: open.index + 3, bodyStart, bodyEnd, end: bodyEnd + 3, line });
    fence.lastIndex = bodyEnd + 4;
  }
  return blocks;
}

/** Splits a command line into words: quotes, `*` globs in the folder, `> FILE`. */
function wordsOf(line: string, cwd: string): { args: string[]; redirect?: string } {
  const words: string[] = [];
  for (const match of line.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)) {
    const quoted = match[1] ?? match[2];
    if (quoted !== undefined) words.push(quoted);
    else words.push(...expanded(match[3]!, cwd));
  }
  const at = words.indexOf(">");
  if (at >= 0) {
    if (at !== words.length - 2) throw new Error(`'>' must be followed by one file name: ${line}`);
    return { args: words.slice(0, at), redirect: words[at + 1]! };
  }
  return { args: words };
}

/** A word with `*` in its file name is the matching files, sorted; else itself. */
function expanded(word: string, cwd: string): string[] {
  if (!word.includes("*")) return [word];
  const slash = word.lastIndexOf("/");
  const dir = slash < 0 ? "" : word.slice(0, slash + 1);
  const pattern = new RegExp(`^${word.slice(slash + 1).split("*").map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&")).join(".*")}$`);
  const found = readdirSync(join(cwd, dir)).filter((name) => pattern.test(name)).sort();
  return found.length === 0 ? [word] : found.map((name) => dir + name);
}

/** Runs one `$ rubric …` line in `cwd`: what a terminal shows, and the exit code. */
function run(line: string, cwd: string): { shown: string; code: number } {
  const { args, redirect } = wordsOf(line, cwd);
  if (args[0] !== "rubric") throw new Error(`a guide command starts with 'rubric': ${line}`);
  const shownFile = join(cwd, "..", "shown.txt");
  const shown = openSync(shownFile, "w");
  const out = redirect === undefined ? shown : openSync(join(cwd, redirect), "w");
  const env = { ...process.env };
  delete env["FORCE_COLOR"];
  try {
    const child = spawnSync(process.execPath, [cli, ...args.slice(1)], { cwd, env, stdio: ["ignore", out, shown] });
    if (child.error !== undefined) throw child.error;
    const text = readFileSync(shownFile, "utf8");
    const real = realpathSync(cwd);
    return { shown: text.replaceAll(real, ".").replaceAll(cwd, "."), code: child.status ?? -1 };
  } finally {
    closeSync(shown);
    if (out !== shown) closeSync(out);
  }
}

/** The body of a console block for a command and what it showed. */
const consoleBody = (command: string, shown: string): string => `$ ${command}\n${shown}${shown === "" || shown.endsWith("\n") ? "" : "\n"}`;

const guide = readFileSync(guidePath, "utf8");
const blocks = blocksOf(guide);
const consoles = blocks.filter((b) => b.info.startsWith("console"));
const fileBlocks = blocks.flatMap((b) => {
  const name = /(?:^|\s)file=(\S+)/.exec(b.info)?.[1];
  return name === undefined ? [] : [{ block: b, name }];
});

describe("docs/huong-dan.md", () => {
  it("shows the commands of the whole path: check, template, score, explain, HTML", () => {
    const commands = consoles.map((b) => b.body.split("\n")[0]!);
    for (const command of ["rubric check", "rubric template", "rubric score", "rubric explain", "--format html"]) {
      expect(commands.some((c) => c.includes(command)), command).toBe(true);
    }
    for (const b of consoles) expect(b.body, `line ${b.line}`).toMatch(/^\$ rubric /);
  });

  it("links only to its own headings and to files that exist", () => {
    // GitHub's heading anchors: lower case, punctuation dropped, spaces as '-'.
    const anchors = new Set([...guide.matchAll(/^#{1,6} (.+)$/gm)].map((m) => m[1]!.toLowerCase().replace(/[^\p{L}\p{M}\p{N} _-]/gu, "").replaceAll(" ", "-")));
    const targets = [...guide.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]!);
    expect(targets.length).toBeGreaterThan(0);
    for (const target of targets) {
      if (target.startsWith("#")) expect(anchors.has(target.slice(1)), target).toBe(true);
      else expect(existsSync(join(root, "docs", target.split("#")[0]!)), target).toBe(true);
    }
  });

  it("names the lines of co-loi.rubric as they are, and their fixes as chi-so-cchc.rubric has them", () => {
    const wrong = readFileSync(join(filesDir, "co-loi.rubric"), "utf8").split("\n");
    const right = readFileSync(join(filesDir, "chi-so-cchc.rubric"), "utf8").split("\n");
    const rows = [...guide.matchAll(/^\| (\d+) \| `([^`]+)`[^|]*\| `([^`]+)` \|$/gm)];
    expect(rows.length).toBe(5);
    for (const [, line, written, fixed] of rows) {
      expect(wrong[Number(line) - 1], `co-loi.rubric:${line}`).toContain(written);
      expect(right[Number(line) - 1], `chi-so-cchc.rubric:${line}`).toContain(fixed);
    }
  });

  it("names in its prose and summary only commands the CLI accepts", () => {
    // Commands written inline (`rubric …`, without output) must at least not be usage
    // errors (exit 2): a renamed option or command fails here.
    let prose = guide;
    for (const b of [...blocks].reverse()) prose = prose.slice(0, b.start) + prose.slice(b.end);
    const inline = [...new Set([...prose.matchAll(/`(rubric [^`]+)`/g)].map((m) => m[1]!.replace(/\s+/g, " ")))];
    expect(inline.length).toBeGreaterThanOrEqual(5);
    const cwd = join(tempDir("rubric-huong-dan-"), "huong-dan");
    cpSync(filesDir, cwd, { recursive: true });
    for (const command of inline) expect(run(command, cwd).code, command).not.toBe(2);
  }, 120_000);

  // Under UPDATE_GOLDEN the blocks are rewritten from the files by the test below.
  it.skipIf(update)("shows every file it uses exactly as it is in docs/huong-dan/", () => {
    expect(fileBlocks.length).toBeGreaterThan(0);
    for (const { block, name } of fileBlocks) {
      expect(existsSync(join(filesDir, name)), name).toBe(true);
      expect(block.body, `${name} (line ${block.line})`).toBe(readFileSync(join(filesDir, name), "utf8"));
    }
  });

  it("shows each command's real output and exit code", () => {
    const cwd = join(tempDir("rubric-huong-dan-"), "huong-dan");
    cpSync(filesDir, cwd, { recursive: true });
    const actual = new Map<Block, { body: string; info: string }>();
    for (const block of consoles) {
      const command = block.body.split("\n")[0]!.slice(2);
      const { shown, code } = run(command, cwd);
      actual.set(block, { body: consoleBody(command, shown), info: `console exit=${code}` });
    }
    // After a rewrite, the guide read again must hold exactly what was found.
    if (update) rewriteGuide(actual);
    const shown = update ? blocksOf(readFileSync(guidePath, "utf8")).filter((b) => b.info.startsWith("console")) : consoles;
    expect(shown.length).toBe(consoles.length);
    consoles.forEach((block, i) => {
      const got = actual.get(block)!;
      expect.soft(`${shown[i]!.info}\n${shown[i]!.body}`, `block at line ${shown[i]!.line}`).toBe(`${got.info}\n${got.body}`);
    });
  }, 300_000);
});

/** Writes the guide again with the outputs found and the files as they are. */
function rewriteGuide(outputs: ReadonlyMap<Block, { body: string; info: string }>): void {
  const edits: { start: number; end: number; text: string }[] = [];
  for (const [block, got] of outputs) edits.push({ start: block.infoStart, end: block.bodyEnd, text: `${got.info}\n${got.body}` });
  for (const { block, name } of fileBlocks) {
    edits.push({ start: block.bodyStart, end: block.bodyEnd, text: readFileSync(join(filesDir, name), "utf8") });
  }
  let text = guide;
  for (const edit of edits.sort((a, b) => b.start - a.start)) text = text.slice(0, edit.start) + edit.text + text.slice(edit.end);
  writeFileSync(guidePath, text);
}
