// canonicalJson: keys sorted at every depth; the native fast path for documents already in order
// must give exactly the text of the general path.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, canonicalJsonPieces, flatMembersInKeyOrder } from '../../src/core/canonical-json.js';

describe('canonicalJson', () => {
  it('sorts keys at every depth, by code unit', () => {
    expect(canonicalJson({ b: 1, a: [2, { d: 3, c: 4 }] })).toBe('{"a":[2,{"c":4,"d":3}],"b":1}');
    expect(canonicalJson({ b: 1, B: 2, é: 3 })).toBe('{"B":2,"b":1,"é":3}');
  });

  it('leaves out undefined members, writes null for undefined array items', () => {
    expect(canonicalJson({ a: undefined, b: [undefined, 1] })).toBe('{"b":[null,1]}');
  });

  it('keeps __proto__ as an own key, sorted with the others', () => {
    const value = JSON.parse('{"z":1,"__proto__":{"b":2,"a":1}}') as unknown;
    expect(canonicalJson(value)).toBe('{"__proto__":{"a":1,"b":2},"z":1}');
  });

  it('sorts array-index keys by code unit too, which objects list first', () => {
    expect(canonicalJson({ b: { z: 1, a: 2 }, 10: 1, 9: 2 })).toBe('{"10":1,"9":2,"b":{"a":2,"z":1}}');
    expect(canonicalJson([{ y: 1, x: 2 }, { b: 1, 2: 0 }])).toBe('[{"x":2,"y":1},{"2":0,"b":1}]');
  });

  it('leaves accessor members out and writes function members as null, as before the fast path', () => {
    const withGetter = { b: 1, get a(): number { return 2; } };
    expect(canonicalJson({ z: withGetter, y: () => 1 })).toBe('{"y":null,"z":{"b":1}}');
  });

  it('writes Maps as objects with sorted keys', () => {
    expect(canonicalJson(new Map<unknown, unknown>([['b', 1], ['a', new Map([['d', 1], ['c', 2]])]]))).toBe('{"a":{"c":2,"d":1},"b":1}');
  });

  it('an object already in order gives the same text as JSON.stringify', () => {
    const value = { a: [1, 'x', null, true, { b: -0, c: 1.5 }], d: { e: '中文' } };
    expect(canonicalJson(value)).toBe(JSON.stringify(value));
  });

  it('the same value with its keys in any order gives the same text', () => {
    const json = fc.letrec((tie) => ({
      value: fc.oneof({ depthSize: 'small' }, fc.string(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.constant(null), fc.array(tie('value'), { maxLength: 4 }), fc.dictionary(fc.string({ maxLength: 3 }), tie('value'), { maxKeys: 4 })),
    })).value;
    const reversed = (value: unknown): unknown => {
      if (Array.isArray(value)) return value.map(reversed);
      if (value === null || typeof value !== 'object') return value;
      const out: Record<string, unknown> = {};
      for (const key of Object.keys(value).reverse()) Object.defineProperty(out, key, { value: reversed((value as Record<string, unknown>)[key]), enumerable: true, writable: true, configurable: true });
      return out;
    };
    fc.assert(
      fc.property(json, (value) => {
        const text = canonicalJson(value);
        expect(canonicalJson(reversed(value))).toBe(text);
        // in pieces (what the fingerprint hashes), the same text
        expect([...canonicalJsonPieces(reversed(value))].join('')).toBe(text);
        // and the text is JSON of the same value
        expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(value)));
      }),
      { numRuns: 300 },
    );
  });

  it('in pieces: member by member to two levels down, the members of lists one level down by runs', () => {
    const graph = { graph: { people: [{ name: '李', id: 'p2' }, { id: 'p1' }] }, asOf: null };
    expect([...canonicalJsonPieces(graph)]).toEqual(['{"asOf":', 'null', ',"graph":', '{"people":', '[{"id":"p2","name":"李"},{"id":"p1"}]', '}', '}']);
    // a graph document: its lists one level down, their members by runs
    expect([...canonicalJsonPieces(graph.graph)]).toEqual(['{"people":', '[{"id":"p2","name":"李"}', ',{"id":"p1"}', ']', '}']);
    expect([...canonicalJsonPieces({ b: [] })]).toEqual(['{"b":', '[]', '}']);
    // a Map is not plain JSON data: the general path, one piece
    const map = new Map([['b', 1], ['a', 2]]);
    expect([...canonicalJsonPieces({ m: map })]).toEqual(['{"m":{"a":2,"b":1}}']);
  });

  it('the long list of a graph document: runs of 1, 2, 4… members, at most 4,096, none past a megabyte', () => {
    // Each member is 22 characters written, {"id":"p000000","n":1}, and 23 with its comma.
    const people = Array.from({ length: 200_000 }, (_, i) => ({ n: 1, id: `p${String(i).padStart(6, '0')}` }));
    const pieces = [...canonicalJsonPieces({ people })];
    const runs = pieces.slice(1, -2);
    expect(pieces[0]).toBe('{"people":');
    expect(pieces.slice(-2)).toEqual([']', '}']);
    // A run is the members with no brackets, after '[' (the first) or ',' (the others).
    const counts = runs.map((run) => run.split('},{').length);
    expect(counts.slice(0, 14)).toEqual([1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024, 2048, 4096, 4096]);
    expect(Math.max(...counts)).toBe(4096);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(200_000);
    expect(pieces.join('')).toBe(canonicalJson({ people }));
  });
});

