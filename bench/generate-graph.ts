// A seeded generator of realistic, valid synthetic graph inputs for the benchmarks.
//
// The shape is a province-like forest with a single root 党委:
//   - ~1% of the organizations sit at intermediate levels: 党委 (committees, about a third, in a
//     tree of fan-out ~8 under the root) and 党总支 (general branches, under a committee);
//   - the rest are 党支部 (branches, under a committee or a general branch) and ~10% 党小组
//     (groups, under a branch).
// Every organization has a secretary (about 1% left vacant, never the root) and 1–4 team
// members; committees and general branches also have a deputy secretary, committees a
// party-affairs officer. The remaining post budget goes to members of branches and groups.
// Team members of each committee oversee (分管) its children; every leader of a committee is the
// liaison (包抓包联) of 1–3 branches below it.
//
// Deterministic: the same { organizations, posts, seed } always gives the same document
// (mulberry32, no Math.random). Every document passes parseGraph; see `bench/graph.ts`.
import type {
  GraphInput,
  LiaisonInput,
  OrganizationInput,
  OrganizationKind,
  OversightInput,
  PersonInput,
  PostInput,
  PostRole,
} from '../src/index.js';

/** Sizes and seed of a generated graph. `posts` is met exactly. */
export interface GenerateGraphOptions {
  /** Number of organizations, at least 2. */
  readonly organizations: number;
  /** Number of posts; must leave room for the leadership posts (about 3.5 per organization). */
  readonly posts: number;
  /** PRNG seed. Default 1. */
  readonly seed?: number;
}

/** mulberry32: a tiny, fast, seedable 32-bit PRNG. Returns floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SURNAMES = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'];
const GIVEN = [...'伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀英霞平刚桂华玉兰萍红建文辉力斌波宁飞鹏浩凯晨欣怡佳琳雪婷倩颖慧晶亮峰海林鑫宇轩哲瑞博昊天子国梅凤'];
const AREAS = ['组织', '宣传', '纪检', '统战', '政法', '工会', '青年', '妇女', '机关事务', '经济发展', '社会事业', '基层治理', '离退休干部', '财务审计', '人事', '办公室'];
const BRANCH_TITLES = ['组织委员', '宣传委员', '纪检委员', '青年委员'];
const COMMITTEE_TITLES = ['组织部长', '宣传部长', '纪委书记', '统战部长', '政法委书记'];

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/**
 * Generates a valid graph document of the given size.
 *
 * @example
 * const input = generateGraph({ organizations: 10_000, posts: 100_000, seed: 42 });
 * parseGraph(input).organizations.size; // 10000
 */
