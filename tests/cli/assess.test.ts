import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { assessStream, readRecordsFile } from '../../src/index.js';
import { csvFileBeside } from '../../src/cli/write-result.js';
import { toCsv } from '../../src/report/csv.js';
import { BUREAU, CYCLE_GRAPH, assessBureau, cli, csvWithBadDateAtLine5, lineOf, rulesWithUnknownMeasure, tempDir } from './helpers.js';

const tmp = tempDir('assess');
afterAll(() => tmp.cleanup());

const BUREAU_WARNINGS = [
  '警告：记录编号「r-2022-0096」出现内容不同的多个版本，均不计入，请核实 [warning-conflict]',
  '警告：2条记录尚待审核，未计入得分（审核通过后重新运行即可计入） [warning-pending]',
  '警告：1条重复记录（编号与内容相同）只计一次 [warning-duplicates]',
  '警告：6个考核对象缺少业务考核得分，未计算综合得分 [warning-no-business-score]',
];

async function libraryResult(lang: 'zh' | 'en' = 'zh', asOf?: string): Promise<unknown> {
  const graph = JSON.parse(readFileSync(BUREAU.graph, 'utf8')) as unknown;
  const rules = JSON.parse(readFileSync(BUREAU.rules, 'utf8')) as unknown;
  return assessStream({ graph, rules, records: readRecordsFile(BUREAU.ndjson, { lang }), lang, ...(asOf === undefined ? {} : { asOf }) });
}

