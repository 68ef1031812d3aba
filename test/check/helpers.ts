import { checkRubric } from "../../src/check/index.js";
import { sortDiagnostics } from "../../src/diagnostics.js";
import { parseRubric } from "../../src/syntax/parse.js";

/** Diagnostics of a source as `CODE@line:col`, checking it parses first. */
export function checkCodes(source: string): string[] {
  const parsed = parseRubric(source);
  if (parsed.ast === undefined) throw new Error(`does not parse: ${JSON.stringify(parsed.diagnostics)}`);
  return sortDiagnostics(checkRubric(parsed.ast)).map((d) => `${d.code}@${d.range.start.line}:${d.range.start.column}`);
}

/** A one-leaf rubric around a rule and its inputs. */
export function leaf(inputs: string, rule: string, extra = ""): string {
  return `rubric "R" {\n  area "1" "A" max 2 {\n    input ${inputs}\n    score = ${rule}\n  }\n${extra}}\n`;
}
