// Behaviour of src/engine/partial.ts, src/engine/partial-codec.ts and src/engine/assess.ts that a
// mutation run over those three files (see TESTING.md) left Survived or NoCoverage and that, on
// review, no existing test pinned down. The contract of a partial state (docs/scale.md): records
// split into shards, each shard's snapshot absorbed into a fresh session, give the one-pass result
// byte for byte, whatever the split and the merge order; equal states give equal JSON. Expected
// values beside the invariants are worked out by hand from the inputs; the small graph and the
// record helpers are those of tests/engine/assess/helpers.ts.
//
// Every scenario is built and run inside its `it`, not in a describe body: Stryker switches a
// mutant on in a beforeAll hook, after the describe bodies have run, and counts coverage per test.
import { describe, expect, it } from 'vitest';
import { decodeState, encodeState, recordToInput } from '../../src/engine/partial-codec.js';
import { normalizeRecord } from '../../src/evidence/normalize.js';
import { openAssessment, type AssessmentResult, type PartialState, type RuleSetInput } from '../../src/index.js';
import { graphInput, ind, manualIndicator, manualScore, monthly, org, prec, rec, ruleSet, thrown } from '../engine/assess/helpers.js';

/** The result of one session fed every record. */
function onePass(rules: RuleSetInput, records: readonly unknown[]): string {
  const session = openAssessment({ graph: graphInput(), rules });
  for (const r of records) session.add(r);
  return JSON.stringify(session.finish().result);
}

/** A shard's partial state, through JSON as it would travel between machines. */
function shard(rules: RuleSetInput, records: readonly unknown[]): PartialState {
  const session = openAssessment({ graph: graphInput(), rules });
  for (const r of records) session.add(r);
  return JSON.parse(JSON.stringify(session.snapshot())) as PartialState;
}

/** The result of a fresh session that absorbed the partial states in order. */
function merged(rules: RuleSetInput, partials: readonly PartialState[]): string {
  const session = openAssessment({ graph: graphInput(), rules });
  for (const p of partials) session.absorb(p);
  return JSON.stringify(session.finish().result);
}

/** Checks every split of `records` into two shards by the given cuts, in both merge orders, against one pass. */
function expectSplitsMatchOnePass(rules: RuleSetInput, records: readonly unknown[], cuts: readonly ((i: number) => boolean)[]): string {
  const reference = onePass(rules, records);
  for (const inFirst of cuts) {
    const a = shard(rules, records.filter((_, i) => inFirst(i)));
    const b = shard(rules, records.filter((_, i) => !inFirst(i)));
    expect(merged(rules, [a, b])).toBe(reference);
    expect(merged(rules, [b, a])).toBe(reference);
  }
  return reference;
}

const COUNT_RULES = (): RuleSetInput =>
  ruleSet([
    ind({ id: 'meet', points: 10, measure: { type: 'count', recordTypes: ['meeting'], atLeast: 2 }, scoring: { method: 'proportional' } }),
    ind({ id: 'talk', points: 10, measure: { type: 'count', recordTypes: ['talk'], atLeast: 1 }, scoring: { method: 'proportional' } }),
  ]);

