import { InvalidArgumentError, Option, type Command } from 'commander';
import { assessStream, withFindings } from '../../accountability/assess.js';
import type { AssessmentResult } from '../../accountability/types.js';
import { jsonChunks } from '../../core/json-chunks.js';
import type { Issue } from '../../core/issue.js';
import type { Lang } from '../../core/lang.js';
import { ValidationError } from '../../core/validation-error.js';
import type { ReaderItem } from '../../evidence/reader-item.js';
import { openSession } from '../../engine/assess.js';
import { lintRuleSet } from '../../engine/lint.js';
import { scoreFilesInParallel } from '../../engine/parallel.js';
import { readPartialState } from '../../engine/read-partial.js';
import { coverage, type CoverageOptions } from '../../graph/coverage.js';
import type { RuleSet } from '../../model/rules.js';
import { jsonInput, nameOf, unreadableFile, type JsonDocument } from '../files.js';
import { writePieces } from '../write-files.js';
import { refuseOverwritingInputs, resultFiles, writeResult } from '../write-result.js';
import { checkStdinOnce, concatPieces, EXIT, UsageError, say, writeAll, writeLines, type CommandContext } from '../io.js';
import { loadCoverageOptions, loadGraphAndRules, placeInResult, readResult } from '../load.js';
import { gatheringOption, parseDate, type ProgramEnv } from '../program.js';
import { listSkipped, readEvidence, reportSkipped, skippedLister, withProgress } from '../records.js';

/**
 * The options of `zerenzhi assess`, as commander parses them.
 *
 * @example
 * const options: AssessCommandOptions = { graph: 'g.json', rules: 'r.json', evidence: ['e.ndjson'], format: 'md' };
 */
export interface AssessCommandOptions {
  readonly graph: string;
  readonly rules: string;
  readonly evidence?: readonly string[];
  /** Partial states (`--snapshot` files of other shards) merged in before the evidence. */
  readonly absorb?: readonly string[];
  /** Write this shard's partial state here instead of a result. */
  readonly snapshot?: string;
  readonly asOf?: string;
  readonly previous?: string;
  readonly format: 'json' | 'md' | 'csv';
  readonly out?: string;
  readonly skipInvalid?: boolean;
  readonly failOn?: string;
  readonly coverageOptions?: string;
  readonly workers?: number;
}

// What --fail-on takes besides findings: each grade's id, then its titles (差, poor).
function gradeNamesOf(rules: RuleSet): string[] {
  const grades = (rules.ladders ?? []).flatMap((ladder) => ladder.grades);
  return [...new Set([...grades.map((g) => g.id), ...grades.flatMap((g) => [g.title, ...(g.titleEn === undefined ? [] : [g.titleEn])])])];
}

/**
 * The grades `--fail-on` names, as ladder and grade id: a grade id (on every ladder that has it),
 * or else a grade's title in either language (`差`, `poor`), as the Markdown report shows it. None
 * when it names no grade.
 */
function gradesNamed(rules: RuleSet, name: string): Set<string> {
  const all = (rules.ladders ?? []).flatMap((ladder) => ladder.grades.map((grade) => ({ ladder: ladder.id, grade })));
  const byId = all.filter((g) => g.grade.id === name);
  const named = byId.length > 0 ? byId : all.filter((g) => g.grade.title === name || g.grade.titleEn === name);
  return new Set(named.map((g) => `${g.ladder}\u0000${g.grade.id}`));
}

// Exit code 3 when the check asked for with --fail-on fails, with a line on stderr saying why.
function failOnCheck(result: AssessmentResult, failOn: string | undefined, grades: ReadonlySet<string>, context: CommandContext): number {
  if (failOn === undefined) return EXIT.ok;
  const { lang, io } = context;
  if (failOn === 'findings') {
    const count = result.findings.filter((f) => f.status !== 'waived').length;
    if (count === 0) return EXIT.ok;
    writeLines(io.stderr, [say('cli-fail-on-findings', lang, { count })]);
    return EXIT.check;
  }
  const graded = [...result.organizations, ...result.people].filter((s) => s.grade != null && grades.has(`${s.grade.ladder}\u0000${s.grade.id}`));
  if (graded.length === 0) return EXIT.ok;
  const names = graded.map((s) => s.name).join(lang === 'zh' ? '、' : ', ');
  writeLines(io.stderr, [say('cli-fail-on-grade', lang, { count: graded.length, grade: failOn, names })]);
  return EXIT.check;
}

/**
 * Runs `zerenzhi assess`: reads the graph, the rule set and the evidence (streamed, `-` for
 * standard input), assesses, writes the result as JSON, Markdown or CSV, lists the warnings on
 * stderr, and returns the exit code (3 when `--fail-on` fails).
 *
 * @example
 * const code = await runAssess({ graph: 'g.json', rules: 'r.json', evidence: ['e.ndjson'], format: 'md' }, context);
 */
