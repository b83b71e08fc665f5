// Behaviour of src/engine/evaluate-subjects.ts (every subject's lines, organizations from the
// leaves up) that a mutation run over that file left Survived and that, on review, no existing
// test pinned down: the sums below an organization that subtree and oversight roll-ups read are
// kept even when no other source reads the same selection (a subtree roll-up alone, an oversight
// roll-up alone); they add a grandchild's share rather than take it away; roll-ups reading
// different indicator lists, or the whole sheet, are summed apart (also when the list's ids spell
// 't', 'o', 't', 'a', 'l'); and a list naming an indicator some organization does not have
// reads the ones it has. Expected values are worked out by hand from the inputs beside them; the
// small graph and the record helpers are those of tests/engine/assess/helpers.ts.
//
// Every scenario is built and run inside its `it`, not in a describe body: Stryker switches a
// mutant on in a beforeAll hook, after the describe bodies have run, and counts coverage per test.
import { describe, expect, it } from 'vitest';
import { countIndicator, ind, line, org, person, rec, ruleSet, run, type IndicatorInput } from '../engine/assess/helpers.js';

const BRANCH = { organizations: ['branch' as const] };
const CM = { organizations: ['committee' as const] };

/** A roll-up line worth `points`, proportional, reading `from`. */
const rollUp = (id: string, appliesTo: IndicatorInput['appliesTo'], points: number, from: { source: 'children' | 'subtree' | 'oversight'; weight: number; of?: 'total' | string[] }[]) =>
  ind({ id, appliesTo, points, measure: { type: 'roll-up', from }, scoring: { method: 'proportional' } });

describe('evaluate-subjects.ts: the sums below an organization', () => {
  it('a subtree roll-up with no other source reading the whole sheet still sums every level below, a grandchild added once (zh and en)', () => {
    const rules = ruleSet([
      countIndicator('meet', 10, BRANCH, 'meeting'),
      countIndicator('grp', 10, { organizations: ['group'] }, 'gmeet'),
      rollUp('sup', CM, 30, [{ source: 'subtree', weight: 1 }]),
    ]);
    // b1 met (10 of 10 → share 1), b2 has no record (0 of 10 → 0), g1 (under b1) met (1)
    const records = [rec('m1', 'meeting', 'b1', '2022-03-01'), rec('gm1', 'gmeet', 'g1', '2022-04-01')];
    const zh = run(rules, records);
    expect(org(zh, 'g1')).toMatchObject({ score: 10, max: 10 });
    // below cm: b1 1, b2 0 and g1 1 → 2 / 3 = 0.666666667 → 30 × 0.666666667 = 20
    const sup = line(org(zh, 'cm'), 'sup');
    expect(sup).toMatchObject({ status: 'met', points: 20, max: 30, value: 0.666666667, ratio: 0.666666667, shortfalls: 0 });
    expect(sup.explanation).toBe('sup：所属各级组织（3个）平均得分率 66.7%（权重100%）；综合 66.7%；按完成比例 66.7% 计，得20分');
    // cm has that one line: 20 of 30 → 66.67 on the scale of 100
    expect(org(zh, 'cm')).toMatchObject({ score: 20, max: 30, scaled: 66.67, total: 66.67 });
    const en = line(org(run(rules, records, { lang: 'en' }), 'cm'), 'sup');
    expect(en).toMatchObject({ points: 20, value: 0.666666667 });
    expect(en.explanation).toBe('sup: organizations below (3) mean score rate 66.7% (weight 100%); combined 66.7%; 66.7% achieved, 20 points');
  });

  it("an oversight roll-up with no other source reading the whole sheet: a team member's area is the organization overseen and everything below it (zh and en)", () => {
    const rules = ruleSet([
      countIndicator('meet', 10, BRANCH, 'meeting'),
      countIndicator('grp', 10, { organizations: ['group'] }, 'gmeet'),
      rollUp('tm', { posts: ['team-member'] }, 20, [{ source: 'oversight', weight: 1 }]),
    ]);
    // b1 and b2 met (share 1 each); g1, under b1, has no record (0 of 10 → 0)
    const records = [rec('m1', 'meeting', 'b1', '2022-03-01'), rec('m2', 'meeting', 'b2', '2022-03-02')];
    const zh = run(rules, records);
    // p-tm1 oversees b1: b1 1 and g1 0 below it → 1 / 2 = 0.5 → 10 of 20
    const tm1 = line(person(zh, 'p-tm1'), 'tm');
    expect(tm1).toMatchObject({ points: 10, max: 20, value: 0.5, ratio: 0.5 });
    expect(tm1.explanation).toBe('tm：分管领域组织（2个）平均得分率 50%（权重100%）；综合 50%；按完成比例 50% 计，得10分');
    expect(person(zh, 'p-tm1')).toMatchObject({ score: 10, max: 20, scaled: 50 });
    // p-tm2 oversees b2, which has nothing below it: 1 / 1 → 20 of 20
    const tm2 = line(person(zh, 'p-tm2'), 'tm');
    expect(tm2).toMatchObject({ points: 20, value: 1, ratio: 1 });
    expect(tm2.explanation).toBe('tm：分管领域组织（1个）平均得分率 100%（权重100%）；综合 100%；按完成比例 100% 计，得20分');
    const en = run(rules, records, { lang: 'en' });
    expect(line(person(en, 'p-tm1'), 'tm').explanation).toBe('tm: organizations overseen (2) mean score rate 50% (weight 100%); combined 50%; 50% achieved, 10 points');
    expect(line(person(en, 'p-tm2'), 'tm').explanation).toBe('tm: organizations overseen (1) mean score rate 100% (weight 100%); combined 100%; 100% achieved, 20 points');
  });
});

