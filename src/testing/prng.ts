import { ValidationError, type Issue } from '../index.js';
import { kitIssue } from './issues.js';
import { text } from './messages.js';

// Misuse of the generator is a programming error with no language asked for: it is said in both.
const bilingual = (code: 'pick-empty' | 'bad-seed', params: Readonly<Record<string, string>> = {}): string => `${text(code, params, 'zh')}\n${text(code, params, 'en')}`;

/** The error of `int` given bounds that are not whole numbers, or out of order. */
function intRangeError(min: unknown, max: unknown): ValidationError {
  const issues: Issue[] = [];
  for (const [name, value] of [['min', min], ['max', max]] as const) {
    if (!Number.isSafeInteger(value)) issues.push(kitIssue('invalid-type', [name], { expected: 'integer', received: typeof value === 'number' ? String(value) : typeof value }, 'zh'));
  }
  if (issues.length === 0) issues.push(kitIssue('too-small', ['max'], { minimum: min as number, inclusive: 1 }, 'zh'));
  return new ValidationError('options', issues, 'zh');
}

/**
 * A small seeded pseudo-random generator (mulberry32), so that property checks are
 * reproducible from their seed and the testing kit needs no property-testing library at run
 * time.
 *
 * @example
 * const random: Random = seededRandom(1);
 * random.pick(['b1', 'b2']);
 */
export interface Random {
  /** A float in [0, 1). */
  readonly next: () => number;
  /** An integer from `min` to `max`, both inclusive. */
  readonly int: (min: number, max: number) => number;
  /** One element of a non-empty list. */
  readonly pick: <T>(items: readonly T[]) => T;
  /** A shuffled copy of a list (Fisher–Yates). */
  readonly shuffle: <T>(items: readonly T[]) => T[];
}

/**
 * A seeded generator: the same seed gives the same sequence on every machine.
 *
 * @throws {RangeError} when the seed is not a whole number (NaN would silently act as 0). `int`
 * throws a `ValidationError` (subject `options`) for bounds that are not whole numbers (`invalid-type`
 * at `min` or `max`) or a `max` below `min` (`too-small` at `max`).
 * @example
 * const random = seededRandom(42);
 * random.int(1, 6); // the same number on every run
 * random.shuffle(['a', 'b', 'c']);
 */
export function seededRandom(seed: number): Random {
  if (!Number.isSafeInteger(seed)) throw new RangeError(bilingual('bad-seed', { received: typeof seed === 'number' ? String(seed) : typeof seed }));
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number): number => {
    // Bounds out of order, or not whole, would give numbers outside them without a word.
    if (!Number.isSafeInteger(min) || !Number.isSafeInteger(max) || max < min) throw intRangeError(min, max);
    return min + Math.floor(next() * (max - min + 1));
  };
  const pick = <T>(items: readonly T[]): T => {
    if (items.length === 0) throw new RangeError(bilingual('pick-empty'));
    return items[int(0, items.length - 1)] as T;
  };
  const shuffle = <T>(items: readonly T[]): T[] => {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = int(0, i);
      [out[i], out[j]] = [out[j] as T, out[i] as T];
    }
    return out;
  };
  return { next, int, pick, shuffle };
}
