/**
 * The open documents: their text (updated by incremental edits), the analysis of
 * their latest version, and diagnostics published once the author pauses (debounced),
 * or at once when a request needs an up-to-date analysis.
 * @module
 */
import type { TextDocument, TextDocumentContentChangeEvent } from "vscode-languageserver-textdocument";
import type { Locale } from "../index.js";
import { analyse, recover, type Analysis, type Parsed } from "./analysis.js";

/** The text-document functions of `vscode-languageserver-textdocument`, passed in (loaded lazily by the server). */
export interface TextDocumentApi {
  /** Creates a document. */
  create(uri: string, languageId: string, version: number, content: string): TextDocument;
  /** Applies edits to a document made by `create`. */
  update(document: TextDocument, changes: TextDocumentContentChangeEvent[], version: number): TextDocument;
}

interface Entry {
  document: TextDocument;
  analysis: Analysis | undefined;
  analysedVersion: number;
  /** Where the author last typed, to recover a parse around it. */
  lastEdit: number | undefined;
  /** The latest parse that succeeded (for the outline while the text does not parse). */
  lastGood: Parsed | undefined;
  timer: ReturnType<typeof setTimeout> | undefined;
}

/** Sends a document's diagnostics to the client; no analysis clears them. */
export type Publish = (uri: string, version: number, analysis: Analysis | undefined) => void;

/** The documents the client has opened. */
export class RubricDocuments {
  private readonly entries = new Map<string, Entry>();

  /**
   * @param api - text-document functions
   * @param publish - sends diagnostics
   * @param locale - language of messages
   * @param delay - milliseconds to wait after the last edit before analysing (0: at once)
   */
  constructor(
    private readonly api: TextDocumentApi,
    private readonly publish: Publish,
    public locale: Locale,
    private readonly delay: number,
  ) {}

  /** A document was opened: analyse and publish at once. */
  open(uri: string, languageId: string, version: number, text: string): void {
    this.close(uri, false);
    this.entries.set(uri, { document: this.api.create(uri, languageId, version, text), analysis: undefined, analysedVersion: -1, lastEdit: undefined, lastGood: undefined, timer: undefined });
    this.validate(uri);
  }

  /** A document changed: apply the edits, analyse after the pause. */
  change(uri: string, version: number, changes: TextDocumentContentChangeEvent[]): void {
    const entry = this.entries.get(uri);
    if (entry === undefined) return;
    for (const change of changes) {
      this.api.update(entry.document, [change], version);
      // The end of the text just written, in the updated document.
      entry.lastEdit = "range" in change ? entry.document.offsetAt(change.range.start) + change.text.length : undefined;
    }
    if (entry.timer !== undefined) clearTimeout(entry.timer);
    entry.timer = setTimeout(() => this.validate(uri), this.delay);
  }

  /** A document was closed: forget it (and clear its diagnostics when asked). */
  close(uri: string, clear = true): void {
    const entry = this.entries.get(uri);
    if (entry === undefined) return;
    if (entry.timer !== undefined) clearTimeout(entry.timer);
    this.entries.delete(uri);
    if (clear) this.publish(uri, entry.document.version, undefined);
  }

  /** Changes the message language and republishes every document's diagnostics. */
  relocalise(locale: Locale): void {
    this.locale = locale;
    for (const [uri, entry] of this.entries) {
      entry.analysedVersion = -1;
      this.validate(uri);
    }
  }

  /** The document's text, or undefined when it is not open. */
  text(uri: string): string | undefined {
    return this.entries.get(uri)?.document.getText();
  }

  /** The document (for position conversion), or undefined. */
  document(uri: string): TextDocument | undefined {
    return this.entries.get(uri)?.document;
  }

  /** The analysis of the document's current version, computed now if the pause has not ended. */
  analysis(uri: string): Analysis | undefined {
    const entry = this.entries.get(uri);
    if (entry === undefined) return undefined;
    if (entry.analysis === undefined || entry.analysedVersion !== entry.document.version) {
      entry.analysis = analyse(entry.document.getText(), this.locale);
      entry.analysedVersion = entry.document.version;
      if (entry.analysis.parsed !== undefined) entry.lastGood = entry.analysis.parsed;
    }
    return entry.analysis;
  }

  /**
   * A parse for editor requests: the current text's, else one recovered around
   * `offset` (or the last edit), else — when `stale` is allowed — the last that parsed.
   */
  parsed(uri: string, offset?: number, stale = false): Parsed | undefined {
    const analysis = this.analysis(uri);
    const entry = this.entries.get(uri);
    if (analysis === undefined || entry === undefined) return undefined;
    return recover(analysis, offset ?? entry.lastEdit) ?? (stale ? entry.lastGood : undefined);
  }

  /** Analyses the current version (if needed) and publishes its diagnostics. */
  private validate(uri: string): void {
    const entry = this.entries.get(uri);
    if (entry === undefined) return;
    entry.timer = undefined;
    const analysis = this.analysis(uri);
    if (analysis !== undefined) this.publish(uri, entry.document.version, analysis);
  }
}
