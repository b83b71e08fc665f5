import { formatNumber, formatPercent, stableSum } from '../../core/number.js';
import type { RatioMeasure } from '../../model/measures.js';
import type { AttributeValue, EvidenceRecord } from '../../model/record.js';
import type { RecordMeasure } from '../measure-module.js';
import { keyedStateOps } from './keyed-state.js';

/**
 * One record's part of the ratio: two numbers, two name lists (numerator = names on both
 * lists), or nothing usable. `capped` counts a numerator cut down to its denominator;
 * `outside` counts names in the numerator list missing from the denominator list.
 *
 * @example
 * const entry: RatioEntry = { kind: 'numbers', num: 18, den: 20, capped: false };
 */
export type RatioEntry =
  | { readonly kind: 'numbers'; readonly num: number; readonly den: number; readonly capped: boolean }
  | { readonly kind: 'lists'; readonly num: number; readonly den: number; readonly outside: number }
  | { readonly kind: 'unusable' };

/**
 * Ratio state: each record's entry, keyed by record id.
 *
 * @example
 * const state: RatioState = new Map([['m-1', { kind: 'lists', num: 3, den: 4, outside: 1 }]]);
 */
export type RatioState = Map<string, RatioEntry>;

const isList = (v: AttributeValue | undefined): v is readonly string[] => Array.isArray(v);

function entryOf(record: EvidenceRecord, spec: RatioMeasure): RatioEntry {
  const num = record.attributes.get(spec.numerator);
  const den = record.attributes.get(spec.denominator);
  if (typeof num === 'number' && typeof den === 'number') {
    if (!Number.isFinite(num) || !Number.isFinite(den) || num < 0 || den < 0) return { kind: 'unusable' };
    return { kind: 'numbers', num: Math.min(num, den), den, capped: num > den };
  }
  if (isList(num) && isList(den)) {
    const expected = new Set(den);
    const present = new Set(num);
    let inside = 0;
    for (const name of present) if (expected.has(name)) inside++;
    return { kind: 'lists', num: inside, den: expected.size, outside: present.size - inside };
  }
  return { kind: 'unusable' };
}

const entryKey = (e: RatioEntry): string => JSON.stringify(e);

/**
 * 比率: Σ numerator / Σ denominator over the period, at least `atLeast` — attendance at
 * organizational life, the share of mobile members whose record is kept. Each record carries
 * either two numbers or two name lists (attended, expected). Sums are taken in ascending order,
 * so the result does not depend on the order records arrive in.
 *
 * @example
 * const spec: RatioMeasure = { type: 'ratio', recordTypes: ['branch-meeting'], numerator: 'attended', denominator: 'expected', atLeast: 0.9 };
 * ratioMeasure.finalize(state, spec, ctx).detail.zh; // '比率 87.5%（35/40），要求不低于90%'
 */
export const ratioMeasure: RecordMeasure<RatioMeasure, RatioState> = {
  kind: 'records',
  type: 'ratio',
  init: () => new Map<string, RatioEntry>(),
  add(state, record, spec) {
    state.set(record.id, entryOf(record, spec));
  },
  ...keyedStateOps(entryKey),
  finalize(state, spec, ctx) {
    const nums: number[] = [];
    const dens: number[] = [];
    let unusable = 0;
    let capped = 0;
    let outside = 0;
    let lists = 0;
    for (const entry of state.values()) {
      if (entry.kind === 'unusable') {
        unusable++;
        continue;
      }
      nums.push(entry.num);
      dens.push(entry.den);
      if (entry.kind === 'numbers' && entry.capped) capped++;
      if (entry.kind === 'lists') {
        lists++;
        outside += entry.outside;
      }
    }
    let numerator = stableSum(nums);
    let denominator = stableSum(dens);
    // Sums of very large figures overflow; the ratio is the same over figures scaled down first.
    let scale = 1;
    if (!Number.isFinite(numerator) || !Number.isFinite(denominator)) {
      for (const d of dens) scale = Math.max(scale, d);
      numerator = stableSum(nums.map((n) => n / scale));
      denominator = stableSum(dens.map((d) => d / scale));
    }
    const value = denominator > 0 ? Math.min(1, numerator / denominator) : 0;
    numerator *= scale;
    denominator *= scale;
    const unit = lists > 0 && lists === nums.length ? '人次' : '';
    let zh = `比率 ${formatPercent(value)}（${formatNumber(numerator)}${unit}/${formatNumber(denominator)}${unit}），要求不低于${formatPercent(spec.atLeast)}`;
    let en = `ratio ${formatPercent(value)} (${formatNumber(numerator)}/${formatNumber(denominator)}), required at least ${formatPercent(spec.atLeast)}`;
    if (denominator === 0) {
      zh += `；应计总数为0，比率按0计`;
      en += `; the denominator totals 0, so the ratio counts as 0`;
    }
    if (capped > 0) {
      zh += `；${capped}条记录的${spec.numerator}大于${spec.denominator}，按${spec.denominator}计`;
      en += `; ${capped} record(s) with ${spec.numerator} above ${spec.denominator} counted as ${spec.denominator}`;
    }
    if (outside > 0) {
      zh += `；${outside}人次不在${spec.denominator}名单中，未计入`;
      en += `; ${outside} name(s) not on the ${spec.denominator} list not counted`;
    }
    if (unusable > 0) {
      zh += `；${unusable}条记录缺少${spec.numerator}或${spec.denominator}、或取值无效，未计入`;
      en += `; ${unusable} record(s) lacking ${spec.numerator} or ${spec.denominator}, or with unusable values, not counted`;
    }
    return {
      status: 'measured',
      value,
      target: spec.atLeast,
      shortfalls: value < spec.atLeast ? 1 : 0,
      ratio: spec.atLeast > 0 ? Math.min(1, value / spec.atLeast) : 1,
      inProgress: ctx.running,
      counted: nums.length,
      detail: { zh, en },
    };
  },
};
