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
