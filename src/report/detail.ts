/**
 * One unit's detail: every node with its maximum, self-assessed and final points,
 * the difference, its status and what fired — the page an appraisal council reads
 * to answer "why did we get 0.5 here?".
 * @module
 */
import type { CompiledDecl, CompiledExtra, CompiledNode, CompiledRubric } from "../compile/types.js";
import type { Locale } from "../diagnostics.js";
import type { EvaluationResult } from "../io/evaluate.js";
import { Exact, publishText } from "../runtime/exact.js";
import { escapeControls, escapeMarkdown, jsonTerminalSafe } from "./escape.js";
import { renderDetailHtml } from "./detail-html.js";
import { figure } from "./locale.js";
import { percentText, readable, traceText } from "./trace-text.js";
import { nodeErrorText } from "./unit-errors.js";
import { renderTable, type TableFormat } from "./render.js";
import type { Table } from "./table.js";

const HEAD: Readonly<Record<Locale, readonly string[]>> = {
  vi: ["Mã", "Tiêu chí", "Tối đa", "Tự chấm", "Thẩm định", "Chênh lệch", "Trạng thái", "Căn cứ tính điểm"],
  en: ["Id", "Criterion", "Max", "Self", "Final", "Difference", "Status", "How it was scored"],
};
const STATUS: Readonly<Record<Locale, Readonly<Record<string, string>>>> = {
  vi: { scored: "đã chấm", "not-applicable": "không áp dụng", error: "lỗi" },
  en: { scored: "scored", "not-applicable": "not applicable", error: "error" },
};

const LAYER: Readonly<Record<Locale, Readonly<Record<string, string>>>> = {
  vi: { self: "tự đánh giá", appraisal: "thẩm định", survey: "điều tra XHH" },
  en: { self: "self-assessed", appraisal: "appraised", survey: "survey" },
};

/** A node or bonus/penalty block as the detail lists it. */
interface DetailNode {
  readonly id: string;
  readonly title: string;
  readonly max: string;
  readonly description?: string | undefined;
  readonly inputs: readonly CompiledDecl[];
  readonly children?: readonly CompiledNode[] | undefined;
}

const detailOf = (node: CompiledNode | CompiledExtra): DetailNode => ({
  id: node.id, title: node.title, max: node.max, description: node.description, inputs: node.leaf?.inputs ?? [],
  children: "children" in node ? node.children : undefined,
});

/** A value as the detail shows it: yes/no, lists joined, decimals with the locale's mark. */
function valueText(value: string | boolean | readonly (string | boolean)[], locale: Locale): string {
  const yesNo = (b: boolean): string => (locale === "vi" ? (b ? "có" : "không") : b ? "yes" : "no");
  if (typeof value === "boolean") return yesNo(value);
  const one = (v: string | boolean): string => (typeof v === "boolean" ? yesNo(v) : locale === "vi" && /^-?\d+\.\d+$/.test(v) ? v.replace(".", ",") : v);
  if (typeof value === "string") return one(value);
  // Survey answers can be thousands: the first few and how many, not a line as wide as a page.
  const shownItems = value.slice(0, 5).map(one).join("; ");
  return value.length <= 5 ? `[${shownItems}]` : `[${shownItems}; … (${value.length} ${locale === "vi" ? "giá trị" : "values"})]`;
}

/**
 * What the appraisal council changed, as a sentence: from the self-assessed points to
 * the final ones, with its reason (`Hội đồng thẩm định điều chỉnh từ 1,5 xuống 1: "…"`).
 */
function appraisalText(n: { readonly selfPoints?: string | undefined; readonly points?: string | undefined; readonly reason?: string | undefined }, locale: Locale): string {
  const vi = locale === "vi";
  const reason = n.reason === undefined ? "" : `: "${n.reason}"`;
  if (n.selfPoints === undefined || n.points === undefined || n.selfPoints === n.points) {
    return n.reason === undefined ? "" : vi ? `Ý kiến thẩm định${reason}` : `Appraisal${reason}`;
  }
  const down = Exact.of(n.points).lt(Exact.of(n.selfPoints));
  const [from, to] = [readable(n.selfPoints, locale), readable(n.points, locale)];
  return vi ? `Hội đồng thẩm định điều chỉnh từ ${from} ${down ? "xuống" : "lên"} ${to} điểm${reason}` : `The appraisal council changed ${from} to ${to} points${reason}`;
}

/**
 * The detail table of one unit, nodes in tree order (titles indented by depth). Under
 * a node come its description and, for a leaf, one row per input: its label (its
 * name when it has none), keyed `node.input` as in the form, with the value used and
 * the layer it came from.
 * @param result - the unit's evaluation result
 * @param rubric - the rubric it was scored with
 * @param locale - `vi` or `en`
 * @example
 * ```ts
 * import { compile, evaluate, renderTable, unitDetailTable } from "rubric-lang";
 * const source = 'rubric "Demo" { area "1" "Chỉ đạo" max 10 { input done: count, planned: count; score = 10 * done / planned } }';
 * const compiled = compile(source);
 * if (compiled.ok) {
 *   const outcome = evaluate(compiled.rubric, { unit: { id: "a" }, self: { "1": { done: 8, planned: 10 } } });
 *   if (outcome.ok) console.log(renderTable(unitDetailTable(outcome.result, compiled.rubric, "vi"), "csv"));
 * }
 * ```
 * @category Report
 */
