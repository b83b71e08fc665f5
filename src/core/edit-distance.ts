/**
 * The number of single-letter edits (insert, delete, replace) from `a` to `b` (Levenshtein), for
 * "did you mean" hints: a misspelt field or name and the one it is likely a typo of.
 *
 * @example
 * editDistance('quartr', 'quarter'); // 1
 */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min((previous[j] as number) + 1, (current[j - 1] as number) + 1, (previous[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length] as number;
}
