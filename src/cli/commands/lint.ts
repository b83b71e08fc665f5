import type { Command } from 'commander';
import { formatPath } from '../../core/path.js';
import { visible } from '../../core/visible.js';
import { lintRuleSet, type LintFinding } from '../../engine/lint.js';
import type { Graph } from '../../graph/types.js';
import { readJson } from '../files.js';
import { checkStdinOnce, EXIT, say, writeLines, type CommandContext } from '../io.js';
import { loadGraph } from '../load.js';
import { locateIssues } from '../locate.js';
import type { ProgramEnv } from '../program.js';

/**
 * The options of `zerenzhi lint`.
 *
 * @example
 * const options: LintCommandOptions = { rules: 'rules.json', strict: true };
 */
export interface LintCommandOptions {
  readonly rules: string;
  readonly graph?: string;
  readonly strict?: boolean;
}

/**
 * Runs `zerenzhi lint`: prints each finding as `file:line 级别 path: message [code]`, then a
 * summary; exit code 1 on errors (or on warnings with `--strict`), 0 otherwise.
 *
 * @example
 * const code = await runLint({ rules: 'rules.json', graph: 'graph.json' }, context);
 */
export async function runLint(options: LintCommandOptions, context: CommandContext): Promise<number> {
  const { io, lang } = context;
  checkStdinOnce([options.rules, options.graph], 'zerenzhi lint', lang);
  const doc = await readJson(options.rules, 'rules', lang, io);
  const graph: Graph | undefined = options.graph === undefined ? undefined : await loadGraph(options.graph, lang, io);
  const findings: LintFinding[] = lintRuleSet(doc.value, graph, { lang });
  // Place each finding at its line through the same path lookup as validation issues.
  const placed = locateIssues(
    findings.map((f) => ({ code: f.code, path: f.path, params: {}, message: f.message })),
    doc.text,
    doc.file,
  );
  // In the order of their lines, as validate lists problems (stable: one line's keep their order).
  const inOrder = findings.map((finding, i) => ({ finding, line: placed[i]?.line ?? 1 })).sort((a, b) => a.line - b.line);
  const lines = inOrder.map(({ finding: f, line }) => {
    const where = `${visible(doc.file)}:${line}`;
    return `${where} ${say(`cli-lint-${f.severity}`, lang)} ${formatPath(f.path, lang)}: ${visible(f.message)} [${f.code}]`;
  });
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.length - errors;
  writeLines(io.stdout, lines);
  writeLines(io.stdout, [findings.length === 0 ? say('cli-lint-clean', lang, { file: doc.file }) : say('cli-lint-summary', lang, { file: doc.file, errors, warnings })]);
  return errors > 0 || (options.strict === true && warnings > 0) ? EXIT.invalid : EXIT.ok;
}

/**
 * Adds `lint` to the program.
 *
 * @example
 * addLintCommand(program, env);
 */
export function addLintCommand(program: Command, env: ProgramEnv): void {
  const { helpLang: h } = env;
  env
    .command(program, 'lint', say('cli-help-lint', h))
    .requiredOption('--rules <file>', say('cli-help-rules', h))
    .option('--graph <file>', say('cli-help-lint-graph', h))
    .option('--strict', say('cli-help-strict', h))
    .action(env.action((options: LintCommandOptions, context) => runLint(options, context)));
}
