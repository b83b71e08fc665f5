// Generates the university's evidence for Q3 2023 up to the export on 15 September:
// records.ndjson, one JSON record a line, sorted by id.
//
// Deterministic: a seeded PRNG (mulberry32), calendar arithmetic on day numbers, no clock.
// The deliberate gaps are listed in README.md; each is marked `GAP` below.
//
// Usage: npx tsx examples/university-college/generate-records.ts
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const here = (file: string): string => fileURLToPath(new URL(file, import.meta.url));

// ---------------------------------------------------------------------------------------------
// Graph
// ---------------------------------------------------------------------------------------------

interface GraphJson {
  organizations: { id: string; name: string; kind: string; parent?: string }[];
  people: { id: string; name: string; probationary?: boolean }[];
  posts: { person: string; organization: string; role: string }[];
}

const graph = JSON.parse(readFileSync(here('./graph.json'), 'utf8')) as GraphJson;
const orgById = new Map(graph.organizations.map((o) => [o.id, o]));
const personById = new Map(graph.people.map((p) => [p.id, p]));

const orgName = (id: string): string => {
  const found = orgById.get(id);
  if (!found) throw new Error(`unknown organization ${id}`);
  return found.name.replace(/（.*）$/, '');
};
const personName = (id: string): string => {
  const found = personById.get(id);
  if (!found) throw new Error(`unknown person ${id}`);
  return found.name;
};
const unique = (ids: string[]): string[] => [...new Set(ids)];
const postsIn = (orgId: string, roles: readonly string[]): string[] =>
  unique(graph.posts.filter((p) => p.organization === orgId && roles.includes(p.role)).map((p) => p.person));
const secretaryOf = (orgId: string): string | undefined => postsIn(orgId, ['secretary'])[0];
const ofKind = (kind: string): string[] => graph.organizations.filter((o) => o.kind === kind).map((o) => o.id);

const TEAM = ['secretary', 'deputy-secretary', 'team-member'] as const;
const MEMBER_LEVEL = ['secretary', 'deputy-secretary', 'team-member', 'member'] as const;
const BRANCHES = ofKind('branch');
const GENERAL_BRANCHES = ofKind('general-branch');
const GROUPS = ofKind('group');
/** People appraised in a branch: its committee members and members (the secretary is assessed as secretary). */
const appraisedIn = (branch: string): string[] => postsIn(branch, ['team-member', 'member']);

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
const rand = mulberry32(20230915);
const int = (lo: number, hi: number): number => lo + Math.floor(rand() * (hi - lo + 1));
const chance = (p: number): boolean => rand() < p;
function pick<T>(items: readonly T[]): T {
  const item = items[Math.floor(rand() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

const YEAR = 2023;
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
const dayOf = (date: string): number => dayNumber(Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8)));
// 1970-01-01 was a Thursday; 0 = Sunday. No public holiday falls between 1 July and 15 September 2023.
const isWorkday = (day: number): boolean => ![0, 6].includes((((day + 4) % 7) + 7) % 7);
/** The first working day on or after the given day of the month, else the last one before it. */
function workday(m: number, d: number): string {
  const first = dayNumber(YEAR, m, 1);
  const last = dayNumber(YEAR, m + 1, 1) - 1;
  const start = Math.min(first + d - 1, last);
  for (let day = start; day <= last; day++) if (isWorkday(day)) return civil(day);
  for (let day = start - 1; day >= first; day--) if (isWorkday(day)) return civil(day);
  throw new Error(`no working day in month ${m}`);
}
const workdayBetween = (m: number, lo: number, hi: number): string => workday(m, int(lo, hi));
/** A fixed date, checked to be a working day on or before the export. */
function on(date: string): string {
  if (!isWorkday(dayOf(date))) throw new Error(`${date} is not a working day`);
  if (date > LAST_DAY) throw new Error(`${date} is after the export`);
  return date;
}

// The export was taken on the morning of 15 September: the last records are dated the 14th.
const LAST_DAY = '2023-09-14';
// Students are away from 8 July to 27 August: organizational life in August is held online.
const mode = (m: number): string => (m === 8 ? '线上' : '线下');

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
  status?: Status;
  title: string;
  attributes?: Record<string, Attribute>;
}
interface OutRecord {
  id: string;
  type: string;
  organization?: string;
  person?: string;
  date: string;
  status: Status;
  source: string;
  title: string;
  attributes?: Record<string, Attribute>;
}

