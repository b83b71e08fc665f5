// A corpus of bad (and strange but valid) inputs through every entry point: graph, rule set,
// records as objects, NDJSON, JSON and CSV, decisions, and the command line. Each case states the
// exact issue codes and paths (and lines, for file input) or, for valid input, the exact result.
// After every case the built-in prototypes and the inputs must be as they were (installGuards).
//
// Fixture files are in ./corpus; the BOM and CRLF variants are written to a temporary directory
// at run time from the same text, so that line numbers are checked for every line ending.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  applyDecisions,
  assess,
  normalizeRecord,
  parseGraph,
  parseRuleSet,
  readCsvSync,
  readJsonArray,
  readNdjsonSync,
  readRecordsFile,
  safeParseGraph,
  safeParseRuleSet,
  toGraphInput,
  type AssessmentResult,
  type Decision,
  type GraphInput,
  type ReaderItem,
  type RuleSetInput,
  type SubjectResult,
} from '../../src/index.js';
import {
  bomCrlf,
  brief,
  cli,
  countInd,
  ind,
  installGuards,
  issueLines,
  json,
  keep,
  rec,
  refusal,
  refusalAsync,
  rules,
  smallGraph,
  tempFiles,
  type IssueBrief,
} from './helpers.js';

installGuards();

const corpusFile = (name: string): string => fileURLToPath(new URL(`./corpus/${name}`, import.meta.url));
const corpusText = (name: string): string => readFileSync(corpusFile(name), 'utf8');
const tmp = tempFiles('corpus');

const DAY_RULES = rules([countInd('day', 'theme-day')]);

function org(result: { organizations: readonly SubjectResult[] }, id: string): SubjectResult {
  const found = result.organizations.find((s) => s.id === id);
  if (!found) throw new Error(`no organization ${id}`);
  return found;
}

function lineOf(subject: SubjectResult, indicator: string) {
  const found = subject.lines.find((l) => l.indicator === indicator);
  if (!found) throw new Error(`no line ${indicator} on ${subject.id}`);
  return found;
}

/** Issues of a graph that must be refused. */
function graphIssues(input: unknown): IssueBrief[] {
  keep(input, 'graph');
  return brief(refusal(() => parseGraph(input)).issues);
}

/** Issues of a rule set that must be refused. */
function ruleIssues(input: unknown): IssueBrief[] {
  keep(input, 'rules');
  return brief(refusal(() => parseRuleSet(input)).issues);
}

/** Issues of records that must be refused by assess on the small graph. */
function recordIssues(records: unknown[], rulesInput: RuleSetInput = DAY_RULES): IssueBrief[] {
  keep(records, 'records');
  return brief(refusal(() => assess({ graph: smallGraph(), rules: rulesInput, records })).issues);
}

/**
 * For a number the schema accepts but arithmetic may not survive (1e308): either a clear refusal
 * naming the field, or the exact result. Never Infinity, NaN or null in the output.
 */
function refusedAtOrExact(call: () => AssessmentResult, paths: readonly (string | number)[][], exact: (result: AssessmentResult) => void): void {
  let result: AssessmentResult;
  try {
    result = call();
  } catch (error) {
    const issues = brief(refusal(() => {
      throw error;
    }).issues);
    expect(issues.map((i) => i.path)).toEqual(paths);
    for (const issue of issues) expect(['too-big', 'limit-exceeded']).toContain(issue.code);
    return;
  }
  for (const subject of [...result.organizations, ...result.people]) {
    const numbers = [subject.score, subject.max, subject.scaled, subject.bonus, subject.total, ...subject.lines.flatMap((l) => [l.points, l.max, l.value, l.ratio, l.bonus])];
    expect(numbers.every(Number.isFinite), `${subject.id}: a number in the result is not finite: ${numbers.join(', ')}`).toBe(true);
  }
  exact(result);
}

