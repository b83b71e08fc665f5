import { explain, joinExplanations, type Explanation } from '../../core/explain.js';
import { formatNumber, formatPercent, roundTo, stableSum } from '../../core/number.js';
import type { RatioMeasure } from '../../model/measures.js';
import type { AttributeValue, EvidenceRecord } from '../../model/record.js';
import type { RecordMeasure } from '../measure-module.js';
import { hasKeys, isCount } from './entry-shape.js';
import { distinctFigure } from './distinct-figure.js';
import { keyedStateOps } from './keyed-state.js';
import { byCodeUnit } from '../../core/order.js';

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

const isAmount = (value: unknown): boolean => typeof value === 'number' && Number.isFinite(value) && value >= 0;

// An entry as `entryOf` makes it: the numerator never above the denominator (a number is cut down
// to it, a name counts only when it is on both lists).
function isRatioEntry(entry: unknown): boolean {
  if (hasKeys(entry, ['kind'])) return entry['kind'] === 'unusable';
  if (hasKeys(entry, ['kind', 'num', 'den', 'capped'])) return entry['kind'] === 'numbers' && isAmount(entry['num']) && isAmount(entry['den']) && (entry['num'] as number) <= (entry['den'] as number) && typeof entry['capped'] === 'boolean';
  if (hasKeys(entry, ['kind', 'num', 'den', 'outside'])) return entry['kind'] === 'lists' && isCount(entry['num']) && isCount(entry['den']) && (entry['num'] as number) <= (entry['den'] as number) && isCount(entry['outside']);
  return false;
}

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
  isEntry: isRatioEntry,
  finalize(state, spec, ctx) {
    const nums: number[] = [];
    const dens: number[] = [];
    let unusable = 0;
    let capped = 0;
    let outside = 0;
    let lists = 0;
    const unused: string[] = [];
    for (const [id, entry] of state) {
      if (entry.kind === 'unusable') {
        unusable++;
        unused.push(id);
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
    // Kept to 1e-9, as is the achievement below (0.72 ÷ 0.9 is 0.7999999999999999 in binary, which
    // would miss a step at 80%); the achievement is worked out from the exact quotient, so it is
    // rounded once.
    const exact = denominator > 0 ? Math.min(1, numerator / denominator) : 0;
    const value = roundTo(exact, 9);
    // A sum past the largest double is shown as its scaled figure times the scale, not Infinity.
    const figure = (scaled: number): string => (Number.isFinite(scaled * scale) ? formatNumber(scaled * scale) : `${formatNumber(scaled)}×${formatNumber(scale)}`);
    const names = { numerator: spec.numerator, denominator: spec.denominator };
    const parts: Explanation[] = [
      explain('explain-ratio', {
        value: distinctFigure(value, [spec.atLeast, 0, 1], { percent: true }),
        numerator: figure(numerator),
        denominator: figure(denominator),
        // Every record a pair of name lists: the figures count people (人次).
        headcount: lists > 0 && lists === nums.length ? 1 : 0,
        atLeast: formatPercent(spec.atLeast),
      }),
    ];
    // The denominator totals 0 and no record was unusable: a branch with no mobile members reports
    // 0 of 0, or reports nothing under a source declared complete (docs/rules.md §6.5: both alike).
    // There is nothing to measure, which is no evidence either way rather than a 0% share; the
    // line goes by its onInsufficientEvidence policy. Unusable records alone still score 0: data
    // was sent and is broken, which the line must show as a shortfall.
    const nothingToMeasure = denominator === 0 && unusable === 0;
    if (nothingToMeasure) parts.push(explain('explain-ratio-nothing-to-measure'));
    else if (denominator === 0) parts.push(explain('explain-ratio-zero-denominator'));
    if (capped > 0) parts.push(explain('explain-ratio-capped', { count: capped, ...names }));
    if (outside > 0) parts.push(explain('explain-ratio-outside', { count: outside, ...names }));
    if (unusable > 0) parts.push(explain('explain-ratio-unusable', { count: unusable, ...names }));
    return {
      status: nothingToMeasure ? 'insufficient-evidence' : 'measured',
      value,
      target: spec.atLeast,
      shortfalls: value < spec.atLeast ? 1 : 0,
      ratio: spec.atLeast > 0 ? Math.min(1, roundTo(exact / spec.atLeast, 9)) : 1,
      inProgress: ctx.running,
      counted: nums.length,
      ...(unused.length > 0 ? { unused: unused.sort(byCodeUnit) } : {}),
      detail: joinExplanations(parts),
    };
  },
};
