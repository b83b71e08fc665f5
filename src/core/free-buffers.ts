/**
 * Gives back at once the memory of typed arrays the caller no longer needs: each one's buffer is
 * transferred (detached, as `postMessage` detaches what it transfers) to a copy that nothing
 * holds, which the next minor collection frees. Left to themselves, arrays that have lived long
 * are freed only by a major collection, and V8 may run none before the end of a run: the version
 * table's 57 MB at a city's size stayed held through the whole evaluation.
 *
 * Only for arrays the caller made (`new Uint32Array(n)`) and references nowhere else: each reads
 * as empty afterwards (length 0). An array that is a view of part of a buffer (a `subarray`, or a
 * small `Buffer` cut from Node's shared pool) is left as it is, and so is one whose buffer is
 * already detached, empty or shared between threads.
 *
 * @example
 * const grown = new Uint32Array(digests.length * 2);
 * grown.set(digests);
 * freeBuffers([digests]); // digests.length is now 0
 * digests = grown;
 */
export function freeBuffers(arrays: Iterable<ArrayBufferView>): void {
  const buffers = new Set<ArrayBuffer>();
  for (const array of arrays) {
    const { buffer } = array;
    // Part of a buffer may not be all the caller's (a view as long as its buffer starts at 0). A
    // detached buffer has no bytes (Node 20 transfers it again without a word; the standard lets
    // a runtime refuse). A shared one cannot be transferred.
    const whole = array.byteLength === buffer.byteLength;
    if (whole && buffer.byteLength > 0 && !(buffer instanceof SharedArrayBuffer)) buffers.add(buffer as ArrayBuffer);
  }
  if (buffers.size === 0) return;
  const list = [...buffers];
  structuredClone(list, { transfer: list });
}

/**
 * How much memory outside the heap {@link collectSoon} claims for a moment: well past the 64 MiB
 * by which V8 lets it grow between two major collections.
 */
const NUDGE_BYTES = 256 * 1024 * 1024;

/** Where {@link collectSoon}'s buffer is held for a moment, so that making it cannot be skipped. */
let nudge: ArrayBuffer | undefined;

/**
 * Asks V8 for a major collection soon, without `--expose-gc`: a buffer of 256 MiB is made and let
 * go at once. Its bytes are never written, so they never become resident (the operating system
 * gives untouched pages only when they are written), but V8 counts them as memory outside its
 * heap, and so much of it, so suddenly, makes it start marking the heap at once.
 *
 * For the moment a run lets go of much at once (the record pass's state, as the results are about
 * to be built): left to itself, V8 may run no major collection before the end of the run, and
 * build the results on top of everything let go (BENCHMARKS.md, sixteenth and eighteenth
 * sessions: M's peak was 560–605 MB in such runs, 480–490 MB with this). Where the buffer cannot
 * be made (no address space for it), nothing happens.
 *
 * @example
 * acc.versions.clear();
 * collectSoon();
 */
export function collectSoon(): void {
  try {
    nudge = new ArrayBuffer(NUDGE_BYTES);
  } catch {
    // No room for it even untouched: then there is no collection to ask for this way.
  }
  nudge = undefined;
}
