// A previous result's elements that no run gives are refused, every problem at once:
// - the same subject (type and id) listed twice: the later one was compared with, so the output
//   hung on the order of the list (previous-duplicate-subject, at the second one's id);
// - a total below 0, or above the subject's own scaled score plus its bonus (1e308 printed a
//   change of -1e+308) (previous-total-out-of-range, at the total);
// - a period starting after it ends: it was only warned of as not the period just before
//   (previous-period-reversed, at previous.period).
//
// Small graph from tests/accountability/helpers.ts: branches b1..b4. The 2021 result, worked by
// hand: one manual indicator of 85 points for branches, a bonus of 2 points an award (cap 5);
// b1 scored 100 of 100 and has one award: 85 of 85 points, scaled 100, bonus 2, total 102 (above
// its max of 85: the max is no bound on the total); b2 scored 60: 51 of 85, scaled 60, total 60;
// b3 and b4 have no score: total 0. No people are assessed.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { assess, type AssessmentResult, type GraphInput, type RuleSetInput } from '../../src/index.js';
import { checkPrevious } from '../../src/engine/previous.js';
import { manualIndicator, manualScore, rec, ruleSet, run, thrown } from '../accountability/helpers.js';

const rulesOf = (year: number): RuleSetInput =>
  ruleSet([{ ...manualIndicator('work', { organizations: ['branch'] }), points: 85, bonus: { recordTypes: ['award'], each: 2, cap: 5 } }], undefined, { period: { year } }, year);

const Y2021: AssessmentResult = run(rulesOf(2021), [
  { ...manualScore('m1', { organization: 'b1' }, 'work', 100), date: '2021-12-20' },
  { ...manualScore('m2', { organization: 'b2' }, 'work', 60), date: '2021-12-20' },
  rec('a1', 'award', 'b1', '2021-06-01'),
]);

/** A copy of the 2021 result (as read back from its file) to change. */
type Editable = { period: Record<string, unknown>; organizations: Record<string, unknown>[]; people: Record<string, unknown>[] };
const edited = (change: (p: Editable) => void): AssessmentResult => {
  const copy = JSON.parse(JSON.stringify(Y2021)) as Editable;
  change(copy);
  return copy as unknown as AssessmentResult;
};
/** The 2022 run (no records) with `previous`. */
const run2022 = (previous: AssessmentResult, lang?: 'zh' | 'en'): AssessmentResult => run(rulesOf(2022), [], { previous, ...(lang ? { lang } : {}) });
const refused = (previous: AssessmentResult) => thrown(() => run2022(previous));
const listed = (previous: AssessmentResult) => refused(previous).issues.map((i) => [i.code, i.path, i.params]);

describe('the 2021 result, as the engine gives it', () => {
  it('holds the figures worked by hand', () => {
    expect(Y2021.organizations.map((s) => [s.id, s.max, s.scaled, s.bonus, s.total])).toEqual([
      ['b1', 85, 100, 2, 102],
      ['b2', 85, 60, 0, 60],
      ['b3', 85, 0, 0, 0],
      ['b4', 85, 0, 0, 0],
    ]);
    expect(Y2021.people).toEqual([]);
    expect(Y2021.period).toMatchObject({ start: '2021-01-01', end: '2021-12-31' });
  });

  it("is accepted as 2022's previous: a total above the max, a bonus, a total of 0", () => {
    const result = run2022(Y2021);
    expect(result.organizations.map((s) => [s.id, s.previous])).toEqual([
      ['b1', { total: 102, grade: null, delta: -102 }],
      ['b2', { total: 60, grade: null, delta: -60 }],
      ['b3', { total: 0, grade: null, delta: 0 }],
      ['b4', { total: 0, grade: null, delta: 0 }],
    ]);
    expect(result.warnings.filter((w) => w.code.startsWith('warning-previous'))).toEqual([]);
  });
});

