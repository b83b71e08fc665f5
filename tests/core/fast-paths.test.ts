// The hand-written checks on the per-record path must accept exactly what their regular
// expressions (the specification, restated here as the oracle) accept.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCalendarDate } from '../../src/core/calendar.js';
import { isValidId } from '../../src/model/primitives.js';

const ID = /^(?!\s)[^\u0000-\u001f\u007f-\u009f]{1,256}(?<!\s)$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

// A date by the pattern, then the calendar: days since 1970-01-01.
function oracleDate(text: string): number | undefined {
  const m = DATE.exec(text);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1900 || y > 2999 || mo < 1 || mo > 12) return undefined;
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return undefined;
  return ms / 86_400_000;
}

const idLike = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.string({ unit: fc.constantFrom('a', ' ', '\u00a0', '\u2028', '\ufeff', '\u0085', '\u007f', '\t', '-', '中'), maxLength: 6 }),
  fc.integer({ min: 250, max: 262 }).map((n) => 'x'.repeat(n)),
);
const dateLike = fc.oneof(
  fc.tuple(fc.integer({ min: 1890, max: 3010 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 })).map(([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`),
  fc.string({ unit: fc.constantFrom('0', '1', '2', '9', '-', ' ', '٣', 'T', '/'), minLength: 8, maxLength: 12 }),
  fc.string({ maxLength: 12 }),
);

describe('per-record fast paths', () => {
  it('isValidId accepts exactly what the id pattern accepts', () => {
    fc.assert(fc.property(idLike, (text) => {
      expect(isValidId(text)).toBe(ID.test(text));
    }), { numRuns: 2000 });
    for (const text of ['', ' a', 'a ', 'a\u00a0', '\ufeffa', 'a\u0085b', 'x'.repeat(256), 'x'.repeat(257), '__proto__', '党支部-01']) expect(isValidId(text)).toBe(ID.test(text));
  });

  it('parseCalendarDate reads exactly the YYYY-MM-DD pattern and the calendar', () => {
    fc.assert(fc.property(dateLike, (text) => {
      expect(parseCalendarDate(text)).toBe(oracleDate(text));
    }), { numRuns: 2000 });
    expect(parseCalendarDate('2022-02-29')).toBeUndefined();
    expect(parseCalendarDate('2024-02-29')).toBe(19782);
    expect(parseCalendarDate('2022-1-01')).toBeUndefined();
    expect(parseCalendarDate('２０２２-01-01')).toBeUndefined();
  });
});
