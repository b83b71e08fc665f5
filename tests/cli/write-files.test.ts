// Files written together are written all or none (a CSV report and its findings, init's three
// files); a file written through a symbolic link stays behind the link and keeps its permissions.
import { lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, statSync, symlinkSync, writeFileSync, chmodSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CliFailure } from '../../src/cli/io.js';
import { writeFiles, writePieces } from '../../src/cli/write-files.js';
import { assessBureau, cli, tempDir } from './helpers.js';

let tmp: ReturnType<typeof tempDir> | undefined;
const fresh = (prefix: string): ReturnType<typeof tempDir> => (tmp = tempDir(prefix));
afterEach(() => tmp?.cleanup());

describe('writeFiles: all or none', () => {
  it('when the second cannot be written, the first is not replaced and no temporary file is left', async () => {
    const { file, path, dir } = fresh('write-files');
    const first = file('a.json', 'old a');
    const second = path('b.json');
    mkdirSync(second);
    const failure = await writeFiles([{ file: first, pieces: ['new a'] }, { file: second, pieces: ['new b'] }], 'en').catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(CliFailure);
    expect((failure as CliFailure).code).toBe(1);
    expect((failure as CliFailure).lines).toEqual([`cannot write "${second}": it is a directory`]);
    expect(readFileSync(first, 'utf8')).toBe('old a');
    expect(readdirSync(dir).sort()).toEqual(['a.json', 'b.json']);
  });

  it('when the pieces of the second fail half-way, neither file is written', async () => {
    const { path, dir } = fresh('write-files');
    function* failing(): Generator<string> {
      yield 'half';
      throw new RangeError('the serializer gave up');
    }
    await expect(writeFiles([{ file: path('a.csv'), pieces: ['a'] }, { file: path('b.csv'), pieces: failing() }], 'zh')).rejects.toThrow(new RangeError('the serializer gave up'));
    expect(readdirSync(dir)).toEqual([]);
  });

  it('assess --format csv: a findings file that cannot be written leaves no report beside it (exit 1)', async () => {
    const { path, dir } = fresh('write-files');
    const out = path('result.csv');
    mkdirSync(path('result.findings.csv'));
    const run = await assessBureau('--format', 'csv', '--out', out);
    expect(run.code).toBe(1);
    expect(run.stderr.trimEnd().split('\n').at(-1)).toBe(`无法写入「${path('result.findings.csv')}」：这是一个目录`);
    expect(readdirSync(dir)).toEqual(['result.findings.csv']);
  });

  it('assess --format csv: all three written, and said in one line', async () => {
    const { path, dir } = fresh('write-files');
    const run = await assessBureau('--format', 'csv', '--out', path('result.csv'));
    expect(run.code).toBe(0);
    expect(run.stderr.trimEnd().split('\n').at(-1)).toBe(`已写入 ${path('result.csv')}、${path('result.findings.csv')}、${path('result.early-warnings.csv')}`);
    expect(readdirSync(dir).sort()).toEqual(['result.csv', 'result.early-warnings.csv', 'result.findings.csv']);
  });

  it('init: a starter file that cannot be written leaves the others as they were (exit 1)', async () => {
    const { file, path, dir } = fresh('init-all');
    file('graph.json', 'my own graph');
    mkdirSync(path('records.ndjson'));
    const run = await cli(['init', dir, '--force']);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(`无法写入「${join(dir, 'records.ndjson')}」：这是一个目录\n`);
    expect(readFileSync(path('graph.json'), 'utf8')).toBe('my own graph');
    expect(readdirSync(dir).sort()).toEqual(['graph.json', 'records.ndjson']);
  });
});

describe('writePieces through a symbolic link, keeping the permissions', () => {
  it('--out a link: the file it points to is written, the link stays a link', async () => {
    const { file, path } = fresh('write-link');
    const real = file('real.json', 'old');
    chmodSync(real, 0o640);
    const link = path('link.json');
    symlinkSync('real.json', link);
    const run = await assessBureau('--out', link);
    expect(run.code).toBe(0);
    expect(run.stderr.trimEnd().split('\n').at(-1)).toBe(`已写入 ${link}`);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readlinkSync(link)).toBe('real.json');
    expect(JSON.parse(readFileSync(real, 'utf8'))).toMatchObject({ schemaVersion: 1 });
    expect(statSync(real).mode & 0o777).toBe(0o640);
    expect(readdirSync(path('.')).sort()).toEqual(['link.json', 'real.json']);
  });

  it('a link into another folder: the temporary file is made there, and renamed over the file', async () => {
    const { path } = fresh('write-link');
    mkdirSync(path('store'));
    writeFileSync(path('store/result.json'), 'old');
    symlinkSync(path('store/result.json'), path('result.json'));
    await writePieces(path('result.json'), ['{', '}'], 'zh');
    expect(readFileSync(path('store/result.json'), 'utf8')).toBe('{}');
    expect(lstatSync(path('result.json')).isSymbolicLink()).toBe(true);
    expect(readdirSync(path('store'))).toEqual(['result.json']);
  });

  it('a plain file keeps its mode (a report only its owner may read stays so)', async () => {
    const { file } = fresh('write-mode');
    const out = file('out.json', 'old');
    chmodSync(out, 0o600);
    await writePieces(out, ['new'], 'zh');
    expect(readFileSync(out, 'utf8')).toBe('new');
    expect(statSync(out).mode & 0o777).toBe(0o600);
  });

  it('a link to nothing: written through, making the file it names', async () => {
    const { path } = fresh('write-link');
    symlinkSync('made.json', path('link.json'));
    await writePieces(path('link.json'), ['x'], 'zh');
    expect(lstatSync(path('link.json')).isSymbolicLink()).toBe(true);
    expect(readFileSync(path('made.json'), 'utf8')).toBe('x');
  });
});
