import { createHash, type Hash } from 'node:crypto';
import { canonicalJsonPieces, flatMembersInKeyOrder } from '../core/canonical-json.js';
import { gathered } from '../core/json-chunks.js';
import { isBuiltGraph } from '../graph/build.js';
import { graphDocument as documentOf } from '../graph/serialize.js';
import type { Graph } from '../graph/types.js';
import type { RuleSet } from '../model/rules.js';
import { ENGINE_VERSION } from '../version.js';

// `"key":value` of each member given, in the order given (code-unit order, by the caller), as
// canonicalJson writes them: a member that is undefined is left out.
function members(list: readonly (readonly [string, string | null | undefined])[]): string {
  return list.flatMap(([key, value]) => (value === undefined ? [] : [`${JSON.stringify(key)}:${JSON.stringify(value)}`])).join(',');
}

function update(hash: Hash, value: unknown): void {
  // In pieces: a national graph's canonical text is longer than the longest string V8 can make.
  for (const text of gathered(canonicalJsonPieces(value))) hash.update(text);
}

/**
 * The hash of a fingerprinted text up to its graph, `{"asOf":…,"engine":…,"graph":…`: the keys
 * in code-unit order are asOf, engine, graph, then lang, previous, records and rules, and all but
 * the records are known before any record is read. Kept for each built graph (immutable) and
 * asOf, and copied for each use, so that a session finished again and again, or a graph assessed
 * again, hashes its graph once: four seconds for a province.
 */
const HEADS = new WeakMap<Graph, Map<string, Hash>>();

function head(graph: Graph, asOf: string | null): Hash {
  const start = `{${members([['asOf', asOf], ['engine', ENGINE_VERSION]])},"graph":`;
  const heads = HEADS.get(graph);
  let hash = heads?.get(start);
  if (!hash) {
    hash = createHash('sha256').update(start);
    update(hash, graphDocument(graph));
    if (heads) heads.set(start, hash);
    else if (isBuiltGraph(graph)) HEADS.set(graph, new Map([[start, hash]]));
  }
  return hash.copy();
}

/**
 * Hashes a built graph's part of the fingerprint now, for the fingerprints that follow with the
 * same asOf to copy (what a thread waiting for others can do ahead).
 *
 * @example
 * hashGraphAhead(graph, '2022-12-31');
 */
export function hashGraphAhead(graph: Graph, asOf: string | null): void {
  // Only a built graph's hash is kept: another's would be worked out again anyway.
  if (isBuiltGraph(graph)) head(graph, asOf);
}

const GRAPH_LISTS = ['organizations', 'people', 'posts', 'oversight', 'liaison'] as const;

/**
 * The graph's document as fingerprinted: {@link toGraphInput}'s text, from the graph's own records
 * (not copied first), with its lists of flat records put in key order ahead: a province's graph
 * written about twice as fast as by checking every member on the way.
 */
function graphDocument(graph: Graph): unknown {
  const document: Record<string, unknown> = documentOf(graph, (record) => record);
  for (const list of GRAPH_LISTS) {
    const ordered = flatMembersInKeyOrder(document[list] as readonly object[]);
    if (ordered) document[list] = ordered;
  }
  return document;
}

/** The inputs a result depends on. */
export interface FingerprintInput {
  readonly graph: Graph;
  readonly rules: RuleSet;
  /** The order-free digest of the distinct record versions (hex). */
  readonly recordsDigest: string;
  readonly asOf: string | null;
  readonly lang: string;
  readonly previous: string | null;
}

/**
 * sha256 over the canonical form of everything a result depends on: the engine version, the
 * graph (canonical order), the parsed rule set (keys sorted), the records as a multiset (so record
 * order cannot change it), asOf, language, and the previous result's fingerprint.
 *
 * @example
 * fingerprintOf({ graph, rules, recordsDigest: '0'.repeat(64), asOf: null, lang: 'zh', previous: null });
 */
export function fingerprintOf(input: FingerprintInput): string {
  const hash = head(input.graph, input.asOf);
  const middle = members([['lang', input.lang], ['previous', input.previous], ['records', input.recordsDigest]]);
  hash.update(`${middle === '' ? '' : `,${middle}`},"rules":`);
  update(hash, input.rules);
  return `sha256:${hash.update('}').digest('hex')}`;
}

/**
 * What partial states of one assessment must share: the engine version, graph, rule set and
 * asOf (not the records, which is what they split).
 *
 * @example
 * basisFingerprint(graph, rules, '2022-09-15');
 */
export function basisFingerprint(graph: Graph, rules: RuleSet, asOf: string | null): string {
  const hash = head(graph, asOf).update(',"rules":');
  update(hash, rules);
  return `sha256:${hash.update('}').digest('hex')}`;
}
