// `npm run bench`: bundles bench/main.ts (and the src/ it measures) with esbuild, then
// runs it in one Node process with room for the 1,000,000-result rank benchmark.
// esbuild rather than a TypeScript runner: it is already a devDependency.
import { build } from "esbuild";
import { spawnSync } from "node:child_process";

await build({
  entryPoints: ["bench/main.ts"], bundle: true, platform: "node", format: "esm", target: "node20",
  outfile: "bench/.out/main.mjs", packages: "external", logLevel: "warning", sourcemap: true,
});
const child = spawnSync(process.execPath, ["--enable-source-maps", "--max-old-space-size=8192", "bench/.out/main.mjs"], { stdio: "inherit" });
process.exit(child.status ?? 1);
