import type { MessageParams, MessageSection } from './types.js';

// Names of organization kinds and post roles, for the messages (the catalogue stands on its own: it
// imports nothing from the model, which imports it through core/issue; tests/graph/role-names.test.ts
// holds the role names to POST_ROLE_LABELS).
const KIND_ZH: Readonly<Record<string, string>> = { committee: '党委', 'leading-group': '党组', 'general-branch': '党总支', branch: '党支部', group: '党小组' };
const KIND_EN: Readonly<Record<string, string>> = { committee: 'party committee', 'leading-group': 'leading party group', 'general-branch': 'general branch', branch: 'branch', group: 'party group' };
const KINDS_EN: Readonly<Record<string, string>> = { committee: 'party committees', 'leading-group': 'leading party groups', 'general-branch': 'general branches', branch: 'branches', group: 'party groups' };
const ROLE_ZH: Readonly<Record<string, string>> = { secretary: '书记', 'deputy-secretary': '副书记', 'team-member': '委员', 'party-affairs-officer': '党务工作者', member: '党员' };
const ROLE_EN: Readonly<Record<string, string>> = { secretary: 'secretary', 'deputy-secretary': 'deputy secretary', 'team-member': 'team member', 'party-affairs-officer': 'party-affairs officer', member: 'member' };
const named = (names: Readonly<Record<string, string>>, value: string | number | undefined): string => {
  const text = String(value ?? '');
  return Object.hasOwn(names, text) ? (names[text] as string) : text;
};
/** A role in Chinese followed by its id, as `书记（secretary）`. */
const roleZh = (role: string | number | undefined): string => `${named(ROLE_ZH, role)}（${role}）`;
/** The kinds a kind may contain (`allowed`, ids joined by ", "), named. */
const kindList = (p: MessageParams, names: Readonly<Record<string, string>>, separator: string): string =>
  String(p['allowed'] ?? '').split(', ').map((kind) => named(names, kind)).join(separator);
/** Whether the kind may contain no kind at all. */
const containsNone = (p: MessageParams): boolean => String(p['allowed'] ?? '') === '';

