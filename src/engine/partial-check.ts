import { z } from 'zod';
import { isCalendarDay } from '../core/calendar.js';
import { typeName, type Issue } from '../core/issue.js';
import type { Lang } from '../core/lang.js';
import type { IssuePath } from '../core/path.js';
import { fromZodIssues } from '../core/zod-issues.js';
import { isPlainObject } from '../evidence/fast-record.js';
import { normalizeRecord } from '../evidence/normalize.js';
import type { PartialState } from './partial.js';
import { isCount } from './measures/entry-shape.js';
import { bonusPointsIssues, businessScoreIssues, countIssues, namedRecordIssues, retainedRecordIssue, versionLookup } from './partial-consistency.js';
import { EFFECT_COUNTERS, isBase64Digest, KEYED_EFFECT_COUNTERS } from './versions.js';

/**
 * How deep a measure state may nest in a partial state. The engine's own states nest four levels
 * at most (a map of record ids to objects of numbers); the cap keeps a hostile file from
 * overflowing the stack of the recursive decoder.
 */
export const MAX_STATE_DEPTH = 16;

/** A problem in an encoded state: its path from the state (built on the way out), and its code. */
interface StateProblem {
  readonly path: (string | number)[];
  readonly code: 'partial-state-invalid' | 'partial-state-deep';
}

const INVALID = (): StateProblem => ({ path: [], code: 'partial-state-invalid' });

/** Prefixes a problem found below with where it was found; no path is built while all is well. */
function under(problem: StateProblem | undefined, ...at: (string | number)[]): StateProblem | undefined {
  if (problem) problem.path.unshift(...at);
  return problem;
}

/** Where an encoded measure state (see partial-codec.ts) is not one, or undefined when it is. */
function encodedProblem(value: unknown, depth: number): StateProblem | undefined {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return undefined;
  if (typeof value === 'number') return Number.isFinite(value) ? undefined : INVALID();
  if (depth >= MAX_STATE_DEPTH) return { path: [], code: 'partial-state-deep' };
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const problem = under(encodedProblem(value[i], depth + 1), i);
      if (problem) return problem;
    }
    return undefined;
  }
  if (typeof value !== 'object') return INVALID();
  const keys = Object.keys(value);
  const key = keys[0];
  if (keys.length !== 1 || (key !== '$m' && key !== '$s' && key !== '$o')) return INVALID();
  const list = Object.getOwnPropertyDescriptor(value, key)?.value as unknown;
  if (!Array.isArray(list)) return under(INVALID(), key);
  for (let i = 0; i < list.length; i++) {
    const item: unknown = list[i];
    if (key === '$s') {
      const problem = under(encodedProblem(item, depth + 1), key, i);
      if (problem) return problem;
      continue;
    }
    // $m and $o: [key, value] pairs, an $o key a string
    if (!Array.isArray(item) || item.length !== 2) return under(INVALID(), key, i);
    if (key === '$o' && typeof item[0] !== 'string') return under(INVALID(), key, i, 0);
    const problem = under(encodedProblem(item[0], depth + 1), key, i, 0) ?? under(encodedProblem(item[1], depth + 1), key, i, 1);
    if (problem) return problem;
  }
  return undefined;
}

const encodedState = z.unknown().superRefine((value, ctx) => {
  const problem = encodedProblem(value, 0);
  if (problem) ctx.addIssue({ code: 'custom', path: problem.path, input: undefined, params: { code: problem.code, depth: MAX_STATE_DEPTH } });
});

const DIGEST_PATTERN = /^[A-Za-z0-9+/]{43}=$/;
const ids = z.array(z.string());
const count = z.int().nonnegative();
const subjectType = z.enum(['o', 'p']);
const scores = z.array(z.tuple([z.string(), z.number().finite()]));

/**
 * The entries of a line's measure state kept for a record the line did not count, as
 * `[index, key]`: a measure keeps its own entries by record id (`$m`), and only for the records
 * counted (`c`). A state that is not such a map has none.
 */
