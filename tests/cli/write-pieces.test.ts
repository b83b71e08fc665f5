// Output in pieces: a province's result is longer than V8's longest string, so the CLI writes it
// a megabyte at a time, waiting for a slow pipe to drain.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writePieces } from '../../src/cli/write-files.js';
import { CliFailure, concatPieces, writeAll, type CliOutput } from '../../src/cli/io.js';
import { gathered } from '../../src/core/json-chunks.js';

const MB = 1 << 20;

describe('gathered', () => {
  it('gathers pieces into writes of about a megabyte, in order, nothing lost', () => {
    // 3,000 pieces of 1,000 characters: 3,000,000 characters, a batch closes once it holds ≥ 1,048,576
    const pieces = Array.from({ length: 3000 }, (_, i) => String(i % 10).repeat(1000));
    const out = [...gathered(pieces)];
    // 1,049 pieces make 1,049,000 ≥ 1,048,576: batches of 1,049, 1,049 and the 902 left
    expect(out.map((b) => b.length)).toEqual([1_049_000, 1_049_000, 902_000]);
    expect(out.join('')).toBe(pieces.join(''));
  });

  it('gives nothing for no pieces, and one batch for a few', () => {
    expect([...gathered([])]).toEqual([]);
    expect([...gathered(['a', 'b'])]).toEqual(['ab']);
    expect([...gathered(concatPieces(['a'], [], ['b', 'c']))]).toEqual(['abc']);
  });
});

describe('writeAll', () => {
  it('waits for drain whenever the stream asks, and writes everything in order', async () => {
    const written: string[] = [];
    let waiting: (() => void) | undefined;
    let drains = 0;
    const out: CliOutput = {
      // asks to wait after every write; drains on the next turn of the event loop
      write: (chunk) => {
        expect(waiting, 'no write while waiting for drain').toBeUndefined();
        written.push(chunk);
        return false;
      },
      once: (_event, listener) => {
        waiting = listener;
        setImmediate(() => {
          drains++;
          waiting = undefined;
          listener();
        });
      },
    };
    const pieces = Array.from({ length: 3 }, (_, i) => String(i).repeat(MB));
    await writeAll(out, pieces);
    expect(written).toEqual(pieces);
    expect(drains).toBe(3);
  });

  it('does not wait on an output without once (a test fake, or one that never asks)', async () => {
    const written: string[] = [];
    await writeAll({ write: (chunk) => void written.push(chunk) }, ['a', 'b']);
    expect(written).toEqual(['ab']);
  });
});

describe('writePieces', () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('writes the pieces to the file, whole', async () => {
    dir = mkdtempSync(join(tmpdir(), 'zz-pieces-'));
    const file = join(dir, 'out.json');
    const pieces = Array.from({ length: 2500 }, (_, i) => `${i}:${'党'.repeat(999)}\n`);
    await writePieces(file, pieces, 'zh');
    expect(readFileSync(file, 'utf8')).toBe(pieces.join(''));
  });

  it('replaces a file that was there, and leaves no temporary file beside it', async () => {
    dir = mkdtempSync(join(tmpdir(), 'zz-pieces-'));
    const file = join(dir, 'out.json');
    writeFileSync(file, 'the old result, longer than the new one');
    await writePieces(file, ['{', '}'], 'zh');
    expect(readFileSync(file, 'utf8')).toBe('{}');
    expect(readdirSync(dir)).toEqual(['out.json']);
  });

  it('when the pieces fail half-way (2 MB written), the file that was there is left as it was, and nothing else', async () => {
    dir = mkdtempSync(join(tmpdir(), 'zz-pieces-'));
    const file = join(dir, 'out.json');
    writeFileSync(file, 'the old result');
    function* failing(): Generator<string> {
      for (let i = 0; i < 2; i++) yield 'x'.repeat(MB);
      throw new RangeError('the serializer gave up');
    }
    await expect(writePieces(file, failing(), 'zh')).rejects.toThrow(new RangeError('the serializer gave up'));
    expect(readFileSync(file, 'utf8')).toBe('the old result');
    expect(readdirSync(dir)).toEqual(['out.json']);
  });

  it('writes a path that is not a regular file (a device) directly', async () => {
    await expect(writePieces('/dev/null', ['x'.repeat(MB), 'y'], 'zh')).resolves.toBeUndefined();
  });

  it('fails with exit code 1 naming the file it cannot open, in Chinese or English', async () => {
    dir = mkdtempSync(join(tmpdir(), 'zz-pieces-'));
    const file = join(dir, 'missing', 'out.json');
    const zh = await writePieces(file, ['x'], 'zh').catch((e: unknown) => e);
    expect(zh).toBeInstanceOf(CliFailure);
    expect((zh as CliFailure).code).toBe(1);
    expect((zh as CliFailure).lines).toEqual([`无法写入「${file}」：所在目录不存在`]);
    const en = await writePieces(file, ['x'], 'en').catch((e: unknown) => e);
    expect((en as CliFailure).lines).toEqual([`cannot write "${file}": no such directory`]);
  });
});
