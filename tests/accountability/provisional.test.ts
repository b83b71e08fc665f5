// While the period is still running (asOf before its end), what may yet change gives no finding:
// a grade or verdict read from the points so far, a shortfall on a line that may still be made up.
// Such hits are kept as `provisional` in `hits`, with their reason, and nothing counts them
// (supervision, pressure, next period's repeats). Facts at asOf — a fired veto, an incident,
// formalism, a month already missed — still give findings. Graph: helpers.ts.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { applyDecisions, assess, resultJsonSchema, toCsv, toMarkdown, type AssessmentResult, type GraphInput, type RecordInput, type RuleHit, type RuleSetInput } from '../../src/index.js';
import { codesAndPaths, ids, ind, prec, rec, rule, ruleSet, run, thrown, type AccountabilityRuleInput, type IndicatorInput } from './helpers.js';

const provisional = (result: AssessmentResult): string[] =>
  result.hits.filter((h) => h.provisional).map((h) => `${h.rule}:${h.subject.id}`);
const codes = (result: AssessmentResult): string[] => result.warnings.map((w) => w.code);

/** A manual score dated in spring, so that a mid-year run reads it. */
const score = (id: string, subject: { organization: string } | { person: string }, indicator: string, value: number): RecordInput => ({
  id,
  type: 'manual-score',
  ...subject,
  date: '2022-03-20',
  attributes: { indicator, group: 'g', score: value },
});
const manual = (id: string, appliesTo: IndicatorInput['appliesTo']): IndicatorInput =>
  ind({ id, appliesTo, points: 100, measure: { type: 'manual', groups: [{ id: 'g', weight: 1 }], scale: 100 }, scoring: { method: 'proportional' } });
const grades = [
  { id: 'good', title: '好', min: 90 },
  { id: 'average', title: '一般', min: 60 },
  { id: 'poor', title: '差', min: 0 },
];

