// A veto of a person through their organization (indicator veto `scope` organization or subtree)
// decides their grade only: it is no trigger of accountability findings. The case is pursued from
// the organization where it happened, through that organization's own veto, once. A person's own
// veto (scope self: records naming them) still is a trigger. docs/rules.md §8.3.
//
// The small graph (helpers.ts):
//   cm 局党委 (p-sec)
//   ├── b1 第一支部 (p-b1-sec) └── g1
//   ├── b2 第二支部 (p-b2-sec; member p-b2-m 郑党员)
//   └── gb 党总支 (p-gb-sec) ├── b3 └── b4
import { describe, expect, it } from 'vitest';
import type { AssessmentResult, RecordInput } from '../../src/index.js';
import { ind, prec, rec, rule, ruleSet, run, type IndicatorInput } from './helpers.js';

const serious = { severity: 'serious' };
const VETO = { recordTypes: ['disciplinary-case'], where: serious };
/** The branch's own veto: a serious case in the branch. */
const BRANCH_VETO = ind({ id: 'branch-veto', title: '支部发生严重违纪案件', veto: VETO });
/** The secretaries' vetoes: of the branch they lead (organization), of the committee's subtree (subtree), of records naming them (self). */
const BRANCH_SECRETARY_VETO = ind({ id: 'sec-org-veto', title: '所在支部发生严重违纪案件，书记一票否决', responsibility: 'first', appliesTo: { posts: ['secretary'], in: ['branch'] }, veto: { ...VETO, scope: 'organization' } });
const COMMITTEE_SECRETARY_VETO = ind({ id: 'sec-tree-veto', title: '所属党组织发生严重违纪案件，党委书记一票否决', responsibility: 'first', appliesTo: { posts: ['secretary'], in: ['committee'] }, veto: { ...VETO, scope: 'subtree' } });
const OWN_VETO = ind({ id: 'sec-own-veto', title: '书记本人严重违纪', responsibility: 'first', appliesTo: { posts: ['secretary'] }, veto: VETO });
/** 100 points for a lecture (a record naming the secretary): without a veto, a secretary is 好. */
const LECTURE = ind({ id: 'lecture', responsibility: 'first', appliesTo: { posts: ['secretary'] }, points: 100, measure: { type: 'count', recordTypes: ['lecture'], atLeast: 1 }, scoring: { method: 'all-or-nothing' } });
const LADDER = { id: 'secretaries', title: '书记等次', appliesTo: { posts: ['secretary' as const] }, grades: [{ id: 'good', title: '好', min: 90 }, { id: 'poor', title: '差', min: 0 }] };

const SERIOUS_CASE = rule('serious-case', { type: 'veto' }, [
  { to: 'direct', form: { person: 'disciplinary-sanction' } },
  { to: 'team', form: { organization: 'circulation' } },
  { to: 'secretary', form: { person: 'admonishment' } },
  { to: 'supervision', levels: 1, form: { organization: 'inspection' } },
]);

const rules = (indicators: IndicatorInput[]) => ruleSet([LECTURE, BRANCH_VETO, ...indicators], { rules: [SERIOUS_CASE] }, { ladders: [LADDER] });
const LECTURES = ['p-sec', 'p-b1-sec', 'p-b2-sec', 'p-gb-sec', 'p-b3-sec', 'p-b4-sec'].map((id) => prec(`l-${id}`, 'lecture', id, '2022-06-28'));
/** A serious case in 第二支部, committed by an ordinary member, 郑党员. */
const CASE_B2: RecordInput = rec('dc-1', 'disciplinary-case', 'b2', '2022-08-03', { person: 'p-b2-m', attributes: serious });

const assessWith = (indicators: IndicatorInput[], records: RecordInput[] = [CASE_B2]): AssessmentResult => run(rules(indicators), [...LECTURES, ...records]);
const caseFindings = (result: AssessmentResult) => result.findings.filter((f) => f.rule === 'serious-case').map((f) => [f.id, f.liability, f.form.id]);
const hitSubjects = (result: AssessmentResult) => result.hits.filter((h) => h.rule === 'serious-case').map((h) => `${h.subject.type}:${h.subject.id}`);