export function generateGraph(options: GenerateGraphOptions): GraphInput {
  const orgCount = Math.floor(options.organizations);
  const postTarget = Math.floor(options.posts);
  if (!(orgCount >= 2)) throw new RangeError('generateGraph: organizations must be at least 2');
  const rand = mulberry32(options.seed ?? 1);
  const int = (lo: number, hi: number): number => lo + Math.floor(rand() * (hi - lo + 1));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
  const chance = (p: number): boolean => rand() < p;

  // ---- organizations -------------------------------------------------------------------------
  const organizations: OrganizationInput[] = [];
  const kindOf: OrganizationKind[] = [];
  const parentIndex: number[] = []; // index into `organizations`, -1 for the root
  const addOrg = (id: string, name: string, kind: OrganizationKind, parent: number): number => {
    const at = organizations.length;
    organizations.push(parent < 0 ? { id, name, kind } : { id, name, kind, parent: (organizations[parent] as OrganizationInput).id });
    kindOf.push(kind);
    parentIndex.push(parent);
    return at;
  };

  const idWidth = String(orgCount).length;
  const committees: number[] = [addOrg('prov', '省委', 'committee', -1)];
  const intermediate = Math.max(1, Math.round(orgCount * 0.01));
  const committeeCount = Math.min(orgCount - 1, Math.max(0, Math.round(intermediate / 3)));
  const generalCount = Math.min(orgCount - 1 - committeeCount, Math.max(0, intermediate - committeeCount));
  const FANOUT = 8;
  for (let i = 1; i <= committeeCount; i++) {
    // A tree of fan-out FANOUT: province → cities → counties → ...
    const parent = committees[Math.floor((i - 1) / FANOUT)] as number;
    committees.push(addOrg(`c-${pad(i, idWidth)}`, `第${i}党委`, 'committee', parent));
  }
  const generals: number[] = [];
  for (let i = 1; i <= generalCount; i++) {
    const parent = committees.length > 1 ? (committees[int(1, committees.length - 1)] as number) : (committees[0] as number);
    generals.push(addOrg(`gb-${pad(i, idWidth)}`, `第${i}党总支`, 'general-branch', parent));
  }
  const leaves = orgCount - organizations.length;
  const groupCount = Math.floor(leaves * 0.1);
  const branchCount = leaves - groupCount;
  const branches: number[] = [];
  for (let i = 1; i <= branchCount; i++) {
    const parent = generals.length > 0 && chance(0.6) ? pick(generals) : pick(committees);
    branches.push(addOrg(`br-${pad(i, idWidth)}`, `第${i}党支部`, 'branch', parent));
  }
  const groupsOfBranch = new Map<number, number[]>();
  const groups: number[] = [];
  for (let i = 1; i <= groupCount; i++) {
    const parent = pick(branches);
    const at = addOrg(`grp-${pad(i, idWidth)}`, `第${i}党小组`, 'group', parent);
    groups.push(at);
    const list = groupsOfBranch.get(parent);
    if (list) list.push(at);
    else groupsOfBranch.set(parent, [at]);
  }

  // ---- people and posts ------------------------------------------------------------------------
  const people: PersonInput[] = [];
  const posts: PostInput[] = [];
  const personWidth = String(postTarget + orgCount).length;
  // About 3% of party members are probationary; those drawn for an elected post (secretary,
  // deputy secretary, team member) are full members, as Art. 7 requires. The draw is made either
  // way, so the rest of the graph does not depend on who is elected.
  const newPerson = (partyMember = true, elected = false): string => {
    const id = `p-${pad(people.length + 1, personWidth)}`;
    const name = pick(SURNAMES) + pick(GIVEN) + (chance(0.6) ? pick(GIVEN) : '');
    const person: PersonInput = { id, name, partyMember };
    if (partyMember && chance(0.03) && !elected) person.probationary = true;
    people.push(person);
    return id;
  };
  const post = (person: string, org: number, role: PostRole, title?: string): void => {
    const organization = (organizations[org] as OrganizationInput).id;
    posts.push(title === undefined ? { person, organization, role } : { person, organization, role, title });
  };

  // Leadership teams. Each leader is a fresh party member, so no one holds two leadership roles
  // in one organization and every leader is a party member.
  const leadersOf: string[][] = organizations.map(() => []);
  const overseersOf: string[][] = organizations.map(() => []);
  for (let org = 0; org < organizations.length; org++) {
    const kind = kindOf[org] as OrganizationKind;
    const team = leadersOf[org] as string[];
    if (org === 0 || !chance(0.01)) {
      const secretary = newPerson(true, true);
      post(secretary, org, 'secretary', kind === 'group' ? '组长' : '书记');
      team.push(secretary);
    }
    if (kind === 'committee' || kind === 'general-branch') {
      const deputy = newPerson(true, true);
      post(deputy, org, 'deputy-secretary', '副书记');
      team.push(deputy);
      (overseersOf[org] as string[]).push(deputy);
    }
    const members = int(1, 4);
    for (let i = 0; i < members; i++) {
      const member = newPerson(true, true);
      post(member, org, 'team-member', pick(kind === 'committee' ? COMMITTEE_TITLES : BRANCH_TITLES));
      team.push(member);
      (overseersOf[org] as string[]).push(member);
    }
    if (kind === 'committee') {
      // A few officers are not party members, which the coverage report flags.
      post(newPerson(!chance(0.05)), org, 'party-affairs-officer', '党务工作者');
    }
  }
  // Committee leaders belong to a branch directly under their committee, as ordinary members.
  const branchChildren: number[][] = organizations.map(() => []);
  for (const b of branches) (branchChildren[parentIndex[b] as number] as number[]).push(b);
  for (const c of committees) {
    const own = branchChildren[c] as number[];
    if (own.length === 0) continue;
    for (const leader of leadersOf[c] as string[]) if (posts.length < postTarget) post(leader, pick(own), 'member');
  }
  if (posts.length > postTarget) {
    throw new RangeError(`generateGraph: ${postTarget} posts leave no room for the ${posts.length} leadership posts of ${orgCount} organizations`);
  }
  // The rest are members: each a fresh person in a branch; where the branch has groups, most
  // members also sit in one of them (a second post).
  const grassroots = branches.length > 0 ? branches : groups.length > 0 ? groups : committees;
  while (posts.length < postTarget) {
    const branch = pick(grassroots);
    const member = newPerson();
    post(member, branch, 'member');
    const inGroups = groupsOfBranch.get(branch);
    if (inGroups && posts.length < postTarget && chance(0.8)) post(member, pick(inGroups), 'member');
  }

  // ---- oversight: a committee's deputy secretary and team members oversee its children --------
  const oversight: OversightInput[] = [];
  const childrenOf: number[][] = organizations.map(() => []);
  for (let org = 1; org < organizations.length; org++) (childrenOf[parentIndex[org] as number] as number[]).push(org);
  for (const c of committees) {
    const overseers = overseersOf[c] as string[];
    const kids = childrenOf[c] as number[];
    kids.forEach((child, i) => {
      if (chance(0.03)) return; // a few children nobody oversees: coverage gaps
      // Round robin first, so every overseer has an area when there are enough children.
      const person = i < overseers.length ? (overseers[i] as string) : pick(overseers);
      oversight.push({ person, organization: (organizations[child] as OrganizationInput).id, area: pick(AREAS) });
    });
  }

  // ---- liaison: every committee leader is the contact of 1–3 branches below the committee -----
  const liaison: LiaisonInput[] = [];
  for (const c of committees) {
    const below = [...(branchChildren[c] as number[])];
    for (const child of childrenOf[c] as number[]) if (kindOf[child] === 'general-branch') below.push(...(branchChildren[child] as number[]));
    if (below.length === 0) continue;
    for (const leader of leadersOf[c] as string[]) {
      const chosen = new Set<number>();
      const want = Math.min(below.length, int(1, 3));
      while (chosen.size < want) chosen.add(pick(below));
      for (const b of chosen) liaison.push({ person: leader, organization: (organizations[b] as OrganizationInput).id });
    }
  }

  return {
    id: `synthetic-${orgCount}-${postTarget}-${options.seed ?? 1}`,
    title: `合成省级党建责任图（${orgCount} 个党组织，${postTarget} 个职务）`,
    organizations,
    people,
    posts,
    oversight,
    liaison,
  };
}
