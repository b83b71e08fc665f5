import { Option, type Command } from 'commander';
import type { AssessmentResult } from '../../accountability/types.js';
import { makeIssue } from '../../core/issue.js';
import { ValidationError } from '../../core/validation-error.js';
import type { Lang } from '../../core/lang.js';
import { dutiesOf } from '../../graph/duties.js';
import { ancestorsOf } from '../../graph/queries.js';
import { chainOf } from '../../graph/responsibilities.js';
import type { Graph } from '../../graph/types.js';
import { formatChainText, formatDutiesText } from '../../report/graph-text.js';
import { toMermaid } from '../../report/mermaid.js';
import { checkStdinOnce, CliFailure, EXIT, UsageError, say, writeLines, type CommandContext } from '../io.js';
import { loadGraph, placeInResult, readResult } from '../load.js';
import type { ProgramEnv } from '../program.js';

/**
 * The options of `zerenzhi chain`.
 *
 * @example
 * const options: ChainCommandOptions = { graph: 'graph.json', org: 'br-office', format: 'text' };
 */
export interface ChainCommandOptions {
  readonly graph: string;
  readonly org?: string;
  readonly person?: string;
  readonly format: 'text' | 'json';
  readonly mermaid?: boolean;
  readonly result?: string;
}

function requireKnown(graph: Graph, options: ChainCommandOptions, lang: Lang): void {
  const unknown =
    options.org !== undefined && !graph.organizations.has(options.org)
      ? makeIssue('unknown-organization', ['org'], { id: options.org }, lang)
      : options.person !== undefined && !graph.people.has(options.person)
        ? makeIssue('unknown-person', ['person'], { id: options.person }, lang)
        : undefined;
  if (unknown) throw new CliFailure(EXIT.invalid, [say('cli-usage-prefix', lang, { message: `${unknown.message} [${unknown.code}]` })]);
}

/**
 * The organizations a `chain --mermaid` chart shows: with `--org`, it and every level above it;
 * with `--person`, each organization the person answers for and every level above those (in
 * that order, each once); with neither, `undefined` (the whole graph). O(organizations + duties)
 * for a person.
 *
 * @example
 * organizationsInView(graph, { graph: 'graph.json', person: 'p-li-hua', format: 'text' });
 * // ['bureau', 'br-business', 'br-office', ...]
 */
export function organizationsInView(graph: Graph, options: ChainCommandOptions): string[] | undefined {
  if (options.org !== undefined) return [options.org, ...ancestorsOf(graph, options.org)];
  if (options.person === undefined) return undefined;
  const ids = new Set<string>();
  // A person's duties may lie at every level of one deep chain: the climb from each stops at the
  // first organization already in view, whose levels above are in view too, so each organization
  // is visited once, where listing every duty's ancestors would take O(duties × depth).
  for (const duty of dutiesOf(graph, options.person).duties) {
    let current: string | null = duty.organization;
    while (current !== null && !ids.has(current)) {
      ids.add(current);
      current = graph.organizations.get(current)?.parent ?? null;
    }
  }
  return [...ids];
}

/**
 * Runs `zerenzhi chain`: an organization's responsibility chain (`--org`) or a person's duties
 * (`--person`), as text, as JSON (`--format json`: `chainOf` / `dutiesOf`), or as a Mermaid
 * flowchart (`--mermaid`, the whole graph when neither is given; with `--org`, the chain as the
 * text has it, each level's secretary and team included; `--result` marks grades and the findings
 * that lie in the chart, and is refused when it was not assessed on this graph).
 *
 * @example
 * await runChain({ graph: 'graph.json', org: 'br-office', format: 'text' }, context);
 */
export async function runChain(options: ChainCommandOptions, context: CommandContext): Promise<number> {
  const { io, lang } = context;
  if (options.org === undefined && options.person === undefined && options.mermaid !== true) {
    throw new UsageError(say('cli-usage-chain-target', lang), 'zerenzhi chain');
  }
  // Without --mermaid the result would not be read at all: refused rather than ignored.
  if (options.result !== undefined && options.mermaid !== true) throw new UsageError(say('cli-usage-result-mermaid', lang), 'zerenzhi chain');
  checkStdinOnce([options.graph, options.result], 'zerenzhi chain', lang);
  const graph = await loadGraph(options.graph, lang, io);
  requireKnown(graph, options, lang);
  if (options.mermaid === true) {
    const read = options.result === undefined ? undefined : await readResult(options.result, lang, io, 'result');
    const result: AssessmentResult | undefined = read?.result;
    // --org draws the chain as the text has it (`chain`: its own liaison leaders only); --person
    // the organizations the person answers for and the levels above.
    const organizations = options.org === undefined ? organizationsInView(graph, options) : undefined;
    const view = options.org !== undefined ? { chain: options.org } : organizations === undefined ? {} : { organizations };
    let chart: string;
    try {
      chart = toMermaid(graph, result, { lang, ...view });
    } catch (error) {
      // The graph and the view are sound by now: what is refused is the result (not of this
      // graph, or of a wrong shape), placed at its lines in the file.
      if (read === undefined || !(error instanceof ValidationError)) throw error;
      throw placeInResult(error, read.doc, 'result');
    }
    io.stdout.write(chart);
    return EXIT.ok;
  }
  if (options.format === 'json') {
    const data = options.org !== undefined ? chainOf(graph, options.org) : dutiesOf(graph, options.person as string);
    io.stdout.write(`${JSON.stringify(data, null, 2)}\n`);
    return EXIT.ok;
  }
  writeLines(io.stdout, [options.org !== undefined ? formatChainText(graph, options.org, lang) : formatDutiesText(graph, options.person as string, lang)]);
  return EXIT.ok;
}

/**
 * Adds `chain` to the program.
 *
 * @example
 * addChainCommand(program, env);
 */
export function addChainCommand(program: Command, env: ProgramEnv): void {
  const { helpLang: h } = env;
  env
    .command(program, 'chain', say('cli-help-chain', h))
    .requiredOption('--graph <file>', say('cli-help-graph', h))
    .addOption(new Option('--org <id>', say('cli-help-org', h)).conflicts('person'))
    .option('--person <id>', say('cli-help-person', h))
    .addOption(new Option('--format <format>', say('cli-help-format-chain', h)).choices(['text', 'json']).default('text'))
    .addOption(new Option('--mermaid', say('cli-help-mermaid', h)).conflicts('format'))
    .option('--result <file>', say('cli-help-result', h))
    .action(env.action((options: ChainCommandOptions, context) => runChain(options, context)));
}
