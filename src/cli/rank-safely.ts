/**
 * The per-unit safety net of ranking: should `rank` throw on a batch (a figure it
 * cannot turn into a key), each scored unit is ranked alone to find the ones it fails
 * on; those are put in error with the failure's message, and the others are ranked as
 * usual. Costs nothing when ranking succeeds.
 * @module
 */
import type { CompiledRubric } from "../compile/types.js";
import type { Locale } from "../diagnostics.js";
import { unitInError, type EvaluateOutcome } from "../io/evaluate.js";
import { VALUE_MESSAGES } from "../io/value-messages.js";
import { rank } from "../rank/rank.js";
import type { RankOptions, RankResult } from "../rank/types.js";

const reason = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * Ranks the outcomes; a unit ranking fails on is listed apart, in error, instead of
 * costing every unit the table. Throws only if ranking still fails without them.
 * @param rubric - the rubric
 * @param outcomes - the units' outcomes
 * @param options - ranking options (last period's table)
 * @param locale - language of the failure message
 */
export function rankSafely(rubric: CompiledRubric, outcomes: readonly EvaluateOutcome[], options: RankOptions, locale: Locale): RankResult {
  try {
    return rank(rubric, outcomes, options);
  } catch {
    const checked = outcomes.map((o): EvaluateOutcome => {
      if (!o.ok || !o.result.complete) return o;
      try {
        rank(rubric, [o], options);
        return o;
      } catch (error) {
        return { ok: true, result: unitInError(rubric, o.result.unit, VALUE_MESSAGES.unitFault(locale, reason(error))) };
      }
    });
    return rank(rubric, checked, options);
  }
}