describe('a subject listed twice', () => {
  it("appended: previous-duplicate-subject at the second one's id, naming the first, in Chinese and English", () => {
    const error = refused(edited((p) => p.organizations.push({ ...p.organizations[0], total: 0, grade: null })));
    expect(error.subject).toBe('previous');
    expect(error.issues.map((i) => [i.code, i.path, i.params])).toEqual([
      ['previous-duplicate-subject', ['previous', 'organizations', 4, 'id'], { type: 'organization', id: 'b1', first: 'organizations[0]' }],
    ]);
    expect(error.issues[0]?.message).toBe('党组织「b1」在评估结果中重复出现（首次出现在 organizations[0]）：每个考核对象只能有一个结果，否则取哪一个取决于列出的先后');
    expect(error.inLanguage('en').issues[0]?.message).toBe(
      'organization "b1" is listed twice in the assessment result (first at organizations[0]): a subject has one result, or which one is read would depend on the order of the list',
    );
  });

  it('prepended: refused the same way, at organizations[1] (the output no longer depends on the order)', () => {
    expect(listed(edited((p) => p.organizations.unshift({ ...p.organizations[0], total: 0, grade: null })))).toEqual([
      ['previous-duplicate-subject', ['previous', 'organizations', 1, 'id'], { type: 'organization', id: 'b1', first: 'organizations[0]' }],
    ]);
  });

  it('a person twice in people; an organization in people found by type and id as the run reads them', () => {
    const person = { type: 'person', id: 'p-b1-sec', name: '赵书记', total: 50, grade: null };
    const previous = edited((p) => {
      p.people.push(person, { ...p.organizations[1] }, { ...person, total: 40 });
    });
    expect(listed(previous)).toEqual([
      ['previous-duplicate-subject', ['previous', 'people', 1, 'id'], { type: 'organization', id: 'b2', first: 'organizations[1]' }],
      ['previous-duplicate-subject', ['previous', 'people', 2, 'id'], { type: 'person', id: 'p-b1-sec', first: 'people[0]' }],
    ]);
    const en = thrown(() => run2022(previous, 'en')).issues[1]?.message;
    expect(en).toBe('person "p-b1-sec" is listed twice in the assessment result (first at people[0]): a subject has one result, or which one is read would depend on the order of the list');
    expect(refused(previous).issues[1]?.message).toBe('人员「p-b1-sec」在评估结果中重复出现（首次出现在 people[0]）：每个考核对象只能有一个结果，否则取哪一个取决于列出的先后');
  });

  it('a person and an organization of the same id are two subjects: accepted', () => {
    const result = run2022(edited((p) => p.people.push({ type: 'person', id: 'b1', name: 'b1', total: 10, grade: null })));
    expect(result.organizations[0]?.previous).toEqual({ total: 102, grade: null, delta: -102 });
  });

  it('a subject whose id is no text is invalid-previous, not also a duplicate', () => {
    expect(listed(edited((p) => p.organizations.push({ ...p.organizations[0], id: 7 })))).toEqual([
      ['invalid-previous', ['previous', 'organizations', 4, 'id'], { field: 'organizations[4].id', expected: 'string' }],
    ]);
  });

  it('at most 100 problems are listed, as for the other elements', () => {
    const error = refused(edited((p) => p.organizations.push(...Array.from({ length: 150 }, () => ({ ...p.organizations[3] })))));
    expect(error.issues).toHaveLength(100);
    expect(error.issues[99]).toMatchObject({ code: 'previous-duplicate-subject', path: ['previous', 'organizations', 103, 'id'], params: { first: 'organizations[3]' } });
  });
});

