import { describe, expect, it } from 'vitest';
import {
  ancestorsOf,
  chainOf,
  childrenOf,
  depthOf,
  descendantsOf,
  dutiesOf,
  isAncestorOf,
  parentOf,
  responsibilitiesFor,
  ValidationError,
} from '../../src/index.js';
import { bureauGraph, thrown } from './helpers.js';

// The bureau example (examples/bureau-2022/graph.json), read by hand:
//   bureau (committee)
//   ├─ br-office, br-business, br-planning, br-retired (branches)
//   └─ gb-center (general branch)
//      ├─ br-center-1 (branch)
//      │  └─ grp-center-1a (group)
//      └─ br-center-2 (branch)
const graph = bureauGraph();

describe('the parsed bureau example', () => {
  it('has the sizes and header of graph.json', () => {
    expect(graph.id).toBe('bureau-2022');
    expect(graph.title).toBe('市某某局机关党建责任体系（2022）');
    expect(graph.organizations.size).toBe(9);
    expect(graph.people.size).toBe(51);
    expect(graph.posts).toHaveLength(69);
    expect(graph.oversight).toHaveLength(5);
    expect(graph.liaison).toHaveLength(7);
  });

  it('keeps entities in id order (code-unit order) and fills defaults', () => {
    expect([...graph.organizations.keys()]).toEqual([
      'br-business',
      'br-center-1',
      'br-center-2',
      'br-office',
      'br-planning',
      'br-retired',
      'bureau',
      'gb-center',
      'grp-center-1a',
    ]);
    expect(graph.organizations.get('bureau')).toEqual({ id: 'bureau', name: '市某某局党委', kind: 'committee', parent: null });
    expect(graph.people.get('p-luo-jun')).toEqual({ id: 'p-luo-jun', name: '罗军', partyMember: true, probationary: true });
    expect(graph.people.get('p-wu-fan')).toEqual({ id: 'p-wu-fan', name: '吴凡', partyMember: false, probationary: false });
  });

  it('indexes roots and the preorder walk, children by id', () => {
    expect(graph.index.roots).toEqual(['bureau']);
    expect(graph.index.preorder).toEqual([
      'bureau',
      'br-business',
      'br-office',
      'br-planning',
      'br-retired',
      'gb-center',
      'br-center-1',
      'grp-center-1a',
      'br-center-2',
    ]);
    expect(graph.index.secretaryOf.get('gb-center')).toBe('p-ding-rui');
    expect(graph.index.secretaryOf.has('br-retired')).toBe(false);
  });
});

describe('parentOf', () => {
  it.each([
    ['bureau', null],
    ['br-office', 'bureau'],
    ['br-retired', 'bureau'],
    ['gb-center', 'bureau'],
    ['br-center-1', 'gb-center'],
    ['br-center-2', 'gb-center'],
    ['grp-center-1a', 'br-center-1'],
  ])('%s → %s', (id, parent) => {
    expect(parentOf(graph, id)).toBe(parent);
  });
});

describe('childrenOf', () => {
  it.each([
    ['bureau', ['br-business', 'br-office', 'br-planning', 'br-retired', 'gb-center']],
    ['gb-center', ['br-center-1', 'br-center-2']],
    ['br-center-1', ['grp-center-1a']],
    ['br-office', []],
    ['grp-center-1a', []],
  ])('%s', (id, children) => {
    expect(childrenOf(graph, id)).toEqual(children);
  });
});

describe('ancestorsOf', () => {
  it.each([
    ['bureau', []],
    ['br-planning', ['bureau']],
    ['gb-center', ['bureau']],
    ['br-center-2', ['gb-center', 'bureau']],
    ['grp-center-1a', ['br-center-1', 'gb-center', 'bureau']],
  ])('%s, nearest first', (id, ancestors) => {
    expect(ancestorsOf(graph, id)).toEqual(ancestors);
  });
});

describe('descendantsOf', () => {
  it.each([
    ['bureau', ['br-business', 'br-office', 'br-planning', 'br-retired', 'gb-center', 'br-center-1', 'grp-center-1a', 'br-center-2']],
    ['gb-center', ['br-center-1', 'grp-center-1a', 'br-center-2']],
    ['br-center-1', ['grp-center-1a']],
    ['br-center-2', []],
    ['grp-center-1a', []],
  ])('%s, in preorder', (id, descendants) => {
    expect(descendantsOf(graph, id)).toEqual(descendants);
  });
});

