import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// Every symbol of the public API (zerenzhi and zerenzhi/testing) has TSDoc; functions, constants
// and classes carry an @example.
const SRC = fileURLToPath(new URL('../../src/', import.meta.url));

function publicNames(): Set<string> {
  const names = new Set<string>();
  for (const entry of ['index.ts', 'testing/index.ts']) {
    const text = readFileSync(join(SRC, entry), 'utf8');
    for (const [, block] of text.matchAll(/export\s*(?:type\s*)?\{([^}]*)\}/g)) {
      for (const part of (block ?? '').split(',')) {
        const name = part.trim().replace(/^type\s+/, '').split(/\s+as\s+/).pop()?.trim();
        if (name) names.add(name);
      }
    }
  }
  return names;
}

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : [];
  });
}

describe('TSDoc on the public API', () => {
  it('documents every exported symbol, with an example for every function, constant and class', () => {
    const wanted = publicNames();
    expect(wanted.size).toBeGreaterThan(150);
    const missing: string[] = [];
    for (const file of sources(SRC)) {
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(/^export (?:declare )?(?:async )?(function\*?|const|class|interface|type) (\w+)/gm)) {
        const [, kind, name] = match;
        if (!name || !wanted.has(name)) continue;
        const before = text.slice(0, match.index).trimEnd();
        const doc = before.endsWith('*/') ? before.slice(before.lastIndexOf('/**')) : '';
        const needsExample = kind !== 'interface' && kind !== 'type';
        if (doc === '' || (needsExample && !doc.includes('@example'))) missing.push(`${file.slice(SRC.length)}: ${name}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