describe('shortfall', () => {
  // 'meetings': at least 4 a year on branches, 2.5 off each short. Records (January–April):
  // b1 1 (3 short), b2 3 (1 short), b3 4 and b4 4 (met).
  const meetings = (org: string, n: number): RecordInput[] =>
    Array.from({ length: n }, (_, i) => rec(`m-${org}-${i + 1}`, 'meeting', org, `2022-0${i + 1}-15`));
  const indicators = [ind({ id: 'meetings', points: 10, measure: { type: 'count', recordTypes: ['meeting'], atLeast: 4 }, scoring: { method: 'deduct', perShortfall: 2.5 } })];
  const rules: AccountabilityRuleInput[] = [
    rule('short', { type: 'shortfall', indicator: 'meetings' }, [{ to: 'team' }]),
    rule('short-3', { type: 'shortfall', indicator: 'meetings', atLeast: 3 }, [{ to: 'team' }]),
  ];
  const records = [...meetings('b1', 1), ...meetings('b2', 3), ...meetings('b3', 4), ...meetings('b4', 4)];
  const june = run(ruleSet(indicators, { rules }), records, { asOf: '2022-06-30' });

  it('a line in progress gives a provisional hit, no finding, with its reason', () => {
    expect(june.findings).toEqual([]);
    expect(provisional(june)).toEqual(['short:b1', 'short:b2', 'short-3:b1']);
    const hit = june.hits[0] as RuleHit;
    expect(hit).toMatchObject({ rule: 'short', reached: 0, provisional: true, ruleTitle: 'short', subject: { type: 'organization', id: 'b1', name: '第一支部' }, indicators: ['meetings'], recordIds: ['m-b1-1'] });
    expect(hit.explanation).toContain('缺3次');
  });

  it('CSV: the early warnings as a document of their own, one row each, in either language', () => {
    const explanation = (june.hits[0] as RuleHit).explanation as string;
    const rows = toCsv(june, { bom: false }).earlyWarnings.split('\r\n');
    expect(rows[0]).toBe('规则编号,问责规则,对象类型,对象编号,对象,涉及指标,记录,原因');
    expect(rows[1]).toBe(`short,short,党组织,b1,第一支部,meetings,m-b1-1,${explanation}`);
    expect(rows.slice(2, -1).map((r) => r.split(',').slice(0, 4).join(','))).toEqual(['short,short,党组织,b2', 'short-3,short-3,党组织,b1']);
    expect(rows.at(-1)).toBe('');
    expect(toCsv(june, { lang: 'en', bom: false }).earlyWarnings.split('\r\n')[0]).toBe('Rule ID,Rule,Subject type,Subject ID,Subject,Indicators,Records,Reason');
    // At the period's end nothing is provisional: the header alone.
    expect(toCsv(run(ruleSet(indicators, { rules }), records), { bom: false }).earlyWarnings).toBe(`${rows[0]}\r\n`);
  });

  it('one warning says how many hits are provisional, of which rules, as of when', () => {
    const warning = june.warnings.find((w) => w.code === 'warning-findings-provisional');
    // The ids in `rules`; the message names the rules by their titles (here the same as the ids).
    expect(warning?.params).toEqual({ count: 3, rules: 'short, short-3', titles: '「short」、「short-3」', asOf: '2022-06-30', end: '2022-12-31' });
  });

  it('at the end of the period the same records give findings, and nothing is provisional', () => {
    for (const asOf of [undefined, '2022-12-31', '2023-02-01']) {
      const end = run(ruleSet(indicators, { rules }), records, asOf === undefined ? {} : { asOf });
      expect(ids(end)).toEqual(['short:o:b1>o:b1', 'short:o:b2>o:b2', 'short-3:o:b1>o:b1']);
      expect(provisional(end)).toEqual([]);
      expect(codes(end)).not.toContain('warning-findings-provisional');
    }
  });

  it('a line with nothing reported yet is provisional too; at the end it is scored as not done and fires', () => {
    // b4 reports nothing (source not declared complete): 4 short under the default policy
    const sparse = [...meetings('b1', 4), ...meetings('b2', 4), ...meetings('b3', 4)];
    const mid = run(ruleSet(indicators, { rules }), sparse, { asOf: '2022-06-30' });
    expect(mid.organizations.find((o) => o.id === 'b4')?.lines[0]?.status).toBe('insufficient-evidence');
    expect([ids(mid), provisional(mid)]).toEqual([[], ['short:b4', 'short-3:b4']]);
    expect(ids(run(ruleSet(indicators, { rules }), sparse))).toEqual(['short:o:b4>o:b4', 'short-3:o:b4>o:b4']);
  });
});

