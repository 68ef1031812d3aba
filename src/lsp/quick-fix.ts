/**
 * Quick fixes: every diagnostic that carries a suggestion (a decimal comma, a
 * misspelt name, a reserved word, a ranking id, and whatever the checker suggests
 * next) becomes an edit that writes the suggestion in place of what the diagnostic
 * points at.
 * @module
 */
import type { Diagnostic, Locale } from "../diagnostics.js";
import { wordsFor } from "./words.js";

/** A fix: its title, the diagnostic it resolves and the replacement. */
export interface QuickFix {
  /** Shown in the editor's light-bulb menu. */
  readonly title: string;
  /** The diagnostic it fixes. */
  readonly diagnostic: Diagnostic;
  /** First offset replaced. */
  readonly start: number;
  /** Offset after the replaced text. */
  readonly end: number;
  /** The text written instead. */
  readonly newText: string;
}

/**
 * The fixes for the diagnostics that overlap a span.
 * @param text - the document the diagnostics were made for
 * @param diagnostics - the document's diagnostics
 * @param start - first offset of the span asked about
 * @param end - offset after it
 * @param locale - language of the titles
 */
export function quickFixes(text: string, diagnostics: readonly Diagnostic[], start: number, end: number, locale: Locale): QuickFix[] {
  const fixes: QuickFix[] = [];
  for (const d of diagnostics) {
    const suggestion = d.data?.suggestion;
    if (suggestion === undefined) continue;
    const from = d.range.start.offset;
    const to = d.range.end.offset;
    if (to < start || from > end) continue;
    const newText = replacement(text.slice(from, to), suggestion);
    if (newText === text.slice(from, to)) continue;
    fixes.push({ title: wordsFor(locale).replaceWith(newText), diagnostic: d, start: from, end: to, newText });
  }
  return fixes;
}

/**
 * What replaces the written text: the suggestion itself, quoted when the diagnostic
 * points at a string literal and the suggestion is its bare value (a ranking id).
 */
function replacement(written: string, suggestion: string): string {
  const quoted = written.length >= 2 && written.startsWith('"') && written.endsWith('"');
  return quoted && !suggestion.startsWith('"') ? `"${suggestion.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"` : suggestion;
}
