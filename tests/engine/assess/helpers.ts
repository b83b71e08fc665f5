// Shared fixtures for the end-to-end assessment tests (not a test file itself).
//
// The small graph used throughout:
//
//   cm   局党委 (committee)      secretary p-sec, team members p-tm1 (oversees b1, liaison b2)
//   │                                              and p-tm2 (oversees b2, liaison b1)
//   ├── b1 第一支部 (branch)     secretary p-b1-sec, member p-b1-m, probationary member p-b1-prob
//   │   └── g1 第一党小组 (group)  member p-g1-m
//   └── b2 第二支部 (branch)     secretary p-b2-sec, member p-b2-m
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import {
  assess,
  ValidationError,
  type AssessOptions,
  type AssessmentResult,
  type GraphInput,
  type IndicatorLine,
  type RecordInput,
  type RuleSetInput,
  type SubjectResult,
} from '../../../src/index.js';

export type IndicatorInput = RuleSetInput['indicators'][number];
export type LadderInput = NonNullable<RuleSetInput['ladders']>[number];
export type QuotaInput = NonNullable<RuleSetInput['quotas']>[number];
export type AttributesInput = NonNullable<RecordInput['attributes']>;

const GRAPH: GraphInput = {
  id: 'test-graph',
  organizations: [
    { id: 'cm', name: '局党委', kind: 'committee' },
    { id: 'b1', name: '第一支部', kind: 'branch', parent: 'cm' },
    { id: 'b2', name: '第二支部', kind: 'branch', parent: 'cm' },
    { id: 'g1', name: '第一党小组', kind: 'group', parent: 'b1' },
  ],
  people: [
    { id: 'p-sec', name: '王书记', partyMember: true },
    { id: 'p-tm1', name: '李委员', partyMember: true },
    { id: 'p-tm2', name: '张委员', partyMember: true },
    { id: 'p-b1-sec', name: '赵书记', partyMember: true },
    { id: 'p-b1-m', name: '钱党员', partyMember: true },
    { id: 'p-b1-prob', name: '孙预备', partyMember: true, probationary: true },
    { id: 'p-b2-sec', name: '周书记', partyMember: true },
    { id: 'p-b2-m', name: '吴党员', partyMember: true },
    { id: 'p-g1-m', name: '郑党员', partyMember: true },
  ],
  posts: [
    { person: 'p-sec', organization: 'cm', role: 'secretary' },
    { person: 'p-tm1', organization: 'cm', role: 'team-member' },
    { person: 'p-tm2', organization: 'cm', role: 'team-member' },
    { person: 'p-b1-sec', organization: 'b1', role: 'secretary' },
    { person: 'p-b1-m', organization: 'b1', role: 'member' },
    { person: 'p-b1-prob', organization: 'b1', role: 'member' },
    { person: 'p-b2-sec', organization: 'b2', role: 'secretary' },
    { person: 'p-b2-m', organization: 'b2', role: 'member' },
    { person: 'p-g1-m', organization: 'g1', role: 'member' },
  ],
  oversight: [
    { person: 'p-tm1', organization: 'b1' },
    { person: 'p-tm2', organization: 'b2' },
  ],
  liaison: [
    { person: 'p-tm1', organization: 'b2' },
    { person: 'p-tm2', organization: 'b1' },
  ],
};

/** A fresh copy of the small graph (callers may change it). */
export function graphInput(): GraphInput {
  return structuredClone(GRAPH);
}

/** 好 90 / 较好 80 / 一般 60 / 差 0, highest first. */
export function fourGrades(): LadderInput['grades'] {
  return [
    { id: 'good', title: '好', min: 90 },
    { id: 'fairly-good', title: '较好', min: 80 },
    { id: 'average', title: '一般', min: 60 },
    { id: 'poor', title: '差', min: 0 },
  ];
}

/** A minimal ladder: 好/较好/一般/差 for the given kinds of organization. */
export function orgLadder(
  kinds: ('committee' | 'general-branch' | 'branch')[] = ['committee', 'branch'],
  id = 'org',
): LadderInput {
  return { id, title: '党组织等次', appliesTo: { organizations: kinds }, grades: fourGrades() };
}

/** An indicator with defaults: title = id, 主体责任, applies to branches, 0 points. */
export function ind(fields: Partial<IndicatorInput> & { id: string }): IndicatorInput {
  return { title: fields.id, responsibility: 'principal', appliesTo: { organizations: ['branch'] }, points: 0, ...fields };
}

/** A rule set for 2022 with the given indicators; `extra` overrides anything. */
export function ruleSet(indicators: IndicatorInput[], extra: Partial<RuleSetInput> = {}): RuleSetInput {
  return { id: 'test-rules', title: '测试细则', version: '1', period: { year: 2022 }, indicators, ...extra };
}

/** An approved record of an organization. */
/** A count indicator met by one record of `type` (all or nothing). */
export function countIndicator(id: string, points: number, appliesTo: IndicatorInput['appliesTo'], type = 'meeting'): IndicatorInput {
  return ind({ id, appliesTo, points, measure: { type: 'count', recordTypes: [type], atLeast: 1 }, scoring: { method: 'all-or-nothing' } });
}

