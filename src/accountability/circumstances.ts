import type { Lang } from '../core/lang.js';
import { formatMessage } from '../core/messages.js';
import { byCodeUnit } from '../core/order.js';
import type { Warning } from '../engine/result.js';
import { joinText } from '../core/explain.js';
import { pushGroup } from '../graph/frozen-map.js';
import type { Graph } from '../graph/types.js';
import { WAIVER_REASONS, type Accountability } from '../model/accountability.js';
import type { AttributeValue, EvidenceRecord } from '../model/record.js';
import type { RuleSet } from '../model/rules.js';
import { seatsOf } from './reach.js';
import type { RetainedIndex } from './retained-index.js';
import type { TriggerHit } from './triggers.js';
import type { Circumstance, Finding, FindingSubject } from './types.js';

/** The record types that carry circumstances and waivers, as the rule set names them or by default. */
export interface CircumstanceTypes {
  readonly aggravating: ReadonlySet<string>;
  readonly mitigating: ReadonlySet<string>;
  readonly waiver: ReadonlySet<string>;
}

/**
 * The record types of an accountability section's circumstances, defaults filled in.
 *
 * @example
 * circumstanceTypes(section).mitigating.has('prompt-remedy'); // true by default
 */
export function circumstanceTypes(section: Accountability): CircumstanceTypes {
  return {
    aggravating: new Set(section.circumstances?.aggravating ?? ['aggravating-circumstance']),
    mitigating: new Set(section.circumstances?.mitigating ?? ['prompt-remedy']),
    waiver: new Set(section.circumstances?.waiver ?? ['accountability-waiver']),
  };
}

/**
 * Whether a record's `rule` attribute lets it apply to a rule: absent or null applies to every
 * rule; a text to the rule it names; a list to each rule it contains.
 *
 * @example
 * appliesToRule(['serious', 'formalism'], 'serious'); // true
 */
export function appliesToRule(value: AttributeValue | undefined, rule: string): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value === 'string') return value === rule;
  return Array.isArray(value) && value.includes(rule);
}

/**
 * The organizations a case is at: where a person's circumstance or waiver record that names an
 * organization must point to apply to a finding of that case (问责条例 Arts. 17–19: grounds to
 * waive, lighten or make heavier belong to one act in one case, not to all a person answers for).
 * For a trigger on an organization: that organization and those named on the trigger's records (a
 * veto over a subtree that fired at the committee for a case in a branch is the same act). For a
 * trigger on a person: the organizations named on the trigger's records, else the person's seats
 * (where they lead, else where they hold any post: a verdict is on their work there).
 *
 * @example
 * caseOrganizations(graph, retained, hit); // Set { 'b1' } for a veto at b1 on a record at b1
 */
export function caseOrganizations(graph: Graph, retained: RetainedIndex, hit: Pick<TriggerHit, 'subject' | 'recordIds'>): ReadonlySet<string> {
  const named: string[] = [];
  for (const id of hit.recordIds) {
    const at = retained.byId.get(id)?.organization;
    if (at !== undefined) named.push(at);
  }
  if (hit.subject.type === 'organization') return new Set([hit.subject.id, ...named]);
  return new Set(named.length > 0 ? named : seatsOf(graph, hit.subject.id));
}

/**
 * The records naming a subject: a person's own — those naming an organization only when the case
 * is there (`at`; none given: every case) — or an organization's that name no person, whose
 * `organization` is the subject itself and so applies to every case against it.
 */
function recordsOf(retained: RetainedIndex, subject: { type: string; id: string }, at: ReadonlySet<string> | undefined): readonly EvidenceRecord[] {
  if (subject.type !== 'person') return retained.byOrganization(subject.id).filter((r) => r.person === undefined);
  const own = retained.byPerson(subject.id);
  return at === undefined ? own : own.filter((r) => r.organization === undefined || at.has(r.organization));
}

/** Those of a subject's records that are of some types and apply to a rule. */
function applying(records: readonly EvidenceRecord[], types: ReadonlySet<string>, rule: string): EvidenceRecord[] {
  return records.filter((r) => types.has(r.type) && appliesToRule(r.attributes.get('rule'), rule));
}