export function unitDetailTable(result: EvaluationResult, rubric: CompiledRubric, locale: Locale): Table {
  const { precision, rounding } = rubric.publish;
  const shown = (value: string | undefined): string => (value === undefined ? "" : figure(publishText(value, precision, rounding), locale));
  const rows: string[][] = [];
  const stack: { node: DetailNode; depth: number }[] = [
    ...rubric.extras.map((e) => ({ node: detailOf(e), depth: 0 })).reverse(),
    ...[...rubric.nodes].reverse().map((node) => ({ node: detailOf(node), depth: 0 })),
  ];
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    const n = result.nodes[node.id];
    const how = n === undefined ? "" : n.error !== undefined ? nodeErrorText({ node: node.id, ...n.error }, rubric, locale) : [traceText(n.trace ?? [], locale, n.naPolicy), node.children === undefined || node.children.length === 0 ? appraisalText(n, locale) : ""].filter((t) => t !== "").join("; ");
    rows.push([
      node.id,
      `${"  ".repeat(depth)}${node.title}`,
      // The applicable maximum: lower than the declared one when something under it is excluded.
      shown(n !== undefined && n.applicable ? n.max : node.max),
      shown(n?.selfPoints),
      shown(n?.points),
      shown(n?.difference),
      n === undefined ? "" : STATUS[locale][n.status] ?? n.status,
      how,
    ]);
    const inner = "  ".repeat(depth + 1);
    if (node.description !== undefined) rows.push(["", `${inner}${node.description}`, "", "", "", "", "", ""]);
    for (const input of node.inputs) {
      const used = n?.values?.[input.name];
      // A percent input is a fraction in rules; people typed (and read) percentage points.
      const shown = used === undefined ? "" : input.type.kind === "percent" && typeof used.value === "string" ? percentText(used.value, locale) : valueText(used.value, locale);
      const value = used === undefined ? "" : `${shown} (${LAYER[locale][used.layer] ?? used.layer})`;
      rows.push([`${node.id}.${input.name}`, `${inner}${input.label ?? input.name}`, "", "", "", "", "", value]);
    }
    for (const child of [...(node.children ?? [])].reverse()) stack.push({ node: detailOf(child), depth: depth + 1 });
  }
  return { head: HEAD[locale], rows, right: new Set([2, 3, 4, 5]) };
}

/**
 * Renders one unit's detail as text, Markdown, CSV, JSON or a self-contained HTML page.
 * @param result - the unit's evaluation result
 * @param rubric - the rubric it was scored with
 * @param format - text, md, csv, json or html
 * @param locale - `vi` or `en`
 * @param standing - the unit's rank and neighbours as a sentence (`standingText`), if known
 * @example
 * ```ts
 * import { compile, evaluate, renderUnitDetail } from "rubric-lang";
 * const source = 'rubric "Demo" { area "1" "Chỉ đạo" max 10 { input done: count, planned: count; score = 10 * done / planned } }';
 * const compiled = compile(source);
 * if (compiled.ok) {
 *   const outcome = evaluate(compiled.rubric, { unit: { id: "a", name: "Sở A" }, self: { "1": { done: 8, planned: 10 } } }, { explain: true });
 *   if (outcome.ok) console.log(renderUnitDetail(outcome.result, compiled.rubric, "text", "en"));
 * }
 * // Sở A — Demo
 * // Points 8.00 · Index 80.00
 * // Id  Criterion  Max  Self  Final  Difference  Status  How it was scored …
 * ```
 * @category Report
 */
export function renderUnitDetail(result: EvaluationResult, rubric: CompiledRubric, format: TableFormat | "html", locale: Locale, standing?: string): string {
  if (format === "json") return `${jsonTerminalSafe(JSON.stringify(result, null, 2))}\n`;
  const table = unitDetailTable(result, rubric, locale);
  const name = result.unit.name ?? result.unit.id;
  const figures = result.published === undefined ? "" : `${locale === "vi" ? "Điểm" : "Points"} ${figure(result.published.points, locale)} · ${locale === "vi" ? "Chỉ số" : "Index"} ${figure(result.published.index, locale)}`;
  // Where the unit stands among the units scored with it, when the caller ranked them.
  const lines = [figures, standing ?? ""].filter((t) => t !== "");
  const total = lines.join("\n");
  const title = `${name} — ${rubric.meta.title}`;
  if (format === "csv") return `${renderTable(table, "csv")}\r\n`;
  if (format === "md") return `# ${escapeMarkdown(title)}\n\n${lines.map(escapeMarkdown).join("\n\n")}\n\n${renderTable(table, "md")}\n`;
  if (format === "text") return `${escapeControls(title)}\n${total}\n\n${renderTable(table, "text")}\n`;
  return renderDetailHtml(table, title, total, locale);
}