describe('grades and verdicts read from the points so far', () => {
  // Branches graded on 'org-review' (manual, = the score); b3 also vetoed by a serious case.
  // Branch secretaries on 'sec-review', with a veto of their own for a case naming them.
  //   b1 50 → 差 by score; b2 95 → 好; b3 95 but vetoed → 差 by veto; b4 70 → 一般
  //   p-b1-sec 40 → 差, 不称职 by score; p-b2-sec 95 but vetoed → 差, 不称职 by veto
  const indicators: IndicatorInput[] = [
    manual('org-review', { organizations: ['branch'] }),
    manual('sec-review', { posts: ['secretary'], in: ['branch'] }),
    ind({ id: 'discipline', veto: { recordTypes: ['case'] } }),
    ind({ id: 'own-case', appliesTo: { posts: ['secretary'], in: ['branch'] }, veto: { recordTypes: ['personal-case'] } }),
  ];
  const ladders = [
    { id: 'org', title: '党组织等次', appliesTo: { organizations: ['branch' as const] }, grades },
    { id: 'sec', title: '书记等次', appliesTo: { posts: ['secretary' as const], in: ['branch' as const] }, grades },
  ];
  const records = [
    score('o1', { organization: 'b1' }, 'org-review', 50),
    score('o2', { organization: 'b2' }, 'org-review', 95),
    score('o3', { organization: 'b3' }, 'org-review', 95),
    score('o4', { organization: 'b4' }, 'org-review', 70),
    score('s1', { person: 'p-b1-sec' }, 'sec-review', 40),
    score('s2', { person: 'p-b2-sec' }, 'sec-review', 95),
    score('s3', { person: 'p-b3-sec' }, 'sec-review', 95),
    score('s4', { person: 'p-b4-sec' }, 'sec-review', 95),
    rec('c1', 'case', 'b3', '2022-04-02'),
    prec('c2', 'personal-case', 'p-b2-sec', '2022-04-03'),
  ];
  const rules: AccountabilityRuleInput[] = [
    rule('lowest', { type: 'lowest-grade', ladder: 'org' }, [{ to: 'secretary' }]),
    rule('incompetent', { type: 'verdict', verdicts: ['incompetent'] }, [{ to: 'self' }]),
  ];
  const rules2022 = ruleSet(indicators, { rules }, { ladders });
  const june = run(rules2022, records, { asOf: '2022-06-30' });

  it('grades and verdicts as worked out above', () => {
    expect(june.organizations.filter((o) => o.grade).map((o) => [o.id, o.grade?.id, o.grade?.reason])).toEqual([
      ['b1', 'poor', 'score'],
      ['b2', 'good', 'score'],
      ['b3', 'poor', 'veto'],
      ['b4', 'average', 'score'],
    ]);
    expect(june.people.filter((p) => p.verdict === 'incompetent').map((p) => [p.id, p.vetoes.length])).toEqual([
      ['p-b1-sec', 0],
      ['p-b2-sec', 1],
    ]);
  });

  it('mid-period, a grade or verdict by score is provisional; one a veto gave stands', () => {
    expect(ids(june)).toEqual(['lowest:o:b3>p:p-b3-sec', 'incompetent:p:p-b2-sec>p:p-b2-sec']);
    expect(provisional(june)).toEqual(['lowest:b1', 'incompetent:p-b1-sec']);
    expect(june.hits.find((h) => h.rule === 'incompetent' && h.provisional)?.explanation).toBe('评定为「不称职」（总分40）');
  });

  it('at the end of the period every one of them gives findings', () => {
    const end = run(rules2022, records);
    expect(ids(end)).toEqual(['lowest:o:b1>p:p-b1-sec', 'lowest:o:b3>p:p-b3-sec', 'incompetent:p:p-b1-sec>p:p-b1-sec', 'incompetent:p:p-b2-sec>p:p-b2-sec']);
  });

  it('不称职 by a veto is settled only once it can no longer become 失职 (something reported)', () => {
    // Secretaries: 'talks' at least 2 a year (record-based), and a veto for a personal case.
    // p-b1-sec: vetoed, nothing reported → 不称职 now, but 失职 at year end if nothing comes.
    // p-b2-sec: vetoed, one talk reported → 不称职 whatever comes.
    const secretaries = { posts: ['secretary' as const], in: ['branch' as const] };
    const talks = ind({ id: 'talks', appliesTo: secretaries, points: 10, measure: { type: 'count', recordTypes: ['talk'], atLeast: 2 }, scoring: { method: 'deduct', perShortfall: 5 } });
    const own = ind({ id: 'own-case', appliesTo: secretaries, veto: { recordTypes: ['personal-case'] } });
    const verdictRules = [rule('incompetent', { type: 'verdict', verdicts: ['incompetent'] }, [{ to: 'self' }]), rule('derelict', { type: 'verdict', verdicts: ['derelict'] }, [{ to: 'self' }])];
    const cases = [prec('c1', 'personal-case', 'p-b1-sec', '2022-03-01'), prec('c2', 'personal-case', 'p-b2-sec', '2022-03-01'), prec('t1', 'talk', 'p-b2-sec', '2022-04-01')];
    // the talks are all on the OA system, which misses none: no record is none held
    const rules = ruleSet([talks, own], { rules: verdictRules }, { sources: [{ id: 'oa', title: 'OA', recordTypes: ['talk'], complete: true }] });
    const june = run(rules, cases, { asOf: '2022-06-30' });
    expect(june.people.filter((p) => p.id === 'p-b1-sec' || p.id === 'p-b2-sec').map((p) => p.verdict)).toEqual(['incompetent', 'incompetent']);
    expect(ids(june)).toEqual(['incompetent:p:p-b2-sec>p:p-b2-sec']);
    expect(provisional(june)).toContain('incompetent:p-b1-sec');
    // a rule listing both 不称职 and 失职 fires for a vetoed person whichever it comes to: settled
    const both = run(ruleSet([talks, own], { rules: [rule('bad', { type: 'verdict', verdicts: ['incompetent', 'derelict'] }, [{ to: 'self' }])] }, { sources: [{ id: 'oa', title: 'OA', recordTypes: ['talk'], complete: true }] }), cases, { asOf: '2022-06-30' });
    expect(ids(both).filter((id) => id.includes('p-b1-sec') || id.includes('p-b2-sec'))).toEqual(['bad:p:p-b1-sec>p:p-b1-sec', 'bad:p:p-b2-sec>p:p-b2-sec']);
    // at year end p-b1-sec, with nothing reported and the count short, is 失职
    expect(ids(run(rules, cases)).filter((id) => id.includes('p-b1-sec') || id.includes('p-b2-sec'))).toEqual(['incompetent:p:p-b2-sec>p:p-b2-sec', 'derelict:p:p-b1-sec>p:p-b1-sec']);
  });

  it('an as-of date before the period begins (clamped) is provisional too', () => {
    const early = run(rules2022, records, { asOf: '2021-11-30' });
    expect(codes(early)).toContain('warning-as-of-outside');
    // nothing of the period is in yet: no manual score, no case; grades read from nothing
    expect(early.findings).toEqual([]);
    expect(early.hits.every((h) => h.provisional)).toBe(true);
  });
});

