import { build } from "esbuild";
import { describe, expect, it } from "vitest";

// The runtime entry must run in a browser: bundling it for the browser platform must
// succeed without node built-ins, and no chevrotain code may end up in the bundle.
describe("rubric-lang/runtime browser bundle", () => {
  it("bundles for the browser without chevrotain or node: modules", async () => {
    const result = await build({
      entryPoints: ["src/runtime-entry.ts"],
      bundle: true,
      platform: "browser",
      format: "esm",
      write: false,
      minify: true,
      metafile: true,
      logLevel: "silent",
    });
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.some((file) => file.includes("chevrotain"))).toBe(false);
    expect(inputs.some((file) => file.includes("src/syntax/") && !file.endsWith("ast.ts"))).toBe(false);
    expect(inputs.some((file) => file.startsWith("node:"))).toBe(false);
    const code = result.outputFiles[0]?.text ?? "";
    expect(code).not.toMatch(/chevrotain|CstParser|createToken/);
    expect(code.length).toBeGreaterThan(1000);
  });

  it("the full entry does bundle chevrotain (so the check above can fail)", async () => {
    const result = await build({
      entryPoints: ["src/index.ts"], bundle: true, platform: "browser", format: "esm", write: false, metafile: true, logLevel: "silent",
    });
    expect(Object.keys(result.metafile.inputs).some((file) => file.includes("chevrotain"))).toBe(true);
  });
});
