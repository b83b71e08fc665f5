// End to end: the BUILT command line (dist/cli.js) run as a child process. Builds it first when
// dist/cli.js is missing or older than any source file, with `npx tsup` and the CLI part of the
// package's tsup config (tests/cli/tsup.cli.config.ts): the same dist/cli.js in a few seconds.
import { execFile, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINE_VERSION } from '../../src/index.js';
import { BUREAU, CYCLE_GRAPH, csvWithBadDateAtLine5, tempDir } from './helpers.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const cliFile = join(root, 'dist', 'cli.js');
const tmp = tempDir('e2e');
afterAll(() => tmp.cleanup());

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

function isStale(): boolean {
  if (!existsSync(cliFile)) return true;
  const inputs = Math.max(newestSource(join(root, 'src')), statSync(join(root, 'package.json')).mtimeMs, statSync(join(root, 'tsup.config.ts')).mtimeMs);
  return statSync(cliFile).mtimeMs < inputs;
}

beforeAll(() => {
  if (!isStale()) return;
  const build = spawnSync('npx', ['tsup', '--config', 'tests/cli/tsup.cli.config.ts'], { cwd: root, encoding: 'utf8', timeout: 120_000 });
  if (build.status !== 0) throw new Error(`npx tsup failed:\n${build.stdout}\n${build.stderr}`);
}, 150_000);

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

function zerenzhi(args: readonly string[], stdin?: string): Promise<Run> {
  return new Promise((resolve) => {
    const child = execFile(process.execPath, [cliFile, ...args], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, env: { ...process.env, ZERENZHI_DEBUG: '' } }, (error, stdout, stderr) => {
      resolve({ code: error ? Number((error as { code?: unknown }).code ?? 1) : 0, stdout, stderr });
    });
    child.stdin?.end(stdin ?? '');
  });
}

describe('dist/cli.js', () => {
  it('starts with a shebang and prints the version', async () => {
    expect(readFileSync(cliFile, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
    expect(await zerenzhi(['--version'])).toEqual({ code: 0, stdout: `${ENGINE_VERSION}\n`, stderr: '' });
  });

  it('assesses the bureau: JSON on stdout, warnings on stderr, exit 0', async () => {
    const run = await zerenzhi(['assess', '--graph', BUREAU.graph, '--rules', BUREAU.rules, '--evidence', BUREAU.ndjson]);
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout) as { ruleSet: { id: string }; organizations: unknown[]; findings: unknown[] };
    expect(result.ruleSet.id).toBe('bureau-2022');
    expect(result.organizations).toHaveLength(8);
    expect(result.findings).toHaveLength(13);
    expect(run.stderr).toContain('警告：2条记录尚待审核');
  });

  it('reads standard input, writes Markdown and exits 3 with --fail-on findings', async () => {
    const run = await zerenzhi(['assess', '--graph', BUREAU.graph, '--rules', BUREAU.rules, '--evidence', '-', '--format', 'md', '--fail-on', 'findings'], readFileSync(BUREAU.ndjson, 'utf8'));
    expect(run.code).toBe(3);
    expect(run.stdout.split('\n')[0]).toBe('# 市某某局2022年度基层党建工作责任制考核细则：考核结果');
    expect(run.stderr.trimEnd().split('\n').at(-1)).toBe('有 13 条问责建议（--fail-on findings），退出码 3');
  });

  it('broken inputs: exit 1 with file, line, path and code; no stack trace', async () => {
    const graph = tmp.file('cycle.json', CYCLE_GRAPH);
    const cycle = await zerenzhi(['assess', '--graph', graph, '--rules', BUREAU.rules, '--evidence', BUREAU.ndjson, '--lang', 'en']);
    expect(cycle).toEqual({ code: 1, stdout: '', stderr: `Invalid graph: 1 problem:\n${graph}:3 organizations[0].parent: the hierarchy has a cycle: a → b → a [hierarchy-cycle]\n` });
    const csv = tmp.file('records.csv', csvWithBadDateAtLine5());
    const validate = await zerenzhi(['validate', csv]);
    expect(validate.code).toBe(1);
    expect(validate.stdout).toContain(`${csv}:5 date: 日期「2022-02-30」无效`);
    const missing = await zerenzhi(['lint', '--rules', tmp.path('none.json')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).not.toMatch(/\n\s+at /);
  });

  it('usage errors exit 2', async () => {
    const run = await zerenzhi(['assess', '--graph', BUREAU.graph]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('错误：缺少必填选项 --rules <file>\n运行「zerenzhi assess --help」查看用法\n');
    expect((await zerenzhi(['frobnicate'])).code).toBe(2);
  });

  it('init, then assess and lint what it wrote', async () => {
    const dir = tmp.path('starter');
    expect((await zerenzhi(['init', dir, '--year', '2024'])).code).toBe(0);
    const assess = await zerenzhi(['assess', '--graph', join(dir, 'graph.json'), '--rules', join(dir, 'rules.json'), '--evidence', join(dir, 'records.ndjson'), '--format', 'csv']);
    expect(assess.code).toBe(0);
    expect(assess.stdout.startsWith('\uFEFF对象类型,编号')).toBe(true);
    expect((await zerenzhi(['lint', '--rules', join(dir, 'rules.json'), '--graph', join(dir, 'graph.json'), '--strict'])).code).toBe(0);
  });

  it('stops quietly when the reader closes the pipe early', () => {
    // ~200 KB of JSON into `head`, which closes the pipe after 10 bytes: EPIPE, not a crash.
    const command = `"${process.execPath}" "${cliFile}" assess --graph "${BUREAU.graph}" --rules "${BUREAU.rules}" --evidence "${BUREAU.ndjson}" | head -c 10`;
    const run = spawnSync('sh', ['-c', command], { encoding: 'utf8' });
    expect(run.stdout).toBe('{\n  "schem');
    expect(run.stderr).not.toMatch(/EPIPE|Error|\n\s+at /);
  });

  it('output cut short is never exit 0: 141 as for SIGPIPE (a --fail-on check not yet made), 1 with the reason on a full disk', () => {
    const assess = `"${process.execPath}" "${cliFile}" assess --graph "${BUREAU.graph}" --rules "${BUREAU.rules}" --evidence "${BUREAU.ndjson}"`;
    const piped = spawnSync('bash', ['-c', `set -o pipefail; ${assess} --fail-on findings 2>/dev/null | head -c 10 >/dev/null`], { encoding: 'utf8' });
    expect(piped.status).toBe(141);
    if (!existsSync('/dev/full')) return;
    const full = spawnSync('sh', ['-c', `${assess} --lang en > /dev/full`], { encoding: 'utf8' });
    expect(full.status).toBe(1);
    expect(full.stderr.trimEnd().split('\n').at(-1)).toBe('cannot write "standard output": no space left on the device');
  });
});
