/**
 * compile: a generated 5,000-line rubric; full `compile` (lex, parse, AST, check,
 * lower, fingerprint) against chevrotain lex + parse alone on the same text.
 * @module
 */
import { compile } from "../src/compile/compile.js";
import { parseTokens } from "../src/syntax/grammar.js";
import { rubricLexer } from "../src/syntax/lexer.js";
import { genLongRubric } from "./gen.js";
import { scaled, timeAll, type BenchResult } from "./harness.js";

/** Runs the benchmark. */
export function benchCompile(): BenchResult {
  const text = genLongRubric(scaled(5_000));
  const lines = text.split("\n").length - 1;
  const check = compile(text);
  if (!check.ok) throw new Error(`generated rubric does not compile: ${JSON.stringify(check.diagnostics[0])}`);
  const [bare, full] = timeAll([
    () => {
      const lexed = rubricLexer.tokenize(text);
      parseTokens(lexed.tokens);
    },
    () => {
      compile(text);
    },
  ]);
  const mb = Buffer.byteLength(text) / 1e6;
  const ratio = bare! / full!;
  return {
    name: `compile (${lines} lines, ${(mb * 1000).toFixed(0)} KB)`,
    rows: [
      { name: "chevrotain lex + parse (CST) alone (baseline)", medianMs: bare!, metric: mb / (bare! / 1000), unit: "MB/s", items: lines },
      { name: "compile(): parse, AST, check, lower, fingerprint", medianMs: full!, metric: mb / (full! / 1000), unit: "MB/s", items: lines },
    ],
    ratios: { "compile throughput ÷ lex+parse throughput": ratio },
    targets: [{ target: "compile ≥ 50% of bare chevrotain throughput", value: `${(ratio * 100).toFixed(0)}%`, met: ratio >= 0.5 }],
  };
}
