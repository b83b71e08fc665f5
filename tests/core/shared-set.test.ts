import { describe, expect, it } from 'vitest';
import { sharedWeakSet } from '../../src/core/shared-set.js';
import { ENGINE_VERSION } from '../../src/version.js';

describe('sharedWeakSet', () => {
  it('one set per name and version for the whole process, kept on globalThis out of sight', () => {
    const a = sharedWeakSet<object>('test-shared');
    const b = sharedWeakSet<object>('test-shared');
    expect(a).toBe(b);
    const marked = {};
    a.add(marked);
    expect(b.has(marked)).toBe(true);
    expect(sharedWeakSet<object>('test-other').has(marked)).toBe(false);
    const key = Symbol.for(`zerenzhi@${ENGINE_VERSION}/test-shared`);
    expect((globalThis as unknown as Record<symbol, unknown>)[key]).toBe(a);
    expect(Object.keys(globalThis)).not.toContain(String(key));
    expect(Object.getOwnPropertyDescriptor(globalThis, key)).toMatchObject({ enumerable: false, writable: false, configurable: false });
  });
});
