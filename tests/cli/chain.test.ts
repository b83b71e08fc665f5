import { afterAll, describe, expect, it } from 'vitest';
import { chainOf, dutiesOf, parseGraph } from '../../src/index.js';
import { formatChainText, formatDutiesText } from '../../src/report/graph-text.js';
import { toMermaid } from '../../src/report/mermaid.js';
import { BUREAU, assessBureau, cli, example, tempDir } from './helpers.js';
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
    const parsed = JSON.parse(json) as { organizations: { id: string; total: number }[]; people: { id: string; total: number }[] };
    const totals = new Map([...parsed.organizations, ...parsed.people].map((s) => [s.id, s.total]));
    const scored = (name: string, id: string, grade: string): string => `${name}<br/>${grade} ${totals.get(id)}`;
    // Hand-checked against the text chain (`chain --org br-center-2`, below) and the findings:
    // every level's secretary (第一责任: 王建, 丁锐, 任杰) and team linked by their posts, 李华's
    // oversight of the general branch and liaison with the branch; 石磊 (no post on a team)
    // linked by his membership for his finding. Flagged: the serious case at br-center-2 (the
    // branch, 任杰, 姜涛, 李华, 石磊, and the general branch by supervision), the general
    // branch's own supervision failure, 赵磊's dereliction at the bureau — not 刘洋 (n7), whose
    // finding is for formalism at br-business, outside this chart.
    expect(one.stdout).toBe(
      [
        'flowchart TD',
        `  n0["${scored('市某某局党委', 'bureau', '较好')}"]`,
        `  n1["${scored('市某某事业发展中心党总支', 'gb-center', '好')}"]`,
        `  n2["${scored('事业发展中心第二党支部', 'br-center-2', '差')}"]`,
        `  n3(["${scored('陈静', 'p-chen-jing', '称职')}"])`,
        `  n4(["${scored('丁锐', 'p-ding-rui', '好')}"])`,
        '  n5(["姜涛"])',
        `  n6(["${scored('李华', 'p-li-hua', '优秀')}"])`,
        `  n7(["${scored('刘洋', 'p-liu-yang', '称职')}"])`,
        `  n8(["${scored('任杰', 'p-ren-jie', '好')}"])`,
        '  n9(["石磊"])',
        `  n10(["${scored('王建', 'p-wang-jian', '较好')}"])`,
        '  n11(["魏东"])',
        '  n12(["薛琴"])',
        `  n13(["${scored('张敏', 'p-zhang-min', '称职')}"])`,
        `  n14(["${scored('赵磊', 'p-zhao-lei', '基本称职')}"])`,
        '  n0 --> n1',
        '  n1 --> n2',
        '  n10 ---|书记| n0',
        '  n6 ---|副书记| n0',
        '  n3 ---|委员| n0',
        '  n7 ---|委员| n0',
        '  n13 ---|委员| n0',
        '  n14 ---|委员| n0',
        '  n4 ---|书记| n1',
        '  n11 ---|委员| n1',
        '  n12 ---|委员| n1',
        '  n8 ---|书记| n2',
        '  n5 ---|委员| n2',
        '  n6 -.->|分管| n1',
        '  n6 -.->|包抓包联| n2',
        '  n9 ---|党员| n2',
        '  linkStyle 13 stroke-dasharray:6 4',
        '  linkStyle 14 stroke-dasharray:2 3',
        '  classDef flagged fill:#fdd,stroke:#c00',
        '  class n1,n2,n5,n6,n8,n9,n14 flagged',
        '',
      ].join('\n'),
    );
    // The people drawn are the ones the text chain names (and 石磊, for his finding).
    const text = (await cli(['chain', '--graph', BUREAU.graph, '--org', 'br-center-2'])).stdout;
    for (const name of ['任杰', '姜涛', '李华', '丁锐', '魏东', '薛琴', '王建', '陈静', '刘洋', '张敏', '赵磊']) expect(text).toContain(name);
  });

  it('--mermaid --result of another graph is refused, each misfit at its line in the result', async () => {
    const result = tmp.file('bureau-result.json', (await assessBureau()).stdout);
    const university = await cli(['chain', '--graph', example('../university-college/graph.json'), '--mermaid', '--result', result, '--lang', 'en']);
    expect([university.code, university.stdout]).toEqual([1, '']);
    const lines = university.stderr.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^Assessment result: \d+ problems:$/);
    expect(lines[1]).toMatch(/^.*bureau-result\.json:\d+ organizations\[0\]\.id: the result names organization "bureau", which is not in the graph: the result was not assessed on this graph \[result-subject-not-in-graph\]$/);
    // The bureau's graph with 任杰 renamed: the chart would name him otherwise than the result.
    const input = JSON.parse(readFileSync(BUREAU.graph, 'utf8')) as { people: { id: string; name: string }[] };
    for (const p of input.people) if (p.id === 'p-ren-jie') p.name = '任洁';
    const renamed = tmp.file('renamed.json', JSON.stringify(input));
    const run = await cli(['chain', '--graph', renamed, '--org', 'br-center-2', '--mermaid', '--result', result]);
    expect([run.code, run.stdout]).toEqual([1, '']);
    const at = (JSON.parse(readFileSync(result, 'utf8')) as { people: { id: string }[] }).people.findIndex((p) => p.id === 'p-ren-jie');
    expect(run.stderr).toMatch(
      new RegExp(`^评估结果校验未通过，共 1 个问题：\n.*bureau-result\\.json:\\d+ people\\[${at}\\]\\.name: 结果中的人员「p-ren-jie」名称为「任杰」，关系图中为「任洁」：结果不是对这张关系图考核得出的 \\[result-subject-differs\\]\n$`),
    );
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
