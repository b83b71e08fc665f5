// Behaviour of src/engine/plan.ts (the rule set compiled against a graph) that a mutation run over
// that file left Survived or NoCoverage and that, on review, no existing test pinned down: every
// holder of a matching post in an organization is reached by its records read by organization,
// and once, however many of their posts match; an asOf before the period is held at the eve of its
// first day; the record types kept for the accountability rules (a veto's only with a veto rule, a
// deadline measure's only with a deadline-open rule naming it, or naming none); what the compiled
// plan lists (routes only for the record types the sheet names, the default scope 'self', people
// maps only for person indicators, by organization only where read so); and the order of
// same-subject roll-ups for rule sets that skipped parsing (a roll-up listing itself, a cycle).
// Expected values are worked out by hand from the inputs beside them; the small graph and the
// record helpers are those of tests/engine/assess/helpers.ts. The compiled plan is read from
// `openAssessment(...).finish().plan` (public); `compilePlan` is called directly only for the
// rule sets that parsing refuses.
//
// Every scenario is built and run inside its `it`, not in a describe body: Stryker switches a
// mutant on in a beforeAll hook, after the describe bodies have run, and counts coverage per test.
import { describe, expect, it } from 'vitest';
import { compilePlan, matchingPostOrganizations, type Plan } from '../../src/engine/plan.js';
import { openAssessment, parseGraph, parseRuleSet, type GraphInput, type RuleSetInput, type ScoredRun, type ScoreResult, type SubjectResult } from '../../src/index.js';
import { graphInput, ind, line, rec, ruleSet } from '../engine/assess/helpers.js';

/** One session fed `records`, finished: result, retained records and plan. */
function finished(rules: RuleSetInput, records: readonly unknown[], extra: { graph?: GraphInput; asOf?: string } = {}): ScoredRun {
  const { graph = graphInput(), ...rest } = extra;
  const session = openAssessment({ graph, rules, ...rest });
  for (const r of records) session.add(r);
  return session.finish();
}

/** A subject of a score result (organizations, then people); fails when it is missing. */
function subject(result: ScoreResult, id: string): SubjectResult {
  const found = [...result.organizations, ...result.people].find((s) => s.id === id);
  if (!found) throw new Error(`no subject ${id} (have ${[...result.organizations, ...result.people].map((s) => s.id).join(', ')})`);
  return found;
}

/** A count of `type` records, at least 1, all or nothing, for `points`. */
const countOf = (type: string, points: number, more: Record<string, unknown> = {}) => ({
  points,
  measure: { type: 'count' as const, recordTypes: [type], atLeast: 1, ...more },
  scoring: { method: 'all-or-nothing' as const },
});

/** The record types kept for accountability, in order. */
const retainTypesOf = (plan: Plan): string[] => [...plan.retainTypes].sort();

describe('plan.ts: the people of a post indicator read by organization', () => {
  it('read by organization, a record reaches every holder of a matching post there, once each, however many of their posts match', () => {
    // p-b1-sec is also an ordinary member of b1: two matching posts in one organization
    const graph = graphInput();
    graph.posts.push({ person: 'p-b1-sec', organization: 'b1', role: 'member' });
    const rules = ruleSet([ind({ id: 'duty', appliesTo: { posts: ['secretary', 'member'] }, ...countOf('meeting', 3, { by: 'organization' }) })]);
    // m1 at b1 reaches b1's secretary and members; m2 at g1 its one member; nothing reaches b2 or cm
    const { result, plan } = finished(rules, [rec('m1', 'meeting', 'b1', '2022-03-01'), rec('m2', 'meeting', 'g1', '2022-03-02')], { graph });
    // secretaries and members, in id order (the team members p-tm1 and p-tm2 hold neither post)
    expect(result.people.map((p) => p.id)).toEqual(['p-b1-m', 'p-b1-prob', 'p-b1-sec', 'p-b2-m', 'p-b2-sec', 'p-g1-m', 'p-sec']);
    const ids = (id: string): readonly string[] => line(subject(result, id), 'duty').records.ids;
    expect(ids('p-b1-m')).toEqual(['m1']);
    expect(ids('p-b1-prob')).toEqual(['m1']);
    expect(ids('p-b1-sec')).toEqual(['m1']);
    expect(ids('p-g1-m')).toEqual(['m2']);
    for (const id of ['p-b2-m', 'p-b2-sec', 'p-sec']) expect(ids(id)).toEqual([]);
    expect(line(subject(result, 'p-b1-sec'), 'duty')).toMatchObject({ status: 'met', points: 3, records: { counted: 1 } });
    // organization → its holders, each once, in id order
    expect(Object.fromEntries(plan.peopleByOrganization.get('duty') ?? [])).toEqual({
      b1: ['p-b1-m', 'p-b1-prob', 'p-b1-sec'],
      b2: ['p-b2-m', 'p-b2-sec'],
      g1: ['p-g1-m'],
      cm: ['p-sec'],
    });
    const applies = plan.indicators[0]?.applies;
    expect(applies && matchingPostOrganizations(applies, plan.graph, 'p-b1-sec')).toEqual(['b1']);
  });
});