describe('facts at asOf stand; what a late completion changes does not', () => {
  it('an incident gives a finding mid-period; a task open past its due date only an early warning', () => {
    const indicators = [ind({ id: 'rectify', points: 10, measure: { type: 'deadline', recordTypes: ['rectification'] }, scoring: { method: 'deduct', perShortfall: 5 } })];
    const rules = [
      rule('overdue', { type: 'deadline-open', indicator: 'rectify' }, [{ to: 'secretary' }]),
      rule('incident', { type: 'incident', recordTypes: ['ideology-incident'] }, [{ to: 'team' }]),
    ];
    const records = [
      rec('t1', 'rectification', 'b1', '2022-02-10', { due: '2022-05-31' }),
      rec('i1', 'ideology-incident', 'b2', '2022-03-01'),
    ];
    const june = run(ruleSet(indicators, { rules }), records, { asOf: '2022-06-30' });
    expect(ids(june)).toEqual(['incident:o:b2>o:b2']);
    // t1 may still be completed (late) before the year ends, and is open no more then
    expect(provisional(june)).toEqual(['overdue:b1']);
    const late = run(ruleSet(indicators, { rules }), [rec('t1', 'rectification', 'b1', '2022-02-10', { due: '2022-05-31', completed: '2022-07-12' }), records[1] as RecordInput]);
    expect([ids(late), provisional(late)]).toEqual([['incident:o:b2>o:b2'], []]);
    // a shortfall counting that open task is provisional too; a month already missed is final
    const short = [rule('short', { type: 'shortfall', indicator: 'rectify' }, [{ to: 'team' }])];
    // (b2–b4 reported no task: scored as one not done, but their records may not be in yet)
    expect(provisional(run(ruleSet(indicators, { rules: short }), records, { asOf: '2022-06-30' }))).toEqual(['short:b1', 'short:b2', 'short:b3', 'short:b4']);
    const monthly = [ind({ id: 'theme-day', points: 12, measure: { type: 'cadence', recordTypes: ['theme-day'], every: 'month' }, scoring: { method: 'deduct', perShortfall: 1 } })];
    const days = [rec('d1', 'theme-day', 'b1', '2022-01-10'), rec('d3', 'theme-day', 'b1', '2022-03-10')];
    // b1 missed February (final on the records in); b2–b4 reported nothing yet: their records may
    // not be in yet (missing data is not a zero), so provisional
    const missed = run(ruleSet(monthly, { rules: [rule('short', { type: 'shortfall', indicator: 'theme-day' }, [{ to: 'team' }])] }), days, { asOf: '2022-03-31' });
    expect(ids(missed)).toEqual(['short:o:b1>o:b1']);
    // months missed are no number of times: the rule's reason says "not met", the line says which months
    expect(missed.findings[0]?.explanation).toContain('第一支部：「theme-day」未达标（theme-day：要求每月至少1次；已到期3个月中2个月达到，缺1个月：2022年2月；');
    expect(provisional(missed)).toEqual(['short:b2', 'short:b3', 'short:b4']);
    // a February record awaiting review may yet be approved: provisional too
    const pending = run(ruleSet(monthly, { rules: [rule('short', { type: 'shortfall', indicator: 'theme-day' }, [{ to: 'team' }])] }), [...days, rec('d2', 'theme-day', 'b1', '2022-02-10', { status: 'pending' })], { asOf: '2022-03-31' });
    expect([ids(pending), provisional(pending)]).toEqual([[], ['short:b1', 'short:b2', 'short:b3', 'short:b4']]);
  });

  it('a shortfall on a line vetoed for itself is read beneath the veto: in progress, so provisional', () => {
    // 'meetings' at least 4, vetoed by a 'case' record: b1 has 1 meeting and a case, b2 1 meeting
    const vetoed = [ind({ id: 'meetings', points: 10, measure: { type: 'count', recordTypes: ['meeting'], atLeast: 4 }, scoring: { method: 'deduct', perShortfall: 2.5 }, veto: { recordTypes: ['case'] } })];
    const records = [rec('m1', 'meeting', 'b1', '2022-02-15'), rec('m2', 'meeting', 'b2', '2022-02-15'), rec('c1', 'case', 'b1', '2022-03-01')];
    const june = run(ruleSet(vetoed, { rules: [rule('short', { type: 'shortfall', indicator: 'meetings' }, [{ to: 'team' }])] }), records, { asOf: '2022-06-30' });
    expect(june.organizations.find((o) => o.id === 'b1')?.lines[0]?.status).toBe('vetoed');
    // b3 and b4 reported nothing yet: provisional as well
    expect([ids(june), provisional(june)]).toEqual([[], ['short:b1', 'short:b2', 'short:b3', 'short:b4']]);
  });
});

