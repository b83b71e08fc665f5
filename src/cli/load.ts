import { z } from 'zod';
import type { AssessmentResult } from '../accountability/types.js';
import { makeIssue } from '../core/issue.js';
import type { Lang } from '../core/lang.js';
import { ValidationError } from '../core/validation-error.js';
import { fromZodIssues } from '../core/zod-issues.js';
import { checkPrevious } from '../engine/previous.js';
import { safeParseRuleSet } from '../engine/parse-rules.js';
import { CoverageOptionsSchema, type CoverageOptions } from '../graph/coverage.js';
import { safeParseGraph } from '../graph/parse.js';
import type { Graph } from '../graph/types.js';
import type { RuleSet } from '../model/rules.js';
import { parsedOrThrow, readJson, type JsonDocument } from './files.js';
import { CliFailure, EXIT, say, type CliIo } from './io.js';
import { validationErrorLines } from './issues.js';
import { byLine, locateIssues } from './locate.js';

/**
 * Reads and validates a graph file; every problem is placed at its line.
 *
 * @example
 * const graph = await loadGraph('graph.json', 'zh', io);
 */
export async function loadGraph(file: string, lang: Lang, io: CliIo): Promise<Graph> {
  const doc = await readJson(file, 'graph', lang, io);
  return parsedOrThrow(safeParseGraph(doc.value, { lang }), doc);
}

/**
 * Reads and validates a rule set file; returns the parsed rule set and the document.
 *
 * @example
 * const { rules, doc } = await loadRules('rules.json', 'zh', io);
 */
export async function loadRules(file: string, lang: Lang, io: CliIo): Promise<{ rules: RuleSet; doc: JsonDocument }> {
  const doc = await readJson(file, 'rules', lang, io);
  return { rules: parsedOrThrow(safeParseRuleSet(doc.value, { lang }), doc), doc };
}

/**
 * Reads and validates the graph and the rule set of a run; when both have problems, every problem
 * of both is told at once (a `CliFailure`, exit 1, each file's list as `validate` prints it), not
 * the rule set's only once the graph is mended.
 *
 * @example
 * const { graph, rules, doc } = await loadGraphAndRules('graph.json', 'rules.json', 'zh', io);
 */
export async function loadGraphAndRules(graphFile: string, rulesFile: string, lang: Lang, io: CliIo): Promise<{ graph: Graph; rules: RuleSet; doc: JsonDocument }> {
  const graph = await loadGraph(graphFile, lang, io).catch((error: unknown) => ({ error }));
  const rules = await loadRules(rulesFile, lang, io).catch((error: unknown) => ({ error }));
  if ('error' in graph) {
    if ('error' in rules && graph.error instanceof ValidationError && rules.error instanceof ValidationError) {
      throw new CliFailure(EXIT.invalid, [...validationErrorLines(graph.error), ...validationErrorLines(rules.error)]);
    }
    throw graph.error;
  }
  if ('error' in rules) throw rules.error;
  return { graph, ...rules };
}

/**
 * Reads an assessment result (`--previous`, `--result`) and checks that it is one.
 *
 * @example
 * const previous = await loadResult('2021.json', 'zh', io, 'previous');
 */
export async function loadResult(file: string, lang: Lang, io: CliIo, role: 'previous' | 'result'): Promise<AssessmentResult> {
  return (await readResult(file, lang, io, role)).result;
}

/**
 * {@link loadResult}, with the document read, to place later problems with it at their lines
 * ({@link placeInResult}).
 *
 * @example
 * const { result, doc } = await readResult('2021.json', 'zh', io, 'previous');
 */
export async function readResult(file: string, lang: Lang, io: CliIo, role: 'previous' | 'result'): Promise<{ result: AssessmentResult; doc: JsonDocument }> {
  const subject = say(`cli-${role}`, lang);
  const doc = await readJson(file, subject, lang, io);
  try {
    checkPrevious(doc.value, lang);
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    throw placeInResult(error, doc, role);
  }
  return { result: doc.value as AssessmentResult, doc };
}

/**
 * A problem the library found with a previous result (subject `previous`, paths from
 * `previous`), placed in the file it was read from: each path from the file's root, each issue at
 * its line, in line order. `--result` of `chain` is no previous result: its problems say so.
 *
 * @example
 * throw placeInResult(error, doc, 'previous'); // 2021.json:12 period: …
 */
export function placeInResult(error: ValidationError, doc: JsonDocument, role: 'previous' | 'result'): ValidationError {
  const rooted = error.issues.map((issue) => {
    const path = issue.path[0] === 'previous' ? issue.path.slice(1) : issue.path;
    const params = role === 'result' && issue.code === 'invalid-previous' ? issue.params : undefined;
    // The same problem in the words of a result given to be shown, not compared with.
    return params === undefined ? { ...issue, path } : makeIssue('cli-invalid-result', path, params, error.lang);
  });
  return new ValidationError(say(`cli-${role}`, error.lang), byLine(locateIssues(rooted, doc.text, doc.file)), error.lang);
}

/**
 * The coverage options file: the fields of `CoverageOptions` (checked as `coverage` checks them,
 * {@link CoverageOptionsSchema}) but `lang`, which the command line gives, and its `$schema`.
 *
 * @example
 * CoverageOptionsFileSchema.parse({ liaisonRequiredFor: ['branch'], maxOfficerPostsPerPerson: 3 });
 */
export const CoverageOptionsFileSchema = z.strictObject({
  $schema: z.string().optional(),
  ...CoverageOptionsSchema.omit({ lang: true }).shape,
});

/**
 * Reads and validates a coverage options file (such as the bureau's `coverage.json`).
 *
 * @example
 * const options = await loadCoverageOptions('coverage.json', 'zh', io);
 */
export async function loadCoverageOptions(file: string, lang: Lang, io: CliIo): Promise<CoverageOptions> {
  const subject = say('cli-coverage-options', lang);
  const doc = await readJson(file, subject, lang, io);
  const parsed = CoverageOptionsFileSchema.safeParse(doc.value, { reportInput: true });
  if (!parsed.success) {
    const issues = fromZodIssues(parsed.error.issues, [], lang, { kind: 'unknown-kind' });
    throw new ValidationError(subject, locateIssues(issues, doc.text, file), lang);
  }
  const { $schema: _schema, ...options } = parsed.data;
  return options as CoverageOptions;
}
