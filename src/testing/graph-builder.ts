import {
  parseGraph,
  type Graph,
  type GraphInput,
  type Lang,
  type LiaisonInput,
  type OrganizationInput,
  type OrganizationKind,
  type OversightInput,
  type PersonInput,
  type PostInput,
  type PostRole,
} from '../index.js';
import { checkGraphOptions, GraphBuildOptionsSchema, GraphOptionsSchema, OrganizationOptionsSchema, PersonOptionsSchema, textOrOptionsIssues } from './graph-options.js';
import { kitIssue, langOf } from './issues.js';

/**
 * The posts of an organization, by role. Everyone named is created on the fly as a party
 * member whose name is the id, unless `person()` says otherwise.
 *
 * @example
 * const options: OrganizationOptions = { parent: 'bureau', secretary: 'p4', officer: 'p5', members: ['p6', 'p7'] };
 */
export interface OrganizationOptions {
  readonly parent?: string;
  /** 书记. */
  readonly secretary?: string;
  /** 副书记. */
  readonly deputies?: readonly string[];
  /** 委员 / 班子成员. */
  readonly team?: readonly string[];
  /** 党务工作者 (one or several). */
  readonly officer?: string | readonly string[];
  /** 党员. */
  readonly members?: readonly string[];
}

/**
 * What `person()` sets: a display name, party membership (default true), probationary status.
 *
 * @example
 * const options: PersonOptions = { name: '罗军', probationary: true };
 */
export interface PersonOptions {
  readonly name?: string;
  readonly partyMember?: boolean;
  readonly probationary?: boolean;
}

interface State {
  readonly meta: { readonly id?: string; readonly title?: string };
  /** The language of the builder's errors (`graph({ lang })`). */
  readonly lang?: Lang;
  readonly organizations: readonly OrganizationInput[];
  readonly people: ReadonlyMap<string, PersonInput>;
  readonly posts: readonly PostInput[];
  readonly oversight: readonly OversightInput[];
  readonly liaison: readonly LiaisonInput[];
}

const ROLE_FIELDS: readonly (readonly [keyof OrganizationOptions, PostRole])[] = [
  ['secretary', 'secretary'],
  ['deputies', 'deputy-secretary'],
  ['team', 'team-member'],
  ['officer', 'party-affairs-officer'],
  ['members', 'member'],
];

const listOf = (value: string | readonly string[] | undefined): readonly string[] =>
  value === undefined ? [] : typeof value === 'string' ? [value] : value;

function withPerson(people: ReadonlyMap<string, PersonInput>, id: string): ReadonlyMap<string, PersonInput> {
  if (people.has(id)) return people;
  return new Map(people).set(id, { id, name: id, partyMember: true });
}

/**
 * A graph written in a few lines: organizations with their posts, people created on the fly,
 * oversight (分管) and liaison (联系点) edges. Immutable: every call returns a new builder, so a
 * base graph can be shared between tests and varied in each.
 *
 * @example
 * const g = graph()
 *   .committee('bureau', '局党委', { secretary: 'p1', team: ['p2', 'p3'] })
 *   .branch('b1', '第一党支部', { parent: 'bureau', secretary: 'p4', officer: 'p5', members: ['p6', 'p7'] })
 *   .oversee('p2', 'b1')
 *   .liaison('p3', 'b1')
 *   .build();
 */
export class GraphBuilder {
  readonly #state: State;

  /** Use {@link graph} to start one. */
  constructor(state: State) {
    this.#state = state;
  }

