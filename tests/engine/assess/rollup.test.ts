// Roll-ups (一级抓一级): an organization's result drawn from those below it, a secretary's from the
// organization they lead, a team member's from the area they oversee, weighted sources, named
// indicators, the subject's own other lines, and cycles refused.
import { describe, expect, it } from 'vitest';
import { parseRuleSet, ValidationError } from '../../../src/index.js';
import { ind, line, monthly, org, person, prec, rec, ruleSet, run, thrown, type IndicatorInput } from './helpers.js';

const TEAM = { posts: ['team-member' as const], in: ['committee' as const] };

/** Branches: meetings (60) and a class every quarter (40). */
const BRANCH_SHEET: IndicatorInput[] = [
  ind({ id: 'x', points: 60, measure: { type: 'count', recordTypes: ['meeting'], atLeast: 4 }, scoring: { method: 'deduct', perShortfall: 10 } }),
  ind({ id: 'y', points: 40, measure: { type: 'cadence', recordTypes: ['class'], every: 'quarter' }, scoring: { method: 'deduct', perShortfall: 10 } }),
];

const CM = { organizations: ['committee' as const] };

/** The committee: its own share on sup-y (listed first on purpose), its children on the total and on y. */
const COMMITTEE_SHEET: IndicatorInput[] = [
  ind({ id: 'cm-self', appliesTo: CM, points: 10, measure: { type: 'roll-up', from: [{ source: 'self', weight: 1, of: ['sup-y'] }] }, scoring: { method: 'proportional' } }),
  ind({ id: 'sup-total', appliesTo: CM, responsibility: 'supervision', points: 40, measure: { type: 'roll-up', from: [{ source: 'children', weight: 1 }] }, scoring: { method: 'proportional' } }),
  ind({
    id: 'sup-y',
    appliesTo: CM,
    responsibility: 'supervision',
    points: 50,
    measure: { type: 'roll-up', from: [{ source: 'children', weight: 1, of: ['y'] }] },
    scoring: { method: 'proportional' },
  }),
];

const PEOPLE_SHEET: IndicatorInput[] = [
  ind({
    id: 'sec-own',
    responsibility: 'first',
    appliesTo: { posts: ['secretary'] },
    points: 100,
    measure: { type: 'roll-up', from: [{ source: 'led-organizations', weight: 1 }] },
    scoring: { method: 'proportional' },
  }),
  ind({
    id: 'tm-visits',
    responsibility: 'liaison',
    appliesTo: TEAM,
    points: 40,
    measure: { type: 'cadence', recordTypes: ['visit'], every: 'quarter' },
    scoring: { method: 'deduct', perShortfall: 10 },
  }),
  ind({
    id: 'tm-overall',
    responsibility: 'dual',
    appliesTo: TEAM,
    points: 60,
    measure: { type: 'roll-up', from: [{ source: 'self', weight: 0.8, of: ['tm-visits'] }, { source: 'oversight', weight: 0.2 }] },
    scoring: { method: 'proportional' },
  }),
];

const RECORDS = [
  // b1: 4 meetings, a class every quarter → 60 + 40 = 100 (share 1; on y 1)
  ...monthly('m1', 'meeting', 'b1', [1, 4, 7, 10]),
  ...monthly('c1', 'class', 'b1', [2, 5, 8, 11]),
  // b2: 2 meetings (2 short → 40), classes in 2 quarters (2 short → 20) → 60 (share 0.6; on y 20/40 = 0.5)
  ...monthly('m2', 'meeting', 'b2', [1, 4]),
  ...monthly('c2', 'class', 'b2', [2, 5]),
  // p-tm1 visits in 3 quarters (30 of 40), p-tm2 in all 4 (40)
  ...[2, 5, 8].map((m) => prec(`v1-${m}`, 'visit', 'p-tm1', `2022-${String(m).padStart(2, '0')}-15`)),
  ...[2, 5, 8, 11].map((m) => prec(`v2-${m}`, 'visit', 'p-tm2', `2022-${String(m).padStart(2, '0')}-15`)),
];

