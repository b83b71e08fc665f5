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
  fc.constant({ toJSON: () => ({ n: 1, toJSON: () => 'not called' }) }),
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

  it('by default, two spaces; the members of the lists of the top object by runs, indented as in the whole text', () => {
    const value = { title: '年度考核', organizations: [{ id: 'b1', lines: [{ points: 4 }] }, { id: 'b2', lines: [] }], empty: [], none: undefined };
    const pieces = [...jsonChunks(value)];
    expect(pieces.join('')).toBe(JSON.stringify(value, null, 2));
    expect(pieces).toEqual([
      '{\n  "title": ',
      '"年度考核"',
      ',\n  "organizations": ',
      '[\n    {\n      "id": "b1",\n      "lines": [\n        {\n          "points": 4\n        }\n      ]\n    }',
      ',\n    {\n      "id": "b2",\n      "lines": []\n    }',
      '\n  ]',
      ',\n  "empty": ',
      '[]',
      '\n}',
    ]);
  });

  it('a long list: runs of 1, 2, 4… members, each at most about a megabyte of text', () => {
    const subject = (i: number): object => ({ id: `p${String(i).padStart(5, '0')}`, name: '党员', lines: [{ indicator: 'x', points: 1, explanation: '要求每月至少1次'.repeat(10) }] });
    const value = { people: Array.from({ length: 10_000 }, (_, i) => subject(i)) };
    const pieces = [...jsonChunks(value)];
    expect(pieces.join('')).toBe(JSON.stringify(value, null, 2));
    // Each subject is 253 characters indented, 259 with the comma, line break and indent before it.
    const member = JSON.stringify(subject(0), null, 2).replace(/\n/g, '\n    ');
    expect(member.length).toBe(253);
    const runs = pieces.slice(1, -2);
    const counts = runs.map((run) => run.split('\n    },').length);
    expect(counts.slice(0, 6)).toEqual([1, 2, 4, 8, 16, 32]);
    expect(counts.reduce((sum, n) => sum + n, 0)).toBe(10_000);
    // 2^20 characters a run at 259 a member: 4,048 members, once the runs are that long.
    expect(Math.max(...counts)).toBe(4_048);
    expect(Math.max(...runs.map((run) => run.length))).toBeLessThanOrEqual(2 ** 20);
  });

  it('a member longer than a megabyte is a piece alone', () => {
    const big = 'x'.repeat(2 ** 20);
    const pieces = [...jsonChunks({ list: [big, big, 'y', big] }, { indent: 0 })];
    expect(pieces).toEqual(['{"list":', `["${big}"`, `,"${big}"`, ',"y"', `,"${big}"`, ']', '}']);
  });

  it('a member with its own toJSON is written alone, with its index as key', () => {
    const stamp = { toJSON: (key: string) => ({ at: key }) };
    const value = { list: [1, stamp, 2, 3, stamp] };
    const pieces = [...jsonChunks(value)];
    expect(pieces.join('')).toBe(JSON.stringify(value, null, 2));
    expect(pieces).toContain('{\n      "at": "1"\n    }');
    expect(pieces).toContain('{\n      "at": "4"\n    }');
  });

  it('toJSON is called once: a value it gives with a toJSON of its own is written as it is, as JSON.stringify does', () => {
    const inner = { n: 1, toJSON: (key: string) => `inner:${key}` };
    const list = Object.assign([1, 2], { toJSON: () => 'list' });
    const value = { a: { b: { toJSON: () => inner }, c: { toJSON: () => list }, d: { toJSON: () => new Date(0) } } };
    expect(JSON.stringify(value)).toBe('{"a":{"b":{"n":1},"c":[1,2],"d":{}}}');
    for (const depth of [0, 1, 2, 3]) expect([...jsonChunks(value, { depth })].join('')).toBe(JSON.stringify(value, null, 2));
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
