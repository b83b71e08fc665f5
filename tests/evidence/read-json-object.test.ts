import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonSyntaxError } from '../../src/cli/locate.js';
import { ValidationError } from '../../src/core/validation-error.js';
import { repeatedFieldIssues } from '../../src/evidence/duplicate-keys.js';
import { Position, readJsonObject } from '../../src/evidence/read-json-object.js';
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

  it('keeps __proto__ as an own key, as JSON.parse does', async () => {
    const got = await readJsonObject('{"__proto__":[1],"a":1,"b":[2],"c":[3,4]}', { subject: 'partial' });
    expect(Object.getPrototypeOf(got)).toBe(Object.prototype);
    expect(Object.keys(got)).toEqual(['__proto__', 'a', 'b', 'c']);
    expect(Object.getOwnPropertyDescriptor(got, '__proto__')?.value).toEqual([1]);
    // Plain data properties, as JSON.parse makes them: writable, enumerable, configurable.
    expect(Object.getOwnPropertyDescriptor(got, 'c')).toEqual({ value: [3, 4], writable: true, enumerable: true, configurable: true });
  });

  it('refuses a key given twice in one object, at every depth: each repeat at its path and the line its value starts on', async () => {
    // JSON.parse would keep the last "lines" and the last "status" and say nothing.
    const text = [
      '{"lines": [',
      '  {"id": "a", "status": "open"},',
      '  {"id": "b", "status": "open",',
      '   "status": "closed"}],',
      ' "tasks": {"t": 1, "u": {"v": 1, "v": 2}},',
      ' "lines":',
      '  []}',
    ].join('\n');
    const expected = [
      { code: 'duplicate-field', path: ['lines', 1, 'status'], line: 4, file: 'p.json', params: { line: 4, field: 'lines[1].status' } },
      { code: 'duplicate-field', path: ['tasks', 'u', 'v'], line: 5, file: 'p.json', params: { line: 5, field: 'tasks.u.v' } },
      { code: 'duplicate-field', path: ['lines'], line: 7, file: 'p.json', params: { line: 7, field: 'lines' } },
    ];
    for (let size = 1; size <= text.length; size += 3) {
      const chunks = cut(text, Array.from({ length: Math.ceil(text.length / size) }, (_, i) => i * size));
      const error = await failure(chunks);
      expect(error.subject).toBe('partial');
      expect(error.issues, String(size)).toEqual(expected.map((issue) => expect.objectContaining(issue)));
    }
    expect((await failure(text)).issues[2]?.message).toBe('第 7 行：字段「lines」在同一个对象中出现了不止一次：JSON 解析只保留最后一个，前面的值会被悄悄丢弃；请删去多余的一个');
    expect((await failure(text, 'en')).issues[0]?.message).toBe(
      'line 4: field "lines[1].status" is given more than once in one object: JSON parsing keeps only the last, dropping the others without a word; remove the extra one',
    );
  });

  it('lists at most 100 repeats, and says a syntax error rather than repeats before it', async () => {
    const many = `{${Array.from({ length: 150 }, () => '"k":1').join(',')}}`;
    const error = await failure(many);
    expect(error.issues).toHaveLength(100);
    expect(error.issues.every((issue) => issue.code === 'duplicate-field' && issue.path.join() === 'k')).toBe(true);
    const inner = `{"a":[${Array.from({ length: 150 }, () => '{"k":1,"k":2}').join(',')}]}`;
    const listed = (await failure(inner)).issues;
    expect(listed.map((issue) => issue.path)).toEqual(Array.from({ length: 100 }, (_, i) => ['a', i, 'k']));
    expect((await failure('{"a":1,"a":2,}')).issues).toEqual([expect.objectContaining({ code: 'invalid-json' })]);
    // A document that is not an object is said to be so, whatever is inside it.
    expect((await failure('[{"a":1,"a":2}]')).issues).toEqual([expect.objectContaining({ code: 'json-not-object' })]);
  });

  it('finds the same repeats as a check of the whole text, wherever the chunks are cut', async () => {
    // Objects written by hand from entries whose keys are few letters, so that repeats are common.
    const text = fc.letrec<{ value: string }>((tie) => ({
      value: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        fc.constantFrom('1', '"x"', 'null', '"a:b"'),
        fc.array(tie('value'), { maxLength: 3 }).map((members) => `[${members.join(',\n')}]`),
        fc
          .array(fc.tuple(fc.constantFrom('a', 'b', 'c'), tie('value')), { maxLength: 4 })
          .map((entries) => `{${entries.map(([key, value]) => `"${key}": ${value}`).join(',\n')}}`),
      ),
    })).value;
    const documents = fc
      .array(fc.tuple(fc.constantFrom('p', 'q', 'r'), text), { maxLength: 5 })
      .map((entries) => `{${entries.map(([key, value]) => `\n"${key}":\n${value}`).join(',')}}`);
    await fc.assert(
      fc.asyncProperty(documents, fc.array(fc.nat(), { maxLength: 8 }), async (doc, offsets) => {
        const wanted = repeatedFieldIssues(doc, JSON.parse(doc), { lang: 'zh', file: 'p.json', limit: 100 });
        const got = await readJsonObject(cut(doc, offsets.map((o) => o % (doc.length + 1))), { subject: 'partial', file: 'p.json' }).then(
          (value) => ({ value }),
          (error: unknown) => ({ error }),
        );
        if (wanted.length === 0) expect(got).toEqual({ value: JSON.parse(doc) });
        else expect((got as { error: ValidationError }).error.issues).toEqual(wanted);
      }),
      { numRuns: 300 },
    );
  });

  it('takes tabs, carriage returns and line feeds between values (a file saved on Windows)', async () => {
    const text = '{\r\n\t"a":\t[\r\n\t\t1,\r\n\t\t{"b" :\r\n"c"}\r\n\t] ,\r\n\t"d"\t:\r\nnull\r\n}\r\n';
    for (let size = 1; size <= text.length; size++) {
      const chunks = cut(text, Array.from({ length: Math.ceil(text.length / size) }, (_, i) => i * size));
      expect(await readJsonObject(chunks, { subject: 'partial' }), String(size)).toEqual({ a: [1, { b: 'c' }], d: null });
    }
    const bad = '{\r\n\t"a":\t[1,\r\n\t\tx]}';
    expect((await failure(bad)).issues[0]?.params).toEqual(jsonSyntaxError(bad));
  });

  it('refuses what cannot begin a value where a value must begin, where a scan of the whole text does', async () => {
    for (const text of ['{"a":}', '{"a":,"b":1}', '{"a" : ]}', '{"a":[1,]}', '{"a":[}]}', '{"a":[1],"b":\n:2}', ':', ']']) {
      const error = await failure(text);
      expect(error.issues[0]?.params, text).toEqual(jsonSyntaxError(text));
    }
  });

  it('treats other whitespace as the whole text does: nothing but it is an empty input, before a value an error', async () => {
    expect((await failure('\u00a0 \u2003\n\uFEFF')).issues[0]?.code).toBe('empty-input');
    expect((await failure(['\u00a0', '\u00a0'])).issues[0]?.code).toBe('empty-input');
    for (const text of ['\u00a0{}', ' \u00a0\u00a0{"a":1}', '\n\u2003[1]']) {
      expect((await failure(text)).issues[0]?.params, JSON.stringify(text)).toEqual(jsonSyntaxError(text));
    }
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

  it('says what JSON.parse and a scan of the whole text say, for any text, wherever the chunks are cut', async () => {
    // Valid documents (objects, arrays, other values, any whitespace, surrogate pairs) with one
    // character changed, taken out or put in: often not JSON any more, sometimes not an object.
    const values = fc.oneof(documents, fc.jsonValue({ maxDepth: 2 }), fc.array(fc.jsonValue({ maxDepth: 2 })), fc.string({ unit: 'grapheme' }));
    const broken = fc
      .tuple(values, fc.constantFrom(0, 2), fc.nat(), fc.constantFrom('', ',', ']', '}', '[', '{', '"', ':', '\\', 'x', '1', ' ', '\n', '\u00a0', '😀', 'n', '-'), fc.boolean())
      .map(([doc, indent, at, insert, replace]) => {
        const text = JSON.stringify(doc, null, indent) ?? '';
        const i = at % (text.length + 1);
        return text.slice(0, i) + insert + text.slice(replace ? i + 1 : i);
      });
    await fc.assert(
      fc.asyncProperty(broken, fc.array(fc.nat(), { maxLength: 6 }), async (text, offsets) => {
        let parsed: { value: unknown } | undefined;
        try {
          parsed = { value: JSON.parse(text) as unknown };
        } catch {
          parsed = undefined;
        }
        const read = readJsonObject(cut(text, offsets.map((o) => o % (text.length + 1))), { subject: 'partial' });
        const outcome = await read.then(
          (value) => ({ value }),
          (e: unknown) => ({ error: e as ValidationError }),
        );
        if (parsed && typeof parsed.value === 'object' && parsed.value !== null && !Array.isArray(parsed.value)) {
          // JSON.parse keeps the last of a repeated key; readJsonObject refuses it. An edit can
          // turn one key into another ("b" into "x" beside an "x"): then each issue names a key
          // the text does give twice.
          const issues = 'error' in outcome ? outcome.error.issues : [];
          if (issues.length > 0 && issues.every((i) => i.code === 'duplicate-field')) {
            for (const i of issues) {
              const key = JSON.stringify(i.path[i.path.length - 1]).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
              expect(text.match(new RegExp(`${key}\\s*:`, 'g'))?.length ?? 0).toBeGreaterThanOrEqual(2);
            }
            return;
          }
          expect(outcome).toEqual({ value: parsed.value });
          return;
        }
        expect('error' in outcome && outcome.error).toBeInstanceOf(ValidationError);
        const [issue] = (outcome as { error: ValidationError }).error.issues;
        if (parsed) {
          const received = parsed.value === null ? 'null' : Array.isArray(parsed.value) ? 'array' : typeof parsed.value;
          expect(issue).toMatchObject({ code: 'json-not-object', params: { received } });
        } else if (text.trim() === '') expect(issue?.code).toBe('empty-input');
        else expect(issue?.params).toEqual(jsonSyntaxError(text));
      }),
      { numRuns: 2500, examples: [['{"x": 1, "x": 2}', []], ['{"a": {"y": [], "y": {}}}', [3, 9]], ['{"   ":2.277318545491741e-206,"":"","         ":null,"     ":null,"":" "}', []]] },
    );
  });

  it('reads strings of any length with backslashes and quotes anywhere, in chunks of any size', async () => {
    const text = JSON.stringify({ a: ['x'.repeat(5000) + '\\"'.repeat(300) + '\n'.repeat(200) + '"', { b: '\\'.repeat(999) }], c: 'é"\\'.repeat(700) });
    const expected = JSON.parse(text) as unknown;
    for (const size of [1, 2, 3, 7, 64, 1000, 4096, text.length]) {
      const chunks = cut(text, Array.from({ length: Math.ceil(text.length / size) }, (_, i) => i * size));
      expect(await readJsonObject(chunks, { subject: 'partial' }), String(size)).toEqual(expected);
    }
  });

  it('sees a character split between two text chunks whole, in the character it reports', async () => {
    const error = await failure(['{', '\ud83d', '\ude00}']);
    expect(error.issues[0]?.params).toEqual({ line: 1, column: 2, problem: 'unexpected-character', found: '😀' });
    expect(await readJsonObject(['{"a":"\ud83d', '\ude00"}'], { subject: 'partial' })).toEqual({ a: '😀' });
    // The first and last high surrogates.
    expect((await failure(['{', '\ud800', '\udc00}'])).issues[0]?.params).toMatchObject({ found: '\u{10000}' });
    expect((await failure(['{', '\udbff', '\udfff}'])).issues[0]?.params).toMatchObject({ found: '\u{10ffff}' });
    // A high surrogate that ends the text is read too, not held back for ever.
    expect((await failure(['{"a":1}', '\ud83d'])).issues[0]?.params).toEqual({ line: 1, column: 8, problem: 'trailing-content', found: '\ud83d' });
  });

  it('places its issues at no file and no line when it has none', async () => {
    const [issue] = ((await readJsonObject('[1]', { subject: 'graph' }).catch((e: unknown) => e)) as ValidationError).issues;
    expect(issue?.code).toBe('json-not-object');
    expect(Object.keys(issue ?? {})).not.toContain('file');
    const [empty] = ((await readJsonObject('', { subject: 'graph' }).catch((e: unknown) => e)) as ValidationError).issues;
    expect(Object.keys(empty ?? {})).not.toContain('file');
  });

  it('passes on an error of the input itself (a disk that fails), after a syntax error too', async () => {
    const failing = (first: string): AsyncIterable<string> => ({
      async *[Symbol.asyncIterator]() {
        yield first;
        throw Object.assign(new Error('read failed'), { code: 'EIO' });
      },
    });
    for (const first of ['{"a":', '{x']) {
      const error = await readJsonObject(failing(first), { subject: 'partial' }).catch((e: unknown) => e);
      expect(error, first).not.toBeInstanceOf(ValidationError);
      expect((error as { code?: string }).code).toBe('EIO');
    }
  });

  it('reports bytes that are not UTF-8 before a syntax error earlier in the text, as the whole text would be', async () => {
    const bytes = Uint8Array.from([...utf8('{x\n\n'), 0xff, ...utf8('}')]);
    for (let at = 0; at <= bytes.length; at++) {
      expect((await failure(splitAt(bytes, [at]))).issues[0], String(at)).toMatchObject({ code: 'invalid-encoding', line: 3, params: { line: 3 } });
    }
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

describe('Position (lines and columns across chunks)', () => {
  /** A chunk that counts the characters its `indexOf` looks through. */
  function countingChunk(text: string): { chunk: string; looked: () => number } {
    let looked = 0;
    const chunk = Object.assign(new String(text), {
      indexOf(search: string, from = 0): number {
        const found = text.indexOf(search, from);
        looked += (found === -1 ? text.length : found + 1) - from;
        return found;
      },
    });
    return { chunk: chunk as unknown as string, looked: () => looked };
  }

  it('places every value of a text of one long line in one pass over it, not one pass a value', () => {
    // 20,000 values on one line, as JSON.stringify writes a partial state: placing each used to
    // search the rest of the chunk for a newline again (400 million characters here).
    const text = '[' + Array.from({ length: 20_000 }, (_, i) => `"r${String(i).padStart(6, '0')}"`).join(',') + ']';
    const { chunk, looked } = countingChunk(text);
    const position = new Position();
    for (let i = 1; i < text.length; i += 10) expect(position.at(chunk, i)).toEqual({ line: 1, column: i + 1 });
    position.advance(chunk);
    expect(looked()).toBeLessThanOrEqual(text.length);
    expect(position.end()).toEqual({ line: 1, column: text.length + 1 });
  });

  it('counts lines and columns across chunks, a newline at a chunk edge included', () => {
    const position = new Position();
    const first = 'ab\ncd\n';
    expect(position.at(first, 1)).toEqual({ line: 1, column: 2 });
    // The newline itself is the last character of its line.
    expect(position.at(first, 2)).toEqual({ line: 1, column: 3 });
    expect(position.at(first, 4)).toEqual({ line: 2, column: 2 });
    // Asked again at the same place: the same answer.
    expect(position.at(first, 4)).toEqual({ line: 2, column: 2 });
    position.advance(first);
    expect(position.end()).toEqual({ line: 3, column: 1 });
    const second = 'xy\nz';
    expect(position.at(second, 0)).toEqual({ line: 3, column: 1 });
    expect(position.at(second, 3)).toEqual({ line: 4, column: 1 });
    position.advance(second);
    expect(position.end()).toEqual({ line: 4, column: 2 });
  });
});
