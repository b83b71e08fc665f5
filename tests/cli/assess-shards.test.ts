import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { jsonSyntaxError } from '../../src/cli/locate.js';
import { BUREAU, assessBureau, cli, tempDir } from './helpers.js';

// An assessment split across machines from the command line: each shard writes its partial
// state with --snapshot, the place where they meet merges them with --absorb, and the output is
// that of one run over every record, byte for byte.
const tmp = tempDir('shards');
afterAll(() => tmp.cleanup());

const base = ['assess', '--graph', BUREAU.graph, '--rules', BUREAU.rules];
const lines = readFileSync(BUREAU.ndjson, 'utf8').trimEnd().split('\n');
const third = Math.floor(lines.length / 3);
const parts = [lines.slice(0, third), lines.slice(third, 2 * third), lines.slice(2 * third)].map((part, i) => tmp.file(`part-${i}.ndjson`, `${part.join('\n')}\n`));

async function snapshot(name: string, ...args: string[]): Promise<string> {
  const out = tmp.path(name);
  const run = await cli([...base, ...args, '--snapshot', out]);
  expect(run.code, run.stderr).toBe(0);
  expect(run.stdout).toBe('');
  expect(run.stderr.trimEnd().split('\n').at(-1)).toBe(`已写入 ${out}`);
  return out;
}

