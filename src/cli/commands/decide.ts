import { Option, type Command } from 'commander';
import { applyDecisions, type Decision } from '../../accountability/decisions.js';
import { makeIssue, typeName, type Issue } from '../../core/issue.js';
import { ValidationError } from '../../core/validation-error.js';
import { readJson } from '../files.js';
import { checkStdinOnce, say, type CommandContext } from '../io.js';
import { placeInResult, readResult } from '../load.js';
import { byLine, locateIssues } from '../locate.js';
import type { ProgramEnv } from '../program.js';
import { refuseOverwritingInputs, resultFiles, writeResult, type ResultFormat } from '../write-result.js';

/**
 * The options of `zerenzhi decide`, as commander parses them.
 *
 * @example
 * const options: DecideCommandOptions = { result: 'result.json', decisions: 'decisions.json', format: 'json' };
 */
export interface DecideCommandOptions {
  readonly result: string;
  readonly decisions: string;
  readonly format: ResultFormat;
  readonly out?: string;
}

/**
 * Runs `zerenzhi decide`: records people's decisions on the proposed findings of a result
 * (`applyDecisions`: confirm, waive, or change the form) and writes the decided result — its
 * findings with their decisions, the audit, eligibility recomputed — as JSON (what next period's
 * `assess --previous` reads), Markdown or CSV. Every problem with the decisions is listed at its
 * line in the decisions file, every problem with the result at its line in the result file.
 *
 * @example
 * const code = await runDecide({ result: 'result.json', decisions: 'decisions.json', format: 'json', out: 'decided.json' }, context);
 */
export async function runDecide(options: DecideCommandOptions, context: CommandContext): Promise<number> {
  const { io, lang } = context;
  checkStdinOnce([options.result, options.decisions], 'zerenzhi decide', lang);
  const inputs = [
    { option: '--result', file: options.result },
    { option: '--decisions', file: options.decisions },
  ];
  await refuseOverwritingInputs(resultFiles(options.out, options.format), inputs, 'zerenzhi decide', lang, io.stdin);
  const { result, doc: resultDoc } = await readResult(options.result, lang, io, 'result');
  const subject = say('cli-decisions', lang);
  const doc = await readJson(options.decisions, subject, lang, io);
  if (!Array.isArray(doc.value)) {
    const issue = makeIssue('invalid-type', [], { expected: 'array', received: typeName(doc.value) }, lang);
    throw new ValidationError(subject, locateIssues([issue], doc.text, doc.file), lang);
  }
  let decided;
  try {
    decided = applyDecisions(result, doc.value as Decision[], { lang });
  } catch (error) {
    if (!(error instanceof ValidationError) || error.subject !== 'decisions') throw error;
    // Each problem in the file it is in: the result's under `result`, the decisions' under `decisions`.
    const inResult = error.issues.filter((i) => i.path[0] === 'result');
    const inDecisions: Issue[] = error.issues.filter((i) => i.path[0] !== 'result').map((i) => (i.path[0] === 'decisions' ? { ...i, path: i.path.slice(1) } : i));
    const placed = [
      ...(inResult.length === 0 ? [] : placeInResult(new ValidationError('result', inResult.map((i) => ({ ...i, path: i.path.slice(1) })), lang), resultDoc, 'result').issues),
      ...byLine(locateIssues(inDecisions, doc.text, doc.file)),
    ];
    throw new ValidationError(subject, placed, lang);
  }
  await writeResult(decided, options, context);
  return 0;
}

/**
 * Adds `decide` to the program.
 *
 * @example
 * addDecideCommand(program, env);
 */
export function addDecideCommand(program: Command, env: ProgramEnv): void {
  const { helpLang: h } = env;
  env
    .command(program, 'decide', say('cli-help-decide', h))
    .requiredOption('--result <file>', say('cli-help-decide-result', h))
    .requiredOption('--decisions <file>', say('cli-help-decisions', h))
    .addOption(new Option('--format <format>', say('cli-help-format-assess', h)).choices(['json', 'md', 'csv']).default('json'))
    .option('--out <file>', say('cli-help-out', h))
    .action(env.action((options: DecideCommandOptions, context) => runDecide(options, context)));
}
