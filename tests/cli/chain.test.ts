import { afterAll, describe, expect, it } from 'vitest';
import { chainOf, dutiesOf, parseGraph } from '../../src/index.js';
import { formatChainText, formatDutiesText } from '../../src/report/graph-text.js';
import { toMermaid } from '../../src/report/mermaid.js';
import { BUREAU, assessBureau, cli, tempDir } from './helpers.js';
import { readFileSync } from 'node:fs';

const tmp = tempDir('chain');
afterAll(() => tmp.cleanup());
const graph = parseGraph(JSON.parse(readFileSync(BUREAU.graph, 'utf8')));

describe('zerenzhi chain', () => {
  it('--org prints the chain as text', async () => {
    const run = await cli(['chain', '--graph', BUREAU.graph, '--org', 'br-office']);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`${formatChainText(graph, 'br-office', 'zh')}\n`);
    expect(run.stdout.split('\n').slice(0, 3)).toEqual(['机关第一党支部（办公室、财务科） (br-office)', '  [第一责任] 孙伟', '  [主体责任] 机关第一党支部（办公室、财务科）领导班子 (孙伟、马丽)']);
  });

  it('--person prints the duties as text, in English with --lang en', async () => {
    const run = await cli(['chain', '--graph', BUREAU.graph, '--person', 'p-li-hua', '--lang', 'en']);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`${formatDutiesText(graph, 'p-li-hua', 'en')}\n`);
    expect(run.stdout).toContain('[dual responsibility] 市某某事业发展中心党总支 (gb-center) (oversees: 事业发展中心)');
  });

  it('--format json prints the data', async () => {
    const org = await cli(['chain', '--graph', BUREAU.graph, '--org', 'br-center-2', '--format', 'json']);
    expect(JSON.parse(org.stdout)).toEqual(JSON.parse(JSON.stringify(chainOf(graph, 'br-center-2'))));
    const person = await cli(['chain', '--graph', BUREAU.graph, '--person', 'p-wang-jian', '--format', 'json']);
    expect(JSON.parse(person.stdout)).toEqual(JSON.parse(JSON.stringify(dutiesOf(graph, 'p-wang-jian'))));
  });

  it('--mermaid prints the whole graph, or the chain of one organization, marked by a result', async () => {
    const whole = await cli(['chain', '--graph', BUREAU.graph, '--mermaid']);
    expect(whole.code).toBe(0);
    expect(whole.stdout).toBe(toMermaid(graph));
    const json = (await assessBureau()).stdout;
    const result = tmp.file('result.json', json);
    const one = await cli(['chain', '--graph', BUREAU.graph, '--org', 'br-center-2', '--mermaid', '--result', result]);
    expect(one.code).toBe(0);
    const totals = new Map((JSON.parse(json) as { organizations: { id: string; total: number }[] }).organizations.map((o) => [o.id, o.total]));
    expect(one.stdout.split('\n').slice(0, 4)).toEqual([
      'flowchart TD',
      `  n0["市某某局党委<br/>较好 ${totals.get('bureau')}"]`,
      `  n1["市某某事业发展中心党总支<br/>好 ${totals.get('gb-center')}"]`,
      `  n2["事业发展中心第二党支部<br/>差 ${totals.get('br-center-2')}"]`,
    ]);
    expect(one.stdout).toContain('  class n1,n2,');
  });

  it('an unknown id is invalid input, in the chosen language', async () => {
    const org = await cli(['chain', '--graph', BUREAU.graph, '--org', 'nowhere']);
    expect(org.code).toBe(1);
    expect(org.stderr).toBe('错误：党组织「nowhere」不在关系图中 [unknown-organization]\n');
    const person = await cli(['chain', '--graph', BUREAU.graph, '--person', 'nobody', '--lang', 'en']);
    expect(person.code).toBe(1);
    expect(person.stderr).toBe('error: person "nobody" is not in the graph [unknown-person]\n');
  });

  it('usage: --org or --person is needed (unless --mermaid), not both', async () => {
    const neither = await cli(['chain', '--graph', BUREAU.graph]);
    expect(neither.code).toBe(2);
    expect(neither.stderr).toBe('错误：请用 --org 指定党组织或用 --person 指定人员（--mermaid 可不指定，输出全图）\n运行「zerenzhi chain --help」查看用法\n');
    const both = await cli(['chain', '--graph', BUREAU.graph, '--org', 'bureau', '--person', 'p-li-hua']);
    expect(both.code).toBe(2);
    expect(both.stderr.split('\n')[0]).toBe('错误：--org <id> 不能与 --person <id> 同时使用');
    const format = await cli(['chain', '--graph', BUREAU.graph, '--org', 'bureau', '--format', 'xml', '--lang', 'en']);
    expect(format.code).toBe(2);
    expect(format.stderr).toBe("error: invalid value 'xml' for --format <format>; allowed: text, json\nrun 'zerenzhi chain --help' for usage\n");
  });

  it('usage: a flag that would be ignored is refused — --format with --mermaid, --result without it', async () => {
    const mermaidJson = await cli(['chain', '--graph', BUREAU.graph, '--mermaid', '--format', 'json']);
    expect([mermaidJson.code, mermaidJson.stdout, mermaidJson.stderr.split('\n')[0]]).toEqual([2, '', '错误：--mermaid 不能与 --format <format> 同时使用']);
    // the result file is not even looked at: it need not exist for the usage error
    const result = await cli(['chain', '--graph', BUREAU.graph, '--org', 'bureau', '--result', 'no-such.json', '--lang', 'en']);
    expect([result.code, result.stdout, result.stderr]).toEqual([2, '', "error: --result goes with --mermaid only (it marks grades and findings on the chart)\nrun 'zerenzhi chain --help' for usage\n"]);
  });
});
