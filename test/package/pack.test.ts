/**
 * The package as users get it: `npm pack`, installed into a scratch project, then
 * loaded with `require` (CommonJS) and `import` (ESM).
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { LspClient } from "../lsp/client.js";

const root = join(import.meta.dirname, "../..");
const npm = process.platform === "win32" ? "npm.cmd" : "npm";

describe("packed tarball", () => {
  it("installs in a scratch project and loads with require and import", async () => {
    const work = mkdtempSync(join(tmpdir(), "rubric-pack-"));
    execFileSync(npm, ["pack", "--silent", "--pack-destination", work], { cwd: root, stdio: "pipe" });
    const tarball = readdirSync(work).find((f) => f.endsWith(".tgz"));
    expect(tarball).toBeDefined();
    const project = join(work, "project");
    execFileSync("mkdir", ["-p", project]);
    writeFileSync(join(project, "package.json"), JSON.stringify({ name: "scratch", version: "1.0.0", private: true }));
    execFileSync(npm, ["install", "--no-audit", "--no-fund", "--prefer-offline", "--ignore-scripts", join(work, tarball!)], { cwd: project, stdio: "pipe" });

    const source = 'rubric \\"R\\" { area \\"1\\" \\"A\\" max 1 { input a: count in 0..1\\n score = a } }';
    const cjs = execFileSync(process.execPath, ["-e", `const r = require('rubric-lang'); const c = r.compile("${source}"); console.log(typeof r.compile, c.ok, c.rubric.fingerprint.length)`], { cwd: project, encoding: "utf8" });
    expect(cjs.trim()).toBe("function true 64");

    writeFileSync(join(project, "esm.mjs"), `import { compile, loadCompiled } from "rubric-lang";\nconst c = compile("${source}");\nconsole.log(c.ok, loadCompiled(JSON.stringify(c.rubric)).ok);\n`);
    expect(execFileSync(process.execPath, ["esm.mjs"], { cwd: project, encoding: "utf8" }).trim()).toBe("true true");

    writeFileSync(join(project, "runtime.mjs"), `import { compile } from "rubric-lang";\nimport { loadCompiled, evaluate } from "rubric-lang/runtime";\nconst stored = JSON.stringify(compile("${source}").rubric);\nconst loaded = loadCompiled(stored);\nconst out = evaluate(loaded.rubric, { unit: { id: "u" }, self: { "1": { a: 1 } } });\nconsole.log(out.ok && out.result.published.index);\n`);
    expect(execFileSync(process.execPath, ["runtime.mjs"], { cwd: project, encoding: "utf8" }).trim()).toBe("100.00");
    const cjsRuntime = execFileSync(process.execPath, ["-e", "console.log(typeof require('rubric-lang/runtime').evaluate)"], { cwd: project, encoding: "utf8" });
    expect(cjsRuntime.trim()).toBe("function");

    const bin = execFileSync(join(project, "node_modules/.bin/rubric"), ["--help"], { cwd: project, encoding: "utf8" });
    expect(bin).toContain("check");

    // `rubric lsp`, as the VS Code extension starts it, from the installed package (its
    // protocol library came with it): initialize, shutdown, exit with code 0.
    const lsp = new LspClient(["lsp", "--stdio"], join(project, "node_modules/rubric-lang/dist/cli/main.js"));
    const initialized = await lsp.request<{ capabilities: { hoverProvider?: boolean } }>("initialize", { processId: null, rootUri: null, capabilities: {} });
    expect(initialized.capabilities.hoverProvider).toBe(true);
    await lsp.request("shutdown", null);
    lsp.notify("exit", null);
    expect(await lsp.exited).toBe(0);
  }, 180_000);
});
