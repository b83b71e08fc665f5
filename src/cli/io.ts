import type { Lang } from '../core/lang.js';
import { gathered } from '../core/json-chunks.js';
import { formatLine, type MessageParams } from '../core/messages.js';

/**
 * Where the CLI writes: `process.stdout` / `process.stderr`, or a fake in tests.
 *
 * @example
 * const out: CliOutput = { write: (chunk) => void chunks.push(chunk), isTTY: false };
 */
export interface CliOutput {
  write(chunk: string): unknown;
  readonly isTTY?: boolean;
  /** A Node stream's: {@link writeAll} waits for `drain` when `write` returns false. */
  once?(event: 'drain', listener: () => void): unknown;
}

/**
 * An output that may show one status line (the progress of a long read) at its end: anything
 * else written to it first clears that line, so that a message never runs into it.
 *
 * @example
 * err.status('已读取 10000 条记录…'); err.write('警告：…\n'); err.status(undefined);
 */
export interface StatusOutput extends CliOutput {
  /** Shows a text as the status line, in place of the last one; `undefined` clears it. */
  status(text: string | undefined): void;
}

/**
 * An output as a {@link StatusOutput}: the same output, with a status line cleared (`\r`, then
 * ESC [K, erase to the end of the line) before any other text is written while one is shown.
 * An output that is one already is given back as it is.
 *
 * @example
 * const stderr = withStatusLine(process.stderr);
 */
export function withStatusLine(out: CliOutput): StatusOutput {
  if (typeof (out as Partial<StatusOutput>).status === 'function') return out as StatusOutput;
  let shown = false;
  const clear = (): void => {
    if (!shown) return;
    shown = false;
    out.write('\r\u001b[K');
  };
  const once = out.once?.bind(out);
  return {
    get isTTY() {
      return out.isTTY === true;
    },
    write(chunk) {
      clear();
      return out.write(chunk);
    },
    ...(once === undefined ? {} : { once }),
    status(text) {
      if (text === undefined) clear();
      else {
        out.write(`\r${text}\u001b[K`);
        shown = true;
      }
    },
  };
}

/**
 * The pieces of several texts, one text after the other.
 *
 * @example
 * concatPieces(jsonChunks(result), ['\n']);
 */
export function* concatPieces(...texts: Iterable<string>[]): Generator<string> {
  for (const text of texts) yield* text;
}

/**
 * Writes text given in pieces to an output, a megabyte at a time, waiting for a Node stream to
 * drain when it asks to: a result too big for one string goes out whole, and a slow pipe does
 * not make the whole text pile up in memory.
 *
 * @example
 * await writeAll(io.stdout, jsonChunks(result));
 */
export async function writeAll(out: CliOutput, pieces: Iterable<string>): Promise<void> {
  for (const text of gathered(pieces)) {
    if (out.write(text) === false && out.once) await new Promise<void>((resolve) => out.once?.('drain', resolve));
  }
}

/**
 * The world the CLI runs in, passed in so that tests can run it in-process.
 *
 * @example
 * const io: CliIo = { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env };
 */
export interface CliIo {
  readonly stdout: CliOutput;
  readonly stderr: CliOutput;
  /** Standard input, read for `-`: a Node stream or any async iterable of text or bytes. */
  readonly stdin: AsyncIterable<string | Uint8Array>;
  readonly env: Readonly<Record<string, string | undefined>>;
}

/**
 * The exit codes of `zerenzhi`.
 *
 * @example
 * if (code === EXIT.check) console.error('a --fail-on check failed');
 */
export const EXIT = {
  /** Success. */
  ok: 0,
  /** Invalid input: validation failed, a file cannot be read or written. */
  invalid: 1,
  /** Usage: unknown command or option, a required option missing, a bad option value. */
  usage: 2,
  /** A check asked for (`--fail-on`, `--fail-on-gaps`) failed; the output was written. */
  check: 3,
  /** An internal error (a bug): EX_SOFTWARE of sysexits.h. */
  internal: 70,
} as const;

/**
 * A failure the CLI reports with its own message lines and exit code, without a stack trace.
 *
 * @example
 * throw new CliFailure(EXIT.invalid, [say('cli-dir-not-empty', lang, { dir })]);
 */
export class CliFailure extends Error {
  override readonly name = 'CliFailure';
  readonly code: number;
  readonly lines: readonly string[];

  constructor(code: number, lines: readonly string[]) {
    super(lines.join('\n'));
    this.code = code;
    this.lines = lines;
  }
}

/**
 * A usage error found after commander parsed the arguments (a combination it cannot check):
 * exit code 2, with a hint to the command's help.
 *
 * @example
 * throw new UsageError(say('cli-usage-chain-target', lang), 'zerenzhi chain');
 */
export class UsageError extends Error {
  override readonly name = 'UsageError';
  readonly command: string;
  /** Each problem, one line each (`message` joins them). */
  readonly problems: readonly string[];

  constructor(problems: string | readonly string[], command: string) {
    const list = typeof problems === 'string' ? [problems] : [...problems];
    super(list.join('\n'));
    this.command = command;
    this.problems = list;
  }
}

/**
 * Refuses a command that would read standard input (`-`) for more than one of its files: the
 * second read would find it empty (exit 2, before anything is read).
 *
 * @example
 * checkStdinOnce([options.graph, options.rules], 'zerenzhi lint', lang);
 */
export function checkStdinOnce(files: readonly (string | undefined)[], command: string, lang: Lang): void {
  if (files.filter((file) => file === '-').length > 1) throw new UsageError(say('cli-usage-stdin-twice', lang), command);
}

/**
 * A catalogue message in a language.
 *
 * @example
 * say('cli-progress', 'zh', { count: 10000 }); // '已读取 10000 条记录…'
 */
export function say(code: string, lang: Lang, params: MessageParams = {}): string {
  // Each line one message: a value from the input with a line break in it stays on its line.
  return formatLine(code, params, lang);
}

/**
 * Writes lines, each ending in a newline.
 *
 * @example
 * writeLines(io.stderr, ['a', 'b']);
 */
export function writeLines(out: CliOutput, lines: readonly string[]): void {
  if (lines.length > 0) out.write(`${lines.join('\n')}\n`);
}

/**
 * What every command receives besides its options.
 *
 * @example
 * const context: CommandContext = { io, lang: 'en' };
 */
export interface CommandContext {
  readonly io: CliIo;
  readonly lang: Lang;
}
