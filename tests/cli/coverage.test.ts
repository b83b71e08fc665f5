import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { coverage, parseGraph } from '../../src/index.js';
import { BUREAU, cli, tempDir } from './helpers.js';

const tmp = tempDir('coverage');
afterAll(() => tmp.cleanup());
const graph = parseGraph(JSON.parse(readFileSync(BUREAU.graph, 'utf8')));

describe('zerenzhi coverage', () => {
  it('prints the gaps as text and exits 0 even with gaps', async () => {
    const run = await cli(['coverage', '--graph', BUREAU.graph]);
    expect(run.code).toBe(0);
    expect(run.stdout.trimEnd().split('\n')).toEqual([
      '覆盖情况：9 个党组织，7 个有书记，8 个在班子成员分管范围内；发现 2 处缺口',
      '  - [严重] 离退休干部党支部（br-retired）没有书记 (coverage-no-secretary)',
      '  - [提示] 周婷（p-zhou-ting）同时在 4 个党组织任党务工作者（上限 3），存在配备应付之嫌 (coverage-officer-spread-thin)',
    ]);
  });

  it('takes kinds from the flags and an options file; --format json prints the report', async () => {
    const run = await cli(['coverage', '--graph', BUREAU.graph, '--require-liaison', 'general-branch,branch', '--require-officer', 'branch', '--format', 'json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual(coverage(graph, { liaisonRequiredFor: ['general-branch', 'branch'], officerRequiredFor: ['branch'] }));
    const file = await cli(['coverage', '--graph', BUREAU.graph, '--options', BUREAU.coverage, '--format', 'json', '--lang', 'en']);
    const options = JSON.parse(readFileSync(BUREAU.coverage, 'utf8')) as object;
    expect(JSON.parse(file.stdout)).toEqual(coverage(graph, { ...options, lang: 'en' }));
  });

  it('--fail-on-gaps exits 3 when there are gaps', async () => {
    const run = await cli(['coverage', '--graph', BUREAU.graph, '--fail-on-gaps']);
    expect(run.code).toBe(3);
    expect(run.stderr).toBe('发现 2 处覆盖缺口（--fail-on-gaps），退出码 3\n');
  });

  it('an unknown kind in a flag is a usage error; in the file, invalid input at its line', async () => {
    const flag = await cli(['coverage', '--graph', BUREAU.graph, '--require-liaison', 'branch,brnach']);
    expect(flag.code).toBe(2);
    expect(flag.stderr.split('\n')[0]).toBe('错误：--require-liaison <kinds> 的取值「branch,brnach」无效：可选：general-branch, branch');
    const officer = await cli(['coverage', '--graph', BUREAU.graph, '--require-officer', 'group,grup']);
    expect(officer.code).toBe(2);
    expect(officer.stderr.split('\n')[0]).toBe('错误：--require-officer <kinds> 的取值「group,grup」无效：可选：committee, leading-group, general-branch, branch, group');
    // A liaison contact point is a grassroots organization: no group could ever have a liaison.
    const group = await cli(['coverage', '--graph', BUREAU.graph, '--require-liaison', 'group']);
    expect(group.code).toBe(2);
    const options = tmp.file('coverage.json', '{\n  "liaisonRequiredFor": ["branch", "group"],\n  "maxOfficerPosts": 3\n}\n');
    const file = await cli(['coverage', '--graph', BUREAU.graph, '--options', options]);
    expect(file.code).toBe(1);
    expect(file.stderr).toBe(
      [
        '覆盖检查参数校验未通过，共 2 个问题：',
        `${options}:2 liaisonRequiredFor[1]: 取值「group」无效，可选值：general-branch, branch [invalid-value]`,
        `${options}:3 maxOfficerPosts: 未知字段「maxOfficerPosts」（可能是拼写错误） [unknown-field]`,
        '',
      ].join('\n'),
    );
  });
});
