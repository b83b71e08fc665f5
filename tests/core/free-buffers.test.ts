import { describe, expect, it } from 'vitest';
import { freeBuffers } from '../../src/core/free-buffers.js';
import { runScriptElsewhere } from '../reliability/helpers.js';

describe('freeBuffers', () => {
  it('detaches arrays that own their buffer, however many views of it are given', () => {
    const words = new Uint32Array(1024).fill(7);
    const bytes = new Uint8Array(words.buffer);
    const other = new Float64Array(16);
    freeBuffers([words, bytes, other]);
    // A detached buffer has no bytes, and every view of it reads as empty.
    expect([words.length, bytes.length, other.length, words.buffer.byteLength]).toEqual([0, 0, 0, 0]);
  });

  it('leaves a view of part of a buffer, and the rest of that buffer, as they were', () => {
    const whole = new Int32Array([1, 2, 3, 4]);
    // from the start, to the end, and neither: each is only part of the buffer
    const parts = [whole.subarray(0, 2), whole.subarray(2), whole.subarray(1, 3)];
    freeBuffers(parts);
    expect(parts.map((part) => [...part])).toEqual([[1, 2], [3, 4], [2, 3]]);
    expect([...whole]).toEqual([1, 2, 3, 4]);
  });

  it("never touches Node's shared pool: a small Buffer is a view of part of it", () => {
    const small = Buffer.from('r-1');
    const neighbour = Buffer.from('r-2');
    freeBuffers([small]);
    expect([small.toString(), neighbour.toString()]).toEqual(['r-1', 'r-2']);
  });

  it('leaves shared, empty and already detached buffers alone, without throwing', () => {
    const shared = new Int32Array(new SharedArrayBuffer(16));
    shared[0] = 5;
    const empty = new Uint8Array(0);
    const gone = new Uint8Array(8);
    freeBuffers([gone]);
    expect(() => freeBuffers([shared, empty, gone])).not.toThrow();
    expect(shared[0]).toBe(5);
    freeBuffers([]);
  });
});

describe('collectSoon', () => {
  // In a process of its own, so that no other test's buffers move V8's limits: with a heap
  // holding something and no collection asked for, V8 runs a major collection within a few
  // seconds of collectSoon (the mechanism BENCHMARKS.md's eighteenth session measures).
  it('makes V8 run a major collection soon, without --expose-gc, and holds nothing after', () => {
    const module = new URL('../../src/core/free-buffers.ts', import.meta.url).href;
    const run = runScriptElsewhere([
      `import { PerformanceObserver, constants } from 'node:perf_hooks';`,
      `import { collectSoon } from ${JSON.stringify(module)};`,
      `const kept = Array.from({ length: 200_000 }, (_, i) => ({ i, text: 'x' + i }));`,
      `await new Promise((r) => setTimeout(r, 200));`,
      `let majors = 0;`,
      `new PerformanceObserver((list) => { for (const e of list.getEntries()) if (e.detail.kind === constants.NODE_PERFORMANCE_GC_MAJOR) majors++; }).observe({ entryTypes: ['gc'] });`,
      `collectSoon();`,
      `const until = Date.now() + 5000;`,
      `while (majors === 0 && Date.now() < until) { Array.from({ length: 1000 }, (_, i) => ({ i })); await new Promise((r) => setTimeout(r, 5)); }`,
      `console.log(JSON.stringify({ majors, kept: kept.length, gcExposed: typeof globalThis.gc }));`,
    ]);
    expect(run.stderr).toBe('');
    const out = JSON.parse(run.stdout) as { majors: number; kept: number; gcExposed: string };
    expect(out.gcExposed).toBe('undefined');
    expect(out.majors).toBeGreaterThan(0);
  }, 30_000);
});
