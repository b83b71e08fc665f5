// Shared fixtures for the accountability tests (not a test file itself).
//
// The small graph used by the inline scenarios (ids and names are ASCII/Chinese test values):
//
//   cm  局党委 (committee)        secretary p-sec, deputy secretary p-dep, team member p-tm
//   ├── b1 第一支部 (branch)       secretary p-b1-sec, team member p-b1-tm, member p-b1-m
//   │   └── g1 第一党小组 (group)  member p-g1-m
//   ├── b2 第二支部 (branch)       secretary p-b2-sec, member p-b2-m
//   └── gb 党总支 (general-branch) secretary p-gb-sec, team member p-gb-tm
//       ├── b3 第三支部 (branch)   secretary p-b3-sec, member p-b3-m
//       └── b4 第四支部 (branch)   secretary p-b4-sec
//
//   oversight (一岗双责): p-dep → gb, p-tm → b1, p-tm → b2
//   liaison (包抓包联):   p-sec → b3, p-dep → b1
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  assess,
  ValidationError,
  type AssessOptions,
  type AssessmentResult,
  type Finding,
  type GraphInput,
  type Issue,
  type RecordInput,
  type RuleSetInput,
} from '../../src/index.js';

export type IndicatorInput = RuleSetInput['indicators'][number];
export type AccountabilityInput = NonNullable<RuleSetInput['accountability']>;
export type AccountabilityRuleInput = AccountabilityInput['rules'][number];

const GRAPH: GraphInput = {
  id: 'acc-graph',
  organizations: [
    { id: 'cm', name: '局党委', kind: 'committee' },
    { id: 'b1', name: '第一支部', kind: 'branch', parent: 'cm' },
    { id: 'g1', name: '第一党小组', kind: 'group', parent: 'b1' },
    { id: 'b2', name: '第二支部', kind: 'branch', parent: 'cm' },
    { id: 'gb', name: '党总支', kind: 'general-branch', parent: 'cm' },
    { id: 'b3', name: '第三支部', kind: 'branch', parent: 'gb' },
    { id: 'b4', name: '第四支部', kind: 'branch', parent: 'gb' },
  ],
  people: [
    { id: 'p-sec', name: '王书记', partyMember: true },
    { id: 'p-dep', name: '李副书记', partyMember: true },
    { id: 'p-tm', name: '张委员', partyMember: true },
    { id: 'p-b1-sec', name: '赵书记', partyMember: true },
    { id: 'p-b1-tm', name: '钱委员', partyMember: true },
    { id: 'p-b1-m', name: '孙党员', partyMember: true },
    { id: 'p-g1-m', name: '周党员', partyMember: true },
    { id: 'p-b2-sec', name: '吴书记', partyMember: true },
    { id: 'p-b2-m', name: '郑党员', partyMember: true },
    { id: 'p-gb-sec', name: '冯书记', partyMember: true },
    { id: 'p-gb-tm', name: '陈委员', partyMember: true },
    { id: 'p-b3-sec', name: '褚书记', partyMember: true },
    { id: 'p-b3-m', name: '卫党员', partyMember: true },
    { id: 'p-b4-sec', name: '蒋书记', partyMember: true },
  ],
  posts: [
    { person: 'p-sec', organization: 'cm', role: 'secretary' },
    { person: 'p-dep', organization: 'cm', role: 'deputy-secretary' },
    { person: 'p-tm', organization: 'cm', role: 'team-member' },
    { person: 'p-b1-sec', organization: 'b1', role: 'secretary' },
    { person: 'p-b1-tm', organization: 'b1', role: 'team-member' },
    { person: 'p-b1-m', organization: 'b1', role: 'member' },
    { person: 'p-g1-m', organization: 'g1', role: 'member' },
    { person: 'p-b2-sec', organization: 'b2', role: 'secretary' },
    { person: 'p-b2-m', organization: 'b2', role: 'member' },
    { person: 'p-gb-sec', organization: 'gb', role: 'secretary' },
    { person: 'p-gb-tm', organization: 'gb', role: 'team-member' },
    { person: 'p-b3-sec', organization: 'b3', role: 'secretary' },
    { person: 'p-b3-m', organization: 'b3', role: 'member' },
    { person: 'p-b4-sec', organization: 'b4', role: 'secretary' },
  ],
  oversight: [
    { person: 'p-dep', organization: 'gb' },
    { person: 'p-tm', organization: 'b1' },
    { person: 'p-tm', organization: 'b2' },
  ],
  liaison: [
    { person: 'p-sec', organization: 'b3' },
    { person: 'p-dep', organization: 'b1' },
  ],
};

/** A fresh copy of the small graph (callers may change it). */
export function graphInput(): GraphInput {
  return structuredClone(GRAPH);
}

/** An indicator with defaults: title = id, 主体责任, applies to branches, 0 points. */
export function ind(fields: Partial<IndicatorInput> & { id: string }): IndicatorInput {
  return { title: fields.id, responsibility: 'principal', appliesTo: { organizations: ['branch'] }, points: 0, ...fields };
}

