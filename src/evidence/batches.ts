/**
 * Record streams that can also be read a batch at a time. Reading NDJSON one item per promise
 * costs several promise steps per record through each async-generator layer; the engine's own
 * consumers ask for whole batches (the items of one chunk of input) instead, through a
 * module-private symbol, while everyone else iterates the same object item by item as before.
 */
const BATCHES: unique symbol = Symbol('zerenzhi.batches');

/** Opens the batches of a stream: called at most once, in place of iterating it item by item. */
type OpenBatches<T> = () => AsyncIterable<readonly T[]>;

/**
 * An async generator of items that also offers its batches to the engine. Only one of the two
 * is ever consumed: each opens the source afresh.
 *
 * @example
 * const items = batched(() => ndjsonBatches(input, options));
 * for await (const item of items) console.log(item);
 */
export function batched<T>(open: OpenBatches<T>): AsyncGenerator<T> {
  const items = (async function* () {
    for await (const batch of open()) yield* batch;
  })();
  Object.defineProperty(items, BATCHES, { value: open });
  return items;
}

/**
 * The batches a stream offers, or undefined when it offers none (then iterate it item by item).
 *
 * @example
 * const batches = batchesOf(records);
 * if (batches) for await (const batch of batches) for (const item of batch) session.add(item);
 */
export function batchesOf<T>(items: AsyncIterable<T> | Iterable<T>): AsyncIterable<readonly T[]> | undefined {
  const open = (items as { [BATCHES]?: OpenBatches<T> })[BATCHES];
  return typeof open === 'function' ? open() : undefined;
}

/**
 * The batches of a stream: its own when it offers them, else one item per batch.
 *
 * @example
 * for await (const batch of eachBatch(readRecordsFile(path))) for (const item of batch) session.add(item);
 */
export async function* eachBatch<T>(items: AsyncIterable<T> | Iterable<T>): AsyncGenerator<readonly T[]> {
  const batches = batchesOf(items);
  if (batches) {
    yield* batches;
    return;
  }
  for await (const item of items) yield [item];
}

/**
 * Applies a per-batch step to a stream and keeps it batched: the step sees every item, in order,
 * a batch at a time, whether the source offers batches or not. `done` runs when the stream ends
 * or is abandoned.
 *
 * @example
 * const counted = throughBatches(items, (batch) => { count += batch.length; });
 */
export function throughBatches<T>(items: AsyncIterable<T>, step: (batch: readonly T[]) => void, done: () => void = () => {}): AsyncGenerator<T> {
  return batched(async function* () {
    try {
      for await (const batch of eachBatch(items)) {
        step(batch);
        yield batch;
      }
    } finally {
      done();
    }
  });
}
