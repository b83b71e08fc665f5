// The configurable caps give clear errors, without reading what lies beyond them; large and
// deep inputs never overflow the stack, anywhere in the pipeline.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { assess, assessStream, DEFAULT_GRAPH_LIMITS, openAssessment, parseGraph, parseRuleSet, safeParseRuleSet, ValidationError, type GraphLimits } from '../../src/index.js';
import { RecordDays } from '../../src/engine/record-days.js';
import { VersionTable } from '../../src/engine/versions.js';
import { brief, cli, countInd, ind, installGuards, issueLines, keep, rec, refusal, refusalAsync, rules, smallGraph, tempFiles } from './helpers.js';

installGuards();

const tmp = tempFiles('limits');

/** Thrown by a guarded array when an element past a cap is read. */
class ReadPastCap extends Error {
  constructor(index: string) {
    super(`element ${index} was read although the array is over its cap`);
    this.name = 'ReadPastCap';
  }
}

/**
 * An array of `length` elements that throws when any element is read: a cap must be checked on
 * the length, before the elements are looked at.
 */
function unreadable(length: number): unknown[] {
  return new Proxy([] as unknown[], {
    get(target, key, receiver) {
      if (key === 'length') return length;
      if (typeof key === 'string' && /^\d+$/.test(key)) throw new ReadPastCap(key);
      return Reflect.get(target, key, receiver) as unknown;
    },
  });
}

const org = (id: string, parent?: string) => ({ id, name: id, kind: parent === undefined ? ('committee' as const) : ('branch' as const), ...(parent === undefined ? {} : { parent }) });
const person = (id: string) => ({ id, name: id, partyMember: true });

describe('parseGraph limits', () => {
  const base = {
    organizations: [org('cm'), org('b1', 'cm'), org('b2', 'cm')],
    people: [person('p1'), person('p2'), person('p3')],
    posts: [
      { person: 'p1', organization: 'cm', role: 'secretary' as const },
      { person: 'p2', organization: 'cm', role: 'team-member' as const },
      { person: 'p3', organization: 'b1', role: 'secretary' as const },
    ],
    oversight: [
      { person: 'p2', organization: 'b1' },
      { person: 'p2', organization: 'b2' },
    ],
    liaison: [{ person: 'p2', organization: 'b2' }],
  };

  it('each cap, one over: limit-exceeded at the array with the limit and the size', () => {
    const cases: [Partial<GraphLimits>, string, number, number][] = [
      [{ organizations: 2 }, 'organizations', 2, 3],
      [{ people: 2 }, 'people', 2, 3],
      [{ posts: 2 }, 'posts', 2, 3],
      [{ edges: 1 }, 'oversight', 1, 2],
    ];
    for (const [limits, field, limit, actual] of cases) {
      const error = refusal(() => parseGraph(keep(structuredClone(base)), { limits }));
      expect(brief(error.issues), field).toEqual([{ code: 'limit-exceeded', path: [field] }]);
      expect(error.issues[0]?.params).toEqual({ what: field, limit, actual });
    }
  });

  it('at each cap exactly, the graph parses', () => {
    const graph = parseGraph(keep(structuredClone(base)), { limits: { organizations: 3, people: 3, posts: 3, edges: 2 } });
    expect([graph.organizations.size, graph.people.size, graph.posts.length, graph.oversight.length, graph.liaison.length]).toEqual([3, 3, 3, 2, 1]);
  });

  it('the edge cap applies to oversight and liaison each; both over: two issues', () => {
    const error = refusal(() => parseGraph(keep(structuredClone(base)), { limits: { edges: 0 } }));
    expect(brief(error.issues)).toEqual([
      { code: 'limit-exceeded', path: ['oversight'] },
      { code: 'limit-exceeded', path: ['liaison'] },
    ]);
  });

  it('an array over a cap is refused by its length, without reading its elements', () => {
    for (const field of ['organizations', 'people', 'posts', 'oversight', 'liaison'] as const) {
      const limit = field === 'oversight' || field === 'liaison' ? 'edges' : field;
      const input = { ...structuredClone(base), [field]: unreadable(DEFAULT_GRAPH_LIMITS[limit] + 1) };
      const error = refusal(() => parseGraph(input));
      expect(brief(error.issues), field).toEqual([{ code: 'limit-exceeded', path: [field] }]);
      expect(error.issues[0]?.params['actual']).toBe(DEFAULT_GRAPH_LIMITS[limit] + 1);
    }
  });

  it('undefined means the default; a cap that is not a whole number ≥ 0 is an options error listing every one', () => {
    const input = { ...structuredClone(base), organizations: unreadable(DEFAULT_GRAPH_LIMITS.organizations + 1) };
    const error = refusal(() => parseGraph(input, { limits: { organizations: undefined as unknown as number } }));
    expect(brief(error.issues)).toEqual([{ code: 'limit-exceeded', path: ['organizations'] }]);
    const wrong = refusal(() =>
      parseGraph(input, { limits: { organizations: Number.NaN, people: -1, posts: 1.5, edges: Infinity, orgs: 3 } as unknown as Partial<GraphLimits> }),
    );
    expect(wrong.subject).toBe('options');
    expect(wrong.issues.map((i) => [i.code, i.path, i.params['received']])).toEqual([
      ['invalid-type', ['limits', 'edges'], 'Infinity'],
      ['invalid-type', ['limits', 'organizations'], 'NaN'],
      ['unknown-field', ['limits', 'orgs'], undefined],
      ['too-small', ['limits', 'people'], undefined],
      ['invalid-type', ['limits', 'posts'], '1.5'],
    ]);
    expect(refusal(() => parseGraph(input, { limits: 5 as unknown as Partial<GraphLimits> })).issues.map((i) => [i.code, i.path])).toEqual([
      ['invalid-type', ['limits']],
    ]);
    const en = refusal(() => parseGraph(base, { lang: 'en', limits: { people: -1 } }));
    expect(en.issues[0]?.message).toBe('too small: must be at least 0');
  });
});

