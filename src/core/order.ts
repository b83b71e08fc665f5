/**
 * Orders two strings by UTF-16 code unit, as `Array.prototype.sort` does with no comparator, but
 * usable where a comparator is needed (keys of entries, `localeCompare` avoided): the same order
 * on every machine and in every locale.
 *
 * @example
 * ['b', 'B', 'a'].sort(byCodeUnit); // ['B', 'a', 'b']
 */
export const byCodeUnit = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