describe('roll-ups on the small graph', () => {
  const result = run(ruleSet([...BRANCH_SHEET, ...COMMITTEE_SHEET, ...PEOPLE_SHEET]), RECORDS);

  it('the branches are scored first', () => {
    expect(org(result, 'b1')).toMatchObject({ score: 100, max: 100 });
    expect(org(result, 'b2')).toMatchObject({ score: 60, max: 100 });
    expect(line(org(result, 'b2'), 'y').points).toBe(20);
  });

  it('an organization rolls up its children (一级抓一级)', () => {
    const cm = org(result, 'cm');
    // mean(100/100, 60/100) = 0.8 → 40 × 0.8 = 32
    expect(line(cm, 'sup-total')).toMatchObject({ value: 0.8, ratio: 0.8, points: 32, max: 40 });
    expect(line(cm, 'sup-total').explanation).toContain('下级组织（2个）平均得分率 80%');
  });

  it('of: [indicator ids] reads only those lines of the children', () => {
    // mean(40/40, 20/40) = 0.75 → 50 × 0.75 = 37.5
    expect(line(org(result, 'cm'), 'sup-y')).toMatchObject({ value: 0.75, points: 37.5 });
  });

  it("source 'self' reads the same subject's other lines, whatever the sheet order", () => {
    const cm = org(result, 'cm');
    // sup-y scored 37.5 of 50 = 0.75 → 10 × 0.75 = 7.5
    expect(line(cm, 'cm-self')).toMatchObject({ value: 0.75, points: 7.5 });
    // lines come out in sheet order
    expect(cm.lines.map((l) => l.indicator)).toEqual(['cm-self', 'sup-total', 'sup-y']);
    // 7.5 + 32 + 37.5 = 77
    expect(cm).toMatchObject({ score: 77, max: 100, total: 77 });
  });

  it("a secretary rolls up 'led-organizations'", () => {
    // b1 1.0 → 100; b2 0.6 → 60; cm 77/100 → 77
    expect(line(person(result, 'p-b1-sec'), 'sec-own')).toMatchObject({ value: 1, points: 100 });
    expect(line(person(result, 'p-b2-sec'), 'sec-own')).toMatchObject({ value: 0.6, points: 60 });
    expect(line(person(result, 'p-sec'), 'sec-own')).toMatchObject({ value: 0.77, points: 77 });
  });

  it("a team member: own visits weighted 0.8, the area overseen 0.2", () => {
    const tm1 = person(result, 'p-tm1');
    // visits 3 of 4 quarters: 40 − 10 = 30 (0.75); overseen b1: 1.0
    // 0.8 × 0.75 + 0.2 × 1.0 = 0.8 → 60 × 0.8 = 48; total 30 + 48 = 78
    expect(line(tm1, 'tm-visits').points).toBe(30);
    expect(line(tm1, 'tm-overall')).toMatchObject({ value: 0.8, points: 48 });
    expect(tm1).toMatchObject({ score: 78, max: 100, total: 78 });
    expect(line(tm1, 'tm-overall').explanation).toContain('本级相关指标得分率 75%（权重80%）');
    expect(line(tm1, 'tm-overall').explanation).toContain('分管领域组织（1个）平均得分率 100%（权重20%）');

    const tm2 = person(result, 'p-tm2');
    // 40 (1.0); overseen b2: 0.6 → 0.8 + 0.12 = 0.92 → 55.2; total 95.2
    expect(line(tm2, 'tm-overall')).toMatchObject({ value: 0.92, points: 55.2 });
    expect(tm2).toMatchObject({ score: 95.2, total: 95.2 });
  });

  it('roll-up lines read no records of their own', () => {
    expect(line(org(result, 'cm'), 'sup-total').records).toMatchObject({ reported: 0, counted: 0 });
    expect(line(org(result, 'cm'), 'sup-total').status).toBe('met');
  });
});

