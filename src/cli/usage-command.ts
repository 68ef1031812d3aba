/**
 * A commander `Command` whose usage errors come from the CLI's message catalogue, so
 * `--lang vi` words them in Vietnamese too. commander builds each error's English text
 * before it calls `error()` with a stable code; this reads the parts back from that
 * text (its wording is fixed for the pinned commander) and words the message again.
 * @module
 */
import { Command, type ErrorOptions } from "commander";
import type { Locale } from "../diagnostics.js";
import { type Conflicting, USAGE_MESSAGES as M } from "./usage-messages.js";

/** A `Command` (and every subcommand it creates) that words usage errors in `locale`. */
export class UsageCommand extends Command {
  /**
   * @param name - the command's name
   * @param locale - the language of usage errors
   */
  constructor(name: string | undefined, readonly locale: Locale) {
    super(name);
  }

  /** Subcommands word their errors in the same language. */
  override createCommand(name?: string): Command {
    return new UsageCommand(name, this.locale);
  }

  /** Prints the error in this command's language, then exits as commander does. */
  override error(text: string, options?: ErrorOptions): never {
    return super.error(usageText(this, text, options?.code, this.locale) ?? text, options);
  }
}

/** `rubric` or `rubric score`. */
const commandLine = (command: Command): string => (command.parent === null ? command.name() : `rubric ${command.name()}`);

/** commander's "did you mean" line at the end of an error: the names, and the text before it. */
function suggestionOf(text: string): { head: string; names: readonly string[] } {
  const found = /\n\(Did you mean (?:one of )?(.*)\?\)$/s.exec(text);
  return found === null ? { head: text, names: [] } : { head: text.slice(0, found.index), names: found[1]!.split(", ") };
}

const conflicting = (kind: string, name: string): Conflicting => (kind === "option" ? { option: name } : { variable: name });

/**
 * A commander usage error worded in `locale`, or undefined when the text is not one
 * of the shapes known here (it is then printed as commander wrote it).
 * @param command - the command that reports the error
 * @param text - commander's English message
 * @param code - commander's error code (`commander.unknownOption`, …)
 * @param locale - message language
 */
export function usageText(command: Command, text: string, code: string | undefined, locale: Locale): string | undefined {
  const { head, names } = suggestionOf(text);
  const didYouMean = (isCommand: boolean): string => (names.length === 0 ? "" : `\n${M.didYouMean(locale, names, isCommand)}`);
  let m: RegExpExecArray | null;
  switch (code) {
    case "commander.unknownOption":
      m = /^error: unknown option '(.*)'$/s.exec(head);
      return m === null ? undefined : M.unknownOption(locale, commandLine(command), m[1]!) + didYouMean(false);
    case "commander.unknownCommand":
      m = /^error: unknown command '(.*)'$/s.exec(head);
      return m === null ? undefined : M.unknownCommand(locale, m[1]!) + didYouMean(true);
    case "commander.missingArgument": {
      m = /^error: missing required argument '(.*)'$/s.exec(text);
      const name = m?.[1];
      const declared = command.registeredArguments.find((a) => a.name() === name);
      return m === null ? undefined : M.missingArgument(locale, commandLine(command), name!, declared?.variadic === true);
    }
    case "commander.optionMissingArgument": {
      m = /^error: option '(.*)' argument missing$/s.exec(text);
      const flags = m?.[1];
      return m === null ? undefined : M.optionMissingValue(locale, flags!, command.options.find((o) => o.flags === flags)?.argChoices ?? []);
    }
    case "commander.missingMandatoryOptionValue":
      m = /^error: required option '(.*)' not specified$/s.exec(text);
      return m === null ? undefined : M.missingOption(locale, commandLine(command), m[1]!);
    case "commander.conflictingOption":
      m = /^error: (option|environment variable) '([^']*)' cannot be used with (option|environment variable) '([^']*)'$/s.exec(text);
      return m === null ? undefined : M.conflictingOptions(locale, conflicting(m[1]!, m[2]!), conflicting(m[3]!, m[4]!));
    case "commander.excessArguments":
      m = /^error: too many arguments(?: for '(.*)')?\. Expected (\d+) arguments? but got (\d+)\.$/s.exec(text);
      return m === null ? undefined : M.tooManyArguments(locale, m[1], Number(m[2]), Number(m[3]));
    case "commander.invalidArgument": {
      m = /^error: option '([^']*)' argument '(.*)' is invalid\. (.*)$/s.exec(text);
      if (m === null) return undefined;
      const choices = /^Allowed choices are (.*)\.$/s.exec(m[3]!);
      return M.invalidOptionValue(locale, m[1]!, m[2]!, choices === null ? m[3]! : M.choices(locale, choices[1]!.split(", ")));
    }
    default:
      return undefined;
  }
}
