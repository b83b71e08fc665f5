// Behaviour of src/engine/evaluate-subjects.ts that a second mutation run over that file left
// Survived and that, on review, no test pinned down inside an `it`: a subtree roll-up of an
// organization whose id happens to be Stryker's placeholder string (ids may contain spaces) reads
// no phantom child below a leaf; an organization's result names its kind; a person's
// "organizations led" are those of their leadership posts only, not of an ordinary member's post
// they also hold; and a person whose id is also an organization's id does not stand in for that
// organization when a later person's roll-up reads it. (The kind and the organizations led are
// also checked by tests/engine/assess/scoring.test.ts and the bureau golden files of
// tests/report/markdown.test.ts, but on results computed in a describe body or memoized across
// tests, which a mutant switched on per test does not reach.) Expected values are worked out by
// hand from the inputs beside them; the small graph and the record helpers are those of
// tests/engine/assess/helpers.ts.
//
// Every scenario is built and run inside its `it`, not in a describe body: Stryker switches a
// mutant on in a beforeAll hook, after the describe bodies have run, and counts coverage per test.
import { describe, expect, it } from 'vitest';
import type { GraphInput } from '../../src/index.js';
import { countIndicator, graphInput, ind, line, org, person, prec, rec, ruleSet, run, type IndicatorInput } from '../engine/assess/helpers.js';

const BRANCH = { organizations: ['branch' as const] };
const CM = { organizations: ['committee' as const] };

/** A roll-up line worth `points`, proportional, reading `from`. */
const rollUp = (id: string, appliesTo: IndicatorInput['appliesTo'], points: number, from: { source: 'children' | 'subtree' | 'oversight' | 'liaison' | 'led-organizations'; weight: number; of?: 'total' | string[] }[]) =>
  ind({ id, appliesTo, points, measure: { type: 'roll-up', from }, scoring: { method: 'proportional' } });

describe('evaluate-subjects.ts: the sums below a leaf', () => {
  it("a leaf has nothing below it, even beside an organization whose id is 'Stryker was here'", () => {
    // cm with two branches, no people: 'A-leaf' sorts before 'Stryker was here' (A < S), so the
    // walk from the leaves up finishes 'Stryker was here' first, then 'A-leaf', then cm.
    const graph: GraphInput = {
      organizations: [
        { id: 'cm', name: '局党委', kind: 'committee' },
        { id: 'A-leaf', name: '甲支部', kind: 'branch', parent: 'cm' },
        { id: 'Stryker was here', name: '乙支部', kind: 'branch', parent: 'cm' },
      ],
      people: [],
      posts: [],
    };
    const rules = ruleSet([countIndicator('meet', 10, BRANCH, 'meeting'), rollUp('sup', CM, 30, [{ source: 'subtree', weight: 1 }])]);
    // 'Stryker was here' met (10 of 10 → share 1); 'A-leaf' has no record (0 of 10 → 0)
    const result = run(rules, [rec('m1', 'meeting', 'Stryker was here', '2022-03-01')], { graph });
    expect(org(result, 'Stryker was here')).toMatchObject({ score: 10, max: 10 });
    expect(org(result, 'A-leaf')).toMatchObject({ score: 0, max: 10 });
    // below cm: the two branches and nothing else → (0 + 1) / 2 = 0.5 → 30 × 0.5 = 15
    // (the leaf 'A-leaf' counting 'Stryker was here' below it too would give 2 / 3 → 20)
    const sup = line(org(result, 'cm'), 'sup');
    expect(sup).toMatchObject({ points: 15, max: 30, value: 0.5, ratio: 0.5 });
    expect(sup.explanation).toBe('sup：所属各级组织（2个）平均得分率 50%（权重100%）；综合 50%；按完成比例 50% 计，得15分');
    expect(org(result, 'cm')).toMatchObject({ score: 15, max: 30, scaled: 50 });
  });
});

