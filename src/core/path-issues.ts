import { makeIssue, typeName, type Issue } from './issue.js';
import type { Lang } from './lang.js';

const NONE: readonly Issue[] = Object.freeze([]);

/**
 * Every problem with a value given for an issue's path, each under `at`: not a list, or a segment
 * that is neither a key nor an index. Every problem is listed, not the first only. An index loop,
 * not forEach: a hole in a sparse array (`['a', , 'b']`) is an element too, an undefined one.
 * Nothing is allocated for a sound path: the engine checks one for each record it normalizes.
 *
 * @example
 * pathIssues(['posts', 0], ['path'], 'en'); // []
 * pathIssues(['posts', null], ['path'], 'en')[0]?.path; // ['path', 1]
 */
export function pathIssues(path: unknown, at: readonly (string | number)[], lang: Lang): readonly Issue[] {
  if (!Array.isArray(path)) return [makeIssue('invalid-type', at, { expected: 'array', received: typeName(path) }, lang)];
  let issues: Issue[] | undefined;
  for (let i = 0; i < path.length; i++) {
    const segment: unknown = path[i];
    if (typeof segment !== 'string' && typeof segment !== 'number') {
      (issues ??= []).push(makeIssue('invalid-type', [...at, i], { expected: 'string or number', received: typeName(segment) }, lang));
    }
  }
  return issues ?? NONE;
}
