// Options of assess that only one output reads are refused with the others, not ignored.
import { describe, expect, it } from 'vitest';
import { assessBureau, BUREAU } from './helpers.js';

describe('assess --coverage-options', () => {
  it('without --format md: a usage error (exit 2), whatever the format', async () => {
    for (const format of [[], ['--format', 'json'], ['--format', 'csv']]) {
      const run = await assessBureau(...format, '--coverage-options', BUREAU.coverage);
      expect(run.code, format.join(' ')).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toBe('错误：--coverage-options 只用于 --format md（Markdown 报告中的覆盖检查）\n运行「zerenzhi assess --help」查看用法\n');
    }
    const en = await assessBureau('--lang', 'en', '--coverage-options', BUREAU.coverage);
    expect(en.stderr).toBe("error: --coverage-options goes with --format md only (the coverage check in the Markdown report)\nrun 'zerenzhi assess --help' for usage\n");
  });

  it('with --format md: read and used (exit 0)', async () => {
    const run = await assessBureau('--format', 'md', '--coverage-options', BUREAU.coverage);
    expect(run.code).toBe(0);
  });
});
