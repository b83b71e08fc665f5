import { describe, expect, it } from 'vitest';
import { ValidationError, assess, readNdjsonSync } from '../../src/index.js';
import { isScenario, records, scenario } from '../../src/testing/index.js';
import { bureauRules, failureOf, issuesOf, smallGraph, themeDayRules, year } from './helpers.js';

const months11 = year().monthly('theme-day', { organization: 'b1', except: [12] });

describe('scenario()', () => {
  const s = scenario(themeDayRules(), { graph: smallGraph(), records: months11 });

  it('runs assess and keeps the whole result', () => {
    expect(s.result).toEqual(assess({ graph: smallGraph().build(), rules: themeDayRules(), records: months11.build() }));
    expect(isScenario(s)).toBe(true);
    expect(isScenario(s.result)).toBe(false);
  });

  it('has short accessors: subject, line, score, total, grade', () => {
    expect(s.subject('b1').name).toBe('第一党支部');
    expect(s.line('b1', 'theme-day')).toMatchObject({ points: 9, max: 10, status: 'shortfall', shortfalls: 1 });
    expect(s.score('b1', 'theme-day')).toBe(9); // 10 − 1 missed month × 1
    expect(s.score('b1')).toBe(9);
    expect(s.total('b1')).toBe(90); // 9 of 10 on a 100-point scale
    expect(s.grade('b1')).toBe('good');
  });

  it('explains a line or a whole subject in the scenario’s language', () => {
    expect(s.explain('b1', 'theme-day')).toContain('缺1个月：2022年12月');
    expect(s.explain('b1')).toContain('第一党支部（b1）：得分 9/10，折算 90，加分 0，总分 90');
    const en = scenario(themeDayRules(), { graph: smallGraph(), records: months11, lang: 'en' });
    expect(en.explain('b1', 'theme-day')).toContain('1 missed: 2022-12');
    expect(en.explain('b1')).toContain('grade: good (good, by score)');
  });

  it('says which subjects and lines exist when a lookup misses', () => {
    expect(failureOf(() => s.subject('b9'))).toBe('结果中没有党组织或人员「b9」（党组织：b1；人员：—）');
    expect(failureOf(() => s.line('b1', 'nope'))).toContain('细则中没有这个指标');
    const b = scenario(bureauRules(), { graph: smallGraph() });
    expect(failureOf(() => b.line('b1', 'cm-topic-meetings'))).toMatch(/^「第一党支部（b1）」没有指标「cm-topic-meetings」的得分行（该指标不适用于这个对象；该对象的指标：br-secretary-in-post, /);
    const en = scenario(themeDayRules(), { graph: smallGraph(), lang: 'en' });
    expect(failureOf(() => en.line('b1', 'nope'))).toContain('the rule set has no such indicator');
  });

  it('with(): more records, a builder’s ids stepping around those in use', () => {
    const december = records().on('2022-12-10', 'theme-day', { organization: 'b1' });
    const full = s.with(december);
    expect(full.score('b1', 'theme-day')).toBe(10);
    expect(s.score('b1', 'theme-day')).toBe(9);
    // The same generated id as a record already there would be a duplicate; it is renumbered instead.
    const again = s.with(records().on('2022-11-10', 'theme-day', { organization: 'b1' }));
    expect(again.records.at(-1)).toMatchObject({ id: 'theme-day:b1:2022-11-10#2' });
    expect(s.with({ id: 'x', type: 'theme-day', organization: 'b1', date: '2022-12-01' }).score('b1', 'theme-day')).toBe(10);
  });

  it('without(): by id, by list, or by a test on id and record', () => {
    expect(s.without('theme-day:b1:2022-01-10').score('b1', 'theme-day')).toBe(8);
    expect(s.without(['theme-day:b1:2022-01-10', 'theme-day:b1:2022-02-10']).score('b1', 'theme-day')).toBe(7);
    expect(s.without((_id, record) => record.date >= '2022-07-01').score('b1', 'theme-day')).toBe(4); // 6 of 12 months
  });

  it('verdict() and findings() on the bureau rules', () => {
    const b = scenario(bureauRules(), { graph: smallGraph(), records: year().on('2022-07-01', 'party-lecture', { person: 'p4' }) });
    expect(b.verdict('p1')).toBe('derelict');
    expect(b.verdict('p4')).not.toBe('derelict');
    expect(b.findings({ rule: 'derelict' }).map((f) => f.subject.id)).toEqual(['p1', 'p2', 'p3']);
    expect(b.findings({ subject: 'p1', form: '通报批评', kind: 'direct' })).toHaveLength(1);
    expect(b.findings({ trigger: 'bureau', status: 'proposed' }).length).toBeGreaterThan(0);
    expect(failureOf(() => b.verdict('b1'))).toContain('「b1」是党组织，不是人员，没有评定结论');
  });

  it('takes previous as a scenario, asOf, and a graph as builder, parsed graph or JSON', () => {
    // Last period (a previous result must be of an earlier period): the same rules for 2021, no
    // records. p1, p2, p3 were derelict then too; p4 was not: the 七一 lecture's window
    // (2022-06-15 to 2022-07-31) had not come yet, so the line was in progress (undetermined).
    const previous = scenario({ ...bureauRules(), period: { year: 2021 } }, { graph: smallGraph() });
    const now = scenario(bureauRules(), { graph: smallGraph().build(), previous });
    expect(now.findings({ rule: 'derelict-again' }).map((f) => f.subject.id)).toEqual(['p1', 'p2', 'p3']);
    const midYear = scenario(themeDayRules(), { graph: smallGraph().input(), records: months11, asOf: '2022-06-30' });
    expect(midYear.score('b1', 'theme-day')).toBe(10);
    expect(midYear.result.period.asOf).toBe('2022-06-30');
  });

  it('throws the engine’s ValidationError on an invalid rule set or record', () => {
    expect(() => scenario({ id: 'x' }, { graph: smallGraph() })).toThrow(ValidationError);
    expect(() => scenario(themeDayRules(), { graph: smallGraph(), records: [{ id: 'r', type: 't', date: '2022-01-01' }] })).toThrow(ValidationError);
  });
});

