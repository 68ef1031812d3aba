import { defineConfig } from "tsup";

// Library: dual ESM/CJS with types. chevrotain is bundled (ESM-only upstream; bundling
// also makes the CJS build work everywhere and cuts cold import time).
// CLI: ESM only, with a shebang.
export default defineConfig([
  {
    entry: { index: "src/index.ts", runtime: "src/runtime-entry.ts" },
    format: ["esm", "cjs"],
    dts: true,
    sourcemap: true,
    clean: true,
    target: "node20",
    noExternal: ["chevrotain"],
    splitting: false,
    treeshake: true,
  },
  {
    // The sensitivity worker is its own file: worker threads load it by path.
    entry: { "cli/main": "src/cli/main.ts", "cli/sensitivity-worker": "src/cli/sensitivity-worker.ts" },
    format: ["esm"],
    target: "node20",
    banner: { js: "#!/usr/bin/env node" },
    noExternal: ["chevrotain"],
    splitting: false,
  },
]);
