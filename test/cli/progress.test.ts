/**
 * The progress bar in-process, with a stream that says it is (or is not) a terminal.
 */
import { describe, expect, it } from "vitest";
import { progressBar } from "../../src/cli/progress.js";

function sink(isTTY: boolean): { isTTY: boolean; columns: number; text: string; write(t: string): void } {
  return { isTTY, columns: 80, text: "", write(t) { this.text += t; } };
}

describe("progressBar", () => {
  it("draws from the threshold on, every 500 units, with the share of bytes read, and erases itself", () => {
    const stream = sink(true);
    const bar = progressBar(stream, 1000, 1000);
    bar.file(1000);
    for (let i = 1; i <= 999; i++) bar.unit();
    expect(stream.text).toBe("");
    bar.bytes(250);
    bar.unit(); // 1,000
    expect(stream.text).toBe(`\r\x1b[Kscoring [${"#".repeat(10)}${"-".repeat(30)}] 25%  1,000 units`);
    bar.bytes(1000);
    for (let i = 0; i < 500; i++) bar.unit();
    expect(stream.text.endsWith(`[${"#".repeat(40)}] 100%  1,500 units`)).toBe(true);
    bar.clear();
    expect(stream.text.endsWith("\r\x1b[K")).toBe(true);
    const length = stream.text.length;
    bar.clear(); // nothing shown: nothing to erase
    expect(stream.text.length).toBe(length);
  });

  it("never writes to a stream that is not a terminal", () => {
    const stream = sink(false);
    const bar = progressBar(stream, 10, 10);
    for (let i = 0; i < 5000; i++) bar.unit();
    bar.clear();
    expect(stream.text).toBe("");
  });

  it("counts bytes across files", () => {
    const stream = sink(true);
    const bar = progressBar(stream, 200, 1);
    bar.file(100);
    bar.bytes(100);
    bar.file(100);
    bar.bytes(50);
    for (let i = 0; i < 500; i++) bar.unit();
    expect(stream.text).toContain("] 75%  500 units");
  });
});
