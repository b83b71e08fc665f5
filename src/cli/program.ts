import { Command, InvalidArgumentError, Option, type Argument, type Help } from 'commander';
import { parseCalendarDate } from '../core/calendar.js';
import type { Lang } from '../core/lang.js';
import { ORGANIZATION_KINDS, type OrganizationKind } from '../model/graph.js';
import { ENGINE_VERSION } from '../version.js';
import { say, UsageError, type CliIo, type CommandContext } from './io.js';
import { auditUsage, type UsageAudit } from './usage-audit.js';

/**
 * A command's work: its options and positional arguments in, an exit code out.
 *
 * @example
 * const run: CommandRun<{ strict?: boolean }> = async (options, context) => (options.strict ? 1 : 0);
 */
export type CommandRun<T> = (options: T, context: CommandContext, args: readonly string[]) => Promise<number>;

/**
 * What the command files need to add their commands to the program.
 *
 * @example
 * env.command(program, 'lint', say('cli-help-lint', env.helpLang)).action(env.action(runLint));
 */
export interface ProgramEnv {
  readonly io: CliIo;
  /** The language of help texts (see {@link requestedLang}). */
  readonly helpLang: Lang;
  /** Adds a subcommand configured like the program (output, help, errors). */
  readonly command: (parent: Command, name: string, description: string) => Command;
  /** Wraps a command's work as a commander action that records the exit code. */
  readonly action: <T>(run: CommandRun<T>) => (...params: unknown[]) => Promise<void>;
}

/**
 * What a parse leaves behind: the exit code and the command that ran or failed.
 *
 * @example
 * const state: ProgramState = { exitCode: 0, command: 'zerenzhi' };
 */
export interface ProgramState {
  exitCode: number;
  /** `zerenzhi assess`, ... for the hint after a usage error. */
  command: string;
  /** The arguments as given, for what commander does not say (an option given twice). */
  readonly argv: readonly string[];
  /** The commands' names, once added. */
  commands: readonly string[];
}

/**
 * The language asked for with `--lang` anywhere in the arguments, for help texts (which are
 * written before commander parses); `zh` otherwise. Commander parses and checks `--lang` itself.
 *
 * @example
 * requestedLang(['assess', '--help', '--lang', 'en']); // 'en'
 */
export function requestedLang(argv: readonly string[]): Lang {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--') break;
    const value = arg === '--lang' ? argv[i + 1] : arg.startsWith('--lang=') ? arg.slice('--lang='.length) : undefined;
    if (value === 'en' || value === 'zh') return value;
  }
  return 'zh';
}

/**
 * An option parser for `YYYY-MM-DD` dates that exist.
 *
 * @example
 * new Option('--as-of <date>').argParser(parseDate('zh'));
 */
export function parseDate(lang: Lang): (value: string) => string {
  return (value) => {
    if (parseCalendarDate(value) === undefined) throw new InvalidArgumentError(say('cli-reason-date', lang));
    return value;
  };
}

/**
 * An option parser for a comma-separated list of organization kinds, of those allowed (every
 * kind unless given).
 *
 * @example
 * new Option('--require-liaison <kinds>').argParser(parseKinds('zh'));
 */
export function parseKinds(lang: Lang, allowed: readonly OrganizationKind[] = ORGANIZATION_KINDS): (value: string) => OrganizationKind[] {
  return (value) => {
    const kinds = value.split(',').map((k) => k.trim()).filter((k) => k !== '');
    const known = new Set<string>(allowed);
    if (kinds.length === 0 || kinds.some((k) => !known.has(k))) {
      throw new InvalidArgumentError(say('cli-help-choices', lang, { choices: allowed.join(', ') }));
    }
    return kinds as OrganizationKind[];
  };
}

const TITLES: Readonly<Record<string, string>> = {
  'Usage:': 'cli-help-title-usage',
  'Options:': 'cli-help-title-options',
  'Commands:': 'cli-help-title-commands',
  'Arguments:': 'cli-help-title-arguments',
  'Global Options:': 'cli-help-title-global-options',
};

