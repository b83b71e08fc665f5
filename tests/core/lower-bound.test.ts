import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lowerBound } from '../../src/core/order.js';

describe('lowerBound', () => {
  it('the first index holding at least the value, worked by hand', () => {
    expect(lowerBound([1, 3, 3, 7], 0)).toBe(0);
    expect(lowerBound([1, 3, 3, 7], 3)).toBe(1);
    expect(lowerBound([1, 3, 3, 7], 4)).toBe(3);
    expect(lowerBound([1, 3, 3, 7], 8)).toBe(4);
    expect(lowerBound([], 1)).toBe(0);
  });

  it('agrees with a scan for any sorted list', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -20, max: 20 })), fc.integer({ min: -25, max: 25 }), (list, value) => {
        const sorted = [...list].sort((a, b) => a - b);
        const scanned = sorted.findIndex((x) => x >= value);
        expect(lowerBound(sorted, value)).toBe(scanned < 0 ? sorted.length : scanned);
      }),
    );
  });
});