/**
 * A placeholder indicator so that a rule set has one: a veto that no test record fires
 * (record type `never-recorded`). It makes the branches subjects, nothing more.
 */
export const PLACEHOLDER: IndicatorInput = ind({ id: 'placeholder', veto: { recordTypes: ['never-recorded'] } });

/** A rule set for `year` (default 2022) with the given indicators and accountability section. */
export function ruleSet(indicators: IndicatorInput[], accountability: AccountabilityInput | undefined, extra: Partial<RuleSetInput> = {}, year = 2022): RuleSetInput {
  return {
    id: 'acc-rules',
    title: '问责测试细则',
    version: '1',
    period: { year },
    indicators,
    ...(accountability !== undefined ? { accountability } : {}),
    ...extra,
  };
}

/** An accountability rule with a title = id. */
export function rule(id: string, trigger: AccountabilityRuleInput['trigger'], reach: AccountabilityRuleInput['reach'], extra: Partial<AccountabilityRuleInput> = {}): AccountabilityRuleInput {
  return { id, title: id, trigger, reach, ...extra };
}

/** An approved record of an organization. */
export function rec(id: string, type: string, organization: string, date: string, extra: Partial<RecordInput> = {}): RecordInput {
  return { id, type, organization, date, ...extra };
}

/** An approved record of a person. */
export function prec(id: string, type: string, person: string, date: string, extra: Partial<RecordInput> = {}): RecordInput {
  return { id, type, person, date, ...extra };
}

/** A manual-score record: `score` for `indicator`, one assessor group 'g'. */
export function manualScore(id: string, subject: { organization: string } | { person: string }, indicator: string, score: number): RecordInput {
  return { id, type: 'manual-score', ...subject, date: '2022-12-20', attributes: { indicator, group: 'g', score } };
}

/** A manual indicator worth 100 points whose result is exactly the score entered (one group). */
export function manualIndicator(id: string, appliesTo: IndicatorInput['appliesTo']): IndicatorInput {
  return ind({
    id,
    appliesTo,
    points: 100,
    measure: { type: 'manual', groups: [{ id: 'g', weight: 1 }], scale: 100 },
    scoring: { method: 'proportional' },
  });
}

/** 好 90 / 较好 80 / 一般 60 / 差 0, highest first. */
export function fourGrades(): { id: string; title: string; min: number }[] {
  return [
    { id: 'good', title: '好', min: 90 },
    { id: 'fairly-good', title: '较好', min: 80 },
    { id: 'average', title: '一般', min: 60 },
    { id: 'poor', title: '差', min: 0 },
  ];
}

/** Runs an assessment on the small graph (or `extra.graph`). */
export function run(rules: RuleSetInput, records: Iterable<unknown>, extra: Partial<Omit<AssessOptions, 'rules' | 'records'>> = {}): AssessmentResult {
  return assess({ graph: graphInput(), rules, records, ...extra });
}

/** The ids of a result's findings, in order. */
export function ids(result: AssessmentResult): string[] {
  return result.findings.map((f) => f.id);
}

/** One finding by id; fails when missing. */
export function finding(result: AssessmentResult, id: string): Finding {
  const found = result.findings.find((f) => f.id === id);
  if (!found) throw new Error(`no finding ${id} (have ${ids(result).join(', ')})`);
  return found;
}

/** `[id, form id]` for every finding: a compact view to compare against a hand-made list. */
export function idsAndForms(result: AssessmentResult): [string, string][] {
  return result.findings.map((f) => [f.id, f.form.id]);
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

/** `{ code, path }` of each issue: what tests compare. */
export function codesAndPaths(issues: readonly Issue[]): { code: string; path: (string | number)[] }[] {
  return issues.map((i) => ({ code: i.code, path: [...i.path] }));
}

const exampleFile = (name: string): string => fileURLToPath(new URL(`../../examples/bureau-2022/${name}`, import.meta.url));

/** The bureau example's graph and rules as JSON values (fresh copies each call). */
export function bureauInputs(): { graph: GraphInput; rules: RuleSetInput } {
  return {
    graph: JSON.parse(readFileSync(exampleFile('graph.json'), 'utf8')) as GraphInput,
    rules: JSON.parse(readFileSync(exampleFile('rules.json'), 'utf8')) as RuleSetInput,
  };
}

/** The bureau's records as plain objects, in file order. */
export function bureauRecords(): Record<string, unknown>[] {
  return readFileSync(exampleFile('records.ndjson'), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

/** Assesses the bureau example, optionally with changed rules. */
export function assessBureau(change: (rules: RuleSetInput) => void = () => {}, extra: Partial<Omit<AssessOptions, 'graph' | 'rules' | 'records'>> = {}): AssessmentResult {
  const { graph, rules } = bureauInputs();
  change(rules);
  return assess({ graph, rules, records: bureauRecords(), ...extra });
}

/** The bureau rule set's accountability section (throws if missing). */
export function accountabilityOf(rules: RuleSetInput): AccountabilityInput {
  if (!rules.accountability) throw new Error('the rule set has no accountability section');
  return rules.accountability;
}
