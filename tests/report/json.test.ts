// jsonChunks: the JSON text of a value in pieces, exactly JSON.stringify's when joined, so that
// a result longer than V8's longest string (a province's) can still be written.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonChunks, ValidationError } from '../../src/index.js';

const joined = (value: unknown, options?: Parameters<typeof jsonChunks>[1]): string => [...jsonChunks(value, options)].join('');

// Joined, exactly JSON.stringify's text at depths 0 to 3, unindented and indented.
const expectStringifyText = (value: unknown): void => {
  for (const depth of [0, 1, 2, 3]) for (const indent of [0, 2]) expect(joined(value, { depth, indent })).toBe(JSON.stringify(value, null, indent));
};

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
      fc.property(tree, fc.integer({ min: 0, max: 10 }), fc.integer({ min: 0, max: 4 }), (value, indent, depth) => {
        const expected = JSON.stringify(value, null, indent);
        expect(joined(value, { indent, depth })).toBe(expected ?? '');
      }),
      { numRuns: 500 },
    );
  });

  it('long lists of any values, in runs: joined, exactly JSON.stringify at any indent and depth', () => {
    fc.assert(
      fc.property(fc.array(tree, { maxLength: 60 }), fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 3 }), (list, indent, depth) => {
        const value = { list, nested: { list } };
        expect(joined(value, { indent, depth })).toBe(JSON.stringify(value, null, indent));
      }),
      { numRuns: 200 },
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
    expectStringifyText(value);
  });

  it('a run too long for a string is tried again at half its length', () => {
    // A member whose getter throws the RangeError JSON.stringify throws past the longest string,
    // once, on the 10th read: inside the fourth run (members 8 to 15), which has eight members.
    let reads = 0;
    let armed = false;
    const member = (i: number): object => ({
      i,
      get v(): number {
        reads++;
        if (armed && reads === 10) throw new RangeError('Invalid string length');
        return i % 3;
      },
    });
    const value = { list: Array.from({ length: 40 }, (_, i) => member(i)) };
    const expected = JSON.stringify(value, null, 2);
    reads = 0;
    armed = true;
    const pieces = [...jsonChunks(value)];
    expect(pieces.join('')).toBe(expected);
    // runs of 1, 2, 4, then 8 failed: 4, 8, 16, and the 5 left
    expect(pieces.slice(1, -2).map((run) => run.split('"i":').length - 1)).toEqual([1, 2, 4, 4, 8, 16, 5]);
    // one member alone is not tried again: the error is the caller's (its read is the 10th),
    // wherever it stands in the list
    reads = 9;
    expect(() => [...jsonChunks({ list: [member(0)] })]).toThrow(RangeError);
    const stuck = {
      get v(): number {
        throw new RangeError('Invalid string length');
      },
    };
    const second = { list: [{ w: 1 }, { w: 2 }, { w: 3 }, stuck] };
    // runs of 1 and 2, then the last member alone, which fails every time
    expect(() => [...jsonChunks(second)]).toThrow(RangeError);
  });

  it('members of different lengths: no run holds more than 4,096 members', () => {
    const value = { list: [...Array.from({ length: 10_000 }, () => 'a'), ...Array.from({ length: 5_000 }, () => 'x'.repeat(300))] };
    const pieces = [...jsonChunks(value, { indent: 0 })];
    expect(pieces.join('')).toBe(JSON.stringify(value));
    const runs = pieces.slice(2, -2);
    expect(Math.max(...runs.map((run) => run.split(',').length - (run.startsWith(',') ? 1 : 0)))).toBe(4096);
    expect(Math.max(...runs.map((run) => run.length))).toBeLessThanOrEqual(4096 * 303);
  });

  it('a member whose toJSON gives undefined is null in a list, and left out of an object', () => {
    const nothing = { toJSON: (): undefined => undefined };
    const value = { list: [1, nothing, 2], member: nothing };
    for (const indent of [0, 2]) expect([...jsonChunks(value, { indent })].join('')).toBe(JSON.stringify(value, null, indent));
    expect([...jsonChunks(value, { indent: 0 })]).toContain('null');
  });

  it('lists above the depth are written member by member, the deepest ones by runs', () => {
    const value = { a: [[1, 2], [3]] };
    expect([...jsonChunks(value, { indent: 0, depth: 3 })]).toEqual(['{"a":', '[', '[1', ',2', ']', ',', '[3', ']', ']', '}']);
    expect([...jsonChunks(value, { indent: 0, depth: 2 })]).toEqual(['{"a":', '[[1,2]', ',[3]', ']', '}']);
  });

  it('a function with a toJSON is written as JSON.stringify writes it, at the top too', () => {
    const f = Object.assign(() => 1, { toJSON: (key: string) => `fn:${key}` });
    const value = { a: [f, 1, f], b: f };
    expectStringifyText(value);
    expect([...jsonChunks(f)].join('')).toBe('"fn:"');
  });

  it('what toJSON gives is written as it is: a boxed string, an array of a subclass, a function', () => {
    class Listed extends Array<number> {
      toJSON(): string {
        return 'called again';
      }
    }
    const boxed = Object.assign(new String('ab'), { toJSON: () => 'called again' });
    const listed = Listed.from([1, 2]);
    const fn = Object.assign(() => 1, { toJSON: () => 'called again' });
    const value = { a: { b: { toJSON: () => boxed }, c: { toJSON: () => listed }, d: { toJSON: () => fn } } };
    expect(JSON.stringify(value)).toBe('{"a":{"b":"ab","c":[1,2]}}');
    expectStringifyText(value);
  });

  it('a toJSON given to Array.prototype, Object.prototype or BigInt.prototype by other code', () => {
    const value = { a: [[1], [2]], b: { c: 1 }, d: 1 };
    const cases: [object, string][] = [
      [Array.prototype, 'arr'],
      [Object.prototype, 'obj'],
    ];
    for (const [proto, tag] of cases) {
      const got: string[] = [];
      const want: string[] = [];
      Object.defineProperty(proto, 'toJSON', { value: (key: string) => `${tag}${key}`, configurable: true, writable: true });
      try {
        for (const depth of [0, 1, 2, 3]) {
          for (const indent of [0, 2]) {
            got.push([...jsonChunks(value, { depth, indent })].join(''));
            want.push(JSON.stringify(value, null, indent));
          }
        }
      } finally {
        delete (proto as { toJSON?: unknown }).toJSON;
      }
      expect(got).toEqual(want);
    }
    // toJSON giving a BigInt: JSON.stringify throws, and jsonChunks says where (tests/report/json-problems.test.ts)
    Object.defineProperty(BigInt.prototype, 'toJSON', { value: () => 'big', configurable: true, writable: true });
    try {
      const big = { a: { b: { toJSON: () => BigInt(5) } } };
      expect(() => JSON.stringify(big)).toThrow(TypeError);
      for (const depth of [0, 1, 2, 3]) expect(() => [...jsonChunks(big, { depth })]).toThrow(ValidationError);
    } finally {
      delete (BigInt.prototype as { toJSON?: unknown }).toJSON;
    }
  });

  it('yields nothing for what JSON leaves out, and refuses a cycle or a BigInt where JSON.stringify throws', () => {
    expect([...jsonChunks(undefined)]).toEqual([]);
    expect([...jsonChunks(() => 1)]).toEqual([]);
    const cycle: Record<string, unknown> = { a: [] };
    (cycle['a'] as unknown[]).push(cycle);
    expect(() => [...jsonChunks(cycle, { depth: 1 })]).toThrow(ValidationError);
    expect(() => [...jsonChunks(cycle, { depth: 10 })]).toThrow(ValidationError);
    expect(() => [...jsonChunks({ n: [BigInt(1)] })]).toThrow(ValidationError);
  });
});