// -------------------------------------------------------------------------------------------
describe('graph', () => {
  it('G01 a value of the wrong type for each top-level array, all reported', () => {
    expect(graphIssues({ organizations: {}, people: 'people', posts: null })).toEqual([
      { code: 'invalid-type', path: ['organizations'] },
      { code: 'invalid-type', path: ['people'] },
      { code: 'invalid-type', path: ['posts'] },
    ]);
  });

  it('G02 fields of the wrong type: a number id, a string flag, a NaN name, an object parent', () => {
    const input = {
      organizations: [
        { id: 1, name: '甲', kind: 'committee' },
        { id: 'b', name: NaN, kind: 'branch', parent: { id: 'a' } },
      ],
      people: [{ id: 'p', name: '人', partyMember: 'yes', probationary: 1 }],
      posts: [],
    };
    expect(graphIssues(input)).toEqual([
      { code: 'invalid-type', path: ['organizations', 0, 'id'] },
      { code: 'invalid-type', path: ['organizations', 1, 'name'] },
      { code: 'invalid-type', path: ['organizations', 1, 'parent'] },
      { code: 'invalid-type', path: ['people', 0, 'partyMember'] },
      { code: 'invalid-type', path: ['people', 0, 'probationary'] },
    ]);
  });

  it('G03 missing fields of every element kind', () => {
    const input = {
      organizations: [{ id: 'a' }],
      people: [{ name: '人' }],
      posts: [{ person: 'p' }],
      oversight: [{}],
      liaison: [{ organization: 'a' }],
    };
    expect(graphIssues(input)).toEqual([
      { code: 'required', path: ['organizations', 0, 'name'] },
      { code: 'required', path: ['organizations', 0, 'kind'] },
      { code: 'required', path: ['people', 0, 'id'] },
      { code: 'required', path: ['people', 0, 'partyMember'] },
      { code: 'required', path: ['posts', 0, 'organization'] },
      { code: 'required', path: ['posts', 0, 'role'] },
      { code: 'required', path: ['oversight', 0, 'person'] },
      { code: 'required', path: ['oversight', 0, 'organization'] },
      { code: 'required', path: ['liaison', 0, 'person'] },
    ]);
  });

  it('G04 the corpus graph: prototype-named ids duplicated, dangling, in a cycle, with bad fields', () => {
    expect(graphIssues(json(corpusText('graph-problems.json')))).toEqual([
      { code: 'required', path: ['organizations', 5, 'name'] },
      { code: 'invalid-type', path: ['organizations', 6, 'name'] },
      { code: 'unknown-kind', path: ['organizations', 6, 'kind'] },
      { code: 'invalid-type', path: ['people', 1, 'partyMember'] },
      { code: 'unknown-role', path: ['posts', 2, 'role'] },
      { code: 'duplicate-id', path: ['organizations', 3, 'id'] },
      { code: 'missing-organization', path: ['organizations', 4, 'parent'] },
      { code: 'hierarchy-cycle', path: ['organizations', 1, 'parent'] },
      { code: 'missing-person', path: ['posts', 1, 'person'] },
    ]);
  });

  it('G05 a cycle through __proto__, constructor and prototype names its members in order', () => {
    const input = json(`{"organizations": [
      {"id": "__proto__", "name": "甲", "kind": "committee", "parent": "prototype"},
      {"id": "constructor", "name": "乙", "kind": "branch", "parent": "__proto__"},
      {"id": "prototype", "name": "丙", "kind": "branch", "parent": "constructor"}
    ], "people": [], "posts": []}`);
    keep(input);
    const error = refusal(() => parseGraph(input));
    expect(brief(error.issues)).toEqual([{ code: 'hierarchy-cycle', path: ['organizations', 0, 'parent'] }]);
    expect(error.issues[0]?.params).toEqual({ cycle: '__proto__ → prototype → constructor → __proto__', length: 3 });
  });

  it('G06 references to ids that are only names of Object.prototype members are missing', () => {
    const input = {
      organizations: [{ id: 'cm', name: '甲', kind: 'committee', parent: 'hasOwnProperty' }],
      people: [{ id: 'p', name: '人', partyMember: true }],
      posts: [{ person: 'constructor', organization: '__proto__', role: 'secretary' }],
      oversight: [{ person: 'toString', organization: 'valueOf' }],
    };
    expect(graphIssues(input)).toEqual([
      { code: 'missing-organization', path: ['organizations', 0, 'parent'] },
      { code: 'missing-person', path: ['posts', 0, 'person'] },
      { code: 'missing-organization', path: ['posts', 0, 'organization'] },
      { code: 'missing-person', path: ['oversight', 0, 'person'] },
      { code: 'missing-organization', path: ['oversight', 0, 'organization'] },
    ]);
  });

  it('G07 __proto__ and constructor as keys of elements are unknown fields, not prototypes', () => {
    const input = json(`{"organizations": [{"id": "a", "name": "甲", "kind": "committee", "__proto__": {"kind": "branch"}}],
      "people": [{"id": "p", "name": "人", "partyMember": true, "constructor": {"prototype": {"polluted": true}}}],
      "posts": [{"person": "p", "organization": "a", "role": "secretary", "prototype": 1}]}`);
    expect(graphIssues(input)).toEqual([
      { code: 'unknown-field', path: ['organizations', 0, '__proto__'] },
      { code: 'unknown-field', path: ['people', 0, 'constructor'] },
      { code: 'unknown-field', path: ['posts', 0, 'prototype'] },
    ]);
  });

  it('G08 __proto__, constructor and prototype as ids everywhere: a valid graph, round-tripped exactly', () => {
    const text = `{"organizations": [
      {"id": "__proto__", "name": "甲", "kind": "committee"},
      {"id": "constructor", "name": "乙", "kind": "branch", "parent": "__proto__"},
      {"id": "prototype", "name": "丙", "kind": "branch", "parent": "__proto__"}],
     "people": [{"id": "__proto__", "name": "人", "partyMember": true}, {"id": "constructor", "name": "人2", "partyMember": true}],
     "posts": [{"person": "__proto__", "organization": "__proto__", "role": "secretary"}, {"person": "constructor", "organization": "constructor", "role": "secretary"}],
     "oversight": [{"person": "__proto__", "organization": "constructor"}],
     "liaison": [{"person": "__proto__", "organization": "prototype"}]}`;
    const input = keep(json<GraphInput>(text));
    const graph = parseGraph(input);
    expect(graph.index.children.get('__proto__')).toEqual(['constructor', 'prototype']);
    expect(graph.index.secretaryOf.get('constructor')).toBe('constructor');
    expect(JSON.stringify(toGraphInput(graph))).toBe(
      JSON.stringify({
        organizations: [
          { id: '__proto__', name: '甲', kind: 'committee' },
          { id: 'constructor', name: '乙', kind: 'branch', parent: '__proto__' },
          { id: 'prototype', name: '丙', kind: 'branch', parent: '__proto__' },
        ],
        people: [
          { id: '__proto__', name: '人', partyMember: true },
          { id: 'constructor', name: '人2', partyMember: true },
        ],
        posts: [
          { person: '__proto__', organization: '__proto__', role: 'secretary' },
          { person: 'constructor', organization: 'constructor', role: 'secretary' },
        ],
        oversight: [{ person: '__proto__', organization: 'constructor' }],
        liaison: [{ person: '__proto__', organization: 'prototype' }],
      }),
    );
  });

  it('G09 a 1 MB id is an invalid id, its value clipped in the issue', () => {
    const id = 'x'.repeat(1 << 20);
    const input = { organizations: [{ id, name: '甲', kind: 'committee' }], people: [{ id: 'p', name: '人', partyMember: true }], posts: [{ person: 'p', organization: id, role: 'secretary' }] };
    keep(input);
    const error = refusal(() => parseGraph(input));
    // The post's reference to the refused id is not also "missing": its element is broken.
    expect(brief(error.issues)).toEqual([
      { code: 'invalid-id', path: ['organizations', 0, 'id'] },
      { code: 'invalid-id', path: ['posts', 0, 'organization'] },
    ]);
    expect(String(error.issues[0]?.params['value']).length).toBe(60);
    expect(error.message.length).toBeLessThan(2_000);
  });

  it('G10 a 10 MB title and a 10 MB name are too long', () => {
    const long = '标'.repeat(10 << 20);
    expect(graphIssues({ title: long, organizations: [{ id: 'a', name: long, kind: 'committee' }], people: [], posts: [] })).toEqual([
      { code: 'too-big', path: ['title'] },
      { code: 'too-big', path: ['organizations', 0, 'name'] },
    ]);
  });

  it('G11 a kind that is a circular object is refused without a crash', () => {
    const kind: Record<string, unknown> = { name: 'loop' };
    kind['self'] = kind;
    const input = { organizations: [{ id: 'a', name: '甲', kind }], people: [], posts: [] };
    const error = refusal(() => parseGraph(keep(input)));
    expect(brief(error.issues)).toEqual([{ code: 'unknown-kind', path: ['organizations', 0, 'kind'] }]);
  });

  it('G12 a 10,000-level chain whose deepest parent is missing: one issue, at the bottom', () => {
    const organizations = Array.from({ length: 10_000 }, (_, i) => ({ id: `o${i}`, name: `组织${i}`, kind: 'committee', parent: i === 0 ? null : `o${i - 1}` }));
    organizations[9_999] = { ...organizations[9_999], parent: 'o-missing' } as (typeof organizations)[number];
    const started = performance.now();
    expect(graphIssues({ organizations, people: [], posts: [] })).toEqual([{ code: 'missing-organization', path: ['organizations', 9_999, 'parent'] }]);
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('G13 a root that is not an object, and an empty object', () => {
    expect(graphIssues('{"organizations": []}')).toEqual([{ code: 'invalid-type', path: [] }]);
    expect(graphIssues({})).toEqual([
      { code: 'required', path: ['organizations'] },
      { code: 'required', path: ['people'] },
      { code: 'required', path: ['posts'] },
    ]);
  });
});

// -------------------------------------------------------------------------------------------
describe('rule set', () => {
  it('R01 the corpus rule set with schema problems: unknown types, bad dates, wrong types, prototype keys', () => {
    expect(ruleIssues(json(corpusText('rules-schema.json')))).toEqual([
      { code: 'unknown-measure-type', path: ['indicators', 0, 'measure', 'type'] },
      { code: 'invalid-type', path: ['indicators', 1, 'points'] },
      { code: 'invalid-date', path: ['indicators', 1, 'measure', 'from'] },
      { code: 'invalid-date', path: ['indicators', 1, 'measure', 'to'] },
      { code: 'unknown-scoring-method', path: ['indicators', 1, 'scoring', 'method'] },
      { code: 'unknown-responsibility', path: ['indicators', 2, 'responsibility'] },
      { code: 'invalid-where-value', path: ['indicators', 2, 'measure', 'where', '__proto__'] },
      { code: 'invalid-where-value', path: ['indicators', 2, 'measure', 'where', 'constructor'] },
      { code: 'unknown-field', path: ['indicators', 2, '__proto__'] },
    ]);
  });

  it('R02 the corpus rule set with reference problems: duplicates, a roll-up cycle, dangling ids, reversed period', () => {
    expect(ruleIssues(json(corpusText('rules-semantic.json')))).toEqual([
      { code: 'duplicate-rule-id', path: ['indicators', 3, 'id'] },
      { code: 'duplicate-rule-id', path: ['ladders', 0, 'grades', 1, 'id'] },
      { code: 'range-reversed', path: ['period', 'end'] },
      { code: 'unknown-indicator', path: ['indicators', 1, 'measure', 'from', 0, 'of', 1] },
      { code: 'scoring-required', path: ['indicators', 3, 'scoring'] },
      { code: 'rollup-cycle', path: ['indicators', 0, 'measure'] },
      { code: 'unknown-ladder', path: ['quotas', 0, 'ladder'] },
      { code: 'unknown-grade', path: ['quotas', 1, 'grade'] },
    ]);
  });

  it('R03 a three-indicator roll-up cycle is reported once, naming the loop', () => {
    const selfOf = (id: string, of: string): ReturnType<typeof ind> => ind({ id, measure: { type: 'roll-up', from: [{ source: 'self', weight: 1, of: [of] }] } });
    const input = rules([selfOf('a', 'b'), selfOf('b', 'c'), selfOf('c', 'a'), countInd('d', 'x')]);
    keep(input);
    const error = refusal(() => parseRuleSet(input));
    expect(brief(error.issues)).toEqual([{ code: 'rollup-cycle', path: ['indicators', 0, 'measure'] }]);
    expect(error.issues[0]?.params).toEqual({ cycle: 'a → b → c → a' });
  });

  it('R04 NaN and ±Infinity as points, weights, scale, grade bounds and step thresholds', () => {
    const input = rules(
      [
        ind({ id: 'a', points: NaN, measure: { type: 'count', recordTypes: ['x'], atLeast: 1 } }),
        ind({ id: 'b', points: Infinity, measure: { type: 'count', recordTypes: ['x'], atLeast: 1 } }),
        ind({ id: 'c', appliesTo: { organizations: ['committee'] }, measure: { type: 'roll-up', from: [{ source: 'children', weight: Infinity }] } }),
        ind({ id: 'd', measure: { type: 'count', recordTypes: ['x'], atLeast: 1 }, scoring: { method: 'steps', steps: [{ atLeast: -Infinity, points: 1 }] } }),
      ],
      { scale: NaN, ladders: [{ id: 'l', title: '等次', appliesTo: { organizations: ['branch'] }, grades: [{ id: 'g', title: '好', min: -Infinity }] }] },
    );
    expect(ruleIssues(input)).toEqual([
      { code: 'invalid-type', path: ['scale'] },
      { code: 'invalid-type', path: ['ladders', 0, 'grades', 0, 'min'] },
      { code: 'invalid-type', path: ['indicators', 0, 'points'] },
      { code: 'invalid-type', path: ['indicators', 1, 'points'] },
      { code: 'invalid-type', path: ['indicators', 2, 'measure', 'from', 0, 'weight'] },
      { code: 'invalid-type', path: ['indicators', 3, 'scoring', 'steps', 0, 'atLeast'] },
    ]);
  });

  it('R05 -0 points is a valid zero: the line is worth exactly +0', () => {
    const input = keep(rules([countInd('zero', 'x', 1, { points: -0 }), countInd('ten', 'x')]));
    const result = assess({ graph: smallGraph(), rules: input, records: [rec('r1', 'x', 'b1')] });
    const zero = lineOf(org(result, 'b1'), 'zero');
    expect(Object.is(zero.max, 0), 'line max is -0').toBe(true);
    expect(Object.is(zero.points, 0), 'line points is -0').toBe(true);
    expect(org(result, 'b1')).toMatchObject({ score: 10, max: 10, scaled: 100, total: 100 });
  });

  it('R06 1e308 points: refused, or scored exactly (not Infinity or null)', () => {
    const input = keep(rules([countInd('huge', 'x', 1, { points: 1e308 })]));
    refusedAtOrExact(
      () => assess({ graph: smallGraph(), rules: input, records: [rec('r1', 'x', 'b1')] }),
      [['indicators', 0, 'points']],
      (result) => {
        expect(lineOf(org(result, 'b1'), 'huge')).toMatchObject({ points: 1e308, max: 1e308 });
        expect(org(result, 'b1')).toMatchObject({ score: 1e308, max: 1e308, scaled: 100, total: 100 });
      },
    );
  });

  it('R07 1e308 roll-up weights: refused, or the weighted mean exactly', () => {
    // b1 scores 10/10 on `c`, b2 0/10: the committee's children mean 0.5, its own `c` 0/10.
    // (1e308 × 0.5 + 1e308 × 0) / (2 × 1e308) = 0.25 → 2.5 of 10 points.
    const input = keep(
      rules([
        countInd('c', 'x', 1, { appliesTo: { organizations: ['committee', 'branch'] } }),
        ind({ id: 'ru', appliesTo: { organizations: ['committee'] }, measure: { type: 'roll-up', from: [{ source: 'children', weight: 1e308 }, { source: 'self', weight: 1e308, of: ['c'] }] } }),
      ]),
    );
    refusedAtOrExact(
      () => assess({ graph: smallGraph(), rules: input, records: [rec('r1', 'x', 'b1')] }),
      [
        ['indicators', 1, 'measure', 'from', 0, 'weight'],
        ['indicators', 1, 'measure', 'from', 1, 'weight'],
      ],
      (result) => expect(lineOf(org(result, 'cm'), 'ru')).toMatchObject({ value: 0.25, points: 2.5 }),
    );
  });

  it('R08 a 1e308 scale: refused, or the scaled score exactly', () => {
    const input = keep(rules([countInd('c', 'x')], { scale: 1e308 }));
    refusedAtOrExact(
      () => assess({ graph: smallGraph(), rules: input, records: [rec('r1', 'x', 'b1')] }),
      [['scale']],
      (result) => expect(org(result, 'b1')).toMatchObject({ score: 10, max: 10, scaled: 1e308, total: 1e308 }),
    );
  });

  it('R09 a filter on __proto__, constructor and prototype attributes matches own keys only', () => {
    const input = keep(
      rules([
        ind({
          id: 'proto',
          measure: { type: 'count', recordTypes: ['x'], atLeast: 2, where: json('{"__proto__": "专题", "constructor": ["甲", "乙"], "prototype": 0}') },
          scoring: { method: 'proportional' },
        }),
      ]),
    );
    const records = keep([
      // matches: own keys with the filtered values (-0 equals 0)
      rec('m1', 'x', 'b1', '2022-03-01', { attributes: json('{"__proto__": "专题", "constructor": "乙", "prototype": -0}') }),
      // only inherited / missing keys: never a match
      rec('m2', 'x', 'b1', '2022-03-02', { attributes: {} }),
      rec('m3', 'x', 'b1', '2022-03-03'),
      // one key off
      rec('m4', 'x', 'b1', '2022-03-04', { attributes: json('{"__proto__": "专题", "constructor": "丙", "prototype": 0}') }),
    ]);
    const line = lineOf(org(assess({ graph: smallGraph(), rules: input, records }), 'b1'), 'proto');
    expect(line).toMatchObject({ status: 'shortfall', value: 1, target: 2, points: 5, records: { reported: 1, counted: 1, ids: ['m1'] } });
  });

  it('R10 filter values that are objects, empty lists, NaN or nested 10,000 levels', () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 10_000; i++) deep = [deep];
    const where = json<Record<string, unknown>>('{"__proto__": {"polluted": true}, "constructor": []}');
    Object.defineProperty(where, 'n', { value: NaN, enumerable: true, writable: true, configurable: true });
    Object.defineProperty(where, 'deep', { value: deep, enumerable: true, writable: true, configurable: true });
    const input = rules([ind({ id: 'w', measure: { type: 'count', recordTypes: ['x'], atLeast: 1, where: where as never } })]);
    const base = ['indicators', 0, 'measure', 'where'];
    expect(ruleIssues(input)).toEqual([
      { code: 'invalid-where-value', path: [...base, '__proto__'] },
      { code: 'invalid-where-value', path: [...base, 'constructor'] },
      { code: 'invalid-where-value', path: [...base, 'n'] },
      { code: 'invalid-where-value', path: [...base, 'deep'] },
    ]);
  });

  it('R11 prototype-named ids for the rule set, indicators, ladders, grades and record types work', () => {
    const input = keep(
      json<RuleSetInput>(`{"id": "__proto__", "title": "t", "version": "1", "period": {"year": 2022},
        "recordTypes": [{"id": "__proto__", "title": "甲"}],
        "ladders": [{"id": "constructor", "title": "L", "appliesTo": {"organizations": ["branch"]},
          "grades": [{"id": "__proto__", "title": "好", "min": 90}, {"id": "prototype", "title": "差", "min": 0}]}],
        "quotas": [{"ladder": "constructor", "grade": "__proto__", "maxCount": 1}],
        "indicators": [{"id": "__proto__", "title": "a", "responsibility": "principal", "appliesTo": {"organizations": ["branch"]},
          "points": 10, "measure": {"type": "count", "recordTypes": ["__proto__"], "atLeast": 1}, "scoring": {"method": "all-or-nothing"}}]}`),
    );
    const records = keep([rec('__proto__', '__proto__', 'b1'), rec('constructor', '__proto__', 'b2')]);
    const result = assess({ graph: smallGraph(), rules: input, records });
    // Both branches score 100; the quota lets one hold the top grade: ties go by id (b1).
    expect(result.organizations.map((o) => [o.id, o.total, o.grade?.id, o.grade?.reason])).toEqual([
      ['b1', 100, '__proto__', 'score'],
      ['b2', 100, 'prototype', 'quota'],
    ]);
    expect(result.ruleSet.id).toBe('__proto__');
  });

  it('R12 unknown measure type, scoring method and kind named after prototype members', () => {
    const input = rules([
      ind({ id: 'a', measure: { type: 'constructor', recordTypes: ['x'], atLeast: 1 } as never }),
      ind({ id: 'b', measure: { type: 'count', recordTypes: ['x'], atLeast: 1 }, scoring: { method: '__proto__' } as never }),
      ind({ id: 'c', appliesTo: { organizations: ['toString'] } as never, measure: { type: 'count', recordTypes: ['x'], atLeast: 1 } }),
    ]);
    expect(ruleIssues(input)).toEqual([
      { code: 'unknown-measure-type', path: ['indicators', 0, 'measure', 'type'] },
      { code: 'unknown-scoring-method', path: ['indicators', 1, 'scoring', 'method'] },
      { code: 'invalid-value', path: ['indicators', 2, 'appliesTo', 'organizations', 0] },
    ]);
  });

  it('R13 a missing measure type or scoring method is "required", not an unknown value "undefined"', () => {
    const input = rules([
      ind({ id: 'a', measure: { recordTypes: ['x'], atLeast: 1 } as never }),
      ind({ id: 'b', measure: { type: 'count', recordTypes: ['x'], atLeast: 1 }, scoring: {} as never }),
    ]);
    expect(ruleIssues(input)).toEqual([
      { code: 'required', path: ['indicators', 0, 'measure', 'type'] },
      { code: 'required', path: ['indicators', 1, 'scoring', 'method'] },
    ]);
  });

  it('R14 an unknown accountability trigger type is not reported as an unknown measure type', () => {
    const input = rules([countInd('c', 'x')], {
      accountability: { rules: [{ id: 'a', title: '问责', trigger: { type: 'constructor' } as never, reach: [{ to: 'self' }] }] },
    });
    const issues = ruleIssues(input);
    expect(issues.map((i) => i.path)).toEqual([['accountability', 'rules', 0, 'trigger', 'type']]);
    expect(issues[0]?.code, 'the trigger type is reported with a measure-type code').not.toBe('unknown-measure-type');
  });

  it('R15 impossible period dates, a period with a time, a fractional year', () => {
    const at = (period: unknown): IssueBrief[] => ruleIssues(rules([countInd('c', 'x')], { period: period as never }));
    expect(at({ start: '2022-02-30', end: '2022-12-31' })).toEqual([{ code: 'invalid-date', path: ['period', 'start'] }]);
    expect(at({ start: '2022-01-01', end: '2022-07-01T08:00:00+08:00' })).toEqual([{ code: 'invalid-date', path: ['period', 'end'] }]);
    expect(at({ year: 2022.5 })).toEqual([{ code: 'invalid-type', path: ['period', 'year'] }]);
    expect(at({ year: 2022, month: 13 })).toEqual([{ code: 'too-big', path: ['period', 'month'] }]);
  });

  it('R16 a 1 MB indicator id and a 10 MB title', () => {
    const input = rules([countInd('x'.repeat(1 << 20), 'x', 1, { title: 't'.repeat(10 << 20) })]);
    expect(ruleIssues(input)).toEqual([
      { code: 'invalid-id', path: ['indicators', 0, 'id'] },
      { code: 'too-big', path: ['indicators', 0, 'title'] },
    ]);
  });

  it('R17 a __proto__ key at the root is an unknown field; nothing else changes', () => {
    const input = json(`{"__proto__": {"polluted": true}, "id": "r", "title": "t", "version": "1", "period": {"year": 2022},
      "indicators": [{"id": "c", "title": "c", "responsibility": "principal", "appliesTo": {"organizations": ["branch"]}, "points": 0,
      "bonus": {"recordTypes": ["award"], "each": 1, "cap": 2}}]}`);
    expect(ruleIssues(input)).toEqual([{ code: 'unknown-field', path: ['__proto__'] }]);
  });

  it('R18 10,000 indicators parse and assess within a few seconds', () => {
    const indicators = Array.from({ length: 10_000 }, (_, i) => countInd(`i${i}`, `t${i % 50}`, 1, { points: 1 }));
    const input = keep(rules(indicators));
    const started = performance.now();
    const result = assess({ graph: smallGraph(), rules: input, records: [rec('r1', 't0', 'b1'), rec('r2', 't1', 'b2')] });
    expect(performance.now() - started).toBeLessThan(8_000);
    // b1 has t0 (200 of the 10,000 indicators read t0), b2 t1.
    expect(org(result, 'b1')).toMatchObject({ score: 200, max: 10_000, scaled: 2 });
    expect(org(result, 'b2')).toMatchObject({ score: 200, max: 10_000, scaled: 2 });
  });

  it('R19 10,001 indicators are over the default limit: one clear issue, quickly', () => {
    const indicators = Array.from({ length: 10_001 }, (_, i) => countInd(`i${i}`, 't', 1, { points: 1 }));
    const started = performance.now();
    const error = refusal(() => parseRuleSet(keep(rules(indicators))));
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(brief(error.issues)).toEqual([{ code: 'limit-exceeded', path: ['indicators'] }]);
    expect(error.issues[0]?.params).toEqual({ what: 'indicators', limit: 10_000, actual: 10_001 });
  });

  it('R20 wrong types at the root of a rule set', () => {
    expect(ruleIssues(null)).toEqual([{ code: 'invalid-type', path: [] }]);
    expect(ruleIssues([])).toEqual([{ code: 'invalid-type', path: [] }]);
    expect(ruleIssues(rules({} as never))).toEqual([{ code: 'invalid-type', path: ['indicators'] }]);
    expect(ruleIssues(rules([]))).toEqual([{ code: 'too-few-items', path: ['indicators'] }]);
  });
});