/** Messages of the graph layer: structure, references, hierarchy, and coverage gaps. */
export const graphMessages = {
  // Options are checked by every layer (core/options.ts); the graph's is the first section after the common one.
  'option-unreadable': {
    zh: (p) => `选项「${p['field']}」无法读取（读取时抛出错误：${p['error']}）`,
    en: (p) => `option "${p['field']}" cannot be read (reading it threw: ${p['error']})`,
  },
  'unknown-kind': {
    zh: (p) => `未知的组织类型「${p['value']}」，可选：committee（党委）、leading-group（党组）、general-branch（党总支）、branch（党支部）、group（党小组）`,
    en: (p) => `unknown organization kind "${p['value']}"; allowed: ${p['allowed']}`,
  },
  'unknown-role': {
    zh: (p) => `未知的职务「${p['value']}」，可选：secretary（书记）、deputy-secretary（副书记）、team-member（委员）、party-affairs-officer（党务工作者）、member（党员）`,
    en: (p) => `unknown post role "${p['value']}"; allowed: ${p['allowed']}`,
  },
  'duplicate-id': { zh: (p) => `编号「${p['id']}」重复（首次出现在 ${p['first']}）`, en: (p) => `duplicate id "${p['id']}" (first at ${p['first']})` },
  'missing-organization': { zh: (p) => `引用的党组织「${p['id']}」不存在`, en: (p) => `organization "${p['id']}" does not exist` },
  'missing-person': { zh: (p) => `引用的人员「${p['id']}」不存在`, en: (p) => `person "${p['id']}" does not exist` },
  'hierarchy-cycle': {
    zh: (p) => `组织隶属关系成环：${p['cycle']}`,
    en: (p) => `the hierarchy has a cycle: ${p['cycle']}`,
  },
  'duplicate-post': {
    zh: (p) => `人员「${p['person']}」在「${p['organization']}」的职务${roleZh(p['role'])}重复（首次出现在 ${p['first']}）`,
    en: (p) => `"${p['person']}" is listed twice as ${named(ROLE_EN, p['role'])} of "${p['organization']}" (first at ${p['first']})`,
  },
  'duplicate-edge': {
    zh: (p) => `「${p['person']}」→「${p['organization']}」的关系重复（首次出现在 ${p['first']}）`,
    en: (p) => `edge "${p['person']}" → "${p['organization']}" is listed twice (first at ${p['first']})`,
  },
  'two-secretaries': {
    zh: (p) => `党组织「${p['organization']}」有两名书记：「${p['first']}」和「${p['second']}」`,
    en: (p) => `organization "${p['organization']}" has two secretaries: "${p['first']}" and "${p['second']}"`,
  },
  'conflicting-posts': {
    zh: (p) => `人员「${p['person']}」在「${p['organization']}」同时担任${roleZh(p['first'])}和${roleZh(p['second'])}，班子职务只能有一个`,
    en: (p) => `"${p['person']}" holds both ${named(ROLE_EN, p['first'])} and ${named(ROLE_EN, p['second'])} in "${p['organization']}"; one leadership post per organization`,
  },
  'secretary-not-party-member': {
    zh: (p) => `「${p['person']}」不是党员，不能担任「${p['organization']}」的书记`,
    en: (p) => `"${p['person']}" is not a party member and cannot be secretary of "${p['organization']}"`,
  },
  'leader-not-party-member': {
    zh: (p) => `「${p['person']}」不是党员，不能担任「${p['organization']}」的${roleZh(p['role'])}`,
    en: (p) => `"${p['person']}" is not a party member and cannot be ${named(ROLE_EN, p['role'])} of "${p['organization']}"`,
  },
  'member-not-party-member': {
    zh: (p) => `「${p['person']}」不是党员，却登记为「${p['organization']}」的党员`,
    en: (p) => `"${p['person']}" is not a party member but is listed as a member of "${p['organization']}"`,
  },
  'oversight-outside-team': {
    zh: (p) => `「${p['person']}」不在「${p['organization']}」任何上级党组织的领导班子中，不能分管该组织（一岗双责须由上级班子成员承担）`,
    en: (p) => `"${p['person']}" is not on the leadership team of any organization above "${p['organization']}", so cannot oversee it`,
  },
  'liaison-not-leader': {
    zh: (p) => `「${p['person']}」不在「${p['organization']}」任何上级党组织的领导班子中，不能作为其包抓包联领导`,
    en: (p) => `"${p['person']}" is not on the leadership team of any organization above "${p['organization']}", so cannot be its liaison leader`,
  },
  'invalid-parent-kind': {
    zh: (p) =>
      `「${p['id']}」（${named(KIND_ZH, p['kind'])}）不能隶属于「${p['parent']}」（${named(KIND_ZH, p['parentKind'])}）：${named(KIND_ZH, p['parentKind'])}之下${containsNone(p) ? '不设党组织' : `只能设${kindList(p, KIND_ZH, '、')}`}`,
    en: (p) =>
      `"${p['id']}" (${named(KIND_EN, p['kind'])}) cannot be under "${p['parent']}" (${named(KIND_EN, p['parentKind'])}): a ${named(KIND_EN, p['parentKind'])} ${containsNone(p) ? 'has no organizations under it' : `may contain only ${kindList(p, KINDS_EN, ', ')}`}`,
  },
  'liaison-not-grassroots': {
    zh: (p) => `包抓包联联系点须为基层党组织（党总支、党支部），「${p['organization']}」是${named(KIND_ZH, p['kind'])}，不能作为「${p['person']}」的联系点`,
    en: (p) => `a liaison contact point must be a grassroots organization (general branch or branch); "${p['organization']}" is a ${named(KIND_EN, p['kind'])}, so cannot be the contact point of "${p['person']}"`,
  },
  'probationary-leader': {
    zh: (p) => `「${p['person']}」是预备党员，没有被选举权，不能担任「${p['organization']}」的${roleZh(p['role'])}`,
    en: (p) => `"${p['person']}" is a probationary member, who cannot be elected, so cannot be ${named(ROLE_EN, p['role'])} of "${p['organization']}"`,
  },
  'probationary-not-party-member': {
    zh: (p) => `「${p['id']}」标为预备党员（probationary: true）却又标为非党员（partyMember: false）；预备党员是党员`,
    en: (p) => `"${p['id']}" is marked probationary (probationary: true) but not a party member (partyMember: false); probationary members are party members`,
  },
  'unknown-organization': { zh: (p) => `党组织「${p['id']}」不在关系图中`, en: (p) => `organization "${p['id']}" is not in the graph` },
  'unknown-person': { zh: (p) => `人员「${p['id']}」不在关系图中`, en: (p) => `person "${p['id']}" is not in the graph` },
  'coverage-no-secretary': {
    zh: (p) => `${p['name']}（${p['id']}）没有书记`,
    en: (p) => `${p['name']} (${p['id']}) has no secretary`,
  },
  'coverage-not-overseen': {
    zh: (p) => `${p['name']}（${p['id']}）不在任何班子成员的分管范围内（一岗双责未覆盖）`,
    en: (p) => `${p['name']} (${p['id']}) is inside no team member's oversight area`,
  },
  'coverage-member-without-area': {
    zh: (p) => `班子成员 ${p['personName']}（${p['person']}）在${p['orgName']}没有分管领域`,
    en: (p) => `team member ${p['personName']} (${p['person']}) of ${p['orgName']} oversees no area`,
  },
  'coverage-no-liaison': {
    zh: (p) => `${p['name']}（${p['id']}）没有包抓包联领导`,
    en: (p) => `${p['name']} (${p['id']}) has no liaison leader`,
  },
  'coverage-no-officer': {
    zh: (p) => `${p['name']}（${p['id']}）未配备党务工作者`,
    en: (p) => `${p['name']} (${p['id']}) has no party-affairs officer`,
  },
  'coverage-officer-spread-thin': {
    zh: (p) => `${p['personName']}（${p['person']}）同时在 ${p['count']} 个党组织任党务工作者（上限 ${p['limit']}），存在配备应付之嫌`,
    en: (p) => `${p['personName']} (${p['person']}) is party-affairs officer in ${p['count']} organizations (limit ${p['limit']}): staffed for show?`,
  },
  'coverage-officer-not-party-member': {
    zh: (p) => `党务工作者 ${p['personName']}（${p['person']}）不是党员（${p['orgName']}）`,
    en: (p) => `party-affairs officer ${p['personName']} (${p['person']}) of ${p['orgName']} is not a party member`,
  },
} as const satisfies MessageSection;
