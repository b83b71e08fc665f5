import { atLine, type Issue } from '../core/issue.js';
import type { Lang } from '../core/lang.js';
import { readRecordsFile } from '../evidence/read-file.js';
import { batched, eachBatch, throughBatches } from '../evidence/batches.js';
import { isColumnProblem, type ReaderItem } from '../evidence/reader-item.js';
import { normalizeRecord } from '../evidence/normalize.js';
import { say, withStatusLine, type CliIo } from './io.js';
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
 * The records of several files in turn (`-`: standard input), as reader items.
 *
 * @example
 * for await (const item of readEvidence(['a.ndjson', 'b.csv'], io, 'zh')) session.add(item);
 */
export function readEvidence(paths: readonly string[], io: CliIo, lang: Lang): AsyncGenerator<ReaderItem> {
  return batched(async function* () {
    for (const path of paths) yield* eachBatch(readRecordsFile(path, { lang, stdin: io.stdin }));
  });
}

/**
 * Counts records as they pass and shows `已读取 N 条记录…` on stderr every
 * {@link PROGRESS_EVERY} records, rewriting one line, when stderr is a terminal; silent
 * otherwise. The line is cleared at the end, and before any other line written to stderr
 * meanwhile (when stderr is a {@link withStatusLine}, as `runCli`'s is).
 *
 * @example
 * for await (const item of withProgress(readEvidence(paths, io, lang), io, lang)) session.add(item);
 */
export function withProgress<T extends ReaderItem>(items: AsyncIterable<T>, io: CliIo, lang: Lang): AsyncGenerator<T> {
  const tty = io.stderr.isTTY === true;
  // The run's own stderr (runCli's) clears the line before any other message; another is made one here.
  const stderr = withStatusLine(io.stderr);
  let count = 0;
  const step = (batch: readonly T[]): void => {
    for (const item of batch) {
      if (item.kind !== 'record') continue;
      count++;
      if (tty && count % PROGRESS_EVERY === 0) stderr.status(say('cli-progress', lang, { count }));
    }
  };
  return throughBatches(items, step, () => stderr.status(undefined));
}

/** What lists the skipped records' problems of one run (see {@link skippedLister}). */
export interface SkippedLister {
  readonly report: (issue: Issue) => void;
  /** Problems counted elsewhere but never seen here (a shard's beyond the ones it kept). */
  readonly unseen: (count: number) => void;
  readonly end: (more?: number) => void;
}

/**
 * Lists on stderr, one line each, the problems that made records skipped, up to
 * {@link SKIPPED_LISTED} for the whole run; `end` adds a line for those not listed (`more`:
 * problems counted but never seen here, beyond the ones passed to `report` and `unseen`).
 *
 * @example
 * const lister = skippedLister(io, 'zh');
 * for (const issue of absorbed) lister.report(issue);
 */
export function skippedLister(io: CliIo, lang: Lang): SkippedLister {
  let listed = 0;
  let more = 0;
  return {
    report(issue) {
      if (listed < SKIPPED_LISTED) {
        listed++;
        io.stderr.write(`${say('cli-skipped', lang, { issue: issueLine(issue, lang) })}\n`);
      } else more++;
    },
    unseen(count) {
      more += count;
    },
    end(unseen = 0) {
      if (more + unseen > 0) io.stderr.write(`${say('cli-skipped-more', lang, { count: more + unseen })}\n`);
    },
  };
}

/**
 * With `--skip-invalid`: lists on stderr every problem that makes a record skipped (reader
 * problems and invalid records, each with file and line), up to {@link SKIPPED_LISTED}, and
 * passes every item on unchanged for the engine to skip and count. `lister`: the run's, when
 * shards' problems were listed before these.
 *
 * @example
 * const items = reportSkipped(readEvidence(paths, io, lang), io, lang);
 */
export function reportSkipped(items: AsyncIterable<ReaderItem>, io: CliIo, lang: Lang, lister: SkippedLister = skippedLister(io, lang)): AsyncGenerator<ReaderItem> {
  const step = (batch: readonly ReaderItem[]): void => {
    for (const item of batch) {
      // A problem that ended a read, or a column problem, is not skipped: the run stops with it.
      if (item.kind === 'issue') {
        if (item.stopped !== true && !isColumnProblem(item.issue)) lister.report(item.issue);
      } else {
        const normalized = normalizeRecord(item.value, [], lang);
        if (!normalized.ok) for (const issue of normalized.issues) lister.report(atLine(issue, item.line, item.file));
      }
    }
  };
  return throughBatches(items, step, () => lister.end());
}

/**
 * With `--skip-invalid` on threads: lists, once the run is over, the problems it skipped records
 * for, as {@link reportSkipped} lists them while one pass reads (the threads give them back in
 * the order of one pass, the first 10,000 of `count`).
 *
 * @example
 * await scoreFilesInParallel(input, (kept, count) => listSkipped(kept, count, io, lang));
 */
export function listSkipped(kept: readonly Issue[], count: number, io: CliIo, lang: Lang): void {
  const lister = skippedLister(io, lang);
  for (const issue of kept) lister.report(issue);
  lister.end(count - kept.length);
}
