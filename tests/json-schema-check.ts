// A tiny structural checker for the subset of JSON Schema that zerenzhi's hand-written schemas
// use (result, partial state): $ref into $defs, type (one or several), const, enum, anyOf,
// properties / required / additionalProperties (false or a schema), items (a schema or false),
// prefixItems, minItems, minimum, exclusiveMinimum, maximum, minLength, pattern. Returns the problems as
// `path: what`. Not a test file itself.
export type Schema = Record<string, unknown>;

export function check(value: unknown, schema: Schema, root: Schema, path = '$'): string[] {
  if (typeof schema['$ref'] === 'string') {
    const name = schema['$ref'].replace('#/$defs/', '');
    const target = (root['$defs'] as Record<string, Schema>)[name];
    if (!target) return [`${path}: unknown $ref ${schema['$ref']}`];
    return check(value, target, root, path);
  }
  if (Array.isArray(schema['anyOf'])) {
    const branches = (schema['anyOf'] as Schema[]).map((branch) => check(value, branch, root, path));
    return branches.some((problems) => problems.length === 0) ? [] : [`${path}: matches no branch of anyOf (${branches.map((b) => b[0]).join(' | ')})`];
  }
  const problems: string[] = [];
  if ('const' in schema && value !== schema['const']) problems.push(`${path}: expected ${JSON.stringify(schema['const'])}`);
  if (Array.isArray(schema['enum']) && !(schema['enum'] as unknown[]).includes(value)) problems.push(`${path}: ${JSON.stringify(value)} not in enum`);
  const types = schema['type'] === undefined ? [] : ([] as unknown[]).concat(schema['type']);
  const typeOf = (v: unknown): string => (v === null ? 'null' : Array.isArray(v) ? 'array' : Number.isInteger(v) ? 'integer' : typeof v);
  if (types.length > 0 && !types.some((t) => t === typeOf(value) || (t === 'number' && typeOf(value) === 'integer'))) {
    return [...problems, `${path}: expected ${types.join('|')}, got ${typeOf(value)}`];
  }
  if (typeof value === 'number') {
    if (typeof schema['minimum'] === 'number' && value < schema['minimum']) problems.push(`${path}: below minimum`);
    if (typeof schema['exclusiveMinimum'] === 'number' && value <= schema['exclusiveMinimum']) problems.push(`${path}: not above ${schema['exclusiveMinimum']}`);
    if (typeof schema['maximum'] === 'number' && value > schema['maximum']) problems.push(`${path}: above maximum`);
  }
  if (typeof value === 'string' && typeof schema['pattern'] === 'string' && !new RegExp(schema['pattern']).test(value)) problems.push(`${path}: does not match ${schema['pattern']}`);
  if (typeof value === 'string' && typeof schema['minLength'] === 'number' && value.length < schema['minLength']) problems.push(`${path}: shorter than ${schema['minLength']}`);
  if (Array.isArray(value)) {
    const prefix = (schema['prefixItems'] ?? []) as Schema[];
    if (typeof schema['minItems'] === 'number' && value.length < schema['minItems']) problems.push(`${path}: fewer than ${schema['minItems']} items`);
    value.forEach((item, i) => {
      if (i < prefix.length) problems.push(...check(item, prefix[i] as Schema, root, `${path}[${i}]`));
      else if (schema['items'] === false) problems.push(`${path}: unexpected item ${i}`);
      else if (schema['items']) problems.push(...check(item, schema['items'] as Schema, root, `${path}[${i}]`));
    });
  }
  if (typeOf(value) === 'object') {
    const object = value as Record<string, unknown>;
    const properties = (schema['properties'] ?? {}) as Record<string, Schema>;
    for (const key of (schema['required'] ?? []) as string[]) if (!(key in object)) problems.push(`${path}: missing required ${key}`);
    for (const [key, member] of Object.entries(object)) {
      const propertySchema = properties[key];
      if (propertySchema) problems.push(...check(member, propertySchema, root, `${path}.${key}`));
      else if (schema['additionalProperties'] === false) problems.push(`${path}: unexpected property ${key}`);
      else if (typeof schema['additionalProperties'] === 'object') problems.push(...check(member, schema['additionalProperties'] as Schema, root, `${path}.${key}`));
    }
  }
  return problems;
}

