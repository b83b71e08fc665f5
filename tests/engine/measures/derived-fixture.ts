// A small graph and derived context for the structure and roll-up tests (not a test file itself).
import type { DerivedContext } from '../../../src/engine/measure-module.js';
import { parseGraph, type Graph } from '../../../src/index.js';
import { contextFor } from './harness.js';

//   bureau 局党委 (secretary 王书记; team 李委员, 周副书记)
//   ├─ b3 机关支部 (officer 钱干事, a party member; liaison leader 王书记)
//   └─ gb 服务中心党总支 (overseen by 李委员)
//      ├─ b1 第一支部 (secretary 赵书记; officer 孙干事, not a party member)
//      │  └─ g1 第一党小组
//      └─ b2 第二支部 (no secretary)
export const graph: Graph = parseGraph({
  organizations: [
    { id: 'bureau', name: '局党委', kind: 'committee' },
    { id: 'gb', name: '服务中心党总支', kind: 'general-branch', parent: 'bureau' },
    { id: 'b1', name: '第一支部', kind: 'branch', parent: 'gb' },
    { id: 'b2', name: '第二支部', kind: 'branch', parent: 'gb' },
    { id: 'b3', name: '机关支部', kind: 'branch', parent: 'bureau' },
    { id: 'g1', name: '第一党小组', kind: 'group', parent: 'b1' },
  ],
  people: [
    { id: 'p-wang', name: '王书记', partyMember: true },
    { id: 'p-li', name: '李委员', partyMember: true },
    { id: 'p-zhou', name: '周副书记', partyMember: true },
    { id: 'p-zhao', name: '赵书记', partyMember: true },
    { id: 'p-sun', name: '孙干事', partyMember: false },
    { id: 'p-qian', name: '钱干事', partyMember: true },
  ],
  posts: [
    { person: 'p-wang', organization: 'bureau', role: 'secretary' },
    { person: 'p-zhou', organization: 'bureau', role: 'deputy-secretary' },
    { person: 'p-li', organization: 'bureau', role: 'team-member' },
    { person: 'p-zhao', organization: 'b1', role: 'secretary' },
    { person: 'p-sun', organization: 'b1', role: 'party-affairs-officer' },
    { person: 'p-qian', organization: 'b3', role: 'party-affairs-officer' },
  ],
  oversight: [{ person: 'p-li', organization: 'gb', area: '业务' }],
  liaison: [{ person: 'p-wang', organization: 'b3' }],
});

/** A derived context over `graph` with the given organization shares and own share. */
export function derivedContext(
  shares: ReadonlyMap<string, number> = new Map(),
  own?: number,
  postOrganizations: readonly string[] = [],
  calls: [string, 'total' | readonly string[]][] = [],
): DerivedContext {
  return derivedContextOver(graph, shares, own, postOrganizations, calls);
}

/** The same over any graph. */
export function derivedContextOver(
  over: Graph,
  shares: ReadonlyMap<string, number> = new Map(),
  own?: number,
  postOrganizations: readonly string[] = [],
  calls: [string, 'total' | readonly string[]][] = [],
): DerivedContext {
  return {
    ...contextFor({ year: 2022 }),
    graph: over,
    shareOf: (id, of) => {
      calls.push([id, of]);
      return shares.get(id);
    },
    // What the engine keeps bottom-up, worked out here directly over the descendants.
    subtreeShares: (id) => {
      const span = over.index.span.get(id);
      const below = span ? over.index.preorder.slice(span.enter + 1, span.exit) : [];
      const present = below.map((d) => shares.get(d)).filter((v): v is number => v !== undefined);
      return { sum: present.reduce((a, b) => a + b, 0), count: present.length };
    },
    ownShare: () => own,
    postOrganizations,
  };
}
