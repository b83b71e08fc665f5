import type { Lang } from '../core/lang.js';
import { formatMessage } from '../core/messages.js';
import { byCodeUnit } from '../core/order.js';
import type { Warning } from '../engine/result.js';
import { pushGroup } from '../graph/frozen-map.js';
import { WAIVER_REASONS, type Accountability } from '../model/accountability.js';
import type { AttributeValue, EvidenceRecord } from '../model/record.js';
import type { RetainedIndex } from './retained-index.js';
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

/** The records naming a subject: a person's own, or an organization's that name no person. */
function recordsOf(retained: RetainedIndex, subject: { type: string; id: string }): readonly EvidenceRecord[] {
  return subject.type === 'person' ? retained.byPerson(subject.id) : retained.byOrganization(subject.id).filter((r) => r.person === undefined);
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
 * move was stopped when it moved the form.
 *
 * @example
 * // 组织调整或处理 (place 4 of 0..5), repeated and aggravated: 纪律处分, the aggravating move cut
 * circumstancesOf(types, retained, subject, 'serious', true, 4, 5).index; // 5
 */
export function circumstancesOf(types: CircumstanceTypes, retained: RetainedIndex, subject: FindingSubject, rule: string, repeated: boolean, start: number, last: number): { circumstances: Circumstance[]; index: number } {
  const moves: { kind: Circumstance['kind']; step: 1 | -1; recordIds: string[] }[] = [];
  if (repeated) moves.push({ kind: 'repeat', step: 1, recordIds: [] });
  const records = recordsOf(retained, subject);
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
 * Art. 17 grounds for a person's finding under a rule, from the waiver records naming them.
 *
 * @example
 * waiverOf(types, retained, subject, 'formalism', 'zh')?.reason; // 'recorded-objection'
 */
export function waiverOf(types: CircumstanceTypes, retained: RetainedIndex, subject: FindingSubject, rule: string, lang: Lang): Finding['waiver'] {
  const records = applying(recordsOf(retained, subject), types.waiver, rule);
  if (records.length === 0) return undefined;
  const given = records[0]?.attributes.get('reason');
  // A record without a reason keeps the id `unspecified`, titled in the result's language.
  if (given === undefined || given === null) return { reason: 'unspecified', title: formatMessage('waiver-reason-unspecified', {}, lang), recordIds: records.map((r) => r.id) };
  const reason = String(given);
  const known = WAIVER_REASONS.find((w) => w.id === reason);
  return { reason, title: known ? (lang === 'en' ? known.titleEn : known.title) : reason, recordIds: records.map((r) => r.id) };
}

const CIRCUMSTANCE_CODES: Readonly<Record<Circumstance['kind'], string>> = {
  repeat: 'finding-circumstance-repeat',
  aggravating: 'finding-circumstance-aggravating',
  mitigating: 'finding-circumstance-mitigating',
};

/**
 * One clause of an explanation for each circumstance: what it is and how it moved the form.
 *
 * @example
 * circumstanceClauses(finding.circumstances, 'zh'); // ['上期已有同类问题，加重一档', '有从重情节（已至梯度端点）']
 */
export function circumstanceClauses(circumstances: readonly Circumstance[], lang: Lang): string[] {
  return circumstances.map((c) => {
    const move = c.clamped ? 'finding-circumstance-clamped' : c.step > 0 ? 'finding-circumstance-heavier' : 'finding-circumstance-lighter';
    return `${formatMessage(CIRCUMSTANCE_CODES[c.kind], {}, lang)}${formatMessage(move, {}, lang)}`;
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
