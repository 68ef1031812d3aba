/**
 * What the page shows of a compiled rubric and one evaluation: the criterion tree with
 * each node's points and (applicable) maximum, the score with its band, the reasons
 * when there is no score, and the explanation table of `unitDetailTable`.
 */
import { figure, publishText, rank, unitDetailTable, type CompiledNode, type CompiledRubric, type EvaluateOutcome } from "rubric-lang";
import type { Lang, Texts } from "./i18n.js";

function el<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const e = doc.createElement(tag);
  if (className !== undefined) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

/** Draws the criterion tree: `id title  points / max`, the points once there is a result. */
export function renderTree(container: HTMLElement, rubric: CompiledRubric, outcome: EvaluateOutcome | undefined, lang: Lang): void {
  const doc = container.ownerDocument;
  const { precision, rounding } = rubric.publish;
  const shown = (exact: string): string => figure(publishText(exact, precision, rounding), lang);
  const nodes = outcome?.ok === true ? outcome.result.nodes : undefined;
  const root = el(doc, "ul", "tree");
  const stack: { node: CompiledNode | { id: string; title: string; max: string; children?: undefined }; into: HTMLElement }[] = [
    ...rubric.extras.map((e) => ({ node: { id: e.id, title: e.title, max: e.max }, into: root as HTMLElement })).reverse(),
    ...[...rubric.nodes].reverse().map((node) => ({ node, into: root as HTMLElement })),
  ];
  while (stack.length > 0) {
    const { node, into } = stack.pop()!;
    const result = nodes?.[node.id];
    const li = el(doc, "li");
    li.dataset["node"] = node.id;
    const points = result?.points === undefined ? "" : `${shown(result.points)} / `;
    const max = result !== undefined && result.applicable ? result.max : node.max;
    // A maximum is a decimal as written, unless exclusions made it a fraction.
    const maxText = /^\d+(?:\.\d+)?$/.test(max) ? figure(max, lang) : shown(max);
    const row = el(doc, "div", "row");
    row.append(el(doc, "span", "id", node.id), el(doc, "span", "title", node.title), el(doc, "span", `points${result?.status === "error" ? " error" : ""}`, `${points}${maxText}`));
    li.append(row);
    if (result?.status === "not-applicable") li.classList.add(result.applicable ? "not-applicable" : "excluded");
    into.append(li);
    if (node.children !== undefined && node.children.length > 0) {
      const ul = el(doc, "ul");
      li.append(ul);
      for (const child of [...node.children].reverse()) stack.push({ node: child, into: ul });
    }
  }
  container.replaceChildren(root);
}

/** Draws the score (or why there is none) and the explanation. */
export function renderScore(score: HTMLElement, explain: HTMLElement, rubric: CompiledRubric, outcome: EvaluateOutcome, lang: Lang, texts: Texts): void {
  const doc = score.ownerDocument;
  score.replaceChildren();
  explain.replaceChildren();
  if (!outcome.ok) {
    score.append(el(doc, "p", "invalid", texts.invalid));
    const list = el(doc, "ul", "issues");
    for (const issue of outcome.issues) list.append(el(doc, "li", undefined, `${issue.path.join(" › ")}: ${issue.message}`));
    score.append(list);
    return;
  }
  const result = outcome.result;
  if (result.published === undefined) {
    score.append(el(doc, "p", "incomplete", texts.incomplete));
    const list = el(doc, "ul", "issues");
    for (const error of result.errors) list.append(el(doc, "li", undefined, `${error.node}: ${error.message}`));
    score.append(list);
  } else {
    const band = rank(rubric, [outcome]).rows[0]?.band;
    const figures = el(doc, "p", "figures");
    const part = (label: string, value: string, cls: string): HTMLElement => {
      const span = el(doc, "span", cls);
      span.append(el(doc, "span", "label", label), el(doc, "strong", undefined, value));
      return span;
    };
    figures.append(part(texts.points, figure(result.published.points, lang), "points"), part(texts.index, figure(result.published.index, lang), "index"));
    if (band !== undefined) figures.append(part(texts.band, band, "band"));
    score.append(figures);
  }
  const table = unitDetailTable(result, rubric, lang);
  const t = el(doc, "table", "detail");
  const head = el(doc, "tr");
  for (const h of table.head) head.append(el(doc, "th", undefined, h));
  t.append(el(doc, "thead"), el(doc, "tbody"));
  t.tHead!.append(head);
  for (const row of table.rows) {
    const tr = el(doc, "tr");
    row.forEach((cell, i) => {
      const td = el(doc, "td", table.right?.has(i) ? "num" : undefined, cell.trimStart());
      // The title column carries its depth as two leading spaces a level.
      if (i === 1) td.style.paddingLeft = `${0.4 + ((cell.length - cell.trimStart().length) / 2) * 1.1}rem`;
      tr.append(td);
    });
    t.tBodies[0]!.append(tr);
  }
  explain.append(t);
}