describe('what counts the hits leaves provisional ones out', () => {
  // 'meetings' as above, on branches; b1 and b2 fall short (in progress in June).
  const meetings = (org: string, n: number): RecordInput[] =>
    Array.from({ length: n }, (_, i) => rec(`m-${org}-${i + 1}`, 'meeting', org, `2022-0${i + 1}-15`));
  const indicators = [ind({ id: 'meetings', points: 10, measure: { type: 'count', recordTypes: ['meeting'], atLeast: 4 }, scoring: { method: 'deduct', perShortfall: 2.5 } })];
  const section = {
    rules: [rule('short', { type: 'shortfall', indicator: 'meetings' }, [{ to: 'secretary' }])],
    // cm's children: b1, b2, gb — two of three flagged reach the half
    supervision: { id: 'sup', title: '一级抓一级不力', minShare: 0.5 },
  };
  const records = [...meetings('b1', 1), ...meetings('b2', 2), ...meetings('b3', 4), ...meetings('b4', 4)];

  it('supervision and pressure: nothing mid-period (supervision an early warning), cm and its secretary at the end', () => {
    const june = run(ruleSet(indicators, section), records, { asOf: '2022-06-30' });
    expect(june.findings).toEqual([]);
    // what supervision would add if b1's and b2's shortfalls stood at the year's end
    expect(provisional(june)).toEqual(['short:b1', 'short:b2', 'sup:cm']);
    expect(june.warnings.find((w) => w.code === 'warning-findings-provisional')?.params).toMatchObject({ count: 3, rules: 'short, sup' });
    // its reason is conditional, and names the children flagged only provisionally
    expect(june.hits.find((h) => h.rule === 'sup')?.explanation).toBe('局党委所属3个下级组织中2个触发问责规则（第一支部、第二支部；其中第一支部、第二支部为暂定），如至考核期末情况不变，将以一级抓一级不力建议「检查」');
    expect(june.pressure.find((p) => p.person === 'p-sec')).toMatchObject({ answersFor: 7, flagged: 0, flaggedOrganizations: [] });
    const end = run(ruleSet(indicators, section), records);
    expect(ids(end)).toEqual(['short:o:b1>p:p-b1-sec', 'short:o:b2>p:p-b2-sec', 'sup:o:cm>o:cm']);
    expect(end.pressure.find((p) => p.person === 'p-sec')).toMatchObject({ flagged: 3, flaggedOrganizations: ['b1', 'b2', 'cm'] });
  });

  it('a repeat: a provisional hit is not counted as last period’s, and the previous result is flagged', () => {
    const repeatSection = { rules: [...section.rules, rule('again', { type: 'repeat', rule: 'short' }, [{ to: 'self' }])] };
    const meetings2021 = records.map((r) => ({ ...r, id: `y21-${String(r.id)}`, date: String(r.date).replace('2022', '2021') }));
    const rules2021 = ruleSet(indicators, repeatSection, {}, 2021);
    const rules2022 = ruleSet(indicators, repeatSection);
    // Made in June 2021: b1 and b2 provisional. A run of 2022 reading it repeats nothing.
    const june2021 = run(rules2021, meetings2021, { asOf: '2021-06-30' });
    expect(provisional(june2021)).toEqual(['short:b1', 'short:b2']);
    const after = run(rules2022, records, { previous: june2021 });
    expect(ids(after)).toEqual(['short:o:b1>p:p-b1-sec', 'short:o:b2>p:p-b2-sec']);
    const flagged = after.warnings.find((w) => w.code === 'warning-previous-provisional');
    expect(flagged?.params).toEqual({ start: '2021-01-01', end: '2021-12-31', currentStart: '2022-01-01', currentEnd: '2022-12-31', asOf: '2021-06-30' });
    // Control: the whole of 2021 as previous repeats both.
    const whole2021 = run(rules2021, meetings2021);
    const repeated = run(rules2022, records, { previous: whole2021 });
    expect(ids(repeated)).toEqual(['short:o:b1>p:p-b1-sec', 'short:o:b2>p:p-b2-sec', 'again:o:b1>o:b1', 'again:o:b2>o:b2']);
    expect(codes(repeated)).not.toContain('warning-previous-provisional');
    // And a repeat of a provisional hit is provisional: June 2022 after the whole of 2021.
    const june2022 = run(rules2022, records, { previous: whole2021, asOf: '2022-06-30' });
    expect([ids(june2022), provisional(june2022)]).toEqual([[], ['short:b1', 'short:b2', 'again:b1', 'again:b2']]);
  });

  it('a previous result whose provisional mark is not `true` is refused at its path', () => {
    const june = run(ruleSet(indicators, section), records, { asOf: '2022-06-30' });
    const bad = { ...june, period: { ...june.period, start: '2021-01-01', end: '2021-12-31', asOf: 'June' }, hits: june.hits.map((h) => ({ ...h, provisional: 'false' })) };
    const error = thrown(() => run(ruleSet(indicators, section), records, { previous: bad as unknown as AssessmentResult }));
    expect(codesAndPaths(error.issues)).toEqual([
      { code: 'invalid-previous', path: ['previous', 'period', 'asOf'] },
      { code: 'invalid-previous', path: ['previous', 'hits', 0, 'provisional'] },
      { code: 'invalid-previous', path: ['previous', 'hits', 1, 'provisional'] },
      { code: 'invalid-previous', path: ['previous', 'hits', 2, 'provisional'] },
    ]);
  });
});