const SOURCE_OF: Record<string, string> = {
  'branch-committee-meeting': 'zhdj',
  'member-assembly': 'zhdj',
  'party-class': 'zhdj',
  'theme-day': 'zhdj',
  'group-meeting': 'zhdj',
  'theme-education-study': 'zhdj',
  'liaison-visit': 'zhdj',
  'secretary-training': 'dangxiao',
  'member-development': 'fzdy',
  'member-appraisal': 'assessment',
  'theme-education-plan': 'oa',
};
const sourceOf = (type: string): string => {
  const source = SOURCE_OF[type];
  if (source === undefined) throw new Error(`no source for ${type}`);
  return source;
};

const drafts: Draft[] = [];
const add = (draft: Draft): void => {
  if (draft.date > LAST_DAY) throw new Error(`${draft.type} dated ${draft.date}, after the export`);
  drafts.push(draft);
};
const attachment = (orgId: string, date: string, what: string): string => `附件/${YEAR}Q3/${orgId}/${date}-${what}.pdf`;

// ---- Branch and general-branch committees: monthly ------------------------------------------

const COMMITTEE_AGENDAS: Readonly<Record<number, readonly string[]>> = {
  7: ['研究“七一”主题党日和接收预备党员工作', '研究暑期党员社会实践安排', '研究上半年党建工作总结'],
  8: ['线上研究新学期党建工作计划', '线上研究迎新季学生党员先锋岗安排', '线上研究第二批主题教育准备工作'],
  9: ['研究第二批主题教育学习安排', '研究发展对象确定和季度党员评议', '研究新学期党员教育培训计划'],
};

for (const orgId of [...GENERAL_BRANCHES, ...BRANCHES]) {
  const isGeneral = GENERAL_BRANCHES.includes(orgId);
  const word = isGeneral ? '党总支委员会' : '支部委员会';
  for (const m of [7, 8, 9]) {
    // GAP: after its secretary graduated in June, br-fl-grad held no committee meeting in July.
    if (orgId === 'br-fl-grad' && m === 7) continue;
    // Not a gap: br-me-faculty's September meeting is planned after the export (September is not due yet).
    if (orgId === 'br-me-faculty' && m === 9) continue;
    const date = m === 7 ? workdayBetween(7, 3, 7) : m === 8 ? workdayBetween(8, 21, 25) : workdayBetween(9, 4, 8);
    const agenda = orgId === 'br-fl-grad' ? (m === 8 ? '线上研究书记空缺期间支部工作安排' : '研究支部书记补选和预备党员转正工作') : pick(COMMITTEE_AGENDAS[m] ?? ['']);
    const attendees = orgId === 'br-fl-grad' ? ['p-lu-siyu', 'p-ma-jun'] : postsIn(orgId, TEAM);
    add({
      type: 'branch-committee-meeting',
      organization: orgId,
      date,
      title: `${orgName(orgId)}${YEAR}年${m}月${word}：${agenda}`,
      attributes: { agenda, attendees, mode: mode(m), minutes: attachment(orgId, date, `${word}记录`) },
    });
  }
}

// ---- Theme days: monthly, with the attendance lists -----------------------------------------

const THEME_TOPICS: Readonly<Record<number, readonly string[]>> = {
  7: ['庆祝建党102周年·重温入党誓词', '学习习近平总书记“七一”重要讲话精神'],
  8: ['线上学习：《习近平新时代中国特色社会主义思想专题摘编》', '暑期社会实践分享会（线上）', '线上观看红色电影《觉醒年代》选段'],
  9: ['迎新季·学生党员先锋岗', '第二批主题教育动员学习', '教师节：学习践行教育家精神'],
};
// br-me-grad and br-cs-ug2 hold their September theme days after the export (not due yet).
const SEPTEMBER_LATER = new Set(['br-me-grad', 'br-cs-ug2']);

