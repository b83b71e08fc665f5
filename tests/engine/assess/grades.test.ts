// Grades: thresholds, ladders written in any order, quotas (share, count, peer groups, ties,
// cascades), probationary members, subjects without a ladder or with nothing at stake. Each
// subject's total is set exactly by one manual-score record on a 100-point manual indicator.
import { describe, expect, it } from 'vitest';
import { assess, safeParseRuleSet, type GraphInput, type RuleSetInput } from '../../../src/index.js';
import {
  fourGrades,
  graphInput,
  ind,
  manualIndicator,
  manualScore,
  org,
  orgLadder,
  person,
  rec,
  ruleSet,
  run,
  warning,
  warningCodes,
  type LadderInput,
  type QuotaInput,
} from './helpers.js';

/** A committee with seven branches s1…s7, listed in reverse order on purpose. */
function sevenBranches(): GraphInput {
  const ids = ['s7', 's6', 's5', 's4', 's3', 's2', 's1'];
  return {
    organizations: [{ id: 'cm', name: '党委', kind: 'committee' }, ...ids.map((id) => ({ id, name: `支部${id}`, kind: 'branch' as const, parent: 'cm' }))],
    people: [],
    posts: [],
  };
}

/** A committee, two general branches and five branches below them. */
function twoGeneralBranches(): GraphInput {
  return {
    organizations: [
      { id: 'cm', name: '党委', kind: 'committee' },
      { id: 'gb1', name: '总支一', kind: 'general-branch', parent: 'cm' },
      { id: 'gb2', name: '总支二', kind: 'general-branch', parent: 'cm' },
      { id: 'b11', name: '支部11', kind: 'branch', parent: 'gb1' },
      { id: 'b12', name: '支部12', kind: 'branch', parent: 'gb1' },
      { id: 'b21', name: '支部21', kind: 'branch', parent: 'gb2' },
      { id: 'b22', name: '支部22', kind: 'branch', parent: 'gb2' },
      { id: 'b23', name: '支部23', kind: 'branch', parent: 'gb2' },
    ],
    people: [],
    posts: [],
  };
}

/** One manual score per organization, in the order given. */
function scores(map: Record<string, number>): ReturnType<typeof manualScore>[] {
  return Object.entries(map).map(([id, score]) => manualScore(`score-${id}`, { organization: id }, 'score', score));
}

function grade(result: ReturnType<typeof run>, id: string): unknown {
  return org(result, id).grade;
}

/** Member scores: a probationary member of b1 on 99, members of b1, b2 and g1 on 95, 93 and 70. */
function memberScores(): ReturnType<typeof manualScore>[] {
  return [
    manualScore('m-prob', { person: 'p-b1-prob' }, 'member-score', 99),
    manualScore('m-b1', { person: 'p-b1-m' }, 'member-score', 95),
    manualScore('m-b2', { person: 'p-b2-m' }, 'member-score', 93),
    manualScore('m-g1', { person: 'p-g1-m' }, 'member-score', 70),
  ];
}

const SCORE = manualIndicator('score', 100);
const good = { ladder: 'org', id: 'good', title: '好', reason: 'score', rank: 1, grades: 4 };
const fairlyGood = { ladder: 'org', id: 'fairly-good', title: '较好', reason: 'score', rank: 2, grades: 4 };
const average = { ladder: 'org', id: 'average', title: '一般', reason: 'score', rank: 3, grades: 4 };
const poor = { ladder: 'org', id: 'poor', title: '差', reason: 'score', rank: 4, grades: 4 };
const quotaDown = (earned: string) => ({ ladder: 'org', id: 'fairly-good', title: '较好', reason: 'quota', rank: 2, grades: 4, earned });

function rules(extra: Partial<RuleSetInput> = {}, ladder: LadderInput = orgLadder(['branch'])): RuleSetInput {
  return ruleSet([SCORE], { ladders: [ladder], ...extra });
}

