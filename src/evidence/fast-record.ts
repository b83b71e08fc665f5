import { parseCalendarDate } from '../core/calendar.js';
import { isValidId } from '../model/primitives.js';
import { ATTRIBUTE_LIMITS, RECORD_STATUSES, type AttributeValue, type EvidenceRecord, type RecordStatus } from '../model/record.js';

const FIELDS = new Set(['id', 'type', 'organization', 'person', 'date', 'due', 'completed', 'status', 'source', 'title', 'attributes']);
const STATUSES = new Set<string>(RECORD_STATUSES);

/**
 * Whether a value is certainly a plain JSON object: an object, not a list, whose prototype is
 * `Object.prototype` or null (not a class instance, nor an object inheriting fields).
 *
 * @example
 * isPlainObject(JSON.parse('{"a":1}')); // true
 */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

const optionalId = (value: unknown): boolean => value === undefined || (typeof value === 'string' && isValidId(value));

/**
 * A record attribute's value within the bounds the schema sets: null, a boolean, a finite number,
 * a string or a list of strings.
 *
 * @example
 * isAttributeValue(['a', 'b']); // true
 */
export function isAttributeValue(value: unknown): boolean {
  if (value === null || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (typeof value === 'string') return value.length <= ATTRIBUTE_LIMITS.stringLength;
  if (!Array.isArray(value) || value.length > ATTRIBUTE_LIMITS.listLength) return false;
  for (let i = 0; i < value.length; i++) {
    const item: unknown = value[i];
    if (typeof item !== 'string' || item.length > ATTRIBUTE_LIMITS.itemLength) return false;
  }
  return true;
}

/**
 * The common case of record validation without zod: returns the normalized record when the input
 * is certainly valid, and `undefined` whenever anything is unusual — then the schema decides and
 * reports. It must never accept what the schema refuses (a property test checks this).
 */
export function fastRecord(input: unknown): EvidenceRecord | undefined {
  if (!isPlainObject(input)) return undefined;
  for (const key of Object.keys(input)) if (!FIELDS.has(key)) return undefined;
  const { id, type, organization, person, date, due, completed, status, source, title, attributes } = input;
  if (typeof id !== 'string' || !isValidId(id) || typeof type !== 'string' || !isValidId(type)) return undefined;
  if (!optionalId(organization) || !optionalId(person) || !optionalId(source)) return undefined;
  if (organization === undefined && person === undefined) return undefined;
  if (typeof date !== 'string') return undefined;
  const day = parseCalendarDate(date);
  if (day === undefined) return undefined;
  let dueDay: number | undefined;
  let completedDay: number | undefined;
  if (due !== undefined && (typeof due !== 'string' || (dueDay = parseCalendarDate(due)) === undefined)) return undefined;
  if (completed !== undefined && (typeof completed !== 'string' || (completedDay = parseCalendarDate(completed)) === undefined)) return undefined;
  if (status !== undefined && (typeof status !== 'string' || !STATUSES.has(status))) return undefined;
  if (title !== undefined && (typeof title !== 'string' || title.length > ATTRIBUTE_LIMITS.titleLength)) return undefined;
  const map = new Map<string, AttributeValue>();
  if (attributes !== undefined) {
    if (!isPlainObject(attributes)) return undefined;
    const keys = Object.keys(attributes);
    if (keys.length > ATTRIBUTE_LIMITS.keys) return undefined;
    for (const key of keys) {
      const value: unknown = Object.getOwnPropertyDescriptor(attributes, key)?.value;
      if (!isAttributeValue(value)) return undefined;
      map.set(key, Array.isArray(value) ? Object.freeze([...(value as string[])]) : (value as AttributeValue));
    }
  }
  // Built field by field in the schema path's order (no spread objects): records with the same
  // fields share one hidden class.
  const record: Record<string, unknown> = { id, type };
  if (organization !== undefined) record['organization'] = organization;
  if (person !== undefined) record['person'] = person;
  record['day'] = day;
  record['date'] = date;
  if (dueDay !== undefined) record['due'] = dueDay;
  if (completedDay !== undefined) record['completed'] = completedDay;
  record['status'] = status ?? 'approved';
  if (source !== undefined) record['source'] = source;
  if (title !== undefined) record['title'] = title;
  record['attributes'] = map;
  return Object.freeze(record) as unknown as EvidenceRecord;
}