describe('other sources', () => {
  it("'liaison': a leader's contact points", () => {
    const sheet = [
      ...BRANCH_SHEET,
      ind({ id: 'contact', appliesTo: TEAM, points: 100, measure: { type: 'roll-up', from: [{ source: 'liaison', weight: 1 }] }, scoring: { method: 'proportional' } }),
    ];
    const result = run(ruleSet(sheet), RECORDS);
    // p-tm1's contact point is b2 (0.6), p-tm2's is b1 (1.0)
    expect(line(person(result, 'p-tm1'), 'contact')).toMatchObject({ value: 0.6, points: 60 });
    expect(line(person(result, 'p-tm2'), 'contact')).toMatchObject({ value: 1, points: 100 });
  });

  it("'subtree': every organization below that has a result", () => {
    const sheet = [
      ...BRANCH_SHEET,
      // the party group g1 has a line too, and no records: 0 of 10 by the shortfall policy
      ind({ id: 'grp', appliesTo: { organizations: ['group'] }, points: 10, measure: { type: 'count', recordTypes: ['gmeet'], atLeast: 1 }, scoring: { method: 'all-or-nothing' } }),
      ind({ id: 'sup-subtree', appliesTo: CM, points: 30, measure: { type: 'roll-up', from: [{ source: 'subtree', weight: 1 }] }, scoring: { method: 'proportional' } }),
      ind({ id: 'sup-children', appliesTo: CM, points: 30, measure: { type: 'roll-up', from: [{ source: 'children', weight: 1 }] }, scoring: { method: 'proportional' } }),
    ];
    const result = run(ruleSet(sheet), RECORDS);
    expect(org(result, 'g1')).toMatchObject({ score: 0, max: 10 });
    // subtree: b1 1.0, g1 0, b2 0.6 → 1.6 / 3 = 0.5333… → 30 × 0.5333… = 16
    expect(line(org(result, 'cm'), 'sup-subtree')).toMatchObject({ value: 0.533333333, points: 16 });
    // children: b1 and b2 only → 0.8 → 24
    expect(line(org(result, 'cm'), 'sup-children')).toMatchObject({ value: 0.8, points: 24 });
  });

  it('a source with no result is left out and the other weights rescaled', () => {
    const sheet = [
      ...BRANCH_SHEET,
      ind({ id: 'cm-line', appliesTo: CM, points: 100, measure: { type: 'count', recordTypes: ['topic'], atLeast: 1 }, scoring: { method: 'all-or-nothing' } }),
      ind({
        id: 'tm-mixed',
        appliesTo: TEAM,
        points: 60,
        // the branches overseen have no 'cm-line': that source has no result; liaison has one
        measure: { type: 'roll-up', from: [{ source: 'oversight', weight: 3, of: ['cm-line'] }, { source: 'liaison', weight: 1 }] },
        scoring: { method: 'proportional' },
      }),
    ];
    const result = run(ruleSet(sheet), RECORDS);
    // p-tm2: liaison b1 1.0 alone (weight 1 of 1) → 60; p-tm1: liaison b2 0.6 → 36
    expect(line(person(result, 'p-tm2'), 'tm-mixed')).toMatchObject({ value: 1, points: 60 });
    expect(line(person(result, 'p-tm1'), 'tm-mixed')).toMatchObject({ value: 0.6, points: 36 });
    expect(line(person(result, 'p-tm1'), 'tm-mixed').explanation).toContain('分管领域组织无考核结果（权重75%）');
    expect(line(person(result, 'p-tm1'), 'tm-mixed').explanation).toContain('按有结果的来源折算权重');
  });
});

