// The checks of what reports are given: a result (its parts and their elements), a graph in the
// options, a coverage report's shape.
import { z } from 'zod';
import { isObject, makeIssue, typeName, type Issue } from '../core/issue.js';
import type { Lang } from '../core/lang.js';
import { ValidationError } from '../core/validation-error.js';
import { requireGraph } from '../graph/lookup.js';
import { resultElementIssues } from './result-elements.js';

/** The parts of an assessment result the reports read, and what each must be. */
const RESULT_PARTS = {
  lang: (v: unknown) => v === 'zh' || v === 'en',
  ruleSet: isObject,
  period: isObject,
  engine: isObject,
  evidence: isObject,
  organizations: Array.isArray,
  people: Array.isArray,
  findings: Array.isArray,
  warnings: Array.isArray,
  eligibility: Array.isArray,
  pressure: Array.isArray,
  ineligibleFrom: (v: unknown) => v === null || isObject(v),
  audit: (v: unknown) => v === undefined || Array.isArray(v),
  // A result written before hits were added has none.
  hits: (v: unknown) => v === undefined || Array.isArray(v),
  // Nor one written before the form ladders were kept (null: none kept).
  forms: (v: unknown) => v === undefined || v === null || isObject(v),
} satisfies Record<string, (value: unknown) => boolean>;

/** A part of an assessment result a report reads. */
export type ResultPart = keyof typeof RESULT_PARTS;

/**
 * The result given to a report, checked: a `ValidationError` (subject `options`, code
 * `invalid-type` at the path `[]`, expected `assess(…)`) when it is not an object, or when one of
 * the parts the report reads is missing or of the wrong kind (a list that is not one, a `lang`
 * that is neither `zh` nor `en`), those parts named in `received`: `object (findings, lang)`;
 * then one listing every problem with the elements of those parts, each at its path from the
 * result (`findings[0]`: `invalid-type` for a `null` finding or a `NaN` total, `required` for a
 * field missing; see `resultElementIssues`). Where a report would otherwise fail with a TypeError
 * deep inside, or print `NaN`.
 *
 * @example
 * requireResult(null, ['lang', 'findings'], 'zh'); // throws: 应为 assess(…)，实际为 null
 */
export function requireResult<T>(value: T, parts: readonly ResultPart[], lang: Lang): T {
  let received = typeName(value);
  if (isObject(value)) {
    const wrong = parts.filter((part) => !RESULT_PARTS[part](value[part]));
    if (wrong.length === 0) {
      const elements = resultElementIssues(value, parts, lang);
      if (elements.length === 0) return value;
      throw new ValidationError('options', elements, lang);
    }
    received = `object (${wrong.join(', ')})`;
  }
  throw new ValidationError('options', [makeIssue('invalid-type', [], { expected: 'assess(…)', received }, lang)], lang);
}

/**
 * The problem with a graph given in options (`graph`), as {@link requireGraph} names it at the
 * path `['graph']`: none when it is missing or a graph `parseGraph` made.
 *
 * @example
 * graphOptionIssues(graphJson, 'zh')[0]?.code; // 'invalid-type'
 */
export function graphOptionIssues(value: unknown, lang: Lang): Issue[] {
  if (value === undefined) return [];
  try {
    requireGraph(value, lang);
    return [];
  } catch (error) {
    if (error instanceof ValidationError) return [...error.issues];
    throw error;
  }
}

/**
 * A coverage report as the reports read it: its counts, and the code, severity and message of
 * each gap (other members are let through). For a report given to {@link formatCoverageText}
 * or in the Markdown report's options, where one of another shape would fail with a TypeError.
 *
 * @example
 * CoverageReportShapeSchema.safeParse(coverage(graph)).success; // true
 */
export const CoverageReportShapeSchema = z.object({
  gaps: z.array(z.object({ code: z.string(), severity: z.enum(['error', 'warning', 'info']), message: z.string() })),
  organizations: z.number(),
  overseen: z.number(),
  withSecretary: z.number(),
});
