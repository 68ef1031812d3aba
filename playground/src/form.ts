/**
 * The form generated from a compiled rubric: the unit's facts, then every node in tree
 * order — a leaf with its inputs, an inner node with only its "not arising" box — and
 * the bonus and penalty blocks. Fields keep what the author
 * typed; `toSubmission` turns them into a submission for `evaluate`, which reports
 * anything invalid with its path (nothing is guessed or silently dropped).
 */
import type { CompiledDecl, CompiledNode, CompiledRubric, CompiledType } from "rubric-lang";
import { emptyRecord, type FormValues } from "./fragment.js";
import type { Lang, Texts } from "./i18n.js";

/** A leaf (or bonus/penalty) as the form shows it. */
export interface FormLeaf {
  readonly id: string;
  readonly title: string;
  readonly inputs: readonly CompiledDecl[];
  readonly given: boolean;
  readonly fromSurvey: boolean;
  /** Whether a submission may declare it not arising (tree nodes only). */
  readonly mayNotArise: boolean;
  /** An inner node: no inputs, only its not-arising box. */
  readonly inner: boolean;
}

/** What the form asks for. */
export interface FormLayout {
  readonly facts: readonly CompiledDecl[];
  readonly leaves: readonly FormLeaf[];
}

/** The form's fields for a rubric, in tree order. */
export function formLayout(rubric: CompiledRubric): FormLayout {
  const leaves: FormLeaf[] = [];
  const stack: { node: CompiledNode; survey: boolean }[] = [...rubric.nodes].reverse().map((node) => ({ node, survey: false }));
  while (stack.length > 0) {
    const { node, survey } = stack.pop()!;
    const fromSurvey = survey || node.fromSurvey;
    // Inner nodes too: a submission may declare a whole criterion not arising.
    leaves.push({ id: node.id, title: node.title, inputs: node.leaf?.inputs ?? [], given: node.leaf?.rule.kind === "given", fromSurvey, mayNotArise: true, inner: node.leaf === undefined });
    for (const child of [...(node.children ?? [])].reverse()) stack.push({ node: child, survey: fromSurvey });
  }
  for (const extra of rubric.extras) leaves.push({ id: extra.id, title: extra.title, inputs: extra.leaf.inputs, given: extra.leaf.rule.kind === "given", fromSurvey: false, mayNotArise: false, inner: false });
  return { facts: rubric.unitFacts, leaves };
}

/** A string that changes exactly when the form's fields change. */
export function layoutKey(layout: FormLayout): string {
  return JSON.stringify(layout);
}

/** Empty form values. */
export function emptyValues(): FormValues {
  return { facts: emptyRecord(), inputs: emptyRecord(), points: emptyRecord(), notArising: [] };
}

function shown(value: unknown): string | undefined {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  // An empty list is an answer (a survey with no replies), not a missing input.
  if (Array.isArray(value)) return value.length === 0 ? "[]" : value.map((v) => shown(v) ?? "").join("; ");
  return undefined;
}

/**
 * Form values from a submission (an example's): the final value of each input — the
 * appraised one where it exists, else the survey's or the self-assessed one.
 */
export function valuesFromSubmission(submission: unknown): FormValues {
  const values = emptyValues();
  if (typeof submission !== "object" || submission === null) return values;
  const s = submission as Record<string, unknown>;
  const facts = (s["unit"] as { facts?: unknown } | undefined)?.facts;
  if (typeof facts === "object" && facts !== null) for (const [k, v] of Object.entries(facts)) if (shown(v) !== undefined) values.facts[k] = shown(v)!;
  for (const layer of ["self", "survey", "appraisal"]) {
    const nodes = s[layer];
    if (typeof nodes !== "object" || nodes === null) continue;
    for (const [id, inputs] of Object.entries(nodes as Record<string, unknown>)) {
      if (typeof inputs !== "object" || inputs === null) continue;
      for (const [name, v] of Object.entries(inputs as Record<string, unknown>)) {
        const text = shown(v);
        if (text === undefined || name === "reason") continue;
        if (name === "points") values.points[id] = text;
        else (values.inputs[id] ??= emptyRecord())[name] = text;
      }
    }
  }
  const na = s["notApplicable"];
  if (typeof na === "object" && na !== null) values.notArising = Object.keys(na);
  return values;
}

/** A typed value from a field's text, or undefined for an empty field. */
function typed(text: string, type: CompiledType, lang: Lang): unknown {
  const t = text.trim();
  if (t === "") return undefined;
  switch (type.kind) {
    case "number": case "count": case "percent": case "likert":
      // In Vietnamese a decimal comma is the usual mark; a lone comma between digits is unambiguous.
      return lang === "vi" && /^-?\d+,\d+$/.test(t) ? t.replace(",", ".") : t;
    case "bool": return t === "true" ? true : t === "false" ? false : t;
    case "list": return t === "[]" ? [] : t.split(";").map((x) => x.trim()).filter((x) => x !== "").map((x) => typed(x, type.element, lang));
    default: return t;
  }
}