describe('evaluate-subjects.ts: one sum per selection', () => {
  it('subtree roll-ups of two different indicator lists and of the whole sheet are summed apart', () => {
    const rules = ruleSet([
      countIndicator('x', 10, BRANCH, 'xr'),
      countIndicator('y', 10, BRANCH, 'yr'),
      rollUp('sx', CM, 10, [{ source: 'subtree', weight: 1, of: ['x'] }]),
      rollUp('sy', CM, 10, [{ source: 'subtree', weight: 1, of: ['y'] }]),
      rollUp('st', CM, 10, [{ source: 'subtree', weight: 1 }]),
    ]);
    // b1 met x and y; b2 met y only. g1 has no line (nothing applies to groups): no share
    const result = run(rules, [rec('x1', 'xr', 'b1', '2022-03-01'), rec('y1', 'yr', 'b1', '2022-03-02'), rec('y2', 'yr', 'b2', '2022-03-03')]);
    const cm = org(result, 'cm');
    // on x: b1 1, b2 0 → 0.5 → 5 of 10
    expect(line(cm, 'sx')).toMatchObject({ points: 5, value: 0.5 });
    expect(line(cm, 'sx').explanation).toBe('sx：所属各级组织（2个）平均相关指标得分率 50%（权重100%）；综合 50%；按完成比例 50% 计，得5分');
    // on y: b1 1, b2 1 → 1 → 10 of 10
    expect(line(cm, 'sy')).toMatchObject({ points: 10, value: 1 });
    expect(line(cm, 'sy').explanation).toBe('sy：所属各级组织（2个）平均相关指标得分率 100%（权重100%）；综合 100%；按完成比例 100% 计，得10分');
    // whole sheet: b1 20 / 20 = 1, b2 10 / 20 = 0.5 → 0.75 → 7.5 of 10
    expect(line(cm, 'st')).toMatchObject({ points: 7.5, value: 0.75 });
    expect(line(cm, 'st').explanation).toBe('st：所属各级组织（2个）平均得分率 75%（权重100%）；综合 75%；按完成比例 75% 计，得7.5分');
    // 5 + 10 + 7.5 = 22.5 of 30 → 75
    expect(cm).toMatchObject({ score: 22.5, max: 30, scaled: 75 });
  });

  it("the whole sheet and a list of indicators whose ids spell 't', 'o', 't', 'a', 'l' are two selections", () => {
    const rules = ruleSet([
      countIndicator('t', 10, BRANCH, 'rt'),
      countIndicator('o', 10, BRANCH, 'ro'),
      countIndicator('a', 10, BRANCH, 'ra'),
      countIndicator('l', 10, BRANCH, 'rl'),
      countIndicator('z', 10, BRANCH, 'rz'),
      rollUp('whole', CM, 80, [{ source: 'subtree', weight: 1, of: 'total' }]),
      // sorted, this list reads a, l, o, t, t: the letters of 'total'
      rollUp('word', CM, 80, [{ source: 'subtree', weight: 1, of: ['t', 'o', 't', 'a', 'l'] }]),
    ]);
    // b1 met t, o, a and l, not z; b2 met nothing
    const records = [rec('r1', 'rt', 'b1', '2022-03-01'), rec('r2', 'ro', 'b1', '2022-03-02'), rec('r3', 'ra', 'b1', '2022-03-03'), rec('r4', 'rl', 'b1', '2022-03-04')];
    const cm = org(run(rules, records), 'cm');
    // whole sheet: b1 40 / 50 = 0.8, b2 0 → 0.4 → 80 × 0.4 = 32
    expect(line(cm, 'whole')).toMatchObject({ points: 32, value: 0.4 });
    expect(line(cm, 'whole').explanation).toBe('whole：所属各级组织（2个）平均得分率 40%（权重100%）；综合 40%；按完成比例 40% 计，得32分');
    // the list: b1 met every indicator in it (t listed twice or not: 1), b2 0 → 0.5 → 80 × 0.5 = 40
    expect(line(cm, 'word')).toMatchObject({ points: 40, value: 0.5 });
    expect(line(cm, 'word').explanation).toBe('word：所属各级组织（2个）平均相关指标得分率 50%（权重100%）；综合 50%；按完成比例 50% 计，得40分');
  });

  it('a list naming an indicator an organization does not have reads the ones it has', () => {
    const rules = ruleSet([
      countIndicator('x', 10, BRANCH, 'xr'),
      countIndicator('c', 10, CM, 'cr'),
      // the branches have x and not c
      rollUp('kids', CM, 20, [{ source: 'children', weight: 1, of: ['x', 'c'] }]),
    ]);
    const result = run(rules, [rec('x1', 'xr', 'b1', '2022-03-01')]);
    // b1 on x alone: 10 / 10 = 1; b2: 0 / 10 = 0 → 0.5 → 10 of 20
    const kids = line(org(result, 'cm'), 'kids');
    expect(kids).toMatchObject({ points: 10, max: 20, value: 0.5, ratio: 0.5 });
    expect(kids.explanation).toBe('kids：下级组织（2个）平均相关指标得分率 50%（权重100%）；综合 50%；按完成比例 50% 计，得10分');
    // cm: c not met (0 of 10) + kids 10 of 20 → 10 of 30
    expect(org(result, 'cm')).toMatchObject({ score: 10, max: 30, scaled: 33.33 });
  });

  it('an indicator listed twice in `of` is read once, by a children roll-up and by a subtree one', () => {
    const rules = ruleSet([
      countIndicator('t', 10, BRANCH, 'rt'),
      countIndicator('o', 10, BRANCH, 'ro'),
      rollUp('once', CM, 10, [{ source: 'children', weight: 1, of: ['t', 'o'] }]),
      rollUp('twice', CM, 10, [{ source: 'children', weight: 1, of: ['t', 'o', 't'] }]),
      rollUp('deep', CM, 10, [{ source: 'subtree', weight: 1, of: ['o', 't', 't'] }]),
    ]);
    // b1 and b2 met t, neither met o: each 10 of 20 = 0.5 (t counted twice would give 20 of 30)
    const cm = org(run(rules, [rec('r1', 'rt', 'b1', '2022-03-01'), rec('r2', 'rt', 'b2', '2022-03-01')]), 'cm');
    for (const id of ['once', 'twice', 'deep']) expect(line(cm, id)).toMatchObject({ value: 0.5, points: 5 });
  });
});
