// The Markdown report's options and their checks.
import { z } from 'zod';
import { isObject, makeIssue, type Issue } from '../core/issue.js';
import type { Lang } from '../core/lang.js';
import { LangOptionSchema } from '../core/options.js';
import type { LintFinding } from '../engine/lint.js';
import type { CoverageReport } from '../graph/coverage.js';
import type { Graph } from '../graph/types.js';
import { CoverageReportShapeSchema } from './result-check.js';
import type { RuleTitleSource } from './titles.js';

/**
 * Options for {@link toMarkdown} and {@link toMarkdownChunks}, checked before anything is
 * written ({@link MarkdownOptionsSchema}): a `ValidationError` (subject `options`) lists every
 * problem — options that are not an object (`null`, a text such as `'en'`), a name not below
 * (`coverge`: `unknown-field`), a `lang` other than `zh` or `en` (`'fr'`, `'EN'`, `null`:
 * `invalid-value`), a `graph` that `parseGraph` did not make (the graph document itself, `null`:
 * `invalid-type` at `graph`), a `coverage` that is not a coverage report (its counts, and each
 * gap's code, severity and message), `lint` that is not a list of lint findings (each with its
 * severity, code, path and message), or `rules` whose `ladders`, `accountability.rules` or
 * `accountability.supervision` are not ladders or rules with a text `id` (and a text `title` and
 * `titleEn` when given), or whose `id` is not the result's rule set's (`result-rules-differ` at
 * `rules.id`).
 *
 * @example
 * toMarkdown(result, { lang: 'en', graph, rules, coverage: coverage(graph), lint: lintRuleSet(rules, graph) });
 */
export interface MarkdownOptions {
  /** Language of headings and labels. Default: the result's language. */
  readonly lang?: Lang;
  /** The graph, for the names of organizations that were not assessed. */
  readonly graph?: Graph;
  /** A coverage report to list the gaps of (横向到边、纵向到底). */
  readonly coverage?: CoverageReport;
  /** Lint findings of the rule set to list. */
  readonly lint?: readonly LintFinding[];
  /**
   * The rule set the result was assessed with, for the titles of its grade ladders in the
   * report's language (without it, the grade distribution names ladders by id) and of the
   * accountability rules that reached no one (which the result names by id). Only the `id`,
   * `title` and `titleEn` of `ladders`, `accountability.rules` and `accountability.supervision`
   * are read.
   */
  readonly rules?: RuleTitleSource;
}

/** One lint finding as the report reads it: severity, code, path and message (more is let through). */
const LintFindingShapeSchema = z.object({
  severity: z.enum(['error', 'warning']),
  code: z.string(),
  path: z.array(z.union([z.string(), z.number()])),
  message: z.string(),
});

/** An id with its titles, in a rule set. */
const TitledShapeSchema = z.object({ id: z.string(), title: z.string().optional(), titleEn: z.string().optional() });

/** A rule set as the report reads it: the ids and titles of its ladders and accountability rules (more is let through). */
const RulesShapeSchema = z.object({
  ladders: z.array(TitledShapeSchema).optional(),
  accountability: z.object({ rules: z.array(TitledShapeSchema).optional(), supervision: TitledShapeSchema.optional() }).optional(),
});

/**
 * {@link MarkdownOptions}, no other name; `graph` is checked to be a parsed graph besides (see
 * {@link toMarkdownChunks}).
 *
 * @example
 * checkOptions(MarkdownOptionsSchema, { lang: 'en' }); // 'en'
 */
export const MarkdownOptionsSchema = z.strictObject({
  lang: LangOptionSchema.optional(),
  graph: z.unknown().optional(),
  coverage: CoverageReportShapeSchema.optional(),
  lint: z.array(LintFindingShapeSchema).optional(),
  rules: RulesShapeSchema.optional(),
});

/**
 * The problem with a rule set given in options (`rules`) for its titles: none unless it names
 * itself (`id`) otherwise than the result's rule set, whose ladders and rules would then lend their
 * titles to ids they do not name (`result-rules-differ` at `rules.id`).
 *
 * @example
 * rulesOptionIssues(result, { id: 'other-2022' }, 'zh')[0]?.code; // 'result-rules-differ'
 */
export function rulesOptionIssues(result: unknown, rules: unknown, lang: Lang): Issue[] {
  if (!isObject(rules) || typeof rules['id'] !== 'string' || !isObject(result) || !isObject(result['ruleSet'])) return [];
  const expected = result['ruleSet']['id'];
  if (typeof expected !== 'string' || expected === rules['id']) return [];
  return [makeIssue('result-rules-differ', ['rules', 'id'], { rules: rules['id'], result: expected }, lang)];
}
