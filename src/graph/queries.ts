import { queryLang, requireOrganization, type QueryOptions } from './lookup.js';
import type { Graph } from './types.js';

// Each query takes `options.lang` for its errors (QueryOptions): an id not in the graph is
// `unknown-organization` at the argument's name (`id`, `ancestor`).

/**
 * The parent of an organization, or `null` for a root.
 *
 * @example
 * parentOf(graph, 'branch-01'); // 'bureau'
 */
export function parentOf(graph: Graph, id: string, options?: QueryOptions): string | null {
  return requireOrganization(graph, id, queryLang(options)).parent;
}

/**
 * The organizations directly under this one, in id order.
 *
 * @example
 * childrenOf(graph, 'bureau'); // ['branch-01', 'branch-02', 'gb-service']
 */
export function childrenOf(graph: Graph, id: string, options?: QueryOptions): readonly string[] {
  requireOrganization(graph, id, queryLang(options));
  return graph.index.children.get(id) ?? [];
}

/**
 * The organizations above this one, nearest first.
 *
 * @example
 * ancestorsOf(graph, 'branch-05'); // ['gb-service', 'bureau']
 */
export function ancestorsOf(graph: Graph, id: string, options?: QueryOptions): string[] {
  const out: string[] = [];
  let current = requireOrganization(graph, id, queryLang(options)).parent;
  while (current !== null) {
    out.push(current);
    current = (graph.organizations.get(current) ?? { parent: null }).parent;
  }
  return out;
}

/**
 * Every organization below this one, in preorder (each parent before its children).
 *
 * @example
 * descendantsOf(graph, 'gb-service'); // ['branch-05', 'branch-06']
 */
export function descendantsOf(graph: Graph, id: string, options?: QueryOptions): readonly string[] {
  requireOrganization(graph, id, queryLang(options));
  const span = graph.index.span.get(id);
  return span ? graph.index.preorder.slice(span.enter + 1, span.exit) : [];
}

/**
 * Whether `ancestor` is strictly above `id`. O(1).
 *
 * @example
 * isAncestorOf(graph, 'bureau', 'branch-05'); // true
 */
export function isAncestorOf(graph: Graph, ancestor: string, id: string, options?: QueryOptions): boolean {
  const lang = queryLang(options);
  requireOrganization(graph, ancestor, lang, 'ancestor');
  requireOrganization(graph, id, lang);
  const a = graph.index.span.get(ancestor);
  const d = graph.index.span.get(id);
  return a !== undefined && d !== undefined && a.enter < d.enter && d.exit <= a.exit;
}

/**
 * Depth in the hierarchy: 0 for a root.
 *
 * @example
 * depthOf(graph, 'bureau'); // 0
 */
export function depthOf(graph: Graph, id: string, options?: QueryOptions): number {
  requireOrganization(graph, id, queryLang(options));
  return graph.index.span.get(id)?.depth ?? 0;
}