// -------------------------------------------------------------------------------------------
describe('records as objects', () => {
  it('O01 wrong types: a number id, a Date object as date, a list as title, a string as attributes', () => {
    expect(
      recordIssues([
        { id: 7, type: 'theme-day', organization: 'b1', date: '2022-03-01' },
        { id: 'r2', type: 'theme-day', organization: 'b1', date: new Date(Date.UTC(2022, 2, 1)) },
        { id: 'r3', type: 'theme-day', organization: 'b1', date: '2022-03-01', title: ['a'] },
        { id: 'r4', type: 'theme-day', organization: 'b1', date: '2022-03-01', attributes: 'size=3' },
      ]),
    ).toEqual([
      { code: 'invalid-type', path: ['records', 0, 'id'] },
      { code: 'invalid-type', path: ['records', 1, 'date'] },
      { code: 'invalid-type', path: ['records', 2, 'title'] },
      { code: 'invalid-attributes', path: ['records', 3, 'attributes'] },
    ]);
  });

  it('O02 missing fields and a record with no subject', () => {
    expect(recordIssues([{ type: 'theme-day', organization: 'b1' }, { id: 'r2', type: 'theme-day', date: '2022-03-01' }])).toEqual([
      { code: 'required', path: ['records', 0, 'id'] },
      { code: 'required', path: ['records', 0, 'date'] },
      { code: 'record-without-subject', path: ['records', 1, 'organization'] },
    ]);
  });

  it('O03 records that are null, a string, a number or a list', () => {
    expect(recordIssues([null, 'r1', 42, ['r1']])).toEqual([
      { code: 'invalid-type', path: ['records', 0] },
      { code: 'invalid-type', path: ['records', 1] },
      { code: 'invalid-type', path: ['records', 2] },
      { code: 'invalid-type', path: ['records', 3] },
    ]);
  });

  it('O04 impossible dates and dates with times or offsets, in date, due and completed', () => {
    expect(
      recordIssues([
        rec('r1', 'theme-day', 'b1', '2022-02-30'),
        rec('r2', 'theme-day', 'b1', '2022-13-01'),
        rec('r3', 'theme-day', 'b1', '2022-07-01T08:00:00+08:00'),
        rec('r4', 'theme-day', 'b1', '2022-07-01', { due: '2022-06-31', completed: '2022-07-01 08:00' }),
        rec('r5', 'theme-day', 'b1', '2100-02-29'),
      ]),
    ).toEqual([
      { code: 'invalid-date', path: ['records', 0, 'date'] },
      { code: 'invalid-date', path: ['records', 1, 'date'] },
      { code: 'invalid-date', path: ['records', 2, 'date'] },
      { code: 'invalid-date', path: ['records', 3, 'due'] },
      { code: 'invalid-date', path: ['records', 3, 'completed'] },
      { code: 'invalid-date', path: ['records', 4, 'date'] },
    ]);
  });

  it('O05 NaN, Infinity and -Infinity as attributes', () => {
    expect(
      recordIssues([
        rec('r1', 'theme-day', 'b1', '2022-03-01', { attributes: { size: NaN } }),
        rec('r2', 'theme-day', 'b1', '2022-03-01', { attributes: { size: Infinity, other: -Infinity } }),
      ]),
    ).toEqual([
      { code: 'invalid-attribute', path: ['records', 0, 'attributes', 'size'] },
      { code: 'invalid-attribute', path: ['records', 1, 'attributes', 'size'] },
      { code: 'invalid-attribute', path: ['records', 1, 'attributes', 'other'] },
    ]);
  });

  it('O06 -0 and 1e308 attributes are valid: they keep their values and match filters for 0 and 1e308', () => {
    const n = normalizeRecord(keep({ id: 'r', type: 'x', organization: 'b1', date: '2022-03-01', attributes: { zero: -0, big: 1e308, tiny: 5e-324 } }));
    expect(n.ok).toBe(true);
    if (!n.ok) return;
    expect([...n.record.attributes.entries()]).toEqual([
      ['zero', -0],
      ['big', 1e308],
      ['tiny', 5e-324],
    ]);
    const input = keep(rules([ind({ id: 'f', measure: { type: 'count', recordTypes: ['x'], atLeast: 1, where: { zero: 0, big: 1e308 } }, scoring: { method: 'all-or-nothing' } })]));
    const records = keep([rec('r', 'x', 'b1', '2022-03-01', { attributes: { zero: -0, big: 1e308 } })]);
    expect(lineOf(org(assess({ graph: smallGraph(), rules: input, records }), 'b1'), 'f')).toMatchObject({ status: 'met', points: 10, records: { counted: 1 } });
  });

  it('O07 1e308 in ratio attributes: the sums must not overflow into a wrong score', () => {
    // Two records of 1e308 attended out of 1e308 expected: the ratio is exactly 1.
    const input = keep(rules([ind({ id: 'ratio', measure: { type: 'ratio', recordTypes: ['meeting'], numerator: 'attended', denominator: 'expected', atLeast: 0.5 } })]));
    const records = keep([
      rec('m1', 'meeting', 'b1', '2022-03-01', { attributes: { attended: 1e308, expected: 1e308 } }),
      rec('m2', 'meeting', 'b1', '2022-04-01', { attributes: { attended: 1e308, expected: 1e308 } }),
    ]);
    const line = lineOf(org(assess({ graph: smallGraph(), rules: input, records }), 'b1'), 'ratio');
    expect(line).toMatchObject({ status: 'met', value: 1, ratio: 1, points: 10 });
  });

  it('O08 1e308 manual weights: the weighted mean must not become NaN', () => {
    // Groups weighted 1:1, scores 80 and 60: 70 of 100 → 7 of 10 points.
    const input = keep(
      rules([ind({ id: 'mn', measure: { type: 'manual', groups: [{ id: 'g1', weight: 1e308 }, { id: 'g2', weight: 1e308 }], scale: 100 } })]),
    );
    const records = keep([
      rec('s1', 'manual-score', 'b1', '2022-12-01', { attributes: { indicator: 'mn', group: 'g1', score: 80 } }),
      rec('s2', 'manual-score', 'b1', '2022-12-01', { attributes: { indicator: 'mn', group: 'g2', score: 60 } }),
    ]);
    refusedAtOrExact(
      () => assess({ graph: smallGraph(), rules: input, records }),
      [
        ['indicators', 0, 'measure', 'groups', 0, 'weight'],
        ['indicators', 0, 'measure', 'groups', 1, 'weight'],
      ],
      (result) => expect(lineOf(org(result, 'b1'), 'mn')).toMatchObject({ value: 70, points: 7 }),
    );
  });

  it('O09 business scores outside the composite scale (-500, 1e308) do not count, like non-numeric ones', () => {
    const input = keep(rules([countInd('c', 'x')], { composite: { partyWeight: 1, businessWeight: 1 } }));
    const records = keep([
      rec('a', 'x', 'b1'),
      rec('b1-score', 'business-score', 'b1', '2022-12-01', { attributes: { score: -500 } }),
      rec('a2', 'x', 'b2'),
      rec('b2-score', 'business-score', 'b2', '2022-12-01', { attributes: { score: 1e308 } }),
    ]);
    const result = assess({ graph: smallGraph(), rules: input, records });
    expect(org(result, 'b1').composite, 'b1: a business score of -500 on a 100 scale').toEqual({ business: null, value: null });
    expect(org(result, 'b2').composite, 'b2: a business score of 1e308 on a 100 scale').toEqual({ business: null, value: null });
  });

  it('O10 __proto__, constructor and prototype as attribute keys are own keys; as record keys, unknown fields', () => {
    const records = [
      json('{"id": "r1", "type": "theme-day", "organization": "b1", "date": "2022-03-01", "__proto__": {"date": "2022-03-01"}}'),
      json('{"id": "r2", "type": "theme-day", "organization": "b1", "date": "2022-03-01", "constructor": {"prototype": {"polluted": 1}}}'),
    ];
    expect(recordIssues(records)).toEqual([
      { code: 'unknown-field', path: ['records', 0, '__proto__'] },
      { code: 'unknown-field', path: ['records', 1, 'constructor'] },
    ]);
    const n = normalizeRecord(keep(json('{"id": "r", "type": "x", "organization": "b1", "date": "2022-03-01", "attributes": {"__proto__": {"polluted": 1}, "constructor": "c"}}')));
    // An object is not an attribute value: refused at its key, not merged into any prototype.
    expect(n.ok ? [] : brief(n.issues)).toEqual([{ code: 'invalid-attribute', path: ['attributes', '__proto__'] }]);
  });

  it('O11 an attribute nested 10,000 levels deep is refused at its key', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 10_000; i++) deep = { a: deep };
    expect(recordIssues([rec('r1', 'theme-day', 'b1', '2022-03-01', { attributes: { deep: deep as never } })])).toEqual([
      { code: 'invalid-attribute', path: ['records', 0, 'attributes', 'deep'] },
    ]);
  });

  it('O12 a 1 MB id, a 10 MB title, a 1,001-key attribute object', () => {
    const attributes = Object.fromEntries(Array.from({ length: 1_001 }, (_, i) => [`k${i}`, i]));
    expect(
      recordIssues([
        rec('x'.repeat(1 << 20), 'theme-day', 'b1'),
        rec('r2', 'theme-day', 'b1', '2022-03-01', { title: '题'.repeat(10 << 20) }),
        rec('r3', 'theme-day', 'b1', '2022-03-01', { attributes }),
      ]),
    ).toEqual([
      { code: 'invalid-id', path: ['records', 0, 'id'] },
      { code: 'too-big', path: ['records', 1, 'title'] },
      { code: 'limit-exceeded', path: ['records', 2, 'attributes'] },
    ]);
  });

  it('O13 an unknown status, an empty id, an id with a trailing tab', () => {
    expect(
      recordIssues([
        rec('r1', 'theme-day', 'b1', '2022-03-01', { status: 'constructor' as never }),
        rec('', 'theme-day', 'b1'),
        rec('r3\t', 'theme-day', 'b1'),
      ]),
    ).toEqual([
      { code: 'unknown-status', path: ['records', 0, 'status'] },
      { code: 'invalid-id', path: ['records', 1, 'id'] },
      { code: 'invalid-id', path: ['records', 2, 'id'] },
    ]);
  });

  it('O14 asOf that is not a real date, or carries a time', () => {
    const run = (asOf: string): IssueBrief[] => brief(refusal(() => assess({ graph: smallGraph(), rules: DAY_RULES, records: [], asOf })).issues);
    expect(run('2022-02-30')).toEqual([{ code: 'invalid-date', path: ['asOf'] }]);
    expect(run('2022-07-01T08:00:00+08:00')).toEqual([{ code: 'invalid-date', path: ['asOf'] }]);
  });

  it('O15 verbatim duplicates of prototype-named records count once; subjects named after prototype members are unknown', () => {
    const records = keep([
      rec('__proto__', 'theme-day', 'b1'),
      rec('__proto__', 'theme-day', 'b1'),
      rec('constructor', 'theme-day', 'constructor'),
      rec('toString', 'theme-day', 'hasOwnProperty'),
    ]);
    const result = assess({ graph: smallGraph(), rules: DAY_RULES, records });
    expect(result.evidence).toMatchObject({ received: 3, duplicates: 1, unknownSubject: 2 });
    expect(lineOf(org(result, 'b1'), 'day')).toMatchObject({ points: 10, records: { counted: 1, ids: ['__proto__'] } });
    expect(lineOf(org(result, 'b2'), 'day')).toMatchObject({ points: 0, records: { counted: 0 } });
  });

  it('O17 rating scores of -0, 100 and 1e308 on a 100 scale: -0 counts as 0, 1e308 is out of scale and left out', () => {
    const input = keep(rules([ind({ id: 'rt', measure: { type: 'rating', recordTypes: ['appraisal'], aggregate: 'mean', scale: 100 } })]));
    const records = keep([
      rec('s1', 'appraisal', 'b1', '2022-12-01', { attributes: { score: -0 } }),
      rec('s2', 'appraisal', 'b1', '2022-12-01', { attributes: { score: 100 } }),
      rec('s3', 'appraisal', 'b1', '2022-12-01', { attributes: { score: 1e308 } }),
    ]);
    const line = lineOf(org(assess({ graph: smallGraph(), rules: input, records }), 'b1'), 'rt');
    expect(line).toMatchObject({ value: 50, ratio: 0.5, points: 5 });
    expect(line.explanation).toContain('1条评分非数字或超出0–100，未计入');
  });

  it('O16 records that are class instances, null-prototype objects or have symbol keys are read by their own data', () => {
    class Row {
      id = 'c1';
      type = 'theme-day';
      organization = 'b1';
      date = '2022-03-01';
    }
    const bare = Object.assign(Object.create(null) as Record<string, unknown>, { id: 'c2', type: 'theme-day', organization: 'b2', date: '2022-03-01' });
    const symbolic = { id: 'c3', type: 'theme-day', organization: 'b1', date: '2022-03-02', [Symbol('meta')]: 1 };
    const result = assess({ graph: smallGraph(), rules: DAY_RULES, records: [new Row(), bare, symbolic] });
    expect(result.evidence.received).toBe(3);
    expect([lineOf(org(result, 'b1'), 'day').records.ids, lineOf(org(result, 'b2'), 'day').records.ids]).toEqual([['c1', 'c3'], ['c2']]);
  });
});

