/** What is wrong at the offset a {@link scanJson} failure points to. */
export type JsonProblem =
  | 'unexpected-character'
  | 'unexpected-end'
  | 'unterminated-string'
  | 'invalid-escape'
  | 'control-character'
  | 'invalid-number'
  | 'trailing-content';

/** The outcome of {@link scanJson}: valid, or the first offset where the text stops being JSON. */
export type JsonScan = { readonly ok: true } | { readonly ok: false; readonly offset: number; readonly problem: JsonProblem };

/** Called with the start offset and the path of each value no deeper than the scan's depth. */
export type JsonVisitor = (start: number, path: readonly (string | number)[]) => void;

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const ESCAPE = /\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4})/y;
const LITERALS = ['true', 'false', 'null'] as const;

/**
 * Whether a character code is JSON whitespace: space, line feed, carriage return or tab.
 *
 * @example
 * isWhitespace(0x09); // true
 */
export function isWhitespace(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09;
}

/**
 * Checks that a text is one JSON value (RFC 8259) and reports where values start, without
 * building them: `JSON.parse` builds the values, this finds their lines. Node 20's `JSON.parse`
 * gives no position for its most common error (`Unexpected token`), so the position of a syntax
 * error comes from here too. Iterative, so deep nesting cannot overflow the stack.
 *
 * @example
 * scanJson('[{"a":1},\n{"a":2}]', (start, path) => console.log(start, path), 1);
 * // 0 [] · 1 [0] · 10 [1]
 * scanJson('[1,]'); // { ok: false, offset: 3, problem: 'unexpected-character' }
 */
export function scanJson(text: string, visit?: JsonVisitor, visitDepth = 0): JsonScan {
  const length = text.length;
  const path: (string | number)[] = [];
  const closers: string[] = [];
  let i = 0;
  const skipWhitespace = (): void => {
    while (i < length && isWhitespace(text.charCodeAt(i))) i++;
  };
  const fail = (offset: number, problem: JsonProblem): JsonScan => ({ ok: false, offset, problem });
  const failHere = (): JsonScan => fail(i, i >= length ? 'unexpected-end' : 'unexpected-character');

  // Moves past the string that starts at `i`; returns a failure or undefined.
  const skipString = (): JsonScan | undefined => {
    const start = i;
    i++;
    for (;;) {
      if (i >= length) return fail(start, 'unterminated-string');
      const code = text.charCodeAt(i);
      if (code === 0x22) {
        i++;
        return undefined;
      }
      if (code === 0x5c) {
        ESCAPE.lastIndex = i;
        if (!ESCAPE.test(text)) return fail(i, i + 1 >= length ? 'unterminated-string' : 'invalid-escape');
        i = ESCAPE.lastIndex;
      } else if (code < 0x20) {
        return fail(i, 'control-character');
      } else {
        i++;
      }
    }
  };

  // Reads an object key and its colon; the key is decoded only where a visitor will see it.
  const readKey = (): JsonScan | string => {
    skipWhitespace();
    if (text.charCodeAt(i) !== 0x22) return failHere();
    const start = i;
    const failure = skipString();
    if (failure) return failure;
    const key = closers.length <= visitDepth ? (JSON.parse(text.slice(start, i)) as string) : '';
    skipWhitespace();
    if (text.charCodeAt(i) !== 0x3a) return failHere();
    i++;
    return key;
  };

  for (;;) {
    // A value starts here.
    skipWhitespace();
    if (i >= length) return fail(i, 'unexpected-end');
    if (visit && path.length <= visitDepth) visit(i, path);
    const char = text[i];
    if (char === '{' || char === '[') {
      i++;
      skipWhitespace();
      const closer = char === '{' ? '}' : ']';
      if (text[i] === closer) {
        i++;
      } else {
        closers.push(closer);
        if (closer === ']') {
          path.push(0);
        } else {
          const key = readKey();
          if (typeof key !== 'string') return key;
          path.push(key);
        }
        continue;
      }
    } else if (char === '"') {
      const failure = skipString();
      if (failure) return failure;
    } else if (char === '-' || (char !== undefined && char >= '0' && char <= '9')) {
      NUMBER.lastIndex = i;
      if (!NUMBER.test(text)) return fail(i, 'invalid-number');
      i = NUMBER.lastIndex;
    } else {
      const literal = LITERALS.find((word) => text.startsWith(word, i));
      if (literal === undefined) return failHere();
      i += literal.length;
    }

    // After a value: close containers until a comma asks for the next value.
    for (;;) {
      skipWhitespace();
      const closer = closers.at(-1);
      if (closer === undefined) return i < length ? fail(i, 'trailing-content') : { ok: true };
      const next = text[i];
      if (next === closer) {
        i++;
        closers.pop();
        path.pop();
        continue;
      }
      if (next !== ',') return failHere();
      i++;
      if (closer === ']') {
        path[path.length - 1] = (path.at(-1) as number) + 1;
      } else {
        const key = readKey();
        if (typeof key !== 'string') return key;
        path[path.length - 1] = key;
      }
      break;
    }
  }
}

/**
 * The 1-based line and column (in UTF-16 code units) of an offset in a text.
 *
 * @example
 * lineAndColumn('ab\ncd', 4); // { line: 2, column: 2 }
 */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let at = text.indexOf('\n'); at !== -1 && at < offset; at = text.indexOf('\n', at + 1)) {
    line++;
    lineStart = at + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

/**
 * The character at an offset, for messages (empty at the end of the text).
 *
 * @example
 * foundAt('[1,]', 3); // ']'
 */
export function foundAt(text: string, offset: number): string {
  const code = text.codePointAt(offset);
  return code === undefined ? '' : String.fromCodePoint(code);
}