describe('a total no run can give', () => {
  it("below 0: previous-total-out-of-range, with the subject's own ceiling (scaled 60 + bonus 0)", () => {
    const error = refused(edited((p) => (p.organizations[1] = { ...p.organizations[1], total: -5 })));
    expect(error.issues.map((i) => [i.code, i.path, i.params])).toEqual([
      ['previous-total-out-of-range', ['previous', 'organizations', 1, 'total'], { field: 'organizations[1].total', total: -5, max: 60 }],
    ]);
    expect(error.issues[0]?.message).toBe('organizations[1].total 为 -5，不是评估可能得出的总分：应不小于 0，且不大于该考核对象的折算得分与加分之和 60');
    expect(error.inLanguage('en').issues[0]?.message).toBe(
      "organizations[1].total is -5, not a total an assessment can give: it must be at least 0 and at most 60, the subject's scaled score plus its bonus",
    );
  });

  it('1e308: above scaled 100 + bonus 2, refused (it printed a change of -1e+308)', () => {
    const error = refused(edited((p) => (p.organizations[0] = { ...p.organizations[0], total: 1e308 })));
    expect(error.issues.map((i) => [i.code, i.path, i.params])).toEqual([
      ['previous-total-out-of-range', ['previous', 'organizations', 0, 'total'], { field: 'organizations[0].total', total: 1e308, max: 102 }],
    ]);
    expect(error.issues[0]?.message).toBe('organizations[0].total 为 1e+308，不是评估可能得出的总分：应不小于 0，且不大于该考核对象的折算得分与加分之和 102');
  });

  it('102.01 is above 102 and refused; 102 and 0 are what the engine gives and pass', () => {
    expect(listed(edited((p) => (p.organizations[0] = { ...p.organizations[0], total: 102.01 })))).toEqual([
      ['previous-total-out-of-range', ['previous', 'organizations', 0, 'total'], { field: 'organizations[0].total', total: 102.01, max: 102 }],
    ]);
    const lower = run2022(edited((p) => (p.organizations[0] = { ...p.organizations[0], total: 0 })));
    expect(lower.organizations[0]?.previous).toEqual({ total: 0, grade: null, delta: 0 });
  });

  it('a subject without scaled and bonus has only the bound of 0 (no other is certain: the scale is not in a result)', () => {
    const bare = (total: number) => ({ type: 'person', id: 'p-b1-sec', name: '赵书记', total, grade: null });
    const error = refused(edited((p) => p.people.push(bare(-0.5))));
    expect(error.issues.map((i) => [i.code, i.path, i.params])).toEqual([
      ['previous-total-out-of-range', ['previous', 'people', 0, 'total'], { field: 'people[0].total', total: -0.5, max: '' }],
    ]);
    expect(error.issues[0]?.message).toBe('people[0].total 为 -0.5，不是评估可能得出的总分：应不小于 0');
    expect(error.inLanguage('en').issues[0]?.message).toBe('people[0].total is -0.5, not a total an assessment can give: it must be at least 0');
    expect(() => run2022(edited((p) => p.people.push(bare(250))))).not.toThrow();
  });

  it('a total that is no finite number stays invalid-previous, not also out of range', () => {
    expect(listed(edited((p) => (p.organizations[0] = { ...p.organizations[0], total: '-5' })))).toEqual([
      ['invalid-previous', ['previous', 'organizations', 0, 'total'], { field: 'organizations[0].total', expected: 'number' }],
    ]);
  });
});

describe('a period starting after it ends', () => {
  it('previous-period-reversed at previous.period (before: only warning-previous-not-adjacent), in Chinese and English', () => {
    const error = refused(edited((p) => (p.period = { ...p.period, start: '2021-12-31', end: '2021-01-01' })));
    expect(error.issues.map((i) => [i.code, i.path, i.params])).toEqual([['previous-period-reversed', ['previous', 'period'], { start: '2021-12-31', end: '2021-01-01' }]]);
    expect(error.issues[0]?.message).toBe('评估结果的考核期起始日 2021-12-31 晚于截止日 2021-01-01');
    expect(error.inLanguage('en').issues[0]?.message).toBe("the assessment result's period starts (2021-12-31) after it ends (2021-01-01)");
  });

  it('a period of one day (start = end) is not reversed', () => {
    const result = run2022(edited((p) => (p.period = { ...p.period, start: '2021-12-31', end: '2021-12-31' })));
    expect(result.warnings.map((w) => w.code)).toContain('warning-previous-not-adjacent');
  });

  it('an unreadable date is invalid-previous only', () => {
    expect(listed(edited((p) => (p.period = { ...p.period, start: '2021-13-01', end: '2021-01-01' })))).toEqual([
      ['invalid-previous', ['previous', 'period', 'start'], { field: 'period.start', expected: 'date' }],
    ]);
  });
});