describe('thresholds', () => {
  const totals = { s1: 90, s2: 89.99, s3: 80, s4: 79.99, s5: 60, s6: 59.99, s7: 0 };
  const expected = { s1: good, s2: fairlyGood, s3: fairlyGood, s4: average, s5: average, s6: poor, s7: poor };

  it('each grade runs from its min (inclusive) up to the next: exactly 90 is 好', () => {
    const result = run(rules(), scores(totals), { graph: sevenBranches() });
    for (const [id, total] of Object.entries(totals)) expect(org(result, id).total).toBe(total);
    for (const [id, award] of Object.entries(expected)) expect(grade(result, id), id).toEqual(award);
  });

  it('grades may be listed in any order', () => {
    const [g, f, a, p] = fourGrades();
    const shuffled: LadderInput = { ...orgLadder(['branch']), grades: [p!, g!, a!, f!] };
    const result = run(rules({}, shuffled), scores(totals), { graph: sevenBranches() });
    for (const [id, award] of Object.entries(expected)) expect(grade(result, id), id).toEqual(award);
  });

  it('an optional max bounds a grade: a score in the gap between grades gets none', () => {
    const gapped: LadderInput = {
      ...orgLadder(['branch']),
      grades: [
        { id: 'good', title: '好', min: 90 },
        { id: 'fairly-good', title: '较好', min: 80, max: 85 },
        { id: 'poor', title: '差', min: 0, max: 80 },
      ],
    };
    const result = run(rules({}, gapped), scores({ s1: 95, s2: 84.99, s3: 87, s4: 79.99 }), { graph: sevenBranches() });
    // a three-grade ladder: ranks 1–3 of 3
    expect(grade(result, 's1')).toEqual({ ...good, grades: 3 });
    expect(grade(result, 's2')).toEqual({ ...fairlyGood, grades: 3 });
    // 87 is above 较好's max and below 好's min
    expect(grade(result, 's3')).toBeNull();
    expect(grade(result, 's4')).toEqual({ ...poor, rank: 3, grades: 3 });
  });

  it('the top grade has no ceiling: a total above the scale (bonus) keeps it', () => {
    const withBonus = ruleSet([SCORE, ind({ id: 'award', bonus: { recordTypes: ['award'], each: 5, cap: 5 } })], { ladders: [orgLadder(['branch'])] });
    const result = run(withBonus, [...scores({ s1: 100 }), rec('w1', 'award', 's1', '2022-05-01')], { graph: sevenBranches() });
    expect(org(result, 's1').total).toBe(105);
    expect(grade(result, 's1')).toEqual(good);
  });
});

