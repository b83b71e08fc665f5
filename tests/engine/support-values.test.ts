// Supporting material (requireAttributes): `false` ("否"), whitespace-only text and lists of
// only such values are no material, whatever reader they came through.
import { describe, expect, it } from 'vitest';
import { hasSupport, isSupportValue } from '../../src/engine/matches.js';
import { readCsvSync, readNdjsonSync } from '../../src/index.js';
import type { EvidenceRecord } from '../../src/model/record.js';
import { ind, line, org, rec, ruleSet, run } from './assess/helpers.js';

/** Only `attributes` is read by hasSupport. */
const withAttributes = (entries: [string, unknown][]): EvidenceRecord => ({ attributes: new Map(entries) }) as unknown as EvidenceRecord;

describe('isSupportValue', () => {
  it('refuses missing, null, false, blank text (ASCII and ideographic spaces) and lists of only blanks', () => {
    for (const value of [undefined, null, false, '', ' ', '\t\n', '\u3000', [], [''], [' ', '\u3000']]) {
      expect(isSupportValue(value as never), JSON.stringify(value)).toBe(false);
    }
  });

  it('accepts text with a visible character, true, any number and a list with one real item', () => {
    for (const value of ['a.pdf', ' 无 ', true, 0, 3, ['', 'b.pdf']]) expect(isSupportValue(value as never), JSON.stringify(value)).toBe(true);
  });

  it('hasSupport needs every named attribute to be support', () => {
    expect(hasSupport(withAttributes([['minutes', 'a.pdf'], ['photos', ' ']]), ['minutes', 'photos'])).toBe(false);
    expect(hasSupport(withAttributes([['minutes', 'a.pdf'], ['photos', ['p.jpg']]]), ['minutes', 'photos'])).toBe(true);
    expect(hasSupport(withAttributes([['minutes', false]]), ['minutes'])).toBe(false);
  });
});

describe('requireAttributes in an assessment', () => {
  const rules = ruleSet([
    ind({
      id: 'minuted',
      points: 8,
      measure: { type: 'count', recordTypes: ['meeting'], atLeast: 4, requireAttributes: ['minutes'] },
      scoring: { method: 'deduct', perShortfall: 2 },
    }),
  ]);

  it('records with minutes false, blank or a list of blanks are unsupported', () => {
    const result = run(rules, [
      rec('r1', 'meeting', 'b1', '2022-02-01', { attributes: { minutes: false } }),
      rec('r2', 'meeting', 'b1', '2022-03-01', { attributes: { minutes: ' ' } }),
      rec('r3', 'meeting', 'b1', '2022-04-01', { attributes: { minutes: ['\u3000'] } }),
      rec('r4', 'meeting', 'b1', '2022-05-01', { attributes: { minutes: true } }),
      rec('r5', 'meeting', 'b1', '2022-06-01', { attributes: { minutes: '无' } }),
    ]);
    const l = line(org(result, 'b1'), 'minuted');
    // r4 and r5 count: 2 of 4, 2 short × 2 → 8 − 4 = 4
    expect(l).toMatchObject({ value: 2, shortfalls: 2, points: 4 });
    expect(l.records).toMatchObject({ reported: 5, counted: 2, ids: ['r4', 'r5'], unsupported: 3 });
    expect(l.explanation).toContain('3条记录缺少佐证材料（minutes）未计入');
  });

  it('a CSV boolean column marked 否 and an NDJSON blank string count as no minutes', () => {
    const csv = readCsvSync('编号,类型,党组织,日期,属性.minutes:布尔\nc1,meeting,b1,2022-02-01,否\nc2,meeting,b1,2022-03-01,是\n');
    const ndjson = readNdjsonSync('{"id":"n1","type":"meeting","organization":"b2","date":"2022-02-01","attributes":{"minutes":" "}}\n');
    const result = run(rules, [...csv, ...ndjson]);
    expect(line(org(result, 'b1'), 'minuted').records).toMatchObject({ reported: 2, counted: 1, ids: ['c2'], unsupported: 1 });
    expect(line(org(result, 'b2'), 'minuted').records).toMatchObject({ reported: 1, counted: 0, unsupported: 1 });
  });
});
