// What a reader of the Markdown report sees instead of ids: grade ladders, forms in decision
// records and indicators by title; a vetoed subject's heading saying so; and a rule that fired
// but reached no one, listed. Expected lines worked out from the bureau example's rule set
// (examples/bureau-2022/rules.json) and its report.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { applyDecisions, assess, parseRuleSet, readNdjsonSync, ValidationError, type AssessmentResult, type Lang, type RuleSet, type RuleSetInput } from '../../src/index.js';
import type { MarkdownOptions } from '../../src/report/markdown.js';
import { toCsv } from '../../src/report/csv.js';
import { toMarkdown } from '../../src/report/markdown.js';
import { unreachedHits } from '../../src/report/markdown-findings.js';
import { bureauGraph, bureauResult, bureauRules } from './helpers.js';

type Titled = { id: string; title: string; titleEn?: string };
const rulesOf = bureauRules as { id: string; ladders: Titled[]; accountability: { rules: Titled[] } };
const lines = (text: string): string[] => text.split('\n');

// The rows of the grade distribution, below its header and rule.
function gradeRows(text: string): string[] {
  const all = lines(text);
  const start = all.findIndex((l) => l === '### 等次分布' || l === '### Grades');
  return all.slice(start + 4).filter((l, i, rest) => rest.slice(0, i + 1).every((r) => r.startsWith('| ')));
}

