// The starter files of `zerenzhi init`: a committee with two branches, five indicators and a
// complete year of records, so that `assess` runs cleanly and `lint` finds nothing. Everything
// is derived from the year alone: the same year gives the same files.
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

const BRANCHES = [
  { id: 'branch-1', name: '第一党支部', secretary: 'p-zhao', overseer: 'p-li', liaison: 'p-wang-wei' },
  { id: 'branch-2', name: '第二党支部', secretary: 'p-qian', overseer: 'p-wang-wei', liaison: 'p-li' },
] as const;

function starterGraph(): GraphInput {
  return {
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

function starterRules(year: number): RuleSetInput {
  const organizations = { organizations: ['committee' as const] };
  const branches = { organizations: ['branch' as const] };
  return {
    id: `starter-${year}`,
    title: `示例单位${year}年度党建工作责任制考核细则`,
    titleEn: `Starter ${year} party-building assessment`,
    version: '1',
    period: { year },
    scale: 100,
    recordTypes: [
      { id: 'topic-meeting', title: '党委专题研究党建工作会议', titleEn: 'Committee topic meeting on party building' },
      { id: 'branch-committee-meeting', title: '支部委员会', titleEn: 'Branch committee meeting' },
      { id: 'member-assembly', title: '支部党员大会', titleEn: 'Branch assembly' },
      { id: 'theme-day', title: '主题党日', titleEn: 'Theme day' },
    ],
    ladders: [
      {
        id: 'organization',
        title: '党组织考核等次',
        titleEn: 'Organization grades',
        appliesTo: { organizations: ['committee', 'branch'] },
        grades: [
          { id: 'good', title: '好', titleEn: 'good', min: 90 },
          { id: 'fairly-good', title: '较好', titleEn: 'fairly good', min: 80 },
          { id: 'average', title: '一般', titleEn: 'average', min: 60 },
          { id: 'poor', title: '差', titleEn: 'poor', min: 0 },
        ],
      },
    ],
    indicators: [
      {
        id: 'cm-topic-meetings',
        title: '党委专题研究党建工作每年不少于4次',
        titleEn: 'Committee topic meetings on party building: at least 4 a year',
        responsibility: 'principal',
        appliesTo: organizations,
        points: 40,
        measure: { type: 'count', recordTypes: ['topic-meeting'], atLeast: 4 },
        scoring: { method: 'deduct', perShortfall: 10 },
      },
      {
        id: 'cm-supervision',
        title: '一级抓一级：所属党组织考核平均得分率',
        titleEn: 'Supervision: the average result of the branches',
        responsibility: 'supervision',
        appliesTo: organizations,
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
        points: 40,
        measure: { type: 'cadence', recordTypes: ['branch-committee-meeting'], every: 'month' },
        scoring: { method: 'deduct', perShortfall: 5 },
      },
      {
        id: 'br-assembly',
        title: '支部党员大会每季度召开',
        titleEn: 'Branch assembly every quarter',
        responsibility: 'principal',
        appliesTo: branches,
        points: 30,
        measure: { type: 'cadence', recordTypes: ['member-assembly'], every: 'quarter' },
        scoring: { method: 'deduct', perShortfall: 7.5 },
      },
      {
        id: 'br-theme-day',
        title: '主题党日每月开展',
        titleEn: 'A theme day every month',
        responsibility: 'principal',
        appliesTo: branches,
        points: 30,
        measure: { type: 'cadence', recordTypes: ['theme-day'], every: 'month' },
        scoring: { method: 'deduct', perShortfall: 2.5 },
      },
    ],
    accountability: {
      rules: [
        {
          id: 'lowest-grade',
          title: '考核等次为“差”，管党治党不力',
          titleEn: 'Graded poor: failure to govern the party',
          trigger: { type: 'lowest-grade' },
          reach: [
            { to: 'team', form: { organization: 'inspection' } },
            { to: 'secretary', form: { person: 'criticism' } },
          ],
        },
      ],
    },
  };
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

function starterRecords(year: number): RecordInput[] {
  const drafts: Omit<RecordInput, 'id'>[] = [];
  for (const month of [3, 6, 9, 12]) {
    drafts.push({ type: 'topic-meeting', organization: 'committee', date: `${year}-${pad(month)}-05`, source: 'oa', title: `党委会专题研究党建工作（${month}月）`, attributes: { minutes: `会议纪要/${year}-${pad(month)}.pdf` } });
  }
  BRANCHES.forEach((branch, b) => {
    for (let month = 1; month <= 12; month++) {
      const day = (d: number): string => `${year}-${pad(month)}-${pad(d + b)}`;
      drafts.push({ type: 'branch-committee-meeting', organization: branch.id, date: day(10), source: 'oa', title: `${branch.name}${month}月支部委员会` });
      drafts.push({ type: 'theme-day', organization: branch.id, date: day(20), source: 'oa', title: `${branch.name}${month}月主题党日` });
      if (month % 3 === 0) drafts.push({ type: 'member-assembly', organization: branch.id, date: day(15), source: 'oa', title: `${branch.name}第${month / 3}季度党员大会` });
    }
  });
  drafts.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return drafts.map((draft, i) => ({ id: `r-${year}-${pad(i + 1, 4)}`, ...draft }));
}

/**
 * The starter graph, rule set and records for a year, as file contents.
 *
 * @example
 * const files = starterFiles(2024);
 * fs.writeFileSync('graph.json', files['graph.json']);
 */
export function starterFiles(year: number): StarterFiles {
  return {
    'graph.json': `${JSON.stringify(starterGraph(), null, 2)}\n`,
    'rules.json': `${JSON.stringify(starterRules(year), null, 2)}\n`,
    'records.ndjson': starterRecords(year).map((r) => `${JSON.stringify(r)}\n`).join(''),
  };
}