/** A sheet that lints clean on the small graph: 100 points for the committee, 60 + 40 for branches, the org ladder. */
export function lintCleanRules(extra: Partial<RuleSetInput> = {}): RuleSetInput {
  return ruleSet([countIndicator('cm-x', 100, { organizations: ['committee'] }), countIndicator('br-x', 60, { organizations: ['branch'] }), countIndicator('br-y', 40, { organizations: ['branch'] })], {
    ladders: [orgLadder()],
    ...extra,
  });
}

export function rec(id: string, type: string, organization: string, date: string, extra: Partial<RecordInput> = {}): RecordInput {
  return { id, type, organization, date, ...extra };
}

/** An approved record of a person. */
export function prec(id: string, type: string, person: string, date: string, extra: Partial<RecordInput> = {}): RecordInput {
  return { id, type, person, date, ...extra };
}

/** One record on the 10th of each listed month: ids `${prefix}-${month}`. */
export function monthly(prefix: string, type: string, organization: string, months: number[], extra: Partial<RecordInput> = {}): RecordInput[] {
  return months.map((m) => rec(`${prefix}-${String(m).padStart(2, '0')}`, type, organization, `2022-${String(m).padStart(2, '0')}-10`, extra));
}

/** A manual-score record: `score` for `indicator` from assessor group `group` (default 'g'). */
export function manualScore(id: string, subject: { organization: string } | { person: string }, indicator: string, score: number, group = 'g'): RecordInput {
  return { id, type: 'manual-score', ...subject, date: '2022-12-20', attributes: { indicator, group, score } };
}

/** A manual indicator worth `points` whose result is exactly the score entered (one group). */
export function manualIndicator(id: string, points = 100, appliesTo: IndicatorInput['appliesTo'] = { organizations: ['branch'] }): IndicatorInput {
  return ind({
    id,
    appliesTo,
    points,
    measure: { type: 'manual', groups: [{ id: 'g', weight: 1 }], scale: 100 },
    scoring: { method: 'proportional' },
  });
}

/** Runs an assessment on the small graph (or `extra.graph`). */
export function run(rules: RuleSetInput, records: Iterable<unknown>, extra: Partial<Omit<AssessOptions, 'rules' | 'records'>> = {}): AssessmentResult {
  return assess({ graph: graphInput(), rules, records, ...extra });
}

/** An organization's result; fails when it is missing. */
export function org(result: AssessmentResult, id: string): SubjectResult {
  const found = result.organizations.find((s) => s.id === id);
  if (!found) throw new Error(`no organization ${id} in the result (have ${result.organizations.map((s) => s.id).join(', ')})`);
  return found;
}

/** A person's result; fails when it is missing. */
export function person(result: AssessmentResult, id: string): SubjectResult {
  const found = result.people.find((s) => s.id === id);
  if (!found) throw new Error(`no person ${id} in the result (have ${result.people.map((s) => s.id).join(', ')})`);
  return found;
}

/** One line of a subject; fails when it is missing. */
export function line(subject: SubjectResult, indicator: string): IndicatorLine {
  const found = subject.lines.find((l) => l.indicator === indicator);
  if (!found) throw new Error(`no line ${indicator} for ${subject.id} (have ${subject.lines.map((l) => l.indicator).join(', ')})`);
  return found;
}

/** The codes of the run's warnings, in order. */
export function warningCodes(result: AssessmentResult): string[] {
  return result.warnings.map((w) => w.code);
}

/** The one warning with a code (and, when given, matching params); fails unless exactly one. */
export function warning(result: AssessmentResult, code: string): AssessmentResult['warnings'][number] {
  const found = result.warnings.filter((w) => w.code === code);
  expect(found, `warnings with code ${code}: ${JSON.stringify(result.warnings)}`).toHaveLength(1);
  return found[0] as AssessmentResult['warnings'][number];
}

/** The ValidationError a call throws; fails the test when it does not throw one. */
export function thrown(call: () => unknown): ValidationError {
  try {
    call();
  } catch (error) {
    if (error instanceof ValidationError) return error;
    throw error;
  }
  throw new Error('expected a ValidationError, but nothing was thrown');
}

const exampleFile = (name: string): string => fileURLToPath(new URL(`../../../examples/bureau-2022/${name}`, import.meta.url));

/** The bureau example: graph and rules as JSON values, the records file as text. */
export function bureau(): { graph: unknown; rules: unknown; recordsText: string } {
  return {
    graph: JSON.parse(readFileSync(exampleFile('graph.json'), 'utf8')) as unknown,
    rules: JSON.parse(readFileSync(exampleFile('rules.json'), 'utf8')) as unknown,
    recordsText: readFileSync(exampleFile('records.ndjson'), 'utf8'),
  };
}

/** The bureau's records as plain objects, in file order. */
export function bureauRecords(): Record<string, unknown>[] {
  return bureau()
    .recordsText.split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}
