import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { assess, parseGraph, readNdjsonSync, type Finding, type Lang, type ScoreResult } from '../../src/index.js';
import { checkResultBounds, describeFindings, filterFindings, formatPropertyFailures, seededRandom, type PropertyReport } from '../../src/testing/index.js';
import { refusal, where } from '../refusal.js';

// The testing kit's helpers read what they were given without a check: `null`, a finding `null`,
// a report without failures failed with a TypeError; a language other than zh or en was taken;
// `int(6, 1)` gave numbers outside its bounds (a review of the API, finding 10).
const dir = new URL('../../examples/bureau-2022/', import.meta.url);
const graph = parseGraph(JSON.parse(readFileSync(new URL('graph.json', dir), 'utf8')));
const rules = JSON.parse(readFileSync(new URL('rules.json', dir), 'utf8')) as unknown;
const records = [...readNdjsonSync(readFileSync(new URL('records.ndjson', dir), 'utf8'))];
const result = assess({ graph, rules, records });
const loose = <T>(value: unknown): T => value as T;

describe('testing helpers check their arguments', () => {
  it('filterFindings: null, a null finding, a language other than zh or en', () => {
    expect(where(refusal(() => filterFindings(loose(null))))).toEqual([['options', ['findings'], 'invalid-type']]);
    expect(where(refusal(() => filterFindings(loose([result.findings[0], null]))))).toEqual([['options', ['findings', 1], 'invalid-type']]);
    expect(where(refusal(() => filterFindings(result.findings, {}, loose<Lang>('fr'))))).toEqual([['options', ['lang'], 'invalid-value']]);
    expect(filterFindings(result.findings, {}, 'en')).toHaveLength(result.findings.length);
  });

  it('describeFindings: a null finding, in the language asked for', () => {
    const error = refusal(() => describeFindings(loose<Finding[]>([null]), 'en'));
    expect([where(error), error.lang]).toEqual([[['options', ['findings', 0], 'invalid-type']], 'en']);
  });

  it('checkResultBounds: null, a result without people, a subject without its lines', () => {
    expect(where(refusal(() => checkResultBounds(loose(null), rules as never)))).toEqual([['options', ['result'], 'invalid-type']]);
    expect(where(refusal(() => checkResultBounds(loose({ organizations: [] }), rules as never)))).toEqual([['options', ['result', 'people'], 'invalid-type']]);
    const { lines: _, ...lineless } = result.people[0] as ScoreResult['people'][number];
    expect(where(refusal(() => checkResultBounds(loose({ ...result, people: [lineless] }), rules as never)))).toEqual([['options', ['result', 'people', 0, 'lines'], 'required']]);
    expect(where(refusal(() => checkResultBounds(result, rules as never, loose({ lnag: 'en' }))))).toEqual([['options', ['lnag'], 'unknown-option']]);
    expect(checkResultBounds(result, rules as never).ok).toBe(true);
  });

  it('formatPropertyFailures: a report without failures, a failure of the wrong shape', () => {
    expect(where(refusal(() => formatPropertyFailures(loose({}))))).toEqual([['options', ['report', 'failures'], 'invalid-type']]);
    const report = loose<PropertyReport>({ failures: [{ property: 'bounds', subject: 's', indicator: 5, detail: 'd' }] });
    expect(where(refusal(() => formatPropertyFailures(report)))).toEqual([['options', ['report', 'failures', 0, 'indicator'], 'invalid-type']]);
    expect(formatPropertyFailures(checkResultBounds(result, rules as never), 'en')).toEqual([]);
  });

  it('seededRandom().int: bounds out of order or not whole', () => {
    const random = seededRandom(1);
    expect(where(refusal(() => random.int(6, 1)))).toEqual([['options', ['max'], 'too-small']]);
    expect(where(refusal(() => random.int(0.5, Number.NaN)))).toEqual([
      ['options', ['min'], 'invalid-type'],
      ['options', ['max'], 'invalid-type'],
    ]);
    const rolls = Array.from({ length: 50 }, () => random.int(1, 6));
    expect(rolls.every((n) => n >= 1 && n <= 6)).toBe(true);
  });
});