describe('partial.ts: snapshotAccumulation', () => {
  it('an empty session writes empty lists and zero counts', () => {
    const snapshot = openAssessment({ graph: graphInput(), rules: COUNT_RULES() }).snapshot();
    expect(snapshot).toEqual({
      format: 'zerenzhi-partial/2',
      engine: snapshot.engine,
      basis: snapshot.basis,
      occurrences: 0,
      versions: [],
      lines: [],
      business: [],
      retained: [],
      issues: [],
      issueCount: 0,
      skipped: 0,
      overLimit: 0,
    });
  });

  it('the same records added in any order give the same JSON, with every list in id order', () => {
    const records = [
      rec('m-3', 'meeting', 'b2', '2022-03-10'),
      rec('m-1', 'meeting', 'b1', '2022-01-10'),
      rec('t-2', 'talk', 'b2', '2022-02-10'),
      rec('m-2', 'meeting', 'b1', '2022-02-10'),
      rec('t-1', 'talk', 'b1', '2022-01-10'),
      // two versions of c-1: a conflict with two digests
      rec('c-1', 'meeting', 'b1', '2022-04-10'),
      rec('c-1', 'meeting', 'b1', '2022-05-10'),
    ];
    const snap = (items: readonly unknown[]): string => {
      const session = openAssessment({ graph: graphInput(), rules: COUNT_RULES() });
      for (const r of items) session.add(r);
      // everything in id order, a measure's own state (a count's set of ids) included
      return JSON.stringify(session.snapshot());
    };
    const forward = snap(records);
    expect(snap([...records].reverse())).toBe(forward);
    expect(snap([records[4], records[6], records[0], records[2], records[5], records[1], records[3]])).toBe(forward);
    const state = JSON.parse(forward) as PartialState;
    expect(state.versions.map(([id]) => id)).toEqual(['c-1', 'm-1', 'm-2', 'm-3', 't-1', 't-2']);
    const digests = state.versions[0]?.[1] as string[];
    expect(digests).toHaveLength(2);
    expect(digests).toEqual([...digests].sort());
    expect(state.lines.map(([type, subject, indicator]) => `${type} ${subject} ${indicator}`)).toEqual(['o b1 meet', 'o b1 talk', 'o b2 meet', 'o b2 talk']);
    // b1's meeting line saw m-1, m-2 and c-1 (c-1 withdrawn as a conflict): m-1 and m-2, in order
    expect(state.lines[0]?.[3].s).toEqual(['m-1', 'm-2']);
  });

  it('a line of many records lists them in id order, however they came', () => {
    // 40 ids m-00…m-39 added in the order 0, 17, 34, 11, … (17 × i mod 40): longer than the
    // runs a sort handles by insertion alone
    const ids = Array.from({ length: 40 }, (_, i) => `m-${String(i).padStart(2, '0')}`);
    const session = openAssessment({ graph: graphInput(), rules: COUNT_RULES() });
    for (let i = 0; i < 40; i++) session.add(rec(ids[(17 * i) % 40] as string, 'meeting', 'b1', '2022-03-10'));
    const [line] = session.snapshot().lines;
    expect(line?.[3].s).toEqual(ids);
    expect(line?.[3].c).toEqual(ids);
  });

  it('records of an unused type, of unknown subjects and with unknown references merge into the one-pass warnings', () => {
    const records = [
      rec('u-1', 'lecture', 'b1', '2022-01-10'),
      rec('u-2', 'lecture', 'b2', '2022-02-10'),
      rec('u-3', 'parade', 'b1', '2022-03-10'),
      rec('x-1', 'meeting', 'ghost-org', '2022-01-10'),
      prec('x-2', 'talk', 'p-ghost', '2022-01-10'),
      rec('x-3', 'meeting', 'b1', '2022-02-10', { person: 'p-nobody' }),
      rec('x-4', 'meeting', 'b2', '2022-02-10', { person: 'p-nobody' }),
      rec('m-1', 'meeting', 'b1', '2022-03-10'),
    ];
    const reference = expectSplitsMatchOnePass(COUNT_RULES(), records, [(i) => i % 2 === 0, (i) => i < 3, (i) => i === 5]);
    const warnings = (JSON.parse(reference) as AssessmentResult).warnings.map((w) => [w.code, w.params]);
    // lecture twice, parade once; ghost-org, p-ghost once each; p-nobody twice (both are unknown references)
    expect(warnings).toEqual(
      expect.arrayContaining([
        ['warning-unused-record-type', { type: 'lecture', count: 2 }],
        ['warning-unused-record-type', { type: 'parade', count: 1 }],
        ['warning-unknown-subject', { id: 'ghost-org', count: 1 }],
        ['warning-unknown-subject', { id: 'p-ghost', count: 1 }],
        ['warning-unknown-subject', { id: 'p-nobody', count: 2 }],
        ['warning-unknown-reference', { count: 2 }],
      ]),
    );
  });

  it('business scores of one subject from two shards are all kept', () => {
    const rules = ruleSet([manualIndicator('score', 100)], { composite: { partyWeight: 0.5, businessWeight: 0.5 } });
    const business = (id: string, score: number) => rec(id, 'business-score', 'b1', '2022-12-28', { attributes: { score } });
    const records = [manualScore('s-b1', { organization: 'b1' }, 'score', 80), business('bs-1', 60), business('bs-2', 100)];
    const reference = expectSplitsMatchOnePass(rules, records, [(i) => i === 1, (i) => i !== 2]);
    // business: (60 + 100) / 2 = 80; combined: 0.5 × 80 + 0.5 × 80 = 80
    expect(org(JSON.parse(reference) as AssessmentResult, 'b1')).toMatchObject({ total: 80, composite: { business: 80, value: 80 } });
  });

  it('a line whose shard both counted and refused records (window) merges into the one-pass line', () => {
    const rules = ruleSet([
      ind({ id: 'lec', points: 10, measure: { type: 'window', recordTypes: ['lecture'], from: '2022-06-01', to: '2022-06-30' }, scoring: { method: 'proportional' } }),
    ]);
    // b1: one lecture in June (counted), two outside (refused); b2: one outside only
    const records = [
      rec('l-1', 'lecture', 'b1', '2022-06-10'),
      rec('l-2', 'lecture', 'b1', '2022-03-10'),
      rec('l-3', 'lecture', 'b1', '2022-09-10'),
      rec('l-4', 'lecture', 'b2', '2022-08-10'),
    ];
    const reference = expectSplitsMatchOnePass(rules, records, [(i) => i < 2, (i) => i === 3, () => true]);
    const one = JSON.parse(reference) as AssessmentResult;
    // b1: 3 reported, l-1 counted; b2: 1 reported, none counted
    expect(org(one, 'b1').lines[0]?.records).toMatchObject({ reported: 3, counted: 1, ids: ['l-1'] });
    expect(org(one, 'b2').lines[0]?.records).toMatchObject({ reported: 1, counted: 0, ids: [] });
  });

  it('monthly meetings split by month parity give the one-pass result', () => {
    const records = [...monthly('m', 'meeting', 'b1', [1, 2, 3, 4]), ...monthly('n', 'meeting', 'b2', [5])];
    expectSplitsMatchOnePass(COUNT_RULES(), records, [(i) => i % 2 === 1]);
  });
});