function uncountedEntries(m: unknown, counted: readonly unknown[]): [number, unknown][] {
  const entries = isPlainObject(m) && Object.hasOwn(m, '$m') ? m['$m'] : undefined;
  if (!Array.isArray(entries) || entries.length === 0) return [];
  const ids = new Set(counted);
  const out: [number, unknown][] = [];
  for (let i = 0; i < entries.length; i++) {
    const key: unknown = Array.isArray(entries[i]) ? (entries[i] as unknown[])[0] : undefined;
    if (typeof key !== 'string' || !ids.has(key)) out.push([i, key]);
  }
  return out;
}

/** The lists of a line whose records must all be among its records seen (`s`). */
const SEEN_SUBSETS = ['c', 'p', 'r', 'u'] as const;

/** Whether a list of ids is in id order (repeats allowed). */
function inIdOrder(ids: readonly unknown[]): boolean {
  for (let k = 1; k < ids.length; k++) if ((ids[k] as string) < (ids[k - 1] as string)) return false;
  return true;
}

/** Whether a list of ids is in strictly increasing id order: each id once, as the engine writes it. */
function inStrictIdOrder(ids: readonly unknown[]): boolean {
  for (let k = 1; k < ids.length; k++) if ((ids[k - 1] as string) >= (ids[k] as string)) return false;
  return true;
}

/**
 * Where a line lists a record as counted, pending, rejected or unsupported that it did not see,
 * as `[list, index, id]`: such a record would make the line's counts wrong. The engine writes
 * every list in id order, so the lists are walked side by side with the records seen; a list out
 * of order (a file edited by hand) is looked up in a set of the records seen instead. The ids
 * must be strings.
 */
function unseenEntries(l: Readonly<Record<(typeof SEEN_SUBSETS)[number] | 's', readonly unknown[]>>): [string, number, unknown][] {
  const seen = l.s;
  const out: [string, number, unknown][] = [];
  let set = inIdOrder(seen) ? undefined : new Set(seen);
  for (const list of SEEN_SUBSETS) {
    const ids = l[list];
    let j = 0;
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i] as string;
      if (set === undefined && i > 0 && id < (ids[i - 1] as string)) set = new Set(seen);
      let found: boolean;
      if (set !== undefined) found = set.has(id);
      else {
        // Both in order: the first record seen not before this one is it, or it was not seen.
        while (j < seen.length && (seen[j] as string) < id) j++;
        found = j < seen.length && seen[j] === id;
      }
      if (!found) out.push([list, i, id]);
    }
  }
  return out;
}

/** The lists of a line that name records, each at most once. */
const ID_LISTS = ['s', 'c', 'p', 'r', 'u', 'v'] as const;

/**
 * Where a list of ids names a record a second time, as `[index, id]`. The engine writes every
 * list in id order, each id once: a list in strictly increasing order has none, and only a list
 * out of order (edited by hand) is looked at through a set.
 */
function repeatedEntries(ids: readonly unknown[]): [number, unknown][] {
  if (inStrictIdOrder(ids)) return [];
  const seen = new Set<unknown>();
  const out: [number, unknown][] = [];
  ids.forEach((id, i) => {
    if (seen.has(id)) out.push([i, id]);
    else seen.add(id);
  });
  return out;
}

/** The record ids of a line's bonus points (`b`), for the same check. */
const bonusIds = (b: readonly unknown[]): unknown[] => b.map((entry) => (Array.isArray(entry) ? (entry as unknown[])[0] : undefined));

/** Where a line's days are not days a record can carry, as `[index, day]`. */
function daysOutOfRange(days: readonly unknown[]): [number, unknown][] {
  const out: [number, unknown][] = [];
  for (let i = 0; i < days.length; i++) if (!isCalendarDay(days[i])) out.push([i, days[i]]);
  return out;
}

