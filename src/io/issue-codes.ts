/**
 * What each submission issue is about, as data: a stable code and named arguments,
 * read from the English message validation gives (the wording zod would give, which
 * the library's API promises). Kept apart from the Vietnamese wording
 * (`issue-wording.ts`) so the runtime entry carries only the patterns. Pure.
 * @module
 */

/**
 * What a submission issue is about, stable across versions and languages: the data
 * an application tests instead of the English wording.
 * @category Evaluate
 */
export type SubmissionIssueCode =
  | "not-whole" | "negative-count" | "below-minimum" | "above-maximum" | "not-exact" | "points-out-of-range"
  | "not-a-step" | "not-a-number" | "integer-too-large" | "decimal-comma" | "not-a-decimal" | "wrong-kind"
  | "missing" | "not-the-value" | "not-an-option" | "unknown-key" | "too-long" | "too-big" | "no-unit-id"
  | "not-a-date" | "exponent" | "too-many-digits" | "thousands-separator" | "not-yes-no" | "rank-not-whole"
  | "rank-below-one" | "listed-twice" | "ambiguous-number" | "other";

/** One kind of issue: the key of its wording, its code, the English pattern (groups: the arguments, in the order named). */
interface IssueKind {
  readonly key: string;
  readonly code: SubmissionIssueCode;
  readonly pattern: RegExp;
  readonly args: readonly string[];
}

/** Every English message validation gives; the first pattern that matches is the one. */
const KINDS: readonly IssueKind[] = [
  { key: "not-whole", code: "not-whole", pattern: /^(.+) is not a whole number \((\w+)\)$/, args: ["value", "type"] },
  { key: "negative-count", code: "negative-count", pattern: /^(.+) is negative; a count is 0 or more$/, args: ["value"] },
  { key: "below-minimum", code: "below-minimum", pattern: /^(.+) is below the minimum (.+)$/, args: ["value", "minimum"] },
  { key: "above-maximum", code: "above-maximum", pattern: /^(.+) is above the maximum (.+)$/, args: ["value", "maximum"] },
  { key: "not-exact", code: "not-exact", pattern: /^(.+) is not a number that can be read exactly$/, args: ["value"] },
  { key: "points-out-of-range", code: "points-out-of-range", pattern: /^(.+) is outside 0\.\.(.+), the points "(.+)" can give$/, args: ["value", "maximum", "node"] },
  { key: "not-a-step", code: "not-a-step", pattern: /^(.+) is not a multiple of the step (.+)$/, args: ["value", "step"] },
  { key: "not-a-number", code: "not-a-number", pattern: /^(.+) is not a number; write a decimal such as 12\.5$/, args: ["value"] },
  { key: "integer-too-large", code: "integer-too-large", pattern: /^this whole number is too large to be read exactly from JSON; write it as a string, e\.g\. "(\d+)"$/, args: ["value"] },
  { key: "decimal-comma", code: "decimal-comma", pattern: /^"(.*)" uses a decimal comma; write "(.*)"$/, args: ["value", "fixed"] },
  { key: "not-a-decimal", code: "not-a-decimal", pattern: /^"(.*)" is not a decimal number; write digits with an optional dot, e\.g\. "12\.5"$/s, args: ["value"] },
  { key: "wrong-kind", code: "wrong-kind", pattern: /^expected a number, got (.+)$/, args: ["received"] },
  { key: "missing", code: "missing", pattern: /^Invalid input: expected (\w+), received undefined$/, args: ["expected"] },
  { key: "wrong-kind.received", code: "wrong-kind", pattern: /^Invalid input: expected (\w+), received (-?\w+)$/, args: ["expected", "received"] },
  { key: "not-the-value", code: "not-the-value", pattern: /^Invalid input: expected "(.*)"$/, args: ["expected"] },
  { key: "not-an-option", code: "not-an-option", pattern: /^Invalid option: expected one of (.+)$/, args: ["options"] },
  { key: "unknown-key", code: "unknown-key", pattern: /^Unrecognized keys?: (.+)$/, args: ["keys"] },
  { key: "too-long", code: "too-long", pattern: /^Too big: expected string to have <=(\d+) characters$/, args: ["maximum"] },
  { key: "too-big", code: "too-big", pattern: /^Too big: expected (.+)$/, args: ["expected"] },
  { key: "no-unit-id", code: "no-unit-id", pattern: /^a unit needs an id$/, args: [] },
  { key: "not-a-date", code: "not-a-date", pattern: /^expected a real date written YYYY-MM-DD$/, args: [] },
  { key: "exponent", code: "exponent", pattern: /^(.+) uses exponent notation; write it as a decimal(?:: (.+)| \(.*\))$/, args: ["value", "decimal"] },
  { key: "too-many-digits", code: "too-many-digits", pattern: /^(.+) is outside the numbers read: .*$/, args: ["value"] },
  // Last period's ranking (io/previous.ts).
  { key: "rank-not-whole", code: "rank-not-whole", pattern: /^a rank is a whole number$/, args: [] },
  { key: "rank-below-one", code: "rank-below-one", pattern: /^a rank is 1 or more$/, args: [] },
  { key: "listed-twice", code: "listed-twice", pattern: /^the unit "(.*)" is listed twice \(first on row (\d+)\); list each unit once$/s, args: ["unit", "firstRow"] },
  // Cells of tables and forms (io/cells.ts).
  { key: "thousands-separator", code: "thousands-separator", pattern: /^"(.*)" has thousands separators; write the number without them, e\.g\. .*$/s, args: ["value"] },
  { key: "decimal-comma.cell", code: "decimal-comma", pattern: /^"(.*)" uses a decimal comma; write .*$/s, args: ["value"] },
  { key: "not-a-number.cell", code: "not-a-number", pattern: /^"(.*)" is not a number; write digits .*$/s, args: ["value"] },
  { key: "not-a-date.cell", code: "not-a-date", pattern: /^"(.*)" is not a real date; write .*$/s, args: ["value"] },
  { key: "not-yes-no", code: "not-yes-no", pattern: /^"(.*)" is not yes or no; .*$/s, args: ["value"] },
  { key: "ambiguous-dot", code: "ambiguous-number", pattern: /^"(.*)" is ambiguous: the dot may group thousands or mark decimals; write (.+) or (.+)$/s, args: ["value", "grouped", "decimal"] },
  { key: "ambiguous-comma", code: "ambiguous-number", pattern: /^"(.*)" is ambiguous: the comma may group thousands or mark decimals; write (.+) or (.+)$/s, args: ["value", "grouped", "decimal"] },
  { key: "ambiguous-marks", code: "ambiguous-number", pattern: /^"(.*)" is ambiguous: it has both a comma and a dot; .*$/s, args: ["value"] },
  // The same three as a Vietnamese data file words them (io/cells.ts reads in the data's language).
  { key: "ambiguous-vi", code: "ambiguous-number", pattern: /^"(.*)" có hai cách hiểu.*$/s, args: ["value"] },
  { key: "not-an-option.cell", code: "not-an-option", pattern: /^"(.*)" is not one of (.+)$/s, args: ["value", "options"] },
];