function helpConfiguration(lang: Lang): Partial<Help> {
  const extras = (choices: readonly string[] | undefined, defaultValue: unknown, show: boolean): string[] => {
    const out: string[] = [];
    if (choices) out.push(say('cli-help-choices', lang, { choices: choices.join(', ') }));
    if (show && defaultValue !== undefined) out.push(say('cli-help-default', lang, { value: String(defaultValue) }));
    return out;
  };
  const withExtras = (description: string, more: string[]): string =>
    more.length === 0 ? description : lang === 'zh' ? `${description}（${more.join('；')}）` : `${description} (${more.join('; ')})`;
  return {
    showGlobalOptions: true,
    // Chinese has no spaces to wrap at, and commander counts a wide character as one column:
    // leave Chinese lines to the terminal.
    ...(lang === 'zh' ? { helpWidth: 1000 } : {}),
    styleTitle: (title: string) => {
      const code = TITLES[title];
      return code === undefined ? title : say(code, lang);
    },
    argumentDescription: (argument: Argument) => withExtras(argument.description, extras(argument.argChoices, argument.defaultValue, true)),
    optionDescription: (option: Option) =>
      withExtras(option.description, extras(option.argChoices, option.defaultValue, option.required || option.optional)),
  };
}

/** Options made by {@link gatheringOption}: each use adds a value, so they may repeat. */
const GATHERING = new WeakSet<Option>();

/**
 * An option that may be given many times, each adding its value to a list (`--evidence a
 * --evidence b`).
 *
 * @example
 * command.addOption(gatheringOption('--evidence <file>', say('cli-help-evidence', h)));
 */
export function gatheringOption(flags: string, description: string): Option {
  const option = new Option(flags, description).argParser((value: string, previous: string[] | undefined): string[] => [...(previous ?? []), value]);
  GATHERING.add(option);
  return option;
}

/**
 * Every problem in the command line, for the program as built here: options that gather their
 * values may repeat (see {@link auditUsage}).
 *
 * @example
 * auditArgv(program, ['assess', '--format', 'pdf']).problems;
 */
export function auditArgv(program: Command, argv: readonly string[]): UsageAudit {
  return auditUsage(program, argv, (option) => GATHERING.has(option));
}

/**
 * The `zerenzhi` program with its global options, before the commands are added: version, help
 * and `--lang`, commander's output sent to the given streams, its errors thrown (not exiting)
 * so that `runCli` maps them to exit code 2.
 *
 * @example
 * const { program, env } = createProgram(io, 'zh', state);
 */
export function createProgram(io: CliIo, helpLang: Lang, state: ProgramState): { program: Command; env: ProgramEnv } {
  const configure = (command: Command, name: string): Command =>
    command
      .exitOverride()
      .configureOutput({
        writeOut: (text) => void io.stdout.write(text),
        writeErr: (text) => void io.stderr.write(text),
        // Commander's own (English) error line is replaced by a localized one in runCli.
        outputError: () => {
          state.command = name;
        },
      })
      .configureHelp(helpConfiguration(helpLang))
      .helpOption('-h, --help', say('cli-help-help', helpLang))
      .showSuggestionAfterError(true);
  const program = configure(new Command('zerenzhi'), 'zerenzhi')
    .description(say('cli-help-program', helpLang))
    .version(ENGINE_VERSION, '-V, --version', say('cli-help-version', helpLang))
    .addOption(new Option('--lang <lang>', say('cli-help-lang', helpLang)).choices(['zh', 'en']).default('zh'))
    .helpCommand('help [command]', say('cli-help-help-command', helpLang))
    .addHelpText('after', `\n${say('cli-help-footer', helpLang)}`);
  const env: ProgramEnv = {
    io,
    helpLang,
    command: (parent, name, description) => configure(parent.command(name), `zerenzhi ${name}`).description(description),
    action:
      <T>(run: CommandRun<T>) =>
      async (...params: unknown[]): Promise<void> => {
        const command = params[params.length - 1] as Command;
        const options = params[params.length - 2] as T;
        const args = params.slice(0, -2).flat() as string[];
        state.command = `zerenzhi ${command.name()}`;
        const lang = (command.optsWithGlobals() as { lang?: Lang }).lang ?? 'zh';
        // What commander lets pass: an option that takes one value given twice (it keeps the
        // last without a word). In the language of the error's first words, which --lang's
        // first value chose.
        const repeated = auditArgv(command.parent ?? command, state.argv).problems.filter((p) => p.code === 'cli-usage-repeated');
        if (repeated.length > 0) throw new UsageError(repeated.map((p) => say(p.code, helpLang, p.params)), state.command);
        state.exitCode = await run(options, { io, lang }, args);
      },
  };
  return { program, env };
}