describe('parseRuleSet maxIndicators', () => {
  const indicators = (n: number) => Array.from({ length: n }, (_, i) => countInd(`i${i}`, 't', 1, { points: 1 }));

  it('one over the option: limit-exceeded with the limit and the count; at it, the rule set parses', () => {
    const error = refusal(() => parseRuleSet(keep(rules(indicators(6))), { maxIndicators: 5 }));
    expect(brief(error.issues)).toEqual([{ code: 'limit-exceeded', path: ['indicators'] }]);
    expect(error.issues[0]?.params).toEqual({ what: 'indicators', limit: 5, actual: 6 });
    expect(parseRuleSet(keep(rules(indicators(5))), { maxIndicators: 5 }).indicators).toHaveLength(5);
  });

  it('the option can raise the default: 10,001 indicators with maxIndicators 10,001', () => {
    expect(safeParseRuleSet(rules(indicators(10_001)), { maxIndicators: 10_001 }).success).toBe(true);
  });

  it('over the cap, the indicators are not read; undefined means the default', () => {
    for (const options of [{}, { maxIndicators: undefined }]) {
      const error = refusal(() => parseRuleSet(rules(unreadable(10_001) as never), options as { maxIndicators?: number }));
      expect(brief(error.issues)).toEqual([{ code: 'limit-exceeded', path: ['indicators'] }]);
    }
  });

  it('maxIndicators NaN, negative or fractional is an options error, not the default', () => {
    for (const [value, code] of [[Number.NaN, 'invalid-type'], [-1, 'too-small'], [2.5, 'invalid-type'], ['5', 'invalid-type']] as const) {
      const error = refusal(() => parseRuleSet(rules(unreadable(10_001) as never), { maxIndicators: value as number }));
      expect([error.subject, brief(error.issues)], String(value)).toEqual(['options', [{ code, path: ['maxIndicators'] }]]);
      const safe = safeParseRuleSet(rules(indicators(1)), { maxIndicators: value as number });
      expect(safe.success).toBe(false);
    }
  });
});

