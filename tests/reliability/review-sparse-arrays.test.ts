import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { applyDecisions, assess, assessParallel, formatIssues, formatPath, localizeIssue, parseGraph, readNdjsonSync, ValidationError } from '../../src/index.js';
import { refusal as thrown, refusalAsync as rejected } from './helpers.js';

// A hole in a sparse list (`[, x]`) is an element, an undefined one: checks that skipped it
// (forEach does) let the list through to crash later, or print "undefined" (a review of the
// API, finding 2). Each hole is refused as invalid-type at its index.
const dir = new URL('../../examples/bureau-2022/', import.meta.url);
const graph = parseGraph(JSON.parse(readFileSync(new URL('graph.json', dir), 'utf8')));
const rules = JSON.parse(readFileSync(new URL('rules.json', dir), 'utf8')) as unknown;
const records = [...readNdjsonSync(readFileSync(new URL('records.ndjson', dir), 'utf8'))];
const result = assess({ graph, rules, records });
const where = (error: ValidationError): unknown[] => error.issues.map((i) => [error.subject, i.path, i.code, i.params['received']]);
const loose = <T>(value: unknown): T => value as T;
// eslint-disable-next-line no-sparse-arrays
const sparse = <T>(...rest: T[]): T[] => [, ...rest] as T[];

describe('holes in sparse lists', () => {
  it('applyDecisions: a hole among the decisions', () => {
    const decision = { finding: result.findings[0]!.id, action: 'confirm', by: '局党委', at: '2023-01-20' };
    expect(where(thrown(() => applyDecisions(result, loose(sparse(decision)))))).toEqual([['decisions', ['decisions', 0], 'invalid-type', 'undefined']]);
  });

  it('assessParallel: a hole among the files', async () => {
    const files = loose<string[]>(sparse(new URL('records.ndjson', dir).pathname));
    const error = await rejected(() => assessParallel({ graph, rules, files, workers: 1 }));
    expect(where(error)).toEqual([['options', ['files', 0], 'invalid-type', 'undefined']]);
  });

  it('assess: a hole among the records is a record of the wrong type at its index, not a missing field', () => {
    // eslint-disable-next-line no-sparse-arrays
    const holed = loose<unknown[]>([records[0], , records[1]]);
    const error = thrown(() => assess({ graph, rules, records: holed, lang: 'en' }));
    expect(where(error)).toEqual([['records', ['records', 1], 'invalid-type', 'undefined']]);
    expect(error.issues[0]?.message).toBe('wrong type: expected object, got undefined');
  });

  it('formatPath: a hole in the path, in the language asked for', () => {
    // eslint-disable-next-line no-sparse-arrays
    const error = thrown(() => formatPath(loose(['a', , 'b', null]), 'en'));
    expect(where(error)).toEqual([
      ['options', ['path', 1], 'invalid-type', 'undefined'],
      ['options', ['path', 3], 'invalid-type', 'null'],
    ]);
    expect(error.lang).toBe('en');
  });

  it('formatIssues and localizeIssue: a hole among the issues, a hole in an issue path', () => {
    const issue = { code: 'required', path: ['a'], params: {}, message: 'm' };
    expect(where(thrown(() => formatIssues(loose(sparse(issue)))))).toEqual([['options', ['issues', 0], 'invalid-type', 'undefined']]);
    // eslint-disable-next-line no-sparse-arrays
    const holed = { ...issue, path: ['a', , 'b'] };
    expect(where(thrown(() => formatIssues(loose([issue, holed]))))).toEqual([['options', ['issues', 1, 'path', 1], 'invalid-type', 'undefined']]);
    expect(where(thrown(() => localizeIssue(loose(holed), 'en')))).toEqual([['options', ['issue', 'path', 1], 'invalid-type', 'undefined']]);
    // every problem with one issue, not the first only
    expect(where(thrown(() => formatIssues(loose([{ path: 1 }]))))).toEqual([
      ['options', ['issues', 0, 'code'], 'invalid-type', 'undefined'],
      ['options', ['issues', 0, 'message'], 'invalid-type', 'undefined'],
      ['options', ['issues', 0, 'path'], 'invalid-type', 'number'],
      ['options', ['issues', 0, 'params'], 'invalid-type', 'undefined'],
    ]);
    expect(formatPath(['a', 0, 'b'])).toBe('a[0].b');
  });
});
