// The bureau's 2022 rule set (rules.json), tested like code: each indicator on a small scenario
// with the points worked out by hand in the test's name. Run: npx vitest run examples/bureau-2022
import { describe, expect, it } from 'vitest';
import { graph, scenario, setupMatchers, type GraphBuilder, type RecordsBuilder } from '../../src/testing/index.js';
import { appraisal, bureau, julyLecture, perfectBranch, perfectBureau, perfectCommittee, rules, visits, year } from './rules.fixtures.js';

setupMatchers(expect);

const run = (records: RecordsBuilder, options: { graph?: GraphBuilder; asOf?: string } = {}) =>
  scenario(rules, { graph: options.graph ?? bureau(), records, ...(options.asOf !== undefined ? { asOf: options.asOf } : {}) });

const minutes = { minutes: '会议记录.pdf' };
const task = (due: string, completed?: string, extra: { person?: string } = {}) => ({ organization: 'b1', due, ...(completed !== undefined ? { completed } : {}), ...extra });
/** An officer spread over four branches: 应付配备. */
const thinOfficer = graph()
  .committee('bureau', { secretary: 'wang' })
  .branch('b1', { parent: 'bureau', secretary: 's1', officer: 'zhou' })
  .branch('b2', { parent: 'bureau', secretary: 's2', officer: 'zhou' })
  .branch('b3', { parent: 'bureau', secretary: 's3', officer: 'zhou' })
  .branch('b4', { parent: 'bureau', secretary: 's4', officer: 'zhou' });

interface Case {
  readonly indicator: string;
  readonly subject: string;
  readonly name: string;
  readonly records: RecordsBuilder;
  readonly points: number;
  readonly graph?: GraphBuilder;
  readonly asOf?: string;
}

