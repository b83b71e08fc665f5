// jsonChunks: the JSON text of a value in pieces, exactly JSON.stringify's when joined, so that
// a result longer than V8's longest string (a province's) can still be written.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonChunks } from '../../src/index.js';

const joined = (value: unknown, options?: Parameters<typeof jsonChunks>[1]): string => [...jsonChunks(value, options)].join('');

// Values JSON.stringify treats specially, beside plain JSON: undefined, functions and symbols (left
// out of objects, null in arrays), toJSON, boxed primitives, -0, NaN and Infinity (null), holes.
const special = fc.oneof(
  fc.constant(undefined),
  fc.constant(() => 1),
  fc.constant(Symbol('s')),
  fc.constant(Number.NaN),
  fc.constant(-0),
  fc.constant(Number.POSITIVE_INFINITY),
  fc.constant(new Date(Date.UTC(2022, 1, 3))),
  fc.constant({ toJSON: (key: string) => `key:${key}` }),
  fc.constant(Object(5) as unknown),
  fc.constant(Object('five') as unknown),
  fc.constant([1, , 3]),
);
const { tree } = fc.letrec((tie) => ({
  tree: fc.oneof({ depthSize: 'small' }, fc.jsonValue({ maxDepth: 1 }), special, tie('array'), tie('object')),
  array: fc.array(tie('tree'), { maxLength: 5 }),
  object: fc.dictionary(fc.oneof(fc.string({ maxLength: 4 }), fc.constantFrom('__proto__', 'a\nb', '"')), tie('tree'), { maxKeys: 5 }),
}));

describe('jsonChunks', () => {
  it('joined, is exactly JSON.stringify(value, null, indent), at any indent and depth', () => {
    fc.assert(
      fc.property(tree, fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 4 }), (value, indent, depth) => {
        const expected = JSON.stringify(value, null, indent);
        expect(joined(value, { indent, depth })).toBe(expected ?? '');
      }),
      { numRuns: 500 },
    );
  });

  it('by default, two spaces, and one piece per member of the lists of the top object', () => {
    const value = { title: '年度考核', organizations: [{ id: 'b1', lines: [{ points: 4 }] }, { id: 'b2', lines: [] }], empty: [], none: undefined };
    const pieces = [...jsonChunks(value)];
    expect(pieces.join('')).toBe(JSON.stringify(value, null, 2));
    // each subject is one piece, indented as in the whole text
    expect(pieces).toContain('{\n      "id": "b1",\n      "lines": [\n        {\n          "points": 4\n        }\n      ]\n    }');
    expect(pieces).toContain('{\n      "id": "b2",\n      "lines": []\n    }');
  });

  it('no piece is longer than the longest member: 10,000 subjects give pieces of one subject each', () => {
    const subject = (i: number): object => ({ id: `p${String(i).padStart(5, '0')}`, name: '党员', lines: [{ indicator: 'x', points: 1, explanation: '要求每月至少1次'.repeat(10) }] });
    const value = { people: Array.from({ length: 10_000 }, (_, i) => subject(i)) };
    const pieces = [...jsonChunks(value)];
    const longestMember = JSON.stringify(subject(0), null, 2).replace(/\n/g, '\n    ').length;
    expect(Math.max(...pieces.map((p) => p.length))).toBe(longestMember);
    expect(pieces.join('')).toBe(JSON.stringify(value, null, 2));
  });

  it('yields nothing for what JSON leaves out, and throws as JSON.stringify does on a cycle or a BigInt', () => {
    expect([...jsonChunks(undefined)]).toEqual([]);
    expect([...jsonChunks(() => 1)]).toEqual([]);
    const cycle: Record<string, unknown> = { a: [] };
    (cycle['a'] as unknown[]).push(cycle);
    expect(() => [...jsonChunks(cycle, { depth: 1 })]).toThrow(TypeError);
    expect(() => [...jsonChunks(cycle, { depth: 10 })]).toThrow(TypeError);
    expect(() => [...jsonChunks({ n: [BigInt(1)] })]).toThrow(TypeError);
  });
});
