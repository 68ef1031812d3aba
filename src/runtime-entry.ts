/**
 * `rubric-lang/runtime`: evaluate stored compiled rubrics without the parser.
 *
 * This entry point loads no chevrotain and no `node:` module, so it is small and runs
 * in a browser: load a compiled rubric (validated, fingerprint checked), derive the
 * submission schema, evaluate units.
 * @packageDocumentation
 */
export {
  loadCompiled,
  fingerprintOf,
  canonicalJson,
  MAX_COMPILED_DEPTH,
  COMPILED_FORMAT,
  FORMAT_VERSION,
  type LoadIssue,
  type LoadResult,
  type CompiledRubric,
  type CompiledNode,
  type CompiledExpr,
  type CompiledDecl,
  type CompiledType,
} from "./compile/runtime-safe.js";
export * from "./runtime/index.js";