describe('plan.ts: asOf', () => {
  it('an asOf before the period stops on the eve of its first day: nothing in the period counts yet', () => {
    const rules = ruleSet([ind({ id: 'meet', ...countOf('meeting', 4) })]);
    // the period is 2022; asOf 2021-12-15 is held at 2021-12-31, the day before it starts
    const records = [rec('m1', 'meeting', 'b1', '2022-01-01'), rec('m2', 'meeting', 'b1', '2022-01-02')];
    const { result } = finished(rules, records, { asOf: '2021-12-15' });
    expect(result.period).toMatchObject({ start: '2022-01-01', end: '2022-12-31', asOf: '2021-12-31' });
    // both records fall after asOf: out of the period, none counted on b1
    expect(result.evidence.outOfPeriod).toBe(2);
    expect(line(subject(result, 'b1'), 'meet').records).toMatchObject({ counted: 0, ids: [] });
  });
});

describe('plan.ts: record types kept for the accountability rules', () => {
  /** A deadline indicator on branches reading `type`. */
  const deadline = (id: string, type: string) => ind({ id, points: 10, measure: { type: 'deadline', recordTypes: [type] }, scoring: { method: 'proportional' } });
  const indicators = () => [
    deadline('tasks', 'task'),
    deadline('jobs', 'job'),
    ind({ id: 'discipline', veto: { recordTypes: ['case'] } }),
    ind({ id: 'meet', ...countOf('meeting', 4) }),
  ];
  // one approved, in-period record of each type, all on b1
  const records = () => [
    rec('c1', 'case', 'b1', '2022-04-01'),
    rec('j1', 'job', 'b1', '2022-03-01', { due: '2022-06-30' }),
    rec('m1', 'meeting', 'b1', '2022-05-01'),
    rec('r1', 'prompt-remedy', 'b1', '2022-05-02'),
    rec('t1', 'task', 'b1', '2022-03-01', { due: '2022-06-30' }),
  ];
  // the circumstance types every accountability section reads (the defaults)
  const CIRCUMSTANCES = ['accountability-waiver', 'aggravating-circumstance', 'prompt-remedy'];

  it('without a veto or deadline-open rule, only the circumstance types are kept', () => {
    const rules = ruleSet(indicators(), { accountability: { rules: [{ id: 'derelict', title: '失职', trigger: { type: 'verdict', verdicts: ['derelict'] }, reach: [{ to: 'self' }] }] } });
    const { plan, retained } = finished(rules, records());
    expect(retainTypesOf(plan)).toEqual(CIRCUMSTANCES);
    expect(retained.map((r) => r.id)).toEqual(['r1']);
  });

  it('a veto rule keeps every veto record type; a deadline-open rule naming one indicator keeps only its record types', () => {
    const rules = ruleSet(indicators(), {
      accountability: {
        rules: [
          { id: 'vetoed', title: '一票否决', trigger: { type: 'veto' }, reach: [{ to: 'team' }] },
          { id: 'overdue', title: '逾期未整改', trigger: { type: 'deadline-open', indicator: 'tasks' }, reach: [{ to: 'team' }] },
        ],
      },
    });
    const { plan, retained } = finished(rules, records());
    // case (veto of discipline) and task (tasks); not job (jobs is not named) nor meeting
    expect(retainTypesOf(plan)).toEqual([...CIRCUMSTANCES, 'case', 'task'].sort());
    expect(retained.map((r) => r.id)).toEqual(['c1', 'r1', 't1']);
  });

  it("a deadline-open rule naming no indicator keeps every deadline measure's types; one naming an indicator whose id is '*' keeps only that one's", () => {
    const rule = (indicator?: string) => ({ id: 'overdue', title: '逾期未整改', trigger: { type: 'deadline-open' as const, ...(indicator !== undefined ? { indicator } : {}) }, reach: [{ to: 'team' as const }] });
    const any = finished(ruleSet(indicators(), { accountability: { rules: [rule()] } }), records());
    // task (tasks) and job (jobs)
    expect(retainTypesOf(any.plan)).toEqual([...CIRCUMSTANCES, 'job', 'task'].sort());
    expect(any.retained.map((r) => r.id)).toEqual(['j1', 'r1', 't1']);
    // '*' is an id like any other, not a wildcard: the indicator '*' reads tasks; jobs is not named
    const star = [deadline('*', 'task'), deadline('jobs', 'job')];
    const named = finished(ruleSet(star, { accountability: { rules: [rule('*')] } }), records());
    expect(retainTypesOf(named.plan)).toEqual([...CIRCUMSTANCES, 'task'].sort());
    expect(named.retained.map((r) => r.id)).toEqual(['r1', 't1']);
  });
});

