import { InvalidArgumentError, type Argument, type Command, type Option } from 'commander';
import { editDistance } from '../core/edit-distance.js';

/**
 * One problem with a command line, as a catalogue code and its parameters.
 *
 * @example
 * const problem: UsageProblem = { code: 'cli-usage-unknown-option', params: { name: '--grpah', suggestion: '--graph' } };
 */
export interface UsageProblem {
  readonly code: string;
  readonly params: Readonly<Record<string, string>>;
}

/**
 * Every problem found in a command line, and the command it is for (`zerenzhi assess`, or
 * `zerenzhi` when no command could be read).
 *
 * @example
 * const audit: UsageAudit = { command: 'zerenzhi assess', problems: [] };
 */
export interface UsageAudit {
  readonly command: string;
  readonly problems: readonly UsageProblem[];
}

/** Options that make commander print something and stop: whatever else is wrong does not matter. */
const STOPPING_FLAGS: ReadonlySet<string> = new Set(['-h', '--help', '-V', '--version']);

const looksLikeOption = (token: string): boolean => token.length > 1 && token.startsWith('-');

const takesValue = (option: Option): boolean => option.required || option.optional;

/** Options that take one value, each may be given once; gathering options and switches may repeat. */
export type RepeatsAllowed = (option: Option) => boolean;

// Commander's own rule for "did you mean": the closest names within 3 edits that keep more than
// 40% of the longer word, all of them on a tie; option names compared without their dashes.
function similarWords(word: string, candidates: Iterable<string>, prefix = ''): string {
  let best = 3;
  let similar: string[] = [];
  for (const name of new Set(candidates)) {
    if (name.length <= 1) continue;
    const distance = editDistance(word, name);
    const length = Math.max(word.length, name.length);
    if ((length - distance) / length <= 0.4) continue;
    if (distance < best) {
      best = distance;
      similar = [name];
    } else if (distance === best) similar.push(name);
  }
  return similar
    .sort()
    .map((name) => `${prefix}${name}`)
    .join(', ');
}

const similarFlags = (flag: string, options: readonly Option[]): string =>
  similarWords(flag.slice(2), options.flatMap((o) => (o.long === undefined ? [] : [o.long.slice(2)])), '--');

// A value checked as commander checks it: its choices, or its own parser.
function valueProblem(subject: Option | Argument, name: string, value: string, previous: unknown): UsageProblem | undefined {
  const choices = subject.argChoices;
  if (choices !== undefined && !choices.includes(value)) return { code: 'cli-usage-invalid-choice', params: { name, value, allowed: choices.join(', ') } };
  if (subject.parseArg === undefined || choices !== undefined) return undefined;
  try {
    subject.parseArg(value, previous);
    return undefined;
  } catch (error) {
    if (error instanceof InvalidArgumentError) return { code: 'cli-usage-invalid-value', params: { name, value, reason: error.message } };
    throw error;
  }
}

// What `Option.conflicts()` recorded: a field commander keeps (since version 9) but does not
// declare in its types. A test of the audit sees a conflict found, so a commander that renamed
// it would fail there.
const conflictsOf = (option: Option): readonly string[] => (option as Option & { readonly conflictsWith?: readonly string[] }).conflictsWith ?? [];

interface Scan {
  readonly problems: UsageProblem[];
  readonly given: Map<Option, number>;
  readonly positionals: string[];
  unknownOptions: number;
  stopped: boolean;
}

