/**
 * The parts of the compile stage the runtime entry point may load: no parser, no
 * checker, no chevrotain.
 * @module
 */
export { loadCompiled, MAX_COMPILED_DEPTH, type LoadIssue, type LoadOptions, type LoadResult } from "./load.js";
export { fingerprintOf } from "./fingerprint.js";
export { canonicalJson } from "./canonical.js";
export { COMPILED_FORMAT, FORMAT_VERSION } from "./types.js";