const line = z
  .strictObject({ m: encodedState, c: ids, s: ids, d: z.array(z.int()), p: ids, r: ids, u: ids, b: scores, v: ids })
  .superRefine((l, ctx) => {
    if (l.d.length !== l.s.length) ctx.addIssue({ code: 'custom', path: ['d'], input: undefined, params: { code: 'partial-days', seen: l.s.length, days: l.d.length } });
    for (const [i, day] of daysOutOfRange(l.d)) ctx.addIssue({ code: 'custom', path: ['d', i], input: undefined, params: { code: 'partial-day', day } });
    for (const list of ID_LISTS) {
      for (const [i, id] of repeatedEntries(l[list])) ctx.addIssue({ code: 'custom', path: [list, i], input: undefined, params: { code: 'partial-line-repeat', id: String(id), list } });
    }
    for (const [i, id] of repeatedEntries(bonusIds(l.b))) ctx.addIssue({ code: 'custom', path: ['b', i, 0], input: undefined, params: { code: 'partial-line-repeat', id: String(id), list: 'b' } });
    // Reached only when every list holds strings: a wrong type aborts the object's refinements.
    for (const [list, i, id] of unseenEntries(l)) {
      ctx.addIssue({ code: 'custom', path: [list, i], input: undefined, params: { code: 'partial-line-unseen', id: String(id), list } });
    }
    // Only a state whose encoding is sound (its own problems are reported already).
    for (const [i, key] of encodedProblem(l.m, 0) === undefined ? uncountedEntries(l.m, l.c) : []) {
      ctx.addIssue({ code: 'custom', path: ['m', '$m', i, 0], input: undefined, params: { code: 'partial-state-uncounted', id: typeof key === 'string' ? key : JSON.stringify(key) ?? String(key) } });
    }
  });

const issue = z.object({
  code: z.string(),
  path: z.array(z.union([z.string(), z.number()])),
  // A refinement of its own, not z.custom's bare refusal: the message names what was found.
  params: z.custom<Record<string, unknown>>(() => true).superRefine((v, ctx) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) ctx.addIssue({ code: 'custom', input: v, params: { code: 'partial-issue-params', received: typeName(v) } });
  }),
  message: z.string(),
  file: z.string().optional(),
  line: z.int().optional(),
});

/**
 * A digest: 43 base64 characters and `=`, the last one's padding bits zero. Those bits are not
 * read, so a digest with them set is the same bytes spelt another way, and the merge, which
 * compares a conflict's digests as text, would take it for another version.
 */
const digest = z
  .string()
  .regex(DIGEST_PATTERN)
  .superRefine((text, ctx) => {
    if (DIGEST_PATTERN.test(text) && !isBase64Digest(text)) ctx.addIssue({ code: 'custom', input: text, params: { code: 'partial-digest-noncanonical', digest: text } });
  });

const version = z.tuple([
  z.string().min(1),
  z.array(digest).min(1),
  z
    .strictObject({ counter: z.enum(EFFECT_COUNTERS).nullable(), key: z.string().optional() })
    .superRefine((effect, ctx) => {
      const keyed = effect.counter !== null && KEYED_EFFECT_COUNTERS.has(effect.counter);
      if (keyed !== (effect.key !== undefined)) ctx.addIssue({ code: 'custom', path: ['key'], input: undefined, params: { code: 'partial-effect-key', counter: String(effect.counter), keyed } });
    }),
]);

const partialSchema = z.strictObject({
  format: z.literal('zerenzhi-partial/2'),
  engine: z.string(),
  basis: z.string(),
  occurrences: count,
  versions: z.array(version),
  lines: z.array(z.tuple([subjectType, z.string(), z.string(), line])),
  business: z.array(z.tuple([subjectType, z.string(), scores])),
  retained: z.array(z.unknown()),
  issues: z.array(issue),
  issueCount: count,
  skipped: count,
  overLimit: count,
});

