import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assess, assessParallel, assessStream, isColumnProblem, openAssessment, parseGraph, readCsvSync, readJsonArray, readNdjsonSync, readRecordsFile, ValidationError, type ReaderItem } from '../../src/index.js';
import { thrown } from './assess/helpers.js';

// Skipping invalid records skips single records; an input the reader could not read to its end
// (the rest of it never read) is never skipped: a score on part of the evidence, said nowhere,
// is what the option must not give.

const dir = new URL('../../examples/bureau-2022/', import.meta.url);
const graphInput = JSON.parse(readFileSync(new URL('graph.json', dir), 'utf8')) as unknown;
const graph = parseGraph(graphInput);
const rules = JSON.parse(readFileSync(new URL('rules.json', dir), 'utf8')) as unknown;
const ndjsonPath = new URL('records.ndjson', dir).pathname;
const ndjson = readFileSync(ndjsonPath, 'utf8');
const csv = readFileSync(new URL('records.csv', dir), 'utf8');

const codes = (error: ValidationError): [string, number | undefined][] => error.issues.map((i) => [i.code, i.line]);

describe('problems that end a read', () => {
  it('the readers mark them stopped, and only them', () => {
    const stopped = (items: Iterable<ReaderItem>): [string, boolean][] => [...items].flatMap((i) => (i.kind === 'issue' ? [[i.issue.code, i.stopped === true] as [string, boolean]] : []));
    // a CSV without its id column: no record can be read
    expect(stopped(readCsvSync(csv.replace('编号,', '编码,')))).toEqual([
      ['unknown-column', false],
      ['missing-column', true],
    ]);
    // a quote never closed: the rest of the file is one unreadable cell
    const lines = csv.split('\n');
    lines[3] = `"${lines[3] as string}`;
    expect(stopped(readCsvSync(lines.join('\n')))).toEqual([['invalid-csv', true]]);
    // a JSON document that does not parse, or holds no records
    expect(stopped(readJsonArray('[{"id": "r1"},'))).toEqual([['invalid-json', true]]);
    expect(stopped(readJsonArray('{"organizations": []}'))).toEqual([['json-not-records', true]]);
    // a line of NDJSON that is not JSON loses that line only
    expect(stopped(readNdjsonSync('{"id": oops}\n{"id":"r2"}\n'))).toEqual([['invalid-json', false]]);
  });

  it('skipping invalid records does not skip them: the run stops, the problem listed after what it means', () => {
    const broken = readCsvSync(csv.replace('编号,', '编码,'), { file: 'records.csv' });
    const error = thrown(() => assess({ graph, rules, records: broken, invalidRecords: 'skip' }));
    expect(error.subject).toBe('records');
    // the renamed header is an unknown column too: its data would be dropped from every row
    expect(codes(error)).toEqual([
      ['read-stopped', undefined],
      ['columns-dropped', undefined],
      ['unknown-column', 1],
      ['missing-column', 1],
    ]);
    expect(error.issues[0]?.message).toMatch(/^有 1 处问题使输入文件未能读完/);
    expect(error.issues[1]?.message).toMatch(/^有 1 处列的问题使该列的数据在所有记录中被忽略/);
    const english = thrown(() => assess({ graph, rules, records: readJsonArray('[{', { file: 'r.json' }), invalidRecords: 'skip', lang: 'en' }));
    expect(english.issues[0]?.message).toMatch(/^1 problem\(s\) ended the reading of an input/);
    expect(english.issues[1]).toMatchObject({ code: 'invalid-json', file: 'r.json', line: 1 });
  });

  it('a column problem is not skipped either: an unknown, repeated or unnamed column, or an unknown type, drops that column from every row', () => {
    // 完成日期 misspelt: every record loses its completion date, and no row says so.
    const misspelt = csv.replace('完成日期', '完成时间');
    const error = thrown(() => assess({ graph, rules, records: readCsvSync(misspelt, { file: 'records.csv' }), invalidRecords: 'skip', lang: 'en' }));
    expect(error.issues.map((i) => [i.code, i.file, i.line])).toEqual([
      ['columns-dropped', undefined, undefined],
      ['unknown-column', 'records.csv', 1],
    ]);
    expect(error.issues[0]?.message).toMatch(/^1 column problem\(s\) dropped a column's data from every record/);
    // the readers do not mark it stopped: the rows after it are read (validate lists their problems)
    expect([...readCsvSync(misspelt)].filter((i) => i.kind === 'issue').map((i) => [i.kind === 'issue' && i.issue.code, i.kind === 'issue' && i.stopped === true])).toEqual([['unknown-column', false]]);
    expect(isColumnProblem({ code: 'unknown-column' })).toBe(true);
    expect(isColumnProblem({ code: 'invalid-date' })).toBe(false);
    for (const nothing of [null, undefined, 'unknown-column']) expect(isColumnProblem(nothing as never)).toBe(false);
    // a partial state is not written with it, in either mode
    for (const invalidRecords of ['skip', 'error'] as const) {
      const session = openAssessment({ graph, rules, invalidRecords });
      for (const item of readCsvSync(misspelt)) session.add(item);
      expect(codes(thrown(() => session.snapshot()))[0]?.[0]).toBe('columns-dropped');
    }
  });

  it('an invalid line skipped as before: the run goes on without it', () => {
    const lines = ndjson.trimEnd().split('\n');
    const whole = assess({ graph, rules, records: readNdjsonSync(ndjson) });
    lines.splice(10, 0, '{"id": oops}');
    const skipped = assess({ graph, rules, records: readNdjsonSync(`${lines.join('\n')}\n`), invalidRecords: 'skip' });
    expect(skipped.evidence).toEqual(whole.evidence);
    expect(skipped.warnings.filter((w) => w.code === 'warning-invalid-records').map((w) => w.params)).toEqual([{ count: 1 }]);
  });

  it('without skipping, such a problem is one of the records\' problems, as before', () => {
    const error = thrown(() => assess({ graph, rules, records: readJsonArray('{"organizations": []}') }));
    expect(codes(error)).toEqual([['json-not-records', 1]]);
  });

  it('a file that cannot be read, among others, streamed: the run stops whatever the option', async () => {
    const missing = join(mkdtempSync(join(tmpdir(), 'zrz-')), 'missing.ndjson');
    const records = async function* (): AsyncGenerator<ReaderItem> {
      for (const path of [ndjsonPath, missing]) yield* readRecordsFile(path);
    };
    const error = await assessStream({ graph, rules, records: records(), invalidRecords: 'skip' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues.map((i) => [i.code, i.file])).toEqual([
      ['read-stopped', undefined],
      ['file-unreadable', missing],
    ]);
  });

  it('a partial state is not written for an input read in part, in either mode', () => {
    for (const invalidRecords of ['skip', 'error'] as const) {
      const session = openAssessment({ graph, rules, invalidRecords });
      for (const item of readNdjsonSync(ndjson)) session.add(item);
      for (const item of readJsonArray('[{', { file: 'cut.json' })) session.add(item);
      const error = thrown(() => session.snapshot());
      expect(codes(error), invalidRecords).toEqual([
        ['read-stopped', undefined],
        ['invalid-json', 1],
      ]);
    }
  });

  it('on threads: a CSV without its id column, or bytes that are not UTF-8 in an NDJSON piece, stop the run', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'zrz-'));
    const csvPath = join(folder, 'records.csv');
    writeFileSync(csvPath, csv.replace('编号,', '编码,'));
    const small = { minShardBytes: 1, chunkBytes: 4096 } as const;
    const error = await assessParallel({ graph: graphInput, rules, files: [ndjsonPath, csvPath], workers: 2, invalidRecords: 'skip', ...small }).catch((e: unknown) => e);
    expect((error as ValidationError).issues.map((i) => [i.code, i.file])).toEqual([
      ['read-stopped', undefined],
      ['columns-dropped', undefined],
      ['unknown-column', csvPath],
      ['missing-column', csvPath],
    ]);
    // Bytes that are not UTF-8 on line 400: a single pass reads no further in that file.
    const bytes = Buffer.from(ndjson);
    const at = bytes.indexOf('\n', bytes.length - 3000) + 1;
    const badPath = join(folder, 'bad.ndjson');
    writeFileSync(badPath, Buffer.concat([bytes.subarray(0, at), Buffer.from([0xff, 0x0a]), bytes.subarray(at)]));
    const line = bytes.subarray(0, at).toString().split('\n').length;
    const bad = await assessParallel({ graph: graphInput, rules, files: [badPath], workers: 2, invalidRecords: 'skip', ...small }).catch((e: unknown) => e);
    expect((bad as ValidationError).issues.map((i) => [i.code, i.line])).toEqual([
      ['read-stopped', undefined],
      ['invalid-encoding', line],
    ]);
  }, 60_000);
});