for (const orgId of BRANCHES) {
  const expected = postsIn(orgId, MEMBER_LEVEL);
  const presider = secretaryOf(orgId) ?? postsIn(orgId, ['team-member'])[0] ?? '';
  // At most 10% absences over the quarter, so that attendance stays at or above 90%.
  let absenceBudget = Math.floor(expected.length * 3 * 0.1);
  for (const m of [7, 8, 9]) {
    if (m === 9 && SEPTEMBER_LATER.has(orgId)) continue;
    const date = m === 7 ? workdayBetween(7, 3, 7) : m === 8 ? workdayBetween(8, 14, 25) : workdayBetween(9, 5, 14);
    const topic = pick(THEME_TOPICS[m] ?? ['']);
    let absent = Math.min(absenceBudget, chance(0.5) ? int(1, 2) : 0);
    // GAP: br-cs-grad's online theme day in August: only 5 of 9 members took part (br-theme-day-attendance).
    if (orgId === 'br-cs-grad' && m === 8) absent = 4;
    else absenceBudget -= absent;
    const candidates = expected.filter((p) => p !== presider);
    const away = new Set<string>();
    while (away.size < absent) away.add(pick(candidates));
    const participants = expected.filter((p) => !away.has(p));
    // GAP: br-me-ug's August theme day was reported without its activity record (minutes).
    const withoutMinutes = orgId === 'br-me-ug' && m === 8;
    // GAP: br-fl-grad's July theme day was reported without minutes and sent back (rejected).
    const rejected = orgId === 'br-fl-grad' && m === 7;
    add({
      type: 'theme-day',
      organization: orgId,
      date,
      ...(rejected ? { status: 'rejected' as const } : {}),
      title: `${orgName(orgId)}${YEAR}年${m}月主题党日：${topic}${rejected ? '（缺活动记录，已退回）' : ''}`,
      attributes: {
        theme: topic,
        mode: mode(m),
        participants,
        expected,
        ...(withoutMinutes || rejected ? {} : { minutes: attachment(orgId, date, '主题党日活动记录') }),
      },
    });
  }
}

// ---- Party groups: monthly meetings ---------------------------------------------------------

const GROUP_TOPICS = ['学习《习近平著作选读》', '交流暑期教学科研工作', '讨论新学期课程思政安排', '学习党的二十大报告有关教育、科技、人才的论述'];
for (const groupId of GROUPS) {
  const expected = postsIn(groupId, MEMBER_LEVEL);
  for (const m of [7, 8, 9]) {
    // GAP: the vehicle engineering group held no meeting in August (grp-meeting).
    if (groupId === 'grp-me-fac-vehicle' && m === 8) continue;
    if (m === 9 && chance(0.35)) continue; // some September meetings fall after the export
    const date = m === 7 ? workdayBetween(7, 3, 12) : m === 8 ? workdayBetween(8, 7, 25) : workdayBetween(9, 4, 14);
    const attendees = chance(0.25) ? expected.slice(0, -1) : expected;
    const topic = pick(GROUP_TOPICS);
    add({
      type: 'group-meeting',
      organization: groupId,
      date,
      title: `${orgName(groupId)}${YEAR}年${m}月党小组会：${topic}`,
      attributes: { topic, mode: mode(m), attendees, expected },
    });
  }
}

// ---- Assemblies and member development ------------------------------------------------------

