// Type-only: brings Vitest's declarations in for the augmentation below; erased at run time.
import type {} from 'vitest';
import type { VerdictName } from './expected.js';
import type { FindingFilter } from './finding-filter.js';
import { matchers, type PropertyMatcherOptions } from './matchers.js';

/**
 * Anything with Vitest's (or Jest's) `expect.extend`.
 *
 * @example
 * import { expect } from 'vitest';
 * const target: ExpectLike = expect;
 */
export interface ExpectLike {
  extend(matchers: Record<string, unknown>): void;
}

/**
 * The kit's matchers as they appear on `expect(...)`, for type declarations.
 *
 * @example
 * declare const assertion: ZerenzhiMatchers;
 * assertion.toScore('b1', 'br-theme-day', 9);
 */
export interface ZerenzhiMatchers<R = void> {
  /** A line's points, to hundredths. */
  toScore(subject: string, indicator: string, points: number): R;
  /** A subject's total (scaled score plus bonus), to hundredths. */
  toHaveTotal(subject: string, total: number): R;
  /** A subject's grade, by id or title in either language; null for "not graded". */
  toHaveGrade(subject: string, grade: string | null): R;
  /** The verdict on a person, by id (`derelict`) or title (`失职`). */
  toHaveVerdict(person: string, verdict: VerdictName): R;
  /** A proposed finding matching the filter. */
  toHaveFinding(filter: FindingFilter): R;
  /** The rule-set properties hold (on a scenario), or a report is ok. */
  toSatisfyRuleSetProperties(options?: PropertyMatcherOptions): R;
}

// Vitest 4 re-exports `Assertion` from @vitest/expect, so augmenting it through 'vitest' does not
// reach it; `Matchers`, which `Assertion` extends, is the interface Vitest documents for this.
declare module 'vitest' {
  // Type parameters must repeat Vitest's own declaration exactly to merge with it.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any, @typescript-eslint/no-unused-vars
  interface Matchers<T = any> extends ZerenzhiMatchers<void> {}
}

// Vitest keeps its global `expect` under this registered symbol once a test file runs; Jest,
// and Vitest with `globals: true`, also put it on globalThis.
const VITEST_GLOBAL_EXPECT = Symbol.for('expect-global');

function isExpectLike(value: unknown): value is ExpectLike {
  return (typeof value === 'function' || typeof value === 'object') && value !== null && typeof (value as Partial<ExpectLike>).extend === 'function';
}

/**
 * Registers the kit's matchers with `expect`: the one given, or else the running test
 * framework's global `expect`. The kit never imports Vitest itself, so `zerenzhi/testing`
 * (ESM or CommonJS) also loads where Vitest is not installed; call this from a test file or a
 * Vitest `setupFiles` module.
 *
 * @throws {Error} when no `expect` is given and none is running.
 * @example
 * // vitest.setup.ts (listed in test.setupFiles), or at the top of a test file
 * import { expect } from 'vitest';
 * import { setupMatchers } from 'zerenzhi/testing';
 * setupMatchers(expect); // or setupMatchers() inside a Vitest run
 */
export function setupMatchers(expect?: ExpectLike): void {
  const globals = globalThis as Record<PropertyKey, unknown>;
  const target = expect ?? [globals[VITEST_GLOBAL_EXPECT], globals['expect']].find(isExpectLike);
  if (!target) {
    throw new Error(
      'zerenzhi/testing: setupMatchers() found no running test framework; call it inside a Vitest run or pass expect: setupMatchers(expect)\n' +
        'zerenzhi/testing：未找到正在运行的测试框架；请在 Vitest 测试中调用，或传入 expect：setupMatchers(expect)',
    );
  }
  target.extend(matchers);
}