it('every problem is listed at once, in the order of the file', () => {
  const previous = edited((p) => {
    p.period = { ...p.period, start: '2021-12-31', end: '2021-01-01' };
    p.organizations[0] = { ...p.organizations[0], total: 1e308 };
    p.organizations.push({ ...p.organizations[1], total: -5, grade: 'good' });
  });
  expect(listed(previous)).toEqual([
    ['previous-period-reversed', ['previous', 'period'], { start: '2021-12-31', end: '2021-01-01' }],
    ['previous-total-out-of-range', ['previous', 'organizations', 0, 'total'], { field: 'organizations[0].total', total: 1e308, max: 102 }],
    ['previous-duplicate-subject', ['previous', 'organizations', 4, 'id'], { type: 'organization', id: 'b2', first: 'organizations[1]' }],
    ['previous-total-out-of-range', ['previous', 'organizations', 4, 'total'], { field: 'organizations[4].total', total: -5, max: 60 }],
    ['invalid-previous', ['previous', 'organizations', 4, 'grade'], { field: 'organizations[4].grade', expected: 'grade' }],
  ]);
});

// The engine's own results are never refused: each example's result is the next period's previous.
describe('the examples, chained period to period', () => {
  const example = (name: string, file: string): string => readFileSync(fileURLToPath(new URL(`../../examples/${name}/${file}`, import.meta.url)), 'utf8');
  const inputs = (name: string) => ({
    graph: JSON.parse(example(name, 'graph.json')) as GraphInput,
    rules: JSON.parse(example(name, 'rules.json')) as RuleSetInput,
    records: example(name, 'records.ndjson')
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => JSON.parse(l) as Record<string, unknown>),
  });
  const reread = (result: AssessmentResult): AssessmentResult => JSON.parse(JSON.stringify(result)) as AssessmentResult;

  it('bureau-2022: 2021 (records moved a year back) before 2022, 2022 before 2023', () => {
    const { graph, rules, records } = inputs('bureau-2022');
    const moved = (year: number) => records.map((r) => ({ ...r, date: String(r['date']).replace(/^2022/, String(year)) }));
    const y2021 = assess({ graph, rules: { ...rules, period: { year: 2021 } }, records: moved(2021) });
    const y2022 = assess({ graph, rules, records, previous: reread(y2021) });
    const y2023 = assess({ graph, rules: { ...rules, period: { year: 2023 } }, records: moved(2023), previous: reread(y2022) });
    for (const result of [y2022, y2023]) expect([...result.organizations, ...result.people].every((s) => s.previous !== undefined)).toBe(true);
  });

  it('university-college: the third quarter of 2023 before the fourth, whether over or made as of August', () => {
    const { graph, rules, records } = inputs('university-college');
    const q3 = assess({ graph, rules, records });
    // One of its subjects has a total above its max (85 points at stake, all earned: 100).
    expect([...q3.organizations, ...q3.people].some((s) => s.total > s.max)).toBe(true);
    const q4 = { ...rules, period: { year: 2023, quarter: 4 } } as RuleSetInput;
    const after = assess({ graph, rules: q4, records: [], previous: reread(q3) });
    expect([...after.organizations, ...after.people].every((s) => s.previous !== undefined)).toBe(true);
    expect(() => assess({ graph, rules: q4, records: [], previous: reread(assess({ graph, rules, records, asOf: '2023-08-15' })) })).not.toThrow();
  });
});

describe('a finding listed twice', () => {
  it('is refused at the second id, naming the first: decide would refuse it too', () => {
    const file = (name: string): unknown => JSON.parse(readFileSync(fileURLToPath(new URL(`../../examples/bureau-2022/${name}`, import.meta.url)), 'utf8'));
    const records = readFileSync(fileURLToPath(new URL('../../examples/bureau-2022/records.ndjson', import.meta.url)), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    const result = assess({ graph: file('graph.json') as GraphInput, rules: file('rules.json') as RuleSetInput, records: records as never });
    const twice = { ...result, findings: [...result.findings, result.findings[0]] };
    const error = thrown(() => checkPrevious(twice, 'zh'));
    expect(error.issues.map((i) => [i.code, i.path, i.params])).toEqual([['duplicate-id', ['previous', 'findings', result.findings.length, 'id'], { id: result.findings[0]?.id, first: 'findings[0]' }]]);
  });
});
