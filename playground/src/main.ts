/**
 * The playground page: an example (or a link's state) into the editor; on every edit
 * the rubric is compiled (diagnostics in the editor and the problems list), the form
 * follows the rubric's inputs, the unit is evaluated and the tree, score and
 * explanation redrawn; the state goes into the URL fragment.
 */
import type { EditorView } from "@codemirror/view";
import { cohortOfSubmissions, compile, evaluate, needsCohort, type CompiledRubric, type Diagnostic } from "rubric-lang";
import { EXAMPLES } from "playground:examples";
import { createEditor, setText, showDiagnostics } from "./editor.js";
import { formLayout, layoutKey, readField, renderForm, toSubmission, valuesFromSubmission, type FormLayout } from "./form.js";
import { decodeState, encodeState, type PageState } from "./fragment.js";
import { textsFor, type Lang } from "./i18n.js";
import { renderScore, renderTree } from "./results.js";

const $ = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;
const exampleText = (name: string): string | undefined => EXAMPLES.find((e) => e.name === name)?.rubric;

let state: PageState;
let view: EditorView;
let compiled: CompiledRubric | undefined;
let layout: FormLayout | undefined;
let layoutId = "";
let compileTimer: ReturnType<typeof setTimeout> | undefined;
let saveTimer: ReturnType<typeof setTimeout> | undefined;

function exampleState(name: string, lang: Lang): PageState {
  const example = EXAMPLES.find((e) => e.name === name) ?? EXAMPLES[0]!;
  return { lang, example: example.name, rubric: example.rubric, form: valuesFromSubmission(example.submission) };
}

function applyTexts(): void {
  const t = textsFor(state.lang);
  document.documentElement.lang = state.lang;
  document.title = t.title;
  const texts: Record<string, string> = { title: t.title, intro: t.intro, "example-label": t.example, "rubric-heading": t.rubric, "problems-heading": t.problems, "tree-heading": t.tree, "form-heading": t.form, "score-heading": t.score, "explain-heading": t.explanation, stale: t.stale, link: t.link };
  for (const [id, text] of Object.entries(texts)) $(id).textContent = text;
  for (const button of document.querySelectorAll<HTMLButtonElement>("button[data-lang]")) button.setAttribute("aria-pressed", String(button.dataset["lang"] === state.lang));
}

function renderProblems(diagnostics: readonly Diagnostic[]): void {
  const t = textsFor(state.lang);
  const list = $("problems");
  list.replaceChildren();
  if (diagnostics.length === 0) list.append(Object.assign(document.createElement("li"), { className: "none", textContent: t.noProblems }));
  for (const d of diagnostics) {
    const li = document.createElement("li");
    li.className = d.severity;
    li.dataset["code"] = d.code;
    const place = document.createElement("button");
    place.type = "button";
    place.textContent = t.line(d.range.start.line, d.range.start.column);
    place.addEventListener("click", () => {
      view.dispatch({ selection: { anchor: Math.min(d.range.start.offset, view.state.doc.length) }, scrollIntoView: true });
      view.focus();
    });
    li.append(place, ` ${d.code}: ${d.message}`);
    list.append(li);
  }
}

function compileNow(): void {
  if (compileTimer !== undefined) clearTimeout(compileTimer);
  compileTimer = undefined;
  const texts = textsFor(state.lang);
  const result = compile(state.rubric, { locale: state.lang });
  showDiagnostics(view, result.diagnostics, texts);
  renderProblems(result.diagnostics);
  $("stale").hidden = result.ok || compiled === undefined;
  if (result.ok) {
    compiled = result.rubric;
    const next = formLayout(compiled);
    const key = layoutKey(next);
    if (key !== layoutId) {
      layout = next;
      layoutId = key;
      renderForm($("form"), next, state.form, texts);
    }
  }
  rescore();
}

function rescore(): void {
  const texts = textsFor(state.lang);
  if (compiled === undefined || layout === undefined) {
    for (const id of ["tree", "score", "explain"]) $(id).replaceChildren();
    saveSoon();
    return;
  }
  // A JSON round trip gives plain objects, as a submission read from a file would be.
  const submission: unknown = JSON.parse(JSON.stringify(toSubmission(layout, state.form, state.lang)));
  // Cohort figures: the unit is scored against the example's other units and itself.
  const others = EXAMPLES.find((e) => e.name === state.example)?.others ?? [];
  const outcome = evaluate(compiled, submission, needsCohort(compiled) ? { cohort: cohortOfSubmissions(compiled, [...others, submission]) } : {});
  renderTree($("tree"), compiled, outcome, state.lang);
  renderScore($("score"), $("explain"), compiled, outcome, state.lang, texts);
  for (const control of $("form").querySelectorAll<HTMLElement>("[aria-invalid]")) control.removeAttribute("aria-invalid");
  if (!outcome.ok) {
    for (const issue of outcome.issues) {
      const [, node, input] = issue.path.map(String);
      const control = $("form").querySelector<HTMLElement>(`[data-node="${CSS.escape(node ?? "")}"][data-input="${CSS.escape(input ?? "")}"]`);
      control?.setAttribute("aria-invalid", "true");
    }
  }
  saveSoon();
}

function saveSoon(): void {
  document.documentElement.dataset["state"] = "dirty";
  if (saveTimer !== undefined) clearTimeout(saveTimer);
  saveTimer = setTimeout(() => {
    const exampleRubric = state.example === undefined ? undefined : exampleText(state.example);
    void encodeState(state, exampleRubric).then((fragment) => {
      history.replaceState(null, "", `#${fragment}`);
      document.documentElement.dataset["state"] = "saved";
    });
  }, 300);
}

function loadExample(name: string): void {
  state = exampleState(name, state.lang);
  layoutId = "";
  setText(view, state.rubric);
  compileNow();
}

async function start(): Promise<void> {
  const fragment = location.hash.slice(1);
  const fromLink = fragment === "" ? undefined : await decodeState(fragment, exampleText);
  state = fromLink ?? exampleState(EXAMPLES[0]!.name, "vi");
  const select = $<HTMLSelectElement>("example");
  for (const e of EXAMPLES) select.add(new Option(`${e.name} — ${e.title}`, e.name));
  select.value = state.example ?? "";
  select.addEventListener("change", () => loadExample(select.value));
  for (const button of document.querySelectorAll<HTMLButtonElement>("button[data-lang]")) {
    button.addEventListener("click", () => {
      state.lang = button.dataset["lang"] === "en" ? "en" : "vi";
      applyTexts();
      layoutId = "";
      compileNow();
    });
  }
  const form = $("form");
  const edited = (event: Event): void => {
    const target = event.target;
    if (!(target instanceof HTMLInputElement || target instanceof HTMLSelectElement)) return;
    readField(target, state.form);
    rescore();
  };
  form.addEventListener("input", edited);
  form.addEventListener("change", edited);
  form.addEventListener("submit", (event) => event.preventDefault());
  applyTexts();
  view = createEditor($("editor"), state.rubric, (text) => {
    state.rubric = text;
    if (compileTimer !== undefined) clearTimeout(compileTimer);
    compileTimer = setTimeout(compileNow, 200);
  });
  if (fragment !== "" && fromLink === undefined) {
    const notice = $("notice");
    notice.textContent = textsFor(state.lang).brokenLink;
    notice.hidden = false;
  }
  compileNow();
}

void start();
