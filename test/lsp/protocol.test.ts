/**
 * The language server as an editor meets it: the built `rubric lsp` started as a child
 * process, spoken to in JSON-RPC over stdio, on the department example with an error
 * put in. Checks what an author sees: diagnostics in Vietnamese, the quick fix, hover,
 * completion, definition and references, the outline, formatting, and a clean exit.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LspClient, type Notification } from "./client.js";

const root = join(import.meta.dirname, "../..");
const original = readFileSync(join(root, "examples/par-department/rubric.rubric"), "utf8");
const expected = JSON.parse(readFileSync(join(root, "examples/par-department/expected-diagnostics.json"), "utf8")) as { diagnostics: { code: string; line: number; column: number }[] };
// The error: a decimal comma in item 1.2's rule.
const text = original.replace("score = max - 0.5 * missing_reports", "score = max - 0,5 * missing_reports");
const uri = "file:///work/par-department/rubric.rubric";

interface Pos { line: number; character: number }
interface Range { start: Pos; end: Pos }
interface LspDiagnostic { range: Range; severity: number; code: string; message: string; data?: { suggestion?: string } }
interface TextEdit { range: Range; newText: string }

/** The position of `needle` (its first occurrence) plus `delta` characters, in `source`. */
function pos(source: string, needle: string, delta = 0): Pos {
  const at = source.indexOf(needle);
  if (at < 0) throw new Error(`not in the text: ${needle}`);
  const before = source.slice(0, at + delta).split("\n");
  return { line: before.length - 1, character: before[before.length - 1]!.length };
}

function diagnosticsOf(n: Notification): LspDiagnostic[] {
  return (n.params as { diagnostics: LspDiagnostic[] }).diagnostics;
}

const isDiagnostics = (version: number) => (n: Notification): boolean => n.method === "textDocument/publishDiagnostics" && (n.params as { version?: number }).version === version;

