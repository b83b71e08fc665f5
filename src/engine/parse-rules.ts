import { z } from 'zod';
import type { Issue } from '../core/issue.js';
import { makeIssue } from '../core/issue.js';
import type { Lang } from '../core/lang.js';
import { formatPath } from '../core/path.js';
import { capIssue, ValidationError, type SafeParseResult } from '../core/validation-error.js';
import { LangOptionSchema, optionsError } from '../core/options.js';
import { fromZodIssues } from '../core/zod-issues.js';
import { parseCalendarDate } from '../core/calendar.js';
import { RuleSetSchema, type AppliesTo, type Indicator, type RuleSet } from '../model/rules.js';
import { checkAccountability } from './check-accountability.js';
import { findRollUpCycles } from './rollup-deps.js';

const ENUM_CODES = {
  type: 'unknown-measure-type',
  'trigger.type': 'unknown-trigger-type',
  'reach.to': 'unknown-reach-target',
  method: 'unknown-scoring-method',
  responsibility: 'unknown-responsibility',
} as const;

/** {@link ParseRuleSetOptions}, no other name (`maxIndicator` is refused, not ignored). */
export const ParseRuleSetOptionsSchema = z.strictObject({ lang: LangOptionSchema.optional(), maxIndicators: z.unknown().optional() });

/** Options for {@link parseRuleSet}. */
export interface ParseRuleSetOptions {
  readonly lang?: Lang;
  /** At most this many indicators (default 10,000): a whole number ≥ 0, else an `options` error. */
  readonly maxIndicators?: number;
}

type Path = (string | number)[];

function checkDuplicates<T extends { id: string }>(items: readonly T[], path: Path, what: string, lang: Lang, issues: Issue[]): void {
  const first = new Map<string, number>();
  items.forEach((item, i) => {
    const at = first.get(item.id);
    if (at === undefined) first.set(item.id, i);
    else issues.push(makeIssue('duplicate-rule-id', [...path, i, 'id'], { id: item.id, what, first: formatPath([...path, at], lang) }, lang));
  });
}

function subjectType(indicator: Indicator): 'organization' | 'person' {
  return 'organizations' in indicator.appliesTo ? 'organization' : 'person';
}

/**
 * Whether some subject is one both `a` and `b` apply to: organizations of a kind both list, or a
 * post both list in an organization of a kind both allow (no `in`: any kind).
 */
function subjectsOverlap(a: AppliesTo, b: AppliesTo): boolean {
  if ('organizations' in a) return 'organizations' in b && a.organizations.some((kind) => b.organizations.includes(kind));
  if ('organizations' in b) return false;
  if (!a.posts.some((role) => b.posts.includes(role))) return false;
  return a.in === undefined || b.in === undefined || a.in.some((kind) => (b.in as readonly string[]).includes(kind));
}

/**
 * The value of a fraction written `a/b` (the schema's form of a quota's share).
 *
 * @example
 * fractionValue('1/3'); // 0.333…
 */
export function fractionValue(share: string): number {
  const [over, under] = share.split('/').map(Number) as [number, number];
  return over / under;
}

const ORG_SOURCES = new Set(['children', 'subtree', 'self']);
const PERSON_SOURCES = new Set(['oversight', 'liaison', 'led-organizations', 'self']);
const ORG_FACTS = new Set(['secretary-in-post', 'officer-staffed', 'liaison-present', 'overseen', 'team-size']);

