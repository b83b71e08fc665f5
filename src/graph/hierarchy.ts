import { FrozenMap, freezeGroups, pushGroup } from './frozen-map.js';
import { byCodeUnit } from '../core/order.js';

/** Where an organization sits in the preorder walk: its descendants are preorder[enter+1 .. exit-1]. */
export interface Span {
  readonly enter: number;
  readonly exit: number;
  readonly depth: number;
}

/** The hierarchy of an acyclic forest, laid out for O(1) ancestor tests and O(k) subtree reads. */
export interface Hierarchy {
  readonly roots: readonly string[];
  readonly children: ReadonlyMap<string, readonly string[]>;
  readonly preorder: readonly string[];
  readonly span: ReadonlyMap<string, Span>;
}


/**
 * Lays out the hierarchy given each organization's parent. Children are sorted by id so the
 * layout does not depend on input order. Organizations in or under a cycle are left out of the
 * walk (the validator reports the cycle). Iterative, so a 10,000-level chain cannot overflow.
 */
export function layOutHierarchy(parentOf: ReadonlyMap<string, string | null>): Hierarchy {
  const childLists = new Map<string, string[]>();
  const roots: string[] = [];
  for (const [id, parent] of parentOf) {
    if (parent === null || !parentOf.has(parent)) roots.push(id);
    else pushGroup(childLists, parent, id);
  }
  roots.sort(byCodeUnit);
  for (const list of childLists.values()) list.sort(byCodeUnit);

  const preorder: string[] = [];
  const span = new Map<string, Span>();
  const enterOf = new Map<string, { enter: number; depth: number }>();
  // Each stack frame is [id, nextChildIndex]; a node is closed when all its children are done.
  const stack: [string, number][] = [];
  for (let r = roots.length - 1; r >= 0; r--) stack.push([roots[r] as string, -1]);
  const depthOfOpen: number[] = [];
  while (stack.length > 0) {
    const frame = stack[stack.length - 1] as [string, number];
    const [id, next] = frame;
    if (next === -1) {
      const depth = depthOfOpen.length;
      enterOf.set(id, { enter: preorder.length, depth });
      preorder.push(id);
      depthOfOpen.push(depth);
      frame[1] = 0;
      continue;
    }
    const kids = childLists.get(id);
    if (kids && next < kids.length) {
      frame[1] = next + 1;
      stack.push([kids[next] as string, -1]);
      continue;
    }
    stack.pop();
    depthOfOpen.pop();
    const opened = enterOf.get(id) as { enter: number; depth: number };
    span.set(id, { enter: opened.enter, exit: preorder.length, depth: opened.depth });
  }
  return {
    roots: Object.freeze(roots),
    children: freezeGroups(childLists),
    preorder: Object.freeze(preorder),
    span: new FrozenMap(span),
  };
}

/**
 * Whether `ancestor` is a strict ancestor of `id` in the laid-out hierarchy.
 *
 * @example
 * isStrictAncestor(h, 'bureau', 'branch-01'); // true
 */
export function isStrictAncestor(hierarchy: Hierarchy, ancestor: string, id: string): boolean {
  const a = hierarchy.span.get(ancestor);
  const d = hierarchy.span.get(id);
  return a !== undefined && d !== undefined && a.enter < d.enter && d.exit <= a.exit;
}

/**
 * Finds the cycles in a parent relation. Each cycle is listed once, starting from the member
 * that comes first in `order`, following parents. Iterative and linear.
 */
export function findCycles(parentOf: ReadonlyMap<string, string | null>): string[][] {
  const state = new Map<string, 1 | 2>();
  const cycles: string[][] = [];
  for (const start of parentOf.keys()) {
    if (state.has(start)) continue;
    const path: string[] = [];
    let current: string | null | undefined = start;
    while (current !== null && current !== undefined && parentOf.has(current) && !state.has(current)) {
      state.set(current, 1);
      path.push(current);
      current = parentOf.get(current);
    }
    if (current !== null && current !== undefined && state.get(current) === 1) {
      cycles.push(path.slice(path.indexOf(current)));
    }
    for (const id of path) state.set(id, 2);
  }
  return cycles;
}
