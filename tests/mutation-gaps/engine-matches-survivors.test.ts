// src/engine/matches.ts: mutants of the grading part's rerun (sixth session) that had been
// timeouts in the first run and survived when tested again. Expected values follow from the
// functions' contracts: a filter matches a list attribute that contains the value; support
// needs a value that is not missing, null, '' or [].
import { describe, expect, it } from 'vitest';
import { hasSupport, matchesWhere } from '../../src/engine/matches.js';
import type { EvidenceRecord } from '../../src/model/record.js';

/** Only `attributes` is read by these functions. */
const withAttributes = (entries: [string, unknown][]): EvidenceRecord => ({ attributes: new Map(entries) }) as unknown as EvidenceRecord;

describe('matches.ts', () => {
  it('a filter value matches a list attribute that contains it, and not one that does not', () => {
    const record = withAttributes([['kind', ['专题党课', '主题党日']]]);
    expect(matchesWhere(record, new Map([['kind', '主题党日']]))).toBe(true);
    expect(matchesWhere(record, new Map([['kind', '组织生活会']]))).toBe(false);
    expect(matchesWhere(record, new Map([['kind', ['组织生活会', '专题党课']]]))).toBe(true);
  });

  it('support: a missing, null, false, blank or empty-list attribute is none; anything else is', () => {
    const supported = (value?: unknown) => hasSupport(withAttributes(value === undefined ? [] : [['minutes', value]]), ['minutes']);
    expect(supported()).toBe(false);
    expect(supported(null)).toBe(false);
    expect(supported('')).toBe(false);
    expect(supported([])).toBe(false);
    expect(supported('x')).toBe(true);
    expect(supported(['a'])).toBe(true);
    expect(supported(0)).toBe(true);
    expect(supported(true)).toBe(true);
    // 否 in a CSV's boolean column, or a blank cell's text, says there is no material.
    expect(supported(false)).toBe(false);
    expect(supported(' ')).toBe(false);
    expect(supported([' '])).toBe(false);
  });
});