/** What the branch's own veto gives, by hand: 郑党员 direct, the branch as a body, its secretary, the committee above. */
const FROM_THE_BRANCH = [
  ['serious-case:o:b2>p:p-b2-m', 'direct', 'disciplinary-sanction'],
  ['serious-case:o:b2>o:b2', 'overall-leadership', 'circulation'],
  ['serious-case:o:b2>p:p-b2-sec', 'principal-leadership', 'admonishment'],
  ['serious-case:o:b2>o:cm', 'overall-leadership', 'inspection'],
];

describe('a secretary vetoed through the branch (scope organization)', () => {
  const result = assessWith([BRANCH_SECRETARY_VETO]);

  it('is graded 差（一票否决） though the case names someone else: 100 points stand', () => {
    const secretary = result.people.find((p) => p.id === 'p-b2-sec');
    expect(secretary).toMatchObject({ total: 100, grade: { id: 'poor', title: '差', reason: 'veto' }, vetoes: [{ indicator: 'sec-org-veto', recordIds: ['dc-1'] }] });
  });

  it('sets off no finding: the rule is set off by the branch alone', () => {
    expect(hitSubjects(result)).toEqual(['organization:b2']);
    expect(result.findings.filter((f) => f.trigger.subject.id === 'p-b2-sec')).toEqual([]);
  });

  it('the branch\'s own veto gives its findings, once each: the secretary answers as secretary, not as the direct culprit', () => {
    expect(caseFindings(result)).toEqual(FROM_THE_BRANCH);
    expect(result.findings.filter((f) => f.subject.id === 'p-b2-sec').map((f) => f.basis)).toEqual(['first']);
  });

  it('the findings are exactly those without the secretaries\' veto', () => {
    expect(result.findings).toEqual(assessWith([]).findings);
  });
});

describe('a committee secretary vetoed for a case below (scope subtree)', () => {
  const result = assessWith([COMMITTEE_SECRETARY_VETO]);

  it('is graded 差（一票否决）, and nothing climbs to him or the committee from his veto', () => {
    expect(result.people.find((p) => p.id === 'p-sec')).toMatchObject({ grade: { title: '差', reason: 'veto' }, vetoes: [{ indicator: 'sec-tree-veto', recordIds: ['dc-1'] }] });
    expect(hitSubjects(result)).toEqual(['organization:b2']);
    expect(caseFindings(result)).toEqual(FROM_THE_BRANCH);
  });
});

describe('a person\'s own veto (scope self) still sets the rule off', () => {
  /** A serious case committed by the secretary of 第二支部 himself, recorded at the branch. */
  const OWN_CASE: RecordInput = rec('dc-2', 'disciplinary-case', 'b2', '2022-09-01', { person: 'p-b2-sec', attributes: serious });

  it('he is the direct culprit from his own veto; his veto through the branch adds no indicator or record to that hit', () => {
    const result = assessWith([BRANCH_SECRETARY_VETO, OWN_VETO], [OWN_CASE]);
    const secretary = result.people.find((p) => p.id === 'p-b2-sec');
    expect(secretary?.vetoes.map((v) => v.indicator)).toEqual(['sec-org-veto', 'sec-own-veto']);
    expect(hitSubjects(result)).toEqual(['organization:b2', 'person:p-b2-sec']);
    const own = result.findings.find((f) => f.id === 'serious-case:p:p-b2-sec>p:p-b2-sec');
    expect(own).toMatchObject({ liability: 'direct', form: { id: 'disciplinary-sanction' }, trigger: { subject: { id: 'p-b2-sec' }, indicators: ['sec-own-veto'], recordIds: ['dc-2'] } });
  });
});