describe('assess maxRecords', () => {
  const RULES = rules([countInd('day', 'theme-day')]);
  const record = (i: number) => rec(`r${i}`, 'theme-day', 'b1', '2022-03-01');

  it('one over: limit-exceeded at records, with the limit; at the cap, the run completes', () => {
    const error = refusal(() => assess({ graph: smallGraph(), rules: RULES, records: keep([record(1), record(2), record(3)]), maxRecords: 2 }));
    expect(brief(error.issues)).toEqual([{ code: 'limit-exceeded', path: ['records'] }]);
    expect(error.issues[0]?.params).toMatchObject({ what: 'records', limit: 2 });
    expect(assess({ graph: smallGraph(), rules: RULES, records: [record(1), record(2)], maxRecords: 2 }).evidence.received).toBe(2);
  });

  it('maxRecords 0: no record may come', () => {
    expect(assess({ graph: smallGraph(), rules: RULES, records: [], maxRecords: 0 }).evidence.received).toBe(0);
    expect(brief(refusal(() => assess({ graph: smallGraph(), rules: RULES, records: [record(1)], maxRecords: 0 })).issues)).toEqual([{ code: 'limit-exceeded', path: ['records'] }]);
  });

  it('stops reading the records at the cap: a long (or endless) source is not drained first', () => {
    let pulled = 0;
    function* source(): Generator<unknown> {
      for (let i = 0; i < 200_000; i++) {
        pulled++;
        yield record(i);
      }
    }
    const error = refusal(() => assess({ graph: smallGraph(), rules: RULES, records: source(), maxRecords: 10 }));
    expect(brief(error.issues)).toEqual([{ code: 'limit-exceeded', path: ['records'] }]);
    expect(pulled, 'records pulled from the source after the cap was passed').toBeLessThanOrEqual(11);
  });

  it('assessStream stops reading an async source at the cap too', async () => {
    let pulled = 0;
    async function* source(): AsyncGenerator<unknown> {
      for (let i = 0; i < 50_000; i++) {
        pulled++;
        yield record(i);
      }
    }
    const error = await refusalAsync(() => assessStream({ graph: smallGraph(), rules: RULES, records: source(), maxRecords: 10 }));
    expect(brief(error.issues)).toEqual([{ code: 'limit-exceeded', path: ['records'] }]);
    expect(pulled, 'records pulled from the source after the cap was passed').toBeLessThanOrEqual(11);
  });
});

