import { z } from 'zod';
import { GraphInputSchema } from './graph.js';
import { RecordInputSchema } from './record.js';
import { RuleSetSchema } from './rules.js';

function toSchema(schema: z.ZodType, id: string): Record<string, unknown> {
  const generated = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' }) as Record<string, unknown>;
  return { title: id, ...generated };
}

/**
 * The JSON Schema (draft 2020-12) of a graph document, generated from the zod schema, for
 * editors (`"$schema"`) and for validators in other languages. Semantic rules (references,
 * cycles, real calendar dates) are checked by `parseGraph`, not by the schema.
 *
 * @example
 * fs.writeFileSync('graph.schema.json', JSON.stringify(graphJsonSchema(), null, 2));
 */
export function graphJsonSchema(): Record<string, unknown> {
  return toSchema(GraphInputSchema, 'graph');
}

/**
 * The JSON Schema of a rule set, for editor completion in rule files.
 *
 * @example
 * ruleSetJsonSchema().title; // 'zerenzhi rule set'
 */
export function ruleSetJsonSchema(): Record<string, unknown> {
  return toSchema(RuleSetSchema, 'rules');
}

/**
 * The JSON Schema of one evidence record (an element of a JSON array, or one NDJSON line).
 *
 * @example
 * recordJsonSchema().title; // 'zerenzhi record'
 */
export function recordJsonSchema(): Record<string, unknown> {
  return toSchema(RecordInputSchema, 'record');
}
