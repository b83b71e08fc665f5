import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { assess, openAssessment, parseGraph, readNdjsonSync, ValidationError } from '../../src/index.js';
import { issueShapeProblems } from '../../src/evidence/reader-item.js';

// An issue item made by hand (`{ kind: 'issue', issue: null }`) was taken as a reader's problem
// and failed later with a TypeError, when the problems were sorted or printed (a review of the
// API, finding 4): each wrong part is now itself the problem, invalid-type at its path.
const dir = new URL('../../examples/bureau-2022/', import.meta.url);
const graph = parseGraph(JSON.parse(readFileSync(new URL('graph.json', dir), 'utf8')));
const rules = JSON.parse(readFileSync(new URL('rules.json', dir), 'utf8')) as unknown;
const records = [...readNdjsonSync(readFileSync(new URL('records.ndjson', dir), 'utf8'))];

function finishWith(item: unknown, lang?: 'en'): ValidationError {
  const session = openAssessment({ graph, rules, ...(lang ? { lang } : {}) });
  session.add({ id: 'first' });
  session.add(item);
  try {
    session.finish();
  } catch (error) {
    if (error instanceof ValidationError) return error;
    throw error;
  }
  throw new Error('expected a ValidationError');
}
const where = (error: ValidationError): unknown[] => error.issues.filter((i) => i.path[1] === 1).map((i) => [i.path, i.code, i.params]);

describe('issue items made by hand', () => {
  it('issue null: invalid-type at the item, not a TypeError', () => {
    const error = finishWith({ kind: 'issue', issue: null });
    expect(error.subject).toBe('records');
    expect(where(error)).toEqual([[['records', 1, 'issue'], 'invalid-type', { expected: 'object', received: 'null' }]]);
    expect(error.issues.find((i) => i.path[1] === 1)?.message).toBe('类型错误：应为 object，实际为 null');
  });

  it('issue {}: every missing part at its path, in English when asked', () => {
    const error = finishWith({ kind: 'issue', issue: {} }, 'en');
    expect(error.issues.filter((i) => i.path[1] === 1).map((i) => [i.path, i.code])).toEqual([
      [['records', 1, 'issue', 'code'], 'invalid-type'],
      [['records', 1, 'issue', 'path'], 'invalid-type'],
      [['records', 1, 'issue', 'params'], 'invalid-type'],
      [['records', 1, 'issue', 'message'], 'invalid-type'],
    ]);
    expect(error.lang).toBe('en');
  });

  it('a hole in the path, a line that is no line number', () => {
    // eslint-disable-next-line no-sparse-arrays
    const issue = { code: 'x', path: ['a', , 1], params: {}, message: 'm', line: 0 };
    expect(where(finishWith({ kind: 'issue', issue }))).toEqual([
      [['records', 1, 'issue', 'path', 1], 'invalid-type', { expected: 'string or number', received: 'undefined' }],
      [['records', 1, 'issue', 'line'], 'invalid-type', { expected: 'integer', received: '0' }],
    ]);
  });

  it('a stopped forged item still stops a run that skips invalid records', () => {
    const session = openAssessment({ graph, rules, invalidRecords: 'skip' });
    session.add({ kind: 'issue', issue: null, stopped: true });
    expect(() => session.finish()).toThrow(ValidationError);
  });

  it('a sound issue item is taken as before', () => {
    const issue = { code: 'invalid-json', path: [], params: { line: 3 }, message: 'm', line: 3 };
    expect(issueShapeProblems(issue)).toEqual([]);
    const result = assess({ graph, rules, records: [...records, { kind: 'issue', issue }], invalidRecords: 'skip' });
    expect(result.organizations.length).toBeGreaterThan(0);
  });
});