/**
 * The circumstances that move a finding's form from `start` on a ladder whose last place is
 * `last`, and the place they move it to: a repeat (+1), aggravating records (+1), mitigating
 * records (−1). The moves add up first and the ladder's ends cut the sum once, so a heavier and a
 * lighter circumstance cancel wherever the form stands. Only the moves the ends cut are marked
 * `clamped` — the last ones in the direction of the cut — so that an explanation never says a
 * move was stopped when it moved the form. A person's record that names an organization counts
 * only for a case at one of the organizations `at` (see {@link caseOrganizations}); one that names
 * none, for every case of that person under the rule; `at` not given: every case.
 *
 * @example
 * // 组织调整或处理 (place 4 of 0..5), repeated and aggravated: 纪律处分, the aggravating move cut
 * circumstancesOf(types, retained, subject, 'serious', true, 4, 5, new Set(['b2'])).index; // 5
 */
export function circumstancesOf(
  types: CircumstanceTypes,
  retained: RetainedIndex,
  subject: FindingSubject,
  rule: string,
  repeated: boolean,
  start: number,
  last: number,
  at?: ReadonlySet<string>,
): { circumstances: Circumstance[]; index: number } {
  const moves: { kind: Circumstance['kind']; step: 1 | -1; recordIds: string[] }[] = [];
  if (repeated) moves.push({ kind: 'repeat', step: 1, recordIds: [] });
  const records = recordsOf(retained, subject, at);
  const heavier = applying(records, types.aggravating, rule);
  if (heavier.length > 0) moves.push({ kind: 'aggravating', step: 1, recordIds: heavier.map((r) => r.id) });
  const lighter = applying(records, types.mitigating, rule);
  if (lighter.length > 0) moves.push({ kind: 'mitigating', step: -1, recordIds: lighter.map((r) => r.id) });
  const wanted = start + moves.reduce((sum, m) => sum + m.step, 0);
  const index = Math.min(last, Math.max(0, wanted));
  // How many moves the end cut, and in which direction: those are the last such moves.
  let cut = Math.abs(wanted - index);
  const direction = Math.sign(wanted - index);
  const clamped = new Array<boolean>(moves.length).fill(false);
  for (let i = moves.length - 1; i >= 0 && cut > 0; i--) {
    if (moves[i]?.step === direction) {
      clamped[i] = true;
      cut--;
    }
  }
  return { circumstances: moves.map((m, i) => ({ ...m, clamped: clamped[i] as boolean })), index };
}

/**
 * Art. 17 grounds for a person's finding under a rule, from the waiver records naming them: one
 * that names an organization only for a case at one of the organizations `at` (see
 * {@link caseOrganizations}; not given: every case), one that names none for every case.
 *
 * @example
 * waiverOf(types, retained, subject, 'formalism', 'zh', new Set(['b1']))?.reason; // 'recorded-objection'
 */
export function waiverOf(types: CircumstanceTypes, retained: RetainedIndex, subject: FindingSubject, rule: string, lang: Lang, at?: ReadonlySet<string>): Finding['waiver'] {
  const records = applying(recordsOf(retained, subject, at), types.waiver, rule);
  if (records.length === 0) return undefined;
  const given = records[0]?.attributes.get('reason');
  // A record without a reason keeps the id `unspecified`, titled in the result's language.
  if (given === undefined || given === null) return { reason: 'unspecified', title: formatMessage('waiver-reason-unspecified', {}, lang), recordIds: records.map((r) => r.id) };
  const reason = String(given);
  const known = WAIVER_REASONS.find((w) => w.id === reason);
  return { reason, title: known ? (lang === 'en' ? known.titleEn : known.title) : reason, recordIds: records.map((r) => r.id) };
}

/**
 * What circumstance records are called in an explanation: each one's title, else its type's title
 * in the rule set (in English `titleEn` when given); a record with neither (or an id not
 * retained) is named by no title — the explanation then says only what kind of circumstance it
 * is. Each title once, in the order of the ids.
 *
 * @example
 * const titles = recordTitles(retained, rules.recordTypes, 'zh');
 * titles(['c03']); // ['积极配合调查']
 */
