import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonSyntaxError } from '../../src/cli/locate.js';
import { ValidationError } from '../../src/core/validation-error.js';
import { readJsonObject } from '../../src/evidence/read-json-object.js';
import { splitAt, utf8 } from './helpers.js';

/** The text cut at these offsets (sorted, repeats allowed: empty pieces too). */
function cut(text: string, offsets: readonly number[]): string[] {
  const at = [...offsets].sort((a, b) => a - b);
  const pieces: string[] = [];
  let from = 0;
  for (const offset of at) {
    pieces.push(text.slice(from, offset));
    from = offset;
  }
  pieces.push(text.slice(from));
  return pieces;
}

async function failure(input: Parameters<typeof readJsonObject>[0], lang?: 'zh' | 'en'): Promise<ValidationError> {
  const error = await readJsonObject(input, { subject: 'partial', file: 'p.json', ...(lang ? { lang } : {}) }).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ValidationError);
  return error as ValidationError;
}

// JSON objects whose values are often arrays (the members read one at a time), any JSON inside.
const documents = fc.dictionary(fc.string(), fc.oneof(fc.array(fc.jsonValue({ maxDepth: 3 })), fc.jsonValue({ maxDepth: 3 })), { maxKeys: 6 });

describe('readJsonObject', () => {
  it('gives what JSON.parse gives, whatever the layout and wherever the chunks are cut', async () => {
    await fc.assert(
      fc.asyncProperty(documents, fc.constantFrom(0, 1, 2, '\t'), fc.array(fc.nat(), { maxLength: 10 }), async (doc, indent, offsets) => {
        const text = JSON.stringify(doc, null, indent);
        const got = await readJsonObject(cut(text, offsets.map((o) => o % (text.length + 1))), { subject: 'partial' });
        const expected = JSON.parse(text) as Record<string, unknown>;
        expect(got).toEqual(expected);
        expect(Object.keys(got)).toEqual(Object.keys(expected));
      }),
      { numRuns: 300 },
    );
  });

  it('keeps __proto__ as an own key and a repeated key in its first place with its last value, as JSON.parse does', async () => {
    const got = await readJsonObject('{"__proto__":[1],"a":1,"b":[2],"a":[3,4]}', { subject: 'partial' });
    expect(Object.getPrototypeOf(got)).toBe(Object.prototype);
    expect(Object.keys(got)).toEqual(['__proto__', 'a', 'b']);
    expect(Object.getOwnPropertyDescriptor(got, '__proto__')?.value).toEqual([1]);
    expect(got['a']).toEqual([3, 4]);
  });

  it('reads brackets, quotes and backslashes inside strings as text, across chunk boundaries', async () => {
    const text = '{"v":["]\\"[{", {"k]":"}\\\\"}, "\\u005d"], "n" : -1.5e3 , "t":true,"z":null}';
    for (let size = 1; size <= text.length; size++) {
      const chunks = cut(text, Array.from({ length: Math.ceil(text.length / size) }, (_, i) => i * size));
      expect(await readJsonObject(chunks, { subject: 'partial' }), String(size)).toEqual({ v: [']"[{', { 'k]': '}\\' }, ']'], n: -1500, t: true, z: null });
    }
  });

  it('reads UTF-8 bytes cut inside a character, and leaves out a leading BOM', async () => {
    const bytes = utf8('\uFEFF{"标题":["第一党支部","𠀀"]}');
    for (let at = 0; at <= bytes.length; at++) {
      expect(await readJsonObject(splitAt(bytes, [at]), { subject: 'partial' })).toEqual({ 标题: ['第一党支部', '𠀀'] });
    }
  });

  it('places a syntax error where a scan of the whole text does, wherever the chunks are cut', async () => {
    // Valid documents with one character changed, taken out or put in: mostly not JSON any more.
    const broken = fc
      .tuple(documents, fc.constantFrom(0, 2), fc.nat(), fc.constantFrom('', ',', ']', '}', '[', '{', '"', ':', '\\', 'x', '1', ' ', '\n'), fc.boolean())
      .map(([doc, indent, at, insert, replace]) => {
        const text = JSON.stringify(doc, null, indent);
        const i = at % (text.length + 1);
        return text.slice(0, i) + insert + text.slice(replace ? i + 1 : i);
      });
    await fc.assert(
      fc.asyncProperty(broken, fc.array(fc.nat(), { maxLength: 6 }), async (text, offsets) => {
        let parsed: unknown;
        try {
          parsed = JSON.parse(text);
        } catch {
          parsed = undefined;
        }
        const read = readJsonObject(cut(text, offsets.map((o) => o % (text.length + 1))), { subject: 'partial' });
        if (parsed !== undefined && typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) {
          expect(await read).toEqual(parsed);
          return;
        }
        const error = await read.then(
          () => undefined,
          (e: unknown) => e as ValidationError,
        );
        expect(error).toBeInstanceOf(ValidationError);
        const [issue] = (error as ValidationError).issues;
        if (issue?.code !== 'invalid-json') {
          // Valid JSON that is not an object, or nothing at all.
          expect(['json-not-object', 'empty-input']).toContain(issue?.code);
          return;
        }
        expect(issue.params).toEqual(jsonSyntaxError(text));
      }),
      { numRuns: 1500 },
    );
  });

  it('says what the document is when it is JSON but not an object, in Chinese or English', async () => {
    const cases: [string, string][] = [
      ['[1,2]', 'array'],
      [' "x"', 'string'],
      ['-3', 'number'],
      ['true', 'boolean'],
      ['null', 'null'],
    ];
    for (const [text, received] of cases) {
      const error = await failure(text);
      expect(error.subject).toBe('partial');
      expect(error.issues).toHaveLength(1);
      expect(error.issues[0]).toMatchObject({ code: 'json-not-object', params: { received }, file: 'p.json', line: 1 });
    }
    expect((await failure('[1]')).issues[0]?.message).toBe('文档应为一个 JSON 对象（{…}），实际为数组');
    expect((await failure('[1]', 'en')).issues[0]?.message).toBe('the document must be one JSON object ({…}), got array');
  });

  it('reports an empty input, and bytes that are not UTF-8 with the line they start on', async () => {
    expect((await failure(' \n ')).issues[0]).toMatchObject({ code: 'empty-input', line: 1 });
    expect((await failure([])).issues[0]?.code).toBe('empty-input');
    const gbk = Uint8Array.from([...utf8('{"a":\n[1,\n"'), 0xb5, 0xb3, ...utf8('"]}')]);
    for (let at = 0; at <= gbk.length; at++) {
      expect((await failure(splitAt(gbk, [at]))).issues[0], String(at)).toMatchObject({ code: 'invalid-encoding', params: { line: 3 }, line: 3, file: 'p.json' });
    }
  });

  it('gives the line and column in English too', async () => {
    const error = await failure('{\n  "lines": [\n    [1, 2],\n    [3,, 4]\n  ]\n}', 'en');
    expect(error.issues[0]?.params).toEqual({ line: 4, column: 8, problem: 'unexpected-character', found: ',' });
    expect(error.issues[0]?.message).toBe('invalid JSON at line 4, column 8 ",": unexpected character');
  });

  it('holds a member only while it is read: members far longer than a chunk come out whole', async () => {
    const long = 'x'.repeat(200_000);
    const text = `{"v":[${JSON.stringify(long)},[${JSON.stringify(long)},{"a":${JSON.stringify(long)}}]],"w":${JSON.stringify(long)}}`;
    const chunks = cut(text, Array.from({ length: Math.floor(text.length / 4096) }, (_, i) => (i + 1) * 4096));
    expect(await readJsonObject(chunks, { subject: 'partial' })).toEqual({ v: [long, [long, { a: long }]], w: long });
  });
});
