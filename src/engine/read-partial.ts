import { checkOptions } from '../core/options.js';
import { readJsonObject } from '../evidence/read-json-object.js';
import { ReaderOptionsSchema, type ReaderInput, type ReaderOptions } from '../evidence/reader-common.js';
import type { PartialState } from './partial.js';

/**
 * Reads a partial state written as JSON (`JSON.stringify(session.snapshot())`, or
 * `jsonChunks(session.snapshot(), { indent: 0 })` piece by piece) from a file stream, bytes or
 * text, without holding its whole text: a province's partial state is longer than the longest
 * string the runtime can make, and `JSON.parse` cannot read it back. Its lists are read one
 * entry at a time. It is what `JSON.parse` of the whole text gives; `absorb` then checks it.
 *
 * @throws {ValidationError} with subject `partial`: the text is not JSON (`invalid-json`, with
 * its line and column), not an object (`json-not-object`), empty, or not UTF-8; or it gives a
 * key twice in one object (`duplicate-field`, each repeat at its path and line).
 * @example
 * const total = openAssessment({ graph, rules });
 * for (const file of partialFiles) total.absorb(await readPartialState(createReadStream(file), { file }));
 * const result = withFindings(total.finish());
 */
export async function readPartialState(input: ReaderInput, options: ReaderOptions = {}): Promise<PartialState> {
  // The readers' options: `subject` is not one, so it cannot replace `partial`.
  const lang = checkOptions(ReaderOptionsSchema, options);
  // The state unchecked here: `absorb` checks every field and lists every problem with its path.
  return (await readJsonObject(input, { ...options, lang, subject: 'partial' })) as unknown as PartialState;
}
