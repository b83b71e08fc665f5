import { z } from 'zod';
import type { Issue } from '../core/issue.js';
import type { Lang } from '../core/lang.js';
import type { IssuePath } from '../core/path.js';
import { fromZodIssues } from '../core/zod-issues.js';
import { normalizeRecord } from '../evidence/normalize.js';

/**
 * How deep a measure state may nest in a partial state. The engine's own states nest four levels
 * at most (a map of record ids to objects of numbers); the cap keeps a hostile file from
 * overflowing the stack of the recursive decoder.
 */
export const MAX_STATE_DEPTH = 16;

const COUNTERS = ['outOfPeriod', 'pending', 'rejected', 'unusedType', 'unknownSubject', 'unknownReference', 'unassignedScore'] as const;

/** Where an encoded measure state is not one (see partial-codec.ts), or undefined when it is. */
function encodedProblem(value: unknown, path: (string | number)[], depth: number): { path: (string | number)[]; code: string } | undefined {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return undefined;
  if (typeof value === 'number') return Number.isFinite(value) ? undefined : { path, code: 'partial-state-invalid' };
  if (depth >= MAX_STATE_DEPTH) return { path, code: 'partial-state-deep' };
  const items = (list: unknown, at: string, pairs: boolean): { path: (string | number)[]; code: string } | undefined => {
    if (!Array.isArray(list)) return { path: [...path, at], code: 'partial-state-invalid' };
    for (let i = 0; i < list.length; i++) {
      const item: unknown = list[i];
      if (!pairs) {
        const problem = encodedProblem(item, [...path, at, i], depth + 1);
        if (problem) return problem;
        continue;
      }
      if (!Array.isArray(item) || item.length !== 2) return { path: [...path, at, i], code: 'partial-state-invalid' };
      if (at === '$o' && typeof item[0] !== 'string') return { path: [...path, at, i, 0], code: 'partial-state-invalid' };
      const problem = encodedProblem(item[0], [...path, at, i, 0], depth + 1) ?? encodedProblem(item[1], [...path, at, i, 1], depth + 1);
      if (problem) return problem;
    }
    return undefined;
  };
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const problem = encodedProblem(value[i], [...path, i], depth + 1);
      if (problem) return problem;
    }
    return undefined;
  }
  if (typeof value !== 'object') return { path, code: 'partial-state-invalid' };
  const keys = Object.keys(value);
  const key = keys[0];
  if (keys.length !== 1 || (key !== '$m' && key !== '$s' && key !== '$o')) return { path, code: 'partial-state-invalid' };
  const list = Object.getOwnPropertyDescriptor(value, key)?.value as unknown;
  return items(list, key, key !== '$s');
}

/** Whether a value is an encoded measure state, without building paths (the common case). */
function isEncoded(value: unknown, depth: number): boolean {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (depth >= MAX_STATE_DEPTH || typeof value !== 'object') return false;
  if (Array.isArray(value)) {
    for (const item of value) if (!isEncoded(item, depth + 1)) return false;
    return true;
  }
  const keys = Object.keys(value);
  const key = keys[0];
  if (keys.length !== 1 || (key !== '$m' && key !== '$s' && key !== '$o')) return false;
  const list = Object.getOwnPropertyDescriptor(value, key)?.value as unknown;
  if (!Array.isArray(list)) return false;
  for (const item of list) {
    if (key === '$s') {
      if (!isEncoded(item, depth + 1)) return false;
    } else if (!Array.isArray(item) || item.length !== 2 || (key === '$o' && typeof item[0] !== 'string') || !isEncoded(item[0], depth + 1) || !isEncoded(item[1], depth + 1)) return false;
  }
  return true;
}

const encodedState = z.unknown().superRefine((value, ctx) => {
  if (isEncoded(value, 0)) return;
  const problem = encodedProblem(value, [], 0);
  if (problem) ctx.addIssue({ code: 'custom', path: problem.path, input: undefined, params: { code: problem.code, depth: MAX_STATE_DEPTH } });
});

const ids = z.array(z.string());
const count = z.int().nonnegative();
const subjectType = z.enum(['o', 'p']);
const scores = z.array(z.tuple([z.string(), z.number().finite()]));

const line = z
  .strictObject({ m: encodedState, c: ids, s: ids, d: z.array(z.int()), p: ids, r: ids, u: ids, b: scores, v: ids })
  .superRefine((l, ctx) => {
    if (l.d.length !== l.s.length) ctx.addIssue({ code: 'custom', path: ['d'], input: undefined, params: { code: 'partial-days', seen: l.s.length, days: l.d.length } });
  });

