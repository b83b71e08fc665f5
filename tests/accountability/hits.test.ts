// Every subject a rule sets off is kept in the result's `hits`, whether or not the rule reached
// anyone from it; `repeat` rules (next period), supervision and pressure read those, not the
// findings. On the small graph of helpers.ts, where b2 and b4 have no liaison leader
// (liaison: p-sec → b3, p-dep → b1).
import { describe, expect, it } from 'vitest';
import { openAssessment, type AssessmentResult } from '../../src/index.js';
import { codesAndPaths, graphInput, ids, ind, rec, rule, ruleSet, run, thrown } from './helpers.js';

describe('repeat: a subject the rule reached nobody from still counts next period', () => {
  // Theme days monthly; b2 holds them only in January–June: 6 short, ≥ 2, so 'theme' sets b2 off
  // in both years. 'theme' reaches only liaison leaders (b2 has none); 'theme-again' reaches the team.
  const indicator = ind({ id: 'theme', points: 10, measure: { type: 'cadence', recordTypes: ['theme-day'], every: 'month' }, scoring: { method: 'deduct', perShortfall: 1 } });
  const sources = [{ id: 's', complete: true, recordTypes: ['theme-day'] }];
  const months = (year: number, org: string, count: number) => Array.from({ length: count }, (_, i) => rec(`t-${year}-${org}-${i + 1}`, 'theme-day', org, `${year}-${String(i + 1).padStart(2, '0')}-10`));
  const records = (year: number) => [...months(year, 'b1', 12), ...months(year, 'b3', 12), ...months(year, 'b4', 12), ...months(year, 'b2', 6)];
  const rules = (reach: 'liaison' | 'team') => [rule('theme', { type: 'shortfall', indicator: 'theme', atLeast: 2 }, [{ to: reach }]), rule('theme-again', { type: 'repeat', rule: 'theme' }, [{ to: 'team' }])];
  const year = (y: number, reach: 'liaison' | 'team', previous?: AssessmentResult) => run(ruleSet([indicator], { rules: rules(reach) }, { sources }, y), records(y), previous ? { previous } : {});

  it('the hit that reached nobody is in hits with reached 0, and the repeat fires on it', () => {
    const y2021 = year(2021, 'liaison');
    expect(ids(y2021)).toEqual([]);
    expect(y2021.hits).toEqual([{ rule: 'theme', subject: { type: 'organization', id: 'b2', name: '第二支部' }, reached: 0 }]);
    const y2022 = year(2022, 'liaison', y2021);
    expect(ids(y2022)).toEqual(['theme-again:o:b2>o:b2']);
    expect(y2022.hits.map((h) => [h.rule, h.subject.id, h.reached])).toEqual([
      ['theme', 'b2', 0],
      ['theme-again', 'b2', 1],
    ]);
  });

  it('a previous result without hits (an earlier version\'s): its findings\' trigger subjects stand in', () => {
    // Reached nobody in 2021 and no hits to read: nothing repeats.
    const bare = (result: AssessmentResult): AssessmentResult => {
      const { hits: _hits, ...rest } = result;
      return rest as AssessmentResult;
    };
    expect(ids(year(2022, 'liaison', bare(year(2021, 'liaison'))))).toEqual([]);
    // Reaching the team in 2021 gave a finding on b2: the repeat fires from it, and the finding
    // on b2 moves one step (inspection → circulation) as a repeated finding.
    const y2022 = year(2022, 'team', bare(year(2021, 'team')));
    expect(y2022.findings.map((f) => [f.id, f.form.id])).toEqual([
      ['theme:o:b2>o:b2', 'circulation'],
      ['theme-again:o:b2>o:b2', 'inspection'],
    ]);
  });

  it('hits that are not a list of rule hits are refused before the run (invalid-previous)', () => {
    const y2021 = year(2021, 'liaison');
    const refused = (hits: unknown) => thrown(() => year(2022, 'liaison', { ...y2021, hits } as unknown as AssessmentResult));
    const wrongElement = refused([{ rule: 1, subject: { type: 'x', id: 'b2' } }, 'b2']);
    expect(wrongElement.subject).toBe('previous');
    expect(codesAndPaths(wrongElement.issues)).toEqual([
      { code: 'invalid-previous', path: ['previous', 'hits', 0, 'rule'] },
      { code: 'invalid-previous', path: ['previous', 'hits', 0, 'subject', 'type'] },
      { code: 'invalid-previous', path: ['previous', 'hits', 1] },
    ]);
    expect(wrongElement.issues[0]?.message).toBe('上期结果不是有效的 zerenzhi 评估结果：hits[0].rule 缺失或不是字符串');
    expect(codesAndPaths(refused('b2').issues)).toEqual([{ code: 'invalid-previous', path: ['previous', 'hits'] }]);
    // A session opened directly refuses them when it opens, before any record is added.
    const opened = thrown(() => openAssessment({ graph: graphInput(), rules: ruleSet([indicator], { rules: rules('liaison') }, { sources }, 2022), previous: { ...y2021, hits: 'b2' } as never }));
    expect(codesAndPaths(opened.issues)).toEqual([{ code: 'invalid-previous', path: ['previous', 'hits'] }]);
  });
});

describe('supervision and pressure count the hits', () => {
  // Cases vetoed in b3 and b4 (both under gb); 'serious' reaches only liaison leaders: p-sec for
  // b3, nobody for b4. Supervision with minShare 1: both of gb's two children set a rule off.
  const veto = ind({ id: 'case', veto: { recordTypes: ['case'] } });
  const section = { rules: [rule('serious', { type: 'veto' }, [{ to: 'liaison' }])], supervision: { id: 'sup', title: '一级抓一级不力', minShare: 1 } };
  const result = run(ruleSet([veto], section), [rec('c1', 'case', 'b3', '2022-05-01'), rec('c2', 'case', 'b4', '2022-05-01')]);

  it('gb is flagged for supervision though b4\'s hit reached nobody', () => {
    expect(ids(result)).toEqual(['serious:o:b3>p:p-sec', 'sup:o:gb>o:gb']);
    expect(result.hits.map((h) => [h.rule, h.subject.id, h.reached])).toEqual([
      ['serious', 'b3', 1],
      ['serious', 'b4', 0],
      ['sup', 'gb', 1],
    ]);
  });

  it('pressure counts b4 and gb', () => {
    // p-gb-sec leads gb: {gb, b3, b4}, all three flagged. p-sec leads cm: 7 organizations, 3 flagged: 3/7 = 0.4286.
    const byPerson = new Map(result.pressure.map((p) => [p.person, p]));
    expect(byPerson.get('p-gb-sec')).toMatchObject({ answersFor: 3, flagged: 3, share: 1, flaggedOrganizations: ['b3', 'b4', 'gb'] });
    expect(byPerson.get('p-sec')).toMatchObject({ answersFor: 7, flagged: 3, share: 0.4286 });
  });
});
