// `npm run build:playground` (the package is built first when dist/index.js is missing):
// bundles the playground with esbuild into dist/playground/ — index.html,
// playground.css and one classic script, playground.js (no ES modules: a page opened
// from a file may not load them). The library comes in through its browser entry, the
// built dist/index.js; the examples are embedded, as a file:// page cannot fetch them.
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..");
const out = join(root, "dist/playground");
const entry = join(root, "dist/index.js");
// The package's build first, when it is not there (tsup empties dist/, so not every time).
if (!existsSync(entry)) {
  const tsup = spawnSync(process.execPath, [join(root, "node_modules/tsup/dist/cli-default.js"), "--silent"], { cwd: root, stdio: "inherit" });
  if (tsup.status !== 0 || !existsSync(entry)) {
    console.error("playground: dist/index.js is missing and `npm run build` failed");
    process.exit(1);
  }
}

// The submission shown first for an example: a named one, else the first in name order.
const PREFERRED = { "par-department": "so-noi-vu.json" };
const FIRST = "par-department";

function examples() {
  const dir = join(root, "examples");
  const names = readdirSync(dir).filter((n) => existsSync(join(dir, n, "rubric.rubric"))).sort((a, b) => (a === FIRST ? -1 : b === FIRST ? 1 : a.localeCompare(b)));
  return names.map((name) => {
    const rubric = readFileSync(join(dir, name, "rubric.rubric"), "utf8");
    const submissions = readdirSync(join(dir, name, "submissions")).filter((f) => f.endsWith(".json")).sort();
    const file = PREFERRED[name] ?? submissions[0];
    const title = /rubric\s+"((?:[^"\\]|\\.)*)"/.exec(rubric)?.[1] ?? name;
    const read = (f) => JSON.parse(readFileSync(join(dir, name, "submissions", f), "utf8"));
    // A rubric with cohort figures scores a unit against the others: they are embedded too.
    const others = /\bcohort\./.test(rubric) ? submissions.filter((f) => f !== file).map(read) : [];
    return { name, title, rubric, submission: read(file), others };
  });
}

const typecheck = spawnSync(process.execPath, [join(root, "node_modules/typescript/bin/tsc"), "-p", here], { cwd: root, stdio: "inherit" });
if (typecheck.status !== 0) process.exit(typecheck.status ?? 1);

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
await build({
  entryPoints: [join(here, "src/main.ts")],
  bundle: true,
  format: "iife",
  platform: "browser",
  target: ["chrome111", "firefox113", "safari16.4"],
  minify: true,
  charset: "utf8",
  legalComments: "none",
  outfile: join(out, "playground.js"),
  alias: { "rubric-lang": entry },
  logLevel: "warning",
  plugins: [
    {
      name: "examples",
      setup(b) {
        b.onResolve({ filter: /^playground:examples$/ }, () => ({ path: "examples", namespace: "playground-examples" }));
        b.onLoad({ filter: /.*/, namespace: "playground-examples" }, () => ({ contents: `export const EXAMPLES = ${JSON.stringify(examples())};`, loader: "js" }));
      },
    },
  ],
});
copyFileSync(join(here, "index.html"), join(out, "index.html"));
copyFileSync(join(here, "style.css"), join(out, "playground.css"));
console.log(`written: ${out}/index.html`);