// -------------------------------------------------------------------------------------------
describe('NDJSON', () => {
  const EXPECTED: IssueBrief[] = [
    { code: 'invalid-date', path: ['date'], line: 2 },
    { code: 'invalid-attribute', path: ['attributes', 'size'], line: 4 },
    { code: 'invalid-json', path: [], line: 5 },
    { code: 'record-not-object', path: [], line: 6 },
    { code: 'unknown-field', path: ['__proto__'], line: 7 },
    { code: 'invalid-date', path: ['date'], line: 9 },
    { code: 'invalid-date', path: ['due'], line: 9 },
    { code: 'unknown-status', path: ['status'], line: 10 },
  ];

  it('N01 the corpus file: every bad line at its line (1e400 is Infinity, NaN is not JSON)', () => {
    const items = [...readNdjsonSync(corpusText('records.ndjson'))];
    expect(brief(refusal(() => assess({ graph: smallGraph(), rules: DAY_RULES, records: items })).issues)).toEqual(EXPECTED);
  });

  it('N02 the same file with a BOM and CRLF line ends, streamed from disk: the same lines, with the file', async () => {
    const file = tmp.file('records-crlf.ndjson', bomCrlf(corpusText('records.ndjson')));
    const items: ReaderItem[] = [];
    for await (const item of readRecordsFile(file)) items.push(item);
    expect(brief(refusal(() => assess({ graph: smallGraph(), rules: DAY_RULES, records: items })).issues)).toEqual(EXPECTED.map((i) => ({ ...i, file })));
  });

  it('N03 the valid lines of the corpus file count, __proto__ attributes included, with invalid ones skipped', () => {
    const items = [...readNdjsonSync(corpusText('records.ndjson'))];
    const result = assess({ graph: smallGraph(), rules: DAY_RULES, records: items, invalidRecords: 'skip' });
    expect(lineOf(org(result, 'b1'), 'day').records.ids).toEqual(['n1', 'n7']);
    expect(result.warnings.map((w) => [w.code, w.params['count']])).toContainEqual(['warning-invalid-records', 7]);
  });

  it('N04 an empty file and a file of blank CRLF lines are zero records, not an error', async () => {
    expect([...readNdjsonSync('')]).toEqual([]);
    expect([...readNdjsonSync('\uFEFF\r\n   \r\n\r\n')]).toEqual([]);
    const items: ReaderItem[] = [];
    for await (const item of readRecordsFile(corpusFile('empty.ndjson'))) items.push(item);
    expect(items).toEqual([]);
    const result = assess({ graph: smallGraph(), rules: DAY_RULES, records: items });
    expect(result.evidence.received).toBe(0);
    expect(lineOf(org(result, 'b1'), 'day')).toMatchObject({ points: 0, records: { reported: 0 } });
  });

  it('N05 a line nested 100,000 levels deep: the record is refused at its attribute, no overflow', () => {
    const line = `{"id":"d","type":"theme-day","organization":"b1","date":"2022-03-01","attributes":{"deep":${'['.repeat(100_000)}${']'.repeat(100_000)}}}`;
    const items = [...readNdjsonSync(`${line}\n`)];
    expect(brief(refusal(() => assess({ graph: smallGraph(), rules: DAY_RULES, records: items })).issues)).toEqual([
      { code: 'invalid-attribute', path: ['attributes', 'deep'], line: 1 },
    ]);
  });

  it('N06 a 10 MB title on one line is read, then refused as too long at its line', () => {
    const text = `${JSON.stringify(rec('ok', 'theme-day', 'b1'))}\n${JSON.stringify(rec('long', 'theme-day', 'b1', '2022-03-01', { title: '长'.repeat(10 << 20) }))}\n`;
    expect(brief(refusal(() => assess({ graph: smallGraph(), rules: DAY_RULES, records: readNdjsonSync(text) })).issues)).toEqual([
      { code: 'too-big', path: ['title'], line: 2 },
    ]);
  });
});

