import { ENGINE_VERSION } from '../version.js';

/**
 * A `WeakSet` shared by every copy of this version of zerenzhi loaded in one process: its
 * `import` and its `require` build are two copies of the code, and an application (or two of its
 * dependencies) may load both. What one copy marks (a graph it built, a run it finished) the other
 * then knows too. Kept on `globalThis` under a registered symbol named with the version, since two
 * versions' objects may differ in shape; not enumerable, not writable.
 *
 * @example
 * const BUILT = sharedWeakSet<Graph>('built-graphs');
 */
export function sharedWeakSet<T extends object>(name: string): WeakSet<T> {
  const key = Symbol.for(`zerenzhi@${ENGINE_VERSION}/${name}`);
  const holder = globalThis as unknown as Record<symbol, unknown>;
  const existing = holder[key];
  if (existing instanceof WeakSet) return existing as WeakSet<T>;
  const made = new WeakSet<T>();
  Object.defineProperty(globalThis, key, { value: made, enumerable: false, writable: false, configurable: false });
  return made;
}