// prettier-ignore
const CASES: readonly Case[] = [
  // 落实基层党建工作责任制 (committee)
  { indicator: 'cm-topic-meetings', subject: 'bureau', name: '4 meetings with minutes: 4', records: perfectCommittee(), points: 4 },
  { indicator: 'cm-topic-meetings', subject: 'bureau', name: '3 with minutes, 1 without (not counted): 4 − 1 × 1 = 3', points: 3,
    records: year().on('2022-02-15', 'topic-meeting', { organization: 'bureau', attributes: minutes }).on('2022-05-16', 'topic-meeting', { organization: 'bureau', attributes: minutes })
      .on('2022-08-15', 'topic-meeting', { organization: 'bureau', attributes: minutes }).on('2022-11-15', 'topic-meeting', { organization: 'bureau' }) },
  { indicator: 'cm-topic-meetings', subject: 'bureau', name: 'none reported: counted as 4 short, 4 − 4 × 1 = 0', records: year(), points: 0 },
  { indicator: 'cm-work-points', subject: 'bureau', name: 'issued 03-20, before 03-31: 2', records: year().on('2022-03-20', 'work-points-issued', { organization: 'bureau' }), points: 2 },
  { indicator: 'cm-work-points', subject: 'bureau', name: 'issued 04-12, late: 2 − 0.2 = 1.8', records: year().on('2022-04-12', 'work-points-issued', { organization: 'bureau' }), points: 1.8 },
  // openWeight 10: never issuing costs the whole line, not the 0.2 of issuing late.
  { indicator: 'cm-work-points', subject: 'bureau', name: 'never issued: 1 open × 10 shortfalls × 0.2 = 2 off, 0', records: year(), points: 0 },
  { indicator: 'cm-delegate-election', subject: 'bureau', name: 'done 06-20, before 06-30: 5', records: year().on('2022-06-20', 'delegate-election', { organization: 'bureau' }), points: 5 },
  { indicator: 'cm-delegate-election', subject: 'bureau', name: 'done 07-05, late: all or nothing, 0', records: year().on('2022-07-05', 'delegate-election', { organization: 'bureau' }), points: 0 },
  { indicator: 'cm-publicity', subject: 'bureau', name: 'bureau 4 + b1 3 + gb1 2 = 9 of 10 (subtree): 5 × 0.9 = 4.5', points: 4.5,
    records: year().monthly('publicity-campaign', { organization: 'bureau', months: [3, 5, 7, 9] }).monthly('publicity-campaign', { organization: 'b1', months: [4, 6, 8] }).monthly('publicity-campaign', { organization: 'gb1', months: [4, 10] }) },
  { indicator: 'cm-center-group-study', subject: 'bureau', name: 'no study in November: 6 − 1 × 0.5 = 5.5', records: year().monthly('center-group-study', { organization: 'bureau', except: [11] }), points: 5.5 },
  { indicator: 'cm-rectification', subject: 'bureau', name: '3 tasks, one done 12 days late: 8 − 1 × 2 = 6', points: 6,
    records: year().task('inspection-rectification', { organization: 'bureau', due: '2022-06-30', completed: '2022-06-20' }).task('inspection-rectification', { organization: 'bureau', due: '2022-06-30', completed: '2022-06-28' })
      .task('inspection-rectification', { organization: 'bureau', due: '2022-09-30', completed: '2022-10-12' }) },
  { indicator: 'cm-rectification', subject: 'bureau', name: 'one task still open at year end counts twice: 8 − 2 × 2 = 4', records: year().task('inspection-rectification', { organization: 'bureau', due: '2022-09-30' }), points: 4 },
  { indicator: 'cm-rectification', subject: 'bureau', name: 'open but not yet due as of 09-15: 8', records: year().task('inspection-rectification', { organization: 'bureau', due: '2022-09-30' }), points: 8, asOf: '2022-09-15' },
  { indicator: 'cm-review', subject: 'bureau', name: 'department 90, inspection 80: 0.7 × 90 + 0.3 × 80 = 87%, 10 × 0.87 = 8.7', records: year().manual('cm-review', { organization: 'bureau', scores: { department: 90, inspection: 80 } }), points: 8.7 },
  // 落实基层党建工作责任制 (branches)
  { indicator: 'br-secretary-in-post', subject: 'b1', name: 'secretary 孙伟 in post: 6', records: year(), points: 6 },
  { indicator: 'br-secretary-in-post', subject: 'b9', name: 'no secretary: 0', records: year(), points: 0, graph: bureau().branch('b9', '无书记支部', { parent: 'bureau', team: ['peng'] }) },
  { indicator: 'br-officer-staffed', subject: 'b1', name: 'officer 周婷 in one branch: 6', records: year(), points: 6 },
  { indicator: 'br-officer-staffed', subject: 'b1', name: 'one officer in 4 branches (limit 3), staffed for show: 0', records: year(), points: 0, graph: thinOfficer },
  { indicator: 'br-officer-staffed', subject: 'b1', name: 'officer not a party member: 0', records: year(), points: 0, graph: bureau().person('zhou', { partyMember: false }) },
  { indicator: 'br-rectification', subject: 'b1', name: 'done 12 days late: 8 − 1 × 2 = 6', records: year().task('inspection-rectification', task('2022-06-30', '2022-07-12')), points: 6 },
  { indicator: 'br-rectification', subject: 'b1', name: 'still open: 8 − 2 × 2 = 4', records: year().task('inspection-rectification', task('2022-09-30')), points: 4 },
  { indicator: 'br-work-plan', subject: 'b1', name: 'made 03-15: 4', records: year().on('2022-03-15', 'work-plan', { organization: 'b1' }), points: 4 },
  { indicator: 'br-work-plan', subject: 'b1', name: 'made 04-10, late: 4 − 1 × 2 = 2', records: year().on('2022-04-10', 'work-plan', { organization: 'b1' }), points: 2 },
  { indicator: 'br-committee-meeting', subject: 'b1', name: 'none in Feb and Aug: 8 − 2 × 0.5 = 7', records: year().monthly('branch-committee-meeting', { organization: 'b1', except: [2, 8] }), points: 7 },
  { indicator: 'br-committee-meeting', subject: 'b1', name: 'none all year: 8 − 12 × 0.5 = 2', records: year(), points: 2 },
  { indicator: 'br-assembly', subject: 'b1', name: 'Q1 and Q3 only: 6 − 2 × 1.5 = 3', records: year().quarterly('member-assembly', { organization: 'b1', except: [2, 4] }), points: 3 },
  { indicator: 'br-party-class', subject: 'b1', name: 'none all year: 6 − 4 × 1.5 = 0', records: year(), points: 0 },
  { indicator: 'br-party-class', subject: 'b1', name: '3 quarters: 6 − 1 × 1.5 = 4.5', records: year().quarterly('party-class', { organization: 'b1', except: [4] }), points: 4.5 },
  { indicator: 'br-theme-day', subject: 'b1', name: 'none in December: 10 − 1 × 1 = 9', records: year().monthly('theme-day', { organization: 'b1', except: [12], attributes: minutes }), points: 9 },
  { indicator: 'br-theme-day', subject: 'b1', name: 'March and April without minutes: 10 − 2 × 1 = 8', points: 8,
    records: year().monthly('theme-day', { organization: 'b1', except: [3, 4], attributes: minutes }).monthly('theme-day', { organization: 'b1', months: [3, 4] }) },
  { indicator: 'br-theme-day', subject: 'b1', name: 'December only pending review: still 9', points: 9,
    records: year().monthly('theme-day', { organization: 'b1', except: [12], attributes: minutes }).pending('2022-12-10', 'theme-day', { organization: 'b1', attributes: minutes }) },
  { indicator: 'br-july-theme-day', subject: 'b1', name: '07-01 with the theme: 4', records: year().on('2022-07-01', 'theme-day', { organization: 'b1', attributes: { theme: '走好第一方阵' } }), points: 4 },
  { indicator: 'br-july-theme-day', subject: 'b1', name: '07-20, after the window: 0', records: year().on('2022-07-20', 'theme-day', { organization: 'b1', attributes: { theme: '走好第一方阵' } }), points: 0 },
  { indicator: 'br-july-theme-day', subject: 'b1', name: '07-01 on another theme: 0', records: year().on('2022-07-01', 'theme-day', { organization: 'b1', attributes: minutes }), points: 0 },
  { indicator: 'br-attendance', subject: 'b1', name: '9 of 10 each quarter = 90%: 8', records: year().quarterly('member-assembly', { organization: 'b1', attributes: { attendees: 9, expected: 10 } }), points: 8 },
  { indicator: 'br-attendance', subject: 'b1', name: '3/4 + 4/4 names (a guest not counted) = 7/8 = 87.5%: 8 × 0.875 / 0.9 = 7.78', points: 7.78,
    records: year().on('2022-02-10', 'member-assembly', { organization: 'b1', attributes: { expected: ['sun', 'zhou', 'ma', 'hu'], attendees: ['sun', 'zhou', 'ma'] } })
      .on('2022-05-10', 'member-assembly', { organization: 'b1', attributes: { expected: ['sun', 'zhou', 'ma', 'hu'], attendees: ['sun', 'zhou', 'ma', 'hu', 'li'] } }) },
  { indicator: 'br-history-study', subject: 'b1', name: 'none in Q3: 6 − 1 × 1.5 = 4.5', records: year().quarterly('history-study', { organization: 'b1', except: [3] }), points: 4.5 },
  { indicator: 'br-publicity', subject: 'b1', name: '2 approved, 1 rejected: 6 − 1 × 2 = 4', points: 4,
    records: year().on('2022-05-10', 'publicity-campaign', { organization: 'b1' }).on('2022-09-10', 'publicity-campaign', { organization: 'b1' }).rejected('2022-10-10', 'publicity-campaign', { organization: 'b1' }) },
  { indicator: 'br-mobile-members', subject: 'b1', name: '3 of 4 archived: 6 × 0.75 = 4.5', records: year().on('2022-06-30', 'mobile-member-archive', { organization: 'b1', attributes: { archived: 3, mobile: 4 } }), points: 4.5 },
  { indicator: 'br-review', subject: 'b1', name: 'department 90, inspection 80: 87%, 16 × 0.87 = 13.92', records: year().manual('br-review', { organization: 'b1', scores: { department: 90, inspection: 80 } }), points: 13.92 },
  // A group that gave no score weighs in at zero (the rule does not ask to reweight).
  { indicator: 'br-review', subject: 'b1', name: 'department 90 only: 0.7 × 90 + 0.3 × 0 = 63%, 16 × 0.63 = 10.08', records: year().manual('br-review', { organization: 'b1', scores: { department: 90 } }), points: 10.08 },
  // 书记抓基层党建述职评议 and 一岗双责与包抓包联 (people)
  { indicator: 'sec-july-lecture', subject: 'sun', name: 'lecture 07-01: 20', records: julyLecture('sun'), points: 20 },
  { indicator: 'sec-july-lecture', subject: 'sun', name: 'lecture 06-15, first day of the window: 20', records: julyLecture('sun', '2022-06-15'), points: 20 },
  { indicator: 'sec-july-lecture', subject: 'sun', name: 'lecture 08-10, after the window: 0', records: julyLecture('sun', '2022-08-10'), points: 0 },
  { indicator: 'leader-contact-visits', subject: 'zhang', name: 'no visit in Q3: 10 − 1 × 2.5 = 7.5', records: visits('zhang', [3]), points: 7.5 },
  { indicator: 'leader-contact-visits', subject: 'wang', name: 'the secretary, no visit at all: 10 − 4 × 2.5 = 0', records: year(), points: 0 },
  { indicator: 'appraisal-secretary', subject: 'sun', name: '90 85 88 70 95, drop 95 and 70: (90 + 85 + 88) / 3 = 87.67%, 30 × 0.8767 = 26.3', records: appraisal('sun', [90, 85, 88, 70, 95]), points: 26.3 },
  // Too few raters is a shortfall, but proportional scoring still pays the mean: (80 + 90) / 2 = 85%.
  { indicator: 'appraisal-secretary', subject: 'sun', name: '4 raters (5 required) 90 80 70 100: 30 × 0.85 = 25.5', records: appraisal('sun', [90, 80, 70, 100]), points: 25.5 },
  { indicator: 'appraisal-leader', subject: 'li', name: 'five 80s: 30 × 0.8 = 24', records: appraisal('li', [80, 80, 80, 80, 80]), points: 24 },
];

