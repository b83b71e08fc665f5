// Generates the bureau's 2022 evidence: records.ndjson (every organization and person the rule
// set assesses) and records.csv (the same records for br-office, with Chinese headers).
//
// Deterministic: a seeded PRNG (mulberry32), calendar arithmetic on day numbers, no clock.
// The deliberate gaps are listed in README.md; each is marked `GAP` below.
//
// Usage: npx tsx examples/bureau-2022/generate-records.ts
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const here = (file: string): string => fileURLToPath(new URL(file, import.meta.url));

// ---------------------------------------------------------------------------------------------
// Graph
// ---------------------------------------------------------------------------------------------

interface GraphJson {
  organizations: { id: string; name: string; kind: string; parent?: string }[];
  people: { id: string; name: string }[];
  posts: { person: string; organization: string; role: string }[];
  liaison: { person: string; organization: string }[];
}

const graph = JSON.parse(readFileSync(here('./graph.json'), 'utf8')) as GraphJson;
const orgById = new Map(graph.organizations.map((o) => [o.id, o]));
const personById = new Map(graph.people.map((p) => [p.id, p]));

const org = (id: string): GraphJson['organizations'][number] => {
  const found = orgById.get(id);
  if (!found) throw new Error(`unknown organization ${id}`);
  return found;
};
const personName = (id: string): string => {
  const found = personById.get(id);
  if (!found) throw new Error(`unknown person ${id}`);
  return found.name;
};
/** The organization's name without the bracketed departments: 机关第一党支部. */
const shortName = (id: string): string => org(id).name.replace(/（.*）$/, '');

const MEMBER_ROLES = new Set(['secretary', 'deputy-secretary', 'team-member', 'member']);
const COMMITTEE_ROLES = new Set(['secretary', 'deputy-secretary', 'team-member']);
const unique = (ids: string[]): string[] => [...new Set(ids)];
const postsIn = (orgId: string, roles: Set<string>): string[] =>
  unique(graph.posts.filter((p) => p.organization === orgId && roles.has(p.role)).map((p) => p.person));
const secretaryOf = (orgId: string): string | undefined => graph.posts.find((p) => p.organization === orgId && p.role === 'secretary')?.person;

/** Party members expected at an assembly: everyone holding a member-level post there (for a general branch, also in its branches). */
function expectedAt(orgId: string): string[] {
  const own = postsIn(orgId, MEMBER_ROLES);
  if (org(orgId).kind !== 'general-branch') return own;
  const branches = graph.organizations.filter((o) => o.parent === orgId && o.kind === 'branch').map((o) => o.id);
  return unique([...own, ...branches.flatMap((b) => postsIn(b, MEMBER_ROLES))]);
}

const COMMITTEE = 'bureau';
const BRANCH_LEVEL = graph.organizations.filter((o) => o.kind === 'general-branch' || o.kind === 'branch').map((o) => o.id);
const ASSESSED_ORGS = [COMMITTEE, ...BRANCH_LEVEL];
const LEADERS = postsIn(COMMITTEE, COMMITTEE_ROLES);
const SECRETARIES = graph.posts
  .filter((p) => p.role === 'secretary' && ['committee', 'general-branch', 'branch'].includes(org(p.organization).kind))
  .map((p) => p.person);
const APPRAISED = unique([...SECRETARIES, ...LEADERS]);

