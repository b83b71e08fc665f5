import { describe, expect, it } from 'vitest';
import { normalizeRecord } from '../../src/index.js';
import { refusal, where } from '../refusal.js';

// The fast path for a sound record skipped the checks of `path` and `lang`: a wrong language or
// path was accepted for a sound record and refused for an unsound one (a review of the API,
// finding 12). Both are now checked first, whatever the record.
const SOUND = { id: 'r1', type: 'topic-meeting', organization: 'bureau', date: '2022-03-15' };
const loose = <T>(value: unknown): T => value as T;


describe('normalizeRecord checks its arguments before its fast path', () => {
  it.each([[SOUND], [{}]])('a language other than zh or en is refused at lang (record %j)', (record) => {
    expect(where(refusal(() => normalizeRecord(record, [], loose('fr'))))).toEqual([['options', ['lang'], 'invalid-value']]);
  });

  it.each([[SOUND], [{}]])('a path that is not a list is refused at path (record %j)', (record) => {
    expect(where(refusal(() => normalizeRecord(record, loose('x'))))).toEqual([['options', ['path'], 'invalid-type']]);
  });

  it('a hole or a null in the path, each at its index, in the language given', () => {
    // eslint-disable-next-line no-sparse-arrays
    const error = refusal(() => normalizeRecord(SOUND, loose(['records', , null]), 'en'));
    expect(where(error)).toEqual([
      ['options', ['path', 1], 'invalid-type'],
      ['options', ['path', 2], 'invalid-type'],
    ]);
    expect(error.lang).toBe('en');
  });

  it('sound arguments: as before', () => {
    expect(normalizeRecord(SOUND, ['records', 0], 'en').ok).toBe(true);
    expect(normalizeRecord(SOUND).ok).toBe(true);
    const bad = normalizeRecord({ id: 'r1' }, ['records', 3], 'en');
    expect(bad.ok ? [] : bad.issues[0]?.path.slice(0, 2)).toEqual(['records', 3]);
  });
});
