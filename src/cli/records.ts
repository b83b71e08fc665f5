import { atLine, type Issue } from '../core/issue.js';
import type { Lang } from '../core/lang.js';
import { readCsv } from '../evidence/read-csv.js';
import { formatOfHead, readRecordsFile, STDIN_FILE, type RecordsFormat } from '../evidence/read-file.js';
import { readJsonArray } from '../evidence/read-json.js';
import { readNdjson } from '../evidence/read-ndjson.js';
import { InvalidEncodingError, issueItem, textChunks, type ReaderOptions } from '../evidence/reader-common.js';
import type { ReaderItem } from '../evidence/reader-item.js';
import { normalizeRecord } from '../evidence/normalize.js';
import { say, type CliIo } from './io.js';
import { issueLine } from './issues.js';

/**
 * How often the progress line is updated, in records.
 *
 * @example
 * if (count % PROGRESS_EVERY === 0) showProgress(count);
 */
export const PROGRESS_EVERY = 10_000;

/**
 * At most this many skipped-record problems are listed with `--skip-invalid`.
 *
 * @example
 * if (listed < SKIPPED_LISTED) print(issue);
 */
export const SKIPPED_LISTED = 1_000;

/**
 * Records from standard input, the format told by the content as `readRecordsFile('-')` does,
 * but read from the stream the CLI was given (so that tests can feed it).
 *
 * @example
 * for await (const item of readStdinRecords(io.stdin, { lang: 'zh' })) use(item);
 */
export async function* readStdinRecords(stdin: AsyncIterable<string | Uint8Array>, options: { lang: Lang }): AsyncGenerator<ReaderItem> {
  const readerOptions: ReaderOptions = { file: STDIN_FILE, lang: options.lang };
  const chunks = textChunks(stdin);
  let head = '';
  let format: RecordsFormat | undefined;
  try {
    while (format === undefined) {
      const next = await chunks.next();
      if (!next.done) head += next.value;
      format = formatOfHead(head, next.done === true);
    }
  } catch (error) {
    if (!(error instanceof InvalidEncodingError)) throw error;
    const line = head.split('\n').length;
    yield issueItem('invalid-encoding', line, { line }, readerOptions);
    return;
  }
  async function* rest(): AsyncGenerator<string> {
    if (head !== '') yield head;
    for (let next = await chunks.next(); next.done !== true; next = await chunks.next()) yield next.value;
  }
  if (format === 'ndjson') yield* readNdjson(rest(), readerOptions);
  else if (format === 'csv') yield* readCsv(rest(), readerOptions);
  else {
    let text = '';
    for await (const chunk of rest()) text += chunk;
    yield* readJsonArray(text, readerOptions);
  }
}

/**
 * The records of several files in turn (`-`: standard input), as reader items.
 *
 * @example
 * for await (const item of readEvidence(['a.ndjson', 'b.csv'], io, 'zh')) session.add(item);
 */
export async function* readEvidence(paths: readonly string[], io: CliIo, lang: Lang): AsyncGenerator<ReaderItem> {
  for (const path of paths) {
    if (path === '-') yield* readStdinRecords(io.stdin, { lang });
    else yield* readRecordsFile(path, { lang });
  }
}

/**
 * Counts records as they pass and shows `已读取 N 条记录…` on stderr every
 * {@link PROGRESS_EVERY} records, rewriting one line, when stderr is a terminal; silent
 * otherwise. The line is cleared at the end.
 *
 * @example
 * for await (const item of withProgress(readEvidence(paths, io, lang), io, lang)) session.add(item);
 */
export async function* withProgress<T extends ReaderItem>(items: AsyncIterable<T>, io: CliIo, lang: Lang): AsyncGenerator<T> {
  const tty = io.stderr.isTTY === true;
  let count = 0;
  let shown = false;
  try {
    for await (const item of items) {
      if (item.kind === 'record') {
        count++;
        if (tty && count % PROGRESS_EVERY === 0) {
          io.stderr.write(`\r${say('cli-progress', lang, { count })}\u001b[K`);
          shown = true;
        }
      }
      yield item;
    }
  } finally {
    if (shown) io.stderr.write('\r\u001b[K');
  }
}

/**
 * With `--skip-invalid`: lists on stderr every problem that makes a record skipped (reader
 * problems and invalid records, each with file and line), up to {@link SKIPPED_LISTED}, and
 * passes every item on unchanged for the engine to skip and count.
 *
 * @example
 * const items = reportSkipped(readEvidence(paths, io, lang), io, lang);
 */
export async function* reportSkipped(items: AsyncIterable<ReaderItem>, io: CliIo, lang: Lang): AsyncGenerator<ReaderItem> {
  let listed = 0;
  let more = 0;
  const report = (issue: Issue): void => {
    if (listed < SKIPPED_LISTED) {
      listed++;
      io.stderr.write(`${say('cli-skipped', lang, { issue: issueLine(issue, lang) })}\n`);
    } else more++;
  };
  try {
    for await (const item of items) {
      if (item.kind === 'issue') report(item.issue);
      else {
        const normalized = normalizeRecord(item.value, [], lang);
        if (!normalized.ok) for (const issue of normalized.issues) report(atLine(issue, item.line, item.file));
      }
      yield item;
    }
  } finally {
    if (more > 0) io.stderr.write(`${say('cli-skipped-more', lang, { count: more })}\n`);
  }
}
