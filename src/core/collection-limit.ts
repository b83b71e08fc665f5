/** The most entries one `Map` or `Set` of this runtime holds: V8 refuses the 16,777,217th ("Map maximum size exceeded"). */
export const COLLECTION_LIMIT = 2 ** 24;

/**
 * A structure of the engine's own refusing to grow past `limit`, as V8 refuses a `Map`'s
 * 16,777,217th entry (the session reports either as `collection-full`).
 *
 * @example
 * throw new CollectionFullError('RecordDays', COLLECTION_LIMIT);
 */
export class CollectionFullError extends RangeError {
  constructor(
    what: string,
    readonly limit: number,
  ) {
    super(`${what} maximum size exceeded`);
    this.name = 'CollectionFullError';
  }
}

/**
 * The limit an error met while growing a collection stands for: a {@link CollectionFullError}'s
 * own, V8's on one `Map` or `Set`, or undefined for any other error.
 *
 * @example
 * collectionLimitOf(new RangeError('Map maximum size exceeded')); // 16777216
 */
export function collectionLimitOf(error: unknown): number | undefined {
  if (error instanceof CollectionFullError) return error.limit;
  return error instanceof RangeError && /^(Map|Set) maximum size exceeded$/.test(error.message) ? COLLECTION_LIMIT : undefined;
}