interface Assembly {
  branch: string;
  date: string;
  agenda: string;
  development?: { stage: string; person?: string; candidate?: string; status?: Status }[];
}
const ASSEMBLIES: Assembly[] = [
  { branch: 'br-cs-faculty', date: '2023-07-06', agenda: '讨论接收青年教师陆瑶为预备党员', development: [{ stage: '接收预备党员', person: 'p-lu-yao' }] },
  {
    branch: 'br-cs-ug1',
    date: '2023-07-05',
    agenda: '讨论接收刘子洋、杨一帆为预备党员',
    development: [
      { stage: '接收预备党员', person: 'p-liu-ziyang' },
      { stage: '接收预备党员', person: 'p-yang-yifan' },
    ],
  },
  { branch: 'br-cs-ug1', date: '2023-09-08', agenda: '讨论陈曦预备党员转正', development: [{ stage: '预备党员转正', person: 'p-chen-xi' }] },
  { branch: 'br-cs-grad', date: '2023-07-04', agenda: '讨论接收唐鑫为预备党员', development: [{ stage: '接收预备党员', person: 'p-tang-xin' }] },
  { branch: 'br-fl-faculty', date: '2023-09-12', agenda: '第二批主题教育动员，学习《习近平新时代中国特色社会主义思想专题摘编》' },
  { branch: 'br-fl-ug', date: '2023-07-05', agenda: '讨论接收潘婷为预备党员', development: [{ stage: '接收预备党员', person: 'p-pan-ting' }] },
  // GAP: the conversion was voted on with the organization member presiding; the record waits for
  // the general branch's review because the branch has no secretary to sign it (pending).
  { branch: 'br-fl-grad', date: '2023-09-08', agenda: '讨论顾明月预备党员转正（组织委员陆思雨主持）', development: [{ stage: '预备党员转正', person: 'p-gu-mingyue', status: 'pending' }] },
  {
    branch: 'br-me-ug',
    date: '2023-07-06',
    agenda: '讨论接收彭博、吕航为预备党员',
    development: [
      { stage: '接收预备党员', person: 'p-peng-bo' },
      { stage: '接收预备党员', person: 'p-lv-hang' },
    ],
  },
  { branch: 'br-me-grad', date: '2023-07-05', agenda: '讨论接收康宁为预备党员', development: [{ stage: '接收预备党员', person: 'p-kang-ning' }] },
];
for (const a of ASSEMBLIES) {
  const date = on(a.date);
  const expected = postsIn(a.branch, MEMBER_LEVEL);
  const attendees = chance(0.5) ? expected.filter((_, i) => i !== expected.length - 1) : expected;
  add({
    type: 'member-assembly',
    organization: a.branch,
    date,
    title: `${orgName(a.branch)}党员大会：${a.agenda}`,
    attributes: { agenda: a.agenda, attendees, expected, minutes: attachment(a.branch, date, '党员大会记录') },
  });
  for (const d of a.development ?? []) {
    const who = d.person !== undefined ? personName(d.person) : (d.candidate ?? '');
    add({
      type: 'member-development',
      organization: a.branch,
      ...(d.person !== undefined ? { person: d.person } : {}),
      date,
      ...(d.status !== undefined ? { status: d.status } : {}),
      title: `${orgName(a.branch)}${d.stage}：${who}${d.status === 'pending' ? '（待党总支审核）' : ''}`,
      attributes: { stage: d.stage, candidate: who },
    });
  }
}
// Development candidates are decided by the branch committee; they are not party members yet,
// so the record names them in an attribute rather than as a person of the graph.
for (const [branch, date, candidate] of [
  ['br-cs-ug2', '2023-09-11', '林晓彤'],
  ['br-fl-ug', '2023-09-12', '许诺'],
] as const) {
  add({ type: 'member-development', organization: branch, date: on(date), title: `${orgName(branch)}确定发展对象：${candidate}`, attributes: { stage: '确定发展对象', candidate } });
}

// ---- Party classes --------------------------------------------------------------------------

const CLASS_TOPICS = ['以学铸魂：深入学习习近平新时代中国特色社会主义思想', '弘扬教育家精神，争做“四有”好老师', '青年学生党员如何在强国建设中挺膺担当', '从党的二十大报告看科技自立自强'];
const PARTY_CLASSES: readonly [string, string, string][] = [
  ['br-cs-faculty', 'p-yang-fan', '2023-07-06'],
  ['br-cs-ug1', 'p-song-jia', '2023-07-06'],
  ['br-cs-ug1', 'p-chen-guohua', '2023-09-12'], // the committee secretary's 开学第一课 at his contact point
  ['br-cs-ug2', 'p-xu-man', '2023-07-04'],
  ['br-cs-grad', 'p-ma-tianyu', '2023-09-07'],
  ['br-fl-faculty', 'p-lin-xue', '2023-09-05'],
  ['br-fl-ug', 'p-xie-lin', '2023-09-11'],
  ['br-fl-grad', 'p-liu-fang', '2023-09-13'], // no secretary: the liaison leader gave the class
  ['br-me-faculty', 'p-gao-jianguo', '2023-07-06'],
  ['br-me-ug', 'p-yuan-li', '2023-09-08'],
  // GAP (not yet due): p-jin-chao (br-me-grad) plans his class for 20 September (sec-party-class in progress).
  ['gb-cs', 'p-wu-zhigang', '2023-07-06'],
  ['gb-fl', 'p-he-jing', '2023-09-07'],
  ['gb-me', 'p-han-tao', '2023-09-13'],
];
for (const [orgId, lecturer, date] of PARTY_CLASSES) {
  const topic = pick(CLASS_TOPICS);
  add({
    type: 'party-class',
    organization: orgId,
    person: lecturer,
    date: on(date),
    title: `党课：${topic}（${personName(lecturer)}）`,
    attributes: { topic, lecturer, minutes: attachment(orgId, date, '党课讲稿') },
  });
}