describe('scenario(): what-if and options that would test nothing', () => {
  const s = scenario(themeDayRules(), { graph: smallGraph(), records: months11 });
  // The same eleven theme days as NDJSON lines: what readNdjsonSync yields are reader items, not records.
  const ndjson = months11.build().map((r) => JSON.stringify(r)).join('\n');
  const read = scenario(themeDayRules(), { graph: smallGraph(), records: [...readNdjsonSync(ndjson)] });

  it('without() sees the records inside reader items', () => {
    expect(read.records[0]).toMatchObject({ kind: 'record', line: 1 });
    expect(read.score('b1', 'theme-day')).toBe(9); // 10 − 1 missed month (December)
    expect(read.without('theme-day:b1:2022-01-10').score('b1', 'theme-day')).toBe(8); // and January
    expect(read.without(['theme-day:b1:2022-01-10', 'theme-day:b1:2022-02-10']).score('b1', 'theme-day')).toBe(7);
    expect(read.without((_id, record) => record.date >= '2022-07-01').score('b1', 'theme-day')).toBe(4); // 6 of 12 months
    // A builder added later steps around the ids inside the reader items.
    expect(read.with(year().on('2022-11-10', 'theme-day', { organization: 'b1' })).records.at(-1)).toMatchObject({ id: 'theme-day:b1:2022-11-10#2' });
  });

  it('without() of an id no record has is an error naming it; so is a test no record passes', () => {
    expect(issuesOf(() => s.without('theme-day:b1:2022-12-10'))).toEqual([
      { code: 'without-unknown-id', path: 'which', message: '场景的 11 条记录中没有编号为「theme-day:b1:2022-12-10」的记录，无法去掉（是否想写「theme-day:b1:2022-02-10」？）' },
    ]);
    // Of a list, each id not found is named at its place, even when the others are found.
    const listed = issuesOf(() => read.without(['theme-day:b1:2022-01-10', 'nope', 'theme-day:b1:2022-13-10']));
    expect(listed.map((i) => [i.code, i.path])).toEqual([
      ['without-unknown-id', 'which.1'],
      ['without-unknown-id', 'which.2'],
    ]);
    expect(listed[0]?.message).toBe('场景的 11 条记录中没有编号为「nope」的记录，无法去掉');
    expect(listed[1]?.message).toContain('「theme-day:b1:2022-13-10」');
    expect(issuesOf(() => s.without((_id, record) => record.date >= '2022-12-01'))).toEqual([
      { code: 'without-nothing', path: 'which', message: '筛选函数没有选中场景 11 条记录中的任何一条：什么也没去掉的“如果……会怎样”什么也没有测试' },
    ]);
    const en = scenario(themeDayRules(), { graph: smallGraph(), records: months11, lang: 'en' });
    expect(failureOf(() => en.without('x'))).toContain('none of the scenario\'s 11 records has the id "x" to leave out');
  });

  it('refuses an option it does not have, and a missing graph', () => {
    const misspelled = { graph: smallGraph(), record: months11 } as unknown as { graph: object };
    expect(issuesOf(() => scenario(themeDayRules(), misspelled))).toEqual([
      { code: 'unknown-option', path: 'record', message: '未知字段「record」（是否想写「records」？）；可用字段：graph, records, asOf, previous, lang' },
    ]);
    expect(failureOf(() => scenario(themeDayRules(), { ...misspelled, lang: 'en' } as { graph: object }))).toContain('unknown field "record" (did you mean "records"?); allowed: graph, records, asOf, previous, lang');
    expect(issuesOf(() => scenario(themeDayRules(), {} as { graph: object }))).toEqual([{ code: 'required', path: 'graph', message: '缺少必填字段「graph」' }]);
    expect(issuesOf(() => scenario(themeDayRules(), undefined as unknown as { graph: object }))[0]?.code).toBe('invalid-type');
  });

  it('verdict() of an organization says so in the scenario’s language', () => {
    const en = scenario(bureauRules(), { graph: smallGraph(), lang: 'en' });
    expect(issuesOf(() => en.verdict('b1'))).toEqual([{ code: 'not-a-person', path: 'person', message: '"b1" is an organization, not a person: it has no verdict' }]);
  });

  it('findings() checks its filter like toHaveFinding', () => {
    const b = scenario(bureauRules(), { graph: smallGraph() });
    expect(issuesOf(() => b.findings({ subject: 'p-1' })).map((i) => i.code)).toEqual(['no-subject-id']);
    expect(b.findings({ subject: 'p1', liability: 'principal-leadership' }).map((f) => f.rule)).toEqual(['rectification-open']);
  });
});