// ---------------------------------------------------------------------------------------------
// PRNG and calendar
// ---------------------------------------------------------------------------------------------

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = mulberry32(20220701);
const int = (lo: number, hi: number): number => lo + Math.floor(rand() * (hi - lo + 1));
const chance = (p: number): boolean => rand() < p;
function pick<T>(items: readonly T[]): T {
  const item = items[Math.floor(rand() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

const YEAR = 2022;
const pad = (n: number): string => String(n).padStart(2, '0');
/** Days since 1970-01-01 of a civil date (Howard Hinnant's days_from_civil). */
function dayNumber(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}
function civil(day: number): string {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${y}-${pad(m)}-${pad(d)}`;
}
const daysInMonth = (m: number): number => dayNumber(YEAR, m + 1, 1) - dayNumber(YEAR, m, 1);
/** 2022 public holidays in mainland China (元旦、春节、清明、劳动节、端午、中秋、国庆). */
const HOLIDAYS = new Set(
  [
    ['01-01', '01-03'],
    ['01-31', '02-06'],
    ['04-03', '04-05'],
    ['04-30', '05-04'],
    ['06-03', '06-05'],
    ['09-10', '09-12'],
    ['10-01', '10-07'],
  ].flatMap(([from, to]) => {
    const out: string[] = [];
    for (let d = dayNumber(YEAR, Number(from?.slice(0, 2)), Number(from?.slice(3))); d <= dayNumber(YEAR, Number(to?.slice(0, 2)), Number(to?.slice(3))); d++) out.push(civil(d));
    return out;
  }),
);
const isWorkday = (day: number): boolean => {
  const weekday = (((day + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday; 0 = Sunday
  return weekday !== 0 && weekday !== 6 && !HOLIDAYS.has(civil(day));
};
/** The first working day on or after the given date in the same month, else the last one before it. */
function workday(m: number, d: number): string {
  const first = dayNumber(YEAR, m, 1);
  const last = first + daysInMonth(m) - 1;
  const start = Math.min(first + d - 1, last);
  for (let day = start; day <= last; day++) if (isWorkday(day)) return civil(day);
  for (let day = start - 1; day >= first; day--) if (isWorkday(day)) return civil(day);
  throw new Error(`no working day in month ${m}`);
}
/** A working day between two days of a month. */
const workdayBetween = (m: number, lo: number, hi: number): string => workday(m, int(lo, hi));
const addDays = (date: string, n: number): string => civil(dayNumber(Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8))) + n);
const quarterMonths = (q: number): [number, number, number] => [3 * q - 2, 3 * q - 1, 3 * q];

// ---------------------------------------------------------------------------------------------
// Records
// ---------------------------------------------------------------------------------------------

type Attribute = string | number | boolean | string[] | null;
type Status = 'approved' | 'pending' | 'rejected';
interface Draft {
  type: string;
  organization?: string;
  person?: string;
  date: string;
  due?: string;
  completed?: string;
  status?: Status;
  source?: string;
  title: string;
  attributes?: Record<string, Attribute>;
}
interface OutRecord extends Draft {
  id: string;
  status: Status;
  source: string;
}

const ORG_LIFE = new Set(['branch-committee-meeting', 'member-assembly', 'party-class', 'theme-day']);
const ASSESSMENT = new Set(['manual-score', 'appraisal', 'business-score']);
const sourceOf = (type: string): string => (ORG_LIFE.has(type) ? 'zhdj' : ASSESSMENT.has(type) ? 'assessment' : 'oa');

const drafts: Draft[] = [];
const add = (draft: Draft): Draft => {
  drafts.push(draft);
  return draft;
};
const attachment = (orgId: string, date: string, what: string): string => `附件/${YEAR}/${orgId}/${date}-${what}.pdf`;

// ---- Committee (局党委) ---------------------------------------------------------------------

const TOPIC_MEETINGS: { date: string; topic: string; minutes: boolean }[] = [
  { date: '2022-02-24', topic: '传达学习全面从严治党工作会议精神，研究部署2022年党建工作', minutes: true },
  { date: '2022-07-26', topic: '听取上半年基层党建工作汇报，研究下半年重点任务', minutes: true },
  // GAP: the third meeting's minutes were never uploaded, so it does not count (cm-topic-meetings).
  { date: '2022-11-17', topic: '研究学习宣传贯彻党的二十大精神工作方案', minutes: false },
];
for (const m of TOPIC_MEETINGS) {
  add({
    type: 'topic-meeting',
    organization: COMMITTEE,
    date: m.date,
    title: `局党委会专题研究党建工作：${m.topic}`,
    attributes: { topic: m.topic, ...(m.minutes ? { minutes: attachment(COMMITTEE, m.date, '党委会会议纪要') } : {}) },
  });
}

// GAP: the work points were issued on 2022-04-12, twelve days after the 31 March deadline (cm-work-points).
add({
  type: 'work-points-issued',
  organization: COMMITTEE,
  date: '2022-04-12',
  title: '关于印发《中共市某某局委员会2022年党建工作要点》的通知',
  attributes: { docNo: '某局党发〔2022〕9号' },
});
add({
  type: 'delegate-election',
  organization: COMMITTEE,
  date: '2022-06-20',
  title: '完成党的二十大代表推荐提名及选举相关工作',
  attributes: { docNo: '某局党发〔2022〕21号' },
});

const STUDY_TOPICS = [
  '学习党的十九届六中全会精神和《决议》',
  '学习习近平总书记在十九届中央纪委六次全会上的重要讲话',
  '学习贯彻全国两会精神',
  '学习《习近平谈治国理政》第四卷（一）',
  '学习习近平总书记在庆祝中国共青团成立100周年大会上的重要讲话',
  '学习省第十四次党代会精神',
  '学习习近平总书记“7·26”重要讲话精神',
  '党史专题：学习《中国共产党简史》',
  '学习《习近平谈治国理政》第四卷（二）',
  '集中学习党的二十大报告',
  '', // GAP: no central-group study in November (cm-center-group-study).
  '学习党的二十大精神专题研讨',
];
STUDY_TOPICS.forEach((topic, index) => {
  if (topic === '') return;
  const m = index + 1;
  const date = workdayBetween(m, 18, 27);
  add({
    type: 'center-group-study',
    organization: COMMITTEE,
    date,
    title: `局党委理论学习中心组${YEAR}年${m}月集体学习：${topic}`,
    attributes: { topic, minutes: attachment(COMMITTEE, date, '中心组学习记录') },
  });
});

// Three inspection findings against the committee; GAP: the second was closed 12 days late (cm-rectification).
const COMMITTEE_FINDINGS: { title: string; due: string; completed: string }[] = [
  { title: '巡察整改：党委专题研究党建工作频次不足', due: '2022-06-30', completed: '2022-06-24' },
  { title: '巡察整改：基层党支部党务工作者配备不到位', due: '2022-09-30', completed: '2022-10-12' },
  { title: '巡察整改：意识形态工作责任制落实不够有力', due: '2022-10-31', completed: '2022-10-20' },
];
for (const f of COMMITTEE_FINDINGS) add({ type: 'inspection-rectification', organization: COMMITTEE, date: '2022-04-22', due: f.due, completed: f.completed, title: f.title });

const COMMITTEE_PUBLICITY = ['“奋进新征程、建功新时代”主题宣传：局系统党建成果展', '“喜迎二十大”主题征文活动'];
COMMITTEE_PUBLICITY.forEach((title, i) => add({ type: 'publicity-campaign', organization: COMMITTEE, date: workdayBetween(i === 0 ? 5 : 8, 10, 25), title }));

// ---- Branches and the general branch ------------------------------------------------------

const THEME_TOPICS: readonly (readonly string[])[] = [
  ['学习贯彻党的十九届六中全会精神', '重温入党誓词·开展组织生活会会前学习'],
  ['学习弘扬北京冬奥精神', '学习冬奥精神·争做时代先锋'],
  ['学习贯彻全国两会精神', '学雷锋志愿服务'],
  ['清明祭英烈·传承红色基因', '全民国家安全教育日学习'],
  ['庆祝中国共产主义青年团成立100周年', '学习习近平总书记在庆祝共青团成立100周年大会上的重要讲话'],
  ['走好第一方阵，我为二十大作贡献', '走好第一方阵，我为二十大作贡献·重温入党誓词'],
  ['走好第一方阵，我为二十大作贡献·庆祝建党101周年', '走好第一方阵，我为二十大作贡献·“七一”红色教育'],
  ['廉洁从政警示教育', '观看警示教育片'],
  ['喜迎二十大·志愿服务进社区', '全民国防教育日学习'],
  ['集中收看党的二十大开幕会', '学习党的二十大报告'],
  ['学习贯彻党的二十大精神', '二十大精神进支部·分组研讨'],
  ['学习宣传贯彻党的二十大精神', '国家宪法日学法'],
];
const COMMITTEE_AGENDAS: readonly string[] = [
  '研究组织生活会和民主评议党员方案',
  '研究年度党建工作计划',
  '研究党费收缴和党员发展工作',
  '研究季度学习安排',
  '研究“七一”活动安排',
  '研究上半年党建工作总结',
  '研究发展对象培养考察',
  '研究迎接党的二十大宣传活动',
  '研究学习宣传贯彻党的二十大精神方案',
  '研究年度述职评议准备工作',
];
const ASSEMBLY_TOPICS: readonly string[] = [
  '召开2021年度组织生活会，开展民主评议党员',
  '学习党章，评议表彰优秀共产党员',
  '讨论确定发展对象，通报党费收缴情况',
  '学习贯彻党的二十大精神，通报年度工作',
];
const CLASS_TOPICS: readonly string[] = [
  '从百年党史中汲取奋进力量',
  '弘扬伟大建党精神，走好第一方阵',
  '以实际行动迎接党的二十大胜利召开',
  '深刻领会党的二十大精神的核心要义',
];
const HISTORY_TOPICS: readonly string[] = [
  '学习《中共中央关于党的百年奋斗重大成就和历史经验的决议》',
  '学习《中国共产党简史》',
  '重温红色家书，传承红色基因',
  '学习新时代十年伟大变革',
];
const PUBLICITY_TOPICS: readonly string[] = [
  '“奋进新征程、建功新时代”主题宣传：身边的好党员',
  '“喜迎二十大”主题宣讲',
  '“奋进新征程、建功新时代”主题宣传：岗位建功展示',
  '“喜迎二十大、永远跟党走”主题朗诵会',
  '“迎接二十大”党建宣传栏更新',
];
const QUARTER_ASSEMBLY_MONTHS: readonly (readonly number[])[] = [[1, 3], [5, 6], [8, 9], [11, 12]];

// br-office: the bureau's liaison leader for the branch sat in on one assembly (not on the expected list).
const OFFICE_GUEST = graph.liaison.find((l) => l.organization === 'br-office')?.person ?? 'p-zhang-min';

for (const orgId of BRANCH_LEVEL) {
  const name = shortName(orgId);
  const isGeneral = org(orgId).kind === 'general-branch';
  const committeeWord = isGeneral ? '党总支委员会' : '支部委员会';
  const secretary = secretaryOf(orgId);
  const committee = postsIn(orgId, COMMITTEE_ROLES);
  const lecturer = secretary ?? committee[0] ?? 'p-peng-de';
  const retired = orgId === 'br-retired';

  // Work plan, before the end of March.
  const planDate = workdayBetween(pick([1, 2, 3]), 8, 20);
  add({ type: 'work-plan', organization: orgId, date: planDate, title: `${name}${YEAR}年党建工作计划`, attributes: { docNo: `${name}〔${YEAR}〕1号` } });

  // Branch committee: monthly. GAP: br-planning skipped February and August (br-committee-meeting).
  for (let m = 1; m <= 12; m++) {
    if (orgId === 'br-planning' && (m === 2 || m === 8)) continue;
    const date = workdayBetween(m, 3, 12);
    const agenda = m === 1 ? COMMITTEE_AGENDAS[0] : m === 12 ? COMMITTEE_AGENDAS[9] : pick(COMMITTEE_AGENDAS.slice(1, 9));
    const present = retired ? unique([...committee, 'p-zhou-ting']) : committee;
    add({
      type: 'branch-committee-meeting',
      organization: orgId,
      date,
      title: `${name}${YEAR}年${m}月${committeeWord}：${agenda ?? ''}`,
      attributes: { agenda: agenda ?? '', attendees: present, minutes: attachment(orgId, date, `${committeeWord}记录`) },
    });
  }

  // Assemblies: quarterly, with attendance lists. GAP: br-retired held them in Q1 and Q3 only (br-assembly).
  const expected = expectedAt(orgId);
  const quarters = retired ? [1, 3] : [1, 2, 3, 4];
  // At most 10% absences over the year, so attendance stays at or above 90%.
  let absenceBudget = Math.floor(expected.length * quarters.length * 0.1);
  for (const q of quarters) {
    const date = workdayBetween(pick(QUARTER_ASSEMBLY_MONTHS[q - 1] ?? [3 * q]), 14, 26);
    let absent = Math.min(absenceBudget, chance(0.55) ? int(1, Math.max(1, Math.floor(expected.length / 8))) : 0);
    absenceBudget -= absent;
    const candidates = expected.filter((p) => p !== secretary && p !== lecturer);
    const away = new Set<string>();
    while (absent-- > 0 && away.size < candidates.length) away.add(pick(candidates));
    const attendees = expected.filter((p) => !away.has(p));
    if (orgId === 'br-office' && q === 2) attendees.push(OFFICE_GUEST); // GAP (br-attendance detail): one name not on the expected list.
    const topic = ASSEMBLY_TOPICS[q - 1] ?? '';
    add({
      type: 'member-assembly',
      organization: orgId,
      date,
      title: `${name}${YEAR}年第${q}季度党员大会：${topic}`,
      attributes: { topic, attendees, expected, minutes: attachment(orgId, date, '党员大会记录') },
    });
  }

  // Party classes: quarterly. GAP: none at all in br-retired (br-party-class).
  if (!retired) {
    for (let q = 1; q <= 4; q++) {
      const m = pick(quarterMonths(q).slice(q === 3 ? 1 : 0)); // Q3 classes in Aug/Sep, apart from the July lectures
      const date = workdayBetween(m, 8, 25);
      const by = q === 3 && committee.length > 1 ? (committee.find((p) => p !== secretary) ?? lecturer) : lecturer;
      const topic = CLASS_TOPICS[q - 1] ?? '';
      add({
        type: 'party-class',
        organization: orgId,
        date,
        title: `党课：${topic}（${personName(by)}）`,
        attributes: { topic, lecturer: by, minutes: attachment(orgId, date, '党课讲稿') },
      });
    }
  }

  // Theme days: monthly with minutes; June and July inside the 走好第一方阵 window (15 June – 15 July).
  for (let m = 1; m <= 12; m++) {
    if (orgId === 'br-business' && m === 12) continue; // GAP: no theme day in December (br-theme-day).
    const date = m === 6 ? workdayBetween(6, 20, 29) : m === 7 ? workdayBetween(7, 1, 8) : workdayBetween(m, 10, 28);
    const topic = pick(THEME_TOPICS[m - 1] ?? ['']);
    const july = m === 6 || m === 7;
    // GAP: br-center-1's March and April theme days were reported without minutes (br-theme-day).
    const withoutMinutes = orgId === 'br-center-1' && (m === 3 || m === 4);
    const participants = expected.length - (chance(0.4) ? 1 : 0);
    add({
      type: 'theme-day',
      organization: orgId,
      date,
      title: `${YEAR}年${m}月主题党日：${topic}`,
      attributes: {
        theme: july ? '走好第一方阵' : topic,
        participants,
        ...(withoutMinutes ? {} : { minutes: attachment(orgId, date, '主题党日活动记录') }),
      },
    });
  }

  // Party history study: quarterly.
  for (let q = 1; q <= 4; q++) {
    const date = workdayBetween(pick(quarterMonths(q)), 5, 25);
    const topic = HISTORY_TOPICS[q - 1] ?? '';
    add({ type: 'history-study', organization: orgId, date, title: `党史专题学习：${topic}`, attributes: { topic, minutes: attachment(orgId, date, '学习记录') } });
  }

  // Publicity for the Congress: three or four. GAP: none in br-retired (br-publicity).
  if (!retired) {
    const count = chance(0.35) ? 4 : 3;
    const months = count === 4 ? [4, 6, 9, 10] : [pick([4, 5]), pick([7, 8]), pick([9, 10])];
    for (let i = 0; i < count; i++) {
      const m = months[i] ?? 9;
      add({ type: 'publicity-campaign', organization: orgId, date: workdayBetween(m, 5, 25), title: PUBLICITY_TOPICS[(i + BRANCH_LEVEL.indexOf(orgId)) % PUBLICITY_TOPICS.length] ?? '' });
    }
  }

  // Mobile members' archives, reported at the half-year and at year end. GAP: none for br-retired.
  if (!retired) {
    const mobile = orgId === 'gb-center' ? 3 : int(1, 2);
    for (const date of [workday(6, 28), workday(12, 20)]) {
      add({ type: 'mobile-member-archive', organization: orgId, date, title: `${name}流动党员教育管理档案建档情况`, attributes: { mobile, archived: mobile } });
    }
  }

  // Inspection findings: one each, closed on time. GAP: br-center-1 has a second one still open.
  const assigned = workdayBetween(5, 9, 20);
  const due = workday(8, 31);
  add({
    type: 'inspection-rectification',
    organization: orgId,
    date: assigned,
    due,
    completed: addDays(due, -int(7, 30)),
    title: `巡察整改：${pick(['“三会一课”记录不规范', '党费收缴台账不完整', '发展党员档案材料不齐全', '组织生活会查摆问题不够具体'])}`,
  });
  if (orgId === 'br-center-1') {
    add({ type: 'inspection-rectification', organization: orgId, date: assigned, due: '2022-09-30', title: '巡察整改：党小组作用发挥不充分' });
  }

  // Year-end review scores: department and inspection team. GAP: br-retired has only the department's.
  for (const group of retired ? ['department'] : ['department', 'inspection']) {
    add({
      type: 'manual-score',
      organization: orgId,
      date: group === 'department' ? '2022-12-28' : '2022-12-29',
      title: `${YEAR}年度基层党建工作述职评议评分（${group === 'department' ? '主管部门' : '巡察组'}）`,
      attributes: { indicator: 'br-review', group, score: retired ? 76 : int(82, 95) },
    });
  }
}

// Committee review scores.
for (const group of ['department', 'inspection']) {
  add({
    type: 'manual-score',
    organization: COMMITTEE,
    date: group === 'department' ? '2022-12-28' : '2022-12-29',
    title: `${YEAR}年度局党委党建工作述职评议评分（${group === 'department' ? '主管部门' : '巡察组'}）`,
    attributes: { indicator: 'cm-review', group, score: int(85, 93) },
  });
}

// GAP: a serious disciplinary case in br-center-2 (org-discipline-veto).
add({
  type: 'disciplinary-case',
  organization: 'br-center-2',
  date: '2022-08-16',
  title: '事业发展中心第二党支部党员严重违纪案件',
  attributes: { severity: 'serious', disposition: '留党察看一年', caseNo: '某纪案〔2022〕7号' },
});

// Awards: br-office, provincial and municipal (2 + 1 = the bonus cap of 3).
add({ type: 'award', organization: 'br-office', date: '2022-06-28', title: '市直机关先进基层党组织', attributes: { level: 'municipal' } });
add({ type: 'award', organization: 'br-office', date: '2022-11-15', title: '全省机关党建工作先进党支部', attributes: { level: 'provincial' } });

// ---- People ------------------------------------------------------------------------------

// Secretaries' lectures around 1 July (window 15 June – 31 July).
// GAP: p-xu-tao gives none; p-feng-bo's is on 10 August, outside the window (sec-july-lecture).
const LECTURE_TOPICS = ['弘扬伟大建党精神，奋进新征程建功新时代', '走好第一方阵，以优异成绩迎接党的二十大', '赓续红色血脉，勇担时代使命'];
const LECTURE_DATES: Record<string, string> = { 'p-wang-jian': '2022-06-29', 'p-feng-bo': '2022-08-10' };
for (const post of graph.posts.filter((p) => p.role === 'secretary')) {
  if (post.person === 'p-xu-tao') continue;
  const month = pick([6, 7]);
  const date = LECTURE_DATES[post.person] ?? (month === 6 ? workdayBetween(6, 15, 29) : workdayBetween(7, 1, 28));
  const topic = pick(LECTURE_TOPICS);
  add({
    type: 'party-lecture',
    organization: post.organization,
    person: post.person,
    date,
    title: `“七一”专题党课：${topic}（${personName(post.person)}）`,
    attributes: { topic },
  });
}

// Liaison visits: every leader each quarter at each contact point, one or two visits.
// GAP: p-zhao-lei makes none (leader-contact-visits).
for (const link of graph.liaison) {
  if (link.person === 'p-zhao-lei') continue;
  for (let q = 1; q <= 4; q++) {
    const forcedTwo = link.person === 'p-li-hua' && q === 2; // the conflicting pair below sits on one of these
    const visits = forcedTwo || chance(0.3) ? 2 : 1;
    const months = quarterMonths(q);
    for (let v = 0; v < visits; v++) {
      const m = visits === 2 ? (v === 0 ? months[0] : months[2]) : pick(months);
      const purpose = pick(['调研指导基层党建工作', '参加支部主题党日活动', '讲授专题党课', '督导巡察整改落实', '听取支部工作汇报']);
      add({
        type: 'liaison-visit',
        organization: link.organization,
        person: link.person,
        date: workdayBetween(m ?? 3 * q, 5, 25),
        title: `${personName(link.person)}到${shortName(link.organization)}${purpose}`,
        attributes: { purpose },
      });
    }
  }
}

// Democratic appraisal: seven raters per person, scores 70–98.
const APPRAISAL_BASE: Record<string, number> = { 'p-xu-tao': 80, 'p-feng-bo': 82, 'p-zhao-lei': 77 };
for (const personId of APPRAISED) {
  const base = APPRAISAL_BASE[personId] ?? int(85, 91);
  for (let r = 1; r <= 7; r++) {
    add({
      type: 'appraisal',
      person: personId,
      date: '2022-12-27',
      title: `${YEAR}年度民主测评（${personName(personId)}）`,
      attributes: { rater: `rater-${pad(r)}`, score: Math.max(70, Math.min(98, base + int(-7, 7))) },
    });
  }
}

// Business scores: every assessed organization and every committee leader, 70–95.
for (const orgId of ASSESSED_ORGS) {
  add({ type: 'business-score', organization: orgId, date: '2022-12-30', title: `${YEAR}年度业务工作考核得分（${shortName(orgId)}）`, attributes: { score: int(78, 95) } });
}
for (const personId of LEADERS) {
  add({
    type: 'business-score',
    person: personId,
    date: '2022-12-30',
    title: `${YEAR}年度分管业务工作考核得分（${personName(personId)}）`,
    attributes: { score: personId === 'p-zhao-lei' ? 72 : int(80, 95) },
  });
}

// Review status: two pending (reported late, not yet reviewed), one rejected (a repeat report).
add({
  type: 'theme-day',
  organization: 'br-office',
  date: '2022-11-25',
  status: 'pending',
  title: `${YEAR}年11月主题党日（补报）：“二十大精神进社区”志愿服务`,
  attributes: { theme: '二十大精神进社区', participants: 8, minutes: attachment('br-office', '2022-11-25', '主题党日活动记录') },
});
add({
  type: 'history-study',
  organization: 'br-planning',
  date: '2022-12-26',
  status: 'pending',
  title: '党史专题学习（补报）：学习新时代十年伟大变革',
  attributes: { topic: '学习新时代十年伟大变革' },
});
add({ type: 'publicity-campaign', organization: 'br-business', date: '2022-09-21', status: 'rejected', title: '“喜迎二十大”主题宣讲（重复报送，已退回）' });

// ---------------------------------------------------------------------------------------------
// Ids, the duplicate and the conflict, output
// ---------------------------------------------------------------------------------------------

const sortKey = (d: Draft): string => [d.date, d.type, d.organization ?? '', d.person ?? '', d.title].join('\u0000');
drafts.sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : sortKey(a) > sortKey(b) ? 1 : 0));

const records: OutRecord[] = drafts.map((d, index) => {
  // Fields in the documented order.
  const record: OutRecord = { id: `r-${YEAR}-${String(index + 1).padStart(4, '0')}`, type: d.type, date: d.date, status: d.status ?? 'approved', source: sourceOf(d.type), title: d.title };
  return {
    id: record.id,
    type: record.type,
    ...(d.organization !== undefined ? { organization: d.organization } : {}),
    ...(d.person !== undefined ? { person: d.person } : {}),
    date: record.date,
    ...(d.due !== undefined ? { due: d.due } : {}),
    ...(d.completed !== undefined ? { completed: d.completed } : {}),
    status: record.status,
    source: record.source,
    title: record.title,
    ...(d.attributes !== undefined ? { attributes: d.attributes } : {}),
  };
});

// Exact duplicate: br-center-1's second-quarter assembly, exported twice by the platform.
const duplicated = records.find((r) => r.type === 'member-assembly' && r.organization === 'br-center-1' && r.title.includes('第2季度'));
// Conflicting pair: one of p-li-hua's two second-quarter visits, re-exported with another date.
const conflicted = records.find((r) => r.type === 'liaison-visit' && r.person === 'p-li-hua' && r.date >= '2022-04-01' && r.date <= '2022-06-30');
if (!duplicated || !conflicted) throw new Error('duplicate or conflict target not found');
const conflictDate = workday(Number(conflicted.date.slice(5, 7)), Number(conflicted.date.slice(8)) + 2);
if (conflictDate === conflicted.date) throw new Error('the conflicting version needs another date');

// ---- Accountability evidence ---------------------------------------------------------------
// Numbered apart (r-2022-aNNN) so that adding them never renumbers the records above.

// The open rectification item at br-center-1 names the committee member in charge of it (直接责任者).
const openItem = records.find((r) => r.type === 'inspection-rectification' && r.organization === 'br-center-1' && r.completed === undefined);
if (!openItem) throw new Error('the open rectification item was not found');
openItem.person = 'p-pan-lei';
const accountabilityRecords: OutRecord[] = [
  {
    id: 'r-2022-a001',
    type: 'history-study',
    organization: 'br-business',
    date: '2022-10-14',
    status: 'approved',
    source: 'oa',
    title: '党史专题学习：照本宣科、以会代学（督查发现形式主义问题）',
    attributes: { topic: '学习党的十九届六中全会精神', minutes: attachment('br-business', '2022-10-14', '学习记录'), formalism: true },
  },
  {
    id: 'r-2022-a002',
    type: 'prompt-remedy',
    organization: 'br-center-1',
    person: 'p-yan-bing',
    date: '2022-12-20',
    status: 'approved',
    source: 'oa',
    title: '及时整改：制定党小组作用发挥整改方案，明确完成时限',
    attributes: { rule: 'rectification-open' },
  },
  {
    id: 'r-2022-a003',
    type: 'accountability-waiver',
    organization: 'br-business',
    person: 'p-liu-yang',
    date: '2022-10-20',
    status: 'approved',
    source: 'oa',
    title: '免责情形：支部确定学习方式时，刘洋曾明确提出反对意见（会议记录在案）',
    attributes: { rule: 'formalism', reason: 'recorded-objection' },
  },
];
records.push(...accountabilityRecords);
// The serious case at br-center-2 names the member who committed it (直接责任者).
const seriousCase = records.find((r) => r.type === 'disciplinary-case' && r.organization === 'br-center-2');
if (!seriousCase) throw new Error('the disciplinary case was not found');
seriousCase.person = 'p-shi-lei';

const lines: string[] = [];
for (const r of records) {
  lines.push(JSON.stringify(r));
  if (r === duplicated) lines.push(JSON.stringify(r));
  if (r === conflicted) lines.push(JSON.stringify({ ...r, date: conflictDate }));
}
writeFileSync(here('./records.ndjson'), `${lines.join('\n')}\n`);

// ---- CSV for br-office ---------------------------------------------------------------------

const CSV_ORG = 'br-office';
const STATUS_ZH: Record<Status, string> = { approved: '已审核', pending: '待审核', rejected: '已退回' };
const csvRecords = records.filter((r) => r.organization === CSV_ORG);
const attributeTypes = new Map<string, 'text' | 'number' | 'list'>();
for (const r of csvRecords) {
  for (const [key, value] of Object.entries(r.attributes ?? {})) {
    const kind = Array.isArray(value) ? 'list' : typeof value === 'number' ? 'number' : 'text';
    if (typeof value === 'boolean' || value === null) throw new Error(`attribute ${key}: no CSV type for ${String(value)}`);
    const known = attributeTypes.get(key);
    if (known !== undefined && known !== kind) throw new Error(`attribute ${key} is both ${known} and ${kind}`);
    attributeTypes.set(key, kind);
  }
}
const attributeKeys = [...attributeTypes.keys()].sort();
const suffix = { text: '', number: ':数字', list: ':列表' } as const;
const header = ['编号', '类型', '党组织', '人员', '日期', '截止日期', '完成日期', '状态', '来源', '标题', ...attributeKeys.map((k) => `属性.${k}${suffix[attributeTypes.get(k) ?? 'text']}`)];
const cell = (text: string): string => (/[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
const csvLines = [header.join(',')];
for (const r of csvRecords) {
  const attrs = r.attributes ?? {};
  const row = [
    r.id,
    r.type,
    r.organization ?? '',
    r.person ?? '',
    r.date,
    r.due ?? '',
    r.completed ?? '',
    STATUS_ZH[r.status],
    r.source,
    r.title,
    ...attributeKeys.map((k) => {
      const value = attrs[k];
      if (value === undefined || value === null) return '';
      if (Array.isArray(value)) {
        if (value.some((v) => /[|、]/.test(v))) throw new Error(`list item with a separator in ${r.id}`);
        return value.join('|');
      }
      return String(value);
    }),
  ];
  csvLines.push(row.map(cell).join(','));
}
// With a BOM, so that Excel opens the Chinese text correctly; the reader skips it.
writeFileSync(here('./records.csv'), `\uFEFF${csvLines.join('\n')}\n`);

console.log(`records.ndjson: ${lines.length} lines (${records.length} records, 1 exact duplicate, 1 conflicting version)`);
console.log(`records.csv: ${csvRecords.length} records of ${CSV_ORG}`);
