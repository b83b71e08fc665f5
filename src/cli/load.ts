import { z } from 'zod';
import type { AssessmentResult } from '../accountability/types.js';
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
import { say, type CliIo } from './io.js';
import { locateIssues } from './locate.js';

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
 * Reads an assessment result (`--previous`, `--result`) and checks that it is one.
 *
 * @example
 * const previous = await loadResult('2021.json', 'zh', io, 'previous');
 */
export async function loadResult(file: string, lang: Lang, io: CliIo, role: 'previous' | 'result'): Promise<AssessmentResult> {
  const subject = say(`cli-${role}`, lang);
  const doc = await readJson(file, subject, lang, io);
  try {
    checkPrevious(doc.value, lang);
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    // The issues' paths start at `previous`; in the file they start at its root.
    throw new ValidationError(subject, locateIssues(error.issues.map((i) => ({ ...i, path: i.path.slice(1) })), doc.text, file), lang);
  }
  return doc.value as AssessmentResult;
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