export function recordTitles(retained: RetainedIndex, recordTypes: RuleSet['recordTypes'], lang: Lang): (ids: readonly string[]) => string[] {
  const typeTitles = new Map((recordTypes ?? []).map((t) => [t.id, lang === 'en' && t.titleEn !== undefined ? t.titleEn : t.title]));
  const titleOf = (id: string): string | undefined => {
    const record = retained.byId.get(id);
    if (!record) return undefined;
    if (record.title !== undefined && record.title.trim() !== '') return record.title.trim();
    return typeTitles.get(record.type);
  };
  return (ids) => [...new Set(ids.flatMap((id) => titleOf(id) ?? []))];
}

// Records named by their titles take the code; with none titled, the code with `-untitled`.
const CIRCUMSTANCE_CODES: Readonly<Record<Circumstance['kind'], string>> = {
  repeat: 'finding-circumstance-repeat',
  aggravating: 'finding-circumstance-aggravating',
  mitigating: 'finding-circumstance-mitigating',
};

/**
 * One clause of an explanation for each circumstance: what it is — a record's own title, through
 * `titles` (see {@link recordTitles}) — and how it moved the form. A move of one form is 加重 or
 * 减轻 (问责条例 Arts. 18–19), never 从重 or 从轻, which stay within the form; a move the end of the
 * ladder cut says the form is already the heaviest or lightest.
 *
 * @example
 * circumstanceClauses(finding.circumstances, 'zh', titles); // ['上期已有同类问题，加重一档', '有「积极配合调查」情节，减轻一档']
 */
export function circumstanceClauses(circumstances: readonly Circumstance[], lang: Lang, titles: (ids: readonly string[]) => readonly string[]): string[] {
  return circumstances.map((c) => {
    const move = c.step > 0 ? (c.clamped ? 'finding-circumstance-clamped-heavier' : 'finding-circumstance-heavier') : c.clamped ? 'finding-circumstance-clamped-lighter' : 'finding-circumstance-lighter';
    const named = c.kind === 'repeat' ? [] : titles(c.recordIds);
    const code = c.kind !== 'repeat' && named.length === 0 ? `${CIRCUMSTANCE_CODES[c.kind]}-untitled` : CIRCUMSTANCE_CODES[c.kind];
    const what = formatMessage(code, { titles: joinText(named, 'list', lang) }, lang);
    return `${what}${formatMessage(move, {}, lang)}`;
  });
}

/** At most this many record ids are named in one warning. */
const IDS_NAMED = 10;

/**
 * Record ids as a warning names them: the first ten, then `…` when there are more.
 *
 * @example
 * namedIds(['r1', 'r2']); // 'r1, r2'
 */
export const namedIds = (ids: readonly string[]): string => ids.slice(0, IDS_NAMED).join(', ') + (ids.length > IDS_NAMED ? ', …' : '');

/**
 * Circumstance and waiver records whose `rule` names no accountability rule (a misspelt id, a
 * number, an empty list): they apply to nothing, so each name is warned of once, with the
 * records, in code-unit order of the name.
 *
 * @example
 * unknownRuleWarnings(types, retained.all, new Set(['serious']), 'zh').map((w) => w.params['rule']);
 */
export function unknownRuleWarnings(types: CircumstanceTypes, records: readonly EvidenceRecord[], known: ReadonlySet<string>, lang: Lang): Warning[] {
  const byName = new Map<string, string[]>();
  const note = (name: string, id: string): void => pushGroup(byName, name, id);
  for (const r of records) {
    if (!types.aggravating.has(r.type) && !types.mitigating.has(r.type) && !types.waiver.has(r.type)) continue;
    const value = r.attributes.get('rule');
    if (value === undefined || value === null) continue;
    if (typeof value === 'string') {
      if (!known.has(value)) note(value, r.id);
    } else if (Array.isArray(value)) {
      if (value.length === 0) note('[]', r.id);
      for (const name of new Set(value)) if (!known.has(name)) note(name, r.id);
    } else note(String(value), r.id);
  }
  return [...byName.entries()]
    .sort(([a], [b]) => byCodeUnit(a, b))
    .map(([rule, list]) => {
      const ids = [...new Set(list)].sort(byCodeUnit);
      const params = { rule, count: ids.length, records: namedIds(ids) };
      return { code: 'warning-circumstance-unknown-rule', params, message: formatMessage('warning-circumstance-unknown-rule', params, lang) };
    });
}
