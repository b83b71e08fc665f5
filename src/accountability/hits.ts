import type { AssessmentResult, RuleHit } from './types.js';

/**
 * A subject as one map key: `type\u0000id`.
 *
 * @example
 * keyOf({ type: 'person', id: 'p-sun' }); // 'person\u0000p-sun'
 */
export const keyOf = (s: { type: string; id: string }): string => `${s.type}\u0000${s.id}`;

/**
 * The subjects each rule set off in a previous period, by rule: `type\u0000id`. From its `hits`;
 * a result written before `hits` existed lacks them, and its findings' trigger subjects stand in
 * (which miss a subject the rule reached nobody from). Provisional hits (a result made while its
 * period was still running) are left out.
 *
 * @example
 * previousHitsOf(lastYear).get('derelict')?.has('person\u0000p-sun');
 */
export function previousHitsOf(previous: AssessmentResult | undefined): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  const add = (rule: string, subject: { type: string; id: string }): void => {
    const set = out.get(rule);
    if (set) set.add(keyOf(subject));
    else out.set(rule, new Set([keyOf(subject)]));
  };
  if (!previous) return out;
  // Checked when the session opened (the engine's checkPrevious): `hits`, when given, is a list of
  // rule hits, so it is read as one.
  const { hits } = previous as { hits?: AssessmentResult['hits'] };
  if (hits === undefined) for (const f of previous.findings ?? []) add(f.rule, f.trigger.subject);
  // A provisional hit (the period was still running) is not what the period came to.
  else for (const h of hits) if (h.provisional !== true) add(h.rule, h.subject);
  return out;
}

/**
 * The hits of a result made while its period was still running that gave no finding yet
 * (`provisional`), in the result's order. A result from before hits has none.
 *
 * @example
 * provisionalHits(result).length;
 */
export function provisionalHits(result: AssessmentResult): RuleHit[] {
  return (result.hits ?? []).filter((h) => h.provisional === true);
}

/**
 * Whether a result was made while its period was still running (an as-of date before its end):
 * what its early warnings (`provisionalHits`) belong to. Dates as the result writes them
 * (`YYYY-MM-DD`), compared as text.
 *
 * @example
 * madeWhileRunning({ asOf: '2022-06-30', end: '2022-12-31' }); // true
 */
export function madeWhileRunning<P extends { readonly asOf: string | null; readonly end: string }>(period: P): period is P & { readonly asOf: string } {
  return period.asOf !== null && period.asOf < period.end;
}
