/** The repository's examples, embedded by build.mjs (the page opens from a file, so it cannot fetch them). */
declare module "playground:examples" {
  /** One example: its folder name, its rubric's title and text, one unit's submission, and for a rubric with cohort figures the other units' (its cohort). */
  export interface Example {
    readonly name: string;
    readonly title: string;
    readonly rubric: string;
    readonly submission: unknown;
    readonly others: readonly unknown[];
  }
  /** Every example, the department PAR INDEX first. */
  export const EXAMPLES: readonly Example[];
}
