import { constants } from 'node:buffer';
import { z } from 'zod';
import { makeIssue, type Issue } from '../core/issue.js';
import type { Lang } from '../core/lang.js';
import { checkOptions, LangOptionSchema } from '../core/options.js';
import { ValidationError } from '../core/validation-error.js';
import { FIELD_REPEATS_LISTED, repeatedFieldIssue, repeatedFieldIssues } from './duplicate-keys.js';
import { foundAt, isWhitespace, lineAndColumn, scanJson, type JsonProblem } from './json-scan.js';
import { checkReaderInput, InvalidEncodingError, jsonTypeOf, textChunks, type ReaderInput } from './reader-common.js';

/**
 * Options of {@link readJsonObject}.
 *
 * Refused (the promise is rejected with a `ValidationError`, subject `options`, listing every
 * problem): no options, or options that are not an object (`null`, a text); a `subject` missing,
 * empty or not a text; a name not listed here (`fil`); a `file` that is not a text; a `lang`
 * other than `zh` or `en`.
 */
export interface ReadJsonObjectOptions {
  /** What the document is, for the error (`partial`, `graph`…): the `ValidationError`'s subject. */
  readonly subject: string;
  /** File name put on the issues. */
  readonly file?: string;
  /** Language of the issues. Default `zh`. */
  readonly lang?: Lang;
}

/**
 * The options of {@link readJsonObject}, checked.
 *
 * @example
 * ReadJsonObjectOptionsSchema.parse({ subject: 'partial', file: 'north.partial.json' });
 */
export const ReadJsonObjectOptionsSchema = z.strictObject({
  subject: z.string().min(1),
  file: z.string().optional(),
  lang: LangOptionSchema.optional(),
});

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
/** Past the end of any chunk: "none left in this chunk". */
const NONE = 2 ** 32 - 1;

/** Whether a character can begin a JSON value: `{`, `[`, `"`, `-`, a digit, or `t`, `f`, `n`. */
function startsValue(code: number): boolean {
  return code === OPEN_BRACE || code === OPEN_BRACKET || code === QUOTE || code === 0x2d || (code >= 0x30 && code <= 0x39) || code === 0x74 || code === 0x66 || code === 0x6e;
}

/** Where a syntax error is, in the whole text, and what it is. */
type SyntaxProblem = { readonly line: number; readonly column: number; readonly problem: JsonProblem; readonly found: string };

class JsonSyntaxProblem extends Error {
  constructor(readonly at: SyntaxProblem) {
    super(at.problem);
  }
}

/** One value (a top-level value or a member of a top-level list) is longer than a string can be. */
class ValueTooLong extends Error {
  constructor(readonly line: number) {
    super('value too long');
  }
}

/** Not looked for yet (see `Position`). */
const UNKNOWN = -2;

/**
 * Where the scan is in the whole text: lines and columns across chunks, counted forwards only (a
 * cursor in the current chunk), so that placing every value costs one pass over the text. A
 * column counts UTF-16 code units from 1, as {@link lineAndColumn} does. Exported for its tests.
 */
export class Position {
  /** Offset of the current chunk's first character in the whole text. */
  base = 0;
  /** Line of the character at the cursor in the current chunk. */
  line = 1;
  /** Offset (in the whole text) of the first character of that line. */
  lineStart = 0;
  /**
   * The first newline of the current chunk at or after the last place asked (-1: none left), or
   * {@link UNKNOWN} before it is looked for: found once a chunk, not once a value, so that a
   * text of one long line (`JSON.stringify` without indent) is not searched to its end again for
   * every value in it.
   */
  #next = UNKNOWN;

  /** Line and column of the character at `index` in the current chunk (never before the last asked). */
  at(chunk: string, index: number): { line: number; column: number } {
    let nl = this.#next === UNKNOWN ? chunk.indexOf('\n') : this.#next;
    for (; nl !== -1 && nl < index; nl = chunk.indexOf('\n', nl + 1)) {
      this.line++;
      this.lineStart = this.base + nl + 1;
    }
    this.#next = nl;
    return { line: this.line, column: this.base + index - this.lineStart + 1 };
  }

