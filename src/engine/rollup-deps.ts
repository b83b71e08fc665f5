import type { Indicator } from '../model/rules.js';

/**
 * The indicators each indicator reads on the same subject: a roll-up with `source: 'self'`
 * reads the named indicators, or with `of: 'total'` every other indicator of the sheet (not
 * itself: its own share is what it computes).
 * Roll-ups over other organizations (children, subtree, oversight, ...) read results of other
 * subjects lower in the tree and cannot loop.
 */
export function sameSubjectDependencies(indicators: readonly Indicator[]): Map<string, string[]> {
  const deps = new Map<string, string[]>();
  for (const indicator of indicators) {
    const list: string[] = [];
    if (indicator.measure?.type === 'roll-up') {
      for (const source of indicator.measure.from) {
        if (source.source !== 'self') continue;
        // Loops, not push(...): a list of 150,000 ids would overflow the call stack as arguments.
        if (source.of === undefined || source.of === 'total') {
          for (const other of indicators) if (other.id !== indicator.id) list.push(other.id);
        } else for (const id of source.of) list.push(id);
      }
    }
    deps.set(indicator.id, list);
  }
  return deps;
}

/**
 * Cycles among same-subject roll-up dependencies, each listed once from its first member in
 * sheet order. Iterative depth-first search.
 *
 * @example
 * findRollUpCycles(rules.indicators); // [['a', 'b']] when self roll-ups a and b read each other
 */
export function findRollUpCycles(indicators: readonly Indicator[]): string[][] {
  const deps = sameSubjectDependencies(indicators);
  const state = new Map<string, 1 | 2>();
  const cycles: string[][] = [];
  for (const root of deps.keys()) {
    if (state.has(root)) continue;
    const stack: { id: string; next: number }[] = [{ id: root, next: 0 }];
    const onPath: string[] = [root];
    state.set(root, 1);
    while (stack.length > 0) {
      const frame = stack[stack.length - 1] as { id: string; next: number };
      const targets = deps.get(frame.id) ?? [];
      if (frame.next >= targets.length) {
        state.set(frame.id, 2);
        stack.pop();
        onPath.pop();
        continue;
      }
      const target = targets[frame.next++] as string;
      if (!deps.has(target)) continue;
      const seen = state.get(target);
      if (seen === 1) cycles.push(onPath.slice(onPath.indexOf(target)));
      else if (seen === undefined) {
        state.set(target, 1);
        stack.push({ id: target, next: 0 });
        onPath.push(target);
      }
    }
  }
  return cycles;
}