function checkIndicator(indicator: Indicator, at: Path, byId: ReadonlyMap<string, Indicator>, lang: Lang, issues: Issue[]): void {
  const add = (code: string, path: Path, params: Record<string, string | number> = {}): void => {
    issues.push(makeIssue(code, [...at, ...path], params, lang));
  };
  const { measure, scoring, points, id } = indicator;
  if (!measure && !indicator.bonus && !indicator.veto) add('empty-indicator', [], { id });
  if (points > 0 && !measure) add('measure-required', ['measure'], { id, points });
  if (points > 0 && measure && !scoring) add('scoring-required', ['scoring'], { id, points });
  if (scoring?.method === 'steps') {
    scoring.steps.forEach((step, i) => {
      if (step.points > points) add('step-exceeds-points', ['scoring', 'steps', i, 'points'], { step: step.points, points });
    });
  }
  if (indicator.bonus && (indicator.bonus.each === undefined) === (indicator.bonus.byAttribute === undefined)) add('bonus-amount', ['bonus']);
  const subject = subjectType(indicator);
  // An organization's own records are `self`: one way to say it, not two.
  if (indicator.veto?.scope === 'organization' && subject === 'organization') add('veto-scope-organization', ['veto', 'scope'], { id });
  if (!measure) return;
  if (measure.type === 'window' && (parseCalendarDate(measure.from) as number) > (parseCalendarDate(measure.to) as number)) {
    add('range-reversed', ['measure', 'to'], { from: measure.from, to: measure.to });
  }
  if (measure.type === 'manual') checkDuplicates(measure.groups, [...at, 'measure', 'groups'], lang === 'zh' ? '评分组' : 'assessor group', lang, issues);
  if (measure.type === 'structure') {
    const fitsOrganization = ORG_FACTS.has(measure.fact);
    if (fitsOrganization !== (subject === 'organization')) add('structure-subject', ['measure', 'fact'], { fact: measure.fact, subject });
    // Each option is read by one fact only: written on another it would change nothing.
    if (measure.atLeast !== undefined && measure.fact !== 'team-size') add('structure-option-unused', ['measure', 'atLeast'], { fact: measure.fact, field: 'atLeast' });
    if (measure.maxOfficerPosts !== undefined && measure.fact !== 'officer-staffed') add('structure-option-unused', ['measure', 'maxOfficerPosts'], { fact: measure.fact, field: 'maxOfficerPosts' });
  }
  // Whose records a measure reads: `by` chooses for a person, and has no say for an organization
  // (always its own records); `scope` widens organizations' records, so a person reading their own
  // records has none to widen. Either, written where it changes nothing, is refused, not ignored.
  if ('by' in measure && measure.by !== undefined && subject === 'organization') add('measure-by-organization-subject', ['measure', 'by'], { id });
  if ('scope' in measure && measure.scope !== undefined && subject === 'person' && measure.by !== 'organization') add('measure-scope-person', ['measure', 'scope'], { id });
  if (measure.type === 'roll-up') {
    measure.from.forEach((source, i) => {
      const allowed = subject === 'organization' ? ORG_SOURCES : PERSON_SOURCES;
      if (!allowed.has(source.source)) add('rollup-source-subject', ['measure', 'from', i, 'source'], { source: source.source, subject });
      if (Array.isArray(source.of)) {
        source.of.forEach((ref, j) => {
          const target = byId.get(ref);
          const path = ['measure', 'from', i, 'of', j];
          if (!target) add('unknown-indicator', path, { id: ref });
          else if (source.source !== 'self' && subjectType(target) !== 'organization') add('rollup-subject-mismatch', path, { id: ref });
          else if (source.source === 'self' && !subjectsOverlap(indicator.appliesTo, target.appliesTo)) add('rollup-self-not-own', path, { id: ref });
          // A 0-point line has no rate: the roll-up would read "no result" and count a shortfall.
          else if (target.points === 0) add('rollup-reads-no-points', path, { id: ref });
        });
      }
    });
  }
}

function checkRuleSet(rules: RuleSet, lang: Lang): Issue[] {
  const issues: Issue[] = [];
  checkDuplicates(rules.indicators, ['indicators'], lang === 'zh' ? '指标' : 'indicator', lang, issues);
  checkDuplicates(rules.ladders ?? [], ['ladders'], lang === 'zh' ? '等次序列' : 'ladder', lang, issues);
  checkDuplicates(rules.sources ?? [], ['sources'], lang === 'zh' ? '数据来源' : 'source', lang, issues);
  checkDuplicates(rules.recordTypes ?? [], ['recordTypes'], lang === 'zh' ? '记录类型' : 'record type', lang, issues);
  (rules.ladders ?? []).forEach((ladder, i) => checkDuplicates(ladder.grades, ['ladders', i, 'grades'], lang === 'zh' ? '等次' : 'grade', lang, issues));
  if ('start' in rules.period && (parseCalendarDate(rules.period.start) as number) > (parseCalendarDate(rules.period.end) as number)) {
    issues.push(makeIssue('range-reversed', ['period', 'end'], { from: rules.period.start, to: rules.period.end }, lang));
  }
  const byId = new Map<string, Indicator>();
  for (const indicator of rules.indicators) if (!byId.has(indicator.id)) byId.set(indicator.id, indicator);
  rules.indicators.forEach((indicator, i) => checkIndicator(indicator, ['indicators', i], byId, lang, issues));
  for (const cycle of findRollUpCycles(rules.indicators)) {
    const at = rules.indicators.findIndex((indicator) => indicator.id === cycle[0]);
    issues.push(makeIssue('rollup-cycle', ['indicators', at, 'measure'], { cycle: [...cycle, cycle[0]].join(' → ') }, lang));
  }
  const ladders = new Map((rules.ladders ?? []).map((ladder) => [ladder.id, ladder]));
  (rules.quotas ?? []).forEach((quota, i) => {
    if (quota.maxShare === undefined && quota.maxCount === undefined) issues.push(makeIssue('quota-limit', ['quotas', i], {}, lang));
    // A decimal share over 1 is refused by the schema; a fraction is checked here ("3/2").
    if (typeof quota.maxShare === 'string' && fractionValue(quota.maxShare) > 1) {
      issues.push(makeIssue('quota-share-over-one', ['quotas', i, 'maxShare'], { share: quota.maxShare }, lang));
    }
    const ladder = ladders.get(quota.ladder);
    if (!ladder) issues.push(makeIssue('unknown-ladder', ['quotas', i, 'ladder'], { id: quota.ladder }, lang));
    else if (!ladder.grades.some((grade) => grade.id === quota.grade)) {
      issues.push(makeIssue('unknown-grade', ['quotas', i, 'grade'], { id: quota.grade, ladder: quota.ladder }, lang));
    } else if ([...ladder.grades].sort((a, b) => b.min - a.min).at(-1)?.id === quota.grade) {
      // Those over a quota move one grade down (grades ranked by their minimum, as grading ranks
      // them): from the lowest there is nowhere to go, and the quota would be ignored without a word.
      issues.push(makeIssue('quota-lowest-grade', ['quotas', i, 'grade'], { id: quota.grade, ladder: quota.ladder }, lang));
    }
  });
  issues.push(...checkAccountability(rules, lang));
  return issues;
}

