/**
 * The compile stage: AST → compiled criterion tree, serialisation, format version,
 * fingerprint, and validation of stored compiled rubrics.
 * @module
 */
export { compile, type CompileOptions, type CompileResult } from "./compile.js";
export { fingerprintOf, seal } from "./fingerprint.js";
export { loadCompiled, MAX_COMPILED_DEPTH, type LoadIssue, type LoadOptions, type LoadResult } from "./load.js";
export { canonicalJson } from "./canonical.js";
export { sha256Hex } from "./sha256.js";
export * from "./types.js";
