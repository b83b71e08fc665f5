import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { chainOf, parseGraph, ValidationError, type AssessmentResult, type Graph, type GraphInput } from '../../src/index.js';
import { mermaidText, toMermaid } from '../../src/report/mermaid.js';
import { bureauGraph, bureauResult } from './helpers.js';

const BUREAU_GRAPH = fileURLToPath(new URL('../../examples/bureau-2022/graph.json', import.meta.url));

// Every token of Mermaid syntax outside labels (node definitions, edges, class lines): after
// removing quoted labels, edge labels, shapes and arrows, only node ids n<digits> may remain.
function syntaxIds(chart: string): string[] {
  return chart
    .split('\n')
    .slice(1)
    .filter((line) => line.trim() !== '' && !/^\s*(classDef|linkStyle)\b/.test(line))
    .flatMap((line) =>
      line
        .replace(/"[^"]*"/g, '')
        .replace(/\|[^|]*\|/g, '')
        .replace(/^\s*class\s+(.*)\s+flagged$/, '$1')
        .split(/-\.->|-->|---|[\s,[\]()]+/)
        .filter((token) => token !== ''),
    );
}

describe('toMermaid', () => {
  it('draws the bureau as a flowchart: orgs, parent → child, oversight dashed, liaison dotted', () => {
    const chart = toMermaid(bureauGraph);
    const lines = chart.split('\n');
    expect(lines[0]).toBe('flowchart TD');
    expect(lines[1]).toBe('  n0["市某某局党委"]');
    expect(chart).toContain('  n0 --> n1\n');
    expect(chart).toMatch(/ -\.->\|分管\| /);
    expect(chart).toMatch(/ -\.->\|包抓包联\| /);
    expect(chart).toMatch(/\n {2}linkStyle [\d,]+ stroke-dasharray:6 4\n {2}linkStyle [\d,]+ stroke-dasharray:2 3\n$/);
    expect(chart).not.toContain('flagged');
    const ids = syntaxIds(chart);
    expect(ids.length).toBeGreaterThan(20);
    for (const id of ids) expect(id).toMatch(/^n\d+$/);
    expect(toMermaid(bureauGraph)).toBe(chart);
  });

  it('with a result: grades and totals in the labels, subjects of findings styled as flagged', () => {
    const result = bureauResult('zh');
    const chart = toMermaid(bureauGraph, result);
    const total = result.organizations.find((o) => o.id === 'br-center-2')?.total;
    expect(chart).toContain(`["事业发展中心第二党支部<br/>差 ${total}"]`);
    expect(chart).toContain('  classDef flagged fill:#fdd,stroke:#c00\n');
    const classLine = chart.split('\n').find((l) => l.startsWith('  class '));
    const flaggedNodes = new Set((classLine ?? '').replace('  class ', '').replace(' flagged', '').split(','));
    const nodeOfLabel = (label: string): string => {
      const match = new RegExp(`^ {2}(n\\d+)\\(?\\["${label}`, 'm').exec(chart);
      if (!match?.[1]) throw new Error(`no node for ${label}`);
      return match[1];
    };
    for (const name of ['事业发展中心第二党支部', '市某某事业发展中心党总支', '任杰', '石磊', '徐涛', '潘磊']) expect(flaggedNodes.has(nodeOfLabel(name)), name).toBe(true);
    expect(flaggedNodes.has(nodeOfLabel('机关第一党支部'))).toBe(false);
    // A flagged person with only an ordinary membership is linked by it.
    expect(chart).toContain(`  ${nodeOfLabel('石磊')} ---|党员| ${nodeOfLabel('事业发展中心第二党支部')}`);
  });

  it('draws only the organizations asked for', () => {
    const chart = toMermaid(bureauGraph, undefined, { organizations: ['bureau', 'gb-center'], lang: 'en' });
    expect(chart.split('\n').filter((l) => /^ {2}n\d+\["/.test(l))).toEqual(['  n0["市某某局党委"]', '  n1["市某某事业发展中心党总支"]']);
    expect(chart).toContain('-.->|oversees|');
  });

  it('never puts a raw id in Mermaid syntax, and escapes labels', () => {
    const graph = parseGraph({
      organizations: [
        { id: '__proto__', name: '委员会 "甲"', kind: 'committee' },
        { id: 'a"b', name: '支部[1] <b>粗</b> #1 & `x`', kind: 'branch', parent: '__proto__' },
        { id: 'x-->y', name: 'end]; click n0 call alert()', kind: 'branch', parent: '__proto__' },
      ],
      people: [
        { id: 'p"; style', name: '张"三"', partyMember: true },
        { id: 'constructor', name: '李四', partyMember: true },
      ],
      posts: [
        { person: 'p"; style', organization: '__proto__', role: 'team-member' },
        { person: 'constructor', organization: '__proto__', role: 'secretary' },
      ],
      oversight: [{ person: 'p"; style', organization: 'a"b' }],
      liaison: [{ person: 'p"; style', organization: 'x-->y' }],
    });
    const chart = toMermaid(graph);
    expect(chart).toBe(
      [
        'flowchart TD',
        '  n0["委员会 #quot;甲#quot;"]',
        '  n1["支部[1] #lt;b#gt;粗#lt;/b#gt; #35;1 #amp; #96;x#96;"]',
        '  n2["end]; click n0 call alert()"]',
        '  n3(["李四"])',
        '  n4(["张#quot;三#quot;"])',
        '  n0 --> n1',
        '  n0 --> n2',
        '  n3 ---|书记| n0',
        '  n4 ---|委员| n0',
        '  n4 -.->|分管| n1',
        '  n4 -.->|包抓包联| n2',
        '  linkStyle 4 stroke-dasharray:6 4',
        '  linkStyle 5 stroke-dasharray:2 3',
        '',
      ].join('\n'),
    );
    for (const raw of ['__proto__', 'a"b', 'x-->y', 'constructor', 'p"; style']) expect(chart).not.toContain(raw);
    for (const id of syntaxIds(chart)) expect(id).toMatch(/^n\d+$/);
    // Findings on hostile ids are styled through the node ids too (the findings name the
    // graph's ids and names, as a result assessed on it does).
    const base = bureauResult('zh');
    const finding = base.findings[0];
    if (!finding) throw new Error('the bureau has findings');
    const branch = { type: 'organization' as const, id: 'x-->y', name: 'end]; click n0 call alert()' };
    const result = {
      ...base,
      organizations: [],
      people: [],
      findings: [
        { ...finding, subject: branch, trigger: { ...finding.trigger, subject: branch }, path: [{ distance: 0, organization: 'x-->y', kind: 'principal' as const }] },
        { ...finding, subject: { type: 'person' as const, id: 'p"; style', name: '张"三"' }, trigger: { ...finding.trigger, subject: branch }, path: [{ distance: 0, organization: 'x-->y', kind: 'liaison' as const }] },
      ],
    };
    const flagged = toMermaid(graph, result);
    expect(flagged.trimEnd().split('\n').slice(-2)).toEqual(['  classDef flagged fill:#fdd,stroke:#c00', '  class n2,n4 flagged']);
    for (const id of syntaxIds(flagged)) expect(id).toMatch(/^n\d+$/);
  });

  it('escapes the characters that end a label or start an entity', () => {
    expect(mermaidText('a"b<c>d#e&f`g\nh')).toBe('a#quot;b#lt;c#gt;d#35;e#amp;f#96;g h');
  });
});

// The chart of br-center-2's chain, hand-checked against examples/bureau-2022/graph.json and the
// text chain (`zerenzhi chain --org br-center-2`):
//   事业发展中心第二党支部: [第一责任] 任杰; [主体责任] team 任杰、姜涛; [包抓包联] 李华
//   ← 市某某事业发展中心党总支: [第一责任] 丁锐; [一级抓一级] team 丁锐、魏东、薛琴; [一岗双责] 李华 (分管 事业发展中心)
//   ← 市某某局党委: [第一责任] 王建; [一级抓一级] team 王建、李华、陈静、刘洋、张敏、赵磊
// People are numbered after the three organizations by id: p-chen-jing 陈静 n3, p-ding-rui 丁锐 n4,
// p-jiang-tao 姜涛 n5, p-li-hua 李华 n6, p-liu-yang 刘洋 n7, p-ren-jie 任杰 n8, p-wang-jian 王建 n9,
// p-wei-dong 魏东 n10, p-xue-qin 薛琴 n11, p-zhang-min 张敏 n12, p-zhao-lei 赵磊 n13. 赵磊's liaison
// with 市某某事业发展中心党总支 is not in br-center-2's chain (a liaison leader answers for the
// contact point only), so it is not drawn; the party-affairs officers and members are not either.
const BR_CENTER_2 = [
  'flowchart TD',
  '  n0["市某某局党委"]',
  '  n1["市某某事业发展中心党总支"]',
  '  n2["事业发展中心第二党支部"]',
  '  n3(["陈静"])',
  '  n4(["丁锐"])',
  '  n5(["姜涛"])',
  '  n6(["李华"])',
  '  n7(["刘洋"])',
  '  n8(["任杰"])',
  '  n9(["王建"])',
  '  n10(["魏东"])',
  '  n11(["薛琴"])',
  '  n12(["张敏"])',
  '  n13(["赵磊"])',
  '  n0 --> n1',
  '  n1 --> n2',
  '  n9 ---|书记| n0',
  '  n6 ---|副书记| n0',
  '  n3 ---|委员| n0',
  '  n7 ---|委员| n0',
  '  n12 ---|委员| n0',
  '  n13 ---|委员| n0',
  '  n4 ---|书记| n1',
  '  n10 ---|委员| n1',
  '  n11 ---|委员| n1',
  '  n8 ---|书记| n2',
  '  n5 ---|委员| n2',
  '  n6 -.->|分管| n1',
  '  n6 -.->|包抓包联| n2',
  '  linkStyle 13 stroke-dasharray:6 4',
  '  linkStyle 14 stroke-dasharray:2 3',
  '',
].join('\n');

/** The names on a chart's person nodes, and on those in the `flagged` class. */
function peopleOf(chart: string): { drawn: string[]; flagged: string[] } {
  const names = new Map<string, string>();
  for (const m of chart.matchAll(/^ {2}(n\d+)\(\["([^"<]*)/gm)) names.set(m[1] as string, m[2] as string);
  const classLine = chart.split('\n').find((l) => l.startsWith('  class ')) ?? '';
  const flagged = classLine.replace(/^ {2}class /, '').replace(/ flagged$/, '').split(',');
  return { drawn: [...names.values()].sort(), flagged: flagged.flatMap((n) => (names.has(n) ? [names.get(n) as string] : [])).sort() };
}

describe('toMermaid: the responsibility chain of one organization (chain)', () => {
  it('br-center-2: every level with its secretary (第一责任) and team, overseers and its own liaison leader (hand-checked)', () => {
    expect(toMermaid(bureauGraph, undefined, { chain: 'br-center-2' })).toBe(BR_CENTER_2);
  });

  it('draws the people the text chain lists, no more and no fewer, for every organization of the bureau', () => {
    for (const id of bureauGraph.index.preorder) {
      const listed = new Set<string>();
      for (const link of chainOf(bureauGraph, id)) {
        for (const person of link.holder.type === 'team' ? link.holder.members : [link.holder.person]) listed.add(bureauGraph.people.get(person)?.name ?? person);
      }
      expect(peopleOf(toMermaid(bureauGraph, undefined, { chain: id })).drawn, id).toEqual([...listed].sort());
    }
  });

  it('with organizations: every liaison edge into them, 赵磊 → 市某某事业发展中心党总支 included', () => {
    const chart = toMermaid(bureauGraph, undefined, { organizations: ['br-center-2', 'gb-center', 'bureau'] });
    expect(chart).toBe(
      BR_CENTER_2.replace('  n6 -.->|包抓包联| n2\n', '  n6 -.->|包抓包联| n2\n  n13 -.->|包抓包联| n1\n').replace('  linkStyle 14 stroke-dasharray:2 3', '  linkStyle 14,15 stroke-dasharray:2 3'),
    );
  });

  it('marks only the findings that lie in the chart: not 刘洋, flagged for formalism at 机关业务党支部 (br-business)', () => {
    // In the chart: the serious case at br-center-2 (石磊, the branch, 任杰, 姜涛, 李华, and
    // gb-center by supervision), gb-center's own supervision failure, and 赵磊's dereliction (a
    // person's finding, path [bureau]). Not: formalism at br-business (刘洋 by 分管 there, 徐涛),
    // 徐涛's dereliction (br-business), the rectification at br-center-1 (潘磊, 阎冰).
    const chart = toMermaid(bureauGraph, bureauResult('zh'), { chain: 'br-center-2' });
    const { drawn, flagged } = peopleOf(chart);
    expect(drawn).toContain('刘洋');
    expect(flagged).toEqual(['任杰', '姜涛', '李华', '石磊', '赵磊'].sort());
    expect(chart.split('\n').at(-2)).toBe('  class n1,n2,n5,n6,n8,n9,n14 flagged');
    // The same finding is marked where it lies: in br-business's chain, 刘洋 is flagged.
    expect(peopleOf(toMermaid(bureauGraph, bureauResult('zh'), { chain: 'br-business' })).flagged).toContain('刘洋');
    // The whole graph marks every finding, as before.
    expect(peopleOf(toMermaid(bureauGraph, bureauResult('zh'))).flagged).toContain('刘洋');
  });

  it('refuses chain with organizations, and a chain not in the graph', () => {
    const refusal = (options: object): unknown => {
      try {
        toMermaid(bureauGraph, undefined, options);
      } catch (error) {
        return error instanceof ValidationError ? [error.subject, error.issues.map((i) => [i.code, i.path])] : error;
      }
      return 'drawn';
    };
    expect(refusal({ chain: 'br-center-2', organizations: ['bureau'] })).toEqual(['options', [['mermaid-chain-and-organizations', ['chain']]]]);
    expect(refusal({ chain: 'nowhere' })).toEqual(['options', [['unknown-organization', ['chain']]]]);
    expect(refusal({ chain: 3 })).toEqual(['options', [['invalid-type', ['chain']]]]);
  });
});

describe('toMermaid: a result not assessed on the graph is refused', () => {
  const misfits = (graph: Graph, result: AssessmentResult): unknown => {
    try {
      toMermaid(graph, result, { lang: 'en' });
    } catch (error) {
      if (error instanceof ValidationError) return [error.subject, error.issues.map((i) => [i.code, i.path.join('.'), i.message])];
      throw error;
    }
    return 'drawn';
  };
  const input = (): GraphInput => JSON.parse(readFileSync(BUREAU_GRAPH, 'utf8')) as GraphInput;

  it('a subject the graph lacks: each once, at its first place in the result', () => {
    const lacking = input();
    lacking.people = lacking.people.map((p) => (p.id === 'p-liu-yang' ? { ...p, id: 'p-liu-yang-2' } : p));
    lacking.posts = lacking.posts.map((p) => (p.person === 'p-liu-yang' ? { ...p, person: 'p-liu-yang-2' } : p));
    lacking.oversight = (lacking.oversight ?? []).map((e) => (e.person === 'p-liu-yang' ? { ...e, person: 'p-liu-yang-2' } : e));
    lacking.liaison = (lacking.liaison ?? []).map((e) => (e.person === 'p-liu-yang' ? { ...e, person: 'p-liu-yang-2' } : e));
    const result = bureauResult('zh');
    const at = result.people.findIndex((p) => p.id === 'p-liu-yang');
    expect(misfits(parseGraph(lacking), result)).toEqual([
      'options',
      [['result-subject-not-in-graph', `people.${at}.id`, 'the result names person "p-liu-yang", which is not in the graph: the result was not assessed on this graph']],
    ]);
  });

  it('a name, an organization kind or a person\'s posts the graph has otherwise', () => {
    const other = input();
    other.people = other.people.map((p) => (p.id === 'p-ren-jie' ? { ...p, name: '任洁' } : p));
    other.organizations = other.organizations.map((o) => (o.id === 'br-retired' ? { ...o, kind: 'general-branch' as const } : o));
    other.posts = other.posts.filter((p) => !(p.person === 'p-chen-jing' && p.organization === 'br-office'));
    const result = bureauResult('zh');
    const person = (id: string): number => result.people.findIndex((p) => p.id === id);
    const org = result.organizations.findIndex((o) => o.id === 'br-retired');
    const found = misfits(parseGraph(other), result) as [string, [string, string, string][]];
    expect(found[0]).toBe('options');
    expect(found[1]).toEqual(
      expect.arrayContaining([
        ['result-subject-differs', `organizations.${org}.kind`, 'organization "br-retired" has kind "branch" in the result but "general-branch" in the graph: the result was not assessed on this graph'],
        ['result-subject-differs', `people.${person('p-ren-jie')}.name`, 'person "p-ren-jie" has name "任杰" in the result but "任洁" in the graph: the result was not assessed on this graph'],
        ['result-subject-differs', `people.${person('p-chen-jing')}.posts`, 'person "p-chen-jing" has posts "br-office/member, bureau/team-member" in the result but "bureau/team-member" in the graph: the result was not assessed on this graph'],
      ]),
    );
    // 任杰 is a finding's subject too: named once, at the first place.
    expect(found[1].filter(([, , message]) => message.includes('p-ren-jie'))).toHaveLength(1);
  });

  it('another example graph altogether', () => {
    const university = parseGraph(JSON.parse(readFileSync(new URL('../../examples/university-college/graph.json', import.meta.url), 'utf8')));
    const found = misfits(university, bureauResult('zh')) as [string, [string, string, string][]];
    expect(found[1][0]).toEqual(['result-subject-not-in-graph', 'organizations.0.id', 'the result names organization "bureau", which is not in the graph: the result was not assessed on this graph']);
    expect(found[1].every(([code]) => code === 'result-subject-not-in-graph')).toBe(true);
  });

  it('the graph it was assessed on is drawn', () => {
    expect(misfits(bureauGraph, bureauResult('zh'))).toBe('drawn');
  });
});
