import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { chainOf, coverage, parseGraph, type Graph } from '../../src/index.js';
import { formatChainText, formatCoverageText, formatDutiesText } from '../../src/report/graph-text.js';
import { bureauGraph } from './helpers.js';

const bureauGraphJson = (): { organizations: { id: string; name: string }[]; people: { id: string; name: string }[]; oversight: { area?: string }[] } =>
  JSON.parse(readFileSync(fileURLToPath(new URL('../../examples/bureau-2022/graph.json', import.meta.url)), 'utf8'));

// The bureau with 任杰 (secretary of br-center-2) renamed.
function withRenJieNamed(name: string): Graph {
  const json = bureauGraphJson();
  const person = json.people.find((p) => p.id === 'p-ren-jie');
  if (!person) throw new Error('the bureau has 任杰');
  person.name = name;
  return parseGraph(json);
}

describe('formatChainText', () => {
  it('lists the chain of 事业发展中心第二党支部, team members joined as each language joins a list (hand-checked)', () => {
    expect(formatChainText(bureauGraph, 'br-center-2', 'en').split('\n').slice(0, 3)).toEqual([
      '事业发展中心第二党支部 (br-center-2)',
      '  [first responsibility] 任杰',
      '  [principal responsibility] 事业发展中心第二党支部 leadership team (任杰, 姜涛)',
    ]);
    expect(formatChainText(bureauGraph, 'br-center-2', 'zh').split('\n').slice(0, 3)).toEqual([
      '事业发展中心第二党支部 (br-center-2)',
      '  [第一责任] 任杰',
      '  [主体责任] 事业发展中心第二党支部领导班子 (任杰、姜涛)',
    ]);
  });

  it('a line break in a name cannot forge a link of the chain: one line per link, the name on its own', () => {
    const graph = withRenJieNamed('任杰\n  [first responsibility] 王某（伪造）');
    const lines = formatChainText(graph, 'br-center-2', 'en').split('\n');
    // The organization's line, then one line per link: as many lines as with 任杰's own name.
    expect(lines).toHaveLength(1 + chainOf(graph, 'br-center-2').length);
    expect(lines).toHaveLength(formatChainText(bureauGraph, 'br-center-2', 'en').split('\n').length);
    expect(lines[1]).toBe('  [first responsibility] 任杰   [first responsibility] 王某（伪造）');
    expect(lines[2]).toBe('  [principal responsibility] 事业发展中心第二党支部 leadership team (任杰   [first responsibility] 王某（伪造）, 姜涛)');
  });

  it('CR, CRLF, U+2028, U+2029 and other control characters (ESC, NEL, TAB) in names and areas become spaces', () => {
    const json = bureauGraphJson();
    const person = json.people.find((p) => p.id === 'p-ren-jie');
    const branch = json.organizations.find((o) => o.id === 'br-center-2');
    if (!person || !branch) throw new Error('the bureau has 任杰 and 事业发展中心第二党支部');
    person.name = 'a\rb\r\nc\u2028d\u2029e\u001b[2Jf\u0085g\th';
    branch.name = '支部\n伪造';
    for (const edge of json.oversight) if (edge.area === '事业发展中心') edge.area = '事业\u2028发展中心';
    const graph = parseGraph(json);
    const zh = formatChainText(graph, 'br-center-2', 'zh').split('\n');
    expect(zh).toHaveLength(1 + chainOf(graph, 'br-center-2').length);
    expect(zh[0]).toBe('支部 伪造 (br-center-2)');
    expect(zh[1]).toBe('  [第一责任] a b c d e [2Jf g h');
    expect(zh).toContain('    [一岗双责] 李华（分管：事业 发展中心） ← 上1级 市某某事业发展中心党总支');
    for (const text of [formatChainText(graph, 'br-center-2', 'en'), formatDutiesText(graph, 'p-ren-jie', 'en'), formatDutiesText(graph, 'p-li-hua', 'zh')]) {
      expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029]/);
    }
    expect(formatDutiesText(graph, 'p-ren-jie', 'en').split('\n')[0]).toBe('a b c d e [2Jf g h (p-ren-jie)');
    expect(formatDutiesText(graph, 'p-li-hua', 'zh')).toContain('\n  [一岗双责] 市某某事业发展中心党总支 (gb-center)（分管：事业 发展中心）\n');
  });
});

describe('formatCoverageText', () => {
  it('one line per gap: a line break in a gap\'s message (from a name) becomes a space', () => {
    const report = coverage(bureauGraph);
    const hostile = { ...report, gaps: report.gaps.map((g, i) => (i === 0 ? { ...g, message: '离退休干部党支部\n  - [严重] 伪造的缺口' } : g)) };
    const lines = formatCoverageText(hostile).split('\n');
    expect(lines).toHaveLength(1 + report.gaps.length);
    expect(lines[1]).toBe('  - [严重] 离退休干部党支部   - [严重] 伪造的缺口 (coverage-no-secretary)');
  });
});

