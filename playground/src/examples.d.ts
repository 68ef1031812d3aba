/** The repository's examples, embedded by build.mjs (the page opens from a file, so it cannot fetch them). */
declare module "playground:examples" {
  /** One example: its folder name, its rubric's title and text, and one unit's submission. */
  export interface Example {
    readonly name: string;
    readonly title: string;
    readonly rubric: string;
    readonly submission: unknown;
  }
  /** Every example, the department PAR INDEX first. */
  export const EXAMPLES: readonly Example[];
}
