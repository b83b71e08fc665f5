// validate on a graph with more problems than are listed, and on files whose format is told by
// their content: validate tells it as assess does.
import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { formatOfText } from '../../src/evidence/read-file.js';
import { MAX_NDJSON_LINE_CHARS } from '../../src/evidence/read-ndjson.js';
import { BUREAU, cli, tempDir } from './helpers.js';
import { danglingLiaison } from '../graph/helpers.js';

const tmp = tempDir('validate-detection');
afterAll(() => tmp.cleanup());

/** A graph file with `n` liaison edges to organizations that are not there, on one line. */
function danglingGraph(name: string, n: number): string {
  return tmp.file(name, JSON.stringify(danglingLiaison(n)));
}

describe('validate: a graph with a hundred thousand problems', () => {
  it('125,000 missing references: exit 1 (not 70), the total, the first 10,000 and a last line for the rest', async () => {
    const file = danglingGraph('ref125000.json', 125_000);
    const run = await cli(['validate', file]);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('');
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(10_002);
    expect(lines[0]).toBe(`${file}：发现 125000 个问题`);
    expect(lines[1]).toBe(`${file}:1 liaison[0].organization: 引用的党组织「missing-0」不存在 [missing-organization]`);
    expect(lines[10_000]).toBe(`${file}:1 liaison[9999].organization: 引用的党组织「missing-9999」不存在 [missing-organization]`);
    expect(lines[10_001]).toBe(`${file}: 问题过多，仅列出前10000个（共125000个） [too-many-issues]`);
  });

  it('assess on that graph: exit 1, the total in the summary, the last line too-many-issues, in English', async () => {
    const file = danglingGraph('ref10005.json', 10_005);
    const run = await cli(['assess', '--lang', 'en', '--graph', file, '--rules', BUREAU.rules, '--evidence', BUREAU.ndjson]);
    expect(run.code).toBe(1);
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(10_002);
    expect(lines[0]).toBe('Invalid graph: 10005 problems:');
    expect(lines[10_001]).toBe(`${file}: too many problems: the first 10000 of 10005 are listed [too-many-issues]`);
  });
});

describe('validate tells a format as assess does', () => {
  it('formatOfText: the caps of the streaming reader, on a text in memory', () => {
    const limit = MAX_NDJSON_LINE_CHARS + 1;
    expect(formatOfText('{"id":"r1"}\n{"id":"r2"}\n')).toBe('ndjson');
    expect(formatOfText('{"records":[]}\n')).toBe('json');
    expect(formatOfText('[{"id":"r1"}]')).toBe('json');
    expect(formatOfText('id,type,date\n')).toBe('csv');
    expect(formatOfText('')).toBe('json');
    // a first line too long to be an NDJSON record is a JSON document, whatever it parses as
    expect(formatOfText(`{"id":"${'x'.repeat(limit)}"}\n{"id":"r2"}\n`)).toBe('json');
    expect(formatOfText(`{"id":"${'x'.repeat(limit - 10)}"}\n`)).toBe('ndjson');
    // so is a text blank longer than that before its first character
    expect(formatOfText(`${' '.repeat(limit + 1)}{"id":"r1"}\n`)).toBe('json');
  });

  it('an extensionless file whose first line is over 16 MiB: the same problem from validate and assess', async () => {
    const file = tmp.path('longnoext');
    const long = JSON.stringify({ id: 'r0', type: 't', date: '2022-01-01', title: 'x'.repeat(MAX_NDJSON_LINE_CHARS + 10) });
    writeFileSync(file, `${long}\n${JSON.stringify({ id: 'r1', type: 't', date: '2022-01-01' })}\n`);
    const problem = `${file}:2: 第 2 行第 1 列「{」：JSON 语法错误，JSON 值之后还有多余内容 [invalid-json]`;
    const validate = await cli(['validate', file]);
    expect(validate.code).toBe(1);
    expect(validate.stdout).toBe(`${file}：发现 1 个问题\n${problem}\n`);
    const assess = await cli(['assess', '--graph', BUREAU.graph, '--rules', BUREAU.rules, '--evidence', file]);
    expect(assess.code).toBe(1);
    expect(assess.stderr).toBe(`记录校验未通过，共 1 个问题：\n${problem}\n`);
  }, 60_000);

  it('a graph on one line from standard input (jq -c) is a graph, not NDJSON of one record', async () => {
    const oneLine = JSON.stringify(JSON.parse(readFileSync(BUREAU.graph, 'utf8')));
    const run = await cli(['validate', '-'], { stdin: oneLine });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('<stdin>：组织关系图有效（9 个党组织，51 人）\n');
    // and one record on one line is still records
    const record = await cli(['validate', '-'], { stdin: '{"id":"r1","type":"t","organization":"o","date":"2022-01-01"}\n' });
    expect(record.stdout).toBe('<stdin>：记录有效（1 条）\n');
  });
});