describe('a finding waived last period', () => {
  it('makes nothing heavier this period; a confirmed one does', () => {
    const meetings = (org: string, year: number): RecordInput[] => [rec(`m-${org}-${year}`, 'meeting', org, `${year}-03-15`)];
    const indicators = [ind({ id: 'meetings', points: 10, measure: { type: 'count', recordTypes: ['meeting'], atLeast: 4 }, scoring: { method: 'deduct', perShortfall: 2.5 } })];
    const section = { rules: [rule('short', { type: 'shortfall', indicator: 'meetings' }, [{ to: 'secretary', form: { person: 'criticism' } }])] };
    const last = run(ruleSet(indicators, section, {}, 2021), [...meetings('b1', 2021), ...meetings('b2', 2021), ...meetings('b3', 2021), ...meetings('b4', 2021)]);
    expect(ids(last)).toEqual(['short:o:b1>p:p-b1-sec', 'short:o:b2>p:p-b2-sec', 'short:o:b3>p:p-b3-sec', 'short:o:b4>p:p-b4-sec']);
    const at = '2022-01-20';
    const decided = applyDecisions(last, [
      { finding: 'short:o:b1>p:p-b1-sec', action: 'waive', by: '局党委', at, reason: '不可抗力' },
      { finding: 'short:o:b2>p:p-b2-sec', action: 'confirm', by: '局党委', at },
    ]);
    const now = run(ruleSet(indicators, section), [...meetings('b1', 2022), ...meetings('b2', 2022)], { previous: decided });
    const forms = now.findings.filter((f) => f.subject.id === 'p-b1-sec' || f.subject.id === 'p-b2-sec').map((f) => [f.subject.id, f.form.id, f.circumstances.map((c) => c.kind)]);
    // b1's secretary was waived last year: 批评教育 as the rule says; b2's was confirmed: one step heavier
    expect(forms).toEqual([
      ['p-b1-sec', 'criticism', []],
      ['p-b2-sec', 'written-inspection', ['repeat']],
    ]);
  });
});

