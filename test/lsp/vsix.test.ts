/**
 * The VS Code extension as it ships: `npm run package:vscode` builds the `.vsix`, whose
 * manifest must name the language, the grammar (the repository's one, byte for byte)
 * and the server command; and every snippet, expanded with its defaults, must be a
 * rubric the compiler accepts.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { inflateRawSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { compile } from "../../src/compile/compile.js";

const root = join(import.meta.dirname, "../..");

/** Reads every file of a zip archive (stored or deflated) from its central directory. */
function unzip(archive: Buffer): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const end = archive.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0) throw new Error("not a zip archive");
  let at = archive.readUInt32LE(end + 16);
  const count = archive.readUInt16LE(end + 10);
  for (let i = 0; i < count; i++) {
    if (archive.readUInt32LE(at) !== 0x02014b50) throw new Error("bad central directory");
    const method = archive.readUInt16LE(at + 10);
    const size = archive.readUInt32LE(at + 20);
    const nameLength = archive.readUInt16LE(at + 28);
    const extra = archive.readUInt16LE(at + 30);
    const comment = archive.readUInt16LE(at + 32);
    const local = archive.readUInt32LE(at + 42);
    const name = archive.subarray(at + 46, at + 46 + nameLength).toString("utf8");
    const dataStart = local + 30 + archive.readUInt16LE(local + 26) + archive.readUInt16LE(local + 28);
    const data = archive.subarray(dataStart, dataStart + size);
    files.set(name, method === 0 ? data : inflateRawSync(data));
    at += 46 + nameLength + extra + comment;
  }
  return files;
}

describe("the VS Code extension", () => {
  it("packs a .vsix whose manifest names the language, the grammar and the server", () => {
    const built = spawnSync(process.execPath, [join(root, "editors/vscode/build.mjs")], { cwd: root, encoding: "utf8" });
    expect(built.status, `${built.stdout}${built.stderr}`).toBe(0);
    const source = JSON.parse(readFileSync(join(root, "editors/vscode/package.json"), "utf8")) as { name: string; version: string };
    const vsix = join(root, "dist/vscode", `${source.name}-${source.version}.vsix`);
    expect(existsSync(vsix)).toBe(true);

    const files = unzip(readFileSync(vsix));
    const manifest = JSON.parse(files.get("extension/package.json")!.toString("utf8")) as {
      main: string;
      contributes: { languages: { id: string; extensions: string[]; configuration: string }[]; grammars: { language: string; scopeName: string; path: string }[]; snippets: { path: string }[] };
      rubricServer: { package: string; module: string; command: string; args: string[] };
    };
    expect(manifest.contributes.languages).toEqual([expect.objectContaining({ id: "rubric", extensions: [".rubric"] })]);
    const [grammar] = manifest.contributes.grammars;
    expect(grammar).toEqual({ language: "rubric", scopeName: "source.rubric", path: "./syntaxes/rubric.tmLanguage.json" });
    expect(files.get("extension/syntaxes/rubric.tmLanguage.json")?.equals(readFileSync(join(root, "grammar/rubric.tmLanguage.json")))).toBe(true);
    expect(files.has(`extension/${manifest.contributes.languages[0]!.configuration.replace("./", "")}`)).toBe(true);
    expect(files.has(`extension/${manifest.contributes.snippets[0]!.path.replace("./", "")}`)).toBe(true);

    // The server: the package's CLI, `rubric lsp --stdio`, started by the bundled client.
    expect(manifest.rubricServer).toEqual({ package: "rubric-lang", module: "dist/cli/main.js", command: "rubric", args: ["lsp", "--stdio"] });
    const ours = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { name: string; bin: Record<string, string> };
    expect(ours.name).toBe(manifest.rubricServer.package);
    expect(ours.bin[manifest.rubricServer.command]).toBe(`./${manifest.rubricServer.module}`);
    const client = files.get(`extension/${manifest.main.replace("./", "")}`)!.toString("utf8");
    expect(client).toContain("rubricServer");
    expect(client).not.toMatch(/require\(["']vscode-languageclient/); // bundled, not looked up at run time
    expect(files.get("extension.vsixmanifest")!.toString("utf8")).toContain("__ext_rubric");
  }, 180_000);
});

describe("snippets", () => {
  const snippets = JSON.parse(readFileSync(join(root, "editors/vscode/snippets/rubric.json"), "utf8")) as Record<string, { prefix: string; body: string[] }>;

  /** The snippet's text as inserted when every placeholder keeps its default (the first choice). */
  function expand(body: readonly string[], final: string): string {
    return body
      .join("\n")
      .replace(/\$\{\d+\|([^,|]*)[^|]*\|\}/g, "$1")
      .replace(/\$\{\d+:([^}]*)\}/g, "$1")
      .replace(/\$0/g, final)
      .replace(/\$\d+/g, "");
  }

  const leaf = 'item "9.1" "Mục" max 10 { input ok: bool\n score = if ok then 10 else 0 }';
  // The area's max is the snippet's own, so the children add up (RL400 is an error).
  const inArea = (s: string): string => `rubric "T" {\n area "9" "A" max ${/max (\d+)/.exec(s)?.[1] ?? "10"} {\n ${s}\n }\n}`;
  const contexts: Record<string, (s: string) => string> = {
    rubric: (s) => s,
    area: (s) => `rubric "T" {\n ${s}\n}`,
    criterion: (s) => inArea(s),
    item: (s) => inArea(s),
    itembands: (s) => inArea(s),
    bands: (s) => inArea(`item "9.1" "Mục" max 10 { input rate: percent\n ${s} }`),
    bandsblock: (s) => `rubric "T" {\n area "9" "A" max 10 { ${leaf} }\n ${s}\n}`,
    ranking: (s) => `rubric "T" {\n area "1" "A" max 10 { ${leaf.replace("9.1", "1.1")} }\n ${s}\n}`,
    bonus: (s) => `rubric "T" {\n area "9" "A" max 10 { ${leaf} }\n ${s}\n}`,
    penalty: (s) => `rubric "T" {\n area "9" "A" max 10 { ${leaf} }\n ${s}\n}`,
    unit: (s) => `rubric "T" {\n ${s}\n area "9" "A" max 10 { ${leaf} }\n}`,
  };

  it("has a place to be tried for every snippet", () => {
    expect(Object.values(snippets).map((s) => s.prefix).sort()).toEqual(Object.keys(contexts).sort());
  });

  for (const [name, snippet] of Object.entries(snippets)) {
    it(`'${snippet.prefix}' (${name}) expands to a rubric that compiles`, () => {
      const wrap = contexts[snippet.prefix]!;
      const final = snippet.prefix === "rubric" ? leaf.replace("9.1", "1.1") : snippet.prefix === "area" || snippet.prefix === "criterion" ? leaf : "";
      const text = wrap(expand(snippet.body, final));
      const result = compile(text);
      expect(result.diagnostics.filter((d) => d.severity === "error"), text).toEqual([]);
    });
  }
});