describe('bureau-2022: each indicator', () => {
  it.each(CASES)('$indicator ($subject): $name', ({ indicator, subject, records, points, graph: g, asOf }) => {
    expect(run(records, { ...(g ? { graph: g } : {}), ...(asOf !== undefined ? { asOf } : {}) })).toScore(subject, indicator, points);
  });

  it('excludes rectification and mobile members when nothing is reported (max 0, not 0 of 8)', () => {
    const s = run(year());
    expect(s.line('bureau', 'cm-rectification')).toMatchObject({ status: 'excluded', points: 0, max: 0 });
    expect(s.line('b1', 'br-mobile-members')).toMatchObject({ status: 'excluded', points: 0, max: 0 });
  });
});

describe('bureau-2022: roll-ups (一级抓一级、书记抓、一岗双责)', () => {
  const perfect = run(perfectBureau());
  // b2 without its December theme day: 85 of 86.
  const b2Short = perfect.without((id) => id === 'theme-day:b2:2022-12-10');

  it('cm-supervision: every child at 100%: 60; b2 at 85/86: 60 × (1 + 85/86 + 1) / 3 = 59.77', () => {
    expect(perfect).toScore('bureau', 'cm-supervision', 60);
    expect(b2Short).toScore('bureau', 'cm-supervision', 59.77);
  });


  it('sec-own-organization-committee: bureau 92/92: 40; with 3 topic meetings, 91/92: 40 × 91 / 92 = 39.57', () => {
    expect(perfect).toScore('wang', 'sec-own-organization-committee', 40);
    expect(perfect.without('topic-meeting:bureau:2022-11-15')).toScore('wang', 'sec-own-organization-committee', 39.57);
  });

  it('sec-own-organization-branch: b1 86/86: 50; b2 at 85/86: 50 × 85 / 86 = 49.42', () => {
    expect(perfect).toScore('sun', 'sec-own-organization-branch', 50);
    expect(b2Short).toScore('xu', 'sec-own-organization-branch', 49.42);
  });

  // gb1 without its monthly theme days: only the July one (07-01) is left, 10 − 11 × 1 → 0 of 10, so 76/86.
  const gb1Short = perfect.without((id) => id.startsWith('theme-day:gb1:') && id !== 'theme-day:gb1:2022-07-01');

  it('leader-dual-areas: 张敏 oversees b2: 60; 赵磊 oversees gb and gb1 (gb1 at 76/86): 60 × (1 + 76/86) / 2 = 56.51', () => {
    expect(perfect).toScore('zhang', 'leader-dual-areas', 60);
    expect(gb1Short).toScore('zhao', 'leader-dual-areas', 56.51);
  });

  it('cm-supervision reads only the children: gb1 (under gb) at 76/86 changes nothing', () => {
    expect(gb1Short).toScore('bureau', 'cm-supervision', 60);
  });
});