describe('plan.ts: what the compiled plan lists', () => {
  it('routes only for the record types the sheet names; scope self unless subtree; people maps only for person indicators', () => {
    const rules = ruleSet([
      // a structure measure reads no records: no route
      ind({ id: 'staffed', points: 5, measure: { type: 'structure', fact: 'secretary-in-post' }, scoring: { method: 'all-or-nothing' } }),
      // a veto alone: only the veto route
      ind({ id: 'discipline', veto: { recordTypes: ['case'] } }),
      // a count with a bonus; no scope given
      ind({ id: 'meet', ...countOf('meeting', 4), bonus: { recordTypes: ['award'], each: 1, cap: 2 } }),
      // the committee, counting the whole subtree
      ind({ id: 'all-meet', appliesTo: { organizations: ['committee'] }, ...countOf('meeting', 4, { scope: 'subtree' }) }),
      // person indicators: secretaries by their own records, members by their organization's
      ind({ id: 'talks', appliesTo: { posts: ['secretary'] }, ...countOf('talk', 2) }),
      ind({ id: 'study', appliesTo: { posts: ['member'] }, ...countOf('study', 2, { by: 'organization' }) }),
    ]);
    const { plan } = finished(rules, []);
    const routes = [...plan.routes]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([type, list]) => [type, list.map((r) => `${r.plan?.indicator.id}:${r.role}`)]);
    expect(routes).toEqual([
      ['award', ['meet:bonus']],
      ['case', ['discipline:veto']],
      ['meeting', ['meet:measure', 'all-meet:measure']],
      ['study', ['study:measure']],
      ['talk', ['talks:measure']],
    ]);
    expect(plan.indicators.map((p) => [p.indicator.id, p.by, p.scope])).toEqual([
      ['staffed', 'organization', 'self'],
      ['discipline', 'organization', 'self'],
      ['meet', 'organization', 'self'],
      ['all-meet', 'organization', 'subtree'],
      ['talks', 'person', 'self'],
      ['study', 'organization', 'self'],
    ]);
    // people of each person indicator: secretaries of cm, b1, b2; members of b1, b2, g1
    expect([...plan.peopleOfIndicator.keys()]).toEqual(['talks', 'study']);
    expect([...(plan.peopleOfIndicator.get('talks') ?? [])].sort()).toEqual(['p-b1-sec', 'p-b2-sec', 'p-sec']);
    expect([...(plan.peopleOfIndicator.get('study') ?? [])].sort()).toEqual(['p-b1-m', 'p-b1-prob', 'p-b2-m', 'p-g1-m']);
    // read by organization: only 'study'
    expect([...plan.peopleByOrganization.keys()]).toEqual(['study']);
    expect(Object.fromEntries(plan.peopleByOrganization.get('study') ?? [])).toEqual({ b1: ['p-b1-m', 'p-b1-prob'], b2: ['p-b2-m'], g1: ['p-g1-m'] });
  });
});

describe('plan.ts: evaluation order of same-subject roll-ups (rule sets that skipped parsing)', () => {
  /** The small graph and a parsed sheet: 'meet' (a count) and the roll-ups 'ru-a' and 'ru-b' over it. */
  function parsed() {
    const graph = parseGraph(graphInput());
    const rules = parseRuleSet(
      ruleSet([
        ind({ id: 'ru-a', points: 10, measure: { type: 'roll-up', from: [{ source: 'self', weight: 1, of: ['meet'] }] }, scoring: { method: 'proportional' } }),
        ind({ id: 'ru-b', points: 10, measure: { type: 'roll-up', from: [{ source: 'self', weight: 1, of: ['ru-a'] }] }, scoring: { method: 'proportional' } }),
        ind({ id: 'meet', ...countOf('meeting', 4) }),
      ]),
    );
    return { graph, rules };
  }
  /** `rules` with ru-a reading `of` on the same subject instead (parsing refuses a cycle, so it is built by hand). */
  function readingOf(rules: ReturnType<typeof parsed>['rules'], of: string[]) {
    const [ruA, ...rest] = rules.indicators;
    const changed = { ...ruA, measure: { type: 'roll-up', from: [{ source: 'self', weight: 1, of }] } } as (typeof rules.indicators)[number];
    return { ...rules, indicators: [changed, ...rest] };
  }

  it('a roll-up that also lists itself waits only for the others', () => {
    const { graph, rules } = parsed();
    // ru-a reads itself and meet: it follows meet, and its own id holds nothing up
    const order = compilePlan(graph, readingOf(rules, ['ru-a', 'meet']), undefined).evaluationOrder.map((p) => p.indicator.id);
    expect(order).toEqual(['meet', 'ru-a', 'ru-b']);
  });

  it('a cycle that reached the engine is an error, not an endless loop', () => {
    const { graph, rules } = parsed();
    // ru-a reads ru-b, which reads ru-a: after meet is placed no pass makes progress
    expect(() => compilePlan(graph, readingOf(rules, ['ru-b']), undefined)).toThrow(/^zerenzhi: roll-up cycle reached the engine$/);
  });
});
