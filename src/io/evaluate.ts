/**
 * The public evaluation API: `evaluate(rubric, submission)` and `evaluateAll` —
 * validation (a validator compiled per rubric; when it does not accept the submission,
 * the issue-reporting one, which says what zod's schema would), the layers, then the
 * runtime: once for the final layer,
 * again for the self-assessed one when an appraisal layer exists.
 * Validation problems are returned as issues with their path; evaluation problems
 * as node errors in the result. Nothing here throws on any input.
 * @module
 */
import type { CompiledRubric } from "../compile/types.js";
import { Exact, text } from "../runtime/exact.js";
export type { ShownValue } from "../runtime/trace.js";
import { evaluateUnit } from "../runtime/evaluate.js";
import { needsCohort, type CohortFigures } from "../runtime/cohort-batch.js";
import { cohortOfSubmissions } from "./cohort-read.js";
import { eligibilityOf } from "../runtime/eligible.js";
import type { NodeResult, UnitInputs, UnitResult } from "../runtime/result.js";
import { shownValue, type ShownValue } from "../runtime/trace.js";
import type { Value } from "../runtime/values.js";
import { layered, type Layer } from "./layers.js";
import { notApplicableWarnings, type UnitWarning } from "./na-warnings.js";
export type { UnitWarning } from "./na-warnings.js";
import { compileParser } from "./fast-parse.js";
import { VALUE_MESSAGES_EN } from "./value-messages.js";
import { unitOfDraft } from "./cells.js";
import { nfc, respellEnums } from "./nfc.js";
import type { ParsedSubmission } from "./readers.js";
import { compileValidator, type Validated } from "./validate.js";
import { codedIssue, type SubmissionIssueCode } from "./issue-codes.js";
export type { SubmissionIssueCode } from "./issue-codes.js";

/**
 * A problem with a submission: where (a JSON path) and what, as data and in English.
 * @category Evaluate
 */
export interface SubmissionIssue {
  /** Path into the submission, e.g. `["self", "1.1.2", "done"]`. */
  readonly path: readonly (string | number)[];
  /** What is wrong and what to write instead, in English (`issueMessage` gives the Vietnamese). */
  readonly message: string;
  /** What kind of problem it is, stable across versions and languages (`"other"` for one not catalogued). */
  readonly code: SubmissionIssueCode;
  /** The figures and names the message shows, by name (`value`, `maximum`, `node`, …), as written in the data. */
  readonly args: Readonly<Record<string, string>>;
}

/**
 * A node's result with both layers.
 * @category Evaluate
 */
export interface LayeredNodeResult extends NodeResult {
  /** Points from the self-assessment alone, when it could be computed. */
  readonly selfPoints?: string;
  /** Final points minus self-assessed points. */
  readonly difference?: string;
  /** The final value of each input (and given points) with the layer it came from. */
  readonly values?: Readonly<Record<string, {
    /** The value (a number as exact text). */ readonly value: ShownValue;
    /** The layer it came from. */ readonly layer: Layer;
  }>>;
  /** The appraisal council's reason for its correction. */
  readonly reason?: string;
}

/**
 * Exact figures of a unit (decimal strings).
 * @category Evaluate
 */
export interface Figures {
  /** The total: tree points + bonus − penalty, never below 0, capped unless the rubric allows. */
  readonly points: string;
  /** The applicable maximum (excluded nodes dropped). */
  readonly max: string;
  /** Sum of the bonus blocks, each capped. */
  readonly bonus: string;
  /** Sum of the penalty blocks, each capped. */
  readonly penalty: string;
  /** The index formula's value, unrounded. */
  readonly index: string;
}

/**
 * An error of a unit: a node's (see the runtime's codes), or — `node` empty, code
 * `internal-error` — a failure of rubric-lang itself on this unit, which costs this
 * unit its figures and no other unit anything.
 * @category Evaluate
 */
export type UnitError = UnitResult["errors"][number] | {
  /** Always `""`: the failure is not a node's. */ readonly node: "";
  /** A failure of the evaluator itself (a bug of ours, reported as data). */ readonly code: "internal-error";
  /** What went wrong, in English. */ readonly message: string;
};

/**
 * A unit's result: the final figures at the top level (present when `complete`), the
 * self-assessed ones under `self`, and every evaluated node keyed by its id.
 * @category Evaluate
 */