/** The submission the form describes: one layer, the survey's for survey nodes. */
export function toSubmission(layout: FormLayout, values: FormValues, lang: Lang): Record<string, unknown> {
  const facts = emptyRecord<unknown>();
  for (const d of layout.facts) {
    const v = typed(values.facts[d.name] ?? "", d.type, lang);
    if (v !== undefined) facts[d.name] = v;
  }
  const self = emptyRecord<Record<string, unknown>>();
  const survey = emptyRecord<Record<string, unknown>>();
  const notApplicable = emptyRecord<string>();
  for (const leaf of layout.leaves) {
    if (leaf.mayNotArise && values.notArising.includes(leaf.id)) notApplicable[leaf.id] = "không phát sinh";
    const entry = emptyRecord<unknown>();
    for (const d of leaf.inputs) {
      const v = typed(values.inputs[leaf.id]?.[d.name] ?? "", d.type, lang);
      if (v !== undefined) entry[d.name] = v;
    }
    const points = values.points[leaf.id]?.trim();
    if (leaf.given && points !== undefined && points !== "") entry["points"] = typed(points, { kind: "number" }, lang);
    if (Object.keys(entry).length > 0) (leaf.fromSurvey ? survey : self)[leaf.id] = entry;
  }
  return { unit: { id: "playground", name: "Playground", ...(layout.facts.length > 0 ? { facts } : {}) }, self, survey, notApplicable };
}

function hint(type: CompiledType, texts: Texts): string {
  switch (type.kind) {
    case "number": case "count": case "percent": return type.min !== undefined && type.max !== undefined ? `${type.kind} ${type.min}..${type.max}` : type.kind;
    case "likert": return `${type.min}..${type.max}`;
    case "list": return `${hint(type.element, texts)}; … (${texts.listHint})`;
    default: return type.kind;
  }
}

function field(doc: Document, type: CompiledType, value: string, texts: Texts): HTMLInputElement | HTMLSelectElement {
  const choices = type.kind === "bool" ? [["true", texts.yes], ["false", texts.no]] : type.kind === "enum" ? type.members.map((m) => [m, m]) : undefined;
  if (choices !== undefined) {
    const select = doc.createElement("select");
    const options = [["", "—"], ...choices];
    for (const [v, label] of options) select.add(new Option(label, v));
    select.value = value;
    return select;
  }
  const input = doc.createElement("input");
  input.type = type.kind === "date" ? "date" : "text";
  if (type.kind !== "date" && type.kind !== "text") input.inputMode = "decimal";
  input.placeholder = hint(type, texts);
  input.value = value;
  return input;
}

function labelled(doc: Document, text: string, control: HTMLElement): HTMLLabelElement {
  const label = doc.createElement("label");
  const name = doc.createElement("span");
  name.textContent = text;
  label.append(name, control);
  return label;
}

/** Draws the form into `container` (replacing what was there). */
export function renderForm(container: HTMLElement, layout: FormLayout, values: FormValues, texts: Texts): void {
  const doc = container.ownerDocument;
  container.replaceChildren();
  if (layout.facts.length > 0) {
    const set = doc.createElement("fieldset");
    const legend = doc.createElement("legend");
    legend.textContent = texts.unit;
    set.append(legend);
    for (const d of layout.facts) {
      const control = field(doc, d.type, values.facts[d.name] ?? "", texts);
      control.dataset["fact"] = d.name;
      set.append(labelled(doc, `unit.${d.name}`, control));
    }
    container.append(set);
  }
  for (const leaf of layout.leaves) {
    const set = doc.createElement("fieldset");
    if (leaf.inner) set.className = "inner";
    const legend = doc.createElement("legend");
    legend.textContent = `${leaf.id} ${leaf.title}`;
    set.append(legend);
    for (const d of leaf.inputs) {
      const control = field(doc, d.type, values.inputs[leaf.id]?.[d.name] ?? "", texts);
      control.dataset["node"] = leaf.id;
      control.dataset["input"] = d.name;
      set.append(labelled(doc, d.name, control));
    }
    if (leaf.given) {
      const control = field(doc, { kind: "number" }, values.points[leaf.id] ?? "", texts);
      control.dataset["node"] = leaf.id;
      control.dataset["points"] = "";
      set.append(labelled(doc, `points (${texts.givenPoints})`, control));
    }
    if (leaf.mayNotArise) {
      const box = doc.createElement("input");
      box.type = "checkbox";
      box.checked = values.notArising.includes(leaf.id);
      box.dataset["node"] = leaf.id;
      box.dataset["notArising"] = "";
      const label = labelled(doc, texts.notArising, box);
      label.className = "not-arising";
      set.append(label);
    }
    container.append(set);
  }
}

/** Copies one edited field into the form values. */
export function readField(target: HTMLInputElement | HTMLSelectElement, values: FormValues): void {
  const { node, input, fact } = target.dataset;
  if (fact !== undefined) values.facts[fact] = target.value;
  else if (node !== undefined && input !== undefined) (values.inputs[node] ??= emptyRecord())[input] = target.value;
  else if (node !== undefined && target.dataset["points"] !== undefined) values.points[node] = target.value;
  else if (node !== undefined && target.dataset["notArising"] !== undefined && target instanceof HTMLInputElement) {
    values.notArising = values.notArising.filter((id) => id !== node);
    if (target.checked) values.notArising.push(node);
  }
}
