import { makeIssue } from '../core/issue.js';
import type { Lang } from '../core/lang.js';
import { ValidationError } from '../core/validation-error.js';
import type { Organization, Person } from '../model/graph.js';
import type { Graph } from './types.js';

/**
 * The organization with this id, or a `ValidationError` (code `unknown-organization`) naming it.
 * Queries fail loudly on an unknown id rather than answer "nothing" for a typo.
 *
 * @example
 * requireOrganization(graph, 'branch-01').name;
 */
export function requireOrganization(graph: Graph, id: string, lang: Lang = 'zh'): Organization {
  const organization = graph.organizations.get(id);
  if (!organization) throw new ValidationError('query', [makeIssue('unknown-organization', [], { id }, lang)], lang);
  return organization;
}

/**
 * The person with this id, or a `ValidationError` (code `unknown-person`) naming it.
 *
 * @example
 * requirePerson(graph, 'p-wang').name;
 */
export function requirePerson(graph: Graph, id: string, lang: Lang = 'zh'): Person {
  const person = graph.people.get(id);
  if (!person) throw new ValidationError('query', [makeIssue('unknown-person', [], { id }, lang)], lang);
  return person;
}
