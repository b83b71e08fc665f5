// Golden files of the Markdown report on the bureau example.
// Refresh them after an intended change with:
//
//   UPDATE_GOLDEN=1 npx vitest run tests/report
//
// then read the diff of tests/report/__golden__/ before committing it.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { applyDecisions, coverage, lintRuleSet, type AssessmentResult } from '../../src/index.js';
import { toMarkdown, toMarkdownChunks } from '../../src/report/markdown.js';
import { html, md, table } from '../../src/report/markdown-text.js';
import { bureauCoverageOptions, bureauGraph, bureauResult, bureauRules } from './helpers.js';

const golden = (name: string): string => fileURLToPath(new URL(`./__golden__/${name}`, import.meta.url));

function expectGolden(name: string, text: string): void {
  const path = golden(name);
  if (process.env['UPDATE_GOLDEN'] === '1') writeFileSync(path, text);
  expect(existsSync(path), `${name} is missing; UPDATE_GOLDEN=1 npx vitest run tests/report to write it`).toBe(true);
  expect(text === readFileSync(path, 'utf8'), `${name} differs from the golden file; UPDATE_GOLDEN=1 npx vitest run tests/report to refresh`).toBe(true);
}

function bureauMarkdown(lang: 'zh' | 'en'): string {
  return toMarkdown(bureauResult(lang), {
    lang,
    graph: bureauGraph,
    coverage: coverage(bureauGraph, { ...bureauCoverageOptions, lang }),
    lint: lintRuleSet(bureauRules, bureauGraph, { lang }),
  });
}

describe('toMarkdown on the bureau example', () => {
  it('matches the Chinese golden file byte for byte', () => {
    expectGolden('bureau-2022.zh.md', bureauMarkdown('zh'));
  });

  it('matches the English golden file byte for byte', () => {
    expectGolden('bureau-2022.en.md', bureauMarkdown('en'));
  });

  it('in pieces (toMarkdownChunks): joined, the same text; each subject\'s block of lines one piece', () => {
    const result = bureauResult('zh');
    const pieces = [...toMarkdownChunks(result)];
    expect(pieces.join('')).toBe(toMarkdown(result));
    // 8 organizations and 12 people assessed (the CSV test's hand count): 20 blocks, each alone in its piece
    const blocks = pieces.filter((p) => p.includes('<details>'));
    expect(blocks).toHaveLength(20);
    expect(result.organizations.length + result.people.length).toBe(20);
    for (const block of blocks) expect(block.match(/<details>/g)).toHaveLength(1);
    expect(pieces.at(-1)).toBe('\n');
  });

  it('is deterministic and reads no clock', () => {
    expect(bureauMarkdown('zh')).toBe(bureauMarkdown('zh'));
    expect(bureauMarkdown('zh')).not.toMatch(/20(2[3-9]|[3-9]\d)-\d\d-\d\d/);
  });

  it('headings follow options.lang, titles and explanations stay in the result language', () => {
    const text = toMarkdown(bureauResult('zh'), { lang: 'en' });
    expect(text.split('\n')[0]).toBe('# 市某某局2022年度基层党建工作责任制考核细则: assessment result');
    expect(text).toContain('- Note: indicator titles, grades and explanations are in the language of the run (Chinese)');
    expect(text).toContain('## Organizations');
    expect(text).toContain(`| 市某某局党委 | party committee | ${bureauResult('zh').organizations[0]?.total} | 较好 |`);
  });

  it('has the sections in order, and leaves out coverage and lint when not given', () => {
    const text = toMarkdown(bureauResult('zh'));
    const headings = text.split('\n').filter((l) => l.startsWith('## '));
    expect(headings).toEqual(['## 概况', '## 党组织得分与等次', '## 人员得分、等次与评价', '## 逐项得分说明', '## 问责建议', '## 评优评先资格', '## 层层传导压力', '## 数据提示']);
    expect(text.trimEnd().split('\n').at(-1)).toMatch(/^结果指纹 sha256:[0-9a-f]{64} · zerenzhi \d+\.\d+\.\d+ · 结果格式第 1 版$/);
  });

  it('shows decisions when they have been applied', () => {
    const result = bureauResult('zh');
    const [first] = result.findings;
    if (!first) throw new Error('the bureau has findings');
    const decided: AssessmentResult = applyDecisions(result, [{ finding: first.id, action: 'waive', by: '局党委', at: '2023-01-20', reason: '经核实属不可抗力' }]);
    const text = toMarkdown(decided);
    expect(text).toContain('## 问责决定记录');
    expect(text).toContain('| 免予问责 | 局党委 | 2023-01-20 |');
    expect(text).toContain('已免予问责（局党委，2023-01-20）');
  });
});

describe('Markdown escaping', () => {
  it('escapes Markdown punctuation and HTML in text and cells', () => {
    expect(md('a|b *c* _d_ [x](y) <script>&')).toBe('a\\|b \\*c\\* \\_d\\_ \\[x\\](y) &lt;script&gt;&amp;');
    expect(md('line\nbreak')).toBe('line<br>break');
    expect(html('<b>"x"</b>')).toBe('&lt;b&gt;&quot;x&quot;&lt;/b&gt;');
  });

  it('builds tables with alignment, empty cells as a dash', () => {
    expect(table(['a', 'b'], [['1', '']], ['l', 'r'])).toBe('| a | b |\n|---|---:|\n| 1 | — |');
  });

  it('a hostile name cannot break a table or inject HTML', () => {
    const result = bureauResult('zh');
    const hostile = { ...result, organizations: result.organizations.map((o, i) => (i === 0 ? { ...o, name: '局|党委<img src=x>\n第二行' } : o)) };
    const text = toMarkdown(hostile);
    expect(text).toContain('| 局\\|党委&lt;img src=x&gt;<br>第二行 | 党委 |');
    expect(text).toContain('<summary>局|党委&lt;img src=x&gt; 第二行 — ');
    expect(text).not.toContain('<img');
  });
});
