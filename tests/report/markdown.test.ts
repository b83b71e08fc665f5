// Golden files of the Markdown report on the bureau example.
// Refresh them after an intended change with:
//
//   UPDATE_GOLDEN=1 npx vitest run tests/report
//
// then read the diff of tests/report/__golden__/ before committing it.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { applyDecisions, assess, coverage, lintRuleSet, readNdjsonSync, type AssessmentResult, type Lang } from '../../src/index.js';
import { toCsv } from '../../src/report/csv.js';
import { toMarkdown, toMarkdownChunks } from '../../src/report/markdown.js';
import { html, md, table } from '../../src/report/markdown-text.js';
import { bureauCoverageOptions, bureauGraph, bureauResult, bureauRules } from './helpers.js';

const bureauRecords = (): unknown[] => [...readNdjsonSync(readFileSync(new URL('../../examples/bureau-2022/records.ndjson', import.meta.url), 'utf8'))];

// The bureau assessed on its rule set changed by `edit`.
function bureauWith(edit: (rules: Record<string, any>) => void, lang: Lang = 'zh'): AssessmentResult {
  const rules = structuredClone(bureauRules) as Record<string, any>;
  edit(rules);
  return assess({ graph: bureauGraph, rules, records: bureauRecords(), lang });
}

// The summary's findings line and its table of forms (rows only).
function findingsSummary(text: string): { line: string; rows: string[] } {
  const summary = text.slice(text.indexOf('## 概况') >= 0 ? text.indexOf('## 概况') : text.indexOf('## Summary'), text.search(/\n## (党组织得分与等次|Organizations)\n/));
  const line = summary.split('\n').find((l) => l.startsWith('问责建议 ') || / finding\(s\) proposed /.test(l)) ?? '';
  const table = summary.split('\n### ')[2] ?? '';
  return { line, rows: table.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| 建议形式') && !l.startsWith('| Proposed form')) };
}

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
    // The rule set, for the grade ladders' titles (as `zerenzhi assess` should give it).
    rules: bureauRules as { ladders: { id: string; title: string; titleEn?: string }[] },
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
    expect(text).toContain('- Note: the titles of the rule set, indicators, grades, accountability rules and waiver grounds, and the explanations, are in the language of the run (Chinese)');
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

describe('findings by form after decisions', () => {
  const result = bureauResult('zh');
  const renJie = result.findings.find((f) => f.subject.id === 'p-ren-jie' && f.form.id === 'admonishment');
  if (!renJie) throw new Error('the bureau proposes 诫勉 for 任杰');
  // The bureau's 13 findings by form, hand-counted from the serious case, the derelict and the
  // formalism rules (the golden file's summary).
  const proposedRows = [
    '| 通报 | 1 | 0 |',
    '| 检查 | 2 | 0 |',
    '| 纪律处分 | 0 | 1 |',
    '| 诫勉 | 0 | 1 |',
    '| 通报批评 | 0 | 3 |',
    '| 责令书面检查 | 0 | 2 |',
    '| 批评教育 | 0 | 3 |',
  ];

  it('before any decision: all 13 under their forms', () => {
    const { line, rows } = findingsSummary(toMarkdown(result));
    expect(line).toBe('问责建议 13 条（党组织 3 条，个人 10 条）');
    expect(rows).toEqual(proposedRows);
  });

  it('a waived finding is under no form, and the summary says how many were waived', () => {
    const decided = applyDecisions(result, [{ finding: renJie.id, action: 'waive', by: '局纪委', at: '2023-01-21', reason: '经查不属实' }]);
    const { line, rows } = findingsSummary(toMarkdown(decided));
    expect(line).toBe('问责建议 13 条（党组织 3 条，个人 10 条），其中免予问责 1 条');
    expect(rows).toEqual(proposedRows.filter((r) => r !== '| 诫勉 | 0 | 1 |'));
    // Nobody gets 诫勉 now: the eligibility section says so too (石磊's 纪律处分 still bars him).
    expect(decided.eligibility.map((e) => e.person)).toEqual(['p-shi-lei']);
    const english = findingsSummary(toMarkdown(decided, { lang: 'en' }));
    expect(english.line).toBe('13 finding(s) proposed (3 for organizations, 10 for people), 1 of them waived');
    expect(english.rows).not.toContain('| admonishment | 0 | 1 |');
  });

  it('the counts under the forms and the waived add up to all findings (invariant)', () => {
    const waiveEvery = (n: number) => result.findings.filter((_, i) => i % n === 0).map((f) => ({ finding: f.id, action: 'waive' as const, by: '局纪委', at: '2023-01-21', reason: '经查不属实' }));
    for (const n of [1, 2, 3, 5]) {
      const decided = applyDecisions(result, waiveEvery(n));
      const waived = decided.findings.filter((f) => f.status === 'waived').length;
      const { line, rows } = findingsSummary(toMarkdown(decided));
      const counted = rows.reduce((sum, row) => sum + row.split(' | ').slice(1).reduce((s, c) => s + Number.parseInt(c, 10), 0), 0);
      expect(counted + waived).toBe(result.findings.length);
      expect(line.endsWith(`其中免予问责 ${waived} 条`)).toBe(true);
    }
  });

  it('with every finding waived, no table of forms', () => {
    const decided = applyDecisions(result, result.findings.map((f) => ({ finding: f.id, action: 'waive' as const, by: '局纪委', at: '2023-01-21', reason: '经查不属实' })));
    const text = toMarkdown(decided);
    expect(findingsSummary(text).line).toBe('问责建议 13 条（党组织 3 条，个人 10 条），其中免予问责 13 条');
    expect(text).not.toContain('### 问责建议（按形式）');
  });

  it('a changed finding counts under the form decided', () => {
    const decided = applyDecisions(result, [{ finding: renJie.id, action: 'change', form: 'criticism', by: '局党委', at: '2023-01-22', reason: '从轻' }]);
    const { line, rows } = findingsSummary(toMarkdown(decided));
    expect(line).toBe('问责建议 13 条（党组织 3 条，个人 10 条）');
    expect(rows).toEqual([...proposedRows.filter((r) => r !== '| 诫勉 | 0 | 1 |' && r !== '| 批评教育 | 0 | 3 |'), '| 批评教育 | 0 | 4 |']);
  });
});

describe('the eligibility line', () => {
  const hostileForms = (rules: Record<string, any>): void => {
    rules['accountability'].forms = {
      person: [
        { id: 'criticism', title: '批评教育' },
        { id: 'written-inspection', title: '责令书面检查' },
        { id: 'circulated-criticism', title: '通报批评' },
        { id: 'admonishment', title: '诫勉 <img src=x onerror=alert(1)> *强调*', titleEn: 'admonishment <img src=x onerror=alert(1)> *em*' },
        { id: 'organizational-handling', title: '组织调整或处理' },
        { id: 'disciplinary-sanction', title: '纪律处分' },
      ],
    };
  };

  it('escapes the title of the form in its note, in Chinese and in English', () => {
    const zh = toMarkdown(bureauWith(hostileForms, 'zh'));
    expect(zh).toContain('\n本期拟给予“诫勉 &lt;img src=x onerror=alert(1)&gt; \\*强调\\*”及以上问责形式的人员，不得评为最高等次、不得参加评优评先。\n');
    const en = toMarkdown(bureauWith(hostileForms, 'en'));
    expect(en).toContain('\nPeople proposed for "admonishment &lt;img src=x onerror=alert(1)&gt; \\*em\\*" or heavier this period may not receive the top grade or awards.\n');
    // The Chinese result reported in English: the form's English title, escaped as well.
    expect(toMarkdown(bureauWith(hostileForms, 'zh'), { lang: 'en' })).toContain('\nPeople proposed for "admonishment &lt;img src=x onerror=alert(1)&gt; \\*em\\*" or heavier');
    for (const text of [zh, en]) expect(text).not.toContain('<img');
  });
});

describe('indicator maxima', () => {
  it('are the rule set\'s, as given: 3.335 as in the CSV and the JSON, not rounded to 3.34', () => {
    const result = bureauWith((rules) => {
      rules['indicators'][0].points = 3.335;
    });
    const line = result.organizations.find((s) => s.id === 'bureau')?.lines.find((l) => l.indicator === 'cm-topic-meetings');
    expect(line?.max).toBe(3.335);
    const row = toMarkdown(result).split('\n').find((l) => l.startsWith('| 党委专题研究党建工作每年不少于4次 |'));
    // Indicator, responsibility, points, max: the max cell is the rule set's amount.
    expect(row?.split(' | ')[3]).toBe('3.335');
    const csvRow = toCsv(result, { bom: false }).lines.split('\r\n').find((l) => l.includes(',cm-topic-meetings,'));
    expect(csvRow?.split(',')[10]).toBe('3.335');
  });

  it('in every line of the bureau\'s report, the Markdown max is the CSV max (invariant)', () => {
    const result = bureauWith((rules) => {
      // Scored indicators only: a veto or a bonus has no points of its own.
      for (const [i, indicator] of (rules['indicators'] as { points: number }[]).entries()) if (indicator.points > 0) indicator.points += (i % 3) * 0.0015;
    });
    const markdownMaxima = toMarkdown(result)
      .split('\n')
      .filter((l) => l.startsWith('| ') && / \| (达标|未达标|进行中|证据不足|不计分|一票否决) \| /.test(l))
      .map((l) => l.split(' | ')[3]);
    const csvMaxima = toCsv(result, { bom: false }).lines.split('\r\n').slice(1, -1).map((l) => l.split(',')[10]);
    expect(markdownMaxima.slice().sort()).toEqual(csvMaxima.slice().sort());
    expect(csvMaxima.some((m) => m?.split('.')[1]?.length === 4)).toBe(true);
  });
});
