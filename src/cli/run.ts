import { CommanderError, type Command } from 'commander';
import type { Lang } from '../core/lang.js';
import { ValidationError } from '../core/validation-error.js';
import { addAssessCommand } from './commands/assess.js';
import { addChainCommand } from './commands/chain.js';
import { addCoverageCommand } from './commands/coverage.js';
import { addDecideCommand } from './commands/decide.js';
import { addInitCommand } from './commands/init.js';
import { addLintCommand } from './commands/lint.js';
import { addSchemaCommand } from './commands/schema.js';
import { addValidateCommand } from './commands/validate.js';
import { CliFailure, EXIT, UsageError, say, withStatusLine, writeLines, type CliIo } from './io.js';
import { validationErrorLines } from './issues.js';
import { auditArgv, createProgram, requestedLang, type ProgramState } from './program.js';
import { usageMessage } from './usage.js';

export type { CliIo, CliOutput } from './io.js';
export { EXIT } from './io.js';

// Commander's codes, as the catalogue's: commander stops at the first problem, the audit finds
// them all; commander's own line is kept only where the audit found nothing of its kind.
const AUDITED: Readonly<Record<string, string>> = {
  'commander.unknownOption': 'cli-usage-unknown-option',
  'commander.unknownCommand': 'cli-usage-unknown-command',
  'commander.missingMandatoryOptionValue': 'cli-usage-missing-option',
  'commander.optionMissingArgument': 'cli-usage-option-missing-argument',
  'commander.missingArgument': 'cli-usage-missing-argument',
  'commander.excessArguments': 'cli-usage-excess-arguments',
  'commander.conflictingOption': 'cli-usage-conflict',
};

function commanderExit(error: CommanderError, io: CliIo, lang: Lang, state: ProgramState, program: Command | undefined): number {
  // Help and version were asked for and printed: success.
  if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return EXIT.ok;
  if (error.code === 'commander.help' && error.exitCode === 0) return EXIT.ok;
  // `help <name>` of a name that is no command.
  const at = state.argv.indexOf('help');
  const topic = at >= 0 ? state.argv[at + 1] : undefined;
  const unknownTopic = topic !== undefined && !topic.startsWith('-') && !state.commands.includes(topic) ? topic : undefined;
  const audit = program === undefined || error.code === 'commander.help' ? undefined : auditArgv(program, state.argv);
  const found = audit?.problems ?? [];
  const lines = found.map((p) => say('cli-usage-prefix', lang, { message: say(p.code, lang, p.params) }));
  const kind = error.code === 'commander.invalidArgument' ? ['cli-usage-invalid-choice', 'cli-usage-invalid-value'] : [AUDITED[error.code]];
  if (!found.some((p) => kind.includes(p.code))) lines.unshift(usageMessage(error, lang, unknownTopic));
  const command = audit !== undefined && found.length > 0 ? audit.command : state.command;
  writeLines(io.stderr, [...lines, say('cli-usage-hint', lang, { command })]);
  return EXIT.usage;
}

function internalError(error: unknown, io: CliIo, lang: Lang): number {
  const message = error instanceof Error ? error.message : String(error);
  writeLines(io.stderr, [say('cli-internal-error', lang, { message })]);
  if (io.env['ZERENZHI_DEBUG'] && error instanceof Error && error.stack) writeLines(io.stderr, [error.stack]);
  return EXIT.internal;
}

/**
 * The `zerenzhi` command line, in-process: parses `argv` (the arguments after the program
 * name) with commander, runs the command with the given streams and environment, and returns
 * the exit code: 0 success; 1 invalid input (every problem listed with file, line, path and
 * code); 2 usage error; 3 a `--fail-on` / `--fail-on-gaps` check failed; 70 internal error.
 * Results go to `io.stdout`, messages to `io.stderr`; no stack trace is printed for bad input
 * (set `ZERENZHI_DEBUG=1` to see one for an internal error). Never calls `process.exit`.
 *
 * @example
 * const code = await runCli(['assess', '--graph', 'g.json', '--rules', 'r.json', '--evidence', 'e.ndjson'], {
 *   stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env,
 * });
 */
export async function runCli(argv: readonly string[], given: CliIo): Promise<number> {
  // Every line on stderr first clears a progress line shown there (see withProgress).
  const io: CliIo = { ...given, stderr: withStatusLine(given.stderr) };
  const helpLang = requestedLang(argv);
  const state: ProgramState = { exitCode: EXIT.ok, command: 'zerenzhi', argv, commands: [] };
  let built: Command | undefined;
  try {
    const { program, env } = createProgram(io, helpLang, state);
    built = program;
    for (const add of [addAssessCommand, addDecideCommand, addValidateCommand, addLintCommand, addChainCommand, addCoverageCommand, addSchemaCommand, addInitCommand]) add(program, env);
    state.commands = program.commands.map((command) => command.name());
    await program.parseAsync([...argv], { from: 'user' });
    return state.exitCode;
  } catch (error) {
    if (error instanceof ValidationError) {
      writeLines(io.stderr, validationErrorLines(error));
      return EXIT.invalid;
    }
    if (error instanceof CliFailure) {
      writeLines(io.stderr, error.lines);
      return error.code;
    }
    if (error instanceof UsageError) {
      const lines = error.problems.map((message) => say('cli-usage-prefix', helpLang, { message }));
      writeLines(io.stderr, [...lines, say('cli-usage-hint', helpLang, { command: error.command })]);
      return EXIT.usage;
    }
    if (error instanceof CommanderError) return commanderExit(error, io, helpLang, state, built);
    return internalError(error, io, helpLang);
  }
}
