// A record with no subject (neither organization nor person) is said so at once, whatever else is
// wrong with it: not on a second pass once the other problems are fixed.
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { normalizeBySchema } from '../../src/evidence/normalize.js';
import { normalizeRecord, RecordInputSchema } from '../../src/index.js';
import { BUREAU, cli, tempDir } from '../cli/helpers.js';

const tmp = tempDir('record-subject');
afterAll(() => tmp.cleanup());

/** code and path of each problem of a record that must be refused. */
function problems(input: unknown, lang: 'zh' | 'en' = 'zh'): [string, string][] {
  const result = normalizeRecord(input, ['records', 0], lang);
  if (result.ok) throw new Error('expected the record to be refused');
  return result.issues.map((issue) => [issue.code, issue.path.join('.')]);
}

const NO_SUBJECT = ['record-without-subject', 'records.0.organization'] as const;

describe('record-without-subject is listed with the other problems', () => {
  it('the reported case: no id, no subject, an impossible date', () => {
    expect(problems({ type: 'y', date: '2022-13-01' })).toEqual([
      ['required', 'records.0.id'],
      NO_SUBJECT,
      ['invalid-date', 'records.0.date'],
    ]);
  });

  it('with an invalid id, type and date (problems that stop other checks)', () => {
    expect(problems({ id: '', type: 5, date: 'x' })).toEqual([
      ['invalid-id', 'records.0.id'],
      ['invalid-type', 'records.0.type'],
      NO_SUBJECT,
      ['invalid-date', 'records.0.date'],
    ]);
  });

  it('in field order: after id and type, before later fields (and after unknown fields, as the schema itself lists them when nothing else is wrong)', () => {
    expect(problems({ id: 'r1', type: 'y', date: '2022-02-30', due: '2022-02-31', status: 'ok', source: ' s', title: 1, attributes: [], extra: 1 })).toEqual([
      NO_SUBJECT,
      ['invalid-date', 'records.0.date'],
      ['invalid-date', 'records.0.due'],
      ['unknown-status', 'records.0.status'],
      ['invalid-id', 'records.0.source'],
      ['invalid-type', 'records.0.title'],
      ['invalid-attributes', 'records.0.attributes'],
      ['unknown-field', 'records.0.extra'],
    ]);
    expect(problems({ id: 'r1', type: 'y', date: '2022-01-01', extra: 1 })).toEqual([['unknown-field', 'records.0.extra'], NO_SUBJECT]);
  });

  it('the issue is the one it was: same code, path, message and value', () => {
    const result = normalizeRecord({ id: 'r1', type: 'y', date: '2022-01-01' }, ['records', 4], 'zh');
    expect(result).toEqual({
      ok: false,
      issues: [
        {
          code: 'record-without-subject',
          path: ['records', 4, 'organization'],
          params: { value: '{"id":"r1","type":"y","date":"2022-01-01"}' },
          message: '记录须至少填写 organization（党组织）或 person（人员）之一',
        },
      ],
    });
    const inEnglish = normalizeRecord({ date: 'x' }, [], 'en');
    expect(inEnglish.ok).toBe(false);
    const subject = inEnglish.ok ? undefined : inEnglish.issues.find((issue) => issue.code === 'record-without-subject');
    expect(subject?.message).toBe('a record needs an organization, a person, or both');
    expect(subject?.path).toEqual(['organization']);
  });

  it('a subject given, even an invalid one, is a subject: no record-without-subject', () => {
    expect(problems({ id: 'r1', type: 'y', organization: '', date: '2022-13-01' })).toEqual([
      ['invalid-id', 'records.0.organization'],
      ['invalid-date', 'records.0.date'],
    ]);
    expect(problems({ type: 'y', person: null, date: '2022-01-01' })).toEqual([
      ['required', 'records.0.id'],
      ['invalid-type', 'records.0.person'],
    ]);
  });

  it('not said of what is no object at all', () => {
    for (const input of [null, 5, 'r1', [], [{ type: 'y' }]]) expect(problems(input)).toEqual([['invalid-type', 'records.0']]);
  });

  it('zerenzhi validate lists all three problems of the NDJSON line in one pass', async () => {
    const file = tmp.file('no-subject.ndjson', '{"id":"r1","type":"meeting","organization":"b1","date":"2022-03-01"}\n{"type":"y","date":"2022-13-01"}\n');
    const run = await cli(['validate', file, '--lang', 'en']);
    expect(run.code).toBe(1);
    expect(run.stdout.trimEnd().split('\n')).toEqual([
      `${file}: 3 problem(s)`,
      `${file}:2 id: required field "id" is missing [required]`,
      `${file}:2 organization: a record needs an organization, a person, or both [record-without-subject]`,
      `${file}:2 date: invalid date "2022-13-01": expected a real calendar date as YYYY-MM-DD (China Standard Time, no time or offset) [invalid-date]`,
    ]);
  });
});

describe('valid records are unchanged', () => {
  const records = readFileSync(BUREAU.ndjson, 'utf8').split('\n').filter((line) => line !== '').map((line) => JSON.parse(line) as Record<string, unknown>);

  it('the schema parses each example record to an equal record, and normalizes it as the fast path does', () => {
    expect(records.length).toBeGreaterThan(0);
    for (const record of records) {
      const parsed = RecordInputSchema.safeParse(record);
      expect(parsed.success).toBe(true);
      expect(parsed.data).toStrictEqual(record);
      expect(normalizeBySchema(record)).toEqual(normalizeRecord(record));
    }
  });

  it('a record with a person only, or with both, needs no organization', () => {
    for (const subject of [{ person: 'p1' }, { organization: 'b1', person: 'p1' }]) {
      const result = normalizeBySchema({ id: 'r1', type: 'y', date: '2022-01-01', ...subject });
      expect(result.ok).toBe(true);
      expect(result.ok && { ...result.record, attributes: [...result.record.attributes] }).toEqual({ id: 'r1', type: 'y', ...subject, day: 18993, date: '2022-01-01', status: 'approved', attributes: [] });
    }
  });
});
