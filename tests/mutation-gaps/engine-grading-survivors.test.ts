// Behaviour of src/engine/grading.ts and src/engine/verdict.ts that the mutation run
// (MUTATE_PART=grading npm run mutate:engine, see TESTING.md) left Survived or NoCoverage. Each
// expectation is worked out by hand from the inputs beside it; the small graph and the record
// helpers are those of tests/engine/assess/helpers.ts. A subject's total is set exactly by one
// manual-score record on a 100-point manual indicator (a judgement, so not activity for verdicts).
//
// Every scenario is built and run inside its `it`, not in a describe body: Stryker switches a
// mutant on in a beforeAll hook, after the describe bodies have run, and counts coverage per test.
import { describe, expect, it } from 'vitest';
import { allowedByShare } from '../../src/engine/grading.js';
import type { AssessmentResult, GraphInput, RuleSetInput } from '../../src/index.js';
import {
  fourGrades,
  graphInput,
  ind,
  line,
  manualIndicator,
  manualScore,
  org,
  orgLadder,
  person,
  prec,
  rec,
  ruleSet,
  run,
  type IndicatorInput,
  type LadderInput,
  type QuotaInput,
} from '../engine/assess/helpers.js';

/** A committee with seven branches s1…s7. */
function sevenBranches(): GraphInput {
  const ids = ['s1', 's2', 's3', 's4', 's5', 's6', 's7'];
  return {
    organizations: [{ id: 'cm', name: '党委', kind: 'committee' }, ...ids.map((id) => ({ id, name: `支部${id}`, kind: 'branch' as const, parent: 'cm' }))],
    people: [],
    posts: [],
  };
}

/** One manual score per organization on the indicator 'score'. */
const scores = (map: Record<string, number>) => Object.entries(map).map(([id, score]) => manualScore(`score-${id}`, { organization: id }, 'score', score));

/** Each organization's grade as `id`, with `*` when a quota moved it. */
const gradesOf = (result: AssessmentResult, list: 'organizations' | 'people' = 'organizations'): Record<string, string | null> =>
  Object.fromEntries(result[list].map((s) => [s.id, s.grade ? `${s.grade.id}${s.grade.reason === 'quota' ? '*' : ''}` : null]));

const branchRules = (extra: Partial<RuleSetInput> = {}, ladder: LadderInput = orgLadder(['branch'])): RuleSetInput =>
  ruleSet([manualIndicator('score', 100)], { ladders: [ladder], ...extra });

