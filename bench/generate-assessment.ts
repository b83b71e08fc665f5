// A seeded generator of synthetic assessments for the scale benchmarks (bench/assess.ts): a graph
// (from generate-graph.ts), a rule set with realistic indicators, and a year of NDJSON evidence
// records streamed to a file under bench/out/ (never all held in memory).
//
// Deterministic: the same size and seed give the same graph, rules and byte-identical records
// (mulberry32, no Math.random, no clock). A file is reused when its sidecar `.meta.json` says it
// was finished with the same generator version, size and seed; a half-written file (no sidecar)
// is regenerated.
//
// Usage:
//   npx tsx bench/generate-assessment.ts S|M|L|M100k|S50k [--seed N]   writes (or finds) the files
//
// The record stream, one calendar year (2022) in date order, day by day:
//   - each record picks a (subject, record type) slot with a probability proportional to the
//     slot's yearly rate (a branch holds about 12 theme days, 12 committee meetings, 4 assemblies,
//     4 party classes a year; a committee 12 study-group sessions, 5 topic meetings; every
//     secretary is appraised by about 7 raters; every liaison edge brings about 4 visits; a
//     branch's work plan, inspection findings, awards, now and then a disciplinary case; plus
//     monthly dues records that no indicator reads), scaled so that the file has exactly the
//     requested number of lines;
//   - about 3% are pending and 1% rejected; 0.5% are dated in December 2021 (late entries,
//     out of the period); 0.5% of the lines repeat a recent line verbatim (duplicates, as exports
//     merged from two systems have); 0.01% name an organization that is not in the graph;
//   - some theme days lack minutes (required by the rule), inspection findings are done on time,
//     late or not at all, July theme days carry the Congress theme or not.
// Because records fall on random days, some months and quarters get none: cadence shortfalls
// arise naturally, as do late work plans and open rectification tasks.
import { createWriteStream, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { GraphInput, OrganizationKind, RuleSetInput } from '../src/index.js';
import { generateGraph, mulberry32 } from './generate-graph.js';

/** Bump when the output of this generator changes, so that stale files are not reused. */
export const GENERATOR_VERSION = 1;
export const DEFAULT_SEED = 20261129;
export const OUT_DIR = join(dirname(fileURLToPath(import.meta.url)), 'out');

/** The size of a synthetic assessment. */
export interface AssessmentSize {
  readonly name: string;
  readonly organizations: number;
  /** Posts in the graph; people come out at about 0.95 × posts. */
  readonly posts: number;
  /** Lines in the NDJSON file (records, duplicates included). */
  readonly records: number;
}

/** The named sizes. S, M and L are the brief's; the others are the same graphs at other record counts, for scaling. */
export const SIZES: Readonly<Record<string, AssessmentSize>> = {
  /** A bureau: one committee, a general branch, 17 branches, a group; a few hundred members. */
  S: { name: 'S', organizations: 20, posts: 400, records: 5_000 },
  /** S's graph with 10× the records (scaling at a fixed graph). */
  S50k: { name: 'S50k', organizations: 20, posts: 400, records: 50_000 },
  /** A city: 10,000 organizations, about 95,000 people. */
  M: { name: 'M', organizations: 10_000, posts: 100_000, records: 1_000_000 },
  /** M's graph with a tenth of the records. */
  M100k: { name: 'M100k', organizations: 10_000, posts: 100_000, records: 100_000 },
  /** L's graph with 100k records: the per-subject costs of a province without the record volume (profiling). */
  L100k: { name: 'L100k', organizations: 100_000, posts: 1_053_000, records: 100_000 },
  /** A province: 100,000 organizations, about 1,000,000 people. */
  L: { name: 'L', organizations: 100_000, posts: 1_053_000, records: 10_000_000 },
};

/** Paths of the files of one size and seed. */
export interface AssessmentFiles {
  readonly records: string;
  readonly rules: string;
  readonly graph: string;
  readonly meta: string;
}

/** What the sidecar records about a finished records file. */
export interface AssessmentMeta {
  readonly generatorVersion: number;
  readonly size: AssessmentSize;
  readonly seed: number;
  readonly lines: number;
  readonly bytes: number;
  readonly duplicates: number;
  readonly people: number;
  readonly byType: Readonly<Record<string, number>>;
  readonly generateMs: number;
}

export function filesOf(size: AssessmentSize, seed = DEFAULT_SEED): AssessmentFiles {
  const base = join(OUT_DIR, `assessment-${size.name}-o${size.organizations}-p${size.posts}-r${size.records}-s${seed}-v${GENERATOR_VERSION}`);
  return { records: `${base}.records.ndjson`, rules: `${base}.rules.json`, graph: `${base}.graph.json`, meta: `${base}.meta.json` };
}

/** The graph of a size: generateGraph with the benchmark's seed. */
export function assessmentGraph(size: AssessmentSize, seed = DEFAULT_SEED): GraphInput {
  return generateGraph({ organizations: size.organizations, posts: size.posts, seed });
}

// ---- the rule set -----------------------------------------------------------------------------

const PERIOD_START = '2022-01-01';
const PERIOD_END = '2022-12-31';
const BRANCHES: OrganizationKind[] = ['general-branch', 'branch'];
const UNITS: OrganizationKind[] = ['committee', 'general-branch', 'branch'];
const deduct = (perShortfall: number) => ({ method: 'deduct' as const, perShortfall });
const proportional = { method: 'proportional' as const };
const grades4 = [
  { id: 'good', title: '好', min: 90 },
  { id: 'fairly-good', title: '较好', min: 80 },
  { id: 'average', title: '一般', min: 60 },
  { id: 'poor', title: '差', min: 0 },
];

/**
 * The benchmark's rule set: the shape of a real 基层党建工作责任制考核细则 (modelled on
 * examples/bureau-2022), with every kind of indicator the engine has on the record path —
 * count, cadence (monthly and quarterly), deadline (a fixed due date, and tasks with their own),
 * window, ratio, rating — plus roll-ups from children, oversight and led organizations, a veto,
 * a bonus, three ladders with quotas, verdicts and an accountability section.
 */
export function assessmentRules(): RuleSetInput {
  return {
    id: 'bench-2022',
    title: '合成基层党建工作责任制考核细则（基准测试）',
    titleEn: 'Synthetic party-building assessment (benchmark)',
    version: '2022.1',
    period: { year: 2022 },
    scale: 100,
    sources: [{ id: 'zhdj', title: '智慧党建平台', complete: true, recordTypes: ['branch-committee-meeting', 'member-assembly', 'party-class', 'theme-day'] }],
    ladders: [
      { id: 'organization', title: '基层党组织考核等次', appliesTo: { organizations: UNITS }, grades: grades4 },
      { id: 'secretary', title: '书记抓基层党建述职评议等次', appliesTo: { posts: ['secretary'], in: UNITS }, grades: grades4 },
      {
        id: 'leader',
        title: '班子成员党建考核等次',
        appliesTo: { posts: ['deputy-secretary', 'team-member'], in: ['committee'] },
        grades: [
          { id: 'excellent', title: '优秀', min: 90 },
          { id: 'competent', title: '称职', min: 70 },
          { id: 'basically-competent', title: '基本称职', min: 60 },
          { id: 'incompetent', title: '不称职', min: 0 },
        ],
      },
    ],
    quotas: [
      { ladder: 'organization', grade: 'good', maxShare: 0.3, peerGroup: 'parent' },
      { ladder: 'secretary', grade: 'good', maxShare: 0.3 },
      { ladder: 'leader', grade: 'excellent', maxShare: 0.2 },
    ],
    verdicts: { incompetentBelow: 60 },
    bonusCap: 3,
    onInsufficientEvidence: 'shortfall',
    indicators: [
      // Committees.
      {
        id: 'cm-topic-meetings', title: '党委专题研究党建工作每年不少于4次', responsibility: 'principal', appliesTo: { organizations: ['committee'] }, points: 4,
        measure: { type: 'count', recordTypes: ['topic-meeting'], atLeast: 4, requireAttributes: ['minutes'] }, scoring: deduct(1),
      },
      {
        id: 'cm-center-group-study', title: '理论学习中心组每月开展学习', responsibility: 'principal', appliesTo: { organizations: ['committee'] }, points: 6,
        measure: { type: 'cadence', recordTypes: ['center-group-study'], every: 'month' }, scoring: deduct(0.5),
      },
      {
        id: 'cm-publicity', title: '主题宣传活动不少于10次（含下级）', responsibility: 'principal', appliesTo: { organizations: ['committee'] }, points: 5,
        measure: { type: 'count', recordTypes: ['publicity-campaign'], scope: 'subtree', atLeast: 10 }, scoring: proportional,
      },
      {
        id: 'cm-rectification', title: '巡察整改任务按期完成', responsibility: 'principal', appliesTo: { organizations: ['committee'] }, points: 8,
        measure: { type: 'deadline', recordTypes: ['inspection-rectification'], openWeight: 2 }, scoring: deduct(2), onInsufficientEvidence: 'exclude',
      },
      {
        id: 'cm-supervision', title: '一级抓一级：所属党组织考核平均得分率', responsibility: 'supervision', appliesTo: { organizations: ['committee'] }, points: 60,
        measure: { type: 'roll-up', from: [{ source: 'children', weight: 1 }] }, scoring: proportional,
      },
      // General branches and branches.
      {
        id: 'br-committee-meeting', title: '支部委员会每月召开', responsibility: 'principal', appliesTo: { organizations: BRANCHES }, points: 10,
        measure: { type: 'cadence', recordTypes: ['branch-committee-meeting'], every: 'month' }, scoring: deduct(1),
      },
      {
        id: 'br-assembly', title: '支部党员大会每季度召开', responsibility: 'principal', appliesTo: { organizations: BRANCHES }, points: 6,
        measure: { type: 'cadence', recordTypes: ['member-assembly'], every: 'quarter' }, scoring: deduct(1.5),
      },
      {
        id: 'br-party-class', title: '党课每季度至少1次', responsibility: 'principal', appliesTo: { organizations: BRANCHES }, points: 6,
        measure: { type: 'cadence', recordTypes: ['party-class'], every: 'quarter' }, scoring: deduct(1.5),
      },
      {
        id: 'br-theme-day', title: '主题党日每月开展（须有活动记录）', responsibility: 'principal', appliesTo: { organizations: BRANCHES }, points: 10,
        measure: { type: 'cadence', recordTypes: ['theme-day'], every: 'month', requireAttributes: ['minutes'] }, scoring: deduct(1),
      },
      {
        id: 'br-history-study', title: '党史学习教育每季度专题学习', responsibility: 'principal', appliesTo: { organizations: BRANCHES }, points: 6,
        measure: { type: 'cadence', recordTypes: ['history-study'], every: 'quarter' }, scoring: deduct(1.5),
      },
      {
        id: 'br-july-theme-day', title: '“七一”前后开展“走好第一方阵”主题党日', responsibility: 'principal', appliesTo: { organizations: BRANCHES }, points: 4,
        measure: { type: 'window', recordTypes: ['theme-day'], from: '2022-06-15', to: '2022-07-15', where: { theme: '走好第一方阵' } },
        scoring: { method: 'all-or-nothing' },
      },
      {
        id: 'br-attendance', title: '党员大会出席率不低于90%', responsibility: 'principal', appliesTo: { organizations: BRANCHES }, points: 8,
        measure: { type: 'ratio', recordTypes: ['member-assembly'], numerator: 'attendees', denominator: 'expected', atLeast: 0.9 }, scoring: proportional,
      },
      {
        id: 'br-publicity', title: '主题宣传活动不少于3次', responsibility: 'principal', appliesTo: { organizations: BRANCHES }, points: 6,
        measure: { type: 'count', recordTypes: ['publicity-campaign'], atLeast: 3 }, scoring: deduct(2),
      },
      {
        id: 'br-work-plan', title: '年度党建工作计划按时制定（3月底前）', responsibility: 'principal', appliesTo: { organizations: BRANCHES }, points: 4,
        measure: { type: 'deadline', recordTypes: ['work-plan'], due: '2022-03-31', expected: 1 }, scoring: deduct(2),
      },
      {
        id: 'br-rectification', title: '巡察整改任务按期完成', responsibility: 'principal', appliesTo: { organizations: BRANCHES }, points: 8,
        measure: { type: 'deadline', recordTypes: ['inspection-rectification'], openWeight: 2 }, scoring: deduct(2), onInsufficientEvidence: 'exclude',
      },
      // Groups.
      {
        id: 'grp-meeting', title: '党小组会每月召开', responsibility: 'principal', appliesTo: { organizations: ['group'] }, points: 10,
        measure: { type: 'cadence', recordTypes: ['group-meeting'], every: 'month' }, scoring: deduct(1),
      },
      // Every unit: veto and bonus.
      {
        id: 'org-discipline-veto', title: '发生严重违纪违法案件的，实行一票否决', responsibility: 'principal', appliesTo: { organizations: UNITS }, points: 0,
        veto: { recordTypes: ['disciplinary-case'], where: { severity: 'serious' } },
      },
      {
        id: 'org-awards', title: '获评先进典型加分（最高3分）', responsibility: 'principal', appliesTo: { organizations: UNITS }, points: 0,
        bonus: {
          recordTypes: ['award'],
          byAttribute: { attribute: 'level', points: [{ value: 'national', points: 3 }, { value: 'provincial', points: 2 }, { value: 'municipal', points: 1 }] },
          cap: 3,
        },
      },
      // People.
      {
        id: 'sec-own-organization', title: '书记抓、抓书记：本级党组织考核得分率', responsibility: 'first', appliesTo: { posts: ['secretary'], in: UNITS }, points: 50,
        measure: { type: 'roll-up', from: [{ source: 'led-organizations', weight: 1 }] }, scoring: proportional,
      },
      {
        id: 'appraisal-secretary', title: '民主测评（去掉一个最高分和一个最低分）', responsibility: 'first', appliesTo: { posts: ['secretary'], in: UNITS }, points: 30,
        measure: { type: 'rating', recordTypes: ['appraisal'], aggregate: 'trimmed-mean', scale: 100, minRaters: 5 }, scoring: proportional,
      },
      {
        id: 'leader-contact-visits', title: '包抓包联：每季度至少走访联系点1次', responsibility: 'liaison',
        appliesTo: { posts: ['secretary', 'deputy-secretary', 'team-member'], in: ['committee'] }, points: 10,
        measure: { type: 'cadence', recordTypes: ['liaison-visit'], every: 'quarter' }, scoring: deduct(2.5),
      },
      {
        id: 'leader-dual-areas', title: '一岗双责：分管领域党组织考核得分率', responsibility: 'dual',
        appliesTo: { posts: ['deputy-secretary', 'team-member'], in: ['committee'] }, points: 60,
        measure: { type: 'roll-up', from: [{ source: 'oversight', weight: 1 }] }, scoring: proportional,
      },
      {
        id: 'appraisal-leader', title: '民主测评（去掉一个最高分和一个最低分）', responsibility: 'dual',
        appliesTo: { posts: ['deputy-secretary', 'team-member'], in: ['committee'] }, points: 30,
        measure: { type: 'rating', recordTypes: ['appraisal'], aggregate: 'trimmed-mean', scale: 100, minRaters: 5 }, scoring: proportional,
      },
    ],
    accountability: {
      ineligibleFrom: 'admonishment',
      rules: [
        {
          id: 'serious-case', title: '发生严重违纪违法案件（一票否决），管党治党不力', trigger: { type: 'veto' },
          reach: [
            { to: 'direct', form: { person: 'disciplinary-sanction' } },
            { to: 'secretary', form: { person: 'admonishment' } },
            { to: 'overseer', form: { person: 'circulated-criticism' } },
            { to: 'supervision', levels: 1, form: { organization: 'inspection' } },
          ],
        },
        { id: 'derelict', title: '不抓党建工作是失职', trigger: { type: 'verdict', verdicts: ['derelict'] }, reach: [{ to: 'self', form: { person: 'circulated-criticism' } }] },
        { id: 'incompetent', title: '抓不好党建工作是不称职', trigger: { type: 'verdict', verdicts: ['incompetent'] }, reach: [{ to: 'self', form: { person: 'criticism' } }] },
        {
          id: 'rectification-open', title: '巡察整改任务逾期未完成', trigger: { type: 'deadline-open', indicator: 'br-rectification' },
          reach: [{ to: 'direct', form: { person: 'written-inspection' } }, { to: 'secretary', form: { person: 'criticism' } }],
        },
      ],
      supervision: { id: 'supervision-failure', title: '下级党组织半数以上被提出问责，一级抓一级不力', minShare: 0.5, form: 'inspection' },
    },
  };
}

// ---- the records ------------------------------------------------------------------------------

/** Record types, in slot order. */
export const RECORD_TYPES = [
  'theme-day',
  'branch-committee-meeting',
  'member-assembly',
  'party-class',
  'history-study',
  'publicity-campaign',
  'work-plan',
  'inspection-rectification',
  'group-meeting',
  'topic-meeting',
  'center-group-study',
  'appraisal',
  'liaison-visit',
  'award',
  'disciplinary-case',
  'dues-payment',
] as const;
type RecordType = (typeof RECORD_TYPES)[number];
const T = Object.fromEntries(RECORD_TYPES.map((t, i) => [t, i])) as Record<RecordType, number>;

/** Yearly rate of each record type for one organization of a kind (persons' records are added per person). */
const RATES: Readonly<Record<OrganizationKind, Partial<Record<RecordType, number>>>> = {
  committee: { 'topic-meeting': 5, 'center-group-study': 12, 'publicity-campaign': 5, 'inspection-rectification': 3, award: 0.05, 'disciplinary-case': 0.01 },
  'general-branch': {
    'theme-day': 12, 'branch-committee-meeting': 12, 'member-assembly': 4, 'party-class': 4, 'history-study': 4, 'publicity-campaign': 3,
    'work-plan': 1, 'inspection-rectification': 0.5, award: 0.03, 'disciplinary-case': 0.003, 'dues-payment': 12,
  },
  branch: {
    'theme-day': 12, 'branch-committee-meeting': 12, 'member-assembly': 4, 'party-class': 4, 'history-study': 4, 'publicity-campaign': 3,
    'work-plan': 1, 'inspection-rectification': 0.5, award: 0.03, 'disciplinary-case': 0.003, 'dues-payment': 12,
  },
  group: { 'group-meeting': 12 },
  'leading-group': {}, // 党组: generateGraph makes none
};
/** Raters per appraised person, visits per liaison edge, per year. */
const APPRAISALS_PER_PERSON = 7;
const VISITS_PER_LIAISON = 4;

const TOPICS = ['学习贯彻党的二十大精神', '学习党章党规', '研究发展党员工作', '开展志愿服务', '组织生活会', '民主评议党员', '党史学习教育', '学习习近平新时代中国特色社会主义思想', '警示教育', '通报党费收缴情况'];
const TITLE_WORD: Record<RecordType, string> = {
  'theme-day': '主题党日', 'branch-committee-meeting': '支部委员会', 'member-assembly': '党员大会', 'party-class': '党课', 'history-study': '党史专题学习',
  'publicity-campaign': '主题宣传活动', 'work-plan': '年度党建工作计划', 'inspection-rectification': '巡察整改', 'group-meeting': '党小组会',
  'topic-meeting': '党委专题研究党建工作会议', 'center-group-study': '理论学习中心组学习', appraisal: '民主测评', 'liaison-visit': '联系点走访',
  award: '先进典型表彰', 'disciplinary-case': '违纪违法案件', 'dues-payment': '党费收缴',
};

const DAY_MS = 86_400_000;
const YEAR_START_MS = Date.UTC(2022, 0, 1);
const DAYS = 365;
const ISO_FROM = -31;
const ISO_DAYS = Array.from({ length: DAYS + 120 - ISO_FROM }, (_, i) => new Date(YEAR_START_MS + (i + ISO_FROM) * DAY_MS).toISOString().slice(0, 10));
const MONTH_OF = Array.from({ length: DAYS }, (_, day) => new Date(YEAR_START_MS + day * DAY_MS).getUTCMonth() + 1);
const isoDay = (day: number): string => ISO_DAYS[day - ISO_FROM] as string;
const JUNE_15 = 165;
const JULY_15 = 195;

/** The slots records are drawn from: (organization, type, person?) with a cumulative weight. */
interface Slots {
  readonly org: Int32Array;
  readonly type: Uint8Array;
  readonly person: Int32Array;
  readonly cumulative: Float64Array;
  readonly total: number;
}

function buildSlots(graph: GraphInput): Slots {
  const orgIndex = new Map(graph.organizations.map((o, i) => [o.id, i]));
  const personIndex = new Map(graph.people.map((p, i) => [p.id, i]));
  const org: number[] = [];
  const type: number[] = [];
  const person: number[] = [];
  const weight: number[] = [];
  const add = (o: number, t: number, p: number, w: number): void => {
    org.push(o);
    type.push(t);
    person.push(p);
    weight.push(w);
  };
  graph.organizations.forEach((o, i) => {
    for (const [t, rate] of Object.entries(RATES[o.kind])) add(i, T[t as RecordType], -1, rate as number);
  });
  // Appraisals: every secretary of a unit, every committee deputy and team member.
  for (const post of graph.posts) {
    const o = orgIndex.get(post.organization) as number;
    const kind = graph.organizations[o]?.kind;
    const appraised = (post.role === 'secretary' && kind !== 'group') || (kind === 'committee' && (post.role === 'deputy-secretary' || post.role === 'team-member'));
    if (appraised) add(o, T.appraisal, personIndex.get(post.person) as number, APPRAISALS_PER_PERSON);
  }
  for (const edge of graph.liaison ?? []) add(orgIndex.get(edge.organization) as number, T['liaison-visit'], personIndex.get(edge.person) as number, VISITS_PER_LIAISON);
  const cumulative = new Float64Array(weight.length);
  let total = 0;
  weight.forEach((w, i) => {
    total += w;
    cumulative[i] = total;
  });
  return { org: Int32Array.from(org), type: Uint8Array.from(type), person: Int32Array.from(person), cumulative, total };
}

function drawSlot(slots: Slots, u: number): number {
  const target = u * slots.total;
  let lo = 0;
  let hi = slots.cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((slots.cumulative[mid] as number) <= target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Members of each organization (people holding any post there), for raters and attendance. */
function membersOf(graph: GraphInput): string[][] {
  const orgIndex = new Map(graph.organizations.map((o, i) => [o.id, i]));
  const out: string[][] = graph.organizations.map(() => []);
  for (const post of graph.posts) out[orgIndex.get(post.organization) as number]?.push(post.person);
  return out;
}

/** Writes lines to a stream in ~1 MB chunks, waiting when the stream asks to. */
class ChunkWriter {
  private buffer: string[] = [];
  private size = 0;
  bytes = 0;
  constructor(private readonly out: NodeJS.WritableStream) {}
  async line(text: string): Promise<void> {
    this.buffer.push(text);
    this.size += text.length + 1;
    if (this.size >= 1 << 20) await this.flush();
  }
  async flush(): Promise<void> {
    if (this.buffer.length === 0) return;
    const chunk = `${this.buffer.join('\n')}\n`;
    this.buffer = [];
    this.size = 0;
    this.bytes += Buffer.byteLength(chunk);
    if (!this.out.write(chunk)) await new Promise<void>((resolve) => this.out.once('drain', () => resolve()));
  }
}

/**
 * Streams the records of a size to `path`; returns what the sidecar records. Memory stays flat:
 * the slot tables (a few per organization) and a ring of recent lines for the duplicates.
 */
export async function writeRecords(size: AssessmentSize, graph: GraphInput, path: string, seed = DEFAULT_SEED): Promise<Omit<AssessmentMeta, 'generateMs' | 'size' | 'seed' | 'generatorVersion'>> {
  const rand = mulberry32((seed ^ 0x5eed) >>> 0);
  const int = (lo: number, hi: number): number => lo + Math.floor(rand() * (hi - lo + 1));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
  const slots = buildSlots(graph);
  const members = membersOf(graph);
  const byType: Record<string, number> = {};
  const recent: string[] = [];
  const RING = 1024;
  let duplicates = 0;
  let seq = 0;
  let lines = 0;
  const idWidth = String(size.records).length;
  const out = createWriteStream(path);
  const writer = new ChunkWriter(out);

  const record = (day: number): string => {
    const slot = drawSlot(slots, rand());
    const o = slots.org[slot] as number;
    const type = RECORD_TYPES[slots.type[slot] as number] as RecordType;
    const organization = graph.organizations[o] as GraphInput['organizations'][number];
    const p = slots.person[slot] as number;
    seq++;
    byType[type] = (byType[type] ?? 0) + 1;
    let date = day;
    if (rand() < 0.005) date = -int(1, 31); // a late entry from December 2021
    if (type === 'work-plan') date = Math.min(date, int(0, 130)); // plans come early in the year, a few after March
    const roll = rand();
    const status = roll < 0.03 ? 'pending' : roll < 0.04 ? 'rejected' : 'approved';
    const orgId = rand() < 0.0001 ? `${organization.id}-x` : organization.id; // a typo'd organization id
    const month = date < 0 ? 12 : (MONTH_OF[date] as number);
    const r: Record<string, unknown> = { id: `r-${String(seq).padStart(idWidth, '0')}`, type, organization: orgId };
    if (p >= 0) r.person = (graph.people[p] as GraphInput['people'][number]).id;
    r.date = isoDay(date);
    const attributes: Record<string, unknown> = {};
    let subject = pick(TOPICS);
    switch (type) {
      case 'theme-day':
        if (date >= JUNE_15 && date <= JULY_15 && rand() < 0.6) subject = attributes.theme = '走好第一方阵';
        else attributes.theme = subject;
        if (rand() < 0.95) attributes.minutes = `附件/2022/${organization.id}/${r.date}-主题党日记录.pdf`;
        break;
      case 'branch-committee-meeting':
      case 'topic-meeting':
      case 'center-group-study':
      case 'group-meeting':
      case 'party-class':
      case 'history-study':
        attributes.topic = subject;
        if (rand() < 0.97) attributes.minutes = `附件/2022/${organization.id}/${r.date}-记录.pdf`;
        break;
      case 'member-assembly': {
        const expected = Math.max(3, (members[o] as string[]).length);
        attributes.topic = subject;
        attributes.expected = expected;
        attributes.attendees = expected - Math.floor(rand() * rand() * expected * 0.3);
        attributes.minutes = `附件/2022/${organization.id}/${r.date}-党员大会记录.pdf`;
        break;
      }
      case 'inspection-rectification': {
        const due = Math.min(DAYS - 1, Math.max(date, 0) + int(30, 150));
        r.due = isoDay(due);
        const done = rand();
        if (done < 0.7) r.completed = isoDay(Math.max(date, due - int(0, 25)));
        else if (done < 0.9) r.completed = isoDay(due + int(1, 45));
        subject = '整改巡察反馈问题';
        break;
      }
      case 'appraisal':
        attributes.rater = pick(members[o] as string[]);
        attributes.score = int(55, 100);
        break;
      case 'liaison-visit':
        attributes.purpose = '调研指导基层党建工作';
        break;
      case 'award':
        attributes.level = pick(['national', 'provincial', 'municipal', 'municipal', 'county']);
        break;
      case 'disciplinary-case':
        attributes.severity = rand() < 0.5 ? 'serious' : 'minor';
        break;
      case 'dues-payment':
        attributes.amount = int(20, 2000);
        break;
      default:
        break;
    }
    r.status = status;
    r.source = type === 'theme-day' || type === 'branch-committee-meeting' || type === 'member-assembly' || type === 'party-class' ? 'zhdj' : 'oa';
    r.title = `${organization.name}${month}月${TITLE_WORD[type]}：${subject}`;
    if (Object.keys(attributes).length > 0) r.attributes = attributes;
    return JSON.stringify(r);
  };

  for (let day = 0; day < DAYS; day++) {
    const today = Math.floor(((day + 1) * size.records) / DAYS) - Math.floor((day * size.records) / DAYS);
    for (let i = 0; i < today; i++) {
      let text: string;
      if (recent.length > 0 && rand() < 0.005) {
        text = pick(recent);
        duplicates++;
      } else {
        text = record(day);
        if (recent.length < RING) recent.push(text);
        else recent[seq % RING] = text;
      }
      lines++;
      await writer.line(text);
    }
  }
  await writer.flush();
  await new Promise<void>((resolve, reject) => {
    out.once('error', reject);
    out.end(() => resolve());
  });
  return { lines, bytes: writer.bytes, duplicates, people: graph.people.length, byType };
}

/**
 * The files of a size, generated unless a finished copy with the same generator version, size and
 * seed is there already. Writes the rule set and the graph as JSON beside the records, so that the
 * CLI can be run on them too.
 */
export async function ensureAssessment(size: AssessmentSize, seed = DEFAULT_SEED, log: (line: string) => void = () => {}): Promise<{ files: AssessmentFiles; meta: AssessmentMeta }> {
  const files = filesOf(size, seed);
  if (existsSync(files.meta) && existsSync(files.records)) {
    const meta = JSON.parse(readFileSync(files.meta, 'utf8')) as AssessmentMeta;
    if (meta.generatorVersion === GENERATOR_VERSION && meta.seed === seed && JSON.stringify(meta.size) === JSON.stringify(size)) return { files, meta };
  }
  mkdirSync(OUT_DIR, { recursive: true });
  log(`generating ${size.name}: ${size.organizations.toLocaleString('en-US')} organizations, ${size.records.toLocaleString('en-US')} records…`);
  const start = performance.now();
  const graph = assessmentGraph(size, seed);
  writeFileSync(files.rules, `${JSON.stringify(assessmentRules(), null, 2)}\n`);
  writeFileSync(files.graph, JSON.stringify(graph));
  const partial = `${files.records}.partial`;
  const written = await writeRecords(size, graph, partial, seed);
  renameSync(partial, files.records);
  const meta: AssessmentMeta = { generatorVersion: GENERATOR_VERSION, size, seed, ...written, generateMs: Math.round(performance.now() - start) };
  writeFileSync(files.meta, `${JSON.stringify(meta, null, 2)}\n`);
  log(`  wrote ${files.records} (${(meta.bytes / 1e6).toFixed(0)} MB) in ${(meta.generateMs / 1000).toFixed(1)} s`);
  return { files, meta };
}

// ---- CLI --------------------------------------------------------------------------------------

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  const args = process.argv.slice(2);
  const seedAt = args.indexOf('--seed');
  const seed = seedAt >= 0 ? Number(args[seedAt + 1]) : DEFAULT_SEED;
  const names = args.filter((a, i) => !a.startsWith('--') && (seedAt < 0 || i !== seedAt + 1));
  for (const name of names.length > 0 ? names : ['S']) {
    const size = SIZES[name];
    if (!size) throw new Error(`unknown size ${name}; one of ${Object.keys(SIZES).join(', ')}`);
    const { files, meta } = await ensureAssessment(size, seed, (line) => process.stderr.write(`${line}\n`));
    console.log(JSON.stringify({ files, lines: meta.lines, bytes: meta.bytes, people: meta.people, duplicates: meta.duplicates, byType: meta.byType }, null, 2));
  }
}
