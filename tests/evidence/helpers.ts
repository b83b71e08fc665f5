// Shared helpers for the reader tests (not a test file itself).
import type { ReaderItem } from '../../src/evidence/reader-item.js';

/** Everything an async reader yields. */
export async function collect(items: AsyncIterable<ReaderItem>): Promise<ReaderItem[]> {
  const out: ReaderItem[] = [];
  for await (const item of items) out.push(item);
  return out;
}

/** A compact, comparable view of items: `['record', line, value]` or `['issue', line, code]`. */
export type Brief = readonly ['record', number, unknown] | readonly ['issue', number | undefined, string];

export function brief(items: readonly ReaderItem[]): Brief[] {
  return items.map((item) => (item.kind === 'record' ? ['record', item.line, item.value] : ['issue', item.issue.line, item.issue.code]));
}

/** Lines of the record items. */
export function recordLines(items: readonly ReaderItem[]): number[] {
  return items.flatMap((item) => (item.kind === 'record' ? [item.line] : []));
}

/** The issue items' issues. */
export function issuesOf(items: readonly ReaderItem[]) {
  return items.flatMap((item) => (item.kind === 'issue' ? [item.issue] : []));
}

/** Record values. */
export function valuesOf(items: readonly ReaderItem[]): Record<string, unknown>[] {
  return items.flatMap((item) => (item.kind === 'record' ? [item.value as Record<string, unknown>] : []));
}

export const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

/** Bytes cut at the given offsets (sorted, deduplicated, within range). */
export function splitAt(bytes: Uint8Array, offsets: readonly number[]): Uint8Array[] {
  const cuts = [...new Set(offsets)].filter((o) => o > 0 && o < bytes.length).sort((a, b) => a - b);
  const chunks: Uint8Array[] = [];
  let start = 0;
  for (const cut of [...cuts, bytes.length]) {
    chunks.push(bytes.subarray(start, cut));
    start = cut;
  }
  return chunks;
}

/** An async source that records how many chunks were pulled and whether it was closed. */
export function trackedSource(chunks: Iterable<string>): { source: AsyncIterable<string>; pulled: () => number; closed: () => boolean } {
  let pulled = 0;
  let closed = false;
  async function* source(): AsyncGenerator<string> {
    try {
      for (const chunk of chunks) {
        pulled++;
        yield chunk;
      }
    } finally {
      closed = true;
    }
  }
  return { source: source(), pulled: () => pulled, closed: () => closed };
}

/** An endless supply of lines made by `make(n)` for n = 1, 2, 3, ... */
export function* endless(make: (n: number) => string): Generator<string> {
  for (let n = 1; ; n++) yield make(n);
}
