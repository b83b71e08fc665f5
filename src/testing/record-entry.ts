import { normalizeRecord, type Issue, type IssuePath, type Lang, type RecordInput } from '../index.js';
import type { RecordOptions } from './record-options.js';

/**
 * One record of a records builder: the record without its id, the id given (if any), and the
 * readable id it gets otherwise (`type:subject:date`, numbered on repeats when built).
 *
 * @example
 * const entry: Entry = { record: { type: 'theme-day', organization: 'b1', date: '2022-01-10' }, hint: 'theme-day:b1:2022-01-10' };
 */
export interface Entry {
  readonly record: Omit<RecordInput, 'id'>;
  readonly id?: string;
  readonly hint: string;
}

// Stands in for an id still to be assigned, so that the record check looks at everything else.
const PENDING_ID = 'id-to-be-assigned';

/**
 * The readable id of a record: `type:subject:date` and a suffix (a rater, a group).
 *
 * @example
 * hintOf({ type: 'theme-day', organization: 'b1', date: '2022-01-10' }); // 'theme-day:b1:2022-01-10'
 */
export function hintOf(record: { readonly type: string; readonly organization?: string | undefined; readonly person?: string | undefined; readonly date: string }, suffix = ''): string {
  const subject = [record.organization, record.person].filter((s) => s !== undefined).join('+');
  return `${record.type}:${subject}:${record.date}${suffix}`;
}

/**
 * A helper's record: its type and date, the common options, and the fields the helper adds.
 *
 * @example
 * makeEntry('theme-day', '2022-01-10', { organization: 'b1' });
 */
export function makeEntry(type: string, date: string, options: Omit<RecordOptions, 'attributes'> & { attributes?: RecordOptions['attributes'] | undefined }, extra: Partial<RecordInput> = {}, suffix = ''): Entry {
  const record: Omit<RecordInput, 'id'> = {
    type,
    ...(options.organization !== undefined ? { organization: options.organization } : {}),
    ...(options.person !== undefined ? { person: options.person } : {}),
    date,
    ...extra,
    ...(options.status !== undefined ? { status: options.status } : {}),
    ...(options.source !== undefined ? { source: options.source } : {}),
    ...(options.title !== undefined ? { title: options.title } : {}),
    ...(options.attributes !== undefined ? { attributes: { ...options.attributes } } : {}),
  };
  return { record, ...(options.id !== undefined ? { id: options.id } : {}), hint: hintOf(record, suffix) };
}

/**
 * Every problem of a record as the library's record check sees it (a date that does not exist,
 * no organization nor person, an attribute of no allowed kind…), at `path`; an id still to be
 * assigned is no problem.
 *
 * @example
 * recordIssues({ type: 'theme-day', person: 'p4', date: '2022-02-30' }, [], 'en')[0]?.code; // 'invalid-date'
 */
export function recordIssues(record: unknown, path: IssuePath, lang: Lang): Issue[] {
  const complete = typeof record === 'object' && record !== null && !Array.isArray(record) && (record as { id?: unknown }).id === undefined ? { ...record, id: PENDING_ID } : record;
  const checked = normalizeRecord(complete, path, lang);
  return checked.ok ? [] : [...checked.issues];
}
