/**
 * A fault of ours is still told in the user's language: the last-resort message of
 * `run` (an exception no command caught) follows `--lang`.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { run } from "../../src/cli/main.js";

const rubric = join(import.meta.dirname, "../../examples/par-department/rubric.rubric");

/** Runs the CLI in-process with an stdout that fails, as a broken sink would. */
async function failingRun(args: string[]): Promise<{ code: number; err: string[] }> {
  const err: string[] = [];
  const code = await run(args, { out: () => { throw new Error("sink closed"); }, err: (text) => err.push(text) });
  return { code, err };
}

describe("an internal error", () => {
  it("is worded in Vietnamese with --lang vi, asking for a report", async () => {
    for (const args of [["compile", rubric, "--lang", "vi"], ["compile", rubric, "--lang=vi"]]) {
      const { code, err } = await failingRun(args);
      expect(code).toBe(1);
      expect(err.at(-1)).toBe("rubric: lỗi nội bộ của chương trình (sink closed); vui lòng báo lỗi, kèm theo lệnh đã chạy");
    }
  });

  it("is worded in English otherwise", async () => {
    const { err } = await failingRun(["compile", rubric]);
    expect(err.at(-1)).toBe("rubric: internal error (sink closed); please report it with the command you ran");
  });
});