describe("evaluate-subjects.ts: an organization's result", () => {
  it('names the organization and its kind, worked out in the test itself', () => {
    // (tests/engine/assess/scoring.test.ts checks `kind` too, but on a result computed in its
    // describe body, before Stryker switches a mutant on)
    const rules = ruleSet([countIndicator('meet', 10, BRANCH, 'meeting'), countIndicator('lead', 10, CM, 'meeting')]);
    const result = run(rules, [rec('m1', 'meeting', 'b1', '2022-03-01')]);
    expect(org(result, 'cm')).toMatchObject({ type: 'organization', id: 'cm', name: '局党委', kind: 'committee', score: 0, max: 10 });
    expect(org(result, 'b1')).toMatchObject({ type: 'organization', id: 'b1', name: '第一支部', kind: 'branch', score: 10, max: 10 });
    expect(org(result, 'b2')).toMatchObject({ type: 'organization', id: 'b2', name: '第二支部', kind: 'branch', score: 0, max: 10 });
  });
});

describe('evaluate-subjects.ts: the organizations a person leads', () => {
  it("are those of the person's leadership posts, not of a member's post held elsewhere", () => {
    const graph = graphInput();
    // p-b1-sec is secretary of b1 and also an ordinary member of b2
    graph.posts.push({ person: 'p-b1-sec', organization: 'b2', role: 'member' });
    const rules = ruleSet([countIndicator('meet', 10, BRANCH, 'meeting'), rollUp('led', { posts: ['secretary'] }, 20, [{ source: 'led-organizations', weight: 1 }])]);
    // b1 met (share 1); b2 has no record (0 of 10 → share 0)
    const result = run(rules, [rec('m1', 'meeting', 'b1', '2022-03-01')], { graph });
    // p-b1-sec leads b1 only → 1 → 20 of 20 (b2 counted as well would give 0.5 → 10)
    const led = line(person(result, 'p-b1-sec'), 'led');
    expect(led).toMatchObject({ points: 20, max: 20, value: 1, ratio: 1 });
    expect(led.explanation).toBe('led：任职班子所在组织（1个）平均得分率 100%（权重100%）；综合 100%；按完成比例 100% 计，得20分');
    expect(person(result, 'p-b1-sec')).toMatchObject({ score: 20, max: 20, scaled: 100 });
    // p-b2-sec leads b2 alone → 0 → 0 of 20
    expect(line(person(result, 'p-b2-sec'), 'led')).toMatchObject({ points: 0, value: 0 });
  });
});

describe("evaluate-subjects.ts: a person's result is not an organization's", () => {
  it('a person whose id is also an organization id does not replace that organization for a later roll-up', () => {
    const graph = graphInput();
    // a person 'b1' (the id of the branch b1), a member of b2; ids of people come before 'p-…'
    graph.people.push({ id: 'b1', name: '同名', partyMember: true });
    graph.posts.push({ person: 'b1', organization: 'b2', role: 'member' });
    const rules = ruleSet([
      countIndicator('meet', 10, BRANCH, 'meeting'),
      countIndicator('study', 10, { posts: ['member'] }, 'study'),
      rollUp('contact', { posts: ['team-member'] }, 20, [{ source: 'liaison', weight: 1 }]),
    ]);
    // the branch b1 met (share 1), b2 did not (0); the person b1 has no study record (0 of 10)
    const result = run(rules, [rec('m1', 'meeting', 'b1', '2022-03-01'), prec('s1', 'study', 'p-b1-m', '2022-03-02')], { graph });
    expect(person(result, 'b1')).toMatchObject({ score: 0, max: 10 });
    expect(org(result, 'b1')).toMatchObject({ score: 10, max: 10 });
    // p-tm2's contact point is the branch b1: share 1 → 20 of 20 (the person b1's 0 would give 0)
    const contact = line(person(result, 'p-tm2'), 'contact');
    expect(contact).toMatchObject({ points: 20, max: 20, value: 1, ratio: 1 });
    expect(contact.explanation).toBe('contact：联系点（1个）平均得分率 100%（权重100%）；综合 100%；按完成比例 100% 计，得20分');
    // p-tm1's contact point is b2: 0 → 0 of 20
    expect(line(person(result, 'p-tm1'), 'contact')).toMatchObject({ points: 0, value: 0 });
  });
});
