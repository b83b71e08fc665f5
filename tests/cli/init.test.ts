import { readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { assess, coverage, lintRuleSet, parseGraph, readNdjsonSync } from '../../src/index.js';
import { starterFiles } from '../../src/cli/init-templates.js';
import { lastEndedYear } from '../../src/cli/commands/init.js';
import { cli, tempDir } from './helpers.js';

const tmp = tempDir('init');
afterAll(() => tmp.cleanup());

describe('zerenzhi init', () => {
  it('writes graph.json, rules.json and records.ndjson into a new directory', async () => {
    const dir = join(tmp.dir, 'new', 'demo');
    const run = await cli(['init', dir, '--year', '2024']);
    expect(run.code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['graph.json', 'records.ndjson', 'rules.json']);
    expect(run.stderr.split('\n')[0]).toBe(`已在 ${dir} 生成 graph.json、rules.json、records.ndjson。试运行：`);
    const files = starterFiles(2024);
    for (const name of ['graph.json', 'rules.json', 'records.ndjson'] as const) expect(readFileSync(join(dir, name), 'utf8')).toBe(files[name]);
  });

  it('the starter assesses cleanly: no warnings, every organization graded, no findings; lint and coverage find nothing', () => {
    const files = starterFiles(2024);
    const graph = parseGraph(JSON.parse(files['graph.json']));
    const rules = JSON.parse(files['rules.json']) as unknown;
    const records = [...readNdjsonSync(files['records.ndjson'])];
    expect(records).toHaveLength(4 + 2 * (12 + 12 + 4));
    const result = assess({ graph, rules, records });
    expect(result.warnings).toEqual([]);
    expect(result.organizations.map((o) => [o.id, o.total, o.grade?.title])).toEqual([
      ['committee', 100, '好'],
      ['branch-1', 100, '好'],
      ['branch-2', 100, '好'],
    ]);
    expect(result.findings).toEqual([]);
    expect(lintRuleSet(rules, graph)).toEqual([]);
    expect(coverage(graph).gaps).toEqual([]);
  });

  it("the year it writes by default is the last one ended in China, whatever the machine's time zone", () => {
    // 31 December 2023 at 15:59:59 UTC is 23:59:59 in Beijing; one second later it is 2024 there
    // (and still 2023 in Los Angeles, already 2024 in Kiritimati since 10:00 UTC).
    expect(lastEndedYear(Date.UTC(2023, 11, 31, 15, 59, 59))).toBe(2022);
    expect(lastEndedYear(Date.UTC(2023, 11, 31, 16, 0, 0))).toBe(2023);
    expect(lastEndedYear(Date.UTC(2024, 0, 1, 0, 0, 0))).toBe(2023);
    expect(lastEndedYear(Date.UTC(2023, 5, 30, 12))).toBe(2022);
  });

  it('is the same for the same year', () => {
    expect(starterFiles(2023)).toEqual(starterFiles(2023));
    expect(starterFiles(2023)['rules.json']).toContain('"year": 2023');
  });

  it('refuses a non-empty directory unless --force', async () => {
    const dir = tmp.path('busy');
    mkdirSync(dir);
    writeFileSync(join(dir, 'notes.txt'), 'x');
    const run = await cli(['init', dir]);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(`目录「${dir}」不是空的；如确需写入（将覆盖同名文件），请加 --force\n`);
    const forced = await cli(['init', dir, '--force', '--lang', 'en']);
    expect(forced.code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['graph.json', 'notes.txt', 'records.ndjson', 'rules.json']);
    expect(forced.stderr.split('\n')[0]).toBe(`wrote graph.json, rules.json and records.ndjson to ${dir}. Try:`);
  });

  it('refuses a file in place of the directory, and a bad year', async () => {
    const file = tmp.file('a-file', 'x');
    const run = await cli(['init', file]);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(`「${file}」已存在且不是目录\n`);
    const year = await cli(['init', tmp.path('y'), '--year', '22']);
    expect(year.code).toBe(2);
    expect(year.stderr.split('\n')[0]).toBe('错误：--year <year> 的取值「22」无效：应为 1900–2999 之间的年份');
  });

  it('the starter runs end to end through the CLI: assess exits 0 with --fail-on findings, lint is clean', async () => {
    const dir = tmp.path('e2e');
    expect((await cli(['init', dir, '--year', '2024'])).code).toBe(0);
    const assessRun = await cli(['assess', '--graph', join(dir, 'graph.json'), '--rules', join(dir, 'rules.json'), '--evidence', join(dir, 'records.ndjson'), '--fail-on', 'findings']);
    expect(assessRun.code).toBe(0);
    expect(assessRun.stderr).toBe('');
    const lint = await cli(['lint', '--rules', join(dir, 'rules.json'), '--graph', join(dir, 'graph.json'), '--strict']);
    expect(lint.code).toBe(0);
  });
});