export async function runAssess(options: AssessCommandOptions, context: CommandContext): Promise<number> {
  let previousDoc: JsonDocument | undefined;
  try {
    return await assessAndWrite(options, context, (doc) => (previousDoc = doc));
  } catch (error) {
    // A problem with the previous result found as the run uses it (its period, say): placed in
    // its file, at its line, as the problems found reading it are.
    if (error instanceof ValidationError && error.subject === 'previous' && previousDoc !== undefined) throw placeInResult(error, previousDoc, 'previous');
    throw error;
  }
}

async function assessAndWrite(options: AssessCommandOptions, context: CommandContext, previousRead: (doc: JsonDocument) => void): Promise<number> {
  const { io, lang } = context;
  const evidence = options.evidence ?? [];
  const absorb = options.absorb ?? [];
  checkInputs(options, evidence, absorb, lang);
  const inputs = [
    { option: '--graph', file: options.graph },
    { option: '--rules', file: options.rules },
    ...evidence.map((file) => ({ option: '--evidence', file })),
    ...absorb.map((file) => ({ option: '--absorb', file })),
    ...(options.previous === undefined ? [] : [{ option: '--previous', file: options.previous }]),
    ...(options.coverageOptions === undefined ? [] : [{ option: '--coverage-options', file: options.coverageOptions }]),
  ];
  const outputs = options.snapshot !== undefined ? [options.snapshot] : resultFiles(options.out, options.format);
  await refuseOverwritingInputs(outputs, inputs, 'zerenzhi assess', lang, io.stdin);
  const { graph, rules, doc } = await loadGraphAndRules(options.graph, options.rules, lang, io);
  const failGrades = options.failOn === undefined || options.failOn === 'findings' ? new Set<string>() : gradesNamed(rules, options.failOn);
  if (options.failOn !== undefined && options.failOn !== 'findings' && failGrades.size === 0) {
    throw new UsageError(say('cli-usage-unknown-grade', lang, { grade: options.failOn, allowed: gradeNamesOf(rules).join(', ') }), 'zerenzhi assess');
  }
  const read = options.previous === undefined ? undefined : await readResult(options.previous, lang, io, 'previous');
  if (read !== undefined) previousRead(read.doc);
  const previous = read?.result;
  const coverageOptions: CoverageOptions | undefined = options.coverageOptions === undefined ? undefined : await loadCoverageOptions(options.coverageOptions, lang, io);

  const common = {
    graph,
    rules: doc.value,
    lang,
    ...(options.asOf === undefined ? {} : { asOf: options.asOf }),
    ...(previous === undefined ? {} : { previous }),
    invalidRecords: options.skipInvalid === true ? ('skip' as const) : ('error' as const),
  };
  // One list of the records skipped for the whole run: the absorbed shards' first, then the files'.
  const lister = options.skipInvalid === true ? skippedLister(io, lang) : undefined;
  const records = (): AsyncGenerator<ReaderItem> => {
    // The records a batch skips are listed before the progress the batch makes is shown.
    const items = readEvidence(evidence, io, lang);
    return withProgress(lister !== undefined ? reportSkipped(items, io, lang, lister) : items, io, lang);
  };
  // Worker threads read files by byte range: standard input is read on this thread.
  const parallel = options.workers !== undefined && options.workers > 1 && !evidence.includes('-');
  let result;
  if (options.snapshot !== undefined || absorb.length > 0) {
    // One shard of an assessment split across machines: partial states in, a partial state or the result out.
    const { session, finishLast, checkRecords, keptIssues, issueCount } = openSession(common);
    for (const path of absorb) {
      const input = jsonInput(path, io);
      const file = nameOf(path);
      const partial = await readPartialState(input, { file, lang }).catch(unreadableFile(file, 'partial', lang));
      const [kept, counted] = [keptIssues().length, issueCount()];
      try {
        session.absorb(partial);
      } catch (error) {
        // Among many shards, each problem says which file it is in.
        throw error instanceof ValidationError ? new ValidationError(error.subject, error.issues.map((issue) => (issue.file === undefined ? { ...issue, file } : issue)), lang) : error;
      }
      // The records the shard skipped, listed as one pass over its files lists them.
      if (lister !== undefined) {
        const shard = keptIssues().slice(kept);
        for (const issue of shard) lister.report(issue);
        lister.unseen(issueCount() - counted - shard.length);
      }
    }
    reading: for await (const item of records()) if (!session.add(item)) break reading;
    if (options.snapshot !== undefined) {
      // A shard fails on its own invalid records as a whole run would, not later where it is merged.
      checkRecords();
      const pieces = concatPieces(jsonChunks(session.snapshot(), { indent: 0 }), ['\n']);
      if (options.snapshot === '-') await writeAll(io.stdout, pieces);
      else {
        await writePieces(options.snapshot, pieces, lang);
        writeLines(io.stderr, [say('cli-written', lang, { files: options.snapshot })]);
      }
      return EXIT.ok;
    }
    result = withFindings(finishLast());
  } else if (parallel) {
    // Threads give their skipped records' problems back at the end, in the order of one pass.
    const listed = options.skipInvalid === true ? (kept: readonly Issue[], count: number): void => listSkipped(kept, count, io, lang) : undefined;
    result = withFindings(await scoreFilesInParallel({ ...common, files: evidence, workers: options.workers as number }, listed));
  }
  else result = await assessStream({ ...common, records: records() });
  writeLines(io.stderr, result.warnings.map((w) => say('cli-warning', lang, { message: w.message, code: w.code })));

  await writeResult(result, options, context, () => ({
    graph,
    rules,
    coverage: coverage(graph, { ...coverageOptions, lang }),
    lint: lintRuleSet(doc.value, graph, { lang }),
  }));
  return failOnCheck(result, options.failOn, failGrades, context);
}

