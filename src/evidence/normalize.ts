import type { z } from 'zod';
import { parseCalendarDate } from '../core/calendar.js';
import { makeIssue, type Issue } from '../core/issue.js';
import type { Lang } from '../core/lang.js';
import type { IssuePath } from '../core/path.js';
import { pathIssues } from '../core/path-issues.js';
import { fromZodIssues } from '../core/zod-issues.js';
import { fastRecord } from './fast-record.js';
import { RecordInputSchema, type AttributeValue, type EvidenceRecord } from '../model/record.js';
import { langOption, ValidationError } from '../core/validation-error.js';

/** A record that passed validation, or the problems that kept it out. */
export type NormalizeResult = { readonly ok: true; readonly record: EvidenceRecord } | { readonly ok: false; readonly issues: Issue[] };

const ENUM_CODES = { status: 'unknown-status' } as const;

/**
 * Validates one record and turns it into the engine's form: dates as day numbers, attributes
 * in a `Map` (every key kept, `__proto__` included), status defaulting to `approved`.
 *
 * @example
 * const r = normalizeRecord({ id: 'r1', type: 'topic-meeting', organization: 'bureau', date: '2022-03-15' }, ['records', 0]);
 * if (r.ok) r.record.day; // 19066
 */
export function normalizeRecord(input: unknown, path: IssuePath = [], lang: Lang = 'zh'): NormalizeResult {
  // Where the problems are said: a path and a language given wrong (say options in place of the
  // path) would fail deep inside with a TypeError, or render messages in neither language. Checked
  // before the fast path too, so that a call is refused whether its record is sound or not (the
  // check is a few comparisons: the engine calls this once a record).
  if (lang !== 'zh' && lang !== 'en') langOption(lang);
  const wrongPath = pathIssues(path, ['path'], lang);
  if (wrongPath.length > 0) throw new ValidationError('options', wrongPath, lang);
  const fast = fastRecord(input);
  if (fast) return { ok: true, record: fast };
  return normalizeBySchema(input, path, lang);
}

/**
 * The schema's issues, with a missing subject (neither `organization` nor `person`) among them
 * whatever else is wrong. zod runs the schema's subject check only once every field is valid, so
 * a record with a bad date and no subject was told of the subject on the next pass only. Placed as
 * the check places it (at `organization`), after the problems of `id` and `type`.
 */
function withSubjectIssue(input: unknown, issues: readonly z.core.$ZodIssue[]): z.core.$ZodIssue[] {
  const out = [...issues];
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return out;
  const { organization, person } = input as { organization?: unknown; person?: unknown };
  if (organization !== undefined || person !== undefined) return out;
  if (out.some((i) => i.code === 'custom' && i.params?.['code'] === 'record-without-subject')) return out;
  const at = out.findIndex((i) => i.path[0] !== 'id' && i.path[0] !== 'type');
  out.splice(at < 0 ? out.length : at, 0, { code: 'custom', path: ['organization'], params: { code: 'record-without-subject' }, message: '', input });
  return out;
}

/**
 * The same as {@link normalizeRecord} through the zod schema alone (no fast path): the reference
 * the fast path is tested against, and what reports the problems of an invalid record.
 *
 * @example
 * normalizeBySchema({ id: 'r1' }, ['records', 0]).ok; // false
 */
export function normalizeBySchema(input: unknown, path: IssuePath = [], lang: Lang = 'zh'): NormalizeResult {
  // No record at all (a hole in an array, `[a, , b]`): zod would call it a missing field named by
  // its index; it is a record that is not an object.
  if (input === undefined) return { ok: false, issues: [makeIssue('invalid-type', path, { expected: 'object', received: 'undefined' }, lang)] };
  const parsed = RecordInputSchema.safeParse(input, { reportInput: true });
  if (!parsed.success) return { ok: false, issues: fromZodIssues(withSubjectIssue(input, parsed.error.issues), path, lang, ENUM_CODES) };
  const raw = parsed.data;
  const attributes = new Map<string, AttributeValue>();
  if (raw.attributes) {
    for (const key of Object.keys(raw.attributes)) {
      const value = Object.getOwnPropertyDescriptor(raw.attributes, key)?.value as AttributeValue;
      attributes.set(key, Array.isArray(value) ? Object.freeze([...value]) : value);
    }
  }
  const record: EvidenceRecord = {
    id: raw.id,
    type: raw.type,
    ...(raw.organization !== undefined ? { organization: raw.organization } : {}),
    ...(raw.person !== undefined ? { person: raw.person } : {}),
    day: parseCalendarDate(raw.date) as number,
    date: raw.date,
    ...(raw.due !== undefined ? { due: parseCalendarDate(raw.due) as number } : {}),
    ...(raw.completed !== undefined ? { completed: parseCalendarDate(raw.completed) as number } : {}),
    status: raw.status ?? 'approved',
    ...(raw.source !== undefined ? { source: raw.source } : {}),
    ...(raw.title !== undefined ? { title: raw.title } : {}),
    attributes,
  };
  return { ok: true, record: Object.freeze(record) };
}

/**
 * The canonical JSON text of a record: keys in a fixed order, attributes sorted by key. Two
 * records are the same version exactly when their canonical texts are equal.
 *
 * @example
 * canonicalRecord(a) === canonicalRecord(b);
 */
export function canonicalRecord(record: EvidenceRecord): string {
  const attributes = [...record.attributes.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify([
    record.id,
    record.type,
    record.organization ?? null,
    record.person ?? null,
    record.day,
    record.due ?? null,
    record.completed ?? null,
    record.status,
    record.source ?? null,
    record.title ?? null,
    attributes,
  ]);
}
