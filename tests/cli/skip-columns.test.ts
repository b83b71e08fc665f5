// --skip-invalid skips single invalid records, not a CSV column dropped from every record: a
// misspelt header (完成日期 as 完成时间) took every record's completion date, scored the rest,
// printed it as one "skipped" line and exited 0.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUREAU, cli } from './helpers.js';

const misspelt = join(mkdtempSync(join(tmpdir(), 'zrz-cols-')), 'records.csv');
writeFileSync(misspelt, readFileSync(BUREAU.csv, 'utf8').replace('完成日期', '完成时间'));

describe('assess --skip-invalid with a column problem', () => {
  it('stops (exit 1) with columns-dropped and the column at its line, listing nothing as skipped', async () => {
    const run = await cli(['assess', '--graph', BUREAU.graph, '--rules', BUREAU.rules, '--evidence', misspelt, '--skip-invalid']);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines.some((l) => l.startsWith('已跳过'))).toBe(false);
    expect(lines[0]).toBe('记录校验未通过，共 2 个问题：');
    expect(lines[1]).toMatch(/^\(根\): 有 1 处列的问题使该列的数据在所有记录中被忽略.*\[columns-dropped\]$/);
    expect(lines[2]).toBe(`${misspelt}:1: 未知的列「完成时间」，该列已忽略（属性列请写作 attr.名称 或 属性.名称） [unknown-column]`);
    expect(lines).toHaveLength(3);
  });

  it('on two threads: the same', async () => {
    const run = await cli(['assess', '--graph', BUREAU.graph, '--rules', BUREAU.rules, '--evidence', misspelt, '--skip-invalid', '--workers', '2']);
    expect(run.code).toBe(1);
    expect(run.stderr.split('\n').filter((l) => l.endsWith('[columns-dropped]'))).toHaveLength(1);
  });
});
