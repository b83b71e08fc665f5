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

/**
 * The name `given` is likely a typo of, among `candidates` (`peroid` for `period`): the same but
 * for case, or the closest within one edit for every three letters, two at most; undefined when
 * none is that close. The first of equally close names wins.
 *
 * @example
 * likelyTypoOf('peroid', ['period', 'grades']); // 'period'
 * likelyTypoOf('x', ['period']); // undefined
 */
export function likelyTypoOf(given: string, candidates: Iterable<string>): string | undefined {
  if (given.length > 64) return undefined;
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const name of candidates) {
    const d = name.toLowerCase() === given.toLowerCase() ? 0 : editDistance(given, name);
    if (d < bestDistance) [best, bestDistance] = [name, d];
  }
  return bestDistance <= Math.min(2, Math.max(1, Math.floor(given.length / 3))) ? best : undefined;
}
