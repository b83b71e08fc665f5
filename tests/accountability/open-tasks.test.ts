// The deadline-open trigger names the open tasks each deadline line counted:
//   - on a subtree indicator it finds them by binary search over the preorder walk, not by going
//     through every organization below each subject (a chain 10,000 deep took 9 s: quadratic);
//   - on a person line read by organization (`by: "organization"`) it reads the tasks of the
//     organizations where the person holds the post, as the line does (it named none).
import { describe, expect, it } from 'vitest';
import { openAssessment, type GraphInput, type RuleSetInput } from '../../src/index.js';
import { indexRetained, type RetainedIndex } from '../../src/accountability/retained-index.js';
import { evaluateTrigger } from '../../src/accountability/triggers.js';
import type { AccountabilityRule } from '../../src/model/accountability.js';
import { ind, rec, rule, ruleSet, run } from './helpers.js';

/** A retained index that counts the lookups made through it. */
function counting(index: RetainedIndex): { index: RetainedIndex; work: { lookups: number; fullReads: number } } {
  const work = { lookups: 0, fullReads: 0 };
  return {
    work,
    index: {
      get all() {
        work.fullReads++;
        return index.all;
      },
      byId: index.byId,
      byOrganization: (id) => {
        work.lookups++;
        return index.byOrganization(id);
      },
      byPerson: (id) => {
        work.lookups++;
        return index.byPerson(id);
      },
    },
  };
}

describe('a subtree deadline indicator on a deep chain', () => {
  // c0 ⊃ c1 ⊃ … ⊃ c(n−1), one committee under another, each with a secretary; one task at the
  // bottom, due 2022-06-30 and never done: every committee's subtree line counts it open.
  const n = 1500;
  const graph: GraphInput = {
    id: 'chain',
    organizations: Array.from({ length: n }, (_, i) => ({ id: `c${i}`, name: `党委${i}`, kind: 'committee' as const, ...(i > 0 ? { parent: `c${i - 1}` } : {}) })),
    people: Array.from({ length: n }, (_, i) => ({ id: `p${i}`, name: `书记${i}`, partyMember: true })),
    posts: Array.from({ length: n }, (_, i) => ({ person: `p${i}`, organization: `c${i}`, role: 'secretary' as const })),
  };
  const trigger = rule('open', { type: 'deadline-open', indicator: 'rect' }, [{ to: 'secretary' }]);
  const rules: RuleSetInput = ruleSet(
    [ind({ id: 'rect', appliesTo: { organizations: ['committee'] }, points: 10, measure: { type: 'deadline', recordTypes: ['rectification'], scope: 'subtree' }, scoring: { method: 'deduct', perShortfall: 5 } })],
    { rules: [trigger] },
  );
  const task = rec('t1', 'rectification', `c${n - 1}`, '2022-03-01', { due: '2022-06-30' });

  it('one pass over the records, no lookup per organization below each subject', () => {
    const session = openAssessment({ graph, rules });
    session.add(task);
    const scored = session.finish();
    const { index, work } = counting(indexRetained(scored.retained));
    const hits = evaluateTrigger(trigger as AccountabilityRule, { plan: scored.plan, result: scored.result, retained: index, previousHits: new Map(), currentHits: new Map(), lang: 'zh', warn: () => {} });
    // Every committee, each naming the one task: n hits, n record ids in all.
    expect(hits.length).toBe(n);
    expect(hits.every((h) => h.recordIds.length === 1 && h.recordIds[0] === 't1')).toBe(true);
    // The records were read once; going through each subtree's organizations made
    // n(n+1)/2 = 1,125,750 lookups.
    expect(work).toEqual({ lookups: 0, fullReads: 1 });
  });

  it('through assess: a finding on each secretary, citing the task', () => {
    const result = run(rules, [task], { graph });
    expect(result.findings.length).toBe(n);
    expect(result.findings[0]).toMatchObject({ id: 'open:o:c0>p:p0', trigger: { recordIds: ['t1'] } });
    expect(result.findings[n - 1]).toMatchObject({ id: `open:o:c${n - 1}>p:p${n - 1}`, trigger: { recordIds: ['t1'] } });
  });
});

describe('a person line read by organization', () => {
  // Branch secretaries answer for their branch's rectification tasks (by: organization). b1's
  // task is due 2022-06-30 and never done; with subtree scope, g1's (a group under b1) counts too.
  const indicator = (scope: 'self' | 'subtree') =>
    ind({
      id: 'rect',
      points: 10,
      appliesTo: { posts: ['secretary'], in: ['branch'] },
      measure: { type: 'deadline', recordTypes: ['rectification'], by: 'organization', scope },
      scoring: { method: 'deduct', perShortfall: 5 },
    });
  const rules = (scope: 'self' | 'subtree') => ruleSet([indicator(scope)], { rules: [rule('open', { type: 'deadline-open', indicator: 'rect' }, [{ to: 'self', form: { person: 'criticism' } }])] });
  const tasks = [rec('task-b1', 'rectification', 'b1', '2022-03-01', { due: '2022-06-30' }), rec('task-g1', 'rectification', 'g1', '2022-03-01', { due: '2022-06-30' })];

  it('the finding cites the branch\'s open task', () => {
    const result = run(rules('self'), tasks);
    expect(result.people.find((p) => p.id === 'p-b1-sec')?.lines[0]?.facts).toMatchObject({ open: 1 });
    expect(result.findings.map((f) => [f.id, f.trigger.recordIds])).toEqual([['open:p:p-b1-sec>p:p-b1-sec', ['task-b1']]]);
  });

  it('with subtree scope, the tasks of the organizations below too', () => {
    const result = run(rules('subtree'), tasks);
    expect(result.people.find((p) => p.id === 'p-b1-sec')?.lines[0]?.facts).toMatchObject({ open: 2 });
    expect(result.findings.map((f) => [f.id, f.trigger.recordIds])).toEqual([['open:p:p-b1-sec>p:p-b1-sec', ['task-b1', 'task-g1']]]);
  });
});