const issue = z.object({
  code: z.string(),
  path: z.array(z.union([z.string(), z.number()])),
  params: z.custom<Record<string, unknown>>((v) => typeof v === 'object' && v !== null && !Array.isArray(v)),
  message: z.string(),
  file: z.string().optional(),
  line: z.int().optional(),
});

const DIGEST = /^[A-Za-z0-9+/]{43}=$/;
const COUNTER_SET: ReadonlySet<unknown> = new Set([...COUNTERS, null]);

const version = z.tuple([
  z.string().min(1),
  z.array(z.string().regex(DIGEST)).min(1),
  z.strictObject({ counter: z.enum(COUNTERS).nullable(), key: z.string().optional() }),
]);

const lineRow = z.tuple([subjectType, z.string(), z.string(), line]);

const isStrings = (value: unknown): boolean => Array.isArray(value) && value.every((v) => typeof v === 'string');

// Hand-written checks of the two long lists, a partial state's bulk: one per record id. What fails
// them is checked again by the schema, which says what is wrong and where.
function isVersion(v: unknown): boolean {
  if (!Array.isArray(v) || v.length !== 3 || typeof v[0] !== 'string' || v[0] === '') return false;
  const digests: unknown = v[1];
  if (!Array.isArray(digests) || digests.length === 0 || !digests.every((d) => typeof d === 'string' && DIGEST.test(d))) return false;
  const effect: unknown = v[2];
  if (typeof effect !== 'object' || effect === null || Array.isArray(effect)) return false;
  const keys = Object.keys(effect);
  const { counter, key } = effect as { counter?: unknown; key?: unknown };
  return COUNTER_SET.has(counter) && keys.includes('counter') && keys.every((k) => k === 'counter' || k === 'key') && (key === undefined || typeof key === 'string');
}

function isLineRow(row: unknown): boolean {
  if (!Array.isArray(row) || row.length !== 4 || (row[0] !== 'o' && row[0] !== 'p') || typeof row[1] !== 'string' || typeof row[2] !== 'string') return false;
  const l: unknown = row[3];
  if (typeof l !== 'object' || l === null || Array.isArray(l)) return false;
  const { m, c, s, d, p, r, u, b, v } = l as Record<string, unknown>;
  if (Object.keys(l).length !== 9 || !isStrings(c) || !isStrings(s) || !isStrings(p) || !isStrings(r) || !isStrings(u) || !isStrings(v)) return false;
  if (!Array.isArray(d) || d.length !== (s as unknown[]).length || !d.every((x) => Number.isInteger(x))) return false;
  if (!Array.isArray(b) || !b.every((e) => Array.isArray(e) && e.length === 2 && typeof e[0] === 'string' && Number.isFinite(e[1]))) return false;
  return m !== undefined && isEncoded(m, 0);
}

/** A list whose items are checked by hand first, and by `schema` (for the issues) when that fails. */
function bulk(isValid: (item: unknown) => boolean, schema: z.ZodType) {
  return z.array(z.unknown()).superRefine((items, ctx) => {
    items.forEach((item, i) => {
      if (isValid(item)) return;
      const parsed = schema.safeParse(item, { reportInput: true });
      if (!parsed.success) for (const issue of parsed.error.issues) ctx.addIssue({ ...issue, path: [i, ...issue.path] } as never);
    });
  });
}

const partialSchema = z.strictObject({
  format: z.literal('zerenzhi-partial/2'),
  engine: z.string(),
  basis: z.string(),
  occurrences: count,
  versions: bulk(isVersion, version),
  lines: bulk(isLineRow, lineRow),
  business: z.array(z.tuple([subjectType, z.string(), scores])),
  retained: z.array(z.unknown()),
  issues: z.array(issue),
  issueCount: count,
  skipped: count,
  overLimit: count,
});

/**
 * Every problem of a value given as a partial state, each with its path from `partial`: the shape
 * of each field (the engine's own snapshots always pass), the days beside the records seen, how
 * deep a measure state nests, and each kept record as a record. Empty when it can be merged.
 *
 * @example
 * checkPartial(JSON.parse(text), 'zh'); // []
 */
export function checkPartial(partial: unknown, lang: Lang): Issue[] {
  const prefix: IssuePath = ['partial'];
  const parsed = partialSchema.safeParse(partial, { reportInput: true });
  const issues = parsed.success ? [] : fromZodIssues(parsed.error.issues, prefix, lang);
  const retained = (partial as { retained?: unknown } | null)?.retained;
  if (Array.isArray(retained)) {
    retained.forEach((record, i) => {
      const normalized = normalizeRecord(record, [...prefix, 'retained', i], lang);
      if (!normalized.ok) issues.push(...normalized.issues);
    });
  }
  return issues;
}