  /**
   * Adds an organization of any kind with its posts; the name defaults to the id.
   *
   * @example
   * graph().organization('lg', '局党组', 'leading-group', { secretary: 'p1' });
   */
  organization(id: string, kind: OrganizationKind, name?: string | OrganizationOptions, options?: OrganizationOptions): GraphBuilder {
    const lang = this.#state.lang ?? 'zh';
    // Options given both in place of the name and after it: the second would be dropped.
    const twice = typeof name === 'object' && name !== null && options !== undefined;
    const more = [
      ...textOrOptionsIssues(name, 'name', lang),
      ...(twice ? [kitIssue('invalid-type', ['options'], { expected: 'undefined', received: 'object' }, lang)] : []),
    ];
    const opts = (typeof name === 'object' && name !== null ? name : options) ?? {};
    checkGraphOptions(OrganizationOptionsSchema, more.length > 0 ? undefined : opts, lang, more);
    const display = typeof name === 'string' ? name : id;
    let people = this.#state.people;
    const posts = [...this.#state.posts];
    for (const [field, role] of ROLE_FIELDS) {
      for (const person of listOf(opts[field] as string | readonly string[] | undefined)) {
        people = withPerson(people, person);
        posts.push({ person, organization: id, role });
      }
    }
    const org: OrganizationInput = { id, name: display, kind, ...(opts.parent !== undefined ? { parent: opts.parent } : {}) };
    return new GraphBuilder({ ...this.#state, organizations: [...this.#state.organizations, org], people, posts });
  }

  /**
   * Adds a party committee (党委).
   *
   * @example
   * graph().committee('bureau', '局党委', { secretary: 'p1', deputies: ['p2'], team: ['p3'] });
   */
  committee(id: string, name?: string | OrganizationOptions, options?: OrganizationOptions): GraphBuilder {
    return this.organization(id, 'committee', name, options);
  }

  /**
   * Adds a leading party group (党组).
   *
   * @example
   * graph().leadingGroup('lg', '局党组', { secretary: 'p1' });
   */
  leadingGroup(id: string, name?: string | OrganizationOptions, options?: OrganizationOptions): GraphBuilder {
    return this.organization(id, 'leading-group', name, options);
  }

  /**
   * Adds a general branch (党总支).
   *
   * @example
   * graph().committee('bureau').generalBranch('gb', '中心党总支', { parent: 'bureau', secretary: 'p9' });
   */
  generalBranch(id: string, name?: string | OrganizationOptions, options?: OrganizationOptions): GraphBuilder {
    return this.organization(id, 'general-branch', name, options);
  }

  /**
   * Adds a branch (党支部).
   *
   * @example
   * graph().committee('bureau').branch('b1', '第一党支部', { parent: 'bureau', secretary: 'p4', members: ['p6'] });
   */
  branch(id: string, name?: string | OrganizationOptions, options?: OrganizationOptions): GraphBuilder {
    return this.organization(id, 'branch', name, options);
  }

  /**
   * Adds a party group (党小组).
   *
   * @example
   * graph().branch('b1').group('g1', '第一党小组', { parent: 'b1', members: ['p8'] });
   */
  group(id: string, name?: string | OrganizationOptions, options?: OrganizationOptions): GraphBuilder {
    return this.organization(id, 'group', name, options);
  }

  /**
   * Sets a person's details (before or after they are named in a post); a bare string is the name.
   *
   * @example
   * graph().branch('b1', { members: ['p8'] }).person('p8', { name: '罗军', probationary: true });
   */
  person(id: string, options: PersonOptions | string = {}): GraphBuilder {
    const opts = typeof options === 'string' ? { name: options } : options;
    checkGraphOptions(PersonOptionsSchema, opts, this.#state.lang ?? 'zh');
    const current = this.#state.people.get(id) ?? { id, name: id, partyMember: true };
    const probationary = opts.probationary ?? current.probationary;
    const next: PersonInput = {
      id,
      name: opts.name ?? current.name,
      partyMember: opts.partyMember ?? current.partyMember,
      ...(probationary !== undefined ? { probationary } : {}),
    };
    return new GraphBuilder({ ...this.#state, people: new Map(this.#state.people).set(id, next) });
  }

  /**
   * Adds one post, for roles or titles the organization options do not cover.
   *
   * @example
   * graph().branch('b1').post('p5', 'b1', 'team-member', '组织委员');
   */
  post(person: string, organization: string, role: PostRole, title?: string): GraphBuilder {
    const post: PostInput = { person, organization, role, ...(title !== undefined ? { title } : {}) };
    return new GraphBuilder({ ...this.#state, people: withPerson(this.#state.people, person), posts: [...this.#state.posts, post] });
  }

  /**
   * 分管 (一岗双责): a team member above the organization oversees it.
   *
   * @example
   * builder.oversee('p2', 'b1', '办公室');
   */
  oversee(person: string, organization: string, area?: string): GraphBuilder {
    const edge: OversightInput = { person, organization, ...(area !== undefined ? { area } : {}) };
    return new GraphBuilder({ ...this.#state, people: withPerson(this.#state.people, person), oversight: [...this.#state.oversight, edge] });
  }

  /**
   * 包抓包联: a leader above the organization takes it as a contact point.
   *
   * @example
   * builder.liaison('p3', 'b1');
   */
  liaison(person: string, organization: string): GraphBuilder {
    return new GraphBuilder({ ...this.#state, people: withPerson(this.#state.people, person), liaison: [...this.#state.liaison, { person, organization }] });
  }

  /**
   * The graph as raw JSON (a fresh copy), e.g. to change it by hand or write it to a file.
   *
   * @example
   * const input = graph().branch('b1', { secretary: 'p1' }).input();
   * input.people.length; // 1
   */
  input(): GraphInput {
    const { meta, organizations, people, posts, oversight, liaison } = this.#state;
    return structuredClone({
      ...(meta.id !== undefined ? { id: meta.id } : {}),
      ...(meta.title !== undefined ? { title: meta.title } : {}),
      organizations: [...organizations],
      people: [...people.values()],
      posts: [...posts],
      ...(oversight.length > 0 ? { oversight: [...oversight] } : {}),
      ...(liaison.length > 0 ? { liaison: [...liaison] } : {}),
    });
  }

  /**
   * Validates and parses the graph.
   *
   * @throws {ValidationError} listing every problem, as `parseGraph` does.
   * @example
   * const parsed = graph().branch('b1', { secretary: 'p1' }).build();
   * parsed.index.secretaryOf.get('b1'); // 'p1'
   */
  build(options: { readonly lang?: Lang } = {}): Graph {
    checkGraphOptions(GraphBuildOptionsSchema, options, options?.lang === 'en' ? 'en' : (this.#state.lang ?? 'zh'));
    const lang = options.lang ?? this.#state.lang;
    return parseGraph(this.input(), lang === undefined ? {} : { lang });
  }
}

/**
 * Starts a graph builder. Its errors are in Chinese, or in English with `lang: 'en'`.
 *
 * @throws {ValidationError} (subject `options`) for an option it does not have (`idd`), or one of
 * the wrong type; each helper checks its own options so, and throws listing every problem
 * (`committee('c', '党委', { secretry: 'p1' })`: `unknown-field` at `secretry`, not a committee
 * without its secretary).
 * @example
 * const g = graph({ id: 'demo' })
 *   .committee('bureau', '局党委', { secretary: 'p1', team: ['p2', 'p3'] })
 *   .branch('b1', '第一党支部', { parent: 'bureau', secretary: 'p4', officer: 'p5', members: ['p6', 'p7'] })
 *   .oversee('p2', 'b1')
 *   .liaison('p3', 'b1')
 *   .build();
 */
export function graph(options: { readonly id?: string; readonly title?: string; readonly lang?: Lang } = {}): GraphBuilder {
  const lang = langOf(options);
  checkGraphOptions(GraphOptionsSchema, options, lang);
  const meta = { ...(options.id !== undefined ? { id: options.id } : {}), ...(options.title !== undefined ? { title: options.title } : {}) };
  return new GraphBuilder({ meta, ...(options.lang !== undefined ? { lang: options.lang } : {}), organizations: [], people: new Map(), posts: [], oversight: [], liaison: [] });
}