describe('quotas', () => {
  const graph = sevenBranches();

  it('maxShare 0.3 of 7 subjects: floor(2.1) = 2 keep the top grade, the rest move one grade down', () => {
    const quotas: QuotaInput[] = [{ ladder: 'org', grade: 'good', maxShare: 0.3 }];
    const result = run(rules({ quotas }), scores({ s1: 99, s2: 98, s3: 97, s4: 96, s5: 95, s6: 85, s7: 70 }), { graph });
    // five earned 好; the best two keep it
    expect(grade(result, 's1')).toEqual(good);
    expect(grade(result, 's2')).toEqual(good);
    for (const id of ['s3', 's4', 's5']) expect(grade(result, id), id).toEqual(quotaDown('good'));
    expect(grade(result, 's6')).toEqual(fairlyGood);
    expect(grade(result, 's7')).toEqual(average);
    // the score itself is untouched
    expect(org(result, 's3').total).toBe(97);
  });

  it('ties are broken by the smaller id, whatever the input order', () => {
    const quotas: QuotaInput[] = [{ ladder: 'org', grade: 'good', maxShare: 0.3 }];
    // s1 first; then three at 95 for one remaining place: s3 (smallest id) wins
    const result = run(rules({ quotas }), scores({ s7: 95, s5: 95, s3: 95, s1: 99, s2: 50, s4: 50, s6: 50 }), { graph });
    expect(grade(result, 's1')).toEqual(good);
    expect(grade(result, 's3')).toEqual(good);
    expect(grade(result, 's5')).toEqual(quotaDown('good'));
    expect(grade(result, 's7')).toEqual(quotaDown('good'));
  });

  it('maxCount caps by number; with maxShare the smaller limit applies', () => {
    const totals = scores({ s1: 99, s2: 98, s3: 97, s4: 96, s5: 95, s6: 85, s7: 70 });
    const byCount = run(rules({ quotas: [{ ladder: 'org', grade: 'good', maxCount: 1 }] }), totals, { graph });
    expect(['s1', 's2', 's3'].map((id) => (org(byCount, id).grade as { id: string }).id)).toEqual(['good', 'fairly-good', 'fairly-good']);
    // maxShare 0.5 → floor(3.5) = 3, maxCount 4 → 3 keep
    const both = run(rules({ quotas: [{ ladder: 'org', grade: 'good', maxShare: 0.5, maxCount: 4 }] }), totals, { graph });
    expect(['s3', 's4'].map((id) => (org(both, id).grade as { id: string }).id)).toEqual(['good', 'fairly-good']);
    // maxShare 0.5 → 3, maxCount 2 → 2 keep
    const tighter = run(rules({ quotas: [{ ladder: 'org', grade: 'good', maxShare: 0.5, maxCount: 2 }] }), totals, { graph });
    expect(['s2', 's3'].map((id) => (org(tighter, id).grade as { id: string }).id)).toEqual(['good', 'fairly-good']);
  });

  it('cascades when the next grade has a quota too (quotas listed in any order)', () => {
    const quotas: QuotaInput[] = [
      { ladder: 'org', grade: 'fairly-good', maxCount: 1 },
      { ladder: 'org', grade: 'good', maxCount: 1 },
    ];
    const result = run(rules({ quotas }), scores({ s1: 99, s2: 95, s3: 92, s4: 85, s5: 70, s6: 65, s7: 50 }), { graph });
    // 好: s1 keeps; s2, s3 move to 较好. 较好 is now s2 95, s3 92, s4 85: s2 keeps,
    // s3 and s4 move to 一般 — s3 still shows the grade its score earned, 好
    expect(grade(result, 's1')).toEqual(good);
    expect(grade(result, 's2')).toEqual(quotaDown('good'));
    expect(grade(result, 's3')).toEqual({ ladder: 'org', id: 'average', title: '一般', reason: 'quota', rank: 3, grades: 4, earned: 'good' });
    expect(grade(result, 's4')).toEqual({ ladder: 'org', id: 'average', title: '一般', reason: 'quota', rank: 3, grades: 4, earned: 'fairly-good' });
    expect(grade(result, 's5')).toEqual(average);
    expect(grade(result, 's7')).toEqual(poor);
  });

  it('a vetoed subject takes the lowest grade and no place in the quota', () => {
    const withVeto = ruleSet([SCORE, ind({ id: 'veto', veto: { recordTypes: ['case'] } })], {
      ladders: [orgLadder(['branch'])],
      quotas: [{ ladder: 'org', grade: 'good', maxShare: 0.3 }],
    });
    const result = run(withVeto, [...scores({ s1: 99, s2: 98, s3: 97, s4: 96, s5: 50, s6: 50, s7: 50 }), rec('k1', 'case', 's1', '2022-05-01')], { graph });
    expect(grade(result, 's1')).toEqual({ ladder: 'org', id: 'poor', title: '差', reason: 'veto', rank: 4, grades: 4 });
    expect(grade(result, 's2')).toEqual(good);
    expect(grade(result, 's3')).toEqual(good);
    expect(grade(result, 's4')).toEqual(quotaDown('good'));
  });

  describe('peer groups', () => {
    const ladder = orgLadder(['general-branch', 'branch']);
    const sheet = [manualIndicator('score', 100, { organizations: ['general-branch', 'branch'] })];
    const totals = scores({ gb1: 95, gb2: 92, b11: 99, b12: 98, b21: 97, b22: 96, b23: 91 });
    const idsOf = (result: ReturnType<typeof run>): Record<string, string> =>
      Object.fromEntries(result.organizations.map((s) => [s.id, `${s.grade?.id}${s.grade?.reason === 'quota' ? '*' : ''}`]));
    const go = (peerGroup: 'all' | 'kind' | 'parent') =>
      run(ruleSet(sheet, { ladders: [ladder], quotas: [{ ladder: 'org', grade: 'good', maxShare: 0.5, peerGroup }] }), totals, { graph: twoGeneralBranches() });

    it("'all': one group of 7 → floor(3.5) = 3", () => {
      // b11 99, b12 98, b21 97 keep; b22 96, gb1 95, gb2 92, b23 91 move down
      expect(idsOf(go('all'))).toEqual({ gb1: 'fairly-good*', gb2: 'fairly-good*', b11: 'good', b12: 'good', b21: 'good', b22: 'fairly-good*', b23: 'fairly-good*' });
    });

    it("'kind': general branches (2 → 1) and branches (5 → 2) apart", () => {
      expect(idsOf(go('kind'))).toEqual({ gb1: 'good', gb2: 'fairly-good*', b11: 'good', b12: 'good', b21: 'fairly-good*', b22: 'fairly-good*', b23: 'fairly-good*' });
    });

    it("'parent': siblings under the same parent (cm: 2 → 1, gb1: 2 → 1, gb2: 3 → 1)", () => {
      expect(idsOf(go('parent'))).toEqual({ gb1: 'good', gb2: 'fairly-good*', b11: 'good', b12: 'fairly-good*', b21: 'good', b22: 'fairly-good*', b23: 'fairly-good*' });
    });
  });
});