describe('grading.ts', () => {
  it('allowedByShare: a fraction is floor(size × numerator / denominator), worked in integers', () => {
    // 7 × 2 / 3 = 14 / 3 = 4.67 → 4; 10 × 3 / 4 = 7.5 → 7; 6 × 1 / 3 = 2
    expect(allowedByShare('2/3', 7)).toBe(4);
    expect(allowedByShare('3/4', 10)).toBe(7);
    expect(allowedByShare('1/3', 6)).toBe(2);
  });

  it("a quota written as a fraction: '2/3' of seven branches keeps four in the top grade", () => {
    // six earn 好 (≥ 90); floor(7 × 2 / 3) = 4 keep it (s1–s4), s5 and s6 move to 较好
    const quotas: QuotaInput[] = [{ ladder: 'org', grade: 'good', maxShare: '2/3' }];
    const result = run(branchRules({ quotas }), scores({ s1: 99, s2: 98, s3: 97, s4: 96, s5: 95, s6: 94, s7: 50 }), { graph: sevenBranches() });
    expect(gradesOf(result)).toEqual({ s1: 'good', s2: 'good', s3: 'good', s4: 'good', s5: 'fairly-good*', s6: 'fairly-good*', s7: 'poor' });
  });

  it("a total equal to a lower grade's max is outside that grade (max is exclusive)", () => {
    // 较好 is [80, 85): 85 is not in it, and below 好's 90 → no grade; 84 is 较好
    const gapped: LadderInput = {
      ...orgLadder(['branch']),
      grades: [
        { id: 'good', title: '好', min: 90 },
        { id: 'fairly-good', title: '较好', min: 80, max: 85 },
        { id: 'poor', title: '差', min: 0, max: 80 },
      ],
    };
    const result = run(branchRules({}, gapped), scores({ s1: 85, s2: 84 }), { graph: sevenBranches() });
    expect(org(result, 's1').grade).toBeNull();
    expect(org(result, 's2').grade).toMatchObject({ id: 'fairly-good', rank: 2, grades: 3 });
  });

  it("the top grade's max does not cap it: a total above it keeps the top grade", () => {
    // 好 [90, 95) is the top grade: 99 ≥ 95 is still 好; 较好 [80, 90)
    const capped: LadderInput = { ...orgLadder(['branch']), grades: [{ id: 'good', title: '好', min: 90, max: 95 }, { id: 'fairly-good', title: '较好', min: 80, max: 90 }] };
    const result = run(branchRules({}, capped), scores({ s1: 99, s2: 95, s3: 85 }), { graph: sevenBranches() });
    expect(gradesOf(result)).toMatchObject({ s1: 'good', s2: 'good', s3: 'fairly-good' });
  });

  it('an organization ladder with excludeProbationary grades organizations as usual', () => {
    // probationary is a property of people: b1 95 → 好, b2 70 → 一般
    const ladder: LadderInput = { ...orgLadder(['branch']), excludeProbationary: true };
    const result = run(branchRules({}, ladder), scores({ b1: 95, b2: 70 }));
    expect(org(result, 'b1').grade).toEqual({ ladder: 'org', id: 'good', title: '好', reason: 'score', rank: 1, grades: 4 });
    expect(org(result, 'b2').grade).toEqual({ ladder: 'org', id: 'average', title: '一般', reason: 'score', rank: 3, grades: 4 });
  });

  it('three quotas listed top grade first are applied top grade first', () => {
    // Each grade keeps one. 好: s1 99 keeps; s2 95, s3 92 → 较好.
    // 较好: s2 95, s3 92, s4 85 → s2 keeps; s3, s4 → 一般.
    // 一般: s3 92, s4 85, s5 70, s6 65 → s3 keeps; s4, s5, s6 → 差. s7 50 is 差 by score.
    const quotas: QuotaInput[] = [
      { ladder: 'org', grade: 'good', maxCount: 1 },
      { ladder: 'org', grade: 'fairly-good', maxCount: 1 },
      { ladder: 'org', grade: 'average', maxCount: 1 },
    ];
    const result = run(branchRules({ quotas }), scores({ s1: 99, s2: 95, s3: 92, s4: 85, s5: 70, s6: 65, s7: 50 }), { graph: sevenBranches() });
    expect(gradesOf(result)).toEqual({ s1: 'good', s2: 'fairly-good*', s3: 'average*', s4: 'poor*', s5: 'poor*', s6: 'poor*', s7: 'poor' });
    // what each earned by score survives the cascade
    expect(org(result, 's3').grade).toEqual({ ladder: 'org', id: 'average', title: '一般', reason: 'quota', rank: 3, grades: 4, earned: 'good' });
    expect(org(result, 's4').grade).toMatchObject({ id: 'poor', rank: 4, earned: 'fairly-good' });
    expect(org(result, 's6').grade).toMatchObject({ id: 'poor', rank: 4, earned: 'average' });
  });

  it('a tie for a quota place goes to the smaller id, though the hierarchy lists the other first', () => {
    // Subjects come in hierarchy order: cm, gb1, b11, b12, … — gb1 before b11. Both score 95,
    // one place in 好: 'b11' < 'gb1', so b11 keeps it and gb1 moves to 较好.
    const graph: GraphInput = {
      organizations: [
        { id: 'cm', name: '党委', kind: 'committee' },
        { id: 'gb1', name: '总支一', kind: 'general-branch', parent: 'cm' },
        { id: 'b11', name: '支部11', kind: 'branch', parent: 'gb1' },
        { id: 'b12', name: '支部12', kind: 'branch', parent: 'gb1' },
      ],
      people: [],
      posts: [],
    };
    const sheet = [manualIndicator('score', 100, { organizations: ['general-branch', 'branch'] })];
    const rules = ruleSet(sheet, { ladders: [orgLadder(['general-branch', 'branch'])], quotas: [{ ladder: 'org', grade: 'good', maxCount: 1 }] });
    const result = run(rules, scores({ gb1: 95, b11: 95, b12: 70 }), { graph });
    expect(gradesOf(result)).toEqual({ gb1: 'fairly-good*', b11: 'good', b12: 'average' });
  });

  it('the grade a quota moves a subject to is titled in the language of the run', () => {
    // 较好 has an English title, 一般 has none. One place in 好 and one in 较好:
    // s1 99 keeps 好; s2 95 → 较好 (keeps it); s3 92 → 较好 → 一般.
    const grades = fourGrades().map((g) => (g.id === 'good' ? { ...g, titleEn: 'Good' } : g.id === 'fairly-good' ? { ...g, titleEn: 'Fairly good' } : g));
    const rules = branchRules(
      { quotas: [{ ladder: 'org', grade: 'good', maxCount: 1 }, { ladder: 'org', grade: 'fairly-good', maxCount: 1 }] },
      { ...orgLadder(['branch']), grades },
    );
    const records = scores({ s1: 99, s2: 95, s3: 92 });
    const zh = run(rules, records, { graph: sevenBranches() });
    expect(org(zh, 's2').grade).toMatchObject({ id: 'fairly-good', title: '较好', reason: 'quota' });
    const en = run(rules, records, { graph: sevenBranches(), lang: 'en' });
    expect(org(en, 's2').grade).toMatchObject({ id: 'fairly-good', title: 'Fairly good', reason: 'quota' });
    // no titleEn on 一般: the Chinese title
    expect(org(en, 's3').grade).toMatchObject({ id: 'average', title: '一般', reason: 'quota' });
  });

  describe('peer groups of people', () => {
    // Branches b1 and b2 and a general branch a1 under cm. The ladder grades secretaries and
    // members in branches. px is secretary of the general branch a1 (not a branch: no match) and a
    // member of b1, so b1 is px's first matching organization and member px's role there — though
    // px's first post in the graph's order ('a1' < 'b1') is the secretary's.
    //
    //   person  posts                        score
    //   px      secretary@a1, member@b1      100
    //   pa      member@b1                     99
    //   pd      member@b2                     98
    //   pc      secretary@b2                  97
    //   pe      secretary@b1                  96
    //   pb      member@b1                     95
    const graph = (): GraphInput => ({
      organizations: [
        { id: 'cm', name: '党委', kind: 'committee' },
        { id: 'a1', name: '总支', kind: 'general-branch', parent: 'cm' },
        { id: 'b1', name: '一支部', kind: 'branch', parent: 'cm' },
        { id: 'b2', name: '二支部', kind: 'branch', parent: 'cm' },
      ],
      people: ['px', 'pa', 'pb', 'pc', 'pd', 'pe'].map((id) => ({ id, name: id, partyMember: true })),
      posts: [
        { person: 'px', organization: 'a1', role: 'secretary' },
        { person: 'px', organization: 'b1', role: 'member' },
        { person: 'pa', organization: 'b1', role: 'member' },
        { person: 'pb', organization: 'b1', role: 'member' },
        { person: 'pe', organization: 'b1', role: 'secretary' },
        { person: 'pc', organization: 'b2', role: 'secretary' },
        { person: 'pd', organization: 'b2', role: 'member' },
      ],
    });
    const appliesTo = { posts: ['secretary' as const, 'member' as const], in: ['branch' as const] };
    const go = (peerGroup: 'kind' | 'parent'): AssessmentResult => {
      const rules = ruleSet([manualIndicator('score', 100, appliesTo)], {
        ladders: [{ id: 'm', title: '党员', appliesTo, grades: fourGrades() }],
        quotas: [{ ladder: 'm', grade: 'good', maxCount: 1, peerGroup }],
      });
      const totals = { px: 100, pa: 99, pd: 98, pc: 97, pe: 96, pb: 95 };
      return run(rules, Object.entries(totals).map(([id, score]) => manualScore(`s-${id}`, { person: id }, 'score', score)), { graph: graph() });
    };

    it("'parent': by the first organization (by id) where they hold one of the ladder's posts", () => {
      // b1: px 100, pa 99, pe 96, pb 95 → px keeps 好; b2: pd 98, pc 97 → pd keeps 好
      expect(gradesOf(go('parent'), 'people')).toEqual({ pa: 'fairly-good*', pb: 'fairly-good*', pc: 'fairly-good*', pd: 'good', pe: 'fairly-good*', px: 'good' });
    });

    it("'kind': by the role they hold in that organization", () => {
      // member: px (member at b1) 100, pa 99, pd 98, pb 95 → px keeps 好;
      // secretary: pc 97, pe 96 → pc keeps 好
      expect(gradesOf(go('kind'), 'people')).toEqual({ pa: 'fairly-good*', pb: 'fairly-good*', pc: 'good', pd: 'fairly-good*', pe: 'fairly-good*', px: 'good' });
    });
  });
});

