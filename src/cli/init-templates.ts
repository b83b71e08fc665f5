// The starter files of `zerenzhi init`: a committee with two branches and five leaders, a rule
// set that assesses both the organizations and the people (第一责任 of the secretaries, 一岗双责
// and 包抓包联 of the committee members), and a year of records with two deliberate gaps: the
// second branch skipped 主题党日 in July and August and held no 党课 in the third quarter, and
// 王伟 never visited his contact point. So `assess` shows a shortfall, grades, the verdicts
// 本职 and 失职, and findings proposed along the responsibility chain; `lint` finds nothing.
// Everything is derived from the year alone (and the `$schema` paths from where the files go):
// the same year gives the same files.
import type { GraphInput } from '../model/graph.js';
import type { RecordInput } from '../model/record.js';
import type { RuleSetInput } from '../model/rules.js';

/**
 * The three starter files, as text.
 *
 * @example
 * const graph: string = starterFiles(2024)['graph.json'];
 */
export interface StarterFiles {
  readonly 'graph.json': string;
  readonly 'rules.json': string;
  readonly 'records.ndjson': string;
}

/**
 * Where the starter's `$schema` lines point: the folder of the JSON Schemas shipped in the
 * package, relative to the starter's folder (docs/rules.md 14.3). The default suits a starter
 * written to the project's own folder, next to `node_modules`.
 *
 * @example
 * starterFiles(2024, '../node_modules/zerenzhi/schemas'); // for `zerenzhi init my-rules`
 */
export const DEFAULT_SCHEMA_DIR = './node_modules/zerenzhi/schemas';

const BRANCHES = [
  { id: 'branch-1', name: '第一党支部', secretary: 'p-zhao', overseer: 'p-li', liaison: 'p-wang-wei' },
  { id: 'branch-2', name: '第二党支部', secretary: 'p-qian', overseer: 'p-wang-wei', liaison: 'p-li' },
] as const;

/** The rule set's id: the same every year (docs/rules.md 2); the year is in `version` and `period`. */
const RULE_SET_ID = 'starter-annual';

function starterGraph(schemaDir: string): GraphInput {
  return {
    $schema: `${schemaDir}/graph.schema.json`,
    id: 'starter',
    title: '示例单位党建责任体系',
    organizations: [
      { id: 'committee', name: '示例单位党委', kind: 'committee' },
      ...BRANCHES.map((b) => ({ id: b.id, name: b.name, kind: 'branch' as const, parent: 'committee' })),
    ],
    people: [
      { id: 'p-zhang', name: '张明', partyMember: true },
      { id: 'p-li', name: '李红', partyMember: true },
      { id: 'p-wang-wei', name: '王伟', partyMember: true },
      { id: 'p-zhao', name: '赵刚', partyMember: true },
      { id: 'p-qian', name: '钱芳', partyMember: true },
      { id: 'p-sun', name: '孙丽', partyMember: true },
      { id: 'p-zhou', name: '周强', partyMember: true, probationary: true },
      { id: 'p-wu', name: '吴静', partyMember: false },
    ],
    posts: [
      { person: 'p-zhang', organization: 'committee', role: 'secretary' },
      { person: 'p-li', organization: 'committee', role: 'deputy-secretary' },
      { person: 'p-wang-wei', organization: 'committee', role: 'team-member', title: '组织委员' },
      { person: 'p-zhao', organization: 'branch-1', role: 'secretary' },
      { person: 'p-zhang', organization: 'branch-1', role: 'member' },
      { person: 'p-li', organization: 'branch-1', role: 'member' },
      { person: 'p-sun', organization: 'branch-1', role: 'party-affairs-officer' },
      { person: 'p-qian', organization: 'branch-2', role: 'secretary' },
      { person: 'p-wang-wei', organization: 'branch-2', role: 'member' },
      { person: 'p-zhou', organization: 'branch-2', role: 'member' },
    ],
    oversight: BRANCHES.map((b) => ({ person: b.overseer, organization: b.id, area: `${b.name}所在业务领域` })),
    liaison: BRANCHES.map((b) => ({ person: b.liaison, organization: b.id })),
  };
}

const GRADES = [
  { id: 'good', title: '好', titleEn: 'good', min: 90 },
  { id: 'fairly-good', title: '较好', titleEn: 'fairly good', min: 80 },
  { id: 'average', title: '一般', titleEn: 'average', min: 60 },
  { id: 'poor', title: '差', titleEn: 'poor', min: 0 },
];

