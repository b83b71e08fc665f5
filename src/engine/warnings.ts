import { formatCalendarDate } from '../core/calendar.js';
import type { Lang } from '../core/lang.js';
import { formatMessage } from '../core/messages.js';
import type { MessageParams } from '../messages/index.js';
import type { Accumulation } from './accumulate.js';
import type { SubjectDraft } from './evaluate-subjects.js';
import { nothingAtStake, onLadder } from './grading.js';
import type { Plan } from './plan.js';
import type { Warning } from './result.js';

const CONFLICTS_LISTED = 50;
const byKey = <T>([a]: [string, T], [b]: [string, T]): number => (a < b ? -1 : a > b ? 1 : 0);

const RECORDS_LISTED = 20;

/**
 * The records left out for an invalid business score, as [id, value as written] in id order. Read
 * off the versions (so merged partial states list them as one pass does), before the version
 * table is let go, and only when such an effect was ever made: a run without one does not walk
 * the table.
 *
 * @example
 * invalidBusinessScores(acc); // [['bs-7', '186'], ['bs-9', '"86"']]
 */
export function invalidBusinessScores(acc: Accumulation): [string, string][] {
  const found: [string, string][] = [];
  if (![...acc.effects.values()].some((e) => e.counter === 'invalidBusinessScore')) return found;
  for (let slot = 0; slot < acc.versions.size; slot++) {
    if (acc.versions.versionCount(slot) > 1) continue;
    const { counter, key } = acc.versions.effect(slot);
    if (counter === 'invalidBusinessScore') found.push([acc.versions.id(slot), key ?? '']);
  }
  return found.sort(byKey);
}

/**
 * The run's warnings, in a fixed order: no records at all, unknown or unused record types, unknown subjects,
 * conflicts, pending, duplicates, out-of-period records, skipped invalid records, invalid and
 * missing business scores, subjects a ladder covers left ungraded with nothing at stake, an `asOf` outside
 * the period (brought into it).
 */
export function collectWarnings(
  plan: Plan,
  acc: Accumulation,
  drafts: readonly SubjectDraft[],
  skippedInvalid: number,
  lang: Lang,
  invalidBusiness: readonly (readonly [string, string])[] = [],
): Warning[] {
  const warnings: Warning[] = [];
  const warn = (code: string, params: MessageParams): void => {
    warnings.push({ code, params, message: formatMessage(code, params, lang) });
  };
  // An empty or wrong evidence file scores everyone as having reported nothing: said first.
  if (acc.stats.received === 0 && skippedInvalid === 0) warn('warning-no-records', {});
  const declared = plan.rules.recordTypes ? new Set(plan.rules.recordTypes.map((t) => t.id)) : null;
  for (const [type, count] of [...acc.unusedTypes].sort(byKey)) {
    warn(declared && !declared.has(type) ? 'warning-unknown-record-type' : 'warning-unused-record-type', { type, count });
  }
  for (const [id, count] of [...acc.unknownSubjects].sort(byKey)) warn('warning-unknown-subject', { id, count });
  if (acc.stats.unknownReference > 0) warn('warning-unknown-reference', { count: acc.stats.unknownReference });
  if (acc.stats.unassignedScore > 0) warn('warning-unassigned-score', { count: acc.stats.unassignedScore });
  const conflicts = [...acc.conflictIds].sort();
  for (const id of conflicts.slice(0, CONFLICTS_LISTED)) warn('warning-conflict', { id });
  if (conflicts.length > CONFLICTS_LISTED) warn('warning-more-conflicts', { count: conflicts.length - CONFLICTS_LISTED });
  if (acc.stats.pending > 0) warn('warning-pending', { count: acc.stats.pending });
  if (acc.stats.duplicates > 0) warn('warning-duplicates', { count: acc.stats.duplicates });
  if (acc.stats.outOfPeriod > 0) warn('warning-out-of-period', { count: acc.stats.outOfPeriod });
  if (skippedInvalid > 0) warn('warning-invalid-records', { count: skippedInvalid });
  if (plan.rules.composite) {
    const invalid = invalidBusiness;
    if (invalid.length > 0) {
      const listed = invalid.slice(0, RECORDS_LISTED).map(([id, value]) => (lang === 'zh' ? `${id}（${value === '' ? '无' : value}）` : `${id} (${value === '' ? 'none' : value})`));
      warn('warning-invalid-business-score', {
        count: invalid.length,
        scale: plan.rules.composite.scale ?? 100,
        records: listed.join(lang === 'zh' ? '、' : ', '),
        more: Math.max(0, invalid.length - RECORDS_LISTED),
      });
    }
    const missing = drafts.filter((d) => d.composite?.business === null).length;
    if (missing > 0) warn('warning-no-business-score', { count: missing });
  }
  // A subject no ladder grades anyway is not left out by having nothing at stake.
  const idle = drafts.filter((d) => nothingAtStake(d) && onLadder(plan, d));
  if (idle.length > 0) {
    const organizations = idle.filter((d) => d.type === 'organization').length;
    warn('warning-nothing-at-stake', { count: idle.length, organizations, people: idle.length - organizations });
  }
  const { asOfGiven, context, period } = plan;
  if (asOfGiven !== undefined && asOfGiven !== context.asOf) {
    warn('warning-as-of-outside', { given: formatCalendarDate(asOfGiven), used: formatCalendarDate(context.asOf), start: formatCalendarDate(period.start), end: formatCalendarDate(period.end) });
  }
  return warnings;
}