// -------------------------------------------------------------------------------------------
describe('JSON documents', () => {
  const EXPECTED: IssueBrief[] = [
    { code: 'unknown-field', path: ['__proto__'], line: 3 },
    { code: 'invalid-date', path: ['date'], line: 6 },
    { code: 'record-not-object', path: ['records', 2], line: 7 },
    { code: 'invalid-attribute', path: ['attributes', 'constructor'], line: 8 },
  ];

  it('J01 the corpus document: a __proto__ key, an impossible date, a string record, an object attribute', () => {
    const items = [...readJsonArray(corpusText('records.json'))];
    expect(brief(refusal(() => assess({ graph: smallGraph(), rules: DAY_RULES, records: items })).issues)).toEqual(EXPECTED);
  });

  it('J02 the same document with a BOM and CRLF: the same lines', () => {
    const items = [...readJsonArray(bomCrlf(corpusText('records.json')), { file: 'records.json' })];
    expect(brief(refusal(() => assess({ graph: smallGraph(), rules: DAY_RULES, records: items })).issues)).toEqual(EXPECTED.map((i) => ({ ...i, file: 'records.json' })));
  });

  it('J03 an empty document, and one of white space only', () => {
    for (const text of ['', '\uFEFF', ' \r\n\t']) {
      expect(brief([...readJsonArray(text)].map((i) => (i.kind === 'issue' ? i.issue : (null as never))))).toEqual([{ code: 'empty-input', path: [], line: 1 }]);
    }
  });

  it('J04 a document nested 100,000 levels: arrays, objects, and one never closed', () => {
    const issuesOf = (text: string): IssueBrief[] => brief([...readJsonArray(text)].map((i) => (i.kind === 'issue' ? i.issue : (null as never))));
    expect(issuesOf(`${'['.repeat(100_000)}${']'.repeat(100_000)}`)).toEqual([{ code: 'record-not-object', path: [0], line: 1 }]);
    expect(issuesOf(`${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`)).toEqual([{ code: 'json-not-records', path: [], line: 1 }]);
    const open = [...readJsonArray(`[\n${'['.repeat(100_000)}`)];
    expect(open.map((i) => (i.kind === 'issue' ? [i.issue.code, i.issue.line, i.issue.params['column'], i.issue.params['problem']] : null))).toEqual([
      ['invalid-json', 2, 100_001, 'unexpected-end'],
    ]);
  });

  it('J05 a record nested 100,000 levels deep inside { "records": [...] }: refused at its attribute', () => {
    const text = `{"records":[\n{"id":"r","type":"theme-day","organization":"b1","date":"2022-01-01","attributes":{"d":${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}}}]}`;
    expect(brief(refusal(() => assess({ graph: smallGraph(), rules: DAY_RULES, records: readJsonArray(text) })).issues)).toEqual([
      { code: 'invalid-attribute', path: ['attributes', 'd'], line: 2 },
    ]);
  });
});

