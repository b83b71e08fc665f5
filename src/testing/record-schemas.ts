import { z } from 'zod';
import { RECORD_STATUSES } from '../index.js';
import { LangSchema } from './issues.js';

// The options of each records-builder helper, strict: a name the helper does not have
// (`exclude` for `except`) is an error rather than an option dropped without a word. What a
// record's own fields must be (ids, dates, attribute values) is checked on the records built,
// by the library's own record check.

const Year = z.int().min(1).max(9999);
const Day = z.int().min(1).max(31);
const Month = z.int().min(1).max(12);
const Quarter = z.int().min(1).max(4);
const Scores = z.array(z.number()).min(1);

const SUBJECT = { organization: z.string().optional(), person: z.string().optional() };
const REVIEW = { status: z.enum(RECORD_STATUSES).optional(), source: z.string().optional(), title: z.string().optional() };
const ATTRIBUTES = { attributes: z.record(z.string(), z.unknown()).optional() };

/** `records({ year, lang })`. */
export const RecordsOptionsSchema = z.strictObject({ year: Year.optional(), lang: LangSchema.optional() });

/** `on`, `pending`, `rejected`. */
export const RecordOptionsSchema = z.strictObject({ ...SUBJECT, ...REVIEW, ...ATTRIBUTES, id: z.string().optional() });

/** `monthly`: months 1–12, days 1–31 (the date built must exist). */
export const MonthlyOptionsSchema = z.strictObject({ ...SUBJECT, ...REVIEW, ...ATTRIBUTES, year: Year.optional(), months: z.array(Month).optional(), except: z.array(Month).optional(), day: Day.optional() });

/** `quarterly`: quarters 1–4, `month` the month of the quarter (1–3). */
export const QuarterlyOptionsSchema = z.strictObject({
  ...SUBJECT,
  ...REVIEW,
  ...ATTRIBUTES,
  year: Year.optional(),
  quarters: z.array(Quarter).optional(),
  except: z.array(Quarter).optional(),
  month: z.literal([1, 2, 3]).optional(),
  day: Day.optional(),
});

/** `task`. */
export const TaskOptionsSchema = z.strictObject({ ...SUBJECT, ...REVIEW, ...ATTRIBUTES, id: z.string().optional(), due: z.string(), completed: z.string().optional(), date: z.string().optional() });

/** `ratings`: at least one score, and a rater per score when raters are named. */
export const RatingsOptionsSchema = z.strictObject({ ...SUBJECT, ...REVIEW, ...ATTRIBUTES, scores: Scores, date: z.string().optional(), year: Year.optional(), raters: z.array(z.string()).optional() });

/** `manual`: at least one group, each with a score or a list of them. */
export const ManualOptionsSchema = z.strictObject({
  ...SUBJECT,
  ...REVIEW,
  scores: z.record(z.string(), z.union([z.number(), Scores])).refine((scores) => Object.keys(scores).length > 0, { params: { code: 'too-few', minimum: 1 } }),
  type: z.string().optional(),
  date: z.string().optional(),
  year: Year.optional(),
});

/** `business`. */
export const BusinessOptionsSchema = z.strictObject({ ...SUBJECT, ...REVIEW, type: z.string().optional(), date: z.string().optional(), year: Year.optional() });

/** `build({ avoid })`. */
export const BuildOptionsSchema = z.strictObject({ avoid: z.custom<Iterable<string>>((v) => typeof v === 'object' && v !== null && typeof (v as Iterable<unknown>)[Symbol.iterator] === 'function', { params: { code: 'invalid-type', expected: 'Iterable<string>' } }).optional() });
