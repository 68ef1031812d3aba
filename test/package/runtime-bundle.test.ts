/**
 * The runtime entry must run in a browser: bundled for the browser platform it needs
 * no node built-in, and no chevrotain, parser code or zod ends up in it (submissions,
 * stored rubrics and last period's ranking are validated without zod).
 */
import { build } from "esbuild";
import { describe, expect, it } from "vitest";

// UTF-8 output, so that wording can be looked for as it is written.
async function bundle(entry: string, platform: "browser" | "node" = "browser"): Promise<{ inputs: string[]; code: string }> {
  const result = await build({ entryPoints: [entry], bundle: true, platform, format: "esm", write: false, minify: true, metafile: true, logLevel: "silent", charset: "utf8", external: ["exceljs"] });
  return { inputs: Object.keys(result.metafile.inputs), code: result.outputFiles[0]?.text ?? "" };
}

describe("rubric-lang/runtime browser bundle", () => {
  it("has no chevrotain, parser, checker, zod or node: module", async () => {
    const { inputs, code } = await bundle("src/runtime-entry.ts");
    expect(inputs.filter((f) => f.includes("chevrotain") || f.includes("node_modules/zod/") || /src\/(syntax|check)\//.test(f) || f.startsWith("node:"))).toEqual([]);
    expect(code).not.toMatch(/CstParser|createToken/);
    expect(inputs.some((f) => f.includes("src/runtime/evaluate.ts"))).toBe(true);
  });

  it("while the full entry does bundle chevrotain and zod (so the check above can fail)", async () => {
    const { inputs } = await bundle("src/index.ts");
    expect(inputs.some((f) => f.includes("chevrotain"))).toBe(true);
    expect(inputs.some((f) => f.includes("node_modules/zod/"))).toBe(true);
  });

  // The runtime words values in English only: the Vietnamese of value-messages.ts is the CLI's.
  it("carries the English value messages and not their Vietnamese, which the CLI does", async () => {
    const runtime = await bundle("src/runtime-entry.ts");
    const cli = await bundle("src/cli/main.ts", "node");
    for (const { code } of [runtime, cli]) expect(code).toContain("could not be scored: rubric-lang failed on this unit");
    for (const vi of ["không chấm được: rubric-lang gặp lỗi", "được viết dưới dạng số mũ"]) {
      expect(cli.code).toContain(vi);
      expect(runtime.code).not.toContain(vi);
    }
  });
});
