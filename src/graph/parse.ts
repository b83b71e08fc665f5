import { z } from 'zod';
import { LangOptionSchema, optionsError } from '../core/options.js';
import type { Lang } from '../core/lang.js';
import { isObject, makeIssue, typeName, type Issue } from '../core/issue.js';
import { capIssue, ValidationError, type SafeParseResult } from '../core/validation-error.js';
import { fromZodIssues } from '../core/zod-issues.js';
import {
  GraphInputSchema,
  LEADERSHIP_ROLES,
  LiaisonInputSchema,
  OrganizationInputSchema,
  OversightInputSchema,
  PersonInputSchema,
  POST_ROLES,
  PostInputSchema,
  type GraphInput,
} from '../model/graph.js';
import { isValidId } from '../model/primitives.js';
import { buildGraph } from './build.js';
import { fastLiaison, fastOrganization, fastOversight, fastPerson, fastPost } from './fast-elements.js';
import { checkReferences, type DoubtfulPost, type Indexed } from './check-references.js';
import type { Graph } from './types.js';

/** Options for {@link parseGraph}. */
export interface ParseGraphOptions {
  /** Language of the error messages. Default `zh`. */
  readonly lang?: Lang;
  /**
   * Caps that turn oversized input into a clear error instead of exhausting memory: each a whole
   * number ≥ 0 ({@link DEFAULT_GRAPH_LIMITS} for those not given); anything else, or a name not
   * among them, is an `options` error.
   */
  readonly limits?: Partial<GraphLimits>;
}

/** Upper bounds on a graph's size. */
export interface GraphLimits {
  readonly organizations: number;
  readonly people: number;
  readonly posts: number;
  readonly edges: number;
}

/**
 * Default caps: above the whole national system (5.2M organizations, 99M members).
 *
 * @example
 * parseGraph(input, { limits: { ...DEFAULT_GRAPH_LIMITS, organizations: 200_000 } });
 */
export const DEFAULT_GRAPH_LIMITS: GraphLimits = {
  organizations: 10_000_000,
  people: 200_000_000,
  posts: 400_000_000,
  edges: 50_000_000,
};

const ENUM_CODES = { kind: 'unknown-kind', role: 'unknown-role' } as const;

/**
 * At most this many problems of one graph are listed, then one `too-many-issues` giving the total:
 * a graph whose every edge names a missing organization has millions, and listing them all would
 * bury the first ones (and exhaust memory) rather than help.
 *
 * @example
 * error.issues.length <= GRAPH_ISSUES_LISTED + 1; // true
 */
export const GRAPH_ISSUES_LISTED = 10_000;

/** Collects a graph's problems: the first {@link GRAPH_ISSUES_LISTED} kept, all counted. */
class IssueList {
  readonly kept: Issue[] = [];
  count = 0;

  add(issue: Issue): void {
    this.count++;
    if (this.kept.length < GRAPH_ISSUES_LISTED) this.kept.push(issue);
  }

  // One at a time: spreading a list of a hundred thousand into push() overflows the stack.
  addAll(issues: Iterable<Issue>): void {
    for (const issue of issues) this.add(issue);
  }

  /** The problems kept, and a last one for those left out. */
  listed(lang: Lang): Issue[] {
    if (this.count === this.kept.length) return this.kept;
    return [...this.kept, makeIssue('too-many-issues', [], { shown: this.kept.length, count: this.count }, lang)];
  }
}
/** Roles that make a post certainly not a leadership post (see {@link leadershipDoubt}). */
const NOT_LEADERSHIP: ReadonlySet<unknown> = new Set(POST_ROLES.filter((role) => !LEADERSHIP_ROLES.includes(role)));

/**
 * What an invalid post entry leaves in doubt about who leads where: nothing when its role is
 * certainly not a leadership role; else the person and the organization it names, each left out
 * when it is not a readable id (it could then be anyone's post, or in any organization).
 */
function leadershipDoubt(element: unknown): DoubtfulPost | undefined {
  if (isObject(element) && NOT_LEADERSHIP.has(element['role'])) return undefined;
  const readable = (field: string): string | undefined => {
    const value = isObject(element) ? element[field] : undefined;
    return typeof value === 'string' && isValidId(value) ? value : undefined;
  };
  const person = readable('person');
  const organization = readable('organization');
  return { ...(person === undefined ? {} : { person }), ...(organization === undefined ? {} : { organization }) };
}