describe('reports', () => {
  const indicators = [ind({ id: 'meetings', points: 10, measure: { type: 'count', recordTypes: ['meeting'], atLeast: 4 }, scoring: { method: 'deduct', perShortfall: 2.5 } })];
  const section = { rules: [rule('short', { type: 'shortfall', indicator: 'meetings' }, [{ to: 'team' }], { title: '会议不足', titleEn: 'Too few meetings' })] };
  const records = [rec('m1', 'meeting', 'b1', '2022-02-15')];

  it('Markdown lists provisional hits as early warnings, and says the grades are provisional', () => {
    const june = run(ruleSet(indicators, section), records, { asOf: '2022-06-30' });
    const zh = toMarkdown(june);
    expect(zh).toContain('评估日期：2022-06-30（考核期尚未结束，按已到期部分计；等次和评价按目前得分，为暂定）');
    expect(zh).toContain('预警 4 处');
    expect(zh).toContain('### 预警：已触发、但到考核期末还可能改变的问责规则');
    expect(zh).toContain('| 会议不足 · `short` | 第一支部（党组织） |');
    const en = toMarkdown(run(ruleSet(indicators, section), records, { asOf: '2022-06-30', lang: 'en' }));
    expect(en).toContain('4 early warning(s)');
    expect(en).toContain('| Too few meetings · `short` | 第一支部 (organization) |');
  });

  it('an as-of date before the period begins is said so', () => {
    const early = run(ruleSet(indicators, section), records, { asOf: '2021-11-15' });
    expect(early.period.asOf).toBe('2021-12-31');
    expect(toMarkdown(early)).toContain('评估日期：考核期开始之前（按 2021-12-31 计：考核期尚未开始，没有到期的要求；等次和评价为暂定）');
    expect(toMarkdown(early, { lang: 'en' })).toContain('As of: before the period begins (assessed as of 2021-12-31: the period has not begun');
  });

  it('an as-of date at the period’s end is read as the end', () => {
    const end = toMarkdown(run(ruleSet(indicators, section), records, { asOf: '2022-12-31' }));
    expect(end).toContain('评估日期：考核期末（按全期计）');
    expect(end).not.toContain('预警');
  });

  it('the result schema describes a provisional hit', () => {
    const hit = (resultJsonSchema() as { $defs: Record<string, { required: string[]; properties: Record<string, unknown> }> }).$defs['RuleHit'];
    expect(hit?.required).toEqual(['rule', 'subject', 'reached']);
    expect(Object.keys(hit?.properties ?? {})).toEqual(['rule', 'subject', 'reached', 'provisional', 'ruleTitle', 'indicators', 'recordIds', 'explanation']);
  });
});

