import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { kindOfJson } from '../../src/cli/commands/validate.js';
import { BUREAU, CYCLE_GRAPH, cli, csvWithBadDateAtLine5, lineOf, rulesWithUnknownMeasure, tempDir } from './helpers.js';

const tmp = tempDir('validate');
afterAll(() => tmp.cleanup());

describe('zerenzhi validate', () => {
  it('prints one OK line per valid file, telling the kind by content, and exits 0', async () => {
    const run = await cli(['validate', BUREAU.graph, BUREAU.rules, BUREAU.ndjson, BUREAU.csv]);
    expect(run.code).toBe(0);
    expect(run.stdout.trimEnd().split('\n')).toEqual([
      `${BUREAU.graph}：组织关系图有效（9 个党组织，51 人）`,
      `${BUREAU.rules}：考核细则有效（31 项指标）`,
      `${BUREAU.ndjson}：记录有效（473 条）`,
      `${BUREAU.csv}：记录有效（56 条）`,
      '共 4 个文件，0 个未通过校验',
    ]);
    expect(run.stderr).toBe('');
  });

  it('a key given twice in one object is refused at its line, whether the kind is told or found (JSON.parse would keep the last)', async () => {
    const graphText = readFileSync(BUREAU.graph, 'utf8').trimEnd();
    // a second, empty liaison list would drop the first without a word
    const twice = tmp.file('graph-twice.json', `${graphText.slice(0, -1)},\n  "liaison": []\n}\n`);
    const line = graphText.split('\n').length + 1;
    for (const argv of [['validate', twice], ['validate', '--kind', 'graph', twice], ['coverage', '--graph', twice], ['assess', '--graph', twice, '--rules', BUREAU.rules, '--evidence', BUREAU.ndjson]]) {
      const run = await cli(argv);
      expect(run.code, argv.join(' ')).toBe(1);
      expect(`${run.stdout}${run.stderr}`, argv.join(' ')).toContain(`${twice}:${line} liaison: 第 ${line} 行：字段「liaison」在同一个对象中出现了不止一次：JSON 解析只保留最后一个，前面的值会被悄悄丢弃；请删去多余的一个 [duplicate-field]`);
    }
    const rulesText = readFileSync(BUREAU.rules, 'utf8');
    const rulesTwice = tmp.file('rules-twice.json', rulesText.replace('{', '{\n  "id": "other",'));
    const run = await cli(['validate', rulesTwice, '--lang', 'en']);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/:\d+ id: line \d+: field "id" is given more than once in one object/);
  });

  it('lists every problem as file:line path: message [code] and exits 1', async () => {
    const cycle = tmp.file('cycle.json', CYCLE_GRAPH);
    const rulesText = rulesWithUnknownMeasure();
    const rules = tmp.file('rules.json', rulesText);
    const csv = tmp.file('records.csv', csvWithBadDateAtLine5());
    const broken = tmp.file('broken.json', '[\n  {"id": "r1",\n');
    const missing = tmp.path('missing.ndjson');
    const run = await cli(['validate', cycle, rules, csv, broken, missing, BUREAU.graph]);
    expect(run.code).toBe(1);
    expect(run.stdout.trimEnd().split('\n')).toEqual([
      `${cycle}：发现 1 个问题`,
      `${cycle}:3 organizations[0].parent: 组织隶属关系成环：a → b → a [hierarchy-cycle]`,
      `${rules}：发现 1 个问题`,
      `${rules}:${lineOf(rulesText, '"counting"')} indicators[2].measure.type: 未知的计量方式「counting」，可选：count, cadence, window, deadline, ratio, rating, structure, roll-up, manual [unknown-measure-type]`,
      `${csv}：发现 1 个问题`,
      `${csv}:5 date: 日期「2022-02-30」无效：应为真实存在的日历日期，格式 YYYY-MM-DD（中国标准时间，不带时刻和时区） [invalid-date]`,
      `${broken}：发现 1 个问题`,
      `${broken}:3: 第 3 行第 1 列：JSON 语法错误，内容意外结束（括号或引号未闭合？） [invalid-json]`,
      `${missing}：发现 1 个问题`,
      `${missing}: 无法读取文件「${missing}」：文件不存在 [file-unreadable]`,
      `${BUREAU.graph}：组织关系图有效（9 个党组织，51 人）`,
      '共 6 个文件，5 个未通过校验',
    ]);
  });

  it('places problems of a graph at their lines, every one of them, in line order', async () => {
    const text = `{
  "organizations": [
    { "id": "bureau", "name": "局党委", "kind": "committee" },
    { "id": "b1", "name": "一支部", "kind": "brnach", "parent": "bureau" },
    { "id": "b2", "name": "二支部", "kind": "branch", "parent": "nowhere" }
  ],
  "people": [
    { "id": "p1", "name": "张三", "partyMember": true, "age": 40 }
  ],
  "posts": [
    { "person": "p9", "organization": "bureau", "role": "secretary" }
  ]
}
`;
    const graph = tmp.file('graph-many.json', text);
    const run = await cli(['validate', graph, '--kind', 'graph', '--lang', 'en']);
    expect(run.code).toBe(1);
    expect(run.stdout.trimEnd().split('\n')).toEqual([
      `${graph}: 4 problem(s)`,
      `${graph}:4 organizations[1].kind: unknown organization kind "brnach"; allowed: committee, leading-group, general-branch, branch, group [unknown-kind]`,
      `${graph}:5 organizations[2].parent: organization "nowhere" does not exist [missing-organization]`,
      `${graph}:8 people[0].age: unknown field "age" (a typo?) [unknown-field]`,
      `${graph}:11 posts[0].person: person "p9" does not exist [missing-person]`,
    ]);
  });

  it('--kind overrides the content; a file of no known kind asks for --kind', async () => {
    const run = await cli(['validate', BUREAU.coverage]);
    expect(run.code).toBe(1);
    expect(run.stdout.trimEnd().split('\n')[1]).toBe(
      `${BUREAU.coverage}:1: 无法判断文件类型（应为含 organizations 的组织关系图、含 indicators 的考核细则、记录数组/NDJSON/CSV、评估结果或部分状态），请用 --kind 指定 [cli-unknown-file-kind]`,
    );
    const asRules = await cli(['validate', '--kind', 'rules', BUREAU.graph]);
    expect(asRules.code).toBe(1);
    expect(asRules.stdout).toContain('[required]');
  });

  it('reads JSON arrays of records, and standard input', async () => {
    const records = readFileSync(BUREAU.ndjson, 'utf8').trimEnd().split('\n').slice(0, 3).map((l) => JSON.parse(l) as unknown);
    const json = tmp.file('records.json', JSON.stringify(records, null, 2));
    expect((await cli(['validate', json])).stdout).toBe(`${json}：记录有效（3 条）\n`);
    const stdin = await cli(['validate', '-'], { stdin: readFileSync(BUREAU.graph, 'utf8') });
    expect(stdin.code).toBe(0);
    expect(stdin.stdout).toBe('<stdin>：组织关系图有效（9 个党组织，51 人）\n');
  });

  it('tells the kind of a JSON value', () => {
    expect(kindOfJson({ organizations: [] })).toBe('graph');
    expect(kindOfJson({ indicators: [] })).toBe('rules');
    expect(kindOfJson([])).toBe('records');
    expect(kindOfJson({ records: [] })).toBe('records');
    expect(kindOfJson({ other: 1 })).toBeUndefined();
    expect(kindOfJson('text')).toBeUndefined();
  });

  it('needs at least one file', async () => {
    const run = await cli(['validate']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('错误：缺少参数 file\n运行「zerenzhi validate --help」查看用法\n');
  });
});