describe('probationary members and subjects without a ladder', () => {
  const memberLadder = (excludeProbationary: boolean): LadderInput => ({
    id: 'member',
    title: '民主评议党员',
    appliesTo: { posts: ['member'] },
    excludeProbationary,
    grades: [
      { id: 'excellent', title: '优秀', min: 90 },
      { id: 'qualified', title: '合格', min: 60 },
      { id: 'basically', title: '基本合格', min: 50 },
      { id: 'unqualified', title: '不合格', min: 0 },
    ],
  });
  const memberRules = (excludeProbationary: boolean): RuleSetInput =>
    ruleSet([manualIndicator('member-score', 100, { posts: ['member'] })], {
      ladders: [memberLadder(excludeProbationary)],
      quotas: [{ ladder: 'member', grade: 'excellent', maxShare: 0.34 }],
    });
  const records = memberScores();
  const gradeId = (result: ReturnType<typeof run>, id: string): string | null => person(result, id).grade?.id ?? null;

  it('excludeProbationary: the probationary member gets no grade and is not counted in the quota', () => {
    const result = run(memberRules(true), records);
    expect(person(result, 'p-b1-prob').grade).toBeNull();
    expect(person(result, 'p-b1-prob').total).toBe(99);
    // 3 graded: floor(0.34 × 3) = 1 → p-b1-m (95) keeps 优秀
    expect(person(result, 'p-b1-m').grade).toEqual({ ladder: 'member', id: 'excellent', title: '优秀', reason: 'score', rank: 1, grades: 4 });
    expect(person(result, 'p-b2-m').grade).toEqual({ ladder: 'member', id: 'qualified', title: '合格', reason: 'quota', rank: 2, grades: 4, earned: 'excellent' });
    expect(gradeId(result, 'p-g1-m')).toBe('qualified');
  });

  it('without it the probationary member is graded and takes the place', () => {
    const result = run(memberRules(false), records);
    // 4 graded: floor(1.36) = 1 → p-b1-prob (99)
    expect(gradeId(result, 'p-b1-prob')).toBe('excellent');
    expect(person(result, 'p-b1-m').grade).toMatchObject({ id: 'qualified', reason: 'quota', earned: 'excellent' });
  });

  it('a subject with no ladder gets grade null', () => {
    const sheet = [manualIndicator('score', 100, { organizations: ['committee', 'branch'] })];
    const result = run(ruleSet(sheet, { ladders: [orgLadder(['branch'])] }), scores({ cm: 95, b1: 95, b2: 85 }));
    expect(org(result, 'cm').grade).toBeNull();
    expect(org(result, 'cm').total).toBe(95);
    expect(grade(result, 'b1')).toEqual(good);
    // no ladders at all
    const none = run(ruleSet(sheet), scores({ cm: 95, b1: 95 }));
    expect(none.organizations.map((s) => s.grade)).toEqual([null, null, null]);
  });

  it('a person is graded on the first ladder that applies to them', () => {
    const secretaries: LadderInput = { id: 'sec', title: '书记', appliesTo: { posts: ['secretary'] }, grades: fourGrades() };
    const sheet = [manualIndicator('sec-score', 100, { posts: ['secretary'] })];
    const result = run(ruleSet(sheet, { ladders: [secretaries] }), [
      manualScore('x1', { person: 'p-b1-sec' }, 'sec-score', 91),
      manualScore('x2', { person: 'p-sec' }, 'sec-score', 79),
    ]);
    expect(person(result, 'p-b1-sec').grade).toEqual({ ladder: 'sec', id: 'good', title: '好', reason: 'score', rank: 1, grades: 4 });
    expect(person(result, 'p-sec').grade).toEqual({ ladder: 'sec', id: 'average', title: '一般', reason: 'score', rank: 3, grades: 4 });
    // graphInput is untouched by the runs
    expect(graphInput().people).toHaveLength(9);
  });
});