describe('zerenzhi assess --snapshot / --absorb', () => {
  it('three shards snapshotted and absorbed give one run\'s JSON, warnings and exit code', async () => {
    const single = await assessBureau();
    const files = [];
    for (const [i, part] of parts.entries()) files.push(await snapshot(`p${i}.json`, '--evidence', part));
    const merged = await cli([...base, ...files.flatMap((f) => ['--absorb', f])]);
    expect(merged.code).toBe(0);
    expect(merged.stdout).toBe(single.stdout);
    expect(merged.stderr).toBe(single.stderr);
    // A snapshot is one line of JSON: a partial state of the engine's format.
    const text = readFileSync(files[0] as string, 'utf8');
    expect(text.endsWith('}\n')).toBe(true);
    expect(text.trimEnd().includes('\n')).toBe(false);
    expect(JSON.parse(text).format).toBe('zerenzhi-partial/2');
  });

  it('merges in a tree, mixes partial states with records, and writes Markdown and CSV the same', async () => {
    const [a, b] = [await snapshot('a.json', '--evidence', parts[0] as string), await snapshot('b.json', '--evidence', parts[1] as string)];
    // a and b merged and passed on, then merged with the last part read as records.
    const ab = await snapshot('ab.json', '--absorb', a, '--absorb', b);
    for (const format of ['json', 'md', 'csv']) {
      const single = await assessBureau('--format', format);
      const merged = await cli([...base, '--absorb', ab, '--evidence', parts[2] as string, '--format', format]);
      expect(merged.code, format).toBe(0);
      expect(merged.stdout, format).toBe(single.stdout);
    }
  });

  it('conflicts across shards, found by a merge in the tree or by records read after it, give one run\'s output', async () => {
    // Thirty records get a second version (a changed title) in another file: neither version
    // counts, as in one run over both files.
    const revised = lines.slice(100, 130).map((line) => JSON.stringify({ ...(JSON.parse(line) as object), title: '修订' }));
    const second = tmp.file('revised.ndjson', `${revised.join('\n')}\n`);
    const both = tmp.file('both.ndjson', `${[...lines, ...revised].join('\n')}\n`);
    const single = await cli([...base, '--evidence', both]);
    expect(single.code).toBe(0);
    expect(JSON.parse(single.stdout).evidence.conflicts).toBe(31);
    const [all, other] = [await snapshot('all.json', '--evidence', BUREAU.ndjson), await snapshot('revised.json', '--evidence', second)];
    const tree = await snapshot('tree.json', '--absorb', all, '--absorb', other);
    const merged = await cli([...base, '--absorb', tree]);
    expect(merged.stdout).toBe(single.stdout);
    expect(merged.stderr).toBe(single.stderr);
    const after = await cli([...base, '--absorb', all, '--evidence', second]);
    expect(after.stdout).toBe(single.stdout);
    expect(after.stderr).toBe(single.stderr);
  });

  it('reads a partial state from standard input and writes one to standard output', async () => {
    const shard = await cli([...base, '--evidence', parts[0] as string, '--snapshot', '-']);
    expect(shard.code).toBe(0);
    const rest = await snapshot('rest.json', '--evidence', parts[1] as string, '--evidence', parts[2] as string);
    const merged = await cli([...base, '--absorb', '-', '--absorb', rest], { stdin: shard.stdout });
    expect(merged.code).toBe(0);
    expect(merged.stdout).toBe((await assessBureau()).stdout);
  });

  it('a shard with an invalid record fails as a whole run does, unless --skip-invalid', async () => {
    const bad = tmp.file('bad.ndjson', `${lines[0]}\n{"id":"x","type":"t","organization":"o","date":"2022-13-01"}\n`);
    const failed = await cli([...base, '--evidence', bad, '--snapshot', tmp.path('bad.json')]);
    const whole = await cli([...base, '--evidence', bad]);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toBe(whole.stderr);
    expect(() => readFileSync(tmp.path('bad.json'))).toThrow();
    const skipped = await cli([...base, '--evidence', bad, '--skip-invalid', '--snapshot', tmp.path('skipped.json')]);
    expect(skipped.code).toBe(0);
    const merged = await cli([...base, '--absorb', tmp.path('skipped.json'), '--skip-invalid']);
    const once = await cli([...base, '--evidence', bad, '--skip-invalid']);
    expect(merged.stdout).toBe(once.stdout);
    // and the skipped record is listed where the shards meet, as one pass lists it
    expect(merged.stderr).toBe(once.stderr);
    expect(merged.stderr).toContain(`已跳过：${bad}:2`);
  });

  it("--absorb with --skip-invalid lists every shard's skipped records, then the files", async () => {
    const badLine = (id: string): string => JSON.stringify({ id, type: 't', organization: 'o', date: '2022-13-01' });
    const a = tmp.file('skip-a.ndjson', `${lines[0]}\n${badLine('xa')}\n`);
    const b = tmp.file('skip-b.ndjson', `${badLine('xb')}\n${lines[1]}\n`);
    const c = tmp.file('skip-c.ndjson', `${lines[2]}\n${badLine('xc')}\n`);
    for (const [name, file] of [['sa.json', a], ['sb.json', b]] as const) {
      expect((await cli([...base, '--evidence', file, '--skip-invalid', '--snapshot', tmp.path(name)])).code).toBe(0);
    }
    const merged = await cli([...base, '--absorb', tmp.path('sa.json'), '--absorb', tmp.path('sb.json'), '--evidence', c, '--skip-invalid', '--lang', 'en']);
    const once = await cli([...base, '--evidence', a, '--evidence', b, '--evidence', c, '--skip-invalid', '--lang', 'en']);
    expect(merged.code).toBe(0);
    expect(merged.stdout).toBe(once.stdout);
    const skippedLines = (text: string): string[] => text.split('\n').filter((line) => line.startsWith('skipped: '));
    expect(skippedLines(merged.stderr).map((line) => line.split(' ')[1])).toEqual([`${a}:2`, `${b}:1`, `${c}:2`]);
    expect(skippedLines(merged.stderr)).toEqual(skippedLines(once.stderr));
  });

  it('a partial state cut short, or missing, stops with exit 1 naming the file and the place', async () => {
    const whole = readFileSync(await snapshot('whole.json', '--evidence', parts[0] as string), 'utf8');
    const cut = tmp.file('cut.json', whole.slice(0, 1000));
    const run = await cli([...base, '--absorb', cut]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(cut);
    // Where a scan of the whole text puts the problem (the string the cut ended in, at its quote).
    const at = jsonSyntaxError(whole.slice(0, 1000));
    expect(at?.problem).toBe('unterminated-string');
    expect(run.stderr).toContain(`${cut}:${at?.line}: 第 ${at?.line} 行第 ${at?.column} 列「"」：JSON 语法错误，字符串缺少结束引号 [invalid-json]`);
    const missing = await cli([...base, '--absorb', tmp.path('nowhere.json'), '--lang', 'en']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain(`cannot read the file "${tmp.path('nowhere.json')}"`);
    // Valid JSON that is not a partial state: absorb lists what is wrong with its path.
    const other = await cli([...base, '--absorb', BUREAU.rules]);
    expect(other.code).toBe(1);
  });

  it('among several shards, a partial state that cannot be merged is named with each of its problems', async () => {
    const good = await snapshot('good.json', '--evidence', parts[0] as string);
    const asOf = await snapshot('as-of.json', '--evidence', parts[1] as string, '--as-of', '2022-06-30');
    const mismatch = await cli([...base, '--absorb', good, '--absorb', asOf, '--lang', 'en']);
    expect(mismatch.code).toBe(1);
    expect(mismatch.stderr).toContain(`${asOf}: the partial state belongs to another assessment`);
    expect(mismatch.stderr).not.toContain(`${good}:`);
    // A partial state edited by hand: every problem of the check, each with the file.
    const edited = JSON.parse(readFileSync(good, 'utf8')) as { occurrences: number; skipped: number; issueCount: number };
    const broken = tmp.file('edited.json', JSON.stringify({ ...edited, occurrences: -1, skipped: edited.issueCount + 1 }));
    const checked = await cli([...base, '--absorb', good, '--absorb', broken]);
    expect(checked.code).toBe(1);
    const problems = checked.stderr.split('\n').filter((line) => line.includes('[partial') || line.includes('[too-small') || line.includes('[invalid-type'));
    expect(problems.length).toBeGreaterThan(0);
    for (const line of problems) expect(line.startsWith(`${broken} `)).toBe(true);
  });

  it('refuses what cannot go together (usage: exit 2)', async () => {
    const cases: [string[], string][] = [
      [[], '请至少给出一个 --evidence（记录文件）或 --absorb（部分状态文件）'],
      [['--evidence', BUREAU.ndjson, '--snapshot', 'x.json', '--out', 'y.json'], '--out 作用于评估结果'],
      [['--evidence', BUREAU.ndjson, '--snapshot', 'x.json', '--fail-on', 'findings'], '--fail-on 作用于评估结果'],
      [['--evidence', BUREAU.ndjson, '--snapshot', 'x.json', '--previous', 'p.json'], '--previous 作用于评估结果'],
      [['--evidence', BUREAU.ndjson, '--snapshot', 'x.json', '--workers', '2'], '--workers 不能与 --snapshot、--absorb 同时使用'],
      [['--absorb', '-', '--evidence', '-'], '标准输入（-）只能读取一次'],
      [['--evidence', BUREAU.ndjson, '--snapshot', 'x.json', '--format', 'md'], '--snapshot <file> 不能与 --format <format> 同时使用'],
    ];
    for (const [args, message] of cases) {
      const run = await cli([...base, ...args]);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr, args.join(' ')).toContain(message);
    }
  });
});
