// The common case of checking a graph's elements without zod: a province's graph has a million
// people and a million posts, and zod costs about a microsecond and several objects for each.
// Each function returns the element as the schema would give it when it is certainly valid, and
// `undefined` whenever anything is unusual: the schema then decides and reports. They must never
// accept what the schema refuses, and must give what it gives (a property test checks both).
import { isPlainObject } from '../evidence/fast-record.js';
import { ORGANIZATION_KINDS, POST_ROLES, type LiaisonInput, type OrganizationInput, type OversightInput, type PersonInput, type PostInput } from '../model/graph.js';
import { isValidId } from '../model/primitives.js';

const KINDS: ReadonlySet<unknown> = new Set(ORGANIZATION_KINDS);
const ROLES: ReadonlySet<unknown> = new Set(POST_ROLES);

/** `NameSchema`: a string of 1 to 500 UTF-16 code units. */
const isName = (value: unknown): value is string => typeof value === 'string' && value.length >= 1 && value.length <= 500;
const isId = (value: unknown): value is string => typeof value === 'string' && isValidId(value);

/**
 * Whether every own key of a plain object is one of `allowed`, each a data property with a
 * defined value (a key present as `undefined` is left to the schema).
 */
function onlyKeys(value: Record<string, unknown>, allowed: readonly string[]): boolean {
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) return false;
    const descriptor = Object.getOwnPropertyDescriptor(value, key) as PropertyDescriptor;
    if (!('value' in descriptor) || descriptor.value === undefined) return false;
  }
  return true;
}

/**
 * The element as the schema gives it: its fields in the schema's order (`keys`), those it has
 * only (none is `undefined`: {@link onlyKeys} left such an element to the schema).
 */
function inSchemaOrder<T>(value: Record<string, unknown>, keys: readonly string[]): T {
  const out: Record<string, unknown> = {};
  for (const key of keys) if (Object.hasOwn(value, key)) out[key] = value[key];
  return out as T;
}

const ORGANIZATION_KEYS = ['id', 'name', 'kind', 'parent'];
const PERSON_KEYS = ['id', 'name', 'partyMember', 'probationary'];
const POST_KEYS = ['person', 'organization', 'role', 'title'];
const OVERSIGHT_KEYS = ['person', 'organization', 'area'];
const LIAISON_KEYS = ['person', 'organization'];

/**
 * An organization the schema certainly accepts, as it gives it; else undefined.
 *
 * @example
 * fastOrganization({ id: 'b1', name: '第一党支部', kind: 'branch', parent: 'c1' })?.kind; // 'branch'
 */
export function fastOrganization(value: unknown): OrganizationInput | undefined {
  if (!isPlainObject(value) || !onlyKeys(value, ORGANIZATION_KEYS)) return undefined;
  const { id, name, kind, parent } = value;
  if (!isId(id) || !isName(name) || !KINDS.has(kind)) return undefined;
  if (parent !== undefined && parent !== null && !isId(parent)) return undefined;
  return inSchemaOrder(value, ORGANIZATION_KEYS);
}

/**
 * A person the schema certainly accepts, as it gives it; else undefined.
 *
 * @example
 * fastPerson({ id: 'p1', name: '王某', partyMember: true })?.partyMember; // true
 */
export function fastPerson(value: unknown): PersonInput | undefined {
  if (!isPlainObject(value) || !onlyKeys(value, PERSON_KEYS)) return undefined;
  const { id, name, partyMember, probationary } = value;
  if (!isId(id) || !isName(name) || typeof partyMember !== 'boolean') return undefined;
  if (probationary !== undefined && typeof probationary !== 'boolean') return undefined;
  // A probationary member is a party member: the schema refuses the contradiction.
  if (probationary === true && partyMember === false) return undefined;
  return inSchemaOrder(value, PERSON_KEYS);
}

/**
 * A post the schema certainly accepts, as it gives it; else undefined.
 *
 * @example
 * fastPost({ person: 'p1', organization: 'b1', role: 'secretary' })?.role; // 'secretary'
 */
export function fastPost(value: unknown): PostInput | undefined {
  if (!isPlainObject(value) || !onlyKeys(value, POST_KEYS)) return undefined;
  const { person, organization, role, title } = value;
  if (!isId(person) || !isId(organization) || !ROLES.has(role)) return undefined;
  if (title !== undefined && !isName(title)) return undefined;
  return inSchemaOrder(value, POST_KEYS);
}

/**
 * An oversight edge the schema certainly accepts, as it gives it; else undefined.
 *
 * @example
 * fastOversight({ person: 'p2', organization: 'b1', area: '财务' })?.area; // '财务'
 */
export function fastOversight(value: unknown): OversightInput | undefined {
  if (!isPlainObject(value) || !onlyKeys(value, OVERSIGHT_KEYS)) return undefined;
  const { person, organization, area } = value;
  if (!isId(person) || !isId(organization)) return undefined;
  if (area !== undefined && !isName(area)) return undefined;
  return inSchemaOrder(value, OVERSIGHT_KEYS);
}

/**
 * A liaison edge the schema certainly accepts, as it gives it; else undefined.
 *
 * @example
 * fastLiaison({ person: 'p3', organization: 'b1' })?.person; // 'p3'
 */
export function fastLiaison(value: unknown): LiaisonInput | undefined {
  if (!isPlainObject(value) || !onlyKeys(value, LIAISON_KEYS)) return undefined;
  const { person, organization } = value;
  if (!isId(person) || !isId(organization)) return undefined;
  return inSchemaOrder(value, LIAISON_KEYS);
}