describe('bureau-2022: veto, bonus, composite', () => {
  const b2 = () => year().add(perfectBranch('b2'));

  it('org-discipline-veto: a serious case keeps the score (100) but grades b2 差', () => {
    const s = run(b2().on('2022-08-05', 'disciplinary-case', { organization: 'b2', person: 'zheng', attributes: { severity: 'serious' } }));
    expect(s).toHaveTotal('b2', 100);
    expect(s).toHaveGrade('b2', '差');
    expect(s.subject('b2').grade?.reason).toBe('veto');
    expect(s.line('b2', 'org-discipline-veto').status).toBe('vetoed');
  });

  it('org-discipline-veto: a minor case does not veto', () => {
    const s = run(b2().on('2022-08-05', 'disciplinary-case', { organization: 'b2', attributes: { severity: 'minor' } }));
    expect(s.line('b2', 'org-discipline-veto').veto).toBe(false);
    expect(s).toHaveGrade('b2', 'good');
  });

  it('org-awards: provincial 2 + municipal 1 = 3; national 3 + provincial 2 = 5, capped at 3: total 100 + 3 = 103', () => {
    const award = (level: string, date: string) => year().on(date, 'award', { organization: 'b2', attributes: { level } });
    const twoAwards = run(b2().add(award('provincial', '2022-06-28'), award('municipal', '2022-11-15')));
    expect(twoAwards.line('b2', 'org-awards').bonus).toBe(3);
    expect(twoAwards).toHaveTotal('b2', 103);
    expect(run(b2().add(award('national', '2022-06-28'), award('provincial', '2022-11-15')))).toHaveTotal('b2', 103);
    expect(run(b2().add(award('municipal', '2022-06-28')))).toHaveTotal('b2', 101);
  });

  it('composite (两张皮): party 100 and business 80 at 6:4: 0.6 × 100 + 0.4 × 80 = 92; grades stay on the party score', () => {
    const s = run(b2().business(80, { organization: 'b2' }));
    expect(s.subject('b2').composite).toEqual({ business: 80, value: 92 });
    expect(s).toHaveGrade('b2', 'good');
  });
});

