/**
 * Test helper: writes JSON submissions as CSV tables (wide and long), the way a
 * spreadsheet user would, so tests can check that both read back to the same results.
 */

type Json = Record<string, unknown>;

/** One cell's text for a JSON value: `vi` writes decimal commas and dd/mm/yyyy dates. */
export function cellText(value: unknown, vi: boolean): string {
  if (Array.isArray(value)) return value.map((v) => cellText(v, vi)).join(";");
  if (typeof value === "boolean") return vi ? (value ? "có" : "không") : String(value);
  const text = String(value);
  if (vi && /^\d{4}-\d{2}-\d{2}$/.test(text)) return text.split("-").reverse().join("/");
  if (vi && /^-?\d+\.\d+$/.test(text)) return text.replace(".", ",");
  return text;
}

/** The (column, value) pairs of a submission: `unit.id`, `1.1.2.done`, `appraisal:1.5.points`, … */
export function flatten(submission: Json): [layer: string, node: string, input: string, value: unknown][] {
  const out: [string, string, string, unknown][] = [];
  const unit = submission["unit"] as Json;
  for (const [k, v] of Object.entries(unit)) if (k !== "facts") out.push(["", "unit", k, v]);
  for (const [k, v] of Object.entries((unit["facts"] ?? {}) as Json)) out.push(["", "unit", k, v]);
  for (const layer of ["self", "appraisal", "survey"]) {
    for (const [node, inputs] of Object.entries((submission[layer] ?? {}) as Record<string, Json>)) {
      for (const [input, v] of Object.entries(inputs)) out.push([layer, node, input, v]);
    }
  }
  for (const [node, reason] of Object.entries((submission["notApplicable"] ?? {}) as Json)) out.push(["notApplicable", node, "", reason]);
  return out;
}

const quote = (cell: string): string => (/[",;\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell);

/** Joins rows as CSV text. */
export function csvText(rows: readonly (readonly string[])[], options: { delimiter?: string; crlf?: boolean; bom?: boolean } = {}): string {
  const eol = options.crlf === true ? "\r\n" : "\n";
  return (options.bom === true ? "\uFEFF" : "") + rows.map((r) => r.map(quote).join(options.delimiter ?? ",")).join(eol) + eol;
}

/** A wide table: one row per unit; self values unprefixed, other layers prefixed. */
export function wideRows(submissions: readonly Json[], vi: boolean): string[][] {
  const header: string[] = ["unit.id"];
  const rows = submissions.map((s) => {
    const row = new Map<string, string>();
    for (const [layer, node, input, v] of flatten(s)) {
      const name = layer === "notApplicable" ? `notApplicable:${node}` : `${layer === "self" || layer === "" ? "" : `${layer}:`}${node}.${input}`;
      if (!header.includes(name)) header.push(name);
      row.set(name, cellText(v, vi));
    }
    return row;
  });
  return [header, ...rows.map((r) => header.map((h) => r.get(h) ?? ""))];
}

/** A long table: one row per value; the survey layer left empty (the default for survey leaves). */
export function longRows(submissions: readonly Json[], vi: boolean): string[][] {
  const rows: string[][] = [["unit", "node", "input", "layer", "value"]];
  for (const s of submissions) {
    const id = String((s["unit"] as Json)["id"]);
    for (const [layer, node, input, v] of flatten(s)) {
      if (node === "unit" && input === "id") continue;
      rows.push([id, node, input, layer === "survey" ? "" : layer, cellText(v, vi)]);
    }
  }
  return rows;
}
