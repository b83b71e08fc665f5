import { afterAll, describe, expect, it } from 'vitest';
import { organizationsInView } from '../../src/cli/commands/chain.js';
import { parseGraph, type Graph, type GraphInput } from '../../src/index.js';
import { formatChainText } from '../../src/report/graph-text.js';
import { toMermaid } from '../../src/report/mermaid.js';
import { BUREAU, cli, tempDir } from './helpers.js';
import { readFileSync } from 'node:fs';

const tmp = tempDir('chain-deep');
afterAll(() => tmp.cleanup());

const LEVELS = 20_000;

// o0 (committee) ← o1 ← … ← o19999 (a branch): committees under committees, as a 党委 may be.
// p0 is the secretary of every committee, so has duties at every level but the deepest (first,
// principal, and supervision of the one below); p1 the deepest branch's secretary.
function deepInput(): GraphInput {
  return {
    organizations: Array.from({ length: LEVELS }, (_, i) =>
      i === 0 ? { id: 'o0', name: '局党委', kind: 'committee' as const } : { id: `o${i}`, name: `第${i}级`, kind: i === LEVELS - 1 ? ('branch' as const) : ('committee' as const), parent: `o${i - 1}` },
    ),
    people: [
      { id: 'p0', name: '王一', partyMember: true },
      { id: 'p1', name: '张三', partyMember: true },
    ],
    posts: [
      ...Array.from({ length: LEVELS - 1 }, (_, i) => ({ person: 'p0', organization: `o${i}`, role: 'secretary' as const })),
      { person: 'p1', organization: `o${LEVELS - 1}`, role: 'secretary' as const },
    ],
  };
}

// The graph, with the lookups made in its organizations Map counted until `stop`. The graph
// stays the one parseGraph made (a copy with a counting Map would be refused by the queries:
// its contents unchecked), so Map's own `get` counts the lookups in that one Map.
function countingLookups(graph: Graph): { graph: Graph; lookups: () => number; stop: () => void } {
  let lookups = 0;
  const organizations: unknown = graph.organizations;
  const get = Object.getOwnPropertyDescriptor(Map.prototype, 'get') as PropertyDescriptor;
  const original = Map.prototype.get;
  Object.defineProperty(Map.prototype, 'get', {
    ...get,
    value: function (this: Map<unknown, unknown>, key: unknown): unknown {
      if (this === organizations) lookups++;
      return original.call(this, key);
    },
  });
  return { graph, lookups: () => lookups, stop: () => Object.defineProperty(Map.prototype, 'get', get) };
}

describe('organizationsInView', () => {
  it("a person's chart: the organizations they answer for and the levels above, each once (hand-checked on the bureau)", () => {
    const bureau = parseGraph(JSON.parse(readFileSync(BUREAU.graph, 'utf8')));
    // 李华: deputy secretary of the bureau (主体责任, then 一级抓一级 over the five organizations
    // directly below), overseer of gb-center, liaison leader of br-center-2 (under gb-center).
    expect(organizationsInView(bureau, { graph: '', person: 'p-li-hua', format: 'text' })).toEqual(['bureau', 'br-business', 'br-office', 'br-planning', 'br-retired', 'gb-center', 'br-center-2']);
    expect(organizationsInView(bureau, { graph: '', org: 'br-center-2', format: 'text' })).toEqual(['br-center-2', 'gb-center', 'bureau']);
    expect(organizationsInView(bureau, { graph: '', format: 'text' })).toBeUndefined();
  });

  it('a person with ~60,000 duties down a 20,000-level chain: each organization looked up once, not once per duty below it', () => {
    const { graph, lookups, stop } = countingLookups(parseGraph(deepInput()));
    let view: ReturnType<typeof organizationsInView>;
    try {
      view = organizationsInView(graph, { graph: '', person: 'p0', format: 'text' });
    } finally {
      stop();
    }
    expect(view).toHaveLength(LEVELS);
    expect(view?.slice(0, 3)).toEqual(['o0', 'o1', 'o2']);
    // One parent lookup per organization; a climb from every duty would be ~3 × 20,000² / 2.
    expect(lookups()).toBe(LEVELS);
  });
});

describe('zerenzhi chain on a 20,000-level chain', () => {
  const graph = parseGraph(deepInput());
  const file = tmp.file('deep.json', JSON.stringify(deepInput()));

  it('--org of the deepest branch: the whole chain as text in proportion to its length (exit 0)', async () => {
    const run = await cli(['chain', '--graph', file, '--org', `o${LEVELS - 1}`]);
    expect([run.code, run.stderr]).toEqual([0, '']);
    expect(run.stdout).toBe(`${formatChainText(graph, `o${LEVELS - 1}`, 'zh')}\n`);
    expect(run.stdout.split('\n')).toHaveLength(1 + 2 + 2 * (LEVELS - 1) + 1);
    // Under 80 characters a link; indenting by distance would need ~2 × 20,000² characters.
    expect(run.stdout.length).toBeLessThan(160 * LEVELS);
    expect(run.stdout.split('\n').at(-2)).toBe(`${' '.repeat(22)}[一级抓一级] 局党委领导班子 (王一) ← 上19999级 局党委`);
  });

  it('--person --mermaid: every level drawn once, a chart in proportion to the chain (exit 0)', async () => {
    const run = await cli(['chain', '--graph', file, '--person', 'p0', '--mermaid']);
    expect([run.code, run.stderr]).toEqual([0, '']);
    expect(run.stdout).toBe(toMermaid(graph));
    // A node and an edge a level, each under 40 characters.
    expect(run.stdout.length).toBeLessThan(80 * LEVELS);
  });
});

describe('zerenzhi chain --person --mermaid (hand-checked)', () => {
  // 局党委 ← 总支 ← 一支部, and 二支部 beside 总支 under 局党委. 乙 is the secretary of 总支
  // (第一责任 and 主体责任 there, 一级抓一级 over 一支部); 甲, on 局党委's team, oversees 总支.
  const small = tmp.file(
    'small.json',
    JSON.stringify({
      organizations: [
        { id: 'o0', name: '局党委', kind: 'committee' },
        { id: 'o1', name: '总支', kind: 'general-branch', parent: 'o0' },
        { id: 'o2', name: '一支部', kind: 'branch', parent: 'o1' },
        { id: 'o3', name: '二支部', kind: 'branch', parent: 'o0' },
      ],
      people: [
        { id: 'p-a', name: '甲', partyMember: true },
        { id: 'p-b', name: '乙', partyMember: true },
      ],
      posts: [
        { person: 'p-a', organization: 'o0', role: 'team-member' },
        { person: 'p-b', organization: 'o1', role: 'secretary' },
      ],
      oversight: [{ person: 'p-a', organization: 'o1', area: '总支' }],
    }),
  );

  it("乙's chart: 总支, 一支部 under it and 局党委 above it, not 二支部; the teams' posts, 甲's oversight edge into 总支", async () => {
    const run = await cli(['chain', '--graph', small, '--person', 'p-b', '--mermaid']);
    expect([run.code, run.stderr]).toEqual([0, '']);
    expect(run.stdout).toBe(
      [
        'flowchart TD',
        '  n0["局党委"]',
        '  n1["总支"]',
        '  n2["一支部"]',
        '  n3(["甲"])',
        '  n4(["乙"])',
        '  n0 --> n1',
        '  n1 --> n2',
        '  n3 ---|委员| n0',
        '  n4 ---|书记| n1',
        '  n3 -.->|分管| n1',
        '  linkStyle 4 stroke-dasharray:6 4',
        '',
      ].join('\n'),
    );
  });
});