/** Each kind of element checked without zod when it is certainly valid (see fast-elements.ts). */
const FAST_ELEMENTS: Record<ArrayField, (value: unknown) => unknown> = {
  organizations: fastOrganization,
  people: fastPerson,
  posts: fastPost,
  oversight: fastOversight,
  liaison: fastLiaison,
};
const ELEMENT_SCHEMAS = {
  organizations: OrganizationInputSchema,
  people: PersonInputSchema,
  posts: PostInputSchema,
  oversight: OversightInputSchema,
  liaison: LiaisonInputSchema,
} as const;
type ArrayField = keyof typeof ELEMENT_SCHEMAS;
const LIMIT_OF: Record<ArrayField, keyof GraphLimits> = {
  organizations: 'organizations',
  people: 'people',
  posts: 'posts',
  oversight: 'edges',
  liaison: 'edges',
};

// The top level is checked with the arrays' elements left opaque; each element is then checked
// on its own so that one bad row does not hide the cross-reference problems of all the others.
const TopLevelSchema = GraphInputSchema.pick({ $schema: true, id: true, title: true });

/**
 * {@link ParseGraphOptions}, no other name: `parseGraph(doc, { limit: … })` is refused rather than
 * parsed without the cap. `limits` is checked by its own function, whose messages name the values.
 */
export const ParseGraphOptionsSchema = z.strictObject({ lang: LangOptionSchema.optional(), limits: z.unknown().optional() });

/** Every problem with the `limits` option: not an object, a name it does not have, a cap that is not a whole number ≥ 0. */
function limitIssues(given: unknown, lang: Lang): Issue[] {
  if (given === undefined) return [];
  if (!isObject(given)) return [makeIssue('invalid-type', ['limits'], { expected: 'object', received: typeName(given) }, lang)];
  const issues: Issue[] = [];
  for (const key of Object.keys(given).sort()) {
    if (!Object.hasOwn(DEFAULT_GRAPH_LIMITS, key)) issues.push(makeIssue('unknown-field', ['limits', key], { field: key }, lang));
    else {
      const issue = capIssue(given[key], ['limits', key], lang);
      if (issue) issues.push(issue);
    }
  }
  return issues;
}

/**
 * Validates a graph document and returns the immutable, indexed graph, or a result holding
 * every problem found (with path, code and message): the first {@link GRAPH_ISSUES_LISTED}, then
 * one `too-many-issues` whose `count` is how many there are in all.
 *
 * @example
 * const r = safeParseGraph(JSON.parse(text), { lang: 'en' });
 * if (!r.success) console.error(r.error.message);
 */
