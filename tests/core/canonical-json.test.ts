// canonicalJson: keys sorted at every depth; the native fast path for documents already in order
// must give exactly the text of the general path.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, canonicalJsonPieces } from '../../src/core/canonical-json.js';

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

  it('in pieces: one per member three levels down, whatever path the value takes', () => {
    const graph = { graph: { people: [{ name: '李', id: 'p2' }, { id: 'p1' }] }, asOf: null };
    expect([...canonicalJsonPieces(graph)]).toEqual(['{"asOf":', 'null', ',"graph":', '{"people":', '[', '{"id":"p2","name":"李"}', ',', '{"id":"p1"}', ']', '}', '}']);
    // a Map is not plain JSON data: the general path, one piece
    const map = new Map([['b', 1], ['a', 2]]);
    expect([...canonicalJsonPieces({ m: map })]).toEqual(['{"m":{"a":2,"b":1}}']);
  });
});
