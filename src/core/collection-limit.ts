/** The most entries one `Map` or `Set` of this runtime holds: V8 refuses the 16,777,217th ("Map maximum size exceeded"). */
export const COLLECTION_LIMIT = 2 ** 24;
