// A JSON file longer than the longest string V8 can make (constants.MAX_STRING_LENGTH, about 537
// million characters) cannot be read as one string. A graph, a rule set or a previous result
// (one JSON object) is then read in pieces; records given as one JSON array are refused with
// `file-too-large` naming the file (NDJSON and CSV are read line by line). Never "internal error"
// (exit 70). Run in a child process, on a sparse file of NUL bytes (valid UTF-8, one character
// each), so that the suite's own process never holds the half-gigabyte.
import { spawnSync } from 'node:child_process';
import { constants } from 'node:buffer';
import { closeSync, ftruncateSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
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
  let longValue: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'zz-too-large-'));
    big = join(dir, 'big.json');
    const fd = openSync(big, 'w');
    ftruncateSync(fd, constants.MAX_STRING_LENGTH + 16);
    closeSync(fd);
    // {"id":"g","title":"… one string of NUL characters longer than a string can be …"}
    longValue = join(dir, 'long-value.json');
    const head = '{"id":"g",\n"title":"';
    const tail = '"}\n';
    const size = head.length + constants.MAX_STRING_LENGTH + 16 + tail.length;
    const lv = openSync(longValue, 'w');
    writeSync(lv, head, 0);
    ftruncateSync(lv, size);
    writeSync(lv, tail, size - tail.length);
    closeSync(lv);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const cli = (args: string[]): { status: number | null; stdout: string; stderr: string } => {
    const child = spawnSync(process.execPath, ['--import', 'tsx', main, ...args], { cwd: root, encoding: 'utf8', timeout: 60_000, maxBuffer: 1 << 20 });
    return { status: child.status, stdout: child.stdout, stderr: child.stderr };
  };

  it('as the graph: read in pieces, and refused as not JSON at line 1, column 1 (exit 1), in Chinese', () => {
    const { status, stderr } = cli(['coverage', '--graph', big]);
    expect(status).toBe(1);
    expect(stderr).toContain(`${big}:1: 第 1 行第 1 列「\\u0000」：JSON 语法错误，此处不应出现该字符 [invalid-json]`);
    expect(stderr).not.toContain('file-too-large');
    expect(stderr).not.toContain('内部错误');
  }, 90_000);

  it('validated as a graph: read in pieces too, and refused as not JSON (exit 1), in English', () => {
    const { status, stdout, stderr } = cli(['validate', '--lang', 'en', '--kind', 'graph', big]);
    expect(status).toBe(1);
    // validate lists the problems on standard output.
    expect(stdout).toContain(`${big}:1: invalid JSON at line 1, column 1`);
    expect(stdout + stderr).not.toContain('too large');
    expect(stderr).not.toContain('internal error');
  }, 90_000);

  it('as a graph with one value longer than a string can be: exit 1, json-value-too-long at its line', () => {
    const { status, stderr } = cli(['coverage', '--lang', 'en', '--graph', longValue]);
    expect(status).toBe(1);
    expect(stderr).toContain(`${longValue}:2: the value starting at line 2 is longer than the runtime's limit of ${constants.MAX_STRING_LENGTH} characters in one string and cannot be read [json-value-too-long]`);
    expect(stderr).not.toContain('internal error');
  }, 90_000);

  it('as the records: NUL bytes, refused at line 1 as no text at once (exit 1), not read to the limit, in English', () => {
    // (a list of records too long for one string is file-too-large: tests/cli/read-json-pieces.test.ts)
    const { status, stderr } = cli(['assess', '--lang', 'en', '--graph', example('graph.json'), '--rules', example('rules.json'), '--evidence', big]);
    expect(status).toBe(1);
    expect(stderr).toContain(`${big}:1: the input has NUL bytes (\\u0000) from line 1: not text but a binary file, an archive or a device, it seems; give a UTF-8 records file [invalid-encoding]`);
    expect(stderr).not.toContain('internal error');
  }, 90_000);
});
