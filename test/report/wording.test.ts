import { describe, expect, it } from "vitest";
import { issueMessage, placeText } from "../../src/io/issue-wording.js";
import { percentText, stepText, traceText } from "../../src/report/trace-text.js";
import { nodeErrorText, unitErrorsText } from "../../src/report/unit-errors.js";
import { rubricOf } from "../runtime/helpers.js";
import { renderRanking } from "../../src/report/render.js";
import type { RankResult } from "../../src/rank/types.js";

describe("explanations as sentences", () => {
  it("shows a band on a quotient as the decision reads it: 152340/152400 = ≈ 99,96 % ≥ 90 %", () => {
    const step = { step: "band", arm: 2, subject: "2539/2540", cmp: "ge", threshold: "0.9", percent: true, ratio: { numerator: "152340", denominator: "152400" } } as const;
    expect(stepText(step, "vi")).toBe("152340/152400 = ≈ 99,96 % ≥ 90 %: đạt mức 2");
    expect(stepText(step, "en")).toBe("152340/152400 = ≈ 99.96 % ≥ 90 %: band 2");
    expect(percentText("0.875", "vi")).toBe("87,5 %");
  });

  it("shows a let that is a share of a whole as its percentage too, and other quotients as they are", () => {
    const share = { step: "let", name: "ty_le", value: "2539/2540", ratio: { numerator: "152340", denominator: "152400" } } as const;
    expect(stepText(share, "vi")).toBe("ty_le = 152340/152400 = ≈ 99,96 %");
    expect(stepText(share, "en")).toBe("ty_le = 152340/152400 = ≈ 99.96 %");
    expect(stepText({ step: "let", name: "du", value: "0.5", ratio: { numerator: "1", denominator: "2" } }, "vi")).toBe("du = 1/2 = 50 %");
    // More than the whole, or a side that is not a whole number: no percentage is claimed.
    expect(stepText({ step: "let", name: "may_moi_nguoi", value: "1.5", ratio: { numerator: "3", denominator: "2" } }, "vi")).toBe("may_moi_nguoi = 3/2");
    expect(stepText({ step: "let", name: "x", value: "0.25", ratio: { numerator: "0.5", denominator: "2" } }, "vi")).toBe("x = 0,5/2");
  });

  it("goes on from a let's percentage to the band it decided, without repeating the figure", () => {
    const steps = [
      { step: "let", name: "ty_le", value: "2539/2540", ratio: { numerator: "152340", denominator: "152400" } },
      { step: "band", arm: 2, subject: "2539/2540", cmp: "ge", threshold: "0.9", percent: true },
      { step: "rule", value: "1" },
    ] as const;
    expect(traceText(steps, "vi")).toBe("ty_le = 152340/152400 = ≈ 99,96 % ≥ 90 %: đạt mức 2; được 1 điểm");
    expect(traceText([steps[0], { step: "band-else", subject: "2539/2540", percent: true }], "en")).toBe("ty_le = 152340/152400 = ≈ 99.96 %: below every band");
  });

  it("says what a node not arising gets, and the points as points", () => {
    expect(traceText([{ step: "declared", reason: "Không có hồ sơ" }], "vi", "full")).toBe('Không phát sinh (đơn vị khai báo: "Không có hồ sơ"): được điểm tối đa');
    expect(traceText([{ step: "rule", value: "2.5" }], "vi")).toBe("được 2,5 điểm");
    expect(traceText([{ step: "aggregate", method: "sum", count: 6, excluded: 0, value: "8.5" }], "vi")).toBe("Tổng 6 tiêu chí thành phần: 8,5 điểm");
  });
});

describe("errors in the reader's language", () => {
  const rubric = rubricOf('rubric "R" { area "1" "A" max 2 { input so_hs "Số hồ sơ đúng hạn": count\n score = min(so_hs, 2) } }');

  it("names the root cause first, by the input's label, and what it brought down after", () => {
    const errors = [
      { node: "1", code: "depends-on-error", message: '"1": depends on "1.1", which is in error', args: { node: "1.1" } },
      { node: "1", code: "missing-input", message: "input 'so_hs' is missing", args: { input: "so_hs" } },
    ] as const;
    expect(unitErrorsText(errors, rubric, "vi")).toBe("thiếu số liệu “Số hồ sơ đúng hạn” (so_hs) tại tiêu chí 1; do đó không tính được: 1");
    expect(nodeErrorText({ node: "3.1", code: "missing-input", message: "", args: { input: "points" } }, undefined, "vi")).toBe("chưa có điểm chấm của tiêu chí 3.1");
  });

  it("words every submission issue in Vietnamese, with decimal commas and places a person reads", () => {
    expect(issueMessage("105.5 is above the maximum 100", "vi")).toBe("105,5 lớn hơn giá trị lớn nhất cho phép (100)");
    expect(issueMessage('Unrecognized keys: "x", "y"', "vi")).toBe('"x", "y" không có trong bộ tiêu chí (kiểm tra lại mã tiêu chí hoặc tên đầu vào)');
    expect(issueMessage("Invalid input: expected number, received undefined", "vi")).toBe("thiếu giá trị (cần một số)");
    expect(placeText(["survey", "8.1", "tra_loi", 1], undefined, "vi")).toBe("điều tra, tiêu chí 8.1, 'tra_loi', giá trị thứ 2");
    expect(placeText(["self", "1", "so_hs"], rubric, "vi")).toBe("tự đánh giá, tiêu chí 1, “Số hồ sơ đúng hạn” (so_hs)");
  });
});

describe("the ranked table's maximum column", () => {
  it("shows a maximum that does not end (10/3) at the published precision, one that ends as written", () => {
    const row = (id: string, max: string, points: string) => ({ unit: { id }, group: "", rank: 1, of: 2, tied: false, index: points, points, max, published: { points, index: points } });
    const ranking = { rows: [row("a", "10/3", "3.33"), row("b", "97.5", "90.00")], unranked: [] } as unknown as RankResult;
    const text = renderRanking(ranking, "text", "vi", "R");
    expect(text).toContain("3,33");
    expect(text).toContain("97,5");
    expect(text).not.toContain("≈");
  });
});