describe('isAncestorOf', () => {
  it.each([
    ['bureau', 'grp-center-1a', true],
    ['bureau', 'br-office', true],
    ['gb-center', 'grp-center-1a', true],
    ['br-center-1', 'grp-center-1a', true],
    ['gb-center', 'br-office', false], // br-office is gb-center's sibling
    ['br-center-1', 'br-center-2', false], // siblings
    ['br-center-1', 'br-center-1', false], // strict
    ['grp-center-1a', 'br-center-1', false], // the other way round
    ['br-office', 'bureau', false],
  ])('%s above %s: %s', (ancestor, id, expected) => {
    expect(isAncestorOf(graph, ancestor, id)).toBe(expected);
  });

  it('agrees with ancestorsOf for every pair', () => {
    for (const a of graph.organizations.keys()) {
      for (const b of graph.organizations.keys()) {
        expect(isAncestorOf(graph, a, b), `${a} above ${b}`).toBe(ancestorsOf(graph, b).includes(a));
      }
    }
  });
});

describe('depthOf', () => {
  it.each([
    ['bureau', 0],
    ['br-retired', 1],
    ['gb-center', 1],
    ['br-center-1', 2],
    ['grp-center-1a', 3],
  ])('%s: %i', (id, depth) => {
    expect(depthOf(graph, id)).toBe(depth);
  });
});

describe('unknown ids', () => {
  const unknownOrganization = (call: () => unknown, id: string): void => {
    const error = thrown(call);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.subject).toBe('query');
    // at the argument's name (id, organizationId, ancestor): tests/graph/query-options.test.ts
    expect(error.issues.map((i) => ({ code: i.code, path: i.path.length, params: i.params }))).toEqual([
      { code: 'unknown-organization', path: 1, params: { id } },
    ]);
    expect(error.issues[0]?.message).toBe(`党组织「${id}」不在关系图中`);
  };

  it('every organization query throws unknown-organization, also for a person id', () => {
    for (const id of ['br-nowhere', 'p-wang-jian', 'Bureau', '']) {
      unknownOrganization(() => parentOf(graph, id), id);
      unknownOrganization(() => childrenOf(graph, id), id);
      unknownOrganization(() => ancestorsOf(graph, id), id);
      unknownOrganization(() => descendantsOf(graph, id), id);
      unknownOrganization(() => depthOf(graph, id), id);
      unknownOrganization(() => responsibilitiesFor(graph, id), id);
      unknownOrganization(() => chainOf(graph, id), id);
    }
  });

  it('isAncestorOf throws unknown-organization for a typo rather than answer false', () => {
    unknownOrganization(() => isAncestorOf(graph, 'bureau', 'br-ofice'), 'br-ofice');
    unknownOrganization(() => isAncestorOf(graph, 'buraeu', 'br-office'), 'buraeu');
  });

  it('dutiesOf throws unknown-person, also for an organization id', () => {
    for (const id of ['p-nobody', 'bureau']) {
      const error = thrown(() => dutiesOf(graph, id));
      expect(error.issues.map((i) => ({ code: i.code, path: i.path, params: i.params }))).toEqual([{ code: 'unknown-person', path: ['personId'], params: { id } }]);
      expect(error.inLanguage('en').issues[0]?.message).toBe(`person "${id}" is not in the graph`);
    }
  });

  it('an id that is not a text is a wrong type at the argument, not an id missing from the graph', () => {
    const wrongType = (call: () => unknown, argument: string, received: string): void => {
      const error = thrown(call);
      expect(error.subject).toBe('query');
      expect(error.issues.map((i) => ({ code: i.code, path: i.path, params: i.params }))).toEqual([
        { code: 'invalid-type', path: [argument], params: { expected: 'string', received } },
      ]);
      expect(error.issues[0]?.message).toBe(`类型错误：应为 string，实际为 ${received}`);
    };
    for (const [id, received] of [
      [42, 'number'],
      [null, 'null'],
      [undefined, 'undefined'],
      [{ id: 'bureau' }, 'object'],
      [['bureau'], 'array'],
    ] as const) {
      const value = id as never;
      wrongType(() => parentOf(graph, value), 'id', received);
      wrongType(() => childrenOf(graph, value), 'id', received);
      wrongType(() => ancestorsOf(graph, value), 'id', received);
      wrongType(() => descendantsOf(graph, value), 'id', received);
      wrongType(() => depthOf(graph, value), 'id', received);
      wrongType(() => isAncestorOf(graph, 'bureau', value), 'id', received);
      wrongType(() => isAncestorOf(graph, value, 'br-office'), 'ancestor', received);
      wrongType(() => responsibilitiesFor(graph, value), 'organizationId', received);
      wrongType(() => chainOf(graph, value), 'organizationId', received);
      wrongType(() => dutiesOf(graph, value), 'personId', received);
    }
  });
});

