/**
 * Checks of percentile groups and of bands per unit group (RL370–RL378), with their
 * wording in English and Vietnamese.
 */
import { describe, expect, it } from "vitest";
import { compile } from "../../src/compile/compile.js";
import { checkCodes } from "./helpers.js";

const rubric = (blocks: string): string => `rubric "R" { area "1" "A" max 1 { input a: count in 0..1\n score = a }\n${blocks}\n}`;
const quartiles = (head: string, body: string): string => rubric(`bands${head} {\n${body}\n}`);
const PAPI = '"Cao" from percentile 75\n"TB cao" from percentile 50\n"TB thấp" from percentile 25\n"Thấp" otherwise';

describe("percentile groups (RL370–RL375)", () => {
  it("accept PAPI's quartiles, any method, from and above, and from percentile 0 as the last group", () => {
    for (const m of ["inc", "exc", "nearest"]) expect(checkCodes(quartiles(` by percentile ${m}`, PAPI))).toEqual([]);
    expect(checkCodes(quartiles(" by percentile inc", '"A" above percentile 50\n"B" from percentile 50\n"C" from percentile 0'))).toEqual([]);
  });

  it("name a misspelt word and the one meant (RL370)", () => {
    expect(checkCodes(quartiles(" by percentil inc", PAPI))).toEqual(["RL370@3:10"]);
    expect(checkCodes(quartiles(" by percentile incl", PAPI))).toEqual(["RL370@3:21"]);
    expect(checkCodes(quartiles(" by percentile inc", '"A" abov percentile 50\n"B" otherwise'))).toEqual(["RL370@4:5"]);
    const d = compile(quartiles(" by percentile incl", PAPI), { locale: "vi" }).diagnostics[0]!;
    expect(d.message).toBe("Không hiểu 'incl' ở đây; hãy viết 'nearest', 'inc' hoặc 'exc'.");
    expect(d.data?.suggestion).toBe("inc");
  });

  it("ask for the method when a block has percentile bands without one (RL371), and warn of a method unused (RL375)", () => {
    expect(checkCodes(quartiles("", PAPI))).toEqual(["RL371@4:1", "RL371@5:1", "RL371@6:1"]);
    expect(checkCodes(quartiles(" by percentile inc", '"A" when index >= 0.5\n"B" otherwise'))).toEqual(["RL375@3:10"]);
  });

  it("refuse a percentile above 100 (RL372)", () => {
    expect(checkCodes(quartiles(" by percentile inc", '"A" from percentile 120\n"B" otherwise'))).toEqual(["RL372@4:21"]);
  });

  it("find a group never reached: listed lowest first, the same cut-off twice, or after otherwise (RL373)", () => {
    expect(checkCodes(quartiles(" by percentile inc", '"A" from percentile 25\n"B" from percentile 75\n"C" otherwise'))).toEqual(["RL373@5:1"]);
    expect(checkCodes(quartiles(" by percentile inc", '"A" from percentile 50\n"B" above percentile 50\n"C" otherwise'))).toEqual(["RL373@5:1"]);
    const en = compile(quartiles(" by percentile inc", '"A" from percentile 25\n"B" from percentile 75\n"C" otherwise')).diagnostics[0]!;
    expect(en.message).toBe("This group can never be reached: every unit at or above percentile 75 is already in the group on line 4 (at or above percentile 25); list the groups from the highest percentile down, ending with otherwise.");
  });

  it("find units left without a group (RL374)", () => {
    expect(checkCodes(quartiles(" by percentile inc", '"A" from percentile 75\n"B" from percentile 25'))).toEqual(["RL374@5:1"]);
    const vi = compile(quartiles(" by percentile inc", '"A" from percentile 75\n"B" above percentile 25'), { locale: "vi" }).diagnostics[0]!;
    expect(vi.message).toContain("Các nhóm chưa bao hết mọi đơn vị");
    expect(vi.data?.suggestion).toBe('"…" otherwise');
  });
});

describe("bands per unit group (RL377, RL378)", () => {
  const so = 'bands in group "so" {\n"Nhóm I" when index >= 0.9\n"Nhóm II" otherwise\n}';
  const huyen = 'bands in group "huyen" {\n"Nhóm I" when index >= 0.8\n"Nhóm II" otherwise\n}';
  const rest = 'bands {\n"Khác" otherwise\n}';
  it("accept one block per group and one for the rest", () => {
    expect(checkCodes(rubric([so, huyen, rest].join("\n")))).toEqual([]);
  });
  it("report a group given two blocks, or two plain blocks (RL377)", () => {
    expect(checkCodes(rubric([so, huyen, so, rest].join("\n")))).toEqual(["RL377@11:16"]);
    expect(checkCodes(rubric([rest, rest].join("\n")))).toEqual(["RL377@6:1"]);
  });
  it("warn when units of other groups get no band, naming the groups covered (RL378)", () => {
    const [d] = compile(rubric([so, huyen].join("\n")), { locale: "vi" }).diagnostics;
    expect(d?.code).toBe("RL378");
    expect(d?.message).toBe(`Chỉ đơn vị thuộc nhóm "so", "huyen" được xếp loại; đơn vị thuộc nhóm khác, hoặc không có nhóm, sẽ không được xếp loại. Hãy thêm khối 'bands { … }' cho các đơn vị còn lại.`);
  });
});
