/**
 * `rubric lsp`: the language server over stdio. This file only wires the protocol
 * (`vscode-languageserver`, loaded when the command runs, so other commands never pay
 * for it) to the feature modules beside it, which work on the compiler's public stages.
 * @module
 */
import type * as Lsp from "vscode-languageserver/node";
import type { Diagnostic, Locale } from "../diagnostics.js";
import { format } from "../syntax/print.js";
import type { Analysis } from "./analysis.js";
import { completeAt } from "./completion.js";
import { RubricDocuments, type TextDocumentApi } from "./documents.js";
import { hoverAt } from "./hover.js";
import type { LineIndex } from "./line-index.js";
import { definitionsAt, referencesAt, type Span } from "./navigate.js";
import { outline } from "./outline.js";
import { SEVERITY } from "./protocol.js";
import { quickFixes } from "./quick-fix.js";
import { semanticTokens, TOKEN_LEGEND } from "./semantic-tokens.js";

/** Milliseconds the server waits after the last edit before it analyses (unless the client sets `diagnosticsDelay`). */
export const DEFAULT_DIAGNOSTICS_DELAY = 150;

/** Options a client may pass in `initializationOptions`. */
export interface ServerOptions {
  /** `vi` or `en`: language of diagnostics, hovers and fixes. */
  readonly locale?: unknown;
  /** Debounce after the last edit, in milliseconds (0 to 5,000). */
  readonly diagnosticsDelay?: unknown;
}

/**
 * The message language: the one `initializationOptions.locale` names, else the
 * client's UI language when it is English or Vietnamese, else Vietnamese.
 * @param options - the client's initialization options
 * @param clientLocale - the `locale` of the initialize request
 */
export function chooseLocale(options: ServerOptions | undefined, clientLocale: string | undefined): Locale {
  if (options?.locale === "vi" || options?.locale === "en") return options.locale;
  return clientLocale?.toLowerCase().startsWith("en") === true ? "en" : "vi";
}

function delayOf(options: ServerOptions | undefined): number {
  const d = options?.diagnosticsDelay;
  return typeof d === "number" && Number.isFinite(d) && d >= 0 && d <= 5000 ? d : DEFAULT_DIAGNOSTICS_DELAY;
}

/**
 * A diagnostic as the protocol writes it; the suggestion travels in `data`.
 * @param d - a compiler diagnostic
 * @param lines - the text it points into
 */
export function toLspDiagnostic(d: Diagnostic, lines: LineIndex): Lsp.Diagnostic {
  const base = { range: lines.range(d.range.start.offset, d.range.end.offset), severity: SEVERITY[d.severity], code: d.code, source: "rubric", message: d.message };
  return d.data?.suggestion === undefined ? base : { ...base, data: { suggestion: d.data.suggestion } };
}

/**
 * Starts the server on the process's stdin and stdout. The returned promise does not
 * settle: the server ends the process on the protocol's `exit` notification (code 0
 * after `shutdown`, else 1), or when stdin closes.
 */
