import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { matchers, setupMatchers, testingMessageCodes, type ExpectLike } from '../../src/testing/index.js';
import { text } from '../../src/testing/messages.js';

const SRC = fileURLToPath(new URL('../../src/', import.meta.url));
const GLOBAL_EXPECT = Symbol.for('expect-global');

/** Runtime import specifiers of a source file (type-only imports and re-exports left out). */
function runtimeImports(file: string): string[] {
  const source = readFileSync(file, 'utf8');
  const out: string[] = [];
  for (const match of source.matchAll(/^\s*(import|export)\s+(type\s+)?[^'"]*?from\s+'([^']+)'|^\s*import\s+'([^']+)'/gm)) {
    const specifier = match[3] ?? match[4];
    if (specifier !== undefined && match[2] === undefined) out.push(specifier);
  }
  return out;
}

/** Every bare module a file loads at run time, following relative imports through src. */
function packagesReachedFrom(entry: string): Set<string> {
  const seen = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const specifier of runtimeImports(file)) {
      if (specifier.startsWith('.')) visit(resolve(dirname(file), specifier.replace(/\.js$/, '.ts')));
      else packages.add(specifier);
    }
  };
  visit(join(SRC, entry));
  return packages;
}

describe('loading', () => {
  it('the main entry never loads vitest, and neither does zerenzhi/testing', () => {
    const main = packagesReachedFrom('index.ts');
    expect(main.has('zod')).toBe(true); // the scan does follow the imports
    expect(main.has('vitest')).toBe(false);
    expect(packagesReachedFrom('testing/index.ts').has('vitest')).toBe(false);
  });

  it('the kit reaches the library only through its public API (../index.js)', () => {
    const dir = join(SRC, 'testing');
    for (const name of readdirSync(dir)) {
      const source = readFileSync(join(dir, name), 'utf8');
      for (const [statement, specifier] of source.matchAll(/^(?:import|export)\b[^'";]*?from\s+'([^']+)'/gm)) {
        // Vitest's types are read for the matcher declarations only: a type import, erased at run time.
        const vitestTypes = specifier === 'vitest' && statement.startsWith('import type');
        // Its messages are a section of the one catalogue, beside the others.
        const catalogue = specifier === '../messages/testing.js';
        // zod is a dependency of the library, not a part of it: the kit's option schemas use it directly.
        const zod = specifier === 'zod';
        expect(specifier === '../index.js' || specifier?.startsWith('./') || vitestTypes || catalogue || zod, `${name}: ${specifier}`).toBe(true);
      }
    }
  });
});

describe('setupMatchers', () => {

  it('extends the expect it is given with every matcher', () => {
    const extended: Record<string, unknown>[] = [];
    const fake: ExpectLike = { extend: (m) => void extended.push(m) };
    setupMatchers(fake);
    expect(extended).toEqual([matchers]);
    expect(Object.keys(matchers).sort()).toEqual(['toHaveFinding', 'toHaveGrade', 'toHaveTotal', 'toHaveVerdict', 'toSatisfyRuleSetProperties', 'toScore']);
  });

  it('finds Vitest’s running expect without being given one', () => {
    setupMatchers();
    expect(() => expect({ organizations: [], people: [], lang: 'zh' }).toScore('b1', 'x', 1)).toThrow('结果中没有党组织或人员「b1」');
  });

  it('says what to do when no test framework is running', () => {
    // Vitest reads its global expect on every assertion: hide it only around the call.
    const globals = globalThis as Record<symbol, unknown>;
    const saved = globals[GLOBAL_EXPECT];
    let message = '';
    globals[GLOBAL_EXPECT] = undefined;
    try {
      setupMatchers();
    } catch (error) {
      message = (error as Error).message;
    } finally {
      globals[GLOBAL_EXPECT] = saved;
    }
    expect(message).toMatch(/found no running test framework[\s\S]*setupMatchers\(expect\)/);
  });
});

describe('the kit’s messages', () => {
  const SAMPLE = new Proxy({} as Record<string, string>, { get: (_t, key) => (typeof key === 'string' ? `<${key}>` : undefined) });
  const CJK = /[\u3400-\u9fff]/;

  it.each(testingMessageCodes())('%s: zh in Chinese, en in English, nothing left unfilled', (code) => {
    const zh = text(code, SAMPLE, 'zh');
    const en = text(code, SAMPLE, 'en');
    for (const t of [zh, en]) expect(t).not.toMatch(/undefined|\[object Object\]|NaN/);
    const own = (t: string): string => t.replace(/<[^>]*>/g, '');
    if (own(zh).replace(/[\s\p{P}\p{S}\d]/gu, '') !== '') expect(own(zh)).toMatch(CJK);
    expect(own(en)).not.toMatch(CJK);
  });
});
