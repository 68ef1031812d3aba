/**
 * The rubric editor: CodeMirror 6 with the TextMate grammar's colours, history, line
 * numbers, and the compiler's diagnostics as lint marks, each with its quick fix when
 * the diagnostic carries a suggestion.
 */
import { defaultKeymap, history, historyKeymap } from "@codemirror/commands";
import { bracketMatching, defaultHighlightStyle, indentOnInput, syntaxHighlighting } from "@codemirror/language";
import { lintGutter, setDiagnostics, type Diagnostic as LintDiagnostic } from "@codemirror/lint";
import { EditorState } from "@codemirror/state";
import { EditorView, highlightActiveLine, highlightActiveLineGutter, keymap, lineNumbers } from "@codemirror/view";
import type { Diagnostic } from "rubric-lang";
import { rubricLanguage } from "./highlight.js";
import type { Texts } from "./i18n.js";

/**
 * Creates the editor.
 * @param parent - where it goes
 * @param text - the initial rubric
 * @param onChange - called with the new text after every edit
 */
export function createEditor(parent: HTMLElement, text: string, onChange: (text: string) => void): EditorView {
  return new EditorView({
    parent,
    state: EditorState.create({
      doc: text,
      extensions: [
        lineNumbers(),
        highlightActiveLineGutter(),
        highlightActiveLine(),
        history(),
        indentOnInput(),
        bracketMatching(),
        rubricLanguage,
        syntaxHighlighting(defaultHighlightStyle),
        lintGutter(),
        keymap.of([...defaultKeymap, ...historyKeymap]),
        EditorView.lineWrapping,
        EditorView.updateListener.of((update) => {
          if (update.docChanged) onChange(update.state.doc.toString());
        }),
      ],
    }),
  });
}

/** Replaces the editor's whole text (loading an example), as one undoable change. */
export function setText(view: EditorView, text: string): void {
  view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
}

/** The replacement a suggestion stands for: quoted where the diagnostic points at a string. */
function replacement(written: string, suggestion: string): string {
  const quoted = written.length >= 2 && written.startsWith('"') && written.endsWith('"');
  return quoted && !suggestion.startsWith('"') ? JSON.stringify(suggestion) : suggestion;
}

/** Shows the compiler's diagnostics in the editor, with quick fixes. */
export function showDiagnostics(view: EditorView, diagnostics: readonly Diagnostic[], texts: Texts): void {
  const length = view.state.doc.length;
  const marks: LintDiagnostic[] = diagnostics.map((d) => {
    const from = Math.min(d.range.start.offset, length);
    const to = Math.min(Math.max(d.range.end.offset, from), length);
    const suggestion = d.data?.suggestion;
    const fix = suggestion === undefined ? undefined : replacement(view.state.sliceDoc(from, to), suggestion);
    return {
      from,
      to,
      severity: d.severity,
      source: d.code,
      message: d.message,
      actions: fix === undefined ? [] : [{ name: texts.fix(fix), apply: (v: EditorView, f: number, t: number) => v.dispatch({ changes: { from: f, to: t, insert: fix } }) }],
    };
  });
  view.dispatch(setDiagnostics(view.state, marks));
}
