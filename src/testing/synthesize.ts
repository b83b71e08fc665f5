import { formatCalendarDate, parseCalendarDate, resolvePeriod, type Graph, type Indicator, type RecordInput, type RuleSet, type SubjectResult } from '../index.js';
import type { Random } from './prng.js';

/**
 * Measure types whose score can only grow with one more record that counts.
 *
 * @example
 * ADDITIVE_MEASURES.has('cadence'); // true
 */
export const ADDITIVE_MEASURES: ReadonlySet<string> = new Set(['count', 'cadence', 'window']);

type RecordMeasure = Extract<NonNullable<Indicator['measure']>, { type: 'count' | 'cadence' | 'window' }>;

function additiveMeasure(indicator: Indicator | undefined): RecordMeasure | undefined {
  const measure = indicator?.measure;
  return measure && ADDITIVE_MEASURES.has(measure.type) ? (measure as RecordMeasure) : undefined;
}

/** The organizations where a person holds a post the indicator applies to. */
function postOrganizations(graph: Graph, indicator: Indicator, subject: SubjectResult): string[] {
  const applies = indicator.appliesTo;
  if (!('posts' in applies)) return [];
  return (subject.posts ?? [])
    .filter((p) => applies.posts.includes(p.role))
    .filter((p) => {
      const kind = graph.organizations.get(p.organization)?.kind;
      return applies.in === undefined || (kind !== undefined && applies.in.includes(kind));
    })
    .map((p) => p.organization);
}

/** The days a record can fall on and still count, or undefined when there are none. */
function dayRange(rules: RuleSet, measure: RecordMeasure, asOf: string | null): { from: number; to: number } | undefined {
  const period = resolvePeriod(rules.period);
  const last = Math.min(period.end, asOf === null ? period.end : (parseCalendarDate(asOf) ?? period.end));
  let from = period.start;
  let to = last;
  if (measure.type === 'window') {
    from = Math.max(from, parseCalendarDate(measure.from) ?? from);
    to = Math.min(to, parseCalendarDate(measure.to) ?? to);
  }
  return from <= to ? { from, to } : undefined;
}

/**
 * A record that a count, cadence or window indicator reads for a subject it applies to: one
 * of its record types, for the subject (or, for a person read by organization, one of the
 * organizations of their post), dated where it counts, with the attributes its filter and
 * required material ask for. Undefined when no record could count (a window outside the period).
 *
 * @example
 * requiredRecord(rules, graph, subject, 'br-theme-day', '2022-12-31', random, 'check-1');
 * // { id: 'check-1', type: 'theme-day', organization: 'b1', date: '2022-05-17', attributes: { minutes: 'property-check' } }
 */
export function requiredRecord(rules: RuleSet, graph: Graph, subject: SubjectResult, indicatorId: string, asOf: string | null, random: Random, id: string): RecordInput | undefined {
  const indicator = rules.indicators.find((i) => i.id === indicatorId);
  const measure = additiveMeasure(indicator);
  if (!indicator || !measure) return undefined;
  const range = dayRange(rules, measure, asOf);
  if (!range) return undefined;
  let owner: { organization: string } | { person: string };
  if (subject.type === 'organization') owner = { organization: subject.id };
  else if ((measure.by ?? 'person') === 'person') owner = { person: subject.id };
  else {
    const organizations = postOrganizations(graph, indicator, subject);
    if (organizations.length === 0) return undefined;
    owner = { organization: random.pick(organizations) };
  }
  // A Map, then fromEntries: an attribute named __proto__ stays an ordinary key.
  const values = new Map<string, string | number | boolean | null>();
  for (const key of measure.requireAttributes ?? []) values.set(key, 'property-check');
  for (const [key, value] of Object.entries(measure.where ?? {})) {
    values.set(key, Array.isArray(value) ? random.pick(value as readonly (string | number | boolean | null)[]) : (value as string | number | boolean | null));
  }
  const attributes = Object.fromEntries(values);
  return {
    id,
    type: random.pick(measure.recordTypes),
    ...owner,
    date: formatCalendarDate(random.int(range.from, range.to)),
    ...(values.size > 0 ? { attributes } : {}),
  };
}

/**
 * The (subject, indicator) pairs a required record can be added for: every line of a count,
 * cadence or window indicator, excluded lines included.
 *
 * @example
 * additiveLines(rules, result).length;
 */
export function additiveLines(rules: RuleSet, subjects: readonly SubjectResult[]): { subject: SubjectResult; indicator: string }[] {
  const additive = new Set(rules.indicators.filter((i) => additiveMeasure(i) !== undefined).map((i) => i.id));
  return subjects.flatMap((subject) => subject.lines.filter((l) => additive.has(l.indicator)).map((l) => ({ subject, indicator: l.indicator })));
}