// ---- Second round of theme education (第二批主题教育), from September --------------------------

for (const [orgId, date] of [
  ['gb-cs', '2023-09-05'],
  ['gb-fl', '2023-09-07'],
  // GAP: gb-me issued its plan on 13 September, five days after the 8 September deadline (gb-theme-education-plan).
  ['gb-me', '2023-09-13'],
] as const) {
  add({
    type: 'theme-education-plan',
    organization: orgId,
    date: on(date),
    title: `关于印发《${orgName(orgId)}学习贯彻习近平新时代中国特色社会主义思想主题教育实施方案》的通知`,
    attributes: { docNo: `${orgName(orgId)}〔${YEAR}〕${int(8, 15)}号` },
  });
}
// GAP (window still open): br-cs-ug2 and br-me-ug have not held their study session yet (br-theme-education).
for (const [orgId, date] of [
  ['br-cs-faculty', '2023-09-05'],
  ['br-cs-ug1', '2023-09-07'],
  ['br-cs-grad', '2023-09-08'],
  ['br-fl-faculty', '2023-09-11'],
  ['br-fl-ug', '2023-09-14'],
  ['br-fl-grad', '2023-09-13'],
  ['br-me-faculty', '2023-09-06'],
  ['br-me-grad', '2023-09-13'],
] as const) {
  add({
    type: 'theme-education-study',
    organization: orgId,
    date: on(date),
    title: `${orgName(orgId)}主题教育专题学习：${pick(['读原著学原文悟原理', '学习《习近平著作选读》第一卷', '学习习近平总书记关于教育的重要论述'])}`,
    attributes: { minutes: attachment(orgId, date, '专题学习记录') },
  });
}

// ---- Secretaries' summer training -----------------------------------------------------------

const TRAINING: readonly [string, string, readonly string[]][] = [
  ['2023-07-14', '教工党支部书记“双带头人”培训班', ['p-yang-fan', 'p-lin-xue', 'p-gao-jianguo']],
  ['2023-07-21', '党总支书记专题培训班', ['p-wu-zhigang', 'p-he-jing', 'p-han-tao']],
  // GAP (window still open): p-xu-man (br-cs-ug2) is registered for the 18–22 September session.
  ['2023-08-31', '学生党支部书记培训班', ['p-song-jia', 'p-xie-lin', 'p-yuan-li', 'p-ma-tianyu', 'p-jin-chao']],
];
for (const [date, program, people] of TRAINING) {
  for (const personId of people) {
    const post = graph.posts.find((p) => p.person === personId && p.role === 'secretary');
    if (!post) throw new Error(`${personId} is not a secretary`);
    add({
      type: 'secretary-training',
      organization: post.organization,
      person: personId,
      date: on(date),
      title: `${program}结业（${personName(personId)}）`,
      attributes: { program, hours: 32, certificate: `党校培〔${YEAR}〕${pad(int(10, 99))}号` },
    });
  }
}

// ---- Committee leaders' visits to their contact points --------------------------------------

