import { Option, type Command } from 'commander';
import { jsonChunks } from '../../core/json-chunks.js';
import { coverage, type CoverageOptions } from '../../graph/coverage.js';
import { GRASSROOTS_KINDS, type OrganizationKind } from '../../model/graph.js';
import { formatCoverageText } from '../../report/graph-text.js';
import { checkStdinOnce, concatPieces, EXIT, say, writeAll, writeLines, type CommandContext } from '../io.js';
import { loadCoverageOptions, loadGraph } from '../load.js';
import { parseKinds, type ProgramEnv } from '../program.js';

/**
 * The options of `zerenzhi coverage`.
 *
 * @example
 * const options: CoverageCommandOptions = { graph: 'graph.json', requireLiaison: ['branch'], format: 'json' };
 */
export interface CoverageCommandOptions {
  readonly graph: string;
  readonly requireLiaison?: readonly OrganizationKind[];
  readonly requireOfficer?: readonly OrganizationKind[];
  readonly options?: string;
  readonly format: 'text' | 'json';
  readonly failOnGaps?: boolean;
}

/**
 * Runs `zerenzhi coverage`: the gaps of 横向到边、纵向到底 as text or JSON. Exit code 0 even
 * with gaps, unless `--fail-on-gaps` (then 3).
 *
 * @example
 * await runCoverage({ graph: 'graph.json', requireLiaison: ['branch'], format: 'text' }, context);
 */
export async function runCoverage(options: CoverageCommandOptions, context: CommandContext): Promise<number> {
  const { io, lang } = context;
  checkStdinOnce([options.graph, options.options], 'zerenzhi coverage', lang);
  const graph = await loadGraph(options.graph, lang, io);
  const fromFile: CoverageOptions = options.options === undefined ? {} : await loadCoverageOptions(options.options, lang, io);
  const report = coverage(graph, {
    ...fromFile,
    ...(options.requireLiaison === undefined ? {} : { liaisonRequiredFor: options.requireLiaison }),
    ...(options.requireOfficer === undefined ? {} : { officerRequiredFor: options.requireOfficer }),
    lang,
  });
  if (options.format === 'json') await writeAll(io.stdout, concatPieces(jsonChunks(report), ['\n']));
  else writeLines(io.stdout, [formatCoverageText(report, lang)]);
  if (options.failOnGaps === true && report.gaps.length > 0) {
    writeLines(io.stderr, [say('cli-fail-on-gaps', lang, { count: report.gaps.length })]);
    return EXIT.check;
  }
  return EXIT.ok;
}

/**
 * Adds `coverage` to the program.
 *
 * @example
 * addCoverageCommand(program, env);
 */
export function addCoverageCommand(program: Command, env: ProgramEnv): void {
  const { helpLang: h } = env;
  env
    .command(program, 'coverage', say('cli-help-coverage', h))
    .requiredOption('--graph <file>', say('cli-help-graph', h))
    .addOption(new Option('--require-liaison <kinds>', say('cli-help-require-liaison', h)).argParser(parseKinds(h, GRASSROOTS_KINDS)))
    .addOption(new Option('--require-officer <kinds>', say('cli-help-require-officer', h)).argParser(parseKinds(h)))
    .option('--options <file>', say('cli-help-options-file', h))
    .addOption(new Option('--format <format>', say('cli-help-format-coverage', h)).choices(['text', 'json']).default('text'))
    .option('--fail-on-gaps', say('cli-help-fail-on-gaps', h))
    .action(env.action((options: CoverageCommandOptions, context) => runCoverage(options, context)));
}