// The schema above, checked by hand: true only for what it accepts, false for anything unusual
// (the schema then decides and says what is wrong). A province's partial state holds millions of
// entries, and zod costs microseconds each; a property test checks that this never accepts what
// the schema refuses.
const PARTIAL_KEYS = ['format', 'engine', 'basis', 'occurrences', 'versions', 'lines', 'business', 'retained', 'issues', 'issueCount', 'skipped', 'overLimit'];
const LINE_KEYS = ['m', 'c', 's', 'd', 'p', 'r', 'u', 'b', 'v'];
const COUNTERS: ReadonlySet<unknown> = new Set(EFFECT_COUNTERS);

/** A plain object whose enumerable own keys are exactly these, each a data property. */
function hasExactly(value: unknown, keys: readonly string[]): value is Record<string, unknown> {
  if (!isPlainObject(value)) return false;
  const own = Object.keys(value);
  if (own.length !== keys.length) return false;
  for (const key of own) if (!keys.includes(key) || !('value' in (Object.getOwnPropertyDescriptor(value, key) as PropertyDescriptor))) return false;
  return true;
}

const isArray = (value: unknown, length?: number): value is unknown[] => Array.isArray(value) && (length === undefined || value.length === length);
const isFiniteNumber = (value: unknown): boolean => typeof value === 'number' && Number.isFinite(value);

function allStrings(value: unknown): boolean {
  if (!Array.isArray(value)) return false;
  for (let i = 0; i < value.length; i++) if (typeof value[i] !== 'string') return false;
  return true;
}

function isScores(value: unknown): boolean {
  if (!Array.isArray(value)) return false;
  for (let i = 0; i < value.length; i++) {
    const entry: unknown = value[i];
    if (!isArray(entry, 2) || typeof entry[0] !== 'string' || !isFiniteNumber(entry[1])) return false;
  }
  return true;
}

function isVersion(value: unknown): boolean {
  if (!isArray(value, 3) || typeof value[0] !== 'string' || value[0].length === 0) return false;
  const digests = value[1];
  if (!isArray(digests) || digests.length === 0) return false;
  for (let i = 0; i < digests.length; i++) if (typeof digests[i] !== 'string' || !isBase64Digest(digests[i] as string)) return false;
  const effect = value[2];
  if (!isPlainObject(effect)) return false;
  const keyed = Object.hasOwn(effect, 'key');
  if (!hasExactly(effect, keyed ? ['counter', 'key'] : ['counter'])) return false;
  const { counter } = effect;
  if (counter !== null && !COUNTERS.has(counter)) return false;
  if (keyed && typeof effect['key'] !== 'string') return false;
  return keyed === (counter !== null && KEYED_EFFECT_COUNTERS.has(counter as string));
}

function isLine(value: unknown): boolean {
  if (!isArray(value, 4) || (value[0] !== 'o' && value[0] !== 'p') || typeof value[1] !== 'string' || typeof value[2] !== 'string') return false;
  const l = value[3];
  if (!hasExactly(l, LINE_KEYS)) return false;
  if (!allStrings(l['c']) || !allStrings(l['s']) || !allStrings(l['p']) || !allStrings(l['r']) || !allStrings(l['u']) || !allStrings(l['v']) || !isScores(l['b'])) return false;
  const days = l['d'];
  if (!isArray(days, (l['s'] as unknown[]).length)) return false;
  for (let i = 0; i < days.length; i++) if (!isCalendarDay(days[i])) return false;
  for (const list of ID_LISTS) if (repeatedEntries(l[list] as unknown[]).length > 0) return false;
  if (repeatedEntries(bonusIds(l['b'] as unknown[])).length > 0) return false;
  if (unseenEntries(l as Parameters<typeof unseenEntries>[0]).length > 0) return false;
  return encodedProblem(l['m'], 0) === undefined && uncountedEntries(l['m'], l['c'] as unknown[]).length === 0;
}