const VISITS: readonly [string, string, string, string][] = [
  ['p-chen-guohua', 'br-cs-ug1', '2023-07-05', '参加支部党员大会，指导发展党员工作'],
  ['p-chen-guohua', 'br-cs-ug1', '2023-09-12', '为新学期学生党员讲“开学第一课”'],
  ['p-li-mingyuan', 'br-me-faculty', '2023-09-06', '调研教工党支部“双带头人”工作室建设'],
  ['p-wang-xiuying', 'br-fl-ug', '2023-07-04', '指导暑期社会实践团队党建工作'],
  ['p-wang-xiuying', 'br-fl-ug', '2023-09-08', '参加支部迎新季学生党员先锋岗活动'],
  ['p-zhao-jianping', 'br-me-grad', '2023-09-14', '开展研究生党员廉洁教育'],
  ['p-liu-fang', 'br-fl-grad', '2023-07-11', '了解支部书记毕业离校后的工作安排'],
  ['p-liu-fang', 'br-fl-grad', '2023-09-13', '督促支部书记补选，参加主题教育专题学习并讲党课'],
  ['p-sun-lijun', 'br-cs-faculty', '2023-07-07', '调研教工党支部科研团队党建工作'],
  ['p-zhou-huimin', 'br-cs-grad', '2023-08-16', '看望暑期留校科研的研究生党员'],
  ['p-zhou-huimin', 'br-cs-grad', '2023-09-11', '参加支部主题党日活动'],
];
for (const [leader, orgId, date, purpose] of VISITS) {
  add({ type: 'liaison-visit', organization: orgId, person: leader, date: on(date), title: `${personName(leader)}到${orgName(orgId)}${purpose}`, attributes: { purpose } });
}

// ---- Members' quarterly democratic appraisal: five raters each -------------------------------

// br-cs-faculty: more members earn 优秀 than the one-third quota allows (quota applies).
const APPRAISAL_BASE: Record<string, number> = {
  'p-zhu-hong': 94,
  'p-qin-lei': 92,
  'p-xie-wen': 95,
  'p-pan-yu': 93,
  'p-cai-ming': 93,
  'p-du-xin': 86,
  'p-jiang-hui': 85,
  'p-yu-lan': 84,
  'p-tian-kai': 83,
  'p-lu-yao': 91,
};
for (const branch of BRANCHES) {
  const date = workdayBetween(9, 1, 14);
  for (const personId of appraisedIn(branch)) {
    const base = APPRAISAL_BASE[personId] ?? int(78, 91);
    for (let r = 1; r <= 5; r++) {
      add({
        type: 'member-appraisal',
        person: personId,
        date,
        title: `${YEAR}年第三季度党员民主评议（${personName(personId)}）`,
        attributes: { rater: `rater-${pad(r)}`, score: Math.max(70, Math.min(98, base + int(-3, 3))) },
      });
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Ids, the duplicate, output
// ---------------------------------------------------------------------------------------------

const sortKey = (d: Draft): string => [d.date, d.type, d.organization ?? '', d.person ?? '', d.title].join('\u0000');
drafts.sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : sortKey(a) > sortKey(b) ? 1 : 0));

const records: OutRecord[] = drafts.map((d, index) => ({
  id: `r-${YEAR}q3-${String(index + 1).padStart(4, '0')}`,
  type: d.type,
  ...(d.organization !== undefined ? { organization: d.organization } : {}),
  ...(d.person !== undefined ? { person: d.person } : {}),
  date: d.date,
  status: d.status ?? 'approved',
  source: sourceOf(d.type),
  title: d.title,
  ...(d.attributes !== undefined ? { attributes: d.attributes } : {}),
}));

// Exact duplicate: the teaching group's July meeting, exported twice by the platform (counted once).
const duplicated = records.find((r) => r.type === 'group-meeting' && r.organization === 'grp-cs-fac-teach' && r.date < '2023-08-01');
if (!duplicated) throw new Error('duplicate target not found');

const lines: string[] = [];
for (const r of records) {
  lines.push(JSON.stringify(r));
  if (r === duplicated) lines.push(JSON.stringify(r));
}
writeFileSync(here('./records.ndjson'), `${lines.join('\n')}\n`);
console.log(`records.ndjson: ${lines.length} lines (${records.length} records, 1 exact duplicate), ${records[0]?.date} to ${records[records.length - 1]?.date}`);