export interface EvaluationResult extends Partial<Figures> {
  /** The unit. */
  readonly unit: UnitResult["unit"];
  /** The rubric it was scored with (id, version, fingerprint). */
  readonly rubric: UnitResult["rubric"];
  /** False when any node is in error: then there are no figures. */
  readonly complete: boolean;
  /** Every node error (and a failure of rubric-lang on the unit, if any). */
  readonly errors: readonly UnitError[];
  /** Published figures, rounded once as the rubric says. */
  readonly published?: {
    /** Total points, rounded once as the rubric's `publish` says. */ readonly points: string;
    /** The index, rounded once as the rubric's `publish` says. */ readonly index: string;
  };
  /** The self-assessed figures, when the self-assessment is complete. */
  readonly self?: Figures;
  /** Final points minus self-assessed points, when both are complete. */
  readonly difference?: string;
  /** Every evaluated node, bonus and penalty block, keyed by id. */
  readonly nodes: Readonly<Record<string, LayeredNodeResult>>;
  /** Values given but not used (for a node that does not apply to the unit), as data; absent when none. */
  readonly warnings?: readonly UnitWarning[];
  /**
   * Present when the ranking's `eligible when` condition is false for the unit (or
   * `undecided`: a fact it reads is missing): scored, but listed apart with the
   * rubric's reason and left out of every cohort.
   */
  readonly ineligible?: {
    /** The rubric's reason, as written after `eligible when …`. */
    readonly reason: string;
    /** Present when a fact the condition reads is missing, so eligibility could not be decided. */
    readonly undecided?: true;
  };
}

/**
 * Options of {@link evaluate}.
 * @category Evaluate
 */
export interface EvaluateOptions {
  /** Build each node's `trace` (how it was scored); without it, results carry no traces. */
  readonly explain?: boolean;
  /**
   * The batch's cohort figures (`gatherCohorts`; `evaluateAll` gathers them itself), for
   * a rubric with cohort figures. Without them such a rubric's cohort nodes are in error
   * (`needs-cohort`): one unit alone has no cohort.
   */
  readonly cohort?: CohortFigures;
}

/**
 * The outcome of {@link evaluate}. A refused submission keeps the unit it names (`unit`),
 * when its id could be read, so lists of refused units can name it.
 * @category Evaluate
 */
export type EvaluateOutcome =
  | {
      /** The submission was valid and scored. */ readonly ok: true;
      /** The result (it may still hold node errors). */ readonly result: EvaluationResult;
    }
  | {
      /** The submission was refused; nothing was scored. */ readonly ok: false;
      /** Every issue, with its JSON path. */ readonly issues: readonly SubmissionIssue[];
      /** The unit the submission names, when it can be read (for reports of refused units). */ readonly unit?: {
        /** The unit's id. */ readonly id: string;
        /** Its name, when given. */ readonly name?: string;
      };
    };

/** The unit a refused submission names (`unitOfDraft`), its id in NFC as results give it. */
function unitNamed(submission: unknown): { unit?: { id: string; name?: string } } {
  const unit = unitOfDraft(submission);
  return unit === undefined ? {} : { unit: { ...unit, id: nfc(unit.id) } };
}

/** A value as results show it, "" when it was not given. */
function shown(v: Value | undefined): ShownValue {
  return v === undefined ? "" : shownValue(v);
}

/** Per rubric, built once: the fast validator and the issue-reporting one. */
interface Readers {
  readonly parse: (submission: unknown) => ParsedSubmission | undefined;
  readonly validate: (submission: unknown) => Validated;
}

const readers = new WeakMap<CompiledRubric, Readers>();

function readersOf(rubric: CompiledRubric): Readers {
  let found = readers.get(rubric);
  if (found === undefined) {
    found = { parse: compileParser(rubric), validate: compileValidator(rubric) };
    readers.set(rubric, found);
  }
  return found;
}

/** `final − self`, exactly (both are canonical texts, so equal texts differ by 0). */
function difference(final: string, self: string): string {
  return final === self ? "0" : text(Exact.of(final).minus(Exact.of(self)));
}

type NodeInputs = UnitInputs["nodes"] extends ReadonlyMap<string, infer D> ? D : never;

