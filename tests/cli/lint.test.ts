import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { BUREAU, cli, lineOf, rulesWithUnknownMeasure, tempDir } from './helpers.js';

const tmp = tempDir('lint');
afterAll(() => tmp.cleanup());

// The bureau rule set with the committee's first indicator worth one point more: 101 in all.
function rulesOverScale(): string {
  const rules = JSON.parse(readFileSync(BUREAU.rules, 'utf8')) as { indicators: { points: number }[] };
  (rules.indicators[0] as { points: number }).points += 1;
  return `${JSON.stringify(rules, null, 2)}\n`;
}

describe('zerenzhi lint', () => {
  it('a clean rule set: one line, exit 0', async () => {
    const run = await cli(['lint', '--rules', BUREAU.rules, '--graph', BUREAU.graph]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`${BUREAU.rules}：未发现问题\n`);
  });

  it('warnings: each with line, severity, path, message and code; exit 0, or 1 with --strict', async () => {
    const text = rulesOverScale();
    const rules = tmp.file('rules-101.json', text);
    const line = lineOf(text, '"indicators"');
    const run = await cli(['lint', '--rules', rules, '--graph', BUREAU.graph]);
    expect(run.code).toBe(0);
    expect(run.stdout.trimEnd().split('\n')).toEqual([
      `${rules}:${line} 警告 indicators: 适用于党委的指标分值合计 101 分，与总分 100 分不一致（得分将按比例折算） [lint-points-not-scale]`,
      `${rules}：0 个错误，1 个警告`,
    ]);
    const strict = await cli(['lint', '--rules', rules, '--graph', BUREAU.graph, '--strict', '--lang', 'en']);
    expect(strict.code).toBe(1);
    expect(strict.stdout.trimEnd().split('\n')).toEqual([
      `${rules}:${line} warning indicators: indicators for party committee add up to 101, not the scale of 100 (scores will be scaled) [lint-points-not-scale]`,
      `${rules}: 0 error(s), 1 warning(s)`,
    ]);
  });

  it('errors: exit 1', async () => {
    const text = rulesWithUnknownMeasure();
    const rules = tmp.file('rules-bad.json', text);
    const run = await cli(['lint', '--rules', rules]);
    expect(run.code).toBe(1);
    expect(run.stdout.trimEnd().split('\n')).toEqual([
      `${rules}:${lineOf(text, '"counting"')} 错误 indicators[2].measure.type: 未知的计量方式「counting」，可选：count, cadence, window, deadline, ratio, rating, structure, roll-up, manual [unknown-measure-type]`,
      `${rules}：1 个错误，0 个警告`,
    ]);
  });

  it('an unreadable rules file or graph is invalid input', async () => {
    const broken = tmp.file('broken.json', '{ "id": ');
    const run = await cli(['lint', '--rules', broken]);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(`考核细则校验未通过，共 1 个问题：\n${broken}:1: 第 1 行第 9 列：JSON 语法错误，内容意外结束（括号或引号未闭合？） [invalid-json]\n`);
    expect((await cli(['lint', '--rules', BUREAU.rules, '--graph', tmp.path('none.json')])).code).toBe(1);
  });

  it('--rules is required', async () => {
    const run = await cli(['lint']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('错误：缺少必填选项 --rules <file>\n运行「zerenzhi lint --help」查看用法\n');
  });
});