describe('an organization and a person with the same id', () => {
  it('each gets the grade of its own ladder and total', () => {
    // A person whose id is also a branch's id (the graph checks the two kinds of id apart).
    const graph = graphInput();
    graph.people.push({ id: 'b1', name: '同号党员', partyMember: true });
    graph.posts.push({ person: 'b1', organization: 'b2', role: 'member' });
    const rules = ruleSet([manualIndicator('score', 100), manualIndicator('member-score', 100, { posts: ['member'] })], {
      ladders: [
        orgLadder(['branch']),
        { id: 'member', title: '民主评议党员', appliesTo: { posts: ['member'] }, grades: [{ id: 'qualified', title: '合格', min: 60 }, { id: 'unqualified', title: '不合格', min: 0 }] },
      ],
    });
    const records = [manualScore('s-b1', { organization: 'b1' }, 'score', 95), manualScore('m-b1', { person: 'b1' }, 'member-score', 40)];
    const result = assess({ graph, rules, records });
    // branch b1: 95 of 100 → the org ladder's top grade; person b1: 40 → below the member ladder's 60
    expect(org(result, 'b1').total).toBe(95);
    expect(org(result, 'b1').grade).toEqual(good);
    expect(person(result, 'b1').total).toBe(40);
    expect(person(result, 'b1').grade).toEqual({ ladder: 'member', id: 'unqualified', title: '不合格', reason: 'score', rank: 2, grades: 2 });
  });
});

describe('an organization and a probationary person with the same id', () => {
  it('a ladder that leaves out probationary members still grades the organization', () => {
    const graph = graphInput();
    graph.people.push({ id: 'b1', name: '同号预备党员', partyMember: true, probationary: true });
    graph.posts.push({ person: 'b1', organization: 'b2', role: 'member' });
    const rules = ruleSet([manualIndicator('score', 100)], { ladders: [{ ...orgLadder(['branch']), excludeProbationary: true }] });
    const result = assess({ graph, rules, records: [manualScore('s-b1', { organization: 'b1' }, 'score', 95)] });
    // branch b1 is not a member, probationary or not: 95 → the top grade
    expect(org(result, 'b1').grade).toEqual(good);
  });
});

describe('grades: details the rerun of the grading part found untested', () => {
  it('in English, a grade with no English title keeps its Chinese one', () => {
    const result = run(ruleSet([SCORE], { ladders: [orgLadder(['branch'])] }), scores({ b1: 95 }), { lang: 'en' });
    expect(org(result, 'b1').grade).toEqual(good);
  });

  it('a share quota is of the members graded: a probationary member left out does not count', () => {
    const rules = ruleSet([manualIndicator('member-score', 100, { posts: ['member'] })], {
      ladders: [{ id: 'member', title: '民主评议党员', appliesTo: { posts: ['member'] }, excludeProbationary: true, grades: [{ id: 'excellent', title: '优秀', min: 90 }, { id: 'qualified', title: '合格', min: 0 }] }],
      quotas: [{ ladder: 'member', grade: 'excellent', maxShare: 0.5 }],
    });
    const result = run(rules, memberScores());
    // three graded members: half of 3 → 1 excellent place (not 2 of 4), kept by the higher total
    expect(person(result, 'p-b1-m').grade).toMatchObject({ id: 'excellent', reason: 'score' });
    expect(person(result, 'p-b2-m').grade).toMatchObject({ id: 'qualified', reason: 'quota', earned: 'excellent' });
    expect(person(result, 'p-b1-prob').grade).toBeNull();
  });

  it('a quota on the lowest grade is refused: there is no grade below it to move anyone to', () => {
    const rules = ruleSet([SCORE], { ladders: [orgLadder(['branch'])], quotas: [{ ladder: 'org', grade: 'poor', maxCount: 1 }] });
    const refused = safeParseRuleSet(rules);
    expect(refused.success ? [] : refused.error.issues.map((i) => [i.code, i.path, i.message])).toEqual([
      ['quota-lowest-grade', ['quotas', 0, 'grade'], '名额限制不能用于等次梯度「org」中最低的等次「poor」：超出名额的要降一个等次，最低等次无处可降'],
    ]);
    // the lowest by minimum, not by place in the list: listed lowest first, 'poor' is still the lowest
    const reversed = ruleSet([SCORE], { ladders: [{ ...orgLadder(['branch']), grades: [...orgLadder(['branch']).grades].reverse() }], quotas: [{ ladder: 'org', grade: 'poor', maxCount: 1 }] });
    expect(safeParseRuleSet(reversed).success).toBe(false);
  });
});

