import { z } from 'zod';
import type { Issue } from '../core/issue.js';
import type { Lang } from '../core/lang.js';
import type { IssuePath } from '../core/path.js';
import { fromZodIssues } from '../core/zod-issues.js';
import { normalizeRecord } from '../evidence/normalize.js';
import { EFFECT_COUNTERS, KEYED_EFFECT_COUNTERS } from './versions.js';

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

const version = z.tuple([
  z.string().min(1),
  z.array(z.string().regex(/^[A-Za-z0-9+/]{43}=$/)).min(1),
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