describe('verdict.ts', () => {
  const TEAM = { posts: ['team-member' as const] };
  const BRANCH_SECRETARIES = { posts: ['secretary' as const], in: ['branch' as const] };
  /** Team members: whether they oversee an organization (a structure fact, read off the graph). */
  const area = ind({ id: 'area', appliesTo: TEAM, points: 100, measure: { type: 'structure', fact: 'has-oversight-area' }, scoring: { method: 'all-or-nothing' } });
  /** Team members: a 0-point count of notes (nothing at stake). */
  const notes = ind({ id: 'notes', appliesTo: TEAM, points: 0, measure: { type: 'count', recordTypes: ['note'], atLeast: 1 } });
  const noteSource = [{ id: 'notes', complete: true, recordTypes: ['note'] }];

  it('a person assessed only on a fact of the graph has no record-based line: judged on the total', () => {
    // p-tm1 oversees b1: area met, 100 ≥ 60 → fulfilled. The structure line has no records but is
    // no activity line: neither derelict nor undetermined.
    const result = run(ruleSet([area]), []);
    const p = person(result, 'p-tm1');
    expect(line(p, 'area')).toMatchObject({ status: 'met', points: 100, max: 100 });
    expect(line(p, 'area').records.reported).toBe(0);
    expect(p.verdict).toBe('fulfilled');
  });

  it('a 0-point record line is left out of the activity test', () => {
    // notes: nothing reported, from a complete source, but worth 0 → not activity at stake;
    // area 100 → total 100 → fulfilled (not derelict)
    const result = run(ruleSet([area, notes], { sources: noteSource }), []);
    const p = person(result, 'p-tm1');
    expect(line(p, 'notes')).toMatchObject({ max: 0, status: 'shortfall' });
    expect(p).toMatchObject({ total: 100, verdict: 'fulfilled' });
  });

  it('a person whose every line is worth 0 points is undetermined, not incompetent', () => {
    // only the 0-point notes line (one note reported): max 0, total 0 — nothing was assessed
    const result = run(ruleSet([notes], { sources: noteSource }), [prec('n1', 'note', 'p-tm1', '2022-03-01')]);
    const p = person(result, 'p-tm1');
    expect(p).toMatchObject({ max: 0, total: 0 });
    expect(line(p, 'notes').records.reported).toBe(1);
    expect(p.verdict).toBe('undetermined');
  });

  describe('composite', () => {
    const sheet = [manualIndicator('sec-score', 100, BRANCH_SECRETARIES)];
    const business = (id: string, personId: string, score: number) => prec(id, 'business-score', personId, '2022-12-28', { attributes: { score } });

    it("gradeOn 'composite': the verdict is on the composite, or on the total where there is none", () => {
      const rules = ruleSet(sheet, { composite: { partyWeight: 0.6, businessWeight: 0.4, gradeOn: 'composite' } });
      const result = run(rules, [manualScore('m1', { person: 'p-b1-sec' }, 'sec-score', 50), business('b1', 'p-b1-sec', 90), manualScore('m2', { person: 'p-b2-sec' }, 'sec-score', 70)]);
      // p-b1-sec: total 50, composite 0.6 × 50 + 0.4 × 90 = 30 + 36 = 66 ≥ 60 → fulfilled
      expect(person(result, 'p-b1-sec')).toMatchObject({ total: 50, composite: { value: 66 }, verdict: 'fulfilled' });
      // p-b2-sec: no business score, composite null → its total 70 ≥ 60 → fulfilled
      expect(person(result, 'p-b2-sec')).toMatchObject({ total: 70, composite: { value: null }, verdict: 'fulfilled' });
    });

    it('by default the verdict is on the party total, whatever the composite', () => {
      // p-b1-sec: total 70, composite 0.6 × 70 + 0.4 × 20 = 42 + 8 = 50; the verdict reads 70 → fulfilled
      const result = run(ruleSet(sheet, { composite: { partyWeight: 0.6, businessWeight: 0.4 } }), [manualScore('m1', { person: 'p-b1-sec' }, 'sec-score', 70), business('b1', 'p-b1-sec', 20)]);
      expect(person(result, 'p-b1-sec')).toMatchObject({ total: 70, composite: { value: 50 }, verdict: 'fulfilled' });
    });
  });

  describe('activity', () => {
    // Branch secretaries: a lecture in July (70, all or nothing) and a visit every quarter (30, 7.5 a quarter).
    const sheet: IndicatorInput[] = [
      ind({
        id: 'lecture',
        appliesTo: BRANCH_SECRETARIES,
        points: 70,
        measure: { type: 'window', recordTypes: ['party-lecture'], from: '2022-07-01', to: '2022-07-31' },
        scoring: { method: 'all-or-nothing' },
      }),
      ind({ id: 'visits', appliesTo: BRANCH_SECRETARIES, points: 30, measure: { type: 'cadence', recordTypes: ['visit'], every: 'quarter' }, scoring: { method: 'deduct', perShortfall: 7.5 } }),
    ];
    const lecture = prec('l1', 'party-lecture', 'p-b1-sec', '2022-07-05');

    it('one line without evidence does not make the verdict undetermined when another shows activity', () => {
      // no source declared complete: visits has no records → insufficient evidence, 4 quarters
      // missed → 0; the lecture was given → 70. Total 70 ≥ 60 → fulfilled.
      const p = person(run(ruleSet(sheet), [lecture]), 'p-b1-sec');
      expect(line(p, 'visits').status).toBe('insufficient-evidence');
      expect(line(p, 'lecture').records.reported).toBe(1);
      expect(p).toMatchObject({ total: 70, verdict: 'fulfilled' });
    });

    it('one line with nothing reported is not dereliction when another shows activity', () => {
      // both sources complete: visits 0 reported (shortfall, 0 points), lecture 70 → fulfilled;
      // p-b2-sec reported nothing anywhere → derelict
      const sources = [{ id: 'platform', complete: true, recordTypes: ['party-lecture', 'visit'] }];
      const result = run(ruleSet(sheet, { sources }), [lecture]);
      const p = person(result, 'p-b1-sec');
      expect(line(p, 'visits')).toMatchObject({ status: 'shortfall', points: 0 });
      expect(p).toMatchObject({ total: 70, verdict: 'fulfilled' });
      expect(person(result, 'p-b2-sec').verdict).toBe('derelict');
    });

    describe('mid-period (asOf)', () => {
      // topics: at least 2 in the year (50, 25 a topic short); a lecture in March (50, all or nothing).
      const midYear: IndicatorInput[] = [
        ind({ id: 'topics', appliesTo: BRANCH_SECRETARIES, points: 50, measure: { type: 'count', recordTypes: ['topic'], atLeast: 2 }, scoring: { method: 'deduct', perShortfall: 25 } }),
        ind({
          id: 'march-lecture',
          appliesTo: BRANCH_SECRETARIES,
          points: 50,
          measure: { type: 'window', recordTypes: ['party-lecture'], from: '2022-03-01', to: '2022-03-31' },
          scoring: { method: 'all-or-nothing' },
        }),
      ];
      const complete = [{ id: 'platform', complete: true, recordTypes: ['topic', 'party-lecture'] }];

      it('nothing reported while every line is still open: undetermined', () => {
        // as of 15 February the year's count and the March window are both still open
        const p = person(run(ruleSet(midYear, { sources: complete }), [], { asOf: '2022-02-15' }), 'p-b1-sec');
        expect(p.lines.map((l) => [l.indicator, l.status, l.records.reported])).toEqual([
          ['topics', 'in-progress', 0],
          ['march-lecture', 'in-progress', 0],
        ]);
        expect(p.verdict).toBe('undetermined');
      });

      it('nothing reported and one line already closed: derelict', () => {
        // as of 30 June the count is still open but the March window has closed with no lecture
        const p = person(run(ruleSet(midYear, { sources: complete }), [], { asOf: '2022-06-30' }), 'p-b1-sec');
        expect(p.lines.map((l) => [l.indicator, l.status, l.records.reported])).toEqual([
          ['topics', 'in-progress', 0],
          ['march-lecture', 'shortfall', 0],
        ]);
        expect(p.verdict).toBe('derelict');
      });

      // Defect in verdict.ts, left unfixed: a line whose evidence is unknown (source not
      // declared complete: 'insufficient-evidence', or 'excluded') is not "in progress", so beside
      // a line that is still open it turns "too early to say" into 'derelict', although nothing
      // shows that anything was left undone: the visits may have happened (no complete source) and
      // the topics may still come. By the documented rule ("undetermined when nothing was reported
      // and the sources are not declared complete, since missing data is not a zero") the verdict
      // should be 'undetermined'.
      it('nothing reported, one line still open and the other without evidence: undetermined', () => {
        const sheet = [midYear[0] as IndicatorInput, ind({ id: 'visits', appliesTo: BRANCH_SECRETARIES, points: 50, measure: { type: 'cadence', recordTypes: ['visit'], every: 'quarter' }, scoring: { method: 'deduct', perShortfall: 12.5 } })];
        const topicsOnly = [{ id: 'platform', complete: true, recordTypes: ['topic'] }];
        const p = person(run(ruleSet(sheet, { sources: topicsOnly }), [], { asOf: '2022-06-30' }), 'p-b1-sec');
        expect(p.lines.map((l) => [l.indicator, l.status, l.records.reported])).toEqual([
          ['topics', 'in-progress', 0],
          ['visits', 'insufficient-evidence', 0],
        ]);
        expect(p.verdict).toBe('undetermined');
      });

      it('nothing reported, one line known short and the other without evidence: derelict', () => {
        // visits read a complete source: by 2022-06-30 quarters 1 and 2 are due and both missed (final)
        const sheet = [midYear[0] as IndicatorInput, ind({ id: 'visits', appliesTo: BRANCH_SECRETARIES, points: 50, measure: { type: 'cadence', recordTypes: ['visit'], every: 'quarter' }, scoring: { method: 'deduct', perShortfall: 12.5 } })];
        const visitsOnly = [{ id: 'platform', complete: true, recordTypes: ['visit'] }];
        const p = person(run(ruleSet(sheet, { sources: visitsOnly }), [], { asOf: '2022-06-30' }), 'p-b1-sec');
        expect(p.lines.map((l) => [l.indicator, l.status, l.records.reported])).toEqual([
          ['topics', 'insufficient-evidence', 0],
          ['visits', 'shortfall', 0],
        ]);
        expect(p.verdict).toBe('derelict');
      });
    });
  });
});