// Reads tokens from `start` as the options of `options`, until `until` says a token ends them
// (the command's name, for the program's own options). Returns the index it stopped at.
function scanOptions(tokens: readonly string[], start: number, options: readonly Option[], scan: Scan, repeats: RepeatsAllowed, until?: (token: string) => boolean): number {
  const byFlag = new Map<string, Option>();
  for (const option of options) {
    if (option.long !== undefined) byFlag.set(option.long, option);
    if (option.short !== undefined) byFlag.set(option.short, option);
  }
  let i = start;
  for (; i < tokens.length; i++) {
    const token = tokens[i] as string;
    if (token === '--') {
      if (until !== undefined) return i;
      scan.positionals.push(...tokens.slice(i + 1));
      return tokens.length;
    }
    if (!looksLikeOption(token)) {
      if (until?.(token)) return i;
      scan.positionals.push(token);
      continue;
    }
    if (STOPPING_FLAGS.has(token)) scan.stopped = true;
    const equals = token.startsWith('--') ? token.indexOf('=') : -1;
    const flag = equals >= 0 ? token.slice(0, equals) : token;
    const option = byFlag.get(flag);
    if (option === undefined) {
      if (STOPPING_FLAGS.has(flag)) continue;
      scan.unknownOptions++;
      scan.problems.push({ code: 'cli-usage-unknown-option', params: { name: flag, suggestion: flag.startsWith('--') ? similarFlags(flag, options) : '' } });
      // `--grpah g.json`: the word after an unknown option is taken as its value, not as an argument.
      const next = tokens[i + 1];
      if (equals < 0 && next !== undefined && next !== '--' && !looksLikeOption(next) && !until?.(next)) i++;
      continue;
    }
    const count = (scan.given.get(option) ?? 0) + 1;
    scan.given.set(option, count);
    if (count === 2 && takesValue(option) && !repeats(option)) scan.problems.push({ code: 'cli-usage-repeated', params: { option: flag } });
    if (!takesValue(option)) continue;
    let value: string | undefined;
    if (equals >= 0) value = token.slice(equals + 1);
    else if (option.required) value = tokens[++i];
    else if (tokens[i + 1] !== undefined && !looksLikeOption(tokens[i + 1] as string)) value = tokens[++i];
    if (value === undefined) {
      if (option.required) scan.problems.push({ code: 'cli-usage-option-missing-argument', params: { name: option.flags } });
      continue;
    }
    const problem = valueProblem(option, option.flags, value, undefined);
    if (problem) scan.problems.push(problem);
  }
  return i;
}

/**
 * Every problem in a command line at once, where commander stops at the first: unknown
 * commands and options (with commander's "did you mean"), options without their value, values
 * outside an option's or argument's choices or refused by its parser, an option that takes one
 * value given twice, options that conflict, required options and arguments left out, and too
 * many arguments. In the order of the words, then what is missing. `repeats` says which options
 * may be given many times (those that gather their values). Empty when help or the version was
 * asked for, for `help`, and when no command was given: commander answers those itself.
 *
 * @example
 * auditUsage(program, ['assess', '--grpah', 'g.json', '--format', 'pdf'], repeats).problems.map((p) => p.code);
 * // ['cli-usage-unknown-option', 'cli-usage-invalid-choice', 'cli-usage-missing-option', ...]
 */
export function auditUsage(program: Command, argv: readonly string[], repeats: RepeatsAllowed): UsageAudit {
  const scan: Scan = { problems: [], given: new Map(), positionals: [], unknownOptions: 0, stopped: false };
  const names = new Map<string, Command>();
  for (const command of program.commands) for (const name of [command.name(), ...command.aliases()]) names.set(name, command);
  const start = scanOptions(argv, 0, program.options, scan, repeats, () => true);
  const name = argv[start];
  if (name === undefined || name === '--' || name === 'help' || scan.stopped) return { command: 'zerenzhi', problems: scan.stopped ? [] : scan.problems };
  const command = names.get(name);
  if (command === undefined) {
    const suggestion = similarWords(name, [...names.keys(), 'help']);
    return { command: 'zerenzhi', problems: [...scan.problems, { code: 'cli-usage-unknown-command', params: { name, suggestion } }] };
  }
  // The program's options (--lang) may come after the command too.
  scanOptions(argv, start + 1, [...command.options, ...program.options], scan, repeats);
  const label = `zerenzhi ${command.name()}`;
  if (scan.stopped) return { command: label, problems: [] };
  const { problems, given, positionals } = scan;
  const conflicts = new Set<string>();
  for (const option of given.keys()) {
    for (const other of conflictsOf(option)) {
      const conflicting = [...given.keys()].find((o) => o.attributeName() === other);
      const pair = conflicting && [option.flags, conflicting.flags].sort().join('\n');
      if (conflicting === undefined || pair === undefined || conflicts.has(pair)) continue;
      conflicts.add(pair);
      problems.push({ code: 'cli-usage-conflict', params: { a: option.flags, b: conflicting.flags } });
    }
  }
  for (const option of command.options) if (option.mandatory && !given.has(option)) problems.push({ code: 'cli-usage-missing-option', params: { name: option.flags } });
  const declared = command.registeredArguments;
  declared.forEach((argument, index) => {
    const value = positionals[index];
    if (value === undefined) {
      if (argument.required) problems.push({ code: 'cli-usage-missing-argument', params: { name: argument.name() } });
      return;
    }
    const problem = valueProblem(argument, argument.name(), value, argument.defaultValue);
    if (problem) problems.push(problem);
  });
  // Words after an unknown option may have been its values: too many arguments is then not known.
  const variadic = declared.some((argument) => argument.variadic);
  if (!variadic && positionals.length > declared.length && scan.unknownOptions === 0) {
    problems.push({ code: 'cli-usage-excess-arguments', params: { expected: String(declared.length), received: String(positionals.length) } });
  }
  return { command: label, problems };
}