describe('a subject with nothing at stake (a maximum of 0)', () => {
  const graph = sevenBranches();
  // The score line is left out where a branch has no score record (exclude): s7 has none, so its
  // maximum is 0 and its score of 0 says nothing about its work.
  const excludable = ind({ ...SCORE, onInsufficientEvidence: 'exclude' });
  const quotas: QuotaInput[] = [{ ladder: 'org', grade: 'good', maxShare: 0.3 }];
  const result = run(ruleSet([excludable], { ladders: [orgLadder(['branch'])], quotas }), scores({ s1: 99, s2: 98, s3: 97, s4: 96, s5: 95, s6: 85 }), { graph });

  it('gets no grade, where its total of 0 gave the lowest', () => {
    expect(org(result, 's7')).toMatchObject({ score: 0, max: 0, scaled: 0, total: 0, grade: null });
    expect(org(result, 's7').lines.map((l) => l.status)).toEqual(['excluded']);
  });

  it('is not counted in a quota: 0.3 of the 6 graded is floor(1.8) = 1 place, not floor(2.1) = 2 of 7', () => {
    expect(grade(result, 's1')).toEqual(good);
    for (const id of ['s2', 's3', 's4', 's5']) expect(grade(result, id), id).toEqual(quotaDown('good'));
    expect(grade(result, 's6')).toEqual(fairlyGood);
  });

  it('is named in a warning, in both languages', () => {
    expect(warning(result, 'warning-nothing-at-stake').params).toEqual({ count: 1, organizations: 1, people: 0 });
    expect(warning(result, 'warning-nothing-at-stake').message).toBe(
      '1个考核对象（党组织1个、人员0名）满分为 0（适用的指标都不计分或为 0 分，或没有适用的指标），不评定等次，也不计入名额',
    );
    const en = run(ruleSet([excludable], { ladders: [orgLadder(['branch'])] }), [], { graph, lang: 'en' });
    // no score for any of the seven: every one left ungraded
    expect(en.organizations.filter((o) => o.type === 'organization' && o.kind === 'branch').map((o) => o.grade)).toEqual(Array(7).fill(null));
    expect(warning(en, 'warning-nothing-at-stake').message).toBe(
      '7 subject(s) (7 organization(s), 0 person(s)) had a maximum of 0 (every indicator that applies excluded or worth 0 points, or none applies): not graded, and not counted in quotas',
    );
  });

  it('a ladder over a subject no indicator applies to: ungraded, and the warning counts it', () => {
    // The committee is on the ladder but every indicator is for branches: 0 of 0.
    const covered = run(ruleSet([SCORE], { ladders: [orgLadder(['committee', 'branch'])] }), scores({ b1: 95, b2: 50 }));
    expect(org(covered, 'cm')).toMatchObject({ max: 0, lines: [], grade: null });
    expect(grade(covered, 'b2')).toEqual(poor);
    expect(warning(covered, 'warning-nothing-at-stake').params).toEqual({ count: 1, organizations: 1, people: 0 });
  });

  it('a subject no ladder grades is not warned about: it would get no grade anyway', () => {
    const ungraded = run(ruleSet([excludable]), [], { graph });
    expect(ungraded.organizations.every((o) => o.grade === null)).toBe(true);
    expect(warningCodes(ungraded)).not.toContain('warning-nothing-at-stake');
  });

  it('a fired veto still gives the lowest grade at a maximum of 0 (a veto-only sheet)', () => {
    const vetoOnly = run(ruleSet([ind({ id: 'veto', veto: { recordTypes: ['case'] } })], { ladders: [orgLadder(['branch'])] }), [rec('k1', 'case', 'b1', '2022-05-01')]);
    expect(org(vetoOnly, 'b1')).toMatchObject({ max: 0, grade: { ladder: 'org', id: 'poor', reason: 'veto' } });
    // b2, not vetoed, had nothing at stake
    expect(org(vetoOnly, 'b2').grade).toBeNull();
    expect(warning(vetoOnly, 'warning-nothing-at-stake').params).toEqual({ count: 1, organizations: 1, people: 0 });
  });

  it('sets off no lowest-grade finding', () => {
    const accountability = { rules: [{ id: 'low', title: '等次为差', trigger: { type: 'lowest-grade' as const }, reach: [{ to: 'secretary' as const }] }] };
    const sheet = ruleSet([ind({ ...SCORE, onInsufficientEvidence: 'exclude' })], { ladders: [orgLadder(['branch'])], accountability });
    // b1 scored 40 (差); b2 has no score: excluded, ungraded, no finding
    const withFindings = run(sheet, scores({ b1: 40 }));
    expect(org(withFindings, 'b2').grade).toBeNull();
    expect(withFindings.findings.map((f) => f.trigger.subject.id)).toEqual(['b1']);
  });
});
