// The checks of a partial state whose shape is sound, across its fields: values within what the
// engine keeps, counts that can be, and every record it names (on a line, in the business scores,
// among the kept records) the version its `versions` list for that id. `checkPartial` runs them.
import { hash } from 'node:crypto';
import { makeIssue, type Issue } from '../core/issue.js';
import type { Lang } from '../core/lang.js';
import type { IssuePath } from '../core/path.js';
import { canonicalRecord } from '../evidence/normalize.js';
import type { EvidenceRecord } from '../model/record.js';
import type { PartialState } from './partial.js';

/**
 * The business scores of a well-formed partial state outside what the engine keeps (0 to the
 * rule set's business scale, as `ingest` checks each record's), each with its path.
 *
 * @example
 * businessScoreIssues(partial, 100, 'zh'); // []
 */
export function businessScoreIssues(partial: { readonly business: readonly (readonly [string, string, readonly (readonly [string, number])[]])[] }, scale: number, lang: Lang): Issue[] {
  const issues: Issue[] = [];
  partial.business.forEach(([, , scores], i) => {
    scores.forEach(([, score], k) => {
      if (!(score >= 0 && score <= scale)) issues.push(makeIssue('partial-business-score', ['partial', 'business', i, 2, k, 1], { score, scale }, lang));
    });
  });
  return issues;
}

/**
 * The bonus points of a well-formed partial state's lines that no rule gives: a bonus rule gives
 * points above zero, and a record that earns none is not put on the line (see `applyToLine`).
 *
 * @example
 * bonusPointsIssues(partial, 'zh'); // []
 */
export function bonusPointsIssues(partial: PartialState, lang: Lang): Issue[] {
  const issues: Issue[] = [];
  partial.lines.forEach(([, , , l], i) => {
    l.b.forEach(([id, points], k) => {
      if (!(points > 0)) issues.push(makeIssue('partial-bonus-points', ['partial', 'lines', i, 3, 'b', k, 1], { id, points }, lang));
    });
  });
  return issues;
}

/**
 * The counts of a well-formed partial state that cannot be: fewer records read than the versions
 * it lists (the merged statistics would count fewer duplicates than none), fewer problems counted
 * than it lists (a run that must stop on invalid records would go on), more records skipped than
 * problems counted (each reported one at least).
 *
 * @example
 * countIssues(partial, 'zh'); // []
 */
export function countIssues(partial: PartialState, lang: Lang): Issue[] {
  const { occurrences, versions, issueCount, skipped } = partial;
  const issues: Issue[] = [];
  let listed = 0;
  for (const [, digests] of versions) listed += digests.length;
  if (occurrences < listed) issues.push(makeIssue('partial-occurrences', ['partial', 'occurrences'], { occurrences, versions: listed }, lang));
  if (issueCount < partial.issues.length) issues.push(makeIssue('partial-issue-count', ['partial', 'issueCount'], { issueCount, issues: partial.issues.length }, lang));
  if (skipped > issueCount) issues.push(makeIssue('partial-skipped', ['partial', 'skipped'], { skipped, issueCount }, lang));
  return issues;
}

/** One entry of a partial state's versions: id, digests (base64), effect. */
type Version = PartialState['versions'][number];

/** Finds the version of a record id in a partial state, if it lists one. */
export type VersionOf = (id: string) => Version | undefined;

/**
 * The lookup of a well-formed partial state's versions by record id. The engine writes them in id
 * order, so each id is found by a binary search; versions out of order (edited by hand) are put
 * in a map first.
 *
 * @example
 * versionLookup(partial.versions)('r-1')?.[1]; // ['n8fMaMbQ…=']
 */
