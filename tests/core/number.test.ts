import { describe, expect, it } from 'vitest';
import { formatNumber, formatPercent, roundTo } from '../../src/core/number.js';

describe('roundTo', () => {
  it('rounds half away from zero, absorbing binary error', () => {
    // 2.675 is stored as 2.67499999999999982236431605997495353221893310546875
    expect(roundTo(2.675, 2)).toBe(2.68);
    expect(roundTo(1.005, 2)).toBe(1.01);
    expect(roundTo(-2.675, 2)).toBe(-2.68);
    expect(roundTo(0.125, 2)).toBe(0.13);
    expect(roundTo(0.124999, 2)).toBe(0.12);
    expect(roundTo(2.5, 0)).toBe(3);
    expect(roundTo(-2.5, 0)).toBe(-3);
    // 0.1 + 0.2 = 0.30000000000000004
    expect(roundTo(0.1 + 0.2, 9)).toBe(0.3);
    // 1.5 × 3/20 is 0.225 exactly, computed as 0.22499999999999998
    expect((3 / 20) * 1.5).toBe(0.22499999999999998);
    expect(roundTo((3 / 20) * 1.5, 2)).toBe(0.23);
    expect(roundTo((33 / 20) * 1.5, 2)).toBe(2.48);
  });

  it('gives 0, never -0, for what rounds to nothing', () => {
    expect(Object.is(roundTo(-0.0001, 2), 0)).toBe(true);
    expect(Object.is(roundTo(-0, 2), 0)).toBe(true);
    expect(roundTo(1e-7, 2)).toBe(0);
    // 5e-7 at 6 decimals is half a unit: away from zero
    expect(roundTo(5e-7, 6)).toBe(0.000001);
    expect(roundTo(-5e-7, 6)).toBe(-0.000001);
  });

  it('returns integers, large numbers and non-finite numbers unchanged (no digit added)', () => {
    expect(roundTo(7, 2)).toBe(7);
    expect(roundTo(2e13, 2)).toBe(2e13);
    expect(roundTo(4e13 + 0.5, 2)).toBe(4e13 + 0.5);
    // 2^47 + 0.25: in hundredths it is past 2^49, where no nudge is applied
    expect(roundTo(2 ** 47 + 0.25, 2)).toBe(2 ** 47 + 0.25);
    expect(roundTo(-(2 ** 47) - 0.25, 2)).toBe(-(2 ** 47) - 0.25);
    expect(roundTo(5e15, 2)).toBe(5e15);
    expect(roundTo(1e307, 2)).toBe(1e307);
    expect(roundTo(Number.MAX_VALUE, 2)).toBe(Number.MAX_VALUE);
    expect(roundTo(Number.POSITIVE_INFINITY, 2)).toBe(Number.POSITIVE_INFINITY);
    expect(roundTo(Number.NaN, 2)).toBeNaN();
  });

  it('a rounded value rounds to itself, for every hundredth from -10 to 10', () => {
    for (let i = -1000; i <= 1000; i++) {
      const value = i / 100;
      expect(roundTo(value, 2)).toBe(value + 0);
      expect(roundTo(roundTo(value + 0.004, 2), 2)).toBe(roundTo(value + 0.004, 2));
    }
  });
});

describe('formatNumber and formatPercent', () => {
  it('write large totals without invented digits', () => {
    expect(formatNumber(2e13)).toBe('20000000000000');
    expect(formatNumber(5e15)).toBe('5000000000000000');
    expect(formatNumber(1e307)).toBe('1e+307');
  });

  it('drop trailing zeros and keep at most the digits asked for', () => {
    expect(formatNumber(3.5)).toBe('3.5');
    expect(formatNumber(3.456)).toBe('3.46');
    expect(formatNumber(3.456, 1)).toBe('3.5');
    expect(formatPercent(0.875)).toBe('87.5%');
    // 2/3 = 66.666…% → 66.7%
    expect(formatPercent(2 / 3)).toBe('66.7%');
  });
});
