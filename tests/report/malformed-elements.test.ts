import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { applyDecisions, assess, parseGraph, readNdjsonSync, toCsv, toMarkdown, toMermaid, type AssessmentResult } from '../../src/index.js';
import { resultElementIssues } from '../../src/report/result-elements.js';
import { refusal, where } from '../refusal.js';

// Reports read the elements of a result; one with a malformed element (`findings: [null]`, a
// person `{}`, a `NaN` total) failed with a TypeError or printed `NaN` (a review of the API,
// finding 5). Each problem is now named at its path from the result.
const dir = new URL('../../examples/bureau-2022/', import.meta.url);
const graph = parseGraph(JSON.parse(readFileSync(new URL('graph.json', dir), 'utf8')));
const rules = JSON.parse(readFileSync(new URL('rules.json', dir), 'utf8')) as unknown;
const records = [...readNdjsonSync(readFileSync(new URL('records.ndjson', dir), 'utf8'))];
const result = assess({ graph, rules, records });
const decision = { finding: result.findings[0]!.id, action: 'confirm' as const, by: '局党委', at: '2023-01-20' };
const loose = (value: unknown): AssessmentResult => value as AssessmentResult;


describe('reports on results with malformed elements', () => {
  it('every report: a null form on a ladder the result keeps is invalid-type at forms.person[1]; forms not an object, at the top; none kept is fine', () => {
    const forms = { organization: result.forms!.organization, person: result.forms!.person.map((f, i) => (i === 1 ? null : f)) };
    const reports = [toMarkdown, toCsv, (r: AssessmentResult) => toMermaid(graph, r)];
    for (const report of reports) {
      expect(where(refusal(() => report(loose({ ...result, forms }))))).toEqual([['options', ['forms', 'person', 1], 'invalid-type']]);
      expect(where(refusal(() => report(loose({ ...result, forms: 'x' }))))).toEqual([['options', [], 'invalid-type']]);
    }
    const { forms: _, ...older } = result;
    expect(toMarkdown(loose({ ...older, forms: null }))).toBe(toMarkdown(loose(older)));
  });

  it('toMarkdown: a null finding is invalid-type at findings[0]', () => {
    const error = refusal(() => toMarkdown(loose({ ...result, findings: [null] })));
    expect(where(error)).toEqual([['options', ['findings', 0], 'invalid-type']]);
    expect(error.issues[0]?.message).toBe('类型错误：应为 object，实际为 null');
  });

  it('toCsv: a person {} has every field it lacks named, in English when asked', () => {
    const error = refusal(() => toCsv(loose({ ...result, people: [{}] }), { lang: 'en' }));
    expect(error.lang).toBe('en');
    expect(error.issues.slice(0, 2).map((i) => [i.path, i.code])).toEqual([
      [['people', 0, 'type'], 'required'],
      [['people', 0, 'id'], 'required'],
    ]);
  });

  it('toCsv and toMarkdown: a null hit (read for the early warnings) is invalid-type at hits[0]; hits not a list, at the top', () => {
    expect(where(refusal(() => toCsv(loose({ ...result, hits: [null] }))))).toEqual([['options', ['hits', 0], 'invalid-type']]);
    expect(where(refusal(() => toMarkdown(loose({ ...result, hits: [null] }))))).toEqual([['options', ['hits', 0], 'invalid-type']]);
    expect(where(refusal(() => toCsv(loose({ ...result, hits: 'none' }))))).toEqual([['options', [], 'invalid-type']]);
    // a result from before hits were added has none, and no early warnings
    const { hits: _, ...older } = result;
    expect(toCsv(loose(older)).earlyWarnings).toBe('\uFEFF规则编号,问责规则,对象类型,对象编号,对象,涉及指标,记录,原因\r\n');
  });

  it('toMermaid: a null finding', () => {
    expect(where(refusal(() => toMermaid(graph, loose({ ...result, findings: [null] }))))).toEqual([['options', ['findings', 0], 'invalid-type']]);
  });

  it('a NaN total is refused, not printed as NaN', () => {
    const organizations = result.organizations.map((o, i) => (i === 1 ? { ...o, total: Number.NaN } : o));
    const error = refusal(() => toMarkdown({ ...result, organizations }));
    expect(error.issues.map((i) => [i.path, i.code, i.params])).toEqual([[['organizations', 1, 'total'], 'invalid-type', { expected: 'number', received: 'NaN' }]]);
  });

  it('a hole in a sparse list is an element too', () => {
    // eslint-disable-next-line no-sparse-arrays
    expect(where(refusal(() => toMarkdown(loose({ ...result, warnings: [, ...result.warnings] }))))).toEqual([['options', ['warnings', 0], 'invalid-type']]);
  });

  it('applyDecisions refuses an audit entry of null, at its path', () => {
    const error = refusal(() => applyDecisions(loose({ ...result, audit: [null] }), [decision]));
    expect(where(error)).toEqual([['decisions', ['result', 'audit', 0], 'invalid-type']]);
  });

  it('sound results, decided ones and English ones, have no problems', () => {
    const decided = applyDecisions(result, [decision]);
    const english = assess({ graph, rules, records, lang: 'en' });
    const parts = [...Object.keys(result), 'audit'];
    for (const sound of [result, decided, english]) expect(resultElementIssues(sound as unknown as Record<string, unknown>, parts, 'zh')).toEqual([]);
    expect(toMarkdown(decided)).toContain('局党委');
  });
});