export async function runLanguageServer(): Promise<never> {
  const imported = (await import("vscode-languageserver/node")) as typeof Lsp & { default?: typeof Lsp };
  const lsp = imported.default ?? imported;
  const textDocument = (await import("vscode-languageserver-textdocument")).TextDocument as TextDocumentApi;
  const connection = lsp.createConnection(process.stdin, process.stdout);
  let documents: RubricDocuments | undefined;
  const docs = (): RubricDocuments => documents!;

  const publish = (uri: string, version: number, analysis: Analysis | undefined): void => {
    const diagnostics = analysis === undefined ? [] : analysis.diagnostics.map((d) => toLspDiagnostic(d, analysis.lines));
    void connection.sendDiagnostics({ uri, version, diagnostics });
  };

  connection.onInitialize((params) => {
    const options = params.initializationOptions as ServerOptions | undefined;
    documents = new RubricDocuments(textDocument, publish, chooseLocale(options, params.locale), delayOf(options));
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: lsp.TextDocumentSyncKind.Incremental },
        hoverProvider: true,
        completionProvider: { triggerCharacters: [".", '"', ":"] },
        definitionProvider: true,
        referencesProvider: true,
        documentSymbolProvider: true,
        documentFormattingProvider: true,
        codeActionProvider: { codeActionKinds: [lsp.CodeActionKind.QuickFix] },
        semanticTokensProvider: { legend: { tokenTypes: [...TOKEN_LEGEND.tokenTypes], tokenModifiers: [...TOKEN_LEGEND.tokenModifiers] }, full: true },
      },
      serverInfo: { name: "rubric-lang" },
    };
  });

  connection.onDidOpenTextDocument(({ textDocument: d }) => docs().open(d.uri, d.languageId, d.version, d.text));
  connection.onDidChangeTextDocument(({ textDocument: d, contentChanges }) => docs().change(d.uri, d.version, contentChanges));
  connection.onDidCloseTextDocument(({ textDocument: d }) => docs().close(d.uri));
  connection.onDidChangeConfiguration(({ settings }) => {
    const locale = (settings as { rubric?: { locale?: unknown } } | undefined)?.rubric?.locale;
    if (locale === "vi" || locale === "en") docs().relocalise(locale);
  });

  /** The document, its text and the cursor's offset, when the document is open. */
  const at = (uri: string, position: Lsp.Position): { offset: number; text: string } | undefined => {
    const document = docs().document(uri);
    return document === undefined ? undefined : { offset: document.offsetAt(position), text: document.getText() };
  };
  const locations = (uri: string, spans: readonly Span[]): Lsp.Location[] => {
    const document = docs().document(uri)!;
    return spans.map((s) => ({ uri, range: { start: document.positionAt(s.start), end: document.positionAt(s.end) } }));
  };

  connection.onHover(({ textDocument: { uri }, position }) => {
    const here = at(uri, position);
    const parsed = here === undefined ? undefined : docs().parsed(uri);
    const hover = parsed === undefined ? undefined : hoverAt(parsed, here!.offset, docs().locale);
    return hover === undefined ? null : { contents: { kind: lsp.MarkupKind.Markdown, value: hover.markdown }, range: hover.range };
  });

  connection.onCompletion(({ textDocument: { uri }, position }) => {
    const here = at(uri, position);
    if (here === undefined) return [];
    const document = docs().document(uri)!;
    return completeAt(here.text, here.offset, docs().parsed(uri, here.offset), docs().locale).map((c) => ({
      label: c.label,
      kind: c.kind as Lsp.CompletionItemKind,
      sortText: c.sortText,
      ...(c.detail === undefined ? {} : { detail: c.detail }),
      textEdit: { range: { start: document.positionAt(c.start), end: document.positionAt(c.end) }, newText: c.newText },
    }));
  });

  connection.onDefinition(({ textDocument: { uri }, position }) => {
    const here = at(uri, position);
    const parsed = here === undefined ? undefined : docs().parsed(uri);
    return parsed === undefined ? [] : locations(uri, definitionsAt(parsed, here!.offset));
  });

  connection.onReferences(({ textDocument: { uri }, position, context }) => {
    const here = at(uri, position);
    const parsed = here === undefined ? undefined : docs().parsed(uri);
    return parsed === undefined ? [] : locations(uri, referencesAt(parsed, here!.offset, context.includeDeclaration));
  });

  connection.onDocumentSymbol(({ textDocument: { uri } }) => {
    const parsed = docs().parsed(uri, undefined, true);
    return parsed === undefined ? [] : (outline(parsed.ast, parsed.lines, docs().locale) as Lsp.DocumentSymbol[]);
  });

  connection.onDocumentFormatting(({ textDocument: { uri } }) => {
    const document = docs().document(uri);
    if (document === undefined) return [];
    const text = document.getText();
    const formatted = format(text);
    if (!formatted.ok || formatted.text === text) return [];
    return [{ range: { start: document.positionAt(0), end: document.positionAt(text.length) }, newText: formatted.text }];
  });

  connection.onCodeAction(({ textDocument: { uri }, range }) => {
    const document = docs().document(uri);
    const analysis = docs().analysis(uri);
    if (document === undefined || analysis === undefined) return [];
    const fixes = quickFixes(document.getText(), analysis.diagnostics, document.offsetAt(range.start), document.offsetAt(range.end), docs().locale);
    return fixes.map((f) => ({
      title: f.title,
      kind: lsp.CodeActionKind.QuickFix,
      isPreferred: true,
      diagnostics: [toLspDiagnostic(f.diagnostic, analysis.lines)],
      edit: { changes: { [uri]: [{ range: { start: document.positionAt(f.start), end: document.positionAt(f.end) }, newText: f.newText }] } },
    }));
  });

  connection.languages.semanticTokens.on(({ textDocument: { uri } }) => {
    const parsed = docs().parsed(uri);
    return { data: parsed === undefined ? [] : semanticTokens(parsed) };
  });

  connection.listen();
  return new Promise<never>(() => {});
}
