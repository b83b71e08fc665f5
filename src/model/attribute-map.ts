import { z } from 'zod';

/** Values an attribute filter may test for: one value, or any of a list. */
export type FilterValue = string | number | boolean | null | readonly (string | number | boolean | null)[];

const ScalarSchema = z.union([z.string(), z.number(), z.boolean(), z.null()]);
const FilterValueSchema = z.union([ScalarSchema, z.array(ScalarSchema).min(1)]);
const SCALAR_JSON = [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }, { type: 'null' }];

/**
 * An attribute filter, `{ "kind": "专题党课", "level": ["省级", "国家级"] }`: a record matches when
 * each named attribute equals the value, or one of the listed values. Checked by hand so that any
 * attribute name, `__proto__` included, is an ordinary key.
 */
export const WhereSchema = z
  .custom<Record<string, FilterValue>>((value) => typeof value === 'object' && value !== null && !Array.isArray(value), {
    params: { code: 'invalid-where' },
  })
  .superRefine((value, ctx) => {
    for (const key of Object.keys(value)) {
      const parsed = FilterValueSchema.safeParse(Object.getOwnPropertyDescriptor(value, key)?.value);
      if (!parsed.success) ctx.addIssue({ code: 'custom', path: [key], params: { code: 'invalid-where-value', key } });
    }
  })
  .meta({
    description: '属性筛选：每个属性等于给定值或属于给定列表 / attribute filter: each attribute equals the value or one of the list',
    examples: [{ kind: '专题党课' }],
    // What the hand-made check above accepts, for the JSON Schema (a custom schema has none).
    type: 'object',
    additionalProperties: { anyOf: [...SCALAR_JSON, { type: 'array', minItems: 1, items: { anyOf: SCALAR_JSON } }] },
  });

/**
 * Reads an attribute filter object into a `Map` (own keys only, `__proto__` included).
 *
 * @example
 * whereToMap({ kind: '专题党课' }).get('kind'); // '专题党课'
 */
export function whereToMap(where: Record<string, FilterValue> | undefined): ReadonlyMap<string, FilterValue> {
  const out = new Map<string, FilterValue>();
  if (!where) return out;
  for (const key of Object.keys(where)) out.set(key, Object.getOwnPropertyDescriptor(where, key)?.value as FilterValue);
  return out;
}
