import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ancestorsOf,
  childrenOf,
  depthOf,
  descendantsOf,
  isAncestorOf,
  messageCodes,
  parseGraph,
  safeParseGraph,
  toGraphInput,
  type GraphInput,
  type Issue,
} from '../../src/index.js';
import { graphInputArb, nameArb } from './arbitrary.js';

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

type Row = Record<string, unknown>;
type Doc = Record<string, unknown> & { organizations: Row[]; people: Row[]; posts: Row[]; oversight?: Row[]; liaison?: Row[] };
const ARRAYS = ['organizations', 'people', 'posts', 'oversight', 'liaison'] as const;

const clone = (input: GraphInput): Doc => structuredClone(input) as unknown as Doc;
const canonical = (input: unknown): string => JSON.stringify(toGraphInput(parseGraph(input)));

/** A small seeded PRNG (mulberry32), so shuffles shrink with their seed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffled<T>(items: readonly T[], next: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/** Every array in a shuffled order, and the keys of every element too. */
function reorder(input: GraphInput, seed: number): Doc {
  const next = random(seed);
  const doc = clone(input);
  const out: Doc = { ...doc };
  for (const field of ARRAYS) {
    const rows = doc[field];
    if (rows === undefined) continue;
    out[field] = shuffled(rows, next).map((row) => Object.fromEntries(shuffled(Object.entries(row), next)));
  }
  return out;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

const CODES = new Set(messageCodes());

/** The result of any input: never a throw; a failure lists well-formed issues. */
function wellFormedResult(input: unknown): { success: boolean; issues: readonly Issue[] } {
  const result = safeParseGraph(input);
  if (result.success) return { success: true, issues: [] };
  const { issues } = result.error;
  expect(issues.length).toBeGreaterThan(0);
  for (const issue of issues) {
    expect(typeof issue.code).toBe('string');
    expect(CODES.has(issue.code), `code ${issue.code} is in the catalogue`).toBe(true);
    expect(Array.isArray(issue.path)).toBe(true);
    for (const segment of issue.path) expect(['string', 'number']).toContain(typeof segment);
    expect(typeof issue.message).toBe('string');
    expect(issue.message.length).toBeGreaterThan(0);
  }
  expect(result.error.message.length).toBeGreaterThan(0);
  return { success: false, issues };
}

const RUNS = { numRuns: 150 };

// ---------------------------------------------------------------------------------------------
// Valid graphs
// ---------------------------------------------------------------------------------------------

describe('random valid forests', () => {
  it('always parse', () => {
    fc.assert(
      fc.property(graphInputArb, (input) => {
        const result = safeParseGraph(input);
        if (!result.success) throw new Error(result.error.message);
        expect(result.data.organizations.size).toBe(input.organizations.length);
        expect(result.data.people.size).toBe(input.people.length);
        expect(result.data.posts).toHaveLength(input.posts.length);
        expect(result.data.oversight).toHaveLength(input.oversight?.length ?? 0);
        expect(result.data.liaison).toHaveLength(input.liaison?.length ?? 0);
      }),
      RUNS,
    );
  });

  it('parse does not depend on the order of any array or of any object\'s keys', () => {
    fc.assert(
      fc.property(graphInputArb, fc.integer(), (input, seed) => {
        const a = parseGraph(input);
        const b = parseGraph(reorder(input, seed));
        expect(JSON.stringify(toGraphInput(b))).toBe(JSON.stringify(toGraphInput(a)));
        expect(b.index.preorder).toEqual(a.index.preorder);
        expect(b.index.roots).toEqual(a.index.roots);
      }),
      RUNS,
    );
  });

  it('parseGraph(toGraphInput(g)) equals g', () => {
    fc.assert(
      fc.property(graphInputArb, (input) => {
        const g = parseGraph(input);
        const again = parseGraph(toGraphInput(g));
        expect(JSON.stringify(toGraphInput(again))).toBe(JSON.stringify(toGraphInput(g)));
        expect(again.index.preorder).toEqual(g.index.preorder);
      }),
      RUNS,
    );
  });

  it('toGraphInput holds the same entities and edges as the input, normalized', () => {
    const sortedJson = (rows: readonly object[]): string[] => rows.map((r) => JSON.stringify(r)).sort();
    fc.assert(
      fc.property(graphInputArb, (input) => {
        const out = toGraphInput(parseGraph(input));
        const organizations = input.organizations.map((o) =>
          o.parent === null || o.parent === undefined ? { id: o.id, name: o.name, kind: o.kind } : { id: o.id, name: o.name, kind: o.kind, parent: o.parent },
        );
        expect(sortedJson(out.organizations)).toEqual(sortedJson(organizations));
        const people = input.people.map((p) => (p.probationary === true ? { id: p.id, name: p.name, partyMember: p.partyMember, probationary: true } : { id: p.id, name: p.name, partyMember: p.partyMember }));
        expect(sortedJson(out.people)).toEqual(sortedJson(people));
        expect(sortedJson(out.posts)).toEqual(sortedJson(input.posts));
        expect(sortedJson(out.oversight ?? [])).toEqual(sortedJson(input.oversight ?? []));
        expect(sortedJson(out.liaison ?? [])).toEqual(sortedJson(input.liaison ?? []));
        expect(out.id).toBe(input.id);
        expect(out.title).toBe(input.title);
      }),
      RUNS,
    );
  });

  it('the input is not mutated (structuredClone compare, and a deep-frozen input parses the same)', () => {
    fc.assert(
      fc.property(graphInputArb, (input) => {
        const before = structuredClone(input);
        const graph = parseGraph(input);
        expect(input).toEqual(before);
        const frozen = deepFreeze(structuredClone(input));
        expect(JSON.stringify(toGraphInput(parseGraph(frozen)))).toBe(JSON.stringify(toGraphInput(graph)));
      }),
      RUNS,
    );
  });

  it('hierarchy queries agree with each other', () => {
    fc.assert(
      fc.property(graphInputArb, (input) => {
        const g = parseGraph(input);
        const ids = [...g.organizations.keys()];
        expect([...g.index.preorder].sort()).toEqual([...ids].sort());
        for (const id of ids) {
          const ancestors = ancestorsOf(g, id);
          expect(depthOf(g, id)).toBe(ancestors.length);
          const below = ids.filter((x) => isAncestorOf(g, id, x));
          expect([...descendantsOf(g, id)].sort()).toEqual(below.sort());
          for (const a of ancestors) expect(descendantsOf(g, a)).toContain(id);
          const children = childrenOf(g, id);
          expect(children).toEqual(ids.filter((x) => g.organizations.get(x)?.parent === id));
          expect([...children]).toEqual([...children].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
        }
      }),
      { numRuns: 100 },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Corruptions
// ---------------------------------------------------------------------------------------------

const REQUIRED: Record<(typeof ARRAYS)[number], readonly string[]> = {
  organizations: ['id', 'name', 'kind'],
  people: ['id', 'name', 'partyMember'],
  posts: ['person', 'organization', 'role'],
  oversight: ['person', 'organization'],
  liaison: ['person', 'organization'],
};

/** A field of an element that exists in this document: [array, index, key]. */
function pickField(doc: Doc, a: number, b: number, c: number): [(typeof ARRAYS)[number], number, string] {
  const present = ARRAYS.filter((f) => (doc[f]?.length ?? 0) > 0);
  const field = present[a % present.length] as (typeof ARRAYS)[number];
  const rows = doc[field] as Row[];
  const keys = REQUIRED[field];
  return [field, b % rows.length, keys[c % keys.length] as string];
}

const pathEq = (issue: Issue, path: readonly (string | number)[]): boolean => JSON.stringify(issue.path) === JSON.stringify(path);

describe('random corruptions are refused with well-formed issues, never a crash', () => {
  it('a required field deleted: an issue at that path', () => {
    fc.assert(
      fc.property(graphInputArb, fc.nat(), fc.nat(), fc.nat(), (input, a, b, c) => {
        const doc = clone(input);
        const [field, at, key] = pickField(doc, a, b, c);
        delete (doc[field] as Row[])[at]?.[key];
        const { success, issues } = wellFormedResult(doc);
        expect(success).toBe(false);
        expect(issues.some((i) => pathEq(i, [field, at, key]))).toBe(true);
      }),
      RUNS,
    );
  });

  it('a top-level array deleted or replaced by a non-array', () => {
    fc.assert(
      fc.property(graphInputArb, fc.constantFrom('organizations', 'people', 'posts'), fc.constantFrom(undefined, null, 1, 'x', {}, true), (input, field, value) => {
        const doc = clone(input) as Row;
        if (value === undefined) delete doc[field];
        else doc[field] = value;
        const { success, issues } = wellFormedResult(doc);
        expect(success).toBe(false);
        expect(issues.some((i) => pathEq(i, [field]) && (i.code === 'required' || i.code === 'invalid-type'))).toBe(true);
      }),
      RUNS,
    );
  });

  it('a field of the wrong type: an issue at that path', () => {
    const wrong = fc.constantFrom<unknown>(42, null, [], {}, true, -1.5);
    fc.assert(
      fc.property(graphInputArb, fc.nat(), fc.nat(), fc.nat(), wrong, (input, a, b, c, value) => {
        const doc = clone(input);
        const [field, at, key] = pickField(doc, a, b, c);
        const row = (doc[field] as Row[])[at] as Row;
        row[key] = key === 'partyMember' && typeof value === 'boolean' ? 'yes' : value;
        const { success, issues } = wellFormedResult(doc);
        expect(success).toBe(false);
        // (An array in place of a name also draws a spurious too-small; parse-errors.test.ts pins that.)
        const here = issues.filter((i) => pathEq(i, [field, at, key]));
        expect(here.length).toBeGreaterThan(0);
        expect(['invalid-type', 'unknown-kind', 'unknown-role']).toContain(here[0]?.code);
      }),
      RUNS,
    );
  });

  it('a reference pointed at a missing id: exactly that missing-* issue', () => {
    fc.assert(
      fc.property(graphInputArb, fc.nat(), fc.nat(), fc.boolean(), (input, a, b, personSide) => {
        const doc = clone(input);
        const fields = (['posts', 'oversight', 'liaison'] as const).filter((f) => (doc[f]?.length ?? 0) > 0);
        const ghost = `∄${a}`; // generated ids never contain ∄
        let path: (string | number)[];
        let code: string;
        if (fields.length === 0 || (a % 4 === 0 && !personSide)) {
          const at = b % doc.organizations.length;
          (doc.organizations[at] as Row)['parent'] = ghost;
          path = ['organizations', at, 'parent'];
          code = 'missing-organization';
        } else {
          const field = fields[a % fields.length] as (typeof fields)[number];
          const at = b % (doc[field] as Row[]).length;
          const key = personSide ? 'person' : 'organization';
          ((doc[field] as Row[])[at] as Row)[key] = ghost;
          path = [field, at, key];
          code = personSide ? 'missing-person' : 'missing-organization';
        }
        const { success, issues } = wellFormedResult(doc);
        expect(success).toBe(false);
        // Re-parenting to a missing id makes the organization a root, so edges from the teams that
        // were above it may also be refused; the missing reference itself is always reported.
        expect(issues.filter((i) => i.code === code && pathEq(i, path)).map((i) => i.params)).toEqual([{ id: ghost }]);
        // A post that no longer resolves takes its leadership seat with it (and the edges that seat
        // carried); a dangling edge end changes nothing else.
        if (path[0] === 'oversight' || path[0] === 'liaison') expect(issues).toHaveLength(1);
      }),
      RUNS,
    );
  });

  it('a cycle added (an organization re-parented to itself or one of its descendants): one hierarchy-cycle issue', () => {
    fc.assert(
      fc.property(graphInputArb, fc.nat(), fc.nat(), (input, a, b) => {
        const g = parseGraph(input);
        const at = a % input.organizations.length;
        const id = (input.organizations[at] as { id: string }).id;
        const below = [id, ...descendantsOf(g, id)];
        const target = below[b % below.length] as string;
        // the cycle, following parents from id: id → target → … → (the child of id on the way) → id
        const upFromTarget = target === id ? [] : [target, ...ancestorsOf(g, target).slice(0, ancestorsOf(g, target).indexOf(id))];
        const doc = clone(input);
        (doc.organizations[at] as Row)['parent'] = target;
        const { success, issues } = wellFormedResult(doc);
        expect(success).toBe(false);
        // Parents come before children in the generated input, so `id` is the cycle's first member.
        expect(issues.map((i) => ({ code: i.code, path: i.path, params: i.params }))).toEqual([
          {
            code: 'hierarchy-cycle',
            path: ['organizations', at, 'parent'],
            params: { cycle: [id, ...upFromTarget, id].join(' → '), length: upFromTarget.length + 1 },
          },
        ]);
      }),
      RUNS,
    );
  });

  it('an id duplicated: exactly one duplicate-id issue', () => {
    fc.assert(
      fc.property(graphInputArb, fc.boolean(), fc.nat(), nameArb, (input, onPeople, a, name) => {
        const doc = clone(input);
        const field = onPeople ? 'people' : 'organizations';
        const rows = doc[field];
        const at = a % rows.length;
        rows.push({ ...(rows[at] as Row), name });
        const { success, issues } = wellFormedResult(doc);
        expect(success).toBe(false);
        expect(issues.map((i) => ({ code: i.code, path: i.path, params: i.params }))).toEqual([
          { code: 'duplicate-id', path: [field, rows.length - 1, 'id'], params: { id: (rows[at] as Row)['id'], first: `${field}[${at}]` } },
        ]);
      }),
      RUNS,
    );
  });

  it('any value at the root is refused (or, for an object, judged) without a crash', () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        const { success } = wellFormedResult(value);
        expect(success).toBe(false);
      }),
      { numRuns: 200 },
    );
  });

  it('any value in place of an element, a field, or a whole array: a result, never a crash', () => {
    fc.assert(
      fc.property(graphInputArb, fc.nat(), fc.nat(), fc.nat(), fc.nat(2), fc.anything(), (input, a, b, c, where, value) => {
        const doc = clone(input);
        const [field, at, key] = pickField(doc, a, b, c);
        if (where === 0) (doc[field] as Row[])[at] = value as Row;
        else if (where === 1) ((doc[field] as Row[])[at] as Row)[key] = value;
        else (doc as Row)[field] = value;
        wellFormedResult(doc);
      }),
      RUNS,
    );
  });

  it('random JSON text parsed and handed over: a result, never a crash', () => {
    fc.assert(
      fc.property(fc.json(), (text) => {
        const { success } = wellFormedResult(JSON.parse(text));
        expect(success).toBe(false);
      }),
      { numRuns: 200 },
    );
  });
});