describe("the runtime's limit on one Map or Set (2^24 entries)", () => {
  // Reaching it takes 16.7 million records (minutes and gigabytes), so V8's refusal is simulated.
  // A line keeps the records it saw in a list (RecordDays), and its pending records in a Set:
  // Set.prototype.add throws V8's RangeError for the one pending record 'r-full'. Merging looks
  // records up in an index, a Map: Map.prototype.set throws it there (withFullSet).
  const RULES = rules([countInd('day', 'theme-day')]);
  const full = rec('r-full', 'theme-day', 'b1', '2022-04-01', { status: 'pending' });
  const withFullPending = <T>(run: () => T, id = 'r-full', message = 'Set maximum size exceeded'): T => {
    const add = Set.prototype.add;
    Set.prototype.add = function (this: Set<unknown>, value: unknown) {
      if (value === id) throw new RangeError(message);
      return add.call(this, value) as Set<unknown>;
    };
    try {
      return run();
    } finally {
      Set.prototype.add = add;
    }
  };
  const withFullSet = <T>(run: () => T): T => {
    const set = Map.prototype.set;
    Map.prototype.set = function (this: Map<unknown, unknown>, key: unknown, value: unknown) {
      if (key === 'r-full') throw new RangeError('Map maximum size exceeded');
      return set.call(this, key, value) as Map<unknown, unknown>;
    };
    try {
      return run();
    } finally {
      Map.prototype.set = set;
    }
  };

  it('is a clear error at the record that passed it (collection-full, in both languages), not a crash', () => {
    const records = [rec('r1', 'theme-day', 'b1', '2022-03-01'), full];
    const error = refusal(() => withFullPending(() => assess({ graph: smallGraph(), rules: RULES, records })));
    expect(brief(error.issues)).toEqual([{ code: 'collection-full', path: ['records', 1] }]);
    expect(error.issues[0]?.message).toBe(
      '第 2 条记录超出运行环境的上限：一个考核对象的一项指标、或整个评估中不同的记录，单个进程最多容纳 16777216 条；请按地区拆分记录分别评估，或分片后合并部分状态（见 docs/scale.md）',
    );
    const en = refusal(() => withFullPending(() => assess({ graph: smallGraph(), rules: RULES, records, lang: 'en' })));
    expect(en.issues[0]?.message).toMatch(/^record 2 is past what the runtime can hold: .* at most 16777216 in one process;/);
  });

  it("so is a line's records seen reaching it (RecordDays: a list, which refuses before V8's fatal longest)", () => {
    const records = [rec('r1', 'theme-day', 'b1', '2022-03-01'), rec('r-full', 'theme-day', 'b1', '2022-04-01')];
    const limit = RecordDays.limit;
    RecordDays.limit = 1;
    let error: ValidationError;
    try {
      error = refusal(() => assess({ graph: smallGraph(), rules: RULES, records }));
    } finally {
      RecordDays.limit = limit;
    }
    expect(limit).toBe(16_777_216);
    expect(brief(error.issues)).toEqual([{ code: 'collection-full', path: ['records', 1] }]);
    expect(error.issues[0]?.params).toEqual({ record: 2, limit: 16_777_216 });
  });

  it('merging a partial state past it is a clear error too (collection-full-merge)', () => {
    const shard = openAssessment({ graph: smallGraph(), rules: RULES });
    shard.add(rec('r-full', 'theme-day', 'b1', '2022-04-01'));
    const partial = shard.snapshot();
    const session = openAssessment({ graph: smallGraph(), rules: RULES });
    const error = refusal(() => withFullSet(() => session.absorb(partial)));
    expect(brief(error.issues)).toEqual([{ code: 'collection-full-merge', path: [] }]);
    expect(error.issues[0]?.message).toBe('合并部分状态时超出运行环境的上限：一个考核对象的一项指标，单个进程最多容纳 16777216 条记录；请按地区分别评估（见 docs/scale.md）');
  });

  it('a session that failed there takes nothing more and gives no result, rather than a wrong one', () => {
    const session = openAssessment({ graph: smallGraph(), rules: RULES });
    session.add(rec('r1', 'theme-day', 'b1', '2022-03-01'));
    const first = refusal(() => withFullPending(() => session.add(full)));
    expect(brief(first.issues)).toEqual([{ code: 'collection-full', path: ['records', 1] }]);
    // The record was counted among those received but reached no line: any result would be wrong.
    const calls: [string, () => unknown][] = [
      ['finish', () => session.finish()],
      ['add', () => session.add(rec('r2', 'theme-day', 'b1', '2022-05-01'))],
      ['snapshot', () => session.snapshot()],
      ['absorb', () => session.absorb(openAssessment({ graph: smallGraph(), rules: RULES }).snapshot())],
    ];
    for (const [name, call] of calls) {
      const error = refusal(call);
      expect(brief(error.issues), name).toEqual([{ code: 'session-failed', path: [] }]);
      expect(error.issues[0]?.message, name).toBe('本次评估的会话此前已出错（collection-full），其中的状态不完整：不能再添加记录、合并部分状态或得出结果，请重新开始评估');
    }
    const en = openAssessment({ graph: smallGraph(), rules: RULES, lang: 'en' });
    refusal(() => withFullPending(() => en.add(full)));
    expect(refusal(() => en.finish()).issues[0]?.message).toBe(
      'this assessment session failed earlier (collection-full): its state is incomplete, so it takes no more records or partial states and gives no result; start the assessment again',
    );
  });

  it('so does a session whose merge failed half-way; a partial state refused before merging changes nothing', () => {
    const shard = openAssessment({ graph: smallGraph(), rules: RULES });
    shard.add(rec('r-full', 'theme-day', 'b1', '2022-04-01'));
    const partial = shard.snapshot();
    const session = openAssessment({ graph: smallGraph(), rules: RULES });
    session.add(rec('r1', 'theme-day', 'b1', '2022-03-01'));
    // Refused by the checks, before anything is merged: the session goes on.
    expect(brief(refusal(() => session.absorb({ ...partial, occurrences: -1 })).issues).map((i) => i.code)).not.toContain('session-failed');
    const before = JSON.stringify(session.finish().result);
    expect(JSON.stringify(session.finish().result)).toBe(before);
    refusal(() => withFullSet(() => session.absorb(partial)));
    expect(brief(refusal(() => session.finish()).issues)).toEqual([{ code: 'session-failed', path: [] }]);
    expect(refusal(() => session.finish()).issues[0]?.params).toEqual({ cause: 'collection-full-merge' });
  });

  it('settling merged shards past it is the same clear error, and the next call settles again', () => {
    // A record naming an organization not in the graph is tallied under that name when the merged
    // statistics are worked out again: the tally is where the limit is met here.
    const ghost = { id: 'r-g', type: 'theme-day', organization: 'ghost', date: '2022-04-01' };
    const shard = openAssessment({ graph: smallGraph(), rules: RULES });
    shard.add(ghost);
    const session = openAssessment({ graph: smallGraph(), rules: RULES });
    session.add(rec('r1', 'theme-day', 'b1', '2022-03-01'));
    session.absorb(shard.snapshot());
    const set = Map.prototype.set;
    Map.prototype.set = function (this: Map<unknown, unknown>, key: unknown, value: unknown) {
      if (key === 'ghost') throw new RangeError('Map maximum size exceeded');
      return set.call(this, key, value) as Map<unknown, unknown>;
    };
    let error: ValidationError;
    try {
      error = refusal(() => session.finish());
    } finally {
      Map.prototype.set = set;
    }
    expect(brief(error.issues)).toEqual([{ code: 'collection-full-merge', path: [] }]);
    // Settling starts from scratch, so nothing was left half-done: the same result as one pass.
    const once = openAssessment({ graph: smallGraph(), rules: RULES });
    once.add(rec('r1', 'theme-day', 'b1', '2022-03-01'));
    once.add(ghost);
    expect(JSON.stringify(session.finish().result)).toBe(JSON.stringify(once.finish().result));
  });

  it('other errors inside the pass are not dressed up as this one', () => {
    const odd = rec('r-odd', 'theme-day', 'b1', '2022-03-01', { status: 'pending' });
    expect(() => withFullPending(() => assess({ graph: smallGraph(), rules: RULES, records: [odd] }), 'r-odd', 'something else')).toThrow('something else');
  });

  it("so is the version table's limit on distinct records (2^29: eight words a digest fill V8's longest typed array)", () => {
    const limit = VersionTable.limit;
    VersionTable.limit = 1;
    let error: ValidationError;
    try {
      error = refusal(() => assess({ graph: smallGraph(), rules: RULES, records: [rec('r1', 'theme-day', 'b1', '2022-03-01'), rec('r2', 'theme-day', 'b1', '2022-03-02')] }));
    } finally {
      VersionTable.limit = limit;
    }
    expect(limit).toBe(536_870_912);
    expect(brief(error.issues)).toEqual([{ code: 'collection-full', path: ['records', 1] }]);
    expect(error.issues[0]?.params).toEqual({ record: 2, limit: 536_870_912 });
  });
});

