// What the system says of a path, in words (not ENOTDIR); standard input named one way; lint in
// the order of its lines.
import { readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { assessBureau, BUREAU, cli, tempDir } from './helpers.js';

const tmp = tempDir('file-errors');
afterAll(() => tmp.cleanup());

describe('system errors in words', () => {
  const plain = tmp.file('plain.json', '{}');
  const underFile = join(plain, 'x.json');
  symlinkSync('loop-b', tmp.path('loop-a'));
  symlinkSync('loop-a', tmp.path('loop-b'));
  const loop = tmp.path('loop-a');
  const long = tmp.path(`${'长'.repeat(100)}.json`);

  it('reading: ENOTDIR, ELOOP and ENAMETOOLONG', async () => {
    const expected: [string, string, string][] = [
      [underFile, '路径中有一段不是目录', 'a part of the path is not a directory'],
      [loop, '符号链接层数过多（链接成环？）', 'too many levels of symbolic links (a loop?)'],
      [long, '文件名过长', 'the file name is too long'],
    ];
    for (const [file, zh, en] of expected) {
      const run = await cli(['validate', '--kind', 'graph', file]);
      expect(run.stdout).toBe(`${file}：发现 1 个问题\n${file}: 无法读取文件「${file}」：${zh} [file-unreadable]\n`);
      const english = await cli(['coverage', '--lang', 'en', '--graph', file]);
      expect(english.stderr).toBe(`Invalid graph: 1 problem:\n${file}: cannot read the file "${file}": ${en} [file-unreadable]\n`);
    }
  });

  it('writing: ENOTDIR, ELOOP and ENAMETOOLONG', async () => {
    const expected: [string, string][] = [
      [underFile, '路径中有一段不是目录'],
      [long, '文件名过长'],
    ];
    for (const [file, zh] of expected) {
      const run = await assessBureau('--out', file);
      expect(run.code).toBe(1);
      expect(run.stderr.trimEnd().split('\n').at(-1)).toBe(`无法写入「${file}」：${zh}`);
    }
    const looped = await assessBureau('--out', loop, '--lang', 'en');
    expect(looped.stderr.trimEnd().split('\n').at(-1)).toBe(`cannot write "${loop}": too many levels of symbolic links (a loop?)`);
  });
});

describe('standard input is <stdin> in every message', () => {
  it('a graph read from -', async () => {
    const run = await cli(['assess', '--graph', '-', '--rules', BUREAU.rules, '--evidence', BUREAU.ndjson], { stdin: '{"organizations":[{"id":"a"}],"people":[],"posts":[]}' });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('组织关系图校验未通过，共 2 个问题：\n<stdin>:1 organizations[0].name: 缺少必填字段「name」 [required]\n<stdin>:1 organizations[0].kind: 缺少必填字段「kind」 [required]\n');
  });

  it('a rule set linted from -', async () => {
    const run = await cli(['lint', '--rules', '-'], { stdin: readFileSync(BUREAU.rules, 'utf8') });
    expect(run.stdout.trimEnd().split('\n').at(-1)).toMatch(/^<stdin>：/);
  });
});

describe('lint lists its findings in the order of their lines', () => {
  it('a ladder problem above the indicators comes first, as validate would list it', async () => {
    const rules = JSON.parse(readFileSync(BUREAU.rules, 'utf8')) as { indicators: { appliesTo: unknown; measure: { recordTypes?: string[] } }[] };
    // an indicator for party groups, which have no ladder (found last, on the ladders line)
    (rules.indicators[2] as { appliesTo: unknown }).appliesTo = { organizations: ['group'] };
    (rules.indicators[3] as { measure: { recordTypes: string[] } }).measure.recordTypes = ['no-such-type'];
    const text = `${JSON.stringify(rules, null, 2)}\n`;
    const file = tmp.file('rules-lint.json', text);
    const run = await cli(['lint', '--rules', file]);
    const placed = run.stdout
      .trimEnd()
      .split('\n')
      .slice(0, -1)
      .map((line) => {
        const match = /^.*:(\d+) \S+ (\S+): .* \[(.+)\]$/.exec(line);
        return [Number(match?.[1]), match?.[2], match?.[3]];
      });
    const lineOf = (needle: string): number => text.slice(0, text.indexOf(needle)).split('\n').length;
    const indicators = lineOf('"indicators"');
    expect(placed).toEqual([
      [lineOf('"ladders"'), 'ladders', 'lint-no-ladder'],
      // (no 党小组书记 among them: a group's leader is a team member)
      [indicators, 'indicators', 'lint-points-not-scale'],
      [indicators, 'indicators', 'lint-points-not-scale'],
      [indicators, 'indicators', 'lint-points-not-scale'],
      [lineOf('"cm-publicity"') - 1, 'indicators[3]', 'lint-unknown-record-type'],
    ]);
  });
});