describe('the university example, run mid-quarter (examples/university-college)', () => {
  it('proposes no finding mid-quarter: the vacant secretary post and 邓志强’s verdict are early warnings', () => {
    const dir = new URL('../../examples/university-college/', import.meta.url);
    const json = (name: string): unknown => JSON.parse(readFileSync(new URL(name, dir), 'utf8'));
    const records = readFileSync(new URL('records.ndjson', dir), 'utf8').trim().split('\n').map((line) => JSON.parse(line) as RecordInput);
    const inputs = { graph: json('graph.json') as GraphInput, rules: json('rules.json') as RuleSetInput, records };
    const result = assess({ ...inputs, asOf: '2023-09-15' });
    // br-fl-grad's secretary post is vacant: a fact of the graph, which may change (a secretary
    // elected) before the quarter ends. 邓志强 has no area, scores 0 and is 不称职 by score.
    expect(ids(result)).toEqual([]);
    expect(result.hits.filter((h) => h.provisional).map((h) => `${h.rule}:${h.subject.id}`)).toEqual(['secretary-vacant:br-fl-grad', 'incompetent:p-deng-zhiqiang']);
    expect(result.hits.filter((h) => h.provisional && h.rule === 'incompetent')).toEqual([
      { rule: 'incompetent', subject: { type: 'person', id: 'p-deng-zhiqiang', name: '邓志强' }, reached: 0, provisional: true, ruleTitle: '抓不好党建工作是不称职', indicators: [], recordIds: [], explanation: '评定为「不称职」（总分0）' },
    ]);
    // a vacant post is not met, not "1 short"
    expect(result.hits.find((h) => h.rule === 'secretary-vacant')?.explanation).toBe(
      '「党支部书记配备到位（出缺及时补选）」未达标（党支部书记配备到位（出缺及时补选）：未配备书记；未达标，得0分）',
    );
    // at the quarter's end, with nothing changed, the post still vacant: the general branch above and its three overseers
    expect(ids(assess(inputs)).filter((id) => id.startsWith('secretary-vacant:'))).toEqual([
      'secretary-vacant:o:br-fl-grad>o:gb-fl',
      'secretary-vacant:o:br-fl-grad>p:p-ma-jun',
      'secretary-vacant:o:br-fl-grad>p:p-liu-fang',
      'secretary-vacant:o:br-fl-grad>p:p-wang-xiuying',
    ]);
  });
});