describe('partial-codec.ts', () => {
  const writable = (value: unknown) => ({ value, enumerable: true, writable: true, configurable: true });

  it('null and undefined are written as null', () => {
    expect(encodeState(null)).toBeNull();
    expect(encodeState(undefined)).toBeNull();
    expect(encodeState({ a: undefined })).toEqual({ $o: [['a', null]] });
  });

  it('arrays are written and read back as arrays', () => {
    expect(encodeState([1, 'a', [true]])).toEqual([1, 'a', [true]]);
    expect(decodeState([1, 'a', [true]])).toEqual([1, 'a', [true]]);
    const back = decodeState(encodeState({ list: [2, 3] })) as { list: unknown };
    expect(Array.isArray(back.list)).toBe(true);
  });

  it('a function cannot be encoded', () => {
    expect(() => encodeState(() => 1)).toThrow(new TypeError('zerenzhi: cannot encode a function in a partial state'));
  });

  it('a decoded object has ordinary own properties, __proto__ included', () => {
    const out = decodeState({ $o: [['k', 1], ['__proto__', 2]] }) as object;
    expect(Object.getOwnPropertyDescriptor(out, 'k')).toEqual(writable(1));
    expect(Object.getOwnPropertyDescriptor(out, '__proto__')).toEqual(writable(2));
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
  });

  it('a record written back has every attribute as an ordinary own property, lists copied', () => {
    const normalized = normalizeRecord({ id: 'r1', type: 'meeting', organization: 'b1', date: '2022-03-10', attributes: { topic: 'x', tags: ['a', 'b'] } });
    if (!normalized.ok) throw new Error('the record should be valid');
    const input = recordToInput(normalized.record);
    expect(JSON.stringify(input.attributes)).toBe('{"topic":"x","tags":["a","b"]}');
    const attributes = input.attributes as object;
    expect(Object.getOwnPropertyDescriptor(attributes, 'topic')).toEqual(writable('x'));
    expect(Object.getOwnPropertyDescriptor(attributes, 'tags')).toEqual(writable(['a', 'b']));
    expect((attributes as { tags: unknown }).tags).not.toBe(normalized.record.attributes.get('tags'));
  });
});