describe('zerenzhi assess', () => {
  it('writes the result as JSON (2-space indent and a newline), the same as the library, and the warnings on stderr', async () => {
    const run = await assessBureau();
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`${JSON.stringify(await libraryResult(), null, 2)}\n`);
    expect(run.stderr.trimEnd().split('\n')).toEqual(BUREAU_WARNINGS);
  });

  it('reads the evidence from standard input with -, in any format', async () => {
    const fromFile = await assessBureau();
    const ndjson = await cli(['assess', '--graph', BUREAU.graph, '--rules', BUREAU.rules, '--evidence', '-'], { stdin: readFileSync(BUREAU.ndjson, 'utf8') });
    expect(ndjson.code).toBe(0);
    expect(ndjson.stdout).toBe(fromFile.stdout);
    const csv = await cli(['assess', '--graph', BUREAU.graph, '--rules', BUREAU.rules, '--evidence', '-'], { stdin: readFileSync(BUREAU.csv, 'utf8') });
    expect(csv.code).toBe(0);
    expect(JSON.parse(csv.stdout).evidence.received).toBe(56);
  });

  it('--workers 2 reads the files on worker threads with the same output byte for byte', async () => {
    const single = await assessBureau();
    const parallel = await assessBureau('--workers', '2');
    expect(parallel.code).toBe(0);
    expect(parallel.stdout).toBe(single.stdout);
  }, 60_000);

  it('--workers refuses what is not a whole number from 1 to 64 (usage: exit 2)', async () => {
    for (const value of ['0', '65', '1.5', '1e1', '0x2', ' 2', '']) {
      const run = await assessBureau('--workers', value);
      expect(run.code, value).toBe(2);
      expect(run.stderr, value).toContain(`--workers 须为 1–64 的整数，收到「${value}」`);
    }
  });

  it('an option of one value given twice is a usage error naming it (commander kept the last without a word)', async () => {
    const twice = await cli(['assess', '--graph', BUREAU.graph, '--rules', 'no-such.json', '--rules', BUREAU.rules, '--evidence', BUREAU.ndjson]);
    expect([twice.code, twice.stdout, twice.stderr]).toEqual([2, '', '错误：--rules 只能给一次（给了多次时不知该用哪个）\n运行「zerenzhi assess --help」查看用法\n']);
    const joined = await cli(['--lang', 'en', 'assess', '--graph', BUREAU.graph, '--rules', BUREAU.rules, '--evidence', BUREAU.ndjson, '--format=md', '--format', 'json']);
    expect([joined.code, joined.stderr.split('\n')[0]]).toEqual([2, 'error: --format may be given once only (given twice, which one is meant?)']);
    // a global option too, before and after the command
    const lang = await cli(['--lang', 'en', 'assess', '--lang', 'zh', '--graph', BUREAU.graph, '--rules', BUREAU.rules, '--evidence', BUREAU.ndjson]);
    expect(lang.code).toBe(2);
    // options that gather values may repeat, and so may switches (no value to choose between)
    const gathered = await cli(['assess', '--graph', BUREAU.graph, '--rules', BUREAU.rules, '--evidence', BUREAU.ndjson, '--evidence', BUREAU.ndjson, '--skip-invalid', '--skip-invalid']);
    expect(gathered.code).toBe(0);
    // a list given twice kept only the second list: refused too
    const kinds = await cli(['coverage', '--graph', BUREAU.graph, '--require-officer', 'group', '--require-officer', 'committee']);
    expect([kinds.code, kinds.stderr.split('\n')[0]]).toEqual([2, '错误：--require-officer 只能给一次（给了多次时不知该用哪个）']);
  });

  it('reads several --evidence files in turn', async () => {
    const lines = readFileSync(BUREAU.ndjson, 'utf8').trimEnd().split('\n');
    const a = tmp.file('part-a.ndjson', `${lines.slice(0, 200).join('\n')}\n`);
    const b = tmp.file('part-b.ndjson', `${lines.slice(200).join('\n')}\n`);
    const split = await cli(['assess', '--graph', BUREAU.graph, '--rules', BUREAU.rules, '--evidence', a, '--evidence', b]);
    expect(split.code).toBe(0);
    expect(JSON.parse(split.stdout).fingerprint).toBe(JSON.parse((await assessBureau()).stdout).fingerprint);
  });

  it('writes Markdown in the chosen language', async () => {
    const zh = await assessBureau('--format', 'md');
    expect(zh.code).toBe(0);
    expect(zh.stdout.split('\n')[0]).toBe('# 市某某局2022年度基层党建工作责任制考核细则：考核结果');
    expect(zh.stdout).toContain('## 考核细则检查');
    const en = await assessBureau('--format', 'md', '--lang', 'en', '--coverage-options', BUREAU.coverage);
    expect(en.stdout.split('\n')[0]).toBe('# 2022 party-building responsibility assessment of the bureau: assessment result');
    expect(en.stdout).toContain('## Coverage gaps');
    expect(en.stdout).toContain('`coverage-officer-spread-thin`');
    expect(en.stderr).toContain('warning: 2 record(s) are pending review');
  });

  it('writes both CSV sections to stdout, separated by a blank line', async () => {
    const run = await assessBureau('--format', 'csv');
    expect(run.code).toBe(0);
    const csv = toCsv((await libraryResult()) as Parameters<typeof toCsv>[0]);
    expect(run.stdout).toBe(`${csv.lines}\r\n${csv.findings.slice(1)}`);
    expect(run.stdout.startsWith('\uFEFF对象类型,编号,名称')).toBe(true);
  });

  it('with --out, writes the file (and the findings beside a CSV), and says so on stderr', async () => {
    const out = tmp.path('result.csv');
    const run = await assessBureau('--format', 'csv', '--out', out);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('');
    expect(readFileSync(out, 'utf8').startsWith('\uFEFF对象类型')).toBe(true);
    expect(readFileSync(tmp.path('result.findings.csv'), 'utf8').startsWith('\uFEFF编号,规则编号')).toBe(true);
    // A year-end run has no early warnings: only the header, so no earlier run's stays beside it.
    expect(readFileSync(tmp.path('result.early-warnings.csv'), 'utf8')).toBe('\uFEFF规则编号,问责规则,对象类型,对象编号,对象,涉及指标,记录,原因\r\n');
    expect(run.stderr.trimEnd().split('\n').at(-1)).toBe(`已写入 ${out}、${tmp.path('result.findings.csv')}、${tmp.path('result.early-warnings.csv')}`);
    const md = tmp.path('report.md');
    expect((await assessBureau('--format', 'md', '--out', md)).code).toBe(0);
    expect(readFileSync(md, 'utf8').startsWith('# 市某某局')).toBe(true);
  });

  it('--out - is standard output', async () => {
    const run = await assessBureau('--format', 'md', '--out', '-');
    expect(run.code).toBe(0);
    expect(run.stdout.startsWith('# 市某某局')).toBe(true);
    expect(run.stderr).not.toContain('已写入');
  });

  it('names the findings and early-warnings files after the output', () => {
    expect(csvFileBeside('out/result.csv', 'findings')).toBe('out/result.findings.csv');
    expect(csvFileBeside('out/RESULT.CSV', 'findings')).toBe('out/RESULT.findings.csv');
    expect(csvFileBeside('result', 'findings')).toBe('result.findings.csv');
    expect(csvFileBeside('out/result.csv', 'early-warnings')).toBe('out/result.early-warnings.csv');
  });

  it('--fail-on findings exits 3 after writing the result', async () => {
    const run = await assessBureau('--fail-on', 'findings');
    expect(run.code).toBe(3);
    expect(JSON.parse(run.stdout).findings).toHaveLength(13);
    expect(run.stderr.trimEnd().split('\n').at(-1)).toBe('有 13 条问责建议（--fail-on findings），退出码 3');
  });

  it('--fail-on GRADE exits 3 when a subject has the grade, 0 otherwise', async () => {
    const poor = await assessBureau('--fail-on', 'poor');
    expect(poor.code).toBe(3);
    expect(poor.stderr.trimEnd().split('\n').at(-1)).toBe('1 个考核对象被评为「poor」：事业发展中心第二党支部（--fail-on poor），退出码 3');
    expect((await assessBureau('--fail-on', 'incompetent')).code).toBe(0);
  });

  it('--fail-on a grade by its title, in either language, as the report shows it', async () => {
    for (const title of ['差', 'poor']) {
      const run = await assessBureau('--fail-on', title);
      expect(run.code).toBe(3);
      expect(run.stderr).toContain('事业发展中心第二党支部');
    }
    // 不称职 is the title of the people's lowest grade, which nobody got
    expect((await assessBureau('--fail-on', '不称职')).code).toBe(0);
  });

  it('--fail-on with a grade the rule set does not have is a usage error', async () => {
    const run = await assessBureau('--fail-on', 'terrible');
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      '错误：考核细则中没有等次「terrible」，可选：findings 或 good, fairly-good, average, poor, excellent, competent, basically-competent, incompetent, 好, 较好, fairly good, 一般, 差, 优秀, 称职, 基本称职, basically competent, 不称职\n运行「zerenzhi assess --help」查看用法\n',
    );
  });

  it('--as-of assesses a running period; an impossible date is a usage error', async () => {
    const run = await assessBureau('--as-of', '2022-06-30');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).period.asOf).toBe('2022-06-30');
    const bad = await assessBureau('--as-of', '2022-06-31');
    expect(bad.code).toBe(2);
    expect(bad.stderr.split('\n')[0]).toBe('错误：--as-of <date> 的取值「2022-06-31」无效：应为真实存在的日期，格式 YYYY-MM-DD');
  });

  it('--as-of with --format csv: the early warnings as a third table on stdout, and a file of their own', async () => {
    const run = await assessBureau('--as-of', '2022-03-31', '--format', 'csv');
    expect(run.code).toBe(0);
    const csv = toCsv((await libraryResult('zh', '2022-03-31')) as Parameters<typeof toCsv>[0]);
    expect(run.stdout).toBe(`${csv.lines}\r\n${csv.findings.slice(1)}\r\n${csv.earlyWarnings.slice(1)}`);
    // At the end of March nothing is proposed yet: a header, and seven early warnings.
    expect(csv.findings.split('\r\n').length).toBe(2);
    expect(csv.earlyWarnings.split('\r\n').length).toBe(1 + 7 + 1);
    const out = tmp.path('march.csv');
    expect((await assessBureau('--as-of', '2022-03-31', '--format', 'csv', '--out', out)).code).toBe(0);
    expect(readFileSync(tmp.path('march.early-warnings.csv'), 'utf8')).toBe(csv.earlyWarnings);
  });

  it('--previous compares with the previous result', async () => {
    const first = (await assessBureau()).stdout;
    // the result of the period before: 2021's (a result of the same period is refused)
    const earlier = JSON.parse(first) as { period: { start: string; end: string } };
    earlier.period = { start: '2021-01-01', end: '2021-12-31' };
    const previous = tmp.file('previous.json', JSON.stringify(earlier, null, 2));
    const run = await assessBureau('--previous', previous);
    expect(run.code).toBe(0);
    const before = JSON.parse(first).organizations[0];
    expect(JSON.parse(run.stdout).organizations[0].previous).toEqual({ total: before.total, grade: before.grade.id, delta: 0 });
    const notResult = tmp.file('not-result.json', '{\n  "hello": 1\n}\n');
    const bad = await assessBureau('--previous', notResult);
    expect(bad.code).toBe(1);
    // every field it lacks, each at line 1 (none of them is in the file)
    const lacks = (field: string, what: string): string => `${notResult}:1 ${field}: 上期结果不是有效的 zerenzhi 评估结果：${field} ${what} [invalid-previous]\n`;
    expect(bad.stderr).toBe(
      `上期评估结果校验未通过，共 4 个问题：\n${lacks('schemaVersion', '应为 1')}${lacks('organizations', '缺失或不是数组')}${lacks('people', '缺失或不是数组')}${lacks('ruleSet.id', '缺失或不是字符串')}`,
    );
    // a wrong field is placed on its own line
    const laterVersion = tmp.file('v2.json', '{\n  "ruleSet": { "id": "r" },\n  "schemaVersion": 2,\n  "organizations": [],\n  "people": []\n}\n');
    const v2 = await assessBureau('--previous', laterVersion, '--lang', 'en');
    expect(v2.code).toBe(1);
    expect(v2.stderr).toBe(`Previous result: 1 problem:\n${laterVersion}:3 schemaVersion: the previous result is not a zerenzhi assessment result: schemaVersion must be 1 [invalid-previous]\n`);
  });

  it('a graph with a cycle: exit 1, the problem with file, line, path and code', async () => {
    const graph = tmp.file('cycle.json', CYCLE_GRAPH);
    const run = await cli(['assess', '--graph', graph, '--rules', BUREAU.rules, '--evidence', BUREAU.ndjson]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(`组织关系图校验未通过，共 1 个问题：\n${graph}:3 organizations[0].parent: 组织隶属关系成环：a → b → a [hierarchy-cycle]\n`);
  });

  it('a bad graph and a bad rules file: the problems of both at once, exit 1', async () => {
    const graph = tmp.file('cycle-2.json', CYCLE_GRAPH);
    const text = rulesWithUnknownMeasure();
    const rules = tmp.file('rules-bad-2.json', text);
    const run = await cli(['assess', '--graph', graph, '--rules', rules, '--evidence', BUREAU.ndjson]);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      `组织关系图校验未通过，共 1 个问题：\n${graph}:3 organizations[0].parent: 组织隶属关系成环：a → b → a [hierarchy-cycle]\n` +
        `考核细则校验未通过，共 1 个问题：\n${rules}:${lineOf(text, '"counting"')} indicators[2].measure.type: 未知的计量方式「counting」，可选：count, cadence, window, deadline, ratio, rating, structure, roll-up, manual [unknown-measure-type]\n`,
    );
  });

  it('a rules file with an unknown measure type: exit 1, at its line', async () => {
    const text = rulesWithUnknownMeasure();
    const rules = tmp.file('rules-bad.json', text);
    const run = await cli(['assess', '--graph', BUREAU.graph, '--rules', rules, '--evidence', BUREAU.ndjson]);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      `考核细则校验未通过，共 1 个问题：\n${rules}:${lineOf(text, '"counting"')} indicators[2].measure.type: 未知的计量方式「counting」，可选：count, cadence, window, deadline, ratio, rating, structure, roll-up, manual [unknown-measure-type]\n`,
    );
  });

  it('a records CSV with a bad date at line 5: exit 1, naming file, line and field', async () => {
    const csv = tmp.file('records-bad.csv', csvWithBadDateAtLine5());
    const run = await cli(['assess', '--graph', BUREAU.graph, '--rules', BUREAU.rules, '--evidence', csv]);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      `记录校验未通过，共 1 个问题：\n${csv}:5 date: 日期「2022-02-30」无效：应为真实存在的日历日期，格式 YYYY-MM-DD（中国标准时间，不带时刻和时区） [invalid-date]\n`,
    );
  });

  it('--skip-invalid lists the skipped record and goes on; in English with --lang en', async () => {
    const csv = tmp.file('records-bad-2.csv', csvWithBadDateAtLine5());
    const run = await cli(['assess', '--graph', BUREAU.graph, '--rules', BUREAU.rules, '--evidence', csv, '--skip-invalid', '--lang', 'en']);
    expect(run.code).toBe(0);
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines[0]).toBe(
      `skipped: ${csv}:5 date: invalid date "2022-02-30": expected a real calendar date as YYYY-MM-DD (China Standard Time, no time or offset) [invalid-date]`,
    );
    expect(lines).toContain('warning: 1 invalid record(s) skipped [warning-invalid-records]');
    expect(JSON.parse(run.stdout).lang).toBe('en');
  });

  it('a missing file and invalid JSON: exit 1, in English with --lang en', async () => {
    const missing = tmp.path('missing.json');
    const run = await cli(['assess', '--graph', missing, '--rules', BUREAU.rules, '--evidence', BUREAU.ndjson, '--lang', 'en']);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(`Invalid graph: 1 problem:\n${missing}: cannot read the file "${missing}": no such file [file-unreadable]\n`);
    const broken = tmp.file('broken.json', '{\n  "organizations": [\n    { "id": "a", }\n  ]\n}\n');
    const bad = await cli(['assess', '--graph', broken, '--rules', BUREAU.rules, '--evidence', BUREAU.ndjson]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toBe(`组织关系图校验未通过，共 1 个问题：\n${broken}:3: 第 3 行第 18 列「}」：JSON 语法错误，此处不应出现该字符 [invalid-json]\n`);
    const noEvidence = await cli(['assess', '--graph', BUREAU.graph, '--rules', BUREAU.rules, '--evidence', tmp.path('none.ndjson')]);
    expect(noEvidence.code).toBe(1);
    expect(noEvidence.stderr).toBe(`记录校验未通过，共 1 个问题：\n${tmp.path('none.ndjson')}: 无法读取文件「${tmp.path('none.ndjson')}」：文件不存在 [file-unreadable]\n`);
  });

  it('standard input can be read only once', async () => {
    const run = await cli(['assess', '--graph', BUREAU.graph, '--rules', BUREAU.rules, '--evidence', '-', '--evidence', '-']);
    expect(run.code).toBe(2);
    expect(run.stderr.split('\n')[0]).toBe('错误：标准输入（-）只能读取一次');
    // by any two of the inputs: the graph read from it would leave the records nothing
    const graphText = readFileSync(BUREAU.graph, 'utf8');
    for (const argv of [
      ['--graph', '-', '--rules', BUREAU.rules, '--evidence', '-'],
      ['--graph', '-', '--rules', '-', '--evidence', BUREAU.ndjson],
      ['--graph', BUREAU.graph, '--rules', BUREAU.rules, '--evidence', '-', '--previous', '-'],
      ['--graph', BUREAU.graph, '--rules', BUREAU.rules, '--evidence', BUREAU.ndjson, '--format', 'md', '--coverage-options', '-', '--absorb', '-'],
    ]) {
      const twice = await cli(['assess', ...argv], { stdin: graphText });
      expect([twice.code, twice.stderr.split('\n')[0]], argv.join(' ')).toEqual([2, '错误：标准输入（-）只能读取一次']);
    }
    for (const argv of [['lint', '--rules', '-', '--graph', '-'], ['coverage', '--graph', '-', '--options', '-', '--lang', 'en'], ['validate', '-', BUREAU.graph, '-'], ['chain', '--graph', '-', '--mermaid', '--result', '-']]) {
      const twice = await cli(argv, { stdin: graphText });
      expect([twice.code, twice.stderr.split('\n')[0]], argv.join(' ')).toEqual([2, argv.includes('en') ? 'error: standard input (-) can be read only once' : '错误：标准输入（-）只能读取一次']);
    }
  });

  it('an unwritable --out is exit 1 with the reason', async () => {
    const out = tmp.path('no/such/dir/result.json');
    const run = await assessBureau('--out', out);
    expect(run.code).toBe(1);
    expect(run.stderr.trimEnd().split('\n').at(-1)).toBe(`无法写入「${out}」：所在目录不存在`);
  });
});