/** `element 3: …` (a list's third value, as a cell of a table writes it): the inner message is the issue. */
export const ELEMENT = /^element (\d+): (.+)$/s;

/**
 * The kind of issue an English message is, with its regular-expression groups; undefined
 * for a message no pattern knows.
 * @param message - the English message (not an `element n:` one)
 */
export function matchIssue(message: string): { readonly kind: IssueKind; readonly groups: readonly (string | undefined)[] } | undefined {
  for (const kind of KINDS) {
    const m = kind.pattern.exec(message);
    if (m !== null) return { kind, groups: m.slice(1) };
  }
  return undefined;
}

/**
 * What an issue's English message says, as data: its code and named arguments (an
 * issue on a list's value in a cell carries `element`, counted from 1).
 * @param message - the English message validation gave
 */
export function issueCodeOf(message: string): { readonly code: SubmissionIssueCode; readonly args: Readonly<Record<string, string>> } {
  const element = ELEMENT.exec(message);
  if (element !== null) {
    const inner = issueCodeOf(element[2]!);
    return { code: inner.code, args: { ...inner.args, element: element[1]! } };
  }
  const found = matchIssue(message);
  if (found === undefined) return { code: "other", args: {} };
  return { code: found.kind.code, args: Object.fromEntries(found.kind.args.flatMap((name, i) => (found.groups[i] === undefined ? [] : [[name, found.groups[i]!]]))) };
}

/**
 * An issue with its code and arguments filled in from its English message.
 * @param issue - path and message, as validation made it
 */
export function codedIssue(issue: { readonly path: readonly (string | number)[]; readonly message: string }): { readonly path: readonly (string | number)[]; readonly message: string; readonly code: SubmissionIssueCode; readonly args: Readonly<Record<string, string>> } {
  return { path: issue.path, message: issue.message, ...issueCodeOf(issue.message) };
}
