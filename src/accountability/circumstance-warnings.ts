import type { Lang } from '../core/lang.js';
import { formatMessage } from '../core/messages.js';
import { byCodeUnit } from '../core/order.js';
import type { Warning } from '../engine/result.js';
import type { EvidenceRecord } from '../model/record.js';
import { appliesToRule, namedIds, type CircumstanceTypes } from './circumstances.js';
import type { Finding } from './types.js';

const isCircumstance = (types: CircumstanceTypes, r: EvidenceRecord): boolean => types.aggravating.has(r.type) || types.mitigating.has(r.type) || types.waiver.has(r.type);

function warning(code: string, ids: readonly string[], lang: Lang): Warning[] {
  if (ids.length === 0) return [];
  const sorted = [...new Set(ids)].sort(byCodeUnit);
  const params = { count: sorted.length, records: namedIds(sorted) };
  return [{ code, params, message: formatMessage(code, params, lang) }];
}

/**
 * Waiver records that name an organization and no person: 问责条例 Art. 17 waives a person's
 * accountability, not a party organization's, so they apply to no finding — and are said so, with
 * the records, rather than passed over (`warning-waiver-organization`).
 *
 * @example
 * organizationWaiverWarnings(types, retained.all, 'zh')[0]?.params['records']; // 'c05'
 */
export function organizationWaiverWarnings(types: CircumstanceTypes, records: readonly EvidenceRecord[], lang: Lang): Warning[] {
  return warning('warning-waiver-organization', records.filter((r) => types.waiver.has(r.type) && r.person === undefined).map((r) => r.id), lang);
}

/**
 * A person's circumstance or waiver records that name an organization where none of the cases
 * of that person's findings under the record's rule is, and so applied to none of them (they
 * belong to one case: see `caseOrganizations`): said with the records
 * (`warning-circumstance-other-case`), for a record filed under the person's own organization
 * rather than the case's would otherwise vanish without a word. `used`: the record ids the
 * findings cite (their circumstances and waivers).
 *
 * @example
 * otherCaseWarnings(types, retained.all, findings, 'zh').map((w) => w.params['records']);
 */
export function otherCaseWarnings(types: CircumstanceTypes, records: readonly EvidenceRecord[], findings: readonly Finding[], lang: Lang): Warning[] {
  const used = new Set<string>();
  const rulesByPerson = new Map<string, Set<string>>();
  for (const f of findings) {
    for (const c of f.circumstances) for (const id of c.recordIds) used.add(id);
    for (const id of f.waiver?.recordIds ?? []) used.add(id);
    if (f.subject.type !== 'person') continue;
    const rules = rulesByPerson.get(f.subject.id) ?? new Set<string>();
    rules.add(f.rule);
    rulesByPerson.set(f.subject.id, rules);
  }
  const missed = records.filter((r) => {
    if (r.person === undefined || r.organization === undefined || used.has(r.id) || !isCircumstance(types, r)) return false;
    // Only a record that would have applied to one of the person's findings, but for the case.
    const rule = r.attributes.get('rule');
    return [...(rulesByPerson.get(r.person) ?? [])].some((id) => appliesToRule(rule, id));
  });
  return warning('warning-circumstance-other-case', missed.map((r) => r.id), lang);
}