export function safeParseGraph(input: unknown, options: ParseGraphOptions = {}): SafeParseResult<Graph> {
  const wrongOptions = optionsError(ParseGraphOptionsSchema, options, (lang) => limitIssues(options.limits, lang));
  if (wrongOptions) return { success: false, error: wrongOptions };
  const lang = options.lang ?? 'zh';
  const given = options.limits ?? {};
  const limits: GraphLimits = {
    organizations: given.organizations ?? DEFAULT_GRAPH_LIMITS.organizations,
    people: given.people ?? DEFAULT_GRAPH_LIMITS.people,
    posts: given.posts ?? DEFAULT_GRAPH_LIMITS.posts,
    edges: given.edges ?? DEFAULT_GRAPH_LIMITS.edges,
  };
  if (!isObject(input)) {
    return { success: false, error: new ValidationError('graph', [makeIssue('invalid-type', [], { expected: 'object', received: typeName(input) }, lang)], lang) };
  }
  const issues = new IssueList();

  const head = TopLevelSchema.safeParse(
    { $schema: input['$schema'], id: input['id'], title: input['title'] },
    { reportInput: true },
  );
  if (!head.success) issues.addAll(fromZodIssues(head.error.issues, [], lang));
  const known = new Set(['$schema', 'id', 'title', ...Object.keys(ELEMENT_SCHEMAS)]);
  for (const key of Object.keys(input)) if (!known.has(key)) issues.add(makeIssue('unknown-field', [key], { field: key }, lang));

  const valid = new Map<ArrayField, Indexed<unknown>[]>();
  const broken = { organizations: new Set<string>(), people: new Set<string>() };
  // Invalid post entries that may have been leadership posts: the leadership checks of oversight
  // and liaison edges they could bear on give up.
  const doubtfulPosts: DoubtfulPost[] = [];
  // An array that could not be read at all (not an array, or over its limit) leaves its ids
  // unknown: references into it are not reported as missing, or one problem would bury the rest.
  const unreadable = new Set<ArrayField>();
  for (const field of Object.keys(ELEMENT_SCHEMAS) as ArrayField[]) {
    const raw = input[field];
    const kept: Indexed<unknown>[] = [];
    valid.set(field, kept);
    if (raw === undefined) {
      if (field !== 'oversight' && field !== 'liaison') issues.add(makeIssue('required', [field], { field }, lang));
      continue;
    }
    if (!Array.isArray(raw)) {
      unreadable.add(field);
      issues.add(makeIssue('invalid-type', [field], { expected: 'array', received: raw === null ? 'null' : typeof raw }, lang));
      continue;
    }
    const limit = limits[LIMIT_OF[field]];
    if (raw.length > limit) {
      unreadable.add(field);
      issues.add(makeIssue('limit-exceeded', [field], { what: field, limit, actual: raw.length }, lang));
      continue;
    }
    const schema: z.ZodType = ELEMENT_SCHEMAS[field];
    const fast = FAST_ELEMENTS[field];
    // An index loop, not forEach: holes in a sparse array are elements too (undefined ones).
    for (let at = 0; at < raw.length; at++) {
      const element: unknown = raw[at];
      const certain = fast(element);
      if (certain !== undefined) {
        kept.push({ at, value: certain });
        continue;
      }
      const parsed = schema.safeParse(element, { reportInput: true });
      if (parsed.success) {
        kept.push({ at, value: parsed.data });
        continue;
      }
      issues.addAll(fromZodIssues(parsed.error.issues, [field, at], lang, ENUM_CODES));
      if ((field === 'organizations' || field === 'people') && isObject(element) && typeof element['id'] === 'string') {
        broken[field].add(element['id']);
      } else if (field === 'posts') {
        const doubt = leadershipDoubt(element);
        if (doubt !== undefined) doubtfulPosts.push(doubt);
      }
    }
  }

  const get = <T>(field: ArrayField): Indexed<T>[] => valid.get(field) as Indexed<T>[];
  issues.addAll(
    checkReferences(
      {
        organizations: get('organizations'),
        people: get('people'),
        posts: get('posts'),
        oversight: get('oversight'),
        liaison: get('liaison'),
        brokenOrganizationIds: broken.organizations,
        brokenPersonIds: broken.people,
        doubtfulPosts,
        organizationsUnknown: unreadable.has('organizations'),
        peopleUnknown: unreadable.has('people'),
        postsUnknown: unreadable.has('posts'),
      },
      lang,
    ),
  );
  if (issues.count > 0) return { success: false, error: new ValidationError('graph', issues.listed(lang), lang) };

  const values = <T>(field: ArrayField): T[] => get<T>(field).map((e) => e.value);
  const document: GraphInput = {
    ...(head.success && head.data.id !== undefined ? { id: head.data.id } : {}),
    ...(head.success && head.data.title !== undefined ? { title: head.data.title } : {}),
    organizations: values('organizations'),
    people: values('people'),
    posts: values('posts'),
    oversight: values('oversight'),
    liaison: values('liaison'),
  };
  return { success: true, data: buildGraph(document) };
}

/**
 * Validates a graph document and returns the immutable, indexed graph.
 *
 * @throws {ValidationError} listing every problem, each with path, code and message.
 * @example
 * const graph = parseGraph(JSON.parse(fs.readFileSync('graph.json', 'utf8')));
 * graph.index.secretaryOf.get('branch-01'); // 'p-zhao'
 */
export function parseGraph(input: unknown, options: ParseGraphOptions = {}): Graph {
  const result = safeParseGraph(input, options);
  if (!result.success) throw result.error;
  return result.data;
}
