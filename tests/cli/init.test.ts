import { readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { assess, coverage, lintRuleSet, parseGraph, readNdjsonSync } from '../../src/index.js';
import { DEFAULT_SCHEMA_DIR, starterFiles } from '../../src/cli/init-templates.js';
import { lastEndedYear, schemaDirFor } from '../../src/cli/commands/init.js';
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
    const files = starterFiles(2024, await schemaDirFor(dir));
    for (const name of ['graph.json', 'rules.json', 'records.ndjson'] as const) expect(readFileSync(join(dir, name), 'utf8')).toBe(files[name]);
  });

  it('the starter assesses organizations and people: hand-checked scores, grades and verdicts; no warnings; lint and coverage find nothing', () => {
    const files = starterFiles(2024);
    const graph = parseGraph(JSON.parse(files['graph.json']));
    const rules = JSON.parse(files['rules.json']) as unknown;
    const records = [...readNdjsonSync(files['records.ndjson'])];
    // 4 topic meetings; branch 1: 12 committee meetings, 12 theme days, 4 assemblies, 4 classes;
    // branch 2 the same but no theme day in July and August, no class in the third quarter; 4 visits by 李红.
    expect(records).toHaveLength(4 + (12 + 12 + 4 + 4) + (12 + 10 + 4 + 3) + 4);
    const result = assess({ graph, rules, records });
    expect(result.warnings).toEqual([]);
    // Branch 2: 30 + 20 + (20 − 5) + (30 − 2 × 5) = 85. The committee: 40 + 60 × (100 + 85) / 200 = 95.5.
    expect(result.organizations.map((o) => [o.id, o.total, o.grade?.title])).toEqual([
      ['committee', 95.5, '好'],
      ['branch-1', 100, '好'],
      ['branch-2', 85, '较好'],
    ]);
    const branch2 = result.organizations.find((o) => o.id === 'branch-2')!;
    expect(branch2.lines.filter((l) => l.status !== 'met').map((l) => [l.indicator, l.shortfalls, l.points, l.max])).toEqual([
      ['br-party-class', 1, 15, 20],
      ['br-theme-day', 2, 20, 30],
    ]);
    expect(branch2.lines.find((l) => l.indicator === 'br-theme-day')?.explanation).toBe(
      '主题党日每月开展：要求每月至少1次；已到期12个月中10个月达到，缺2个月：2024年7月、2024年8月；缺2次，每次扣5分，扣10分，得20分',
    );
    // Secretaries: 70 × their organization's result + 30 for a class of their own (张明 gave 七一 class at
    // branch 1); leaders: 60 × the branch they oversee + 40 for a visit every quarter (王伟 made none).
    // 张明 70 × 95.5% + 30 = 96.85; 钱芳 70 × 85% + 30 = 89.5; 王伟 60 × 85% + 0 = 51, and with no
    // visit on record from a source declared complete, 失职.
    expect(result.people.map((p) => [p.name, p.total, p.grade?.title, p.verdict])).toEqual([
      ['李红', 100, '好', 'fulfilled'],
      ['钱芳', 89.5, '较好', 'fulfilled'],
      ['王伟', 51, '差', 'derelict'],
      ['张明', 96.85, '好', 'fulfilled'],
      ['赵刚', 100, '好', 'fulfilled'],
    ]);
    // 第二党支部 missed two theme days: its secretary (第一责任) and its overseer (一岗双责) are
    // criticized; 王伟, judged derelict, is circulated.
    expect(result.findings.map((f) => [f.id, f.liability, f.basis, f.form.title])).toEqual([
      ['theme-day-missed:o:branch-2>p:p-qian', 'principal-leadership', 'first', '批评教育'],
      ['theme-day-missed:o:branch-2>p:p-wang-wei', 'principal-leadership', 'dual', '批评教育'],
      ['derelict:p:p-wang-wei>p:p-wang-wei', 'direct', 'direct', '通报批评'],
    ]);
    expect(lintRuleSet(rules, graph)).toEqual([]);
    expect(coverage(graph).gaps).toEqual([]);
  });

  it('keeps the rule set id fixed from year to year, with the year in version and period, and points $schema at the shipped schemas', () => {
    const [a, b] = [2023, 2024].map((year) => JSON.parse(starterFiles(year)['rules.json']) as { $schema: string; id: string; version: string; period: unknown });
    expect([a!.id, a!.version, a!.period]).toEqual(['starter-annual', '2023.1', { year: 2023 }]);
    expect([b!.id, b!.version, b!.period]).toEqual(['starter-annual', '2024.1', { year: 2024 }]);
    expect(a!.$schema).toBe('./node_modules/zerenzhi/schemas/rules.schema.json');
    expect(DEFAULT_SCHEMA_DIR).toBe('./node_modules/zerenzhi/schemas');
    expect((JSON.parse(starterFiles(2024, '../node_modules/zerenzhi/schemas')['graph.json']) as { $schema: string }).$schema).toBe('../node_modules/zerenzhi/schemas/graph.schema.json');
    // The shipped schemas accept the $schema line (and the files themselves).
    for (const name of ['rules', 'graph'] as const) {
      const schema = JSON.parse(readFileSync(new URL(`../../schemas/${name}.schema.json`, import.meta.url), 'utf8')) as { properties: Record<string, unknown> };
      expect(schema.properties['$schema']).toEqual({ type: 'string' });
    }
  });

  it('points $schema at the installed package, relative to the starter: the nearest node_modules above it, else the current folder', async () => {
    const project = tmp.path('project');
    mkdirSync(join(project, 'node_modules', 'zerenzhi', 'schemas'), { recursive: true });
    writeFileSync(join(project, 'node_modules', 'zerenzhi', 'schemas', 'rules.schema.json'), '{}');
    expect(await schemaDirFor('.', project)).toBe('./node_modules/zerenzhi/schemas');
    expect(await schemaDirFor('my-rules', project)).toBe('../node_modules/zerenzhi/schemas');
    expect(await schemaDirFor(join(project, 'a', 'b'), tmp.dir)).toBe('../../node_modules/zerenzhi/schemas');
    // Nothing installed yet (npx): where `npm install zerenzhi` in the current folder will put it.
    const bare = tmp.path('bare');
    mkdirSync(bare);
    expect(await schemaDirFor('rules', bare)).toBe('../node_modules/zerenzhi/schemas');
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
    expect(starterFiles(2023)['records.ndjson']).not.toContain('2024-');
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

  it('the starter runs end to end through the CLI: validate and lint are clean, the report shows people, a shortfall and findings', async () => {
    const dir = tmp.path('e2e');
    expect((await cli(['init', dir, '--year', '2024'])).code).toBe(0);
    const [graph, rules, records] = ['graph.json', 'rules.json', 'records.ndjson'].map((name) => join(dir, name)) as [string, string, string];
    const validate = await cli(['validate', graph, rules, records]);
    expect(validate.code).toBe(0);
    expect(validate.stdout).toContain('共 3 个文件，0 个未通过校验');
    const lint = await cli(['lint', '--rules', rules, '--graph', graph, '--strict']);
    expect(lint.code).toBe(0);
    const md = await cli(['assess', '--graph', graph, '--rules', rules, '--evidence', records, '--format', 'md']);
    expect(md.code).toBe(0);
    expect(md.stderr).toBe('');
    for (const line of [
      '- 考核细则：starter-annual（版本 2024.1）',
      '- 考核对象：3 个党组织、5 人',
      '问责建议 3 条（党组织 0 条，个人 3 条）',
      '| 第二党支部 | 党支部 | 85 | 较好 | — |',
      '| 王伟 | 示例单位党委委员 | 51 | 差 | 失职（不抓党建） |',
      '| 主题党日每月开展 | 主体责任 | 20 | 30 | 未达标 | 要求每月至少1次；已到期12个月中10个月达到，缺2个月：2024年7月、2024年8月；缺2次，每次扣5分，扣10分，得20分 |',
      '### 1. 主题党日缺2个月以上 — 第二党支部',
      '| 钱芳（个人） | 主要领导责任 | 第一责任 | 批评教育 | 第二党支部（第一责任） | — | — | 拟提出 |',
      '| 王伟（个人） | 主要领导责任 | 一岗双责 | 批评教育 | 第二党支部（一岗双责） | — | — | 拟提出 |',
      '### 2. 不抓党建工作是失职 — 王伟',
      '考核细则检查未发现问题。',
      '没有数据提示。',
    ]) expect(md.stdout.split('\n')).toContain(line);
    // The starter has findings on purpose: --fail-on findings says so with exit code 3.
    const failOn = await cli(['assess', '--graph', graph, '--rules', rules, '--evidence', records, '--fail-on', 'findings']);
    expect(failOn.code).toBe(3);
  });
});
