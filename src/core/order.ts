/**
 * Orders two strings by UTF-16 code unit, as `Array.prototype.sort` does with no comparator, but
 * usable where a comparator is needed (keys of entries, `localeCompare` avoided): the same order
 * on every machine and in every locale.
 *
 * @example
 * ['b', 'B', 'a'].sort(byCodeUnit); // ['B', 'a', 'b']
 */
export const byCodeUnit = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The first index of an ascending list whose value is at least `value` (its length when none
 * is): a binary search.
 *
 * @example
 * lowerBound([1, 3, 3, 7], 3); // 1
 * lowerBound([1, 3, 3, 7], 8); // 4
 */
export function lowerBound(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] as number) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
