/**
 * The protocol's numeric constants this server uses, named, so that the feature
 * modules stay plain data and load without `vscode-languageserver` (which only the
 * connection in `server.ts` imports). Values are fixed by the LSP specification 3.17.
 * @module
 */

/** `SymbolKind` values used by the outline. */
export const SYMBOL_KIND = {
  module: 2,
  class: 5,
  property: 7,
  field: 8,
  enum: 10,
  variable: 13,
  constant: 14,
  object: 19,
  enumMember: 22,
  struct: 23,
  event: 24,
} as const;

/** `CompletionItemKind` values used by completion. */
export const COMPLETION_KIND = {
  function: 3,
  variable: 6,
  property: 10,
  value: 12,
  keyword: 14,
  reference: 18,
  enumMember: 20,
  constant: 21,
  typeParameter: 25,
} as const;

/** `DiagnosticSeverity` values. */
export const SEVERITY = { error: 1, warning: 2, info: 3 } as const;
