/**
 * The open documents: their text (updated by incremental edits), the analysis of
 * their latest version, and diagnostics published once the author pauses (debounced),
 * or at once when a request needs an up-to-date analysis. An edit inside one top-level
 * block re-parses that block only; a full analysis follows when the author stops
 * typing, and its diagnostics replace the quick ones if they differ.
 * @module
 */
import type { TextDocument, TextDocumentContentChangeEvent } from "vscode-languageserver-textdocument";
import type { Locale } from "../diagnostics.js";
import { analyse, analyseEdits, recover, type Analysis, type Parsed } from "./analysis.js";
import { IncrementalParse, type OffsetEdit } from "./incremental.js";

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
  /** Whether the current analysis came from block re-parsing (a full one is owed). */
  quick: boolean;
  /** Edits since the last analysis, or `full` after a whole-text change. */
  pending: OffsetEdit[] | "full";
  /** The block structure, in step with the last analysed text. */
  blocks: IncrementalParse | undefined;
  /** Where the author last typed, to recover a parse around it. */
  lastEdit: number | undefined;
  /** The latest parse that succeeded (for the outline while the text does not parse). */
  lastGood: Parsed | undefined;
  timer: ReturnType<typeof setTimeout> | undefined;
  settleTimer: ReturnType<typeof setTimeout> | undefined;
}

/** Sends a document's diagnostics to the client; no analysis clears them. */
export type Publish = (uri: string, version: number, analysis: Analysis | undefined) => void;

/** Milliseconds of quiet after a quick (block) analysis before the full one runs. */
export const SETTLE_DELAY = 600;

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
    const document = this.api.create(uri, languageId, version, text);
    this.entries.set(uri, { document, analysis: undefined, analysedVersion: -1, quick: false, pending: "full", blocks: undefined, lastEdit: undefined, lastGood: undefined, timer: undefined, settleTimer: undefined });
    this.validate(uri);
  }

  /** A document changed: apply the edits, analyse after the pause. */
  change(uri: string, version: number, changes: TextDocumentContentChangeEvent[]): void {
    const entry = this.entries.get(uri);
    if (entry === undefined) return;
    for (const change of changes) {
      if ("range" in change) {
        const start = entry.document.offsetAt(change.range.start);
        const end = entry.document.offsetAt(change.range.end);
        if (entry.pending !== "full") entry.pending.push({ start, end, text: change.text });
        this.api.update(entry.document, [change], version);
        entry.lastEdit = start + change.text.length;
      } else {
        entry.pending = "full";
        this.api.update(entry.document, [change], version);
        entry.lastEdit = undefined;
      }
    }
    this.clearTimers(entry);
    entry.timer = setTimeout(() => this.validate(uri), this.delay);
  }

  /** A document was closed: forget it (and clear its diagnostics when asked). */
  close(uri: string, clear = true): void {
    const entry = this.entries.get(uri);
    if (entry === undefined) return;
    this.clearTimers(entry);
    this.entries.delete(uri);
    if (clear) this.publish(uri, entry.document.version, undefined);
  }

  /** Changes the message language and republishes every document's diagnostics. */
  relocalise(locale: Locale): void {
    this.locale = locale;
    for (const [uri, entry] of this.entries) {
      entry.analysedVersion = -1;
      entry.pending = "full";
      this.validate(uri);
    }
  }

  /** The document (for its text and position conversion), or undefined. */
  document(uri: string): TextDocument | undefined {
    return this.entries.get(uri)?.document;
  }

  /** The analysis of the document's current version, computed now if the pause has not ended. */
  analysis(uri: string): Analysis | undefined {
    const entry = this.entries.get(uri);
    if (entry === undefined) return undefined;
    if (entry.analysis === undefined || entry.analysedVersion !== entry.document.version) {
      const text = entry.document.getText();
      const quick = entry.pending !== "full" && entry.pending.length > 0 && entry.blocks !== undefined ? analyseEdits(entry.blocks, entry.pending, text, this.locale) : undefined;
      if (quick !== undefined) this.take(entry, quick, true);
      else this.takeFull(entry, text);
    }
    return entry.analysis;
  }

  /**
   * A parse for editor requests: the current text's, else one recovered around
   * `offset` (the cursor, for completion) or the last edit, else — when `stale` is
   * allowed — the last that parsed.
   */
  parsed(uri: string, offset?: number, stale = false): Parsed | undefined {
    const analysis = this.analysis(uri);
    const entry = this.entries.get(uri);
    if (analysis === undefined || entry === undefined) return undefined;
    return recover(analysis, offset ?? entry.lastEdit, entry.blocks) ?? (stale ? entry.lastGood : undefined);
  }

  private take(entry: Entry, analysis: Analysis, quick: boolean): void {
    entry.analysis = analysis;
    entry.analysedVersion = entry.document.version;
    entry.quick = quick;
    entry.pending = [];
    if (analysis.parsed !== undefined) entry.lastGood = analysis.parsed;
  }

  private takeFull(entry: Entry, text: string): void {
    const analysis = analyse(text, this.locale);
    this.take(entry, analysis, false);
    entry.blocks = analysis.parsed === undefined ? undefined : IncrementalParse.from(text, analysis.parsed.ast);
  }

  private clearTimers(entry: Entry): void {
    if (entry.timer !== undefined) clearTimeout(entry.timer);
    if (entry.settleTimer !== undefined) clearTimeout(entry.settleTimer);
    entry.timer = undefined;
    entry.settleTimer = undefined;
  }

  /** Analyses the current version (if needed) and publishes its diagnostics; owes a full analysis after a quick one. */
  private validate(uri: string): void {
    const entry = this.entries.get(uri);
    if (entry === undefined) return;
    entry.timer = undefined;
    const analysis = this.analysis(uri);
    if (analysis === undefined) return;
    this.publish(uri, entry.document.version, analysis);
    if (entry.quick) entry.settleTimer = setTimeout(() => this.settle(uri), SETTLE_DELAY);
  }

  /** The full analysis after quick ones: republished only when its diagnostics differ. */
  private settle(uri: string): void {
    const entry = this.entries.get(uri);
    if (entry === undefined || entry.analysedVersion !== entry.document.version) return;
    entry.settleTimer = undefined;
    const before = JSON.stringify(entry.analysis?.diagnostics);
    this.takeFull(entry, entry.document.getText());
    if (JSON.stringify(entry.analysis!.diagnostics) !== before) this.publish(uri, entry.document.version, entry.analysis!);
  }
}