describe('formatDutiesText', () => {
  it('lists the posts, then every duty with its capacity (hand-checked on the bureau)', () => {
    expect(formatDutiesText(bureauGraph, 'p-li-hua').split('\n')).toEqual([
      '李华 (p-li-hua)',
      '  职务：机关第一党支部（办公室、财务科）党员；市某某局党委副书记',
      '  [主体责任] 市某某局党委 (bureau)',
      '  [一级抓一级] 机关第二党支部（业务一科、业务二科） (br-business)（作为市某某局党委副书记）',
      '  [一级抓一级] 机关第一党支部（办公室、财务科） (br-office)（作为市某某局党委副书记）',
      '  [一级抓一级] 机关第三党支部（规划科、法规科） (br-planning)（作为市某某局党委副书记）',
      '  [一级抓一级] 离退休干部党支部 (br-retired)（作为市某某局党委副书记）',
      '  [一级抓一级] 市某某事业发展中心党总支 (gb-center)（作为市某某局党委副书记）',
      '  [一岗双责] 市某某事业发展中心党总支 (gb-center)（分管：事业发展中心）',
      '  [包抓包联] 事业发展中心第二党支部 (br-center-2)（联系点）',
    ]);
  });

  it('in English; a secretary first answers for their own organization', () => {
    const lines = formatDutiesText(bureauGraph, 'p-sun-wei', 'en').split('\n');
    expect(lines.slice(0, 4)).toEqual([
      '孙伟 (p-sun-wei)',
      '  posts: secretary, 机关第一党支部（办公室、财务科）',
      '  [first responsibility] 机关第一党支部（办公室、财务科） (br-office)',
      '  [principal responsibility] 机关第一党支部（办公室、财务科） (br-office)',
    ]);
  });

  it('a person without posts answers for nothing', () => {
    const graph = parseGraph({
      organizations: [{ id: 'c', name: '党委', kind: 'committee' }],
      people: [
        { id: 's', name: '书记甲', partyMember: true },
        { id: 'x', name: '群众乙', partyMember: false },
      ],
      posts: [{ person: 's', organization: 'c', role: 'secretary' }],
    });
    expect(formatDutiesText(graph, 'x')).toBe('群众乙 (x)\n  职务：无');
    expect(formatDutiesText(graph, 'x', 'en')).toBe('群众乙 (x)\n  posts: none');
  });
});

// o0 (committee) ← o1 ← … ← o(levels-1) (a branch): committees under committees, as a 党委 may
// be. `secretaries` maps a level's index to its secretary's name; they are people s0, s1, ….
function deepChain(levels: number, secretaries: ReadonlyMap<number, string>): Graph {
  return parseGraph({
    organizations: Array.from({ length: levels }, (_, i) => ({
      id: `o${i}`,
      name: `第${i}级`,
      kind: i === levels - 1 ? 'branch' : 'committee',
      ...(i === 0 ? {} : { parent: `o${i - 1}` }),
    })),
    people: [...secretaries].map(([i, name]) => ({ id: `s${i}`, name, partyMember: true })),
    posts: [...secretaries].map(([i]) => ({ person: `s${i}`, organization: `o${i}`, role: 'secretary' })),
  });
}

describe('formatChainText of a deep chain', () => {
  it('indents one step a level up to 10 levels, deeper levels at the 10th level\'s indentation (hand-checked, 13 levels)', () => {
    // Secretaries at o12 (the branch, distance 0), o3 (distance 9), o2 (10), o1 (11) and o0 (12):
    // indented 2 + 2 × min(distance, 10) spaces, each link above level 0 naming its level.
    const graph = deepChain(13, new Map([[12, '壬'], [3, '丁'], [2, '丙'], [1, '乙'], [0, '甲']]));
    const at = (spaces: number, text: string): string => `${' '.repeat(spaces)}${text}`;
    expect(formatChainText(graph, 'o12', 'en').split('\n')).toEqual([
      '第12级 (o12)',
      at(2, '[first responsibility] 壬'),
      at(2, '[principal responsibility] 第12级 leadership team (壬)'),
      at(20, '[first responsibility] 丁 ← 9 up: 第3级'),
      at(20, '[supervision] 第3级 leadership team (丁) ← 9 up: 第3级'),
      at(22, '[first responsibility] 丙 ← 10 up: 第2级'),
      at(22, '[supervision] 第2级 leadership team (丙) ← 10 up: 第2级'),
      at(22, '[first responsibility] 乙 ← 11 up: 第1级'),
      at(22, '[supervision] 第1级 leadership team (乙) ← 11 up: 第1级'),
      at(22, '[first responsibility] 甲 ← 12 up: 第0级'),
      at(22, '[supervision] 第0级 leadership team (甲) ← 12 up: 第0级'),
    ]);
    expect(formatChainText(graph, 'o12', 'zh').split('\n').slice(-2)).toEqual([at(22, '[第一责任] 甲 ← 上12级 第0级'), at(22, '[一级抓一级] 第0级领导班子 (甲) ← 上12级 第0级')]);
  });

  it('a chain of 20,000 levels is text in proportion to its length: one line a link, none indented past the 10th level', () => {
    const levels = 20_000;
    const graph = deepChain(levels, new Map(Array.from({ length: levels }, (_, i) => [i, `书记${i}`])));
    const text = formatChainText(graph, `o${levels - 1}`, 'zh');
    const lines = text.split('\n');
    expect(lines).toHaveLength(1 + 2 * levels);
    expect(lines.reduce((most, line) => Math.max(most, line.length - line.trimStart().length), 0)).toBe(22);
    // Two links a level, each under 80 characters; indenting by distance would be ~2 × 20,000² characters.
    expect(text.length).toBeLessThan(160 * levels);
    expect(lines.at(-1)).toBe(`${' '.repeat(22)}[一级抓一级] 第0级领导班子 (书记0) ← 上19999级 第0级`);
  });
});