describe('a 10,000-level hierarchy through the whole assessment', () => {
  const script = fileURLToPath(new URL('./isolated/deep-chain.ts', import.meta.url));
  const root = fileURLToPath(new URL('../../', import.meta.url));

  // In a child process, so that a run that takes too long is stopped instead of holding the suite.
  function runDeep(args: string[], timeoutMs: number): { ok?: boolean; [key: string]: unknown } {
    const child = spawnSync(process.execPath, ['--import', 'tsx', script, ...args], { cwd: root, encoding: 'utf8', timeout: timeoutMs, maxBuffer: 1 << 20 });
    if (child.error) return { ok: false, name: 'timeout', message: `did not finish within ${timeoutMs / 1000} s (${child.error.message})` };
    const line = child.stdout.trim().split('\n').at(-1) ?? '';
    return line.startsWith('{') ? (JSON.parse(line) as { ok?: boolean }) : { ok: false, name: 'crash', message: child.stderr.slice(0, 500) };
  }

  it('subtree-scoped counts for organizations and for a person read by organization: no overflow, exact points', () => {
    const outcome = runDeep(['10000', 'count-only'], 30_000);
    expect(outcome).toMatchObject({
      ok: true,
      organizations: 10_000,
      countPoints: [10],
      bottom: [{ c: 10 }, { c: 10 }, { c: 10 }],
      root: { c: 10 },
      person: [['p-top', 100]],
    });
  }, 40_000);

  it('with a subtree roll-up as well: finishes within 15 s, exact points at the bottom', () => {
    // Bottom up: the deepest has nothing below (roll-up 0 of 10; share 10/20); the next reads
    // that share, 0.5 → 5 points (share 15/20); the next the mean of 0.75 and 0.5 → 6.25.
    const outcome = runDeep(['10000'], 15_000);
    expect(outcome).toMatchObject({
      ok: true,
      organizations: 10_000,
      countPoints: [10],
      bottom: [
        { c: 10, ru: 0 },
        { c: 10, ru: 5 },
        { c: 10, ru: 6.25 },
      ],
      person: [['p-top', 100]],
    });
    const rootPoints = (outcome['root'] as Record<string, number> | undefined)?.['ru'];
    expect(Number.isFinite(rootPoints) && (rootPoints as number) >= 0 && (rootPoints as number) <= 10).toBe(true);
  }, 25_000);
});