function isIssue(value: unknown): boolean {
  if (!isPlainObject(value)) return false;
  const { code, path, params, message, file, line } = value;
  if (typeof code !== 'string' || typeof message !== 'string' || !isArray(path) || !isPlainObject(params)) return false;
  for (let i = 0; i < path.length; i++) if (typeof path[i] !== 'string' && !isFiniteNumber(path[i])) return false;
  return (file === undefined || typeof file === 'string') && (line === undefined || Number.isSafeInteger(line));
}

function every(value: unknown, check: (item: unknown) => boolean): boolean {
  if (!Array.isArray(value)) return false;
  for (let i = 0; i < value.length; i++) if (!check(value[i])) return false;
  return true;
}

/**
 * Whether the partial-state schema certainly accepts the value (false: it may not; ask it).
 *
 * @example
 * surelyWellFormed(session.snapshot()); // true
 */
export function surelyWellFormed(partial: unknown): boolean {
  if (!hasExactly(partial, PARTIAL_KEYS)) return false;
  const p = partial;
  if (p['format'] !== 'zerenzhi-partial/2' || typeof p['engine'] !== 'string' || typeof p['basis'] !== 'string') return false;
  if (!isCount(p['occurrences']) || !isCount(p['issueCount']) || !isCount(p['skipped']) || !isCount(p['overLimit']) || !isArray(p['retained'])) return false;
  if (!every(p['versions'], isVersion) || !every(p['lines'], isLine) || !every(p['issues'], isIssue)) return false;
  return every(p['business'], (b) => isArray(b, 3) && (b[0] === 'o' || b[0] === 'p') && typeof b[1] === 'string' && isScores(b[2]));
}

/**
 * The problems of a partial state's shape by the schema alone (no fast path, no kept records):
 * what {@link surelyWellFormed} is tested against.
 *
 * @example
 * schemaIssues(JSON.parse(text), 'zh'); // []
 */
export function schemaIssues(partial: unknown, lang: Lang): Issue[] {
  const parsed = partialSchema.safeParse(partial, { reportInput: true });
  return parsed.success ? [] : fromZodIssues(parsed.error.issues, ['partial'], lang);
}

/**
 * Every problem of a value given as a partial state, each with its path from `partial`: the shape
 * of each field (the engine's own snapshots always pass; digests in their one canonical
 * spelling), the days beside the records seen, how deep a measure state nests, whether each
 * line's lists and measure state agree, the business scores within `businessScale` (the rule
 * set's, 100 by default), bonus points above zero, counts that can be, the records named by the
 * lines and business scores listed among its versions, and each kept record a record, the very
 * version its id is listed with. Empty when it can be merged.
 *
 * @example
 * checkPartial(JSON.parse(text), 'zh'); // []
 */
export function checkPartial(partial: unknown, lang: Lang, businessScale = 100): Issue[] {
  const prefix: IssuePath = ['partial'];
  const issues = surelyWellFormed(partial) ? [] : schemaIssues(partial, lang);
  // Once its shape is sound: values in range, counts that can be, and records its versions list.
  const versionOf = issues.length === 0 ? versionLookup((partial as PartialState).versions) : undefined;
  if (versionOf !== undefined) {
    const sound = partial as PartialState;
    issues.push(...businessScoreIssues(sound, businessScale, lang), ...bonusPointsIssues(sound, lang), ...countIssues(sound, lang), ...namedRecordIssues(sound, versionOf, lang));
  }
  const retained = (partial as { retained?: unknown } | null)?.retained;
  if (Array.isArray(retained)) {
    retained.forEach((record, i) => {
      const normalized = normalizeRecord(record, [...prefix, 'retained', i], lang);
      if (!normalized.ok) issues.push(...normalized.issues);
      else if (versionOf !== undefined) {
        const issue = retainedRecordIssue(normalized.record, i, versionOf, lang);
        if (issue !== undefined) issues.push(issue);
      }
    });
  }
  return issues;
}