describe('assess.ts: openAssessment', () => {
  const bad = (i: number) => ({ id: `bad-${i}`, type: 'meeting', organization: 'b1', date: 'not-a-date' });

  it('in English, a graph or a rule set given as input (not parsed yet) is refused in English', () => {
    // a post naming an organization that is not in the graph; a rule set with no title
    const graph = { ...graphInput(), posts: [...graphInput().posts, { person: 'p-sec', organization: 'nowhere', role: 'team-member' }] };
    const badGraph = thrown(() => openAssessment({ graph, rules: COUNT_RULES(), lang: 'en' }));
    expect(badGraph.subject).toBe('graph');
    expect(badGraph.issues.map((i) => [i.code, i.message])).toContainEqual(['missing-organization', 'organization "nowhere" does not exist']);
    const { title: _title, ...untitled } = COUNT_RULES() as RuleSetInput & { title: string };
    const badRules = thrown(() => openAssessment({ graph: graphInput(), rules: untitled, lang: 'en' }));
    expect(badRules.subject).toBe('rules');
    expect(badRules.issues.map((i) => [i.code, i.message])).toEqual([['required', 'required field "title" is missing']]);
  });

  it('a Chinese run keeps the Chinese title of a rule set that has an English one; organizations get no verdict', () => {
    const session = openAssessment({ graph: graphInput(), rules: { ...COUNT_RULES(), title: '年度考核', titleEn: 'annual assessment' } });
    const { result } = session.finish();
    expect(result.ruleSet.title).toBe('年度考核');
    expect(result.organizations.length).toBeGreaterThan(0);
    for (const o of result.organizations) expect('verdict' in o).toBe(false);
    for (const p of result.people) expect('verdict' in p).toBe(true);
    // in English, a rule set with no English title keeps its Chinese one
    const english = openAssessment({ graph: graphInput(), rules: { ...COUNT_RULES(), title: '年度考核' }, lang: 'en' }).finish().result;
    expect(english.ruleSet.title).toBe('年度考核');
  });

  it('a record added without a line number gets an issue without one (no line key at all)', () => {
    const session = openAssessment({ graph: graphInput(), rules: COUNT_RULES() });
    session.add(bad(0));
    const [issue] = session.snapshot().issues;
    expect(issue?.code).toBe('invalid-date');
    expect(Object.keys(issue ?? {})).not.toContain('line');
  });

  it('a graph that is null, or an input with a key named index, is refused as input, never taken for a parsed graph', () => {
    // null: typeof 'object' but no graph (isGraph must not read its fields)
    const none = thrown(() => openAssessment({ graph: null as never, rules: COUNT_RULES() }));
    expect(none.subject).toBe('graph');
    // undefined: no graph given at all, which is a required option left out
    const missing = thrown(() => openAssessment({ graph: undefined as never, rules: COUNT_RULES() }));
    expect([missing.subject, missing.issues.map((i) => [i.code, i.path])]).toEqual(['options', [['required', ['graph']]]]);
    // a plain input that happens to have an `index` key: an unknown key of the input, not a Graph
    const withIndex = thrown(() => openAssessment({ graph: { ...graphInput(), index: {} } as never, rules: COUNT_RULES(), lang: 'en' }));
    expect(withIndex.subject).toBe('graph');
    expect(withIndex.issues.map((i) => [i.code, i.path])).toEqual([['unknown-field', ['index']]]);
  });

  it('a snapshot writes an effect without a key as { counter } alone', () => {
    const session = openAssessment({ graph: graphInput(), rules: COUNT_RULES() });
    session.add(rec('m1', 'meeting', 'b1', '2022-03-01'));
    // dated before the period: counted as out of period, an effect that carries no key
    session.add(rec('m2', 'meeting', 'b1', '2021-12-01'));
    const effects = session.snapshot().versions.map(([, , effect]) => effect);
    expect(effects).toEqual([{ counter: null }, { counter: 'outOfPeriod' }]);
    for (const effect of effects) expect(Object.keys(effect)).toEqual(['counter']);
  });

  it('an unreadable asOf is refused with the value it was given', () => {
    const error = thrown(() => openAssessment({ graph: graphInput(), rules: COUNT_RULES(), asOf: '2022-13-45' }));
    expect(error.subject).toBe('options');
    expect(error.issues.map((i) => [i.code, i.path, i.params])).toEqual([['invalid-date', ['asOf'], { value: '2022-13-45' }]]);
  });

  it('a partial of another asOf is refused naming its basis; what is not an object at all, as not one', () => {
    const other = openAssessment({ graph: graphInput(), rules: COUNT_RULES(), asOf: '2022-06-30' }).snapshot();
    const session = openAssessment({ graph: graphInput(), rules: COUNT_RULES() });
    const mismatch = thrown(() => session.absorb(other));
    expect(mismatch.subject).toBe('partial');
    expect(mismatch.issues.map((i) => [i.code, i.path, i.params])).toEqual([['partial-mismatch', [], { basis: other.basis }]]);
    for (const [value, received] of [[null, 'null'], ['x', 'string'], [[other], 'array'], [7, 'number']] as const) {
      const notPartial = thrown(() => session.absorb(value as unknown as PartialState));
      expect(notPartial.subject).toBe('partial');
      expect(notPartial.issues.map((i) => [i.code, i.path, i.params])).toEqual([['invalid-type', ['partial'], { expected: 'object', received }]]);
    }
    // an object that is no partial state (a graph given by mistake): said as such
    const notState = thrown(() => session.absorb({} as unknown as PartialState));
    expect(notState.issues.map((i) => [i.code, i.path, i.params, i.message])).toEqual([
      ['partial-not-state', ['partial', 'format'], {}, '这不是 zerenzhi 的部分状态（没有 format 字段，应为 zerenzhi-partial/…）：只能合并会话的 snapshot() 或 assess --snapshot 写出的部分状态'],
    ]);
    const graphGiven = thrown(() => session.absorb({ format: 'graph' } as unknown as PartialState));
    expect(graphGiven.issues[0]?.message).toBe('这不是 zerenzhi 的部分状态（format 为「graph」，应为 zerenzhi-partial/…）：只能合并会话的 snapshot() 或 assess --snapshot 写出的部分状态');
    expect(thrown(() => session.absorb({ format: 2 } as unknown as PartialState)).inLanguage('en').issues[0]?.message).toBe(
      'this is not a zerenzhi partial state (its format is "number", not zerenzhi-partial/…): only what a session\'s snapshot() or assess --snapshot writes can be merged',
    );
    const wrongFormat = thrown(() => session.absorb({ ...other, format: 'zerenzhi-partial/0' } as unknown as PartialState));
    expect(wrongFormat.issues.map((i) => i.code)).toEqual(['partial-format']);
    // this engine's format without a basis: another assessment's, as far as can be told
    const noBasis = thrown(() => session.absorb({ ...other, basis: undefined } as unknown as PartialState));
    expect(noBasis.issues.map((i) => [i.code, i.params])).toEqual([['partial-mismatch', { basis: '' }]]);
  });

  it('keeps the first 10,000 problems and counts the rest, in one session and across absorbed shards', () => {
    // one session, 10,002 invalid records: 10,000 listed, then too-many-issues
    const session = openAssessment({ graph: graphInput(), rules: COUNT_RULES() });
    for (let i = 0; i < 10_002; i++) session.add(bad(i));
    const full = session.snapshot();
    expect([full.issues.length, full.issueCount, full.skipped]).toEqual([10_000, 10_002, 10_002]);
    const error = thrown(() => session.finish());
    expect(error.issues).toHaveLength(10_001);
    expect(error.issues[10_000]).toMatchObject({ code: 'too-many-issues', path: [], params: { shown: 10_000, count: 10_002 } });
    // a session with 3 problems of its own absorbs the full shard: still 10,000 kept, 10,005 counted
    const small = openAssessment({ graph: graphInput(), rules: COUNT_RULES() });
    for (let i = 0; i < 3; i++) small.add(bad(i));
    small.absorb(JSON.parse(JSON.stringify(full)) as PartialState);
    const merged = small.snapshot();
    expect([merged.issues.length, merged.issueCount, merged.skipped]).toEqual([10_000, 10_005, 10_005]);
    // the first three kept are the session's own (records 0–2 of its input)
    expect(merged.issues.slice(0, 3).map((i) => i.path.slice(0, 2))).toEqual([['records', 0], ['records', 1], ['records', 2]]);
  });

  it('skipped records and records past the cap in absorbed shards count in the merged session', () => {
    const skipRules = COUNT_RULES();
    const a = openAssessment({ graph: graphInput(), rules: skipRules, invalidRecords: 'skip' });
    a.add(bad(1));
    a.add(bad(2));
    const total = openAssessment({ graph: graphInput(), rules: skipRules, invalidRecords: 'skip' });
    total.add(bad(3));
    total.absorb(a.snapshot());
    const onePassSession = openAssessment({ graph: graphInput(), rules: skipRules, invalidRecords: 'skip' });
    for (const i of [3, 1, 2]) onePassSession.add(bad(i));
    const reference = onePassSession.finish().result;
    expect(total.finish().result.warnings).toEqual(reference.warnings);
    expect(reference.warnings.map((w) => [w.code, w.params])).toEqual([['warning-invalid-records', { count: 3 }]]);
    // a shard capped at one record that was given two: the merged session stops like the shard
    const capped = openAssessment({ graph: graphInput(), rules: skipRules, maxRecords: 1 });
    capped.add(rec('m-1', 'meeting', 'b1', '2022-01-10'));
    expect(capped.add(rec('m-2', 'meeting', 'b1', '2022-02-10'))).toBe(false);
    const receiver = openAssessment({ graph: graphInput(), rules: skipRules });
    receiver.absorb(capped.snapshot());
    const limit = thrown(() => receiver.finish());
    expect(limit.subject).toBe('records');
    // the shard's cap, not the receiver's, was passed: named as the partial state's
    expect(limit.issues.map((i) => i.code)).toEqual(['partial-over-limit']);
  });

  it('the rule set title is the English one only in English', () => {
    const rules: RuleSetInput = { ...COUNT_RULES(), title: '测试细则', titleEn: 'Test rules' };
    const title = (lang: 'zh' | 'en') => openAssessment({ graph: graphInput(), rules, lang }).finish().result.ruleSet.title;
    expect(title('zh')).toBe('测试细则');
    expect(title('en')).toBe('Test rules');
  });

  it('a previous result changes the fingerprint', () => {
    const first = openAssessment({ graph: graphInput(), rules: COUNT_RULES() }).finish().result;
    const again = openAssessment({ graph: graphInput(), rules: COUNT_RULES() }).finish().result;
    // Labelled the year before's: a previous result must be of an earlier period.
    const lastYear = (r: typeof first): typeof first => ({ ...r, period: { ...r.period, start: '2021-01-01', end: '2021-12-31', label: '2021年度' } });
    const withPrevious = openAssessment({ graph: graphInput(), rules: COUNT_RULES(), previous: lastYear(first) }).finish().result;
    expect(again.fingerprint).toBe(first.fingerprint);
    expect(withPrevious.fingerprint).not.toBe(first.fingerprint);
    // two different previous results give two different fingerprints
    const other = openAssessment({ graph: graphInput(), rules: COUNT_RULES(), asOf: '2022-06-30' }).finish().result;
    expect(other.fingerprint).not.toBe(first.fingerprint);
    const withOther = openAssessment({ graph: graphInput(), rules: COUNT_RULES(), previous: lastYear(other) }).finish().result;
    expect(withOther.fingerprint).not.toBe(withPrevious.fingerprint);
  });
});
