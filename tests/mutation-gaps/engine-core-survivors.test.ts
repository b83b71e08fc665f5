// Behaviour of src/engine/line-state.ts, versions.ts and accumulate.ts that the mutation run
// (MUTATE_PART=core npm run mutate:engine, see TESTING.md) left Survived or NoCoverage. Each
// expectation is worked out by hand from the inputs beside it.
//
// Every scenario is built and run inside its `it`, not in a describe body: Stryker switches a
// mutant on in a beforeAll hook, after the describe bodies have run, and counts coverage per test.
import { describe, expect, it } from 'vitest';
import { addId, emptyLineState, firstCountedIds } from '../../src/engine/line-state.js';
import { digestWords, VersionTable, type Effect } from '../../src/engine/versions.js';
import { digestHex, effectOf, newAccumulation, withdrawEverywhere } from '../../src/engine/accumulate.js';
import type { Plan } from '../../src/engine/plan.js';
import { openAssessment, type RuleSetInput } from '../../src/index.js';
import { graphInput, ind, line as lineOf, manualIndicator, org, orgLadder, person, prec, rec, ruleSet, run, type IndicatorInput } from '../engine/assess/helpers.js';

/** A 32-byte digest whose every byte is `b`. */
const digestOf = (b: number): Uint8Array => new Uint8Array(32).fill(b);
/** The same digest as base64 (the partial-state form). */
const base64Of = (b: number): string => Buffer.from(digestOf(b)).toString('base64');
const NO_EFFECT: Effect = { counter: null };

describe('line-state.ts', () => {
  it('firstCountedIds keeps the n smallest when more are seen than asked for', () => {
    // seen d, b, c, a (a refused): counted b, c, d; the two smallest are b, c
    const line = emptyLineState(undefined);
    for (const id of ['d', 'b', 'c', 'a']) line.seen.set(id, 0);
    addId(line, 'refused', 'a');
    expect(firstCountedIds(line, 2)).toEqual(['b', 'c']);
  });
});

describe('versions.ts', () => {
  it('size counts distinct ids and clear empties the table', () => {
    const table = new VersionTable<string>();
    table.add('r1', digestOf(1), 't1', NO_EFFECT);
    table.add('r2', digestOf(2), 't2', NO_EFFECT);
    expect(table.size).toBe(2);
    table.clear();
    expect(table.size).toBe(0);
    expect(table.slot('r1')).toBeUndefined();
    // after clear the digest store starts again at its first size and still holds a new id's digest
    const slot = table.add('r3', digestOf(3), 't3', NO_EFFECT);
    expect(slot).toBe(0);
    expect(table.digest(slot)).toBe(base64Of(3));
    expect(table.targets(slot)).toBe('t3');
  });

  it('the digest store grows past its first 1024 slots without losing a digest', () => {
    // the store starts with 8 × 1024 words: slots 1024 and 1025 need it grown
    const table = new VersionTable<null>();
    for (let i = 0; i < 1030; i++) table.add(`r${i}`, digestOf(i % 251), null, NO_EFFECT);
    expect(table.digest(1023)).toBe(base64Of(1023 % 251));
    expect(table.digest(1024)).toBe(base64Of(1024 % 251));
    expect(table.digest(1025)).toBe(base64Of(1025 % 251));
    expect(table.sameDigest(1029, digestOf(1029 % 251))).toBe(true);
  });

  it('only an id added as imported is imported, with its digest, past the first 1024 slots too', () => {
    const table = new VersionTable<null>();
    const own = table.add('own', digestOf(1), null, NO_EFFECT);
    const merged = table.addImported('merged', digestWords(digestOf(2)), 0, NO_EFFECT);
    expect(table.imported(own)).toBe(false);
    expect(table.imported(merged)).toBe(true);
    expect(table.digest(merged)).toBe(base64Of(2));
    expect(table.targets(merged)).toBeNull();
    // the flags grow with the digest store: slot 1024 and beyond keep theirs
    for (let i = 2; i < 1030; i++) {
      if (i % 2 === 0) table.addImported(`m${i}`, table.words(), 8, NO_EFFECT);
      else table.add(`o${i}`, digestOf(i % 251), null, NO_EFFECT);
    }
    expect([1024, 1025, 1026, 1027].map((slot) => table.imported(slot))).toEqual([true, false, true, false]);
    expect(table.digest(1026)).toBe(base64Of(2));
    expect(table.words()).toHaveLength(8 * 1030);
  });

  it('setEffect and setTargets replace what add stored', () => {
    const table = new VersionTable<string>();
    const slot = table.add('r', digestOf(1), 'first', NO_EFFECT);
    const pending: Effect = { counter: 'pending', key: 'k' };
    table.setEffect(slot, pending);
    table.setTargets(slot, 'second');
    expect(table.effect(slot)).toBe(pending);
    expect(table.targets(slot)).toBe('second');
  });

  it('a second addConflict adds to the digests the first one gave', () => {
    // first version 1, then 2, then 3: three versions, targets dropped
    const table = new VersionTable<string>();
    const slot = table.add('r', digestOf(1), 't', NO_EFFECT);
    table.addConflict(slot, [base64Of(2)]);
    table.addConflict(slot, [base64Of(3)]);
    expect(table.versionCount(slot)).toBe(3);
    expect([...table.digests(slot)].sort()).toEqual([base64Of(1), base64Of(2), base64Of(3)].sort());
    expect(table.targets(slot)).toBeNull();
  });
});

