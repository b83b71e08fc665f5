import { z } from 'zod';
import { GraphInputSchema } from './graph.js';

/**
 * The JSON Schema (draft 2020-12) of a graph document, generated from the zod schema, for
 * editors (`"$schema"`) and for other languages' validators.
 *
 * @example
 * fs.writeFileSync('graph.schema.json', JSON.stringify(graphJsonSchema(), null, 2));
 */
export function graphJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(GraphInputSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
}