describe('large inputs never overflow the stack', () => {
  it('a roll-up over a committee with 150,000 branches below it', () => {
    const organizations = [org('cm'), ...Array.from({ length: 150_000 }, (_, i) => org(`b${i}`, 'cm'))];
    const input = rules([
      countInd('c', 'x'),
      ind({ id: 'children', appliesTo: { organizations: ['committee'] }, measure: { type: 'roll-up', from: [{ source: 'children', weight: 1 }] } }),
      ind({ id: 'subtree', appliesTo: { organizations: ['committee'] }, measure: { type: 'roll-up', from: [{ source: 'subtree', weight: 1 }] } }),
    ]);
    const result = assess({ graph: { organizations, people: [], posts: [] }, rules: input, records: [rec('r1', 'x', 'b0')] });
    const committee = result.organizations.find((o) => o.id === 'cm');
    // One branch of 150,000 has its record: the mean share is 1/150,000.
    expect(committee?.lines.map((l) => [l.indicator, l.value])).toEqual([
      ['children', 0.000006667],
      ['subtree', 0.000006667],
    ]);
  }, 60_000);

  it('a self roll-up naming one indicator 150,000 times: parsed (every reference is known), never a crash', () => {
    const input = rules([countInd('a', 'x'), ind({ id: 'ru', measure: { type: 'roll-up', from: [{ source: 'self', weight: 1, of: Array.from({ length: 150_000 }, () => 'a') }] } })]);
    let outcome: string;
    try {
      const result = safeParseRuleSet(input);
      outcome = result.success ? 'parsed' : [...new Set(result.error.issues.map((i) => i.code))].join(',');
    } catch (error) {
      outcome = `threw ${(error as Error).name}: ${(error as Error).message}`;
    }
    expect(outcome).toBe('parsed');
  });

  it('CLI validate: a graph with 150,000 problems lists them (exit 1), no internal error', async () => {
    const organizations = Array.from({ length: 150_000 }, (_, i) => ({ id: `o${i}`, name: `o${i}`, kind: 'bogus' }));
    const file = tmp.file('many-problems.json', JSON.stringify({ organizations, people: [], posts: [] }));
    const run = await cli(['validate', file]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    const lines = issueLines(run.stdout);
    expect(lines[0]).toBe(`${file}:1 organizations[0].kind [unknown-kind]`);
    expect(lines.length).toBeGreaterThanOrEqual(10_000);
  }, 60_000);

  it('CLI chain --mermaid of a graph with 150,000 organizations: a chart, no internal error', async () => {
    const organizations = [org('cm'), ...Array.from({ length: 150_000 }, (_, i) => org(`b${i}`, 'cm'))];
    const file = tmp.file('wide.json', JSON.stringify({ organizations, people: [], posts: [] }));
    const run = await cli(['chain', '--graph', file, '--mermaid']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n')[0]).toMatch(/^flowchart/);
  }, 60_000);
});
