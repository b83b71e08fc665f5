import { describe, expect, it } from 'vitest';
import { parseGraph } from '../../src/index.js';
import { mermaidText, toMermaid } from '../../src/report/mermaid.js';
import { bureauGraph, bureauResult } from './helpers.js';

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
        '  n3(["张#quot;三#quot;"])',
        '  n0 --> n1',
        '  n0 --> n2',
        '  n3 -.->|分管| n1',
        '  n3 -.->|包抓包联| n2',
        '  linkStyle 2 stroke-dasharray:6 4',
        '  linkStyle 3 stroke-dasharray:2 3',
        '',
      ].join('\n'),
    );
    for (const raw of ['__proto__', 'a"b', 'x-->y', 'constructor', 'p"; style']) expect(chart).not.toContain(raw);
    for (const id of syntaxIds(chart)) expect(id).toMatch(/^n\d+$/);
    // Findings on hostile ids are styled through the node ids too.
    const base = bureauResult('zh');
    const finding = base.findings[0];
    if (!finding) throw new Error('the bureau has findings');
    const result = {
      ...base,
      organizations: [],
      people: [],
      findings: [
        { ...finding, subject: { type: 'organization' as const, id: 'x-->y', name: 'x' } },
        { ...finding, subject: { type: 'person' as const, id: 'p"; style', name: 'p' } },
      ],
    };
    const flagged = toMermaid(graph, result);
    expect(flagged.trimEnd().split('\n').slice(-2)).toEqual(['  classDef flagged fill:#fdd,stroke:#c00', '  class n2,n3 flagged']);
    for (const id of syntaxIds(flagged)) expect(id).toMatch(/^n\d+$/);
  });

  it('escapes the characters that end a label or start an entity', () => {
    expect(mermaidText('a"b<c>d#e&f`g\nh')).toBe('a#quot;b#lt;c#gt;d#35;e#amp;f#96;g h');
  });
});
