import { isReaderItem, parseGraph, type Graph, type GraphInput, type Lang, type RecordInput, type RuleSet, type RuleSetInput } from '../index.js';
import { GraphBuilder } from './graph-builder.js';
import { RecordsBuilder } from './records-builder.js';

/**
 * A rule set: the object from `defineRuleSet`, a parsed `RuleSet`, or JSON read from a file.
 *
 * @example
 * const rules: RuleSetSource = JSON.parse(readFileSync('rules.json', 'utf8'));
 */
export type RuleSetSource = RuleSetInput | RuleSet | object;

/**
 * A graph: a {@link GraphBuilder}, a parsed `Graph`, or its JSON.
 *
 * @example
 * const source: GraphSource = graph().branch('b1', { secretary: 'p1' });
 */
export type GraphSource = GraphBuilder | Graph | GraphInput | object;

/**
 * Records: a {@link RecordsBuilder} or any iterable of raw records.
 *
 * @example
 * const source: RecordsSource = records({ year: 2022 }).monthly('theme-day', { organization: 'b1' });
 */
export type RecordsSource = RecordsBuilder | Iterable<RecordInput | object>;

/**
 * The parsed graph of a source: a builder built, a parsed graph as is, JSON parsed.
 *
 * @example
 * toGraph(graph().branch('b1'), 'zh').organizations.has('b1'); // true
 */
export function toGraph(source: GraphSource, lang: Lang): Graph {
  if (source instanceof GraphBuilder) return source.build({ lang });
  const value = source as { organizations?: unknown; index?: unknown };
  if (value.organizations instanceof Map && value.index !== undefined) return source as Graph;
  return parseGraph(source, { lang });
}

/**
 * The records of a source as a list: a builder's built (its ids stepping around `avoid`), an
 * iterable's items, or one record alone.
 *
 * @example
 * toRecords(records({ year: 2022 }).monthly('theme-day', { organization: 'b1' })).length; // 12
 */
export function toRecords(source: RecordsSource | RecordInput, avoid: Iterable<string> = []): unknown[] {
  if (source instanceof RecordsBuilder) return source.build({ avoid });
  if (typeof (source as Iterable<unknown>)[Symbol.iterator] === 'function') return [...(source as Iterable<unknown>)];
  return [source];
}

/**
 * A record of the scenario, whatever form it was given in: a raw record, or a reader item
 * holding one (what `readNdjsonSync` and the other readers yield). Undefined for a reader's
 * issue item, which holds no record.
 *
 * @example
 * recordOf({ kind: 'record', value: { id: 'r1', type: 't', person: 'p1', date: '2022-01-01' }, line: 1 })?.id; // 'r1'
 */
export function recordOf(entry: unknown): { readonly id: string | undefined; readonly record: RecordInput } | undefined {
  const value = isReaderItem(entry) ? (entry.kind === 'record' ? entry.value : undefined) : entry;
  if (typeof value !== 'object' || value === null) return undefined;
  const id = (value as { id?: unknown }).id;
  return { id: typeof id === 'string' ? id : undefined, record: value as RecordInput };
}