// What may be combined with what: standard input read once, some input, and a snapshot is not a result.
function checkInputs(options: AssessCommandOptions, evidence: readonly string[], absorb: readonly string[], lang: Lang): void {
  const usage = (key: string, params: Record<string, string> = {}): UsageError => new UsageError(say(key, lang, params), 'zerenzhi assess');
  // Any two of the inputs, not only the records: a graph read from it leaves the records nothing.
  checkStdinOnce([options.graph, options.rules, options.previous, options.coverageOptions, ...evidence, ...absorb], 'zerenzhi assess', lang);
  if (evidence.length === 0 && absorb.length === 0) throw usage('cli-usage-no-input');
  const session = options.snapshot !== undefined || absorb.length > 0;
  if (session && options.workers !== undefined && options.workers > 1) throw usage('cli-usage-workers-shards');
  if (options.snapshot === undefined) {
    // Only the Markdown report has a coverage section: refused rather than ignored.
    if (options.coverageOptions !== undefined && options.format !== 'md') throw usage('cli-usage-coverage-options-md');
    return;
  }
  const results: [string, unknown][] = [
    ['--out', options.out],
    ['--previous', options.previous],
    ['--fail-on', options.failOn],
    ['--coverage-options', options.coverageOptions],
  ];
  const given = results.find(([, value]) => value !== undefined);
  if (given) throw usage('cli-usage-snapshot-result', { option: given[0] });
}

function parseWorkers(lang: Lang): (value: string) => number {
  return (value) => {
    // Digits only, as the message says: `Number()` would take 1e1, 0x2 or ' 2'.
    const n = /^[0-9]+$/.test(value) ? Number(value) : Number.NaN;
    if (!Number.isInteger(n) || n < 1 || n > 64) throw new InvalidArgumentError(say('cli-usage-workers', lang, { value }));
    return n;
  };
}

/**
 * Adds `assess` to the program.
 *
 * @example
 * addAssessCommand(program, env);
 */
export function addAssessCommand(program: Command, env: ProgramEnv): void {
  const { helpLang: h } = env;
  env
    .command(program, 'assess', say('cli-help-assess', h))
    .requiredOption('--graph <file>', say('cli-help-graph', h))
    .requiredOption('--rules <file>', say('cli-help-rules', h))
    .addOption(gatheringOption('--evidence <file>', say('cli-help-evidence', h)))
    .addOption(gatheringOption('--absorb <file>', say('cli-help-absorb', h)))
    // A snapshot is no result: a format given with it is refused (the default is not).
    .addOption(new Option('--snapshot <file>', say('cli-help-snapshot', h)).conflicts('format'))
    .addOption(new Option('--as-of <date>', say('cli-help-as-of', h)).argParser(parseDate(h)))
    .option('--previous <file>', say('cli-help-previous', h))
    .addOption(new Option('--format <format>', say('cli-help-format-assess', h)).choices(['json', 'md', 'csv']).default('json'))
    .option('--out <file>', say('cli-help-out', h))
    .option('--skip-invalid', say('cli-help-skip-invalid', h))
    .option('--fail-on <findings|grade>', say('cli-help-fail-on', h))
    .option('--coverage-options <file>', say('cli-help-coverage-options', h))
    .addOption(new Option('--workers <n>', say('cli-help-workers', h)).argParser(parseWorkers(h)))
    .action(env.action((options: AssessCommandOptions, context) => runAssess(options, context)));
}