// -------------------------------------------------------------------------------------------
describe('CSV with Chinese headers', () => {
  const EXPECTED: IssueBrief[] = [
    { code: 'invalid-date', path: ['date'], line: 3 },
    { code: 'invalid-date', path: ['date'], line: 4 },
    { code: 'invalid-date', path: ['date'], line: 5 },
    { code: 'unknown-status', path: ['status'], line: 6 },
    { code: 'invalid-cell', path: ['属性.constructor:数字'], line: 7 },
    { code: 'invalid-cell', path: ['属性.constructor:数字'], line: 8 },
    { code: 'invalid-cell', path: ['属性.人数:数字'], line: 8 },
    { code: 'record-without-subject', path: ['organization'], line: 10 },
    { code: 'csv-row-width', path: [], line: 11 },
    { code: 'invalid-cell', path: ['属性.人数:数字'], line: 12 },
  ];

  it('C01 the corpus file: impossible dates, a date with an offset, NaN/Infinity/1e400 numbers, a short row', () => {
    const items = [...readCsvSync(corpusText('records-zh.csv'))];
    expect(brief(refusal(() => assess({ graph: smallGraph(), rules: DAY_RULES, records: items })).issues)).toEqual(EXPECTED);
  });

  it('C02 the same file with a BOM and CRLF, streamed from disk: the same lines, with the file', async () => {
    const file = tmp.file('records-crlf.csv', bomCrlf(corpusText('records-zh.csv')));
    const items: ReaderItem[] = [];
    for await (const item of readRecordsFile(file)) items.push(item);
    expect(brief(refusal(() => assess({ graph: smallGraph(), rules: DAY_RULES, records: items })).issues)).toEqual(EXPECTED.map((i) => ({ ...i, file })));
  });

  it('C03 the valid rows: 属性.__proto__ and 属性.constructor are own attributes; -0 stays -0', () => {
    const values = [...readCsvSync(corpusText('records-zh.csv'))].flatMap((i) => (i.kind === 'record' ? [i.value as Record<string, unknown>] : []));
    const r8 = values.find((v) => v['id'] === 'r8') as Record<string, unknown>;
    const attributes = r8['attributes'] as Record<string, unknown>;
    expect(Object.keys(attributes)).toEqual(['__proto__', 'constructor', '人数']);
    expect(Object.getPrototypeOf(attributes)).toBe(Object.prototype);
    expect(Object.is(Object.getOwnPropertyDescriptor(attributes, 'constructor')?.value, -0)).toBe(true);
    // A filter on those attributes counts r1 and r8 (the only valid rows with b1).
    const input = rules([ind({ id: 'f', measure: { type: 'count', recordTypes: ['theme-day'], atLeast: 2, where: json('{"__proto__": "专题", "constructor": [0, 1]}') }, scoring: { method: 'all-or-nothing' } })]);
    const result = assess({ graph: smallGraph(), rules: input, records: readCsvSync(corpusText('records-zh.csv')), invalidRecords: 'skip' });
    expect(lineOf(org(result, 'b1'), 'f')).toMatchObject({ status: 'met', points: 10, records: { ids: ['r1', 'r8'] } });
  });

  it('C04 an empty file, a BOM alone, and blank CRLF lines: no header', async () => {
    for (const text of ['', '\uFEFF', '\r\n\r\n,,\r\n']) {
      expect(brief([...readCsvSync(text)].map((i) => (i.kind === 'issue' ? i.issue : (null as never))))).toEqual([{ code: 'empty-input', path: [], line: 1 }]);
    }
    const items: ReaderItem[] = [];
    for await (const item of readRecordsFile(corpusFile('empty.csv'))) items.push(item);
    expect(items.map((i) => (i.kind === 'issue' ? [i.issue.code, i.issue.line, i.issue.file] : null))).toEqual([['empty-input', 1, corpusFile('empty.csv')]]);
  });

  it('C05 headers named __proto__ and constructor, and a missing 编号 column', () => {
    const items = [...readCsvSync('__proto__,类型,constructor,日期\nx,theme-day,y,2022-03-01\n')];
    expect(brief(items.map((i) => (i.kind === 'issue' ? i.issue : (null as never))))).toEqual([
      { code: 'unknown-column', path: [], line: 1 },
      { code: 'unknown-column', path: [], line: 1 },
      { code: 'missing-column', path: [], line: 1 },
    ]);
  });
});

