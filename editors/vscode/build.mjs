// `npm run package:vscode`: type-checks the extension, bundles it with esbuild (the
// language client included, `vscode` left to the editor), stages the manifest, README,
// language configuration, snippets and the TextMate grammar from grammar/ (one copy in
// the repository), and packs dist/vscode/rubric-lang-<version>.vsix with vsce. It never
// publishes.
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "../..");
const stage = join(root, "dist/vscode/extension");
const manifest = JSON.parse(readFileSync(join(here, "package.json"), "utf8"));
const out = join(root, "dist/vscode", `${manifest.name}-${manifest.version}.vsix`);

function run(args, cwd) {
  const child = spawnSync(process.execPath, args, { cwd, stdio: "inherit" });
  if (child.status !== 0) process.exit(child.status ?? 1);
}

run([join(root, "node_modules/typescript/bin/tsc"), "-p", here], root);
rmSync(stage, { recursive: true, force: true });
rmSync(out, { force: true });
for (const dir of ["dist", "syntaxes", "snippets"]) mkdirSync(join(stage, dir), { recursive: true });
await build({
  entryPoints: [join(here, "src/extension.ts")],
  bundle: true,
  platform: "node",
  format: "cjs",
  target: "node18",
  external: ["vscode"],
  minify: true,
  outfile: join(stage, "dist/extension.js"),
  logLevel: "warning",
});
for (const file of ["package.json", "README.md", "language-configuration.json", "snippets/rubric.json"]) copyFileSync(join(here, file), join(stage, file));
copyFileSync(join(root, "grammar/rubric.tmLanguage.json"), join(stage, "syntaxes/rubric.tmLanguage.json"));
run([join(root, "node_modules/@vscode/vsce/vsce"), "package", "--no-dependencies", "--skip-license", "--allow-missing-repository", "--out", out], stage);
console.log(`written: ${out}`);