  /** Moves past the whole current chunk. */
  advance(chunk: string): void {
    this.at(chunk, chunk.length);
    this.base += chunk.length;
    this.#next = UNKNOWN;
  }

  /** The place just past the text read so far. */
  end(): { line: number; column: number } {
    return { line: this.line, column: this.base - this.lineStart + 1 };
  }
}

/**
 * One JSON value being found in the chunks: its text kept in parts until its end is seen. A
 * value that opens with a bracket ends where its depth returns to zero (brackets inside strings
 * do not count); a string at its closing quote; a number or literal at the first character that
 * cannot continue it. The text is then given to `JSON.parse`, which checks it.
 */
class ValueText {
  readonly parts: string[] = [];
  /** Characters in `parts`. */
  length = 0;
  depth = 0;
  inString = false;
  escaped = false;
  /** The value is a number or a literal (`true`, `false`, `null`). */
  atom = false;
  line = 1;
  column = 1;
  /** The text of the value parsed last, until {@link ValueText.release}: to look for repeated keys in. */
  text = '';
  // The next quote and backslash in the current chunk at or after the last place asked (NONE:
  // none left). Asked at increasing places only, so finding them costs one pass a chunk.
  #quote = -1;
  #backslash = -1;

  /** A new chunk begins: where its quotes and backslashes are is not known yet. */
  newChunk(): void {
    this.#quote = -1;
    this.#backslash = -1;
  }

  /** Starts a value whose first character is `first`, at this line and column. */
  start(first: number, line: number, column: number): void {
    this.parts.length = 0;
    this.length = 0;
    this.depth = 0;
    // A string's opening quote is scanned already.
    this.inString = first === QUOTE;
    this.escaped = false;
    this.atom = first !== OPEN_BRACE && first !== OPEN_BRACKET && first !== QUOTE;
    this.line = line;
    this.column = column;
  }

  /** Keeps a part of the value's text; a value longer than a string can be is refused here. */
  keep(part: string): void {
    this.length += part.length;
    if (this.length > constants.MAX_STRING_LENGTH) throw new ValueTooLong(this.line);
    this.parts.push(part);
  }

