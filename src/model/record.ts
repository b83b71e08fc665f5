import { z } from 'zod';
import { CalendarDateSchema, IdSchema } from './primitives.js';

/**
 * Review status of a record: only `approved` records count; `pending` ones are reported.
 *
 * @example
 * RECORD_STATUSES.includes('pending'); // true
 */
export const RECORD_STATUSES = ['approved', 'pending', 'rejected'] as const;
/** A record's review status. */
export type RecordStatus = (typeof RECORD_STATUSES)[number];

/** An attribute value: a string, a finite number, a boolean, a list of strings, or null. */
export type AttributeValue = string | number | boolean | readonly string[] | null;

/** Bounds on attributes, shared by the schema and the engine's fast path. */
export const ATTRIBUTE_LIMITS = { keys: 1_000, stringLength: 100_000, listLength: 100_000, itemLength: 10_000, titleLength: 1_000 } as const;

const AttributeValueSchema = z.union([
  z.string().max(ATTRIBUTE_LIMITS.stringLength),
  z.number(),
  z.boolean(),
  z.array(z.string().max(ATTRIBUTE_LIMITS.itemLength)).max(ATTRIBUTE_LIMITS.listLength),
  z.null(),
]);

const MAX_ATTRIBUTES = ATTRIBUTE_LIMITS.keys;

/**
 * Attributes as a plain JSON object. Parsed by hand into a `Map` rather than by `z.record`, which
 * drops a `__proto__` key silently: every key, whatever its name, is kept and never touches a
 * prototype.
 */
export const AttributesSchema = z
  .custom<Record<string, AttributeValue>>((value) => typeof value === 'object' && value !== null && !Array.isArray(value), {
    params: { code: 'invalid-attributes' },
  })
  .superRefine((value, ctx) => {
    const keys = Object.keys(value);
    if (keys.length > MAX_ATTRIBUTES) {
      ctx.addIssue({ code: 'custom', params: { code: 'limit-exceeded', what: 'attributes', limit: MAX_ATTRIBUTES, actual: keys.length } });
      return;
    }
    const tooLong = (path: (string | number)[], maximum: number): void => ctx.addIssue({ code: 'custom', path, params: { code: 'too-big', maximum, inclusive: 1 } });
    for (const key of keys) {
      const item: unknown = Object.getOwnPropertyDescriptor(value, key)?.value;
      // A value of a right kind but too long is said as such, not as a value of no right kind.
      if (typeof item === 'string' && item.length > ATTRIBUTE_LIMITS.stringLength) tooLong([key], ATTRIBUTE_LIMITS.stringLength);
      else if (Array.isArray(item) && item.length > ATTRIBUTE_LIMITS.listLength) tooLong([key], ATTRIBUTE_LIMITS.listLength);
      else if (Array.isArray(item) && item.every((entry) => typeof entry === 'string') && item.some((entry: string) => entry.length > ATTRIBUTE_LIMITS.itemLength)) {
        tooLong([key, item.findIndex((entry: string) => entry.length > ATTRIBUTE_LIMITS.itemLength)], ATTRIBUTE_LIMITS.itemLength);
      } else if (!AttributeValueSchema.safeParse(item).success) ctx.addIssue({ code: 'custom', path: [key], params: { code: 'invalid-attribute', key } });
    }
  })
  .meta({ description: 'Free attributes: string, number, boolean, string[] or null values.' });

/**
 * One record of evidence: a meeting held, a lecture given, a task completed, a score entered.
 *
 * @example
 * const record: RecordInput = {
 *   id: 'r-0001', type: 'topic-meeting', organization: 'bureau', date: '2022-03-15',
 *   status: 'approved', source: 'oa', attributes: { topic: '研究部署全面从严治党工作' },
 * };
 */
export const RecordInputSchema = z
  .strictObject({
    id: IdSchema,
    type: IdSchema,
    organization: IdSchema.optional(),
    person: IdSchema.optional(),
    date: CalendarDateSchema,
    due: CalendarDateSchema.optional(),
    completed: CalendarDateSchema.optional(),
    status: z.enum(RECORD_STATUSES).optional().meta({ description: 'approved (default) / pending / rejected' }),
    source: IdSchema.optional(),
    title: z.string().max(ATTRIBUTE_LIMITS.titleLength).optional(),
    attributes: AttributesSchema.optional(),
  })
  .refine((r) => r.organization !== undefined || r.person !== undefined, {
    params: { code: 'record-without-subject' },
    path: ['organization'],
  })
  .meta({ title: 'zerenzhi record', description: '考核佐证记录 / one record of evidence' });

/** A record as written in JSON, NDJSON or a CSV row. */
export type RecordInput = z.input<typeof RecordInputSchema>;

/**
 * A validated record: dates as day numbers (China time, no clock), attributes in a `Map`.
 */
export interface EvidenceRecord {
  readonly id: string;
  readonly type: string;
  readonly organization?: string;
  readonly person?: string;
  /** Day number of `date` (days since 1970-01-01). */
  readonly day: number;
  readonly date: string;
  readonly due?: number;
  readonly completed?: number;
  readonly status: RecordStatus;
  readonly source?: string;
  readonly title?: string;
  readonly attributes: ReadonlyMap<string, AttributeValue>;
}