/** The value at a path of the raw input, if every step is there. */
function valueAt(input: unknown, path: readonly (string | number)[]): unknown {
  let at: unknown = input;
  for (const key of path) {
    if (typeof at !== 'object' || at === null || !Object.hasOwn(at, key)) return undefined;
    at = (at as Record<string | number, unknown>)[key];
  }
  return at;
}

/**
 * A share written as a percentage (a ratio's `atLeast: 90`): "at most 1" alone does not say that
 * 90% is written 0.9. A share above 1 and at most 100, where a share is due (a ratio's or a
 * roll-up's `atLeast`, a quota's `maxShare`), is told so, with the decimal it likely meant.
 */
function sharePercentHint(issue: Issue, input: unknown, lang: Lang): Issue {
  if (issue.code !== 'too-big' || issue.params['maximum'] !== '1') return issue;
  const { path } = issue;
  const last = path.at(-1);
  const isShare =
    (last === 'atLeast' && path.at(-2) === 'measure' && ['ratio', 'roll-up'].includes(valueAt(input, [...path.slice(0, -1), 'type']) as string)) ||
    (last === 'maxShare' && path[0] === 'quotas');
  const value = valueAt(input, path);
  if (!isShare || typeof value !== 'number' || !(value > 1 && value <= 100)) return issue;
  return makeIssue('share-as-percent', path, { value, share: String(Number((value / 100).toPrecision(12))) }, lang);
}

/**
 * Validates a rule set (JSON or a `defineRuleSet` object) and reports every problem with its
 * path: structure, duplicate ids, indicators missing a measure or scoring, roll-up references
 * and cycles, quotas on ladders or grades that do not exist.
 *
 * @example
 * const r = safeParseRuleSet(JSON.parse(text), { lang: 'en' });
 * if (!r.success) for (const issue of r.error.issues) console.error(issue.path, issue.message);
 */
export function safeParseRuleSet(input: unknown, options: ParseRuleSetOptions = {}): SafeParseResult<RuleSet> {
  const wrongOptions = optionsError(ParseRuleSetOptionsSchema, options, (lang) => {
    const cap = capIssue(options.maxIndicators, ['maxIndicators'], lang);
    return cap ? [cap] : [];
  });
  if (wrongOptions) return { success: false, error: wrongOptions };
  const lang = options.lang ?? 'zh';
  const maxIndicators = options.maxIndicators ?? 10_000;
  const count = typeof input === 'object' && input !== null && Array.isArray((input as { indicators?: unknown }).indicators)
    ? ((input as { indicators: unknown[] }).indicators.length)
    : 0;
  if (count > maxIndicators) {
    const issue = makeIssue('limit-exceeded', ['indicators'], { what: 'indicators', limit: maxIndicators, actual: count }, lang);
    return { success: false, error: new ValidationError('rules', [issue], lang) };
  }
  const parsed = RuleSetSchema.safeParse(input, { reportInput: true });
  if (!parsed.success) return { success: false, error: new ValidationError('rules', fromZodIssues(parsed.error.issues, [], lang, ENUM_CODES).map((issue) => sharePercentHint(issue, input, lang)), lang) };
  const issues = checkRuleSet(parsed.data, lang);
  if (issues.length > 0) return { success: false, error: new ValidationError('rules', issues, lang) };
  return { success: true, data: parsed.data };
}

/**
 * Validates a rule set and returns it typed.
 *
 * @throws {ValidationError} listing every problem with its path.
 * @example
 * const rules = parseRuleSet(JSON.parse(fs.readFileSync('rules.json', 'utf8')));
 */
export function parseRuleSet(input: unknown, options: ParseRuleSetOptions = {}): RuleSet {
  const result = safeParseRuleSet(input, options);
  if (!result.success) throw result.error;
  return result.data;
}