  /**
   * Scans `chunk` from `from`: the index just past the value's end, or -1 if the chunk ends
   * first (the chunk's rest is then part of the value).
   */
  scan(chunk: string, from: number): number {
    const n = chunk.length;
    if (this.atom) {
      for (let i = from; i < n; i++) {
        const ch = chunk.charCodeAt(i);
        if (isWhitespace(ch) || ch === COMMA || ch === CLOSE_BRACKET || ch === CLOSE_BRACE) return i;
      }
      return -1;
    }
    let { depth, inString, escaped } = this;
    for (let i = from; i < n; i++) {
      if (inString && !escaped) {
        // Most of the text is in strings: jump to the closing quote, or to the backslash before it.
        if (this.#quote < i) this.#quote = chunk.indexOf('"', i) >>> 0;
        if (this.#backslash < i) this.#backslash = chunk.indexOf('\\', i) >>> 0;
        if (this.#quote < this.#backslash) {
          i = this.#quote;
          inString = false;
          if (depth === 0) return i + 1;
          continue;
        }
        if (this.#backslash === NONE) break;
        // The backslash: what follows it is escaped.
        i = this.#backslash;
        escaped = true;
        continue;
      }
      const ch = chunk.charCodeAt(i);
      if (inString) {
        // Only the character after a backslash gets here.
        escaped = false;
        continue;
      }
      if (ch === QUOTE) inString = true;
      else if (ch === OPEN_BRACE || ch === OPEN_BRACKET) depth++;
      else if (ch === CLOSE_BRACE || ch === CLOSE_BRACKET) {
        // A closer with nothing open is the value's own end: `JSON.parse` says what is wrong.
        if (--depth <= 0) return i + 1;
      }
    }
    this.depth = depth;
    this.inString = inString;
    this.escaped = escaped;
    return -1;
  }

  /** The value, parsed; a syntax error placed in the whole text. `alone`: the document's own value. */
  parse(alone: boolean): unknown {
    const text = this.parts.length === 1 ? (this.parts[0] as string) : this.parts.join('');
    this.parts.length = 0;
    this.length = 0;
    this.text = text;
    try {
      return JSON.parse(text) as unknown;
    } catch {
      const scan = scanJson(text);
      const offset = scan.ok ? 0 : scan.offset;
      // Inside an object or a list, what follows a complete value is an unexpected character, not trailing content.
      const problem: JsonProblem = scan.ok || (scan.problem === 'trailing-content' && !alone) ? 'unexpected-character' : scan.problem;
      const inner = lineAndColumn(text, offset);
      const line = this.line + inner.line - 1;
      const column = inner.line === 1 ? this.column + inner.column - 1 : inner.column;
      throw new JsonSyntaxProblem({ line, column, problem, found: foundAt(text, offset) });
    }
  }

  /** Lets go of the text of the value parsed last. */
  release(): void {
    this.text = '';
  }
}

const enum Step {
  /** Before the document's first value. */
  Open,
  /** After `{`: a key or `}`. */
  FirstKey,
  /** After `,`: a key. */
  Key,
  /** After a key: `:`. */
  Colon,
  /** After `:`: a value (an array is read member by member). */
  Value,
  /** After `[` of a top-level array: a member or `]`. */
  FirstMember,
  /** After `,` in a top-level array: a member. */
  Member,
  /** After a member: `,` or `]`. */
  AfterMember,
  /** After a value: `,` or `}`. */
  AfterValue,
  /** After the document's value: only whitespace. */
  Done,
}

/** What is being read when a chunk ends in the middle of a value. */
const enum Reading {
  Nothing,
  Key,
  Value,
  Member,
}

function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  // As JSON.parse: `__proto__` is an own property, a repeated key keeps its place and takes the last value.
  Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
}

/** Text chunks that never end inside a surrogate pair, so that a character is always seen whole. */
async function* wholeCharacters(chunks: AsyncIterable<string>): AsyncGenerator<string> {
  let held = '';
  for await (const chunk of chunks) {
    const text = held + chunk;
    const last = text.charCodeAt(text.length - 1);
    held = last >= 0xd800 && last <= 0xdbff ? text.slice(-1) : '';
    const whole = held === '' ? text : text.slice(0, -1);
    if (whole !== '') yield whole;
  }
  if (held !== '') yield held;
}

/**
 * Reads one JSON object from chunks of text or UTF-8 bytes without ever holding its whole text:
 * each top-level value is parsed by itself, and the members of a top-level array one at a time.
 * So a document longer than the longest string the runtime can make (about 537 million
 * characters), such as a province's partial state or a national graph, can still be read, as
 * long as each of those values fits. The value is what `JSON.parse` would give for the whole text.
 *
 * Anything else is a `ValidationError` with one issue, placed at its line: `invalid-json` (its
 * line and column, what is wrong and the character found, as for the whole text),
 * `json-not-object` (the document is JSON, but not an object), `json-value-too-long` (one value is
 * longer than a string can be), `empty-input` or `invalid-encoding`. A document that is read
 * through but gives a key twice in one object (which `JSON.parse` lets pass, keeping the last) is
 * a `ValidationError` listing each repeat (`duplicate-field`, at most 100) at its path and the
 * line its value starts on, as the CLI lists them for a document read whole. Options
 * {@link ReadJsonObjectOptions} refuses are one with subject `options`; an input that is no text,
 * bytes or iterable of them (`null`) one with the options' subject (`invalid-type` at `input`).
 *
 * @example
 * const partial = await readJsonObject(createReadStream('north.partial.json'), { subject: 'partial', file: 'north.partial.json' });
 * session.absorb(partial as PartialState);
 */
export async function readJsonObject(input: ReaderInput, options: ReadJsonObjectOptions): Promise<Record<string, unknown>> {
  // Without options, the subject they must name is what is missing. The input is checked after
  // the options, under their subject.
  const lang = checkOptions(ReadJsonObjectOptionsSchema, options === undefined ? {} : options);
  const { subject, file } = options;
  checkReaderInput(input, { name: 'input', accepts: 'input' }, lang, subject);
  const fail = (code: string, params: Record<string, string | number>, line: number): ValidationError => {
    const issue: Issue = makeIssue(code, [], params, lang);
    const placed: Issue = { ...issue, ...(file === undefined ? {} : { file }), line };
    return new ValidationError(subject, [placed], lang);
  };
  const chunks = wholeCharacters(textChunks(input, lang, subject, false))[Symbol.asyncIterator]();
  const out: Record<string, unknown> = {};
  const position = new Position();
  const value = new ValueText();
  let step = Step.Open;
  let reading = Reading.Nothing;
  // The document's own value is an object, an array (read member by member, then refused) or another value.
  let top: 'object' | 'array' | 'value' = 'object';
  let received = 'object';
  let topLine = 1;
  let key = '';
  let members: unknown[] = [];
  // Keys given twice in one object, which `JSON.parse` of the whole text would let pass (the
  // last one wins): the top level's keys met so far, whether the key just read is one of them,
  // and every repeat found (at most FIELD_REPEATS_LISTED), in the order of the text.
  const topKeys = new Set<string>();
  let repeatedTop = false;
  const repeats: Issue[] = [];
  // The repeats inside a value read whole, at their paths under `at`.
  const repeatsIn = (parsed: unknown, at: (string | number)[]): void => {
    if (typeof parsed !== 'object' || parsed === null || repeats.length >= FIELD_REPEATS_LISTED) return;
    const limit = FIELD_REPEATS_LISTED - repeats.length;
    repeats.push(...repeatedFieldIssues(value.text, parsed, { lang, file, limit, firstLine: value.line, at }));
  };
  // Whitespace JSON does not allow (a no-break space…) before anything else: an empty input if
  // nothing follows, as `text.trim() === ''` says of the whole text; a syntax error if something does.
  let strangeSpace: JsonSyntaxProblem | undefined;
  // The chunk being scanned, until the position has moved past it.
  let current = '';
  const syntax = (chunk: string, index: number, problem: JsonProblem): JsonSyntaxProblem => {
    const { line, column } = position.at(chunk, index);
    return new JsonSyntaxProblem({ line, column, problem, found: foundAt(chunk, index) });
  };
  // What a value read whole becomes, by the step it was read in.
  const finish = (): void => {
    const parsed = value.parse(top === 'value');
    if (reading === Reading.Key) {
      key = parsed as string;
      repeatedTop = topKeys.has(key);
      topKeys.add(key);
      step = Step.Colon;
    } else if (reading === Reading.Member) {
      if (top === 'object') {
        repeatsIn(parsed, [key, members.length]);
        members.push(parsed);
      }
      step = Step.AfterMember;
    } else if (top === 'value') {
      received = jsonTypeOf(parsed);
      step = Step.Done;
    } else {
      repeatsIn(parsed, [key]);
      setOwn(out, key, parsed);
      step = Step.AfterValue;
    }
    value.release();
    reading = Reading.Nothing;
  };
  // The end of a top-level list: a member of the object, or the document itself.
  const endList = (): void => {
    if (top === 'array') step = Step.Done;
    else {
      setOwn(out, key, members);
      step = Step.AfterValue;
    }
  };
  try {
    for (let next = await chunks.next(); !next.done; next = await chunks.next()) {
      const chunk = next.value;
      current = chunk;
      const n = chunk.length;
      let i = 0;
      value.newChunk();
      if (reading !== Reading.Nothing) {
        const end = value.scan(chunk, 0);
        if (end === -1) {
          value.keep(chunk);
          position.advance(chunk);
          current = '';
          continue;
        }
        value.keep(chunk.slice(0, end));
        finish();
        i = end;
      }
      while (i < n) {
        const ch = chunk.charCodeAt(i);
        if (isWhitespace(ch)) {
          i++;
          continue;
        }
        if (step === Step.Open && /\s/.test(String.fromCharCode(ch))) {
          strangeSpace ??= syntax(chunk, i, 'unexpected-character');
          i++;
          continue;
        }
        if (strangeSpace) throw strangeSpace;
        switch (step as Step) {
          case Step.Open:
            topLine = position.at(chunk, i).line;
            if (ch === OPEN_BRACE) {
              step = Step.FirstKey;
              i++;
              continue;
            }
            if (ch === OPEN_BRACKET) {
              top = 'array';
              received = 'array';
              step = Step.FirstMember;
              i++;
              continue;
            }
            top = 'value';
            reading = Reading.Value;
            break;
          case Step.FirstKey:
          case Step.Key:
            if (ch === CLOSE_BRACE && step === Step.FirstKey) {
              step = Step.Done;
              i++;
              continue;
            }
            if (ch !== QUOTE) throw syntax(chunk, i, 'unexpected-character');
            reading = Reading.Key;
            break;
          case Step.Colon:
            if (ch !== COLON) throw syntax(chunk, i, 'unexpected-character');
            step = Step.Value;
            i++;
            continue;
          case Step.Value:
            if (repeatedTop && repeats.length < FIELD_REPEATS_LISTED) {
              // Where the repeat's value starts, as for the whole text.
              const { line } = position.at(chunk, i);
              repeats.push(repeatedFieldIssue([key], line, lang, file));
            }
            repeatedTop = false;
            if (ch === OPEN_BRACKET) {
              members = [];
              step = Step.FirstMember;
              i++;
              continue;
            }
            reading = Reading.Value;
            break;
          case Step.FirstMember:
          case Step.Member:
            if (ch === CLOSE_BRACKET && step === Step.FirstMember) {
              endList();
              i++;
              continue;
            }
            reading = Reading.Member;
            break;
          case Step.AfterMember:
            if (ch === COMMA) step = Step.Member;
            else if (ch === CLOSE_BRACKET) endList();
            else throw syntax(chunk, i, 'unexpected-character');
            i++;
            continue;
          case Step.AfterValue:
            if (ch === COMMA) step = Step.Key;
            else if (ch === CLOSE_BRACE) step = Step.Done;
            else throw syntax(chunk, i, 'unexpected-character');
            i++;
            continue;
          case Step.Done:
            throw syntax(chunk, i, 'trailing-content');
        }
        // A value starts here: a key (its quote checked above), a value or a member.
        if (!startsValue(ch)) throw syntax(chunk, i, 'unexpected-character');
        const { line, column } = position.at(chunk, i);
        value.start(ch, line, column);
        const end = value.scan(chunk, ch === QUOTE ? i + 1 : i);
        if (end === -1) {
          value.keep(chunk.slice(i));
          break;
        }
        value.keep(chunk.slice(i, end));
        finish();
        i = end;
      }
      position.advance(chunk);
      current = '';
    }
    if (reading !== Reading.Nothing) {
      // The text ended inside a value: a number or literal may end there. Anything else is cut
      // short, and parsing what there is of it says where (an unterminated string at its quote).
      const atom = value.atom;
      finish();
      if (!atom) throw new JsonSyntaxProblem({ ...position.end(), problem: 'unexpected-end', found: '' });
    }
    if (step === Step.Open) throw fail('empty-input', {}, 1);
    if (step !== Step.Done) throw new JsonSyntaxProblem({ ...position.end(), problem: 'unexpected-end', found: '' });
    if (top !== 'object') throw fail('json-not-object', { received }, topLine);
    if (repeats.length > 0) throw new ValidationError(subject, repeats, lang);
    return out;
  } catch (error) {
    if (error instanceof JsonSyntaxProblem) {
      // As for the whole text, which is decoded before it is parsed: bytes that are not UTF-8
      // later on are what is reported, at their line.
      position.advance(current);
      const badBytes = await drain(chunks, position);
      throw badBytes ? fail('invalid-encoding', badBytes.params(position.line, 'json'), position.line) : fail('invalid-json', { ...error.at }, error.at.line);
    }
    if (error instanceof ValueTooLong) throw fail('json-value-too-long', { line: error.line, limit: constants.MAX_STRING_LENGTH }, error.line);
    if (error instanceof InvalidEncodingError) throw fail('invalid-encoding', error.params(position.line, 'json'), position.line);
    throw error;
  }
}

/** Reads the rest of the input, counting its lines: the error of bytes that are not UTF-8 in it, if any. */
async function drain(chunks: AsyncIterator<string>, position: Position): Promise<InvalidEncodingError | undefined> {
  try {
    for (let next = await chunks.next(); !next.done; next = await chunks.next()) position.advance(next.value);
    return undefined;
  } catch (error) {
    if (error instanceof InvalidEncodingError) return error;
    throw error;
  }
}
