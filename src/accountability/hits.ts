import { isObject } from '../core/issue.js';
import type { AssessmentResult } from './types.js';

const keyOf = (s: { type: string; id: string }): string => `${s.type}\u0000${s.id}`;

const isSubjectRef = (value: unknown): value is { type: 'organization' | 'person'; id: string } =>
  isObject(value) && (value['type'] === 'organization' || value['type'] === 'person') && typeof value['id'] === 'string';

/**
 * The subjects each rule set off in a previous period, by rule: `type\u0000id`. From its `hits`;
 * a result written before `hits` existed lacks them, and its findings' trigger subjects stand in
 * (which miss a subject the rule reached nobody from).
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
  const hits: unknown = (previous as { hits?: unknown }).hits;
  if (hits === undefined) {
    for (const f of previous.findings ?? []) add(f.rule, f.trigger.subject);
    return out;
  }
  // Checked when the session opens (the engine's checkPrevious): what is not a hit is passed over.
  if (Array.isArray(hits)) for (const h of hits as unknown[]) if (isObject(h) && typeof h['rule'] === 'string' && isSubjectRef(h['subject'])) add(h['rule'], h['subject']);
  return out;
}