// -------------------------------------------------------------------------------------------
describe('decisions', () => {
  const ACCOUNTABLE = rules([countInd('day', 'theme-day')], {
    accountability: { rules: [{ id: 'missed', title: '未开展主题党日', trigger: { type: 'shortfall', indicator: 'day' }, reach: [{ to: 'secretary' }] }] },
  });
  const proposed = (): AssessmentResult => assess({ graph: smallGraph(), rules: ACCOUNTABLE, records: [rec('r1', 'theme-day', 'b1')] });

  it('D01 decisions naming prototype members, with impossible dates, wrong types, not a list', () => {
    const result = keep(proposed(), 'result');
    expect(result.findings.length).toBeGreaterThan(0);
    const real = (result.findings[0] as AssessmentResult['findings'][number]).id;
    const decisions = keep([
      { finding: '__proto__', action: 'confirm', by: '局党委', at: '2023-01-20' },
      { finding: real, action: 'constructor', by: '局党委', at: '2023-02-30' },
      { finding: real, action: 'waive', by: '', at: '2023-01-20T08:00:00+08:00' },
      null,
    ]) as unknown as Decision[];
    expect(brief(refusal(() => applyDecisions(result, decisions)).issues)).toEqual([
      { code: 'unknown-finding', path: ['decisions', 0, 'finding'] },
      { code: 'invalid-value', path: ['decisions', 1, 'action'] },
      { code: 'invalid-date', path: ['decisions', 1, 'at'] },
      { code: 'duplicate-decision', path: ['decisions', 2, 'finding'] },
      // by: "" is written and empty, not missing (the decisions check says so since the review)
      { code: 'empty-string', path: ['decisions', 2, 'by'] },
      { code: 'invalid-date', path: ['decisions', 2, 'at'] },
      { code: 'decision-reason-required', path: ['decisions', 2, 'reason'] },
      { code: 'invalid-type', path: ['decisions', 3] },
    ]);
    expect(brief(refusal(() => applyDecisions(result, { finding: real } as unknown as Decision[])).issues)).toEqual([{ code: 'invalid-type', path: ['decisions'] }]);
  });

  it('D02 a change to a form named after a prototype member is an unknown form', () => {
    const result = keep(proposed(), 'result');
    const real = (result.findings[0] as AssessmentResult['findings'][number]).id;
    const decisions = keep([{ finding: real, action: 'change', form: '__proto__', by: '局党委', at: '2023-01-20', reason: '情节较轻' }]) as Decision[];
    expect(brief(refusal(() => applyDecisions(result, decisions)).issues)).toEqual([{ code: 'unknown-form', path: ['decisions', 0, 'form'] }]);
  });
});