describe("rubric lsp over stdio", () => {
  const client = new LspClient();
  let initialize: { capabilities: Record<string, unknown> };

  beforeAll(async () => {
    initialize = await client.request("initialize", { processId: process.pid, rootUri: null, capabilities: {}, locale: "vi" });
    client.notify("initialized", {});
    client.notify("textDocument/didOpen", { textDocument: { uri, languageId: "rubric", version: 1, text } });
  });
  afterAll(() => client.kill());

  it("announces its features", () => {
    for (const feature of ["hoverProvider", "completionProvider", "definitionProvider", "referencesProvider", "documentSymbolProvider", "documentFormattingProvider", "codeActionProvider", "semanticTokensProvider"]) {
      expect(initialize.capabilities[feature], feature).toBeTruthy();
    }
  });

  it("reports the decimal comma in Vietnamese, where it stands, and fixes it", async () => {
    const [diagnostic, ...rest] = diagnosticsOf(await client.waitFor(isDiagnostics(1)));
    expect(rest).toEqual([]);
    expect(diagnostic!.code).toBe("RL103");
    expect(diagnostic!.severity).toBe(1);
    const at = pos(text, "0,5 * missing_reports");
    expect(diagnostic!.range).toEqual({ start: at, end: { line: at.line, character: at.character + 3 } });
    expect(diagnostic!.message).toBe("'0,5' dùng dấu phẩy thập phân; trong tệp bộ tiêu chí hãy viết số thập phân với dấu chấm (0.5). Giữa các đối số, đặt dấu cách sau dấu phẩy.");

    const actions = await client.request<{ title: string; kind: string; edit: { changes: Record<string, TextEdit[]> } }[]>("textDocument/codeAction", {
      textDocument: { uri },
      range: diagnostic!.range,
      context: { diagnostics: [diagnostic] },
    });
    expect(actions).toHaveLength(1);
    expect(actions[0]!.kind).toBe("quickfix");
    expect(actions[0]!.title).toBe("Sửa thành '0.5'");
    expect(actions[0]!.edit.changes[uri]).toEqual([{ range: diagnostic!.range, newText: "0.5" }]);

    // Applying the fix as the editor would (an incremental change) leaves the example's intended warnings.
    client.notify("textDocument/didChange", { textDocument: { uri, version: 2 }, contentChanges: [{ range: diagnostic!.range, text: "0.5" }] });
    const fixed = diagnosticsOf(await client.waitFor(isDiagnostics(2)));
    expect(fixed.map((d) => ({ code: d.code, line: d.range.start.line + 1, column: d.range.start.character + 1 }))).toEqual(expected.diagnostics.map(({ code, line, column }) => ({ code, line, column })));
    expect(fixed.every((d) => d.severity === 2)).toBe(true);
  });

  it("offers 'did you mean' as a quick fix for a misspelt name", async () => {
    const at = pos(original, "0.25 * late_reports", 7);
    client.notify("textDocument/didChange", { textDocument: { uri, version: 3 }, contentChanges: [{ range: { start: at, end: { line: at.line, character: at.character + 12 } }, text: "late_report" }] });
    const [diagnostic] = diagnosticsOf(await client.waitFor(isDiagnostics(3))).filter((d) => d.code === "RL201");
    expect(diagnostic!.message).toBe("Không có tên 'late_report'. Có phải là 'late_reports'?");
    const actions = await client.request<{ edit: { changes: Record<string, TextEdit[]> } }[]>("textDocument/codeAction", { textDocument: { uri }, range: diagnostic!.range, context: { diagnostics: [diagnostic] } });
    expect(actions.map((a) => a.edit.changes[uri])).toEqual([[{ range: { start: at, end: { line: at.line, character: at.character + 11 } }, newText: "late_reports" }]]);
    // Back to the original text for the requests below.
    client.notify("textDocument/didChange", { textDocument: { uri, version: 4 }, contentChanges: [{ text: original }] });
    await client.waitFor(isDiagnostics(4));
  });

  it("hovers a node with its id, title, max, children's maxima and policy", async () => {
    const hover = await client.request<{ contents: { kind: string; value: string } }>("textDocument/hover", { textDocument: { uri }, position: pos(original, 'area "3"', 6) });
    expect(hover.contents.kind).toBe("markdown");
    const value = hover.contents.value;
    expect(value).toContain("**lĩnh vực 3** — Cải cách thủ tục hành chính");
    expect(value).toContain("Điểm tối đa: 12 điểm");
    expect(value).toContain("Tổng điểm tối đa các tiêu chí con: 12 điểm");
    expect(value).toContain("Khi không áp dụng: loại khỏi điểm tối đa (`exclude`, khai báo tại đây)");
    expect(value).toContain("Chỉ áp dụng khi: `unit.kind == so_co_tthc`");
    const leaf = await client.request<{ contents: { value: string } }>("textDocument/hover", { textDocument: { uri }, position: pos(original, 'item "2.3.1"', 7) });
    expect(leaf.contents.value).toContain("Điểm tối đa: 1,5 điểm");
    expect(leaf.contents.value).toContain("Khi không áp dụng: được điểm tối đa (`full`, mặc định của bộ tiêu chí)");
  });

  it("hovers an input with its type, range and node", async () => {
    const hover = await client.request<{ contents: { value: string }; range: Range }>("textDocument/hover", { textDocument: { uri }, position: pos(original, "done / planned", 9) });
    expect(hover.contents.value).toContain('planned "Số nhiệm vụ theo kế hoạch": count in 1..500');
    expect(hover.contents.value).toContain('đầu vào · "1.1.2"');
    expect(hover.contents.value).toContain("Kiểu: số đếm (số nguyên, không âm)");
    expect(hover.contents.value).toContain("Khoảng giá trị: 1..500");
    const at = pos(original, "done / planned", 7);
    expect(hover.range).toEqual({ start: at, end: { line: at.line, character: at.character + 7 } });
  });

  it("completes unit facts, names in scope and node ids in ranking keys", async () => {
    type Item = { label: string; textEdit: TextEdit };
    const complete = (p: Pos): Promise<Item[]> => client.request<Item[]>("textDocument/completion", { textDocument: { uri }, position: p });

    const facts = await complete(pos(original, "unit.kind ==", 5));
    expect(facts.map((i) => i.label)).toEqual(["kind"]);

    const names = (await complete(pos(original, "rate { >= 100%"))).map((i) => i.label);
    expect(names).toEqual(expect.arrayContaining(["done", "planned", "rate", "max", "min(…)", "round(…)", "if", "bands", "unit."]));
    expect(names).not.toContain("issued_on"); // an input of another node

    const at = pos(original, 'then area "1"', 11);
    const ids = await complete(at);
    expect(ids.map((i) => i.label)).toEqual(["1", "2", "3", "4", "5", "6", "7", "8"]);
    // The id between the quotes is replaced, the closing quote kept.
    expect(ids[6]!.textEdit).toEqual({ range: { start: at, end: { line: at.line, character: at.character + 1 } }, newText: "7" });
  });

  it("goes to an input's definition and finds its references", async () => {
    const use = pos(original, "done / planned", 9);
    const declared = pos(original, "planned \"Số nhiệm vụ theo kế hoạch\": count in 1..500");
    const span = (p: Pos): Range => ({ start: p, end: { line: p.line, character: p.character + 7 } });
    const definition = await client.request<{ uri: string; range: Range }[]>("textDocument/definition", { textDocument: { uri }, position: use });
    expect(definition).toEqual([{ uri, range: span(declared) }]);
    const references = await client.request<{ uri: string; range: Range }[]>("textDocument/references", { textDocument: { uri }, position: declared, context: { includeDeclaration: true } });
    expect(references).toEqual([{ uri, range: span(declared) }, { uri, range: span(pos(original, "done / planned", 7)) }]);
  });

  it("outlines the criterion tree with its points", async () => {
    const symbols = await client.request<{ name: string; kind: number; children: { name: string }[] }[]>("textDocument/documentSymbol", { textDocument: { uri } });
    const areas = symbols.filter((s) => /^\d /.test(s.name));
    expect(areas.map((a) => a.name)).toEqual([
      "1 Công tác chỉ đạo, điều hành cải cách hành chính (12 điểm)",
      "2 Xây dựng và tổ chức thực hiện văn bản quy phạm pháp luật (8 điểm)",
      "3 Cải cách thủ tục hành chính (12 điểm)",
      "4 Cải cách tổ chức bộ máy hành chính (8 điểm)",
      "5 Cải cách chế độ công vụ (10 điểm)",
      "6 Cải cách tài chính công (8 điểm)",
      "7 Xây dựng, phát triển chính quyền điện tử, chính quyền số (12 điểm)",
      "8 Tác động của cải cách hành chính (điều tra xã hội học) (30 điểm)",
    ]);
    expect(areas[0]!.children.map((c) => c.name)).toEqual([
      "1.1 Kế hoạch cải cách hành chính năm (4 điểm)",
      "1.2 Báo cáo CCHC định kỳ đúng số lượng, thời hạn (2 điểm)",
      "1.3 Kiểm tra công tác CCHC (2 điểm)",
      "1.4 Tuyên truyền cải cách hành chính (2 điểm)",
      "1.5 Sáng kiến, giải pháp mới trong CCHC (2 điểm)",
    ]);
  });

  it("formats through format(): a messy layout comes back canonical", async () => {
    const messy = original.replace('  area "1"', 'area    "1"').replace("    item \"1.2\"", "            item \"1.2\"");
    expect(messy).not.toBe(original);
    client.notify("textDocument/didChange", { textDocument: { uri, version: 5 }, contentChanges: [{ text: messy }] });
    const edits = await client.request<TextEdit[]>("textDocument/formatting", { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } });
    expect(edits).toHaveLength(1);
    expect(edits[0]!.newText).toBe(original);
    expect(edits[0]!.range.start).toEqual({ line: 0, character: 0 });
  });

  it("closes cleanly: shutdown, exit, code 0", async () => {
    client.notify("textDocument/didClose", { textDocument: { uri } });
    const cleared = await client.waitFor((n) => n.method === "textDocument/publishDiagnostics" && diagnosticsOf(n).length === 0 && (n.params as { version?: number }).version === 5);
    expect(diagnosticsOf(cleared)).toEqual([]);
    expect(await client.request("shutdown", null)).toBeNull();
    client.notify("exit", null);
    expect(await client.exited).toBe(0);
    expect(client.stderr).toBe("");
  });
});
