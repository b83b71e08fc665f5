// A JSON file longer than the longest string V8 can make (constants.MAX_STRING_LENGTH, about 537
// million characters) cannot be read as one document. That is the input's size, not a fault of
// zerenzhi: exit 1 with `file-too-large` naming the file, never "internal error" (exit 70). Run in
// a child process, on a sparse file of NUL bytes (valid UTF-8, one character each), so that the
// suite's own process never holds the half-gigabyte.
import { spawnSync } from 'node:child_process';
import { constants } from 'node:buffer';
import { closeSync, ftruncateSync, mkdtempSync, openSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const main = fileURLToPath(new URL('../../src/cli/main.ts', import.meta.url));
const example = (name: string): string => fileURLToPath(new URL(`../../examples/bureau-2022/${name}`, import.meta.url));

describe('a JSON file too large for one string', () => {
  let dir: string;
  let big: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'zz-too-large-'));
    big = join(dir, 'big.json');
    const fd = openSync(big, 'w');
    ftruncateSync(fd, constants.MAX_STRING_LENGTH + 16);
    closeSync(fd);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const cli = (args: string[]): { status: number | null; stderr: string } => {
    const child = spawnSync(process.execPath, ['--import', 'tsx', main, ...args], { cwd: root, encoding: 'utf8', timeout: 60_000, maxBuffer: 1 << 20 });
    return { status: child.status, stderr: child.stderr };
  };

  it('as the graph: exit 1, file-too-large with the file and the limit, in Chinese', () => {
    const { status, stderr } = cli(['coverage', '--graph', big]);
    expect(status).toBe(1);
    expect(stderr).toContain(`文件「${big}」太大，无法作为一个 JSON 文档整体读入（超过运行环境单个字符串的上限 ${constants.MAX_STRING_LENGTH} 个字符）`);
    expect(stderr).not.toContain('内部错误');
  }, 90_000);

  it('as the records (a JSON array): exit 1, file-too-large, in English, advising NDJSON', () => {
    const { status, stderr } = cli(['assess', '--lang', 'en', '--graph', example('graph.json'), '--rules', example('rules.json'), '--evidence', big]);
    expect(status).toBe(1);
    expect(stderr).toContain(`the file "${big}" is too large to read as one JSON document (over the runtime's limit of ${constants.MAX_STRING_LENGTH} characters in one string): give records as NDJSON or CSV`);
    expect(stderr).not.toContain('internal error');
  }, 90_000);
});
