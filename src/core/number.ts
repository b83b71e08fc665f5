/**
 * Rounds half away from zero to `digits` decimals, and turns -0 into 0. Scores are rounded
 * once, at the end of a line, so that sums of lines are exact in hundredths.
 *
 * @example
 * roundTo(2.675, 2); // 2.68
 * roundTo(-0.0001, 2); // 0
 */
export function roundTo(value: number, digits = 2): number {
  // No fraction to round (every double from 2^53 up is an integer): 2e13 stays 2e13.
  if (Number.isInteger(value)) return value + 0;
  const factor = 10 ** digits;
  const raw = Math.abs(value) * factor;
  // The small epsilon absorbs binary representation and arithmetic error (2.675 is stored as
  // 2.67499999…, 1.5 × 3/20 comes out as 0.22499999…). From 2^49 on a double keeps less than a
  // hundredth of a unit, and the nudge would add a digit instead of restoring one.
  const scaled = raw < 2 ** 49 ? raw * (1 + Number.EPSILON) : raw;
  const rounded = (Math.sign(value) * Math.round(scaled)) / factor;
  return rounded === 0 ? 0 : rounded;
}

/**
 * Formats a number for text: at most `digits` decimals, trailing zeros dropped.
 *
 * @example
 * formatNumber(3.5); // '3.5'
 * formatNumber(4); // '4'
 * formatNumber(0.12345, 3); // '0.123'
 */
export function formatNumber(value: number, digits = 2): string {
  return String(roundTo(value, digits));
}

/**
 * Formats a share in [0, 1] as a percentage.
 *
 * @example
 * formatPercent(0.875); // '87.5%'
 */
export function formatPercent(share: number, digits = 1): string {
  return `${formatNumber(share * 100, digits)}%`;
}

/**
 * Clamps to [lo, hi].
 *
 * @example
 * clamp(1.2, 0, 1); // 1
 */
export function clamp(value: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, value));
}

/**
 * Sums numbers in a fixed order (ascending) so that the result does not depend on the order
 * the numbers arrived in: floating-point addition is not associative.
 *
 * @example
 * stableSum([0.1, 0.2, 0.3]) === stableSum([0.3, 0.1, 0.2]); // true
 */
export function stableSum(values: Iterable<number>): number {
  const sorted = [...values].sort((a, b) => a - b);
  let total = 0;
  for (const v of sorted) total += v;
  return total;
}