describe('flatMembersInKeyOrder', () => {
  it('puts the keys of each record in code-unit order, keeping a record already in order', () => {
    const inOrder = { a: 1, b: 'x' };
    const list = flatMembersInKeyOrder([{ name: '李', id: 'p1', partyMember: true }, inOrder, { z: null, B: 2 }, { name: '王', id: 'p2', partyMember: false }]) as readonly object[];
    expect(list.map((record) => Object.keys(record))).toEqual([['id', 'name', 'partyMember'], ['a', 'b'], ['B', 'z'], ['id', 'name', 'partyMember']]);
    expect(list[1]).toBe(inOrder);
    expect(JSON.stringify(list)).toBe('[{"id":"p1","name":"李","partyMember":true},{"a":1,"b":"x"},{"B":2,"z":null},{"id":"p2","name":"王","partyMember":false}]');
    expect(Object.isFrozen(list)).toBe(true);
  });

  it('works out the order again for a record whose keys start like those of the record before', () => {
    const list = flatMembersInKeyOrder([{ b: 1, a: 2, c: 3 }, { b: 4, a: 5 }, { b: 6, a: 7, c: 8, d: 9 }]) as readonly object[];
    expect(JSON.stringify(list)).toBe('[{"a":2,"b":1,"c":3},{"a":5,"b":4},{"a":7,"b":6,"c":8,"d":9}]');
  });

  it('leaves undefined members out of the text, as the general path does', () => {
    const list = flatMembersInKeyOrder([{ title: undefined, person: 'p1' }, {}]) as readonly object[];
    expect(canonicalJson(list)).toBe('[{"person":"p1"},{}]');
  });

  it('refuses what is not a flat record of JSON values, for the caller to take the general path', () => {
    const cases: unknown[] = [
      { a: { b: 1 } },
      { a: [1] },
      { a: Number.NaN },
      { a: Number.POSITIVE_INFINITY },
      { a: () => 1 },
      { a: 1n },
      { b: 1, get a(): number { return 2; } },
      JSON.parse('{"z":1,"__proto__":2}'),
      { b: 1, 10: 2, 9: 3 },
      new Date(0),
      new (class Point { x = 1; })(),
    ];
    for (const record of cases) expect(flatMembersInKeyOrder([{ id: 'ok' }, record as object])).toBeUndefined();
    // in order already, an array-index key or __proto__ needs no copy, and is kept
    expect(flatMembersInKeyOrder([JSON.parse('{"__proto__":2,"z":1}') as object])).toHaveLength(1);
    expect(flatMembersInKeyOrder([Object.assign(Object.create(null) as object, { a: 1 })])).toHaveLength(1);
  });

  it('gives the text of the records themselves, in any mix of key orders and shapes', () => {
    const flat = fc.oneof(fc.string({ maxLength: 3 }), fc.boolean(), fc.constant(null), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constant(undefined));
    const record = fc.dictionary(fc.constantFrom('id', 'name', 'kind', 'parent', 'b', 'B', 'é'), flat, { maxKeys: 5 });
    fc.assert(
      fc.property(fc.array(record, { maxLength: 8 }), (records) => {
        const list = flatMembersInKeyOrder(records) as readonly object[];
        expect(canonicalJson(list)).toBe(canonicalJson(records));
        expect([...canonicalJsonPieces({ a: { b: list } })].join('')).toBe(canonicalJson({ a: { b: records } }));
      }),
      { numRuns: 300 },
    );
  });
});
