// Every warning the linter can give is in the lint tables of docs/rules.md and docs/rules.en.md
// (a row `| \`code\` | …`), so a rule-set author can look up what it means and what to do.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { messageCodes } from '../../src/index.js';

const doc = (name: string): string => readFileSync(new URL(`../../docs/${name}`, import.meta.url), 'utf8');
// Message codes used inside other lint messages, not findings of their own.
const lintCodes = messageCodes().filter((code) => code.startsWith('lint-') && !code.startsWith('lint-source-'));

describe('lint codes are documented', () => {
  it('there are lint codes to check', () => {
    expect(lintCodes).toContain('lint-rollup-of-not-below');
  });

  it.each(['rules.md', 'rules.en.md'])('%s has a table row for each', (name) => {
    const text = doc(name);
    expect(lintCodes.filter((code) => !text.includes(`| \`${code}\` |`))).toEqual([]);
  });
});