export function versionLookup(versions: readonly Version[]): VersionOf {
  let ordered = true;
  for (let k = 1; k < versions.length && ordered; k++) ordered = (versions[k - 1] as Version)[0] < (versions[k] as Version)[0];
  if (!ordered) {
    const byId = new Map(versions.map((v) => [v[0], v]));
    return (id) => byId.get(id);
  }
  return (id) => {
    let lo = 0;
    let hi = versions.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((versions[mid] as Version)[0] < id) lo = mid + 1;
      else hi = mid;
    }
    const found = versions[lo];
    return found !== undefined && found[0] === id ? found : undefined;
  };
}

/** Whether a version lists two different digests: one digest listed twice is one version (the merge reads it so). */
const conflicting = (version: Version): boolean => version[1].length > 1 && new Set(version[1]).size > 1;

/**
 * A checker of the records a part of a partial state names, each against the version the state
 * lists for it: none (`<part>-unknown`), or conflicting ones (`<part>-conflict`). A record with
 * conflicting versions is withdrawn from every line, business score and kept record before a
 * state is written, so a shard never names one; and a shard names only records it read, each of
 * which it lists a version of.
 */
function namedRecordCheck(versionOf: VersionOf, codes: { readonly unknown: string; readonly conflict: string }, lang: Lang, issues: Issue[]): (id: string, path: IssuePath) => Version | undefined {
  return (id, path) => {
    const version = versionOf(id);
    if (version === undefined) issues.push(makeIssue(codes.unknown, path, { id }, lang));
    else if (conflicting(version)) issues.push(makeIssue(codes.conflict, path, { id }, lang));
    else return version;
    return undefined;
  };
}

/**
 * The records a well-formed partial state's lines and business scores name that it does not list
 * as a version of its own with one digest, each with its path (see {@link namedRecordCheck}).
 *
 * @example
 * namedRecordIssues(partial, versionLookup(partial.versions), 'zh'); // []
 */
export function namedRecordIssues(partial: PartialState, versionOf: VersionOf, lang: Lang): Issue[] {
  const issues: Issue[] = [];
  const onLine = namedRecordCheck(versionOf, { unknown: 'partial-line-unknown', conflict: 'partial-line-conflict' }, lang, issues);
  partial.lines.forEach(([, , , l], i) => {
    const at: IssuePath = ['partial', 'lines', i, 3];
    // The records counted, pending, rejected and unsupported are among those seen (checked before).
    l.s.forEach((id, k) => onLine(id, [...at, 's', k]));
    l.v.forEach((id, k) => onLine(id, [...at, 'v', k]));
    l.b.forEach(([id], k) => onLine(id, [...at, 'b', k, 0]));
  });
  const scored = namedRecordCheck(versionOf, { unknown: 'partial-business-unknown', conflict: 'partial-business-conflict' }, lang, issues);
  partial.business.forEach(([, , scores], i) => {
    scores.forEach(([id], k) => scored(id, ['partial', 'business', i, 2, k, 0]));
  });
  return issues;
}

/**
 * Where a record kept by a well-formed partial state (`retained`, valid as a record) is not the
 * version the state lists for its id: none listed, conflicting ones, or a digest that is not the
 * SHA-256 of the record's canonical text (another version: the accountability rules would read
 * content the versions, and the result's fingerprint, do not).
 *
 * @example
 * retainedRecordIssue(record, 0, versionLookup(partial.versions), 'zh'); // undefined
 */
export function retainedRecordIssue(record: EvidenceRecord, at: number, versionOf: VersionOf, lang: Lang): Issue | undefined {
  const issues: Issue[] = [];
  const path: IssuePath = ['partial', 'retained', at];
  const version = namedRecordCheck(versionOf, { unknown: 'partial-retained-unknown', conflict: 'partial-retained-conflict' }, lang, issues)(record.id, path);
  if (version === undefined) return issues[0];
  // As `ingest` digests a record; the state's digests are canonical base64 (checked with its shape).
  if (hash('sha256', canonicalRecord(record), 'base64') !== version[1][0]) return makeIssue('partial-retained-digest', path, { id: record.id }, lang);
  return undefined;
}