function starterRules(year: number, schemaDir: string): RuleSetInput {
  const committee = { organizations: ['committee' as const] };
  const branches = { organizations: ['branch' as const] };
  const secretaries = { posts: ['secretary' as const] };
  const leaders = { posts: ['deputy-secretary' as const, 'team-member' as const], in: ['committee' as const] };
  const recordTypes = [
    { id: 'topic-meeting', title: '党委专题研究党建工作会议', titleEn: 'Committee topic meeting on party building' },
    { id: 'branch-committee-meeting', title: '支部委员会', titleEn: 'Branch committee meeting' },
    { id: 'member-assembly', title: '支部党员大会', titleEn: 'Branch assembly' },
    { id: 'party-class', title: '党课', titleEn: 'Party class' },
    { id: 'theme-day', title: '主题党日', titleEn: 'Theme day' },
    { id: 'liaison-visit', title: '走访联系点', titleEn: 'Visit to the contact point' },
  ];
  return {
    $schema: `${schemaDir}/rules.schema.json`,
    id: RULE_SET_ID,
    title: `示例单位${year}年度党建工作责任制考核细则`,
    titleEn: `Starter ${year} party-building assessment`,
    version: `${year}.1`,
    period: { year },
    scale: 100,
    recordTypes,
    // 办公系统全量留痕：没有记录就是没有开展（docs/rules.md 4.2），所以什么也没报的人可以认定失职。
    sources: [{ id: 'oa', title: '办公系统', complete: true, recordTypes: recordTypes.map((t) => t.id) }],
    ladders: [
      { id: 'organization', title: '党组织考核等次', titleEn: 'Organization grades', appliesTo: { organizations: ['committee', 'branch'] }, grades: GRADES },
      { id: 'person', title: '个人考核等次', titleEn: 'Personal grades', appliesTo: { posts: ['secretary', 'deputy-secretary', 'team-member'] }, grades: GRADES },
    ],
    verdicts: { incompetentBelow: 60 },
    indicators: [
      {
        id: 'cm-topic-meetings',
        title: '党委专题研究党建工作每年不少于4次',
        titleEn: 'Committee topic meetings on party building: at least 4 a year',
        responsibility: 'principal',
        appliesTo: committee,
        points: 40,
        measure: { type: 'count', recordTypes: ['topic-meeting'], atLeast: 4 },
        scoring: { method: 'deduct', perShortfall: 10 },
      },
      {
        id: 'cm-supervision',
        title: '一级抓一级：所属党组织考核平均得分率',
        titleEn: 'Supervision: the average result of the branches',
        responsibility: 'supervision',
        appliesTo: committee,
        points: 60,
        measure: { type: 'roll-up', from: [{ source: 'children', weight: 1 }] },
        scoring: { method: 'proportional' },
      },
      {
        id: 'br-committee-meeting',
        title: '支部委员会每月召开',
        titleEn: 'Branch committee meets every month',
        responsibility: 'principal',
        appliesTo: branches,
        points: 30,
        measure: { type: 'cadence', recordTypes: ['branch-committee-meeting'], every: 'month' },
        scoring: { method: 'deduct', perShortfall: 2.5 },
      },
      {
        id: 'br-assembly',
        title: '支部党员大会每季度召开',
        titleEn: 'Branch assembly every quarter',
        responsibility: 'principal',
        appliesTo: branches,
        points: 20,
        measure: { type: 'cadence', recordTypes: ['member-assembly'], every: 'quarter' },
        scoring: { method: 'deduct', perShortfall: 5 },
      },
      {
        id: 'br-party-class',
        title: '党课每季度至少1次',
        titleEn: 'A party class every quarter',
        responsibility: 'principal',
        appliesTo: branches,
        points: 20,
        measure: { type: 'cadence', recordTypes: ['party-class'], every: 'quarter' },
        scoring: { method: 'deduct', perShortfall: 5 },
      },
      {
        id: 'br-theme-day',
        title: '主题党日每月开展',
        titleEn: 'A theme day every month',
        responsibility: 'principal',
        appliesTo: branches,
        points: 30,
        measure: { type: 'cadence', recordTypes: ['theme-day'], every: 'month' },
        scoring: { method: 'deduct', perShortfall: 5 },
      },
      {
        id: 'sec-own-organization',
        title: '第一责任：本级党组织考核得分率',
        titleEn: 'First responsibility: the result of the organization led',
        responsibility: 'first',
        appliesTo: secretaries,
        points: 70,
        measure: { type: 'roll-up', from: [{ source: 'led-organizations', weight: 1 }] },
        scoring: { method: 'proportional' },
      },
      {
        id: 'sec-party-class',
        title: '书记每年至少讲1次党课',
        titleEn: 'The secretary gives at least one party class a year',
        responsibility: 'first',
        appliesTo: secretaries,
        points: 30,
        measure: { type: 'count', recordTypes: ['party-class'], atLeast: 1 },
        scoring: { method: 'all-or-nothing' },
      },
      {
        id: 'leader-dual-areas',
        title: '一岗双责：分管党支部考核得分率',
        titleEn: 'Dual responsibility: the result of the branch overseen',
        responsibility: 'dual',
        appliesTo: leaders,
        points: 60,
        measure: { type: 'roll-up', from: [{ source: 'oversight', weight: 1 }] },
        scoring: { method: 'proportional' },
      },
      {
        id: 'leader-contact-visits',
        title: '包抓包联：每季度至少走访联系点1次',
        titleEn: 'Visit the contact point every quarter',
        responsibility: 'liaison',
        appliesTo: leaders,
        points: 40,
        measure: { type: 'cadence', recordTypes: ['liaison-visit'], every: 'quarter' },
        scoring: { method: 'deduct', perShortfall: 10 },
      },
    ],
    accountability: {
      rules: [
        {
          id: 'lowest-grade',
          title: '考核等次为“差”，管党治党不力',
          titleEn: 'Graded poor: failure to govern the party',
          trigger: { type: 'lowest-grade', ladder: 'organization' },
          reach: [
            { to: 'team', form: { organization: 'inspection' } },
            { to: 'secretary', form: { person: 'written-inspection' } },
          ],
        },
        {
          id: 'theme-day-missed',
          title: '主题党日缺2个月以上',
          titleEn: 'Theme day missed in two months or more',
          trigger: { type: 'shortfall', indicator: 'br-theme-day', atLeast: 2 },
          form: { person: 'criticism' },
          reach: [{ to: 'secretary' }, { to: 'overseer' }],
        },
        {
          id: 'derelict',
          title: '不抓党建工作是失职',
          titleEn: 'Not doing party building is dereliction',
          trigger: { type: 'verdict', verdicts: ['derelict'] },
          reach: [{ to: 'self', form: { person: 'circulated-criticism' } }],
        },
      ],
    },
  };
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** The gaps the starter's records leave on purpose, for the report to show. */
const SKIPPED_THEME_DAYS: Readonly<Record<string, readonly number[]>> = { 'branch-2': [7, 8] };
const SKIPPED_PARTY_CLASSES: Readonly<Record<string, readonly number[]>> = { 'branch-2': [9] };

function starterRecords(year: number): RecordInput[] {
  const drafts: Omit<RecordInput, 'id'>[] = [];
  for (const month of [3, 6, 9, 12]) {
    drafts.push({ type: 'topic-meeting', organization: 'committee', date: `${year}-${pad(month)}-05`, source: 'oa', title: `党委会专题研究党建工作（${month}月）`, attributes: { minutes: `会议纪要/${year}-${pad(month)}.pdf` } });
  }
  BRANCHES.forEach((branch, b) => {
    for (let month = 1; month <= 12; month++) {
      const day = (d: number): string => `${year}-${pad(month)}-${pad(d + b)}`;
      drafts.push({ type: 'branch-committee-meeting', organization: branch.id, date: day(10), source: 'oa', title: `${branch.name}${month}月支部委员会` });
      if (!SKIPPED_THEME_DAYS[branch.id]?.includes(month)) drafts.push({ type: 'theme-day', organization: branch.id, date: day(20), source: 'oa', title: `${branch.name}${month}月主题党日` });
      if (month % 3 !== 0) continue;
      drafts.push({ type: 'member-assembly', organization: branch.id, date: day(15), source: 'oa', title: `${branch.name}第${month / 3}季度党员大会` });
      if (SKIPPED_PARTY_CLASSES[branch.id]?.includes(month)) continue;
      // The branch secretary gives the class; in June the committee secretary gives the 七一 class at his own branch.
      const lecturer = month === 6 && branch.id === 'branch-1' ? 'p-zhang' : branch.secretary;
      drafts.push({ type: 'party-class', organization: branch.id, person: lecturer, date: day(25), source: 'oa', title: month === 6 ? `${branch.name}“七一”专题党课` : `${branch.name}第${month / 3}季度党课` });
    }
  });
  // 李红 visits her contact point (the second branch) every quarter; 王伟 never visits his.
  for (const month of [2, 5, 8, 11]) {
    drafts.push({ type: 'liaison-visit', organization: 'branch-2', person: 'p-li', date: `${year}-${pad(month)}-18`, source: 'oa', title: `李红走访联系点第二党支部（${month}月）` });
  }
  drafts.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return drafts.map((draft, i) => ({ id: `r-${year}-${pad(i + 1, 4)}`, ...draft }));
}

/**
 * The starter graph, rule set and records for a year, as file contents. `schemaDir` is where the
 * `$schema` lines of graph.json and rules.json point (see {@link DEFAULT_SCHEMA_DIR}).
 *
 * @example
 * const files = starterFiles(2024);
 * fs.writeFileSync('graph.json', files['graph.json']);
 */
export function starterFiles(year: number, schemaDir: string = DEFAULT_SCHEMA_DIR): StarterFiles {
  return {
    'graph.json': `${JSON.stringify(starterGraph(schemaDir), null, 2)}\n`,
    'rules.json': `${JSON.stringify(starterRules(year, schemaDir), null, 2)}\n`,
    'records.ndjson': starterRecords(year).map((r) => `${JSON.stringify(r)}\n`).join(''),
  };
}
