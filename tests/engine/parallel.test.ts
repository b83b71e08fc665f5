import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assess, assessParallel, parseGraph, readNdjsonSync, ValidationError } from '../../src/index.js';

const dir = new URL('../../examples/bureau-2022/', import.meta.url);
const graphInput = JSON.parse(readFileSync(new URL('graph.json', dir), 'utf8')) as unknown;
const rules = JSON.parse(readFileSync(new URL('rules.json', dir), 'utf8')) as unknown;
const recordsPath = new URL('records.ndjson', dir).pathname;

describe('assessParallel', () => {
  it('gives the single-pass result byte for byte, on 1, 2 and 3 workers', async () => {
    const reference = JSON.stringify(assess({ graph: parseGraph(graphInput), rules, records: readNdjsonSync(readFileSync(recordsPath, 'utf8'), { file: recordsPath }) }));
    for (const workers of [1, 2, 3]) {
      expect(JSON.stringify(await assessParallel({ graph: graphInput, rules, files: [recordsPath], workers }))).toBe(reference);
    }
  }, 60_000);

  it('reports a bad line with its true line number, whichever worker read it', async () => {
    // 473 lines; line 400 is broken: it lies in the second half, read by the second worker.
    const lines = readFileSync(recordsPath, 'utf8').trimEnd().split('\n');
    lines[399] = '{"id":"bad", "type": "theme-day", "organization": "br-office", "date": "2022-02-30"}';
    const path = join(mkdtempSync(join(tmpdir(), 'zrz-')), 'records.ndjson');
    writeFileSync(path, `${lines.join('\n')}\n`);
    const error = await assessParallel({ graph: graphInput, rules, files: [path], workers: 2 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues.map((i) => [i.code, i.line, i.file])).toEqual([['invalid-date', 400, path]]);
  }, 60_000);

  it('this thread reads the first shard: bad lines in both shards come in line order, with their true numbers', async () => {
    // line 10 lies in the first half (read by this thread), line 400 in the second (by the worker)
    const lines = readFileSync(recordsPath, 'utf8').trimEnd().split('\n');
    lines[9] = '{"id":"bad-1", "type": "theme-day", "organization": "br-office", "date": "2022-13-01"}';
    lines[399] = '{"id":"bad-2", "type": "theme-day", "organization": "br-office", "date": "2022-02-30"}';
    const path = join(mkdtempSync(join(tmpdir(), 'zrz-')), 'records.ndjson');
    writeFileSync(path, `${lines.join('\n')}\n`);
    const error = await assessParallel({ graph: graphInput, rules, files: [path], workers: 2 }).catch((e: unknown) => e);
    expect((error as ValidationError).issues.map((i) => [i.code, i.line])).toEqual([['invalid-date', 10], ['invalid-date', 400]]);
    // skipped instead: the same result as one pass that skips them
    const once = assess({ graph: parseGraph(graphInput), rules, records: readNdjsonSync(readFileSync(path, 'utf8'), { file: path }), invalidRecords: 'skip' });
    expect(JSON.stringify(await assessParallel({ graph: graphInput, rules, files: [path], workers: 2, invalidRecords: 'skip' }))).toBe(JSON.stringify(once));
  }, 60_000);

  it('a file this thread cannot read fails the run', async () => {
    const missing = join(mkdtempSync(join(tmpdir(), 'zrz-')), 'missing.csv');
    // the CSV goes whole to the first shard (this thread); the NDJSON's ranges to the others
    await expect(assessParallel({ graph: graphInput, rules, files: [missing, recordsPath], workers: 2 })).rejects.toThrow();
  }, 60_000);
});