/** A 100-point manual sheet with a composite: business scores count 40 %. */
const compositeRules = (): RuleSetInput => ruleSet([manualIndicator('score', 100)], { ladders: [orgLadder(['branch'])], composite: { partyWeight: 0.6, businessWeight: 0.4 } });
const business = (id: string, organization: string, score: number, date = '2022-12-28') =>
  rec(id, 'business-score', organization, date, { attributes: { score } });

describe('accumulate.ts', () => {
  it('digestHex writes each word as eight hex digits, zero-padded', () => {
    // 1 → '00000001', 0xabc → '00000abc', the six zero words → 48 zeros
    expect(digestHex(new Uint32Array([1, 0xabc, 0, 0, 0, 0, 0, 0]))).toBe('00000001' + '00000abc' + '0'.repeat(48));
  });

  it('effectOf: one shared frozen object per counter and key; no key property without a key', () => {
    const acc = newAccumulation();
    const pending = effectOf(acc, 'pending');
    expect(effectOf(acc, 'pending')).toBe(pending);
    expect(Object.keys(pending)).toEqual(['counter']);
    // a record type literally named 'undefined' is a key of its own, not the key-less effect
    const unused = effectOf(acc, 'unusedType');
    expect(effectOf(acc, 'unusedType', 'undefined')).not.toBe(unused);
    expect(effectOf(acc, 'unusedType', 'undefined').key).toBe('undefined');
  });

  it('withdrawEverywhere takes the ids out of business scores, and leaves a line of an unknown indicator to forgetRecord', () => {
    const acc = newAccumulation();
    acc.businessByOrganization.set('b1', new Map([['r1', 90], ['r2', 80]]));
    acc.businessByPerson.set('p', new Map([['r1', 70]]));
    // a line whose indicator the plan does not know (no module) but which has a measure state
    const line = emptyLineState({ some: 'state' });
    line.seen.set('r1', 0);
    acc.organizationLines.set('b1', new Map([['gone', line]]));
    const plan = { indicators: [], modules: new Map() } as unknown as Plan;
    withdrawEverywhere(plan, acc, ['r1']);
    expect([...(acc.businessByOrganization.get('b1') ?? [])]).toEqual([['r2', 80]]);
    expect(acc.businessByPerson.get('p')?.size).toBe(0);
    expect(line.seen.has('r1')).toBe(false);
  });

  it('a business score dated after asOf still counts (business scores run to the end of the period)', () => {
    // asOf 30 June; the business score of 28 December counts: b1's business is 88
    const result = run(compositeRules(), [business('bs1', 'b1', 88)], { asOf: '2022-06-30' });
    expect(org(result, 'b1').composite?.business).toBe(88);
  });

  it('a business score of 0 counts; one above the scale does not', () => {
    // b1: 0 and 100 → mean 50; b2: 101 is out of 0..100 → none
    const result = run(compositeRules(), [business('bs1', 'b1', 0), business('bs2', 'b1', 100), business('bs3', 'b2', 101)]);
    expect(org(result, 'b1').composite?.business).toBe(50);
    expect(org(result, 'b2').composite?.business).toBeNull();
  });

  it("a business score naming a person goes to the person, even when it names the person's organization too", () => {
    // bs1: p-b1-sec only → 70; bs2: b1 and p-b2-sec → the person's 60, b1 gets none
    const rules = ruleSet([manualIndicator('score', 100), manualIndicator('sec', 100, { posts: ['secretary'], in: ['branch'] } as const)], {
      ladders: [orgLadder(['branch'])],
      composite: { partyWeight: 0.6, businessWeight: 0.4 },
    });
    const result = run(rules, [
      prec('bs1', 'business-score', 'p-b1-sec', '2022-12-28', { attributes: { score: 70 } }),
      rec('bs2', 'business-score', 'b1', '2022-12-28', { person: 'p-b2-sec', attributes: { score: 60 } }),
    ]);
    expect(person(result, 'p-b1-sec').composite?.business).toBe(70);
    expect(person(result, 'p-b2-sec').composite?.business).toBe(60);
    expect(org(result, 'b1').composite?.business).toBeNull();
  });

  it('a task counts in the period it falls due in, whenever it was raised; other measures go by the record date', () => {
    const rules = ruleSet([
      ind({ id: 'tasks', points: 5, measure: { type: 'deadline', recordTypes: ['task'] }, scoring: { method: 'deduct', perShortfall: 1 } }),
      ind({ id: 'plan', points: 5, measure: { type: 'deadline', recordTypes: ['work-plan'], due: '2022-03-31' }, scoring: { method: 'deduct', perShortfall: 1 } }),
      ind({ id: 'topics', points: 4, measure: { type: 'count', recordTypes: ['topic'], atLeast: 1 }, scoring: { method: 'deduct', perShortfall: 1 } }),
    ]);
    const result = run(rules, [
      // raised in 2021, due in 2022: counts
      rec('ta', 'task', 'b1', '2021-12-01', { due: '2022-03-01', completed: '2022-02-20' }),
      // due on the period's first day: counts
      rec('tb', 'task', 'b1', '2021-12-20', { due: '2022-01-01', completed: '2021-12-30' }),
      // raised in 2022, due in 2023: not this period's
      rec('tc', 'task', 'b1', '2022-10-01', { due: '2023-02-01' }),
      // no due of its own: the spec's 31 March 2022 places it in the period
      rec('wp1', 'work-plan', 'b1', '2021-12-15'),
      // a count measure ignores `due`: dated in 2022, it counts
      rec('tp1', 'topic', 'b1', '2022-05-01', { due: '2023-02-01' }),
    ]);
    const b1 = org(result, 'b1');
    expect(lineOf(b1, 'tasks').records.ids).toEqual(['ta', 'tb']);
    expect(lineOf(b1, 'plan').records.ids).toEqual(['wp1']);
    expect(lineOf(b1, 'topics').records.ids).toEqual(['tp1']);
  });

  it('a task raised after asOf is not counted yet, even when it falls due in the period', () => {
    // asOf 30 June: t-late (raised 5 July, due 1 August) is left out; t-early counts
    const rules = ruleSet([ind({ id: 'tasks', points: 5, measure: { type: 'deadline', recordTypes: ['task'] }, scoring: { method: 'deduct', perShortfall: 1 } })]);
    const result = run(rules, [rec('t-early', 'task', 'b1', '2022-03-01', { due: '2022-04-01' }), rec('t-late', 'task', 'b1', '2022-07-05', { due: '2022-08-01' })], { asOf: '2022-06-30' });
    expect(lineOf(org(result, 'b1'), 'tasks').records.ids).toEqual(['t-early']);
  });

  const topicRules = (): RuleSetInput =>
    ruleSet([ind({ id: 'topics', points: 4, measure: { type: 'count', recordTypes: ['topic'], atLeast: 1 }, scoring: { method: 'deduct', perShortfall: 1 } })]);

  it('unknown organizations and people: what is reported, what still counts', () => {
    const result = run(topicRules(), [
      rec('ok1', 'topic', 'b1', '2022-03-01'),
      // a known person beside a known branch: no warning
      rec('ok2', 'topic', 'b1', '2022-04-01', { person: 'p-b1-sec' }),
      // unknown branch: unknown subject
      rec('u1', 'topic', 'zz', '2022-03-01'),
      // unknown person beside b1: counts on b1, reported as an unknown reference
      rec('u2', 'topic', 'b1', '2022-03-05', { person: 'ghost' }),
      // unknown branch or person outside the period: still an unknown subject, not out of period
      rec('u4', 'topic', 'zz2', '2021-05-01'),
      prec('u5', 'topic', 'ghost3', '2021-05-01'),
      // the committee is no subject of 'topics': no line, no counter
      rec('u6', 'topic', 'cm', '2022-03-01'),
      // … and with an unknown person it reaches nothing: an unknown subject
      rec('u7', 'topic', 'cm', '2022-03-01', { person: 'ghost4' }),
      rec('pd', 'topic', 'b1', '2022-05-01', { status: 'pending' }),
      rec('x1', 'other', 'b1', '2022-05-01'),
    ]);
    expect(result.evidence).toMatchObject({ received: 10, unknownSubject: 4, unknownReference: 1, pending: 1, unusedType: 1, unassignedScore: 0, outOfPeriod: 0 });
    expect(lineOf(org(result, 'b1'), 'topics').records.ids).toEqual(['ok1', 'ok2', 'u2']);
    const unknown = result.warnings.filter((w) => w.code === 'warning-unknown-subject').map((w) => w.params);
    expect(unknown).toEqual(['ghost', 'ghost3', 'ghost4', 'zz', 'zz2'].map((id) => ({ id, count: 1 })));
  });

  it('a third version of a conflicting id is one conflict, not two', () => {
    // c1 in three versions: one conflict, none of them counts; ok1 counts
    const result = run(topicRules(), [
      rec('ok1', 'topic', 'b1', '2022-03-01'),
      rec('c1', 'topic', 'b1', '2022-03-01'),
      rec('c1', 'topic', 'b1', '2022-03-02'),
      rec('c1', 'topic', 'b1', '2022-03-03'),
    ]);
    expect(result.evidence).toMatchObject({ received: 4, conflicts: 1, duplicates: 0 });
    expect(lineOf(org(result, 'b1'), 'topics').records.ids).toEqual(['ok1']);
  });

  it('a new version of an id merged in from a partial state withdraws it from every line', () => {
    // shard A has c2 on b1; after absorbing A, a second version of c2 arrives: neither counts
    const a = openAssessment({ graph: graphInput(), rules: topicRules() });
    a.add(rec('c2', 'topic', 'b1', '2022-03-01'));
    a.add(rec('ok1', 'topic', 'b1', '2022-03-02'));
    const snapshot = JSON.parse(JSON.stringify(a.snapshot()));
    const b = openAssessment({ graph: graphInput(), rules: topicRules() });
    b.absorb(snapshot);
    b.add(rec('c2', 'topic', 'b1', '2022-03-09'));
    const result = b.finish().result;
    expect(result.evidence).toMatchObject({ conflicts: 1 });
    const b1 = result.organizations.find((s) => s.id === 'b1');
    expect(b1 && lineOf(b1, 'topics').records.ids).toEqual(['ok1']);
  });

  it('a conflict withdraws a record from every line it reached, though an earlier record shared its first line', () => {
    // 'all' takes every topic, 'x' and 'y' only those of kind x or y; lines are reached in that order
    const count = (id: string, where?: Record<string, string>) =>
      ind({ id, points: 4, measure: { type: 'count', recordTypes: ['topic'], atLeast: 1, ...(where ? { where } : {}) }, scoring: { method: 'deduct', perShortfall: 1 } });
    const rules = ruleSet([count('all'), count('x', { kind: 'x' }), count('y', { kind: 'y' })]);
    const topic = (id: string, date: string, kind?: string) => rec(id, 'topic', 'b1', date, kind ? { attributes: { kind } } : {});
    // r0 reaches [all]; r1 [all, x]; r1 again in another version: withdrawn from both
    const shorter = org(run(rules, [topic('r0', '2022-03-01'), topic('r1', '2022-03-02', 'x'), topic('r1', '2022-03-03', 'x')]), 'b1');
    expect(lineOf(shorter, 'all').records.ids).toEqual(['r0']);
    expect(lineOf(shorter, 'x').records.ids).toEqual([]);
    // r0 reaches [all, y]; r1 [all, x]; r1 again: withdrawn from all and x, r0 stays on y
    const sameLength = org(run(rules, [topic('r0', '2022-03-01', 'y'), topic('r1', '2022-03-02', 'x'), topic('r1', '2022-03-03', 'x')]), 'b1');
    expect(lineOf(sameLength, 'x').records.ids).toEqual([]);
    expect(lineOf(sameLength, 'y').records.ids).toEqual(['r0']);
  });

  it('a pending or rejected veto record on a line changes nothing on it', () => {
    // t1 counts; k1 (pending) and k2 (rejected) are veto records: no veto, nothing pending or rejected on the line
    const rules = ruleSet([
      ind({ id: 'topics', points: 4, measure: { type: 'count', recordTypes: ['topic'], atLeast: 1 }, scoring: { method: 'deduct', perShortfall: 1 }, veto: { recordTypes: ['case'] } }),
    ]);
    const result = run(rules, [
      rec('t1', 'topic', 'b1', '2022-03-01'),
      rec('k1', 'case', 'b1', '2022-03-01', { status: 'pending' }),
      rec('k2', 'case', 'b1', '2022-03-02', { status: 'rejected' }),
    ]);
    expect(lineOf(org(result, 'b1'), 'topics')).toMatchObject({
      status: 'met',
      veto: false,
      records: { reported: 1, counted: 1, ids: ['t1'], pending: 0, rejected: 0, vetoIds: [] },
    });
  });

  it('subtree scope credits every organization above that the indicator applies to; self scope only the record\'s own', () => {
    const kinds: IndicatorInput['appliesTo'] = { organizations: ['committee', 'branch'] };
    const rules = ruleSet([
      ind({ id: 'sub', appliesTo: kinds, points: 4, measure: { type: 'count', recordTypes: ['topic'], atLeast: 1, scope: 'subtree' }, scoring: { method: 'deduct', perShortfall: 1 } }),
      ind({ id: 'own', appliesTo: kinds, points: 4, measure: { type: 'count', recordTypes: ['topic'], atLeast: 1 }, scoring: { method: 'deduct', perShortfall: 1 }, veto: { recordTypes: ['case'], scope: 'subtree' } }),
    ]);
    // s1 on group g1 (under b1, under cm), s2 on b1; k1 a case on b1
    const result = run(rules, [rec('s1', 'topic', 'g1', '2022-03-01'), rec('s2', 'topic', 'b1', '2022-03-02'), rec('k1', 'case', 'b1', '2022-03-03')]);
    // sub: g1 is no subject (a group); b1 and cm get both
    expect(lineOf(org(result, 'b1'), 'sub').records.ids).toEqual(['s1', 's2']);
    expect(lineOf(org(result, 'cm'), 'sub').records.ids).toEqual(['s1', 's2']);
    // own: only b1's own s2
    expect(lineOf(org(result, 'b1'), 'own').records.ids).toEqual(['s2']);
    expect(lineOf(org(result, 'cm'), 'own').records.ids).toEqual([]);
    // the veto's own subtree scope reaches cm, though the measure's scope is self
    expect(lineOf(org(result, 'cm'), 'own').veto).toBe(true);
    expect(lineOf(org(result, 'b1'), 'own').veto).toBe(true);
  });

  it("a person's line takes only the records of people it applies to, and by organization only their own organization's unless subtree", () => {
    const secretaries: IndicatorInput['appliesTo'] = { posts: ['secretary'], in: ['branch'] };
    const rules = ruleSet([
      ind({ id: 'talks', appliesTo: secretaries, points: 4, measure: { type: 'count', recordTypes: ['talk'], atLeast: 1 }, scoring: { method: 'deduct', perShortfall: 1 } }),
      ind({ id: 'meetings', appliesTo: secretaries, points: 4, measure: { type: 'count', recordTypes: ['meeting'], atLeast: 1, by: 'organization' }, scoring: { method: 'deduct', perShortfall: 1 } }),
    ]);
    const result = run(rules, [
      // p-b1-m is a member, not a secretary: no line takes a1
      prec('a1', 'talk', 'p-b1-m', '2022-03-01'),
      prec('a2', 'talk', 'p-b1-sec', '2022-03-01'),
      // m1 on b1 goes to b1's secretary; m2 on group g1 (under b1) to nobody with self scope
      rec('m1', 'meeting', 'b1', '2022-03-01'),
      rec('m2', 'meeting', 'g1', '2022-03-02'),
    ]);
    expect(lineOf(person(result, 'p-b1-sec'), 'talks').records.ids).toEqual(['a2']);
    expect(lineOf(person(result, 'p-b1-sec'), 'meetings').records.ids).toEqual(['m1']);
    const member = result.people.find((p) => p.id === 'p-b1-m');
    expect(member?.lines.some((l) => l.indicator === 'talks') ?? false).toBe(false);
  });

  it('records kept for accountability: approved, dated from the period start to asOf, or raised before and due in the period', () => {
    // with an accountability section, 'prompt-remedy' records are kept (a default circumstance type); asOf 30 June
    const rules: RuleSetInput = {
      ...topicRules(),
      accountability: { rules: [{ id: 'inc', title: 'inc', trigger: { type: 'incident', recordTypes: ['incident'] }, reach: [{ to: 'team' }] }] },
    };
    const session = openAssessment({ graph: graphInput(), rules, asOf: '2022-06-30' });
    const remedy = (id: string, date: string, due?: string) => rec(id, 'prompt-remedy', 'b1', date, due ? { due } : {});
    for (const r of [
      remedy('in', '2022-03-01'),
      remedy('on-start', '2022-01-01'),
      remedy('on-asof', '2022-06-30'),
      remedy('after-asof', '2022-07-05'),
      remedy('before', '2021-12-01'),
      remedy('due-in', '2021-12-01', '2022-03-01'),
      remedy('due-on-start', '2021-12-01', '2022-01-01'),
      remedy('due-on-end', '2021-12-01', '2022-12-31'),
      remedy('due-after', '2021-12-01', '2023-01-10'),
      remedy('due-before', '2021-06-01', '2021-12-01'),
      remedy('late-due-in', '2022-07-05', '2022-08-01'),
      rec('pending', 'prompt-remedy', 'b1', '2022-03-01', { status: 'pending' }),
    ]) session.add(r);
    const kept = session.snapshot().retained.map((r) => r.id).sort();
    expect(kept).toEqual(['due-in', 'due-on-end', 'due-on-start', 'in', 'on-asof', 'on-start']);
  });

  it("an organization's indicator files each record under its own organization, whoever the record names", () => {
    // t1 (b1) and t2 (b2) name the same person; t3 (b1) names nobody: b1 gets t1 and t3, b2 gets t2.
    // (`by: 'person'` on an organization's indicator, which this once read, is now refused: it had no effect.)
    const rules = ruleSet([ind({ id: 'topics', points: 4, measure: { type: 'count', recordTypes: ['topic'], atLeast: 1 }, scoring: { method: 'deduct', perShortfall: 1 } })]);
    const result = run(rules, [
      rec('t1', 'topic', 'b1', '2022-03-01', { person: 'p-tm1' }),
      rec('t2', 'topic', 'b2', '2022-03-02', { person: 'p-tm1' }),
      rec('t3', 'topic', 'b1', '2022-03-03'),
    ]);
    expect(lineOf(org(result, 'b1'), 'topics').records.ids).toEqual(['t1', 't3']);
    expect(lineOf(org(result, 'b2'), 'topics').records.ids).toEqual(['t2']);
  });

  it("a line merged in from a partial state takes a later conflict out of its measure's count too", () => {
    // shard A: ok1 on b1; then, after absorbing it, r1 in two versions on the same line: only ok1 counts (value 1)
    const a = openAssessment({ graph: graphInput(), rules: topicRules() });
    a.add(rec('ok1', 'topic', 'b1', '2022-03-01'));
    const b = openAssessment({ graph: graphInput(), rules: topicRules() });
    b.absorb(JSON.parse(JSON.stringify(a.snapshot())));
    b.add(rec('r1', 'topic', 'b1', '2022-03-02'));
    b.add(rec('r1', 'topic', 'b1', '2022-03-03'));
    const b1 = b.finish().result.organizations.find((s) => s.id === 'b1');
    expect(b1 && lineOf(b1, 'topics')).toMatchObject({ value: 1, records: { counted: 1, ids: ['ok1'] } });
  });

  it('a conflicting veto record on an indicator without a measure is withdrawn: no veto', () => {
    // k1 in two versions: neither fires the veto of 'v' (an indicator with a veto and no measure)
    const rules = ruleSet([ind({ id: 'v', veto: { recordTypes: ['case'] } })]);
    const result = run(rules, [rec('k1', 'case', 'b1', '2022-03-01'), rec('k1', 'case', 'b1', '2022-03-02')]);
    expect(result.evidence).toMatchObject({ conflicts: 1 });
    expect(lineOf(org(result, 'b1'), 'v')).toMatchObject({ veto: false, records: { vetoIds: [] } });
  });
});