describe('immutability', () => {
  it('the graph, its entities and its arrays are frozen', () => {
    expect(Object.isFrozen(graph)).toBe(true);
    expect(Object.isFrozen(graph.index)).toBe(true);
    expect(Object.isFrozen(graph.organizations.get('bureau'))).toBe(true);
    expect(Object.isFrozen(graph.people.get('p-wang-jian'))).toBe(true);
    expect(Object.isFrozen(graph.posts)).toBe(true);
    expect(Object.isFrozen(graph.posts[0])).toBe(true);
    expect(Object.isFrozen(graph.oversight)).toBe(true);
    expect(Object.isFrozen(graph.oversight[0])).toBe(true);
    expect(Object.isFrozen(graph.liaison)).toBe(true);
    expect(Object.isFrozen(graph.index.preorder)).toBe(true);
    expect(Object.isFrozen(graph.index.roots)).toBe(true);
    expect(Object.isFrozen(graph.index.children.get('bureau'))).toBe(true);
    expect(Object.isFrozen(graph.index.teamOf.get('bureau'))).toBe(true);
  });

  it('writes throw (ES modules are strict) and change nothing', () => {
    const org = graph.organizations.get('bureau') as { name: string };
    expect(() => {
      org.name = '改名';
    }).toThrow(TypeError);
    expect(graph.organizations.get('bureau')?.name).toBe('市某某局党委');
    expect(() => (graph.posts as unknown[]).push({})).toThrow(TypeError);
    expect(() => (graph.index.preorder as string[]).push('x')).toThrow(TypeError);
    expect(() => (graph.index.children.get('bureau') as string[]).pop()).toThrow(TypeError);
    expect(() => {
      (graph as { title?: string }).title = 'x';
    }).toThrow(TypeError);
    expect(graph.posts).toHaveLength(69);
    expect(childrenOf(graph, 'bureau')).toHaveLength(5);
  });

  it('the maps refuse set, delete and clear', () => {
    const organizations = graph.organizations as Map<string, unknown>;
    const people = graph.people as Map<string, unknown>;
    expect(() => organizations.set('x', {})).toThrow(TypeError);
    expect(() => organizations.delete('bureau')).toThrow(TypeError);
    expect(() => organizations.clear()).toThrow(TypeError);
    expect(() => people.set('x', {})).toThrow(TypeError);
    expect(() => (graph.index.teamOf as Map<string, unknown>).set('bureau', [])).toThrow(TypeError);
    expect(() => (graph.index.secretaryOf as Map<string, string>).delete('bureau')).toThrow(TypeError);
    expect(() => (graph.index.span as Map<string, unknown>).clear()).toThrow(TypeError);
    expect(graph.organizations.size).toBe(9);
    expect(graph.organizations.has('x')).toBe(false);
    expect(graph.index.secretaryOf.get('bureau')).toBe('p-wang-jian');
    expect(depthOf(graph, 'grp-center-1a')).toBe(3);
  });

  it('answers are not shared mutable state: changing a returned ancestors list changes nothing', () => {
    const first = ancestorsOf(graph, 'grp-center-1a');
    first.push('x');
    expect(ancestorsOf(graph, 'grp-center-1a')).toEqual(['br-center-1', 'gb-center', 'bureau']);
  });
});
