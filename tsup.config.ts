import { defineConfig } from "tsup";

// Library: dual ESM/CJS with types. chevrotain is bundled (ESM-only upstream; bundling
// also makes the CJS build work everywhere and cuts cold import time), so it is only a
// devDependency: an install brings none of it (nor lodash-es, 5 MB together).
// CLI: ESM only, with a shebang.
// No source maps in the package: with the sources embedded they were 3.7 MB of a 5.9 MB
// package; without them (1.5 MB still) they only name files the package does not ship.
// exceljs stays external everywhere: an optional peer, imported only by the XLSX commands.
export default defineConfig([
  {
    entry: { index: "src/index.ts", runtime: "src/runtime-entry.ts" },
    format: ["esm", "cjs"],
    dts: true,
    sourcemap: false,
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
    external: ["exceljs"],
    splitting: false,
  },
]);