// -------------------------------------------------------------------------------------------
describe('command line', () => {
  const files = {
    graph: corpusFile('graph-small.json'),
    rules: corpusFile('rules-small.json'),
  };

  it('L01 validate: the corpus graph with a BOM and CRLF, every problem at its line, exit 1', async () => {
    const file = tmp.file('graph-problems.json', bomCrlf(corpusText('graph-problems.json')));
    const run = await cli(['validate', file]);
    expect(run.code).toBe(1);
    expect(issueLines(run.stdout)).toEqual([
      `${file}:4 organizations[1].parent [hierarchy-cycle]`,
      `${file}:6 organizations[3].id [duplicate-id]`,
      `${file}:7 organizations[4].parent [missing-organization]`,
      `${file}:8 organizations[5].name [required]`,
      `${file}:9 organizations[6].name [invalid-type]`,
      `${file}:9 organizations[6].kind [unknown-kind]`,
      `${file}:13 people[1].partyMember [invalid-type]`,
      `${file}:17 posts[1].person [missing-person]`,
      `${file}:18 posts[2].role [unknown-role]`,
    ]);
  });

  it('L02 validate: the two corpus rule sets, at their lines', async () => {
    const schema = corpusFile('rules-schema.json');
    const semantic = corpusFile('rules-semantic.json');
    const run = await cli(['validate', schema, semantic]);
    expect(run.code).toBe(1);
    expect(issueLines(run.stdout)).toEqual([
      `${schema}:13 indicators[0].measure.type [unknown-measure-type]`,
      `${schema}:21 indicators[1].points [invalid-type]`,
      `${schema}:22 indicators[1].measure.from [invalid-date]`,
      `${schema}:22 indicators[1].measure.to [invalid-date]`,
      `${schema}:23 indicators[1].scoring.method [unknown-scoring-method]`,
      `${schema}:28 indicators[2].responsibility [unknown-responsibility]`,
      `${schema}:31 indicators[2].measure.where.__proto__ [invalid-where-value]`,
      `${schema}:31 indicators[2].measure.where.constructor [invalid-where-value]`,
      `${schema}:33 indicators[2].__proto__ [unknown-field]`,
      `${semantic}:5 period.end [range-reversed]`,
      `${semantic}:7 ladders[0].grades[1].id [duplicate-rule-id]`,
      `${semantic}:10 quotas[0].ladder [unknown-ladder]`,
      `${semantic}:11 quotas[1].grade [unknown-grade]`,
      `${semantic}:14 indicators[0].measure [rollup-cycle]`,
      `${semantic}:15 indicators[1].measure.from[0].of[1] [unknown-indicator]`,
      `${semantic}:17 indicators[3].id [duplicate-rule-id]`,
      `${semantic}:17 indicators[3].scoring [scoring-required]`,
    ]);
  });

  it('L03 validate: the corpus CSV with a BOM and CRLF, at its lines', async () => {
    const file = tmp.file('records-zh.csv', bomCrlf(corpusText('records-zh.csv')));
    const run = await cli(['validate', file]);
    expect(run.code).toBe(1);
    expect(issueLines(run.stdout)).toEqual([
      `${file}:3 date [invalid-date]`,
      `${file}:4 date [invalid-date]`,
      `${file}:5 date [invalid-date]`,
      `${file}:6 status [unknown-status]`,
      `${file}:7 ["属性.constructor:数字"] [invalid-cell]`,
      `${file}:8 ["属性.constructor:数字"] [invalid-cell]`,
      `${file}:8 ["属性.人数:数字"] [invalid-cell]`,
      `${file}:10 organization [record-without-subject]`,
      `${file}:11 [csv-row-width]`,
      `${file}:12 ["属性.人数:数字"] [invalid-cell]`,
    ]);
  });

  it('L04 assess: NDJSON evidence with a BOM and CRLF stops with every bad line, exit 1, nothing on stdout', async () => {
    const file = tmp.file('evidence.ndjson', bomCrlf(corpusText('records.ndjson')));
    const run = await cli(['assess', '--graph', files.graph, '--rules', files.rules, '--evidence', file]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(issueLines(run.stderr)).toEqual([
      `${file}:2 date [invalid-date]`,
      `${file}:4 attributes.size [invalid-attribute]`,
      `${file}:5 [invalid-json]`,
      `${file}:6 [record-not-object]`,
      `${file}:7 __proto__ [unknown-field]`,
      `${file}:9 date [invalid-date]`,
      `${file}:9 due [invalid-date]`,
      `${file}:10 status [unknown-status]`,
    ]);
  });

  it('L05 empty files: graph and rules are empty-input at line 1; empty NDJSON evidence assesses', async () => {
    const empty = corpusFile('empty.json');
    const graph = await cli(['assess', '--graph', empty, '--rules', files.rules, '--evidence', corpusFile('empty.ndjson')]);
    expect([graph.code, issueLines(graph.stderr)]).toEqual([1, [`${empty}:1 [empty-input]`]]);
    const rulesRun = await cli(['validate', '--kind', 'rules', empty]);
    expect([rulesRun.code, issueLines(rulesRun.stdout)]).toEqual([1, [`${empty}:1 [empty-input]`]]);
    const ok = await cli(['assess', '--graph', files.graph, '--rules', files.rules, '--evidence', corpusFile('empty.ndjson')]);
    expect(ok.code).toBe(0);
    const result = JSON.parse(ok.stdout) as AssessmentResult;
    expect(result.evidence.received).toBe(0);
    expect(result.organizations.map((o) => [o.id, o.total])).toEqual([
      ['b1', 0],
      ['b2', 0],
    ]);
  });

  it('L06 --as-of with a time and offset, or an impossible date, is a usage error (exit 2)', async () => {
    for (const asOf of ['2022-07-01T08:00:00+08:00', '2022-13-01', '']) {
      const run = await cli(['assess', '--graph', files.graph, '--rules', files.rules, '--evidence', corpusFile('empty.ndjson'), '--as-of', asOf]);
      expect([run.code, run.stdout]).toEqual([2, '']);
      expect(run.stderr.split('\n')[0]).toBe(`错误：--as-of <date> 的取值「${asOf}」无效：应为真实存在的日期，格式 YYYY-MM-DD`);
    }
  });

  it('L07 a directory as evidence, and an empty path as graph, are unreadable files (exit 1)', async () => {
    const dir = tmp.path('');
    const run = await cli(['assess', '--graph', files.graph, '--rules', files.rules, '--evidence', dir]);
    expect([run.code, issueLines(run.stderr)]).toEqual([1, [`${dir} [file-unreadable]`]]);
    const blank = await cli(['assess', '--graph', '', '--rules', files.rules, '--evidence', corpusFile('empty.ndjson')]);
    expect([blank.code, blank.stdout, blank.stderr]).toEqual([1, '', '组织关系图校验未通过，共 1 个问题：\n: 无法读取文件「」：文件不存在 [file-unreadable]\n']);
  });

  it('L08 --fail-on with a prototype member name is an unknown grade (exit 2), not a crash', async () => {
    for (const grade of ['__proto__', 'constructor', 'toString']) {
      const run = await cli(['assess', '--graph', files.graph, '--rules', files.rules, '--evidence', corpusFile('empty.ndjson'), '--fail-on', grade]);
      expect([run.code, run.stdout]).toEqual([2, '']);
      expect(run.stderr).toBe(`错误：考核细则中没有等次「${grade}」，可选：findings 或 good, poor, 好, 差\n运行「zerenzhi assess --help」查看用法\n`);
    }
  });

  it('L09 chain --org / --person with prototype member names not in the graph: invalid input (exit 1)', async () => {
    const org = await cli(['chain', '--graph', files.graph, '--org', '__proto__']);
    expect([org.code, org.stdout, org.stderr]).toEqual([1, '', '错误：党组织「__proto__」不在关系图中 [unknown-organization]\n']);
    const person = await cli(['chain', '--graph', files.graph, '--person', 'constructor']);
    expect([person.code, person.stdout, person.stderr]).toEqual([1, '', '错误：人员「constructor」不在关系图中 [unknown-person]\n']);
  });

  it('L10 bad choices: --kind __proto__, --format constructor, --require-liaison __proto__ (exit 2)', async () => {
    for (const argv of [
      ['validate', '--kind', '__proto__', files.graph],
      ['assess', '--graph', files.graph, '--rules', files.rules, '--evidence', files.graph, '--format', 'constructor'],
      ['coverage', '--graph', files.graph, '--require-liaison', 'branch,__proto__'],
      ['--lang', 'toString', 'validate', files.graph],
    ]) {
      const run = await cli(argv);
      expect([argv.join(' '), run.code, run.stdout]).toEqual([argv.join(' '), 2, '']);
      expect(run.stderr).toMatch(/^错误：/);
    }
  });

  it('L11 init --year that is not a plain four-digit year: NaN, 1e3, 2022.5, -0, Infinity (exit 2)', async () => {
    for (const year of ['NaN', '1e3', '2022.5', '-0', 'Infinity', '0x7e6']) {
      const run = await cli(['init', tmp.path(`init-${year}`), '--year', year]);
      expect([year, run.code]).toEqual([year, 2]);
      expect(run.stderr.split('\n')[0]).toBe(`错误：--year <year> 的取值「${year}」无效：应为 1900–2999 之间的年份`);
    }
  });

  it('L12 validate a 10,000-level chain with a bad kind at the bottom: the exact line', async () => {
    const lines = Array.from({ length: 10_000 }, (_, i) =>
      `    {"id": "o${i}", "name": "组织${i}", "kind": "${i === 9_999 ? 'bogus' : 'committee'}"${i === 0 ? '' : `, "parent": "o${i - 1}"`}}${i === 9_999 ? '' : ','}`,
    );
    const file = tmp.file('chain.json', ['{', '  "organizations": [', ...lines, '  ],', '  "people": [],', '  "posts": []', '}', ''].join('\r\n'));
    const run = await cli(['validate', file]);
    expect(run.code).toBe(1);
    expect(issueLines(run.stdout)).toEqual([`${file}:10002 organizations[9999].kind [unknown-kind]`]);
  });

  it('L13 a 1 MB id in a graph file: invalid input at its line, the message clipped', async () => {
    const file = tmp.file('long-id.json', `{\n  "organizations": [\n    {"id": "${'x'.repeat(1 << 20)}", "name": "甲", "kind": "committee"}\n  ],\n  "people": [],\n  "posts": []\n}\n`);
    const run = await cli(['validate', file]);
    expect(run.code).toBe(1);
    expect(issueLines(run.stdout)).toEqual([`${file}:3 organizations[0].id [invalid-id]`]);
    expect(run.stdout.length).toBeLessThan(1_000);
  });

  it('L14 standard input that is empty, or only a BOM and CRLF, for the graph: empty-input', async () => {
    for (const stdin of ['', '\uFEFF\r\n']) {
      const run = await cli(['assess', '--graph', '-', '--rules', files.rules, '--evidence', corpusFile('empty.ndjson')], stdin);
      expect([run.code, issueLines(run.stderr)]).toEqual([1, ['<stdin>:1 [empty-input]']]);
    }
  });

  it('L16 a file of the wrong kind: NDJSON as --graph, a graph as --kind records', async () => {
    const ndjson = corpusFile('records.ndjson');
    const run = await cli(['assess', '--graph', ndjson, '--rules', files.rules, '--evidence', corpusFile('empty.ndjson')]);
    expect([run.code, issueLines(run.stderr)]).toEqual([1, [`${ndjson}:2 [invalid-json]`]]);
    const graph = corpusFile('graph-small.json');
    const asRecords = await cli(['validate', '--kind', 'records', graph]);
    expect([asRecords.code, issueLines(asRecords.stdout)]).toEqual([1, [`${graph}:1 [json-not-records]`]]);
  });

  it('L15 records from standard input with 1e400 and NaN: refused at their lines in <stdin>', async () => {
    const stdin = `${JSON.stringify(rec('a', 'theme-day', 'b1'))}\n{"id":"b","type":"theme-day","organization":"b1","date":"2022-03-01","attributes":{"n":1e400}}\n{"id":"c","type":"theme-day","organization":"b1","date":"2022-03-01","attributes":{"n":NaN}}\n`;
    const run = await cli(['assess', '--graph', files.graph, '--rules', files.rules, '--evidence', '-'], stdin);
    expect(run.code).toBe(1);
    expect(issueLines(run.stderr)).toEqual(['<stdin>:2 attributes.n [invalid-attribute]', '<stdin>:3 [invalid-json]']);
  });
});

// -------------------------------------------------------------------------------------------
describe('safe variants never throw', () => {
  it('S01 safeParseGraph and safeParseRuleSet return every problem above as a result', () => {
    const graph = safeParseGraph(json(corpusText('graph-problems.json')));
    const ruleSet = safeParseRuleSet(json(corpusText('rules-semantic.json')));
    expect([graph.success, ruleSet.success]).toEqual([false, false]);
    if (!graph.success) expect(graph.error.issues).toHaveLength(9);
    if (!ruleSet.success) expect(ruleSet.error.issues).toHaveLength(8);
  });
});