describe('bureau-2022: grades and quotas', () => {
  const people = ['wang', 'li', 'zhang', 'zhao', 'sun', 'xu', 'he', 'ren'];
  const everyone = year().add(
    perfectBureau(),
    ...people.map((p) => appraisal(p)),
    ...['wang', 'sun', 'xu', 'he', 'ren'].map((p) => julyLecture(p)),
    ...['wang', 'li', 'zhang', 'zhao'].map((p) => visits(p)),
  );
  const s = run(everyone);

  it('好 at most 30% of the 5 organizations: floor(1.5) = 1; all total 100, the smallest id (b1) keeps it', () => {
    expect(s).toHaveGrade('b1', 'good');
    for (const id of ['bureau', 'b2', 'gb', 'gb1']) {
      expect(s).toHaveGrade(id, 'fairly-good');
      expect(s.subject(id).grade).toMatchObject({ reason: 'quota', earned: 'good' });
    }
  });

  it('secretaries: 5 at 100, floor(0.3 × 5) = 1 好 (he, the smallest id)', () => {
    expect(s).toHaveTotal('sun', 100);
    expect(s).toHaveGrade('he', 'good');
    expect(s).toHaveGrade('sun', 'fairly-good');
  });

  it('team members: 优秀 at most 20% of 3 = floor(0.6) = 0, so all three are 称职', () => {
    for (const id of ['li', 'zhang', 'zhao']) expect(s).toHaveGrade(id, 'competent');
  });

  it('every fulfilled, no findings at all', () => {
    for (const id of people) expect(s).toHaveVerdict(id, 'fulfilled');
    expect(s.findings()).toEqual([]);
  });

  it('the rule set keeps its properties on this bureau', () => {
    expect(s).toSatisfyRuleSetProperties({ runs: 20 });
  });
});