describe('the grade distribution names ladders by title', () => {
  it('in Chinese, the ladders\' titles from the rule set, in the order ladders first appear', () => {
    expect(gradeRows(toMarkdown(bureauResult('zh'), { rules: rulesOf }))).toEqual([
      '| 基层党组织考核等次 | 好 | 2 | 0 |',
      '| 基层党组织考核等次 | 较好 | 4 | 0 |',
      '| 基层党组织考核等次 | 一般 | 1 | 0 |',
      '| 基层党组织考核等次 | 差 | 1 | 0 |',
      '| 班子成员党建考核等次 | 优秀 | 0 | 1 |',
      '| 班子成员党建考核等次 | 称职 | 0 | 3 |',
      '| 班子成员党建考核等次 | 基本称职 | 0 | 1 |',
      '| 书记抓基层党建述职评议等次 | 好 | 0 | 2 |',
      '| 书记抓基层党建述职评议等次 | 较好 | 0 | 3 |',
      '| 书记抓基层党建述职评议等次 | 一般 | 0 | 2 |',
    ]);
  });

  it('in English, the English titles (the grades stay in the result\'s language)', () => {
    const rows = gradeRows(toMarkdown(bureauResult('zh'), { rules: rulesOf, lang: 'en' }));
    expect(rows[0]).toBe('| Organization grades | 好 | 2 | 0 |');
    expect(rows[4]).toBe("| Team members' grades | 优秀 | 0 | 1 |");
    expect(rows[7]).toBe("| Secretaries' report grades | 好 | 0 | 2 |");
    expect(gradeRows(toMarkdown(bureauResult('en'), { rules: rulesOf }))[3]).toBe('| Organization grades | poor | 1 | 0 |');
  });

  it('takes the rule set as parsed or as written (types and run alike)', () => {
    const parsed: RuleSet = parseRuleSet(bureauRules);
    const asParsed: MarkdownOptions['rules'] = parsed;
    const asWritten: MarkdownOptions['rules'] = bureauRules as RuleSetInput;
    expect(gradeRows(toMarkdown(bureauResult('zh'), { rules: asParsed }))[0]).toBe('| 基层党组织考核等次 | 好 | 2 | 0 |');
    expect(gradeRows(toMarkdown(bureauResult('zh'), { rules: asWritten }))[0]).toBe('| 基层党组织考核等次 | 好 | 2 | 0 |');
  });

  it('by id, as code, where the rule set is not given or does not title the ladder', () => {
    expect(gradeRows(toMarkdown(bureauResult('zh')))[0]).toBe('| `organization` | 好 | 2 | 0 |');
    const one = { ladders: [{ id: 'organization', title: '基层党组织考核等次' }] };
    const rows = gradeRows(toMarkdown(bureauResult('zh'), { rules: one, lang: 'en' }));
    // No English title: the Chinese one, rather than the id.
    expect(rows[0]).toBe('| 基层党组织考核等次 | 好 | 2 | 0 |');
    expect(rows[4]).toBe('| `leader` | 优秀 | 0 | 1 |');
    expect(rows[7]).toBe('| `secretary` | 好 | 0 | 2 |');
  });

  it('refuses a rule set of the wrong shape, or another result\'s, listing every problem with its path', () => {
    const wrong = { id: 'other-2022', ladders: [{ title: 1 }], accountability: { rules: 'x' } };
    for (const lang of ['zh', 'en'] as const) {
      let error: unknown;
      try {
        toMarkdown(bureauResult('zh'), { lang, rules: wrong as never });
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(ValidationError);
      const issues = (error as ValidationError).issues.map((i) => [i.path, i.code]);
      expect(issues).toEqual([
        [['rules', 'ladders', 0, 'id'], 'required'],
        [['rules', 'ladders', 0, 'title'], 'invalid-type'],
        [['rules', 'accountability', 'rules'], 'invalid-type'],
        [['rules', 'id'], 'result-rules-differ'],
      ]);
      const differ = (error as ValidationError).issues[3]?.message;
      expect(differ).toBe(
        lang === 'zh'
          ? '给出的考核细则为「other-2022」，结果按考核细则「bureau-2022」考核得出：等次序列和问责规则的名称无从对应'
          : 'the rule set given is "other-2022", but the result was assessed with rule set "bureau-2022": its ladders\' and rules\' titles cannot be matched',
      );
    }
  });
});

describe('the decision record names forms by title', () => {
  // The reviewer's decisions (/tmp/rev-domain/dec.json): 任杰's 诫勉 changed to 组织调整或处理, the branch's 通报 waived.
  function decided(lang: Lang): AssessmentResult {
    return applyDecisions(bureauResult(lang), [
      { finding: 'serious-case:o:br-center-2>p:p-ren-jie', action: 'change', form: 'organizational-handling', by: '局党委', at: '2023-01-20', reason: '情节严重' },
      { finding: 'serious-case:o:br-center-2>o:br-center-2', action: 'waive', by: '局党委', at: '2023-01-20', reason: '先行先试' },
    ]);
  }
  const auditRows = (text: string): string[] => {
    const all = lines(text);
    const start = all.findIndex((l) => l === '## 问责决定记录' || l === '## Decisions');
    return all.slice(start + 4, start + 6);
  };
  const rule = '发生严重违纪违法案件（一票否决），管党治党不力';

  it('in Chinese: 诫勉 → 组织调整或处理, 通报 → 免予问责, each finding by rule and subject with its id', () => {
    expect(auditRows(toMarkdown(decided('zh')))).toEqual([
      `| ${rule}：任杰（个人） · \`serious-case:o:br-center-2>p:p-ren-jie\` | 改变形式 | 局党委 | 2023-01-20 | 诫勉 → 组织调整或处理 | 情节严重 |`,
      `| ${rule}：事业发展中心第二党支部（党组织） · \`serious-case:o:br-center-2>o:br-center-2\` | 免予问责 | 局党委 | 2023-01-20 | 通报 → 免予问责 | 先行先试 |`,
    ]);
  });

  it('in English, the ladders\' English titles and "no accountability"', () => {
    expect(auditRows(toMarkdown(decided('zh'), { lang: 'en' }))).toEqual([
      `| ${rule}: 任杰 (person) · \`serious-case:o:br-center-2>p:p-ren-jie\` | change | 局党委 | 2023-01-20 | admonishment → organizational adjustment or handling | 情节严重 |`,
      `| ${rule}: 事业发展中心第二党支部 (organization) · \`serious-case:o:br-center-2>o:br-center-2\` | waive | 局党委 | 2023-01-20 | circulated notice → no accountability | 先行先试 |`,
    ]);
  });

  it('each side of every change is a form\'s title on the ladders in the report\'s language, or no form (invariant)', () => {
    const result = decided('zh');
    for (const lang of ['zh', 'en'] as const) {
      const forms = [...(result.forms?.organization ?? []), ...(result.forms?.person ?? [])];
      const titles = new Set([...forms.map((f) => (lang === 'en' ? (f.titleEn ?? f.title) : f.title)), lang === 'zh' ? '免予问责' : 'no accountability']);
      const rows = auditRows(toMarkdown(result, { lang }));
      expect(rows).toHaveLength(2);
      for (const row of rows) for (const side of (row.split(' | ')[4] ?? '').split(' → ')) expect(titles).toContain(side);
    }
  });
});

describe('a subject\'s heading writes its grade as the tables do', () => {
  const summaries = (text: string): string[] => lines(text).filter((l) => l.startsWith('<summary>'));

  it('a vetoed branch: 差（一票否决） / (veto)', () => {
    expect(summaries(toMarkdown(bureauResult('zh')))).toContain('<summary>事业发展中心第二党支部 — 98.54 分，差（一票否决）</summary>');
    expect(summaries(toMarkdown(bureauResult('zh'), { lang: 'en' }))).toContain('<summary>事业发展中心第二党支部: 98.54 points, 差 (veto)</summary>');
    expect(summaries(toMarkdown(bureauResult('en')))).toContain('<summary>事业发展中心第二党支部: 98.54 points, poor (veto)</summary>');
  });

  it('a grade moved by a quota says so, as in the people\'s table', () => {
    expect(summaries(toMarkdown(bureauResult('zh')))).toContain('<summary>张敏 — 92.08 分，称职（受名额限制，原为优秀）</summary>');
    expect(summaries(toMarkdown(bureauResult('zh'), { lang: 'en' }))).toContain('<summary>张敏: 92.08 points, 称职 (quota; earned 优秀)</summary>');
  });

  it('every heading\'s grade is the one in the subject\'s table row (invariant)', () => {
    const text = toMarkdown(bureauResult('zh'));
    const result = bureauResult('zh');
    for (const s of [...result.organizations, ...result.people]) {
      const heading = summaries(text).find((l) => l.startsWith(`<summary>${s.name} — `)) ?? '';
      const grade = heading.replace(/^<summary>.* 分，/, '').replace(/<\/summary>$/, '');
      expect(lines(text).some((l) => l.startsWith(`| ${s.name} | `) && l.includes(` | ${grade} | `))).toBe(true);
    }
  });
});

describe('triggers name their indicators by title', () => {
  it('in Chinese and in English', () => {
    expect(lines(toMarkdown(bureauResult('zh')))).toContain('触发：一票否决；指标「发生严重违纪违法案件的，实行一票否决」；记录 r-2022-0229 · `serious-case`');
    expect(lines(toMarkdown(bureauResult('zh')))).toContain('触发：逾期未完成；指标「巡察整改任务按期完成」；记录 r-2022-0124 · `rectification-open`');
    expect(lines(toMarkdown(bureauResult('zh'), { lang: 'en' }))).toContain('Triggered by: veto; indicator "发生严重违纪违法案件的，实行一票否决"; records r-2022-0229 · `serious-case`');
  });
});

describe('a rule that fired but reached no one', () => {
  // br-retired has no secretary (its 组织委员 presides, as a team member): a rule on the indicator
  // 书记按期配备 that reaches only the secretary fires there and reaches nobody.
  const records = (): unknown[] => [...readNdjsonSync(readFileSync(new URL('../../examples/bureau-2022/records.ndjson', import.meta.url), 'utf8'))];
  const rules = structuredClone(bureauRules) as typeof rulesOf;
  rules.accountability.rules.push({
    id: 'secretary-missing',
    title: '党组织书记未按期配备',
    titleEn: 'Secretary not in post',
    trigger: { type: 'shortfall', indicator: 'br-secretary-in-post' },
    reach: [{ to: 'secretary', form: { person: 'criticism' } }],
  } as Titled);
  const result = assess({ graph: bureauGraph, rules, records: records(), lang: 'zh' });
  const section = (text: string): string[] => {
    const all = lines(text);
    const start = all.findIndex((l) => l.startsWith('### 未落实到人') || l === '### Rules set off that reached no one');
    return start < 0 ? [] : all.slice(start, start + 7);
  };

  it('the result has the hit: at 离退休干部党支部, reached 0, not provisional', () => {
    expect(unreachedHits(result)).toEqual([{ rule: 'secretary-missing', subject: { type: 'organization', id: 'br-retired', name: '离退休干部党支部' }, reached: 0 }]);
  });

  it('is listed under the findings in Chinese, with the rule\'s title from the rule set', () => {
    const text = toMarkdown(result, { rules });
    expect(section(text)).toEqual([
      '### 未落实到人：已触发、但没有找到问责对象的问责规则',
      '',
      '以下问责规则已在相应对象处触发，但按规则所列的问责对象没有找到应当承担责任的党组织或个人（例如书记空缺、没有分管或联系的领导），因此没有提出问责建议。请核实关系图中的职务配备或规则的问责对象。',
      '',
      '| 问责规则 | 触发对象 | 原因 |',
      '|---|---|---|',
      '| 党组织书记未按期配备 · `secretary-missing` | 离退休干部党支部（党组织） | 规则已在离退休干部党支部处触发，但没有落实到任何问责对象 |',
    ]);
    expect(lines(text)).toContain('已触发但未落实到人的问责规则 1 处（见“问责建议”下的“未落实到人”）');
    // Under the findings, before the next section.
    expect(text.indexOf('### 未落实到人')).toBeGreaterThan(text.indexOf('## 问责建议'));
    expect(text.indexOf('### 未落实到人')).toBeLessThan(text.indexOf('## 评优评先资格'));
  });

  it('in English (the rule\'s title in the result\'s language, as the findings\' are)', () => {
    const text = toMarkdown(result, { rules, lang: 'en' });
    expect(section(text)).toEqual([
      '### Rules set off that reached no one',
      '',
      'These accountability rules were set off at the subjects below, but the rule found no organization or person to hold to account among those it reaches (a vacant secretary post, no overseeing or liaison leader, …), so no finding was proposed. Check the posts in the graph or whom the rule reaches.',
      '',
      '| Rule | Trigger subject | Reason |',
      '|---|---|---|',
      '| 党组织书记未按期配备 · `secretary-missing` | 离退休干部党支部 (organization) | the rule was set off at 离退休干部党支部 but reached no one |',
    ]);
    expect(lines(text)).toContain('1 accountability rule hit(s) reached no one (see "Rules set off that reached no one" under Findings)');
  });

  it('without the rule set, by the rule\'s id alone (the hit carries no title)', () => {
    expect(section(toMarkdown(result))[6]).toBe('| `secretary-missing` | 离退休干部党支部（党组织） | 规则已在离退休干部党支部处触发，但没有落实到任何问责对象 |');
  });

  it('the bureau as it is has none: no such section, no such summary line', () => {
    const text = toMarkdown(bureauResult('zh'), { rules: rulesOf });
    expect(section(text)).toEqual([]);
    expect(text).not.toContain('未落实到人');
  });

  it('a provisional hit is an early warning, never listed as reaching no one', () => {
    const early = { rule: 'secretary-missing', subject: { type: 'organization', id: 'br-retired', name: '离退休干部党支部' }, reached: 0, provisional: true, ruleTitle: '党组织书记未按期配备', explanation: '书记未配备' } as const;
    const held: AssessmentResult = { ...bureauResult('zh'), hits: [...bureauResult('zh').hits, early] };
    const text = toMarkdown(held);
    expect(section(text)).toEqual([]);
    expect(text).toContain('| 党组织书记未按期配备 · `secretary-missing` | 离退休干部党支部（党组织） | 书记未配备 |');
  });

  it('the CSV documents do not show it (no finding, not an early warning)', () => {
    const csv = toCsv(result);
    expect(csv.findings).not.toContain('secretary-missing');
    expect(csv.earlyWarnings).not.toContain('secretary-missing');
  });
});
