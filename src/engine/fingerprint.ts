import { createHash } from 'node:crypto';
import { canonicalJsonPieces, flatMembersInKeyOrder } from '../core/canonical-json.js';
import { gathered } from '../core/json-chunks.js';
import { toGraphInput } from '../graph/serialize.js';
import type { Graph } from '../graph/types.js';
import type { RuleSet } from '../model/rules.js';
import { ENGINE_VERSION } from '../version.js';

// Hashed in pieces: a national graph's canonical text is longer than the longest string V8 can make.
function sha256Of(value: unknown): string {
  const hash = createHash('sha256');
  for (const text of gathered(canonicalJsonPieces(value))) hash.update(text);
  return `sha256:${hash.digest('hex')}`;
}

const GRAPH_LISTS = ['organizations', 'people', 'posts', 'oversight', 'liaison'] as const;

/**
 * The graph's document as fingerprinted: {@link toGraphInput}'s, with its lists of flat records
 * put in key order ahead, which writes a province's graph about twice as fast as checking every
 * member on the way (the text is the same).
 */
function graphDocument(graph: Graph): unknown {
  const document: Record<string, unknown> = { ...toGraphInput(graph) };
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
  return sha256Of({
    engine: ENGINE_VERSION,
    graph: graphDocument(input.graph),
    rules: input.rules,
    records: input.recordsDigest,
    asOf: input.asOf,
    lang: input.lang,
    previous: input.previous,
  });
}

/**
 * What partial states of one assessment must share: the engine version, graph, rule set and
 * asOf (not the records, which is what they split).
 *
 * @example
 * basisFingerprint(graph, rules, '2022-09-15');
 */
export function basisFingerprint(graph: Graph, rules: RuleSet, asOf: string | null): string {
  return sha256Of({ engine: ENGINE_VERSION, graph: graphDocument(graph), rules, asOf });
}