describe('bureau-2022: verdicts and accountability', () => {
  it('derelict (失职): a secretary with no lecture reported → 通报批评', () => {
    const s = run(appraisal('sun'));
    expect(s).toHaveVerdict('sun', 'derelict');
    expect(s).toHaveFinding({ subject: 'sun', rule: 'derelict', form: 'circulated-criticism', kind: 'direct' });
  });

  it('incompetent (不称职): lecture 20 + b1 16/86 × 50 = 9.3 + five 60s 18 = 47.3 < 60 → 批评教育', () => {
    const s = run(year().add(julyLecture('sun'), appraisal('sun', [60, 60, 60, 60, 60])));
    expect(s).toHaveTotal('sun', 47.3);
    expect(s).toHaveVerdict('sun', 'incompetent');
    expect(s).toHaveFinding({ subject: 'sun', rule: 'incompetent', form: 'criticism' });
  });

  it('derelict two periods running → 诫勉 on top', () => {
    // Last year's result: this year's, labelled 2021's (a previous result must be of an earlier period).
    const { result } = run(appraisal('sun'));
    const last = { ...result, period: { ...result.period, start: '2021-01-01', end: '2021-12-31', label: '2021年度' } };
    const now = scenario(rules, { graph: bureau(), records: appraisal('sun'), previous: last });
    expect(now).toHaveFinding({ subject: 'sun', rule: 'derelict-again', form: 'admonishment' });
  });

  it('serious-case: a veto in b2 reaches the person named, the team, the secretary, the overseer and the committee above', () => {
    const s = run(year().on('2022-08-05', 'disciplinary-case', { organization: 'b2', person: 'zheng', attributes: { severity: 'serious' } }));
    expect(s).toHaveFinding({ rule: 'serious-case', subject: 'zheng', kind: 'direct', form: 'disciplinary-sanction' });
    expect(s).toHaveFinding({ rule: 'serious-case', subject: 'b2', kind: 'overall-leadership', form: 'circulation' });
    expect(s).toHaveFinding({ rule: 'serious-case', subject: 'xu', kind: 'first', form: 'admonishment' });
    expect(s).toHaveFinding({ rule: 'serious-case', subject: 'zhang', kind: 'dual', form: 'circulated-criticism' });
    expect(s).toHaveFinding({ rule: 'serious-case', subject: 'bureau', kind: 'supervision', form: 'inspection' });
    expect(s).not.toHaveFinding({ rule: 'serious-case', subject: 'sun' });
    expect(s.result.eligibility.map((e) => e.person)).toEqual(['xu', 'zheng']);
  });

  it('rectification-open: an open task names 马丽 directly (责令书面检查) and the secretary (批评教育)', () => {
    const s = run(year().task('inspection-rectification', task('2022-09-30', undefined, { person: 'ma' })));
    expect(s).toHaveFinding({ rule: 'rectification-open', subject: 'ma', form: 'written-inspection' });
    expect(s).toHaveFinding({ rule: 'rectification-open', subject: 'sun', form: 'criticism' });
  });

  it('formalism in history study reaches the secretary and the overseer; a recorded objection proposes a waiver', () => {
    const study = year().on('2022-10-14', 'history-study', { organization: 'b2', attributes: { formalism: true } });
    const s = run(study);
    expect(s).toHaveFinding({ rule: 'formalism', subject: 'xu', form: 'written-inspection' });
    expect(s).toHaveFinding({ rule: 'formalism', subject: 'zhang', form: 'criticism' });
    const waived = run(study.on('2022-11-01', 'accountability-waiver', { person: 'xu', attributes: { rule: 'formalism', reason: 'recorded-objection' } }));
    expect(waived.findings({ rule: 'formalism', subject: 'xu' })[0]?.waiver?.reason).toBe('recorded-objection');
  });

  it('supervision-failure: 2 of the bureau’s 3 children flagged (≥ 50%) → 检查 for the committee', () => {
    const s = run(year().task('inspection-rectification', task('2022-09-30')).task('inspection-rectification', { organization: 'b2', due: '2022-09-30' }));
    expect(s).toHaveFinding({ rule: 'supervision-failure', subject: 'bureau', form: 'inspection' });
  });
});

describe('bureau-2022: coverage of the sheet', () => {
  it('every indicator in rules.json has a test above', () => {
    const tested = new Set([...CASES.map((c) => c.indicator), 'cm-supervision', 'sec-own-organization-committee', 'sec-own-organization-branch', 'leader-dual-areas', 'org-discipline-veto', 'org-awards']);
    const indicators = (rules as { indicators: { id: string }[] }).indicators.map((i) => i.id);
    expect(indicators.filter((id) => !tested.has(id))).toEqual([]);
  });
});