/** The final value of each input (and given points) with its layer, by name. */
function valuesOf(sources: ReadonlyMap<string, Layer>, data: NodeInputs | undefined): NonNullable<LayeredNodeResult["values"]> {
  const names = [...sources.keys()].sort((a, b) => (a < b ? -1 : 1));
  const values: Record<string, { value: ShownValue; layer: Layer }> = {};
  for (const name of names) values[name] = { value: name === "points" ? data?.points ?? "" : shown(data?.inputs?.get(name)), layer: sources.get(name)! };
  return values;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * Validates and evaluates one unit's submission. Never throws.
 * @param rubric - a compiled rubric (from `compile` or `loadCompiled`)
 * @param submission - the unit's submission, as parsed JSON
 * @param options - `explain: true` to build every node's trace
 * @example
 * ```ts
 * import { compile, evaluate } from "rubric-lang";
 * const source = 'rubric "Demo" { area "1" "Chỉ đạo" max 10 { input done: count, planned: count; score = 10 * done / planned } }';
 * const compiled = compile(source);
 * if (compiled.ok) {
 *   const outcome = evaluate(compiled.rubric, { unit: { id: "a", name: "Sở A" }, self: { "1": { done: 8, planned: 10 } } });
 *   if (outcome.ok) console.log(outcome.result.published); // { points: "8.00", index: "80.00" }
 *   else console.error(outcome.issues); // e.g. [{ path: ["self", "1", "done"], message: … }]
 * }
 * ```
 * @category Evaluate
 */
export function evaluate(rubric: CompiledRubric, submission: unknown, options: EvaluateOptions = {}): EvaluateOutcome {
  let unit: ParsedSubmission["unit"] | undefined;
  try {
    const read = readSubmission(rubric, submission);
    if (!read.ok) return read;
    unit = read.data.unit;
    return { ok: true, result: evaluateRead(rubric, read.data, options) };
  } catch (error) {
    const message = VALUE_MESSAGES_EN.unitFault(error instanceof Error ? error.message : String(error));
    return unit === undefined ? { ok: false, issues: [codedIssue({ path: [], message })] } : { ok: true, result: unitInError(rubric, unit, message) };
  }
}

/**
 * A submission read: the data, or every issue with its path (and the unit it names, when readable).
 * @category Evaluate
 */
export type ReadOutcome =
  | {
      /** The submission is valid. */ readonly ok: true;
      /** What it says, validated and typed. */ readonly data: ParsedSubmission;
    }
  | {
      /** The submission was refused. */ readonly ok: false;
      /** Every issue, with its JSON path and code. */ readonly issues: readonly SubmissionIssue[];
      /** The unit the submission names, when it can be read. */ readonly unit?: {
        /** The unit's id. */ readonly id: string;
        /** Its name, when given. */ readonly name?: string;
      };
    };

/**
 * Reads and validates one submission, its unit's id and group in NFC. A refused
 * submission gives every issue with its path.
 * @param rubric - a compiled rubric
 * @param submission - the unit's submission, as parsed JSON
 * @category Evaluate
 */
export function readSubmission(rubric: CompiledRubric, submission: unknown): ReadOutcome {
  const { parse, validate } = readersOf(rubric);
  // The fast validator reads plain valid submissions; the other reads the rest and
  // says what is wrong.
  let data = parse(submission);
  if (data === undefined) {
    // An enum value typed in the other Unicode spelling (NFD) is the member it looks like.
    const respelled = respellEnums(rubric, submission);
    if (respelled !== undefined) {
      submission = respelled;
      data = parse(submission);
    }
  }
  if (data === undefined) {
    const validated = validate(submission);
    if (!validated.ok) return { ok: false, issues: validated.issues.map(codedIssue), ...unitNamed(submission) };
    data = validated.value;
  }
  // Unit ids and groups compare in NFC: two spellings of "Sở Nội vụ" are one unit.
  if (nfc(data.unit.id) !== data.unit.id || (data.unit.group !== undefined && nfc(data.unit.group) !== data.unit.group)) {
    data = { ...data, unit: { ...data.unit, id: nfc(data.unit.id), ...(data.unit.group === undefined ? {} : { group: nfc(data.unit.group) }) } };
  }
  return { ok: true, data };
}

/** The layers of a read submission, each reading the unit's cohort figures when there are any. */
function withCohort(data: ParsedSubmission, options: EvaluateOptions): ReturnType<typeof layered> {
  const inputs = layered(data);
  const cohort = options.cohort?.access(data.unit.group);
  if (cohort === undefined) return inputs;
  const final = { ...inputs.final, cohort };
  // Both layers are judged against the one cohort, gathered from the final figures.
  return { ...inputs, final, self: inputs.self === inputs.final ? final : { ...inputs.self, cohort } };
}

function evaluateRead(rubric: CompiledRubric, data: ParsedSubmission, options: EvaluateOptions): EvaluationResult {
  const inputs = withCohort(data, options);
  const runtime = options.explain === true ? { explain: true } : {};
  const final = evaluateUnit(rubric, inputs.final, runtime);
  // Without an appraisal layer both views are one object: the runtime, a pure
  // function of its inputs, would give the same result again.
  const self = inputs.self === inputs.final ? final : evaluateUnit(rubric, inputs.self, runtime);
  const selfPoints = new Map<string, string | undefined>();
  for (const n of self.nodes) selfPoints.set(n.id, n.points);
  const nodes: Record<string, LayeredNodeResult> = {};
  for (const n of final.nodes) {
    // The runtime's node objects are fresh and ours: extended in place, the keys in
    // the order the spread `{ ...n, selfPoints, difference, values, reason }` gives.
    const out = n as Mutable<LayeredNodeResult>;
    const s = selfPoints.get(n.id);
    const sources = inputs.sources.get(n.id);
    const reason = inputs.reasons.get(n.id);
    if (s !== undefined) {
      out.selfPoints = s;
      if (n.points !== undefined) out.difference = difference(n.points, s);
    }
    if (sources !== undefined) out.values = valuesOf(sources, inputs.final.nodes.get(n.id));
    if (reason !== undefined) out.reason = reason;
    nodes[n.id] = out;
  }
  const warnings = notApplicableWarnings(rubric, inputs.sources, nodes, new Set(Object.keys(data.notApplicable ?? {})));
  const eligibility = eligibilityOf(rubric, inputs.final.facts);
  const { figures, nodes: _list, ...rest } = final;
  return {
    ...rest,
    ...(figures ?? {}),
    ...(self.figures === undefined ? {} : { self: self.figures }),
    ...(figures === undefined || self.figures === undefined ? {} : { difference: difference(figures.points, self.figures.points) }),
    nodes,
    ...(warnings.length === 0 ? {} : { warnings }),
    ...(eligibility.eligible ? {} : { ineligible: { reason: eligibility.reason, ...(eligibility.undecided === true ? { undecided: true as const } : {}) } }),
  };
}

/**
 * A unit's result when rubric-lang itself failed on it (an exception while evaluating
 * or ranking it): incomplete, no figures, one `internal-error` saying what failed.
 * @param rubric - the rubric it was scored with
 * @param unit - the unit (id, name, group)
 * @param message - what failed
 */
export function unitInError(rubric: CompiledRubric, unit: { readonly id: string; readonly name?: string | undefined; readonly group?: string | undefined }, message: string): EvaluationResult {
  const { id, name, group } = unit;
  return {
    unit: { id, ...(name === undefined ? {} : { name }), ...(group === undefined ? {} : { group }) },
    rubric: { id: rubric.meta.id, ...(rubric.meta.version === undefined ? {} : { version: rubric.meta.version }), fingerprint: rubric.fingerprint },
    complete: false,
    errors: [{ node: "", code: "internal-error", message }],
    nodes: {},
  };
}

/**
 * Evaluates many units; each keeps going on its own, so an invalid or incomplete
 * unit — or one rubric-lang fails on — never hides the others' results. For a rubric
 * with cohort figures (`cohort.max(x)`) this is the batch API: the figures are gathered
 * over the units first (see docs/language.md, "Cohort figures"), then each unit is
 * evaluated against its cohort.
 * @param rubric - a compiled rubric
 * @param submissions - the units' submissions
 * @param options - `explain: true` for traces; `cohort` to use figures gathered already
 * @example
 * ```ts
 * import { compile, evaluateAll } from "rubric-lang";
 * const source = 'rubric "Demo" { area "1" "Chỉ đạo" max 10 { input done: count, planned: count; score = 10 * done / planned } }';
 * const submissions = [
 *   { unit: { id: "a", name: "Sở A" }, self: { "1": { done: 8, planned: 10 } } },
 *   { unit: { id: "b", name: "Sở B" }, self: { "1": { done: 9, planned: 10 } } },
 * ];
 * const compiled = compile(source);
 * if (compiled.ok) console.log(evaluateAll(compiled.rubric, submissions).map((o) => o.ok && o.result.published?.index)); // ["80.00", "90.00"]
 * ```
 * @category Evaluate
 */
export function evaluateAll(rubric: CompiledRubric, submissions: readonly unknown[], options: EvaluateOptions = {}): EvaluateOutcome[] {
  const cohort = options.cohort ?? (needsCohort(rubric) ? cohortOfSubmissions(rubric, submissions) : undefined);
  const each = cohort === undefined ? options : { ...options, cohort };
  return submissions.map((s) => evaluate(rubric, s, each));
}