describe('roll-up cycles', () => {
  const selfOf = (id: string, of: string[] | undefined): IndicatorInput =>
    ind({
      id,
      appliesTo: CM,
      points: 10,
      measure: { type: 'roll-up', from: [{ source: 'self', weight: 1, ...(of ? { of } : {}) }] },
      scoring: { method: 'proportional' },
    });

  it("parseRuleSet refuses two self roll-ups reading each other, with code 'rollup-cycle' and the indicator's path", () => {
    const rules = ruleSet([...BRANCH_SHEET, selfOf('a', ['b']), selfOf('b', ['a'])]);
    const error = thrown(() => parseRuleSet(rules));
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.subject).toBe('rules');
    expect(error.issues.map((i) => [i.code, i.path, i.params])).toEqual([['rollup-cycle', ['indicators', 2, 'measure'], { cycle: 'a → b → a' }]]);
    // assess refuses it the same way
    expect(thrown(() => run(rules, [])).issues.map((i) => i.code)).toEqual(['rollup-cycle']);
  });

  it("a self roll-up of 'total' (the default) reads every other indicator, not itself", () => {
    expect(() => parseRuleSet(ruleSet([...BRANCH_SHEET, selfOf('own-total', undefined)]))).not.toThrow();
  });

  it("two self roll-ups of 'total' read each other: a cycle", () => {
    const error = thrown(() => parseRuleSet(ruleSet([...BRANCH_SHEET, selfOf('own-a', undefined), selfOf('own-b', undefined)])));
    expect(error.issues.map((i) => [i.code, i.path, i.params['cycle']])).toEqual([['rollup-cycle', ['indicators', 2, 'measure'], 'own-a → own-b → own-a']]);
  });

  it('a chain without a cycle is accepted and evaluated in dependency order', () => {
    // c reads b, b reads sup; listed c, b, sup
    const sheet = [
      ...BRANCH_SHEET,
      selfOf('c', ['b']),
      selfOf('b', ['sup']),
      ind({ id: 'sup', appliesTo: CM, points: 10, measure: { type: 'roll-up', from: [{ source: 'children', weight: 1 }] }, scoring: { method: 'proportional' } }),
    ];
    expect(() => parseRuleSet(ruleSet(sheet))).not.toThrow();
    const cm = org(run(ruleSet(sheet), RECORDS), 'cm');
    // sup 0.8 → 8; b reads sup: 0.8 → 8; c reads b: 0.8 → 8
    expect(cm.lines.map((l) => [l.indicator, l.points])).toEqual([
      ['c', 8],
      ['b', 8],
      ['sup', 8],
    ]);
  });

  it('a roll-up naming an unknown indicator is refused', () => {
    const error = thrown(() => parseRuleSet(ruleSet([...BRANCH_SHEET, selfOf('a', ['nope'])])));
    expect(error.issues.map((i) => [i.code, i.path])).toEqual([['unknown-indicator', ['indicators', 2, 'measure', 'from', 0, 'of', 0]]]);
  });
});

describe('shares exclude bonus and count only lines at stake', () => {
  it('a child excluded on one line is read on the lines it has', () => {
    const sheet = [
      ind({ ...BRANCH_SHEET[0]!, onInsufficientEvidence: 'exclude' }),
      BRANCH_SHEET[1]!,
      ind({ id: 'award', bonus: { recordTypes: ['award'], each: 5, cap: 5 } }),
      ind({ id: 'sup', appliesTo: CM, points: 100, measure: { type: 'roll-up', from: [{ source: 'children', weight: 1 }] }, scoring: { method: 'proportional' } }),
    ];
    const result = run(ruleSet(sheet), [
      ...monthly('c1', 'class', 'b1', [2, 5, 8, 11]),
      ...monthly('c2', 'class', 'b2', [2, 5]),
      ...monthly('m2', 'meeting', 'b2', [1, 4, 7, 10]),
      rec('w1', 'award', 'b1', '2022-06-01'),
    ]);
    // b1: x excluded (no meetings), y 40/40 → share 1 (the bonus of 5 is not a share); b2: 60 + 20 = 80/100 → 0.8
    expect(org(result, 'b1')).toMatchObject({ score: 40, max: 40, bonus: 5, total: 105 });
    // mean(1, 0.8) = 0.9 → 90
    expect(line(org(result, 'cm'), 'sup')).toMatchObject({ value: 0.9, points: 90 });
  });
});
