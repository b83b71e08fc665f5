import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { ENGINE_VERSION } from '../../src/index.js';
import { PROGRESS_EVERY } from '../../src/cli/records.js';
import { requestedLang } from '../../src/cli/program.js';
import { runCli } from '../../src/cli/run.js';
import { BUREAU, cli } from './helpers.js';

describe('help and version', () => {
  it('--help is Chinese by default, lists the commands and documents the exit codes', async () => {
    const run = await cli(['--help']);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    const lines = run.stdout.split('\n');
    expect(lines[0]).toBe('用法： zerenzhi [options] [command]');
    for (const command of ['assess', 'validate', 'lint', 'chain', 'coverage', 'schema', 'init']) expect(run.stdout).toMatch(new RegExp(`^  ${command} `, 'm'));
    expect(run.stdout).toContain('  3   --fail-on 或 --fail-on-gaps 要求的检查未通过（结果照常输出）');
    expect(run.stdout).toContain('  70  内部错误');
  });

  it('--help --lang en is English, for a command too', async () => {
    const root = await cli(['--help', '--lang', 'en']);
    expect(root.stdout.split('\n')[0]).toBe('Usage: zerenzhi [options] [command]');
    expect(root.stdout).toContain('Exit codes:');
    const assess = await cli(['assess', '--lang=en', '--help']);
    expect(assess.code).toBe(0);
    expect(assess.stdout).toContain('--format <format>');
    expect(assess.stdout.replace(/\s+/g, ' ')).toContain('(choices: json, md, csv; default: json)');
    const zh = await cli(['help', 'assess']);
    expect(zh.code).toBe(0);
    expect(zh.stdout).toContain('（可选：json, md, csv；默认：json）');
  });

  it('--version prints the engine version', async () => {
    expect(await cli(['--version'])).toEqual({ code: 0, stdout: `${ENGINE_VERSION}\n`, stderr: '' });
    expect((await cli(['-V'])).stdout).toBe(`${ENGINE_VERSION}\n`);
  });

  it('finds --lang for help anywhere before --', () => {
    expect(requestedLang(['assess', '--lang', 'en'])).toBe('en');
    expect(requestedLang(['--lang=en'])).toBe('en');
    expect(requestedLang(['--', '--lang', 'en'])).toBe('zh');
    expect(requestedLang(['--lang', 'fr'])).toBe('zh');
  });
});

describe('usage errors: exit 2, a localized message and a hint', () => {
  it('an unknown command, with a suggestion', async () => {
    expect(await cli(['asess'])).toEqual({ code: 2, stdout: '', stderr: '错误：未知命令「asess」（是否想输入 assess？）\n运行「zerenzhi --help」查看用法\n' });
    expect((await cli(['asess', '--lang', 'en'])).stderr).toBe("error: unknown command 'asess' (did you mean assess?)\nrun 'zerenzhi --help' for usage\n");
  });

  it('help of a command that does not exist says so, after the help (not "a command is required")', async () => {
    const run = await cli(['help', 'nope']);
    expect(run.code).toBe(2);
    expect(run.stderr.endsWith('错误：未知命令「nope」\n运行「zerenzhi --help」查看用法\n')).toBe(true);
    expect((await cli(['help', 'nope', '--lang', 'en'])).stderr.endsWith("error: unknown command 'nope'\nrun 'zerenzhi --help' for usage\n")).toBe(true);
    expect((await cli(['help', 'assess'])).code).toBe(0);
  });

  it('an unknown option, with a suggestion', async () => {
    const run = await cli(['coverage', '--graph', BUREAU.graph, '--fail-on-gap']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('错误：未知选项「--fail-on-gap」（是否想输入 --fail-on-gaps？）\n运行「zerenzhi coverage --help」查看用法\n');
  });

  it('a missing required option, a missing value, a bad choice, a bad --lang', async () => {
    expect((await cli(['assess', '--rules', BUREAU.rules, '--evidence', BUREAU.ndjson])).stderr.split('\n')[0]).toBe('错误：缺少必填选项 --graph <file>');
    expect((await cli(['coverage', '--graph'])).stderr.split('\n')[0]).toBe('错误：选项 --graph <file> 缺少取值');
    const choice = await cli(['assess', '--graph', 'g', '--rules', 'r', '--evidence', 'e', '--format', 'pdf']);
    expect(choice.code).toBe(2);
    expect(choice.stderr.split('\n')[0]).toBe('错误：--format <format> 的取值「pdf」无效，可选：json, md, csv');
    const lang = await cli(['schema', 'graph', '--lang', 'fr']);
    expect(lang.code).toBe(2);
    expect(lang.stderr.split('\n')[0]).toBe('错误：--lang <lang> 的取值「fr」无效，可选：zh, en');
  });

  it('too many arguments', async () => {
    const run = await cli(['schema', 'graph', 'rules']);
    expect(run.code).toBe(2);
    expect(run.stderr.split('\n')[0]).toBe('错误：参数过多：应为 1 个，实际 2 个');
  });

  it('no command at all: the help on stderr, exit 2', async () => {
    const run = await cli([]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.startsWith('用法： zerenzhi [options] [command]')).toBe(true);
    expect(run.stderr.trimEnd().split('\n').slice(-2)).toEqual(['错误：请指定命令', '运行「zerenzhi --help」查看用法']);
  });
});

describe('internal errors', () => {
  const failingRun = async (env: Record<string, string>): Promise<{ code: number; stderr: string }> => {
    let stderr = '';
    const code = await runCli(['schema', 'graph'], {
      stdout: {
        write: () => {
          throw new Error('disk on fire');
        },
      },
      stderr: { write: (chunk: string) => (stderr += chunk) },
      stdin: Readable.from([]),
      env,
    });
    return { code, stderr };
  };

  it('exit 70 with a short message and no stack trace', async () => {
    const run = await failingRun({});
    expect(run.code).toBe(70);
    expect(run.stderr).toBe('内部错误：disk on fire。这不是输入的问题，请附上命令和输入报告此问题（设置 ZERENZHI_DEBUG=1 可显示调用栈）\n');
  });

  it('ZERENZHI_DEBUG=1 adds the stack', async () => {
    const run = await failingRun({ ZERENZHI_DEBUG: '1' });
    expect(run.code).toBe(70);
    expect(run.stderr).toMatch(/\nError: disk on fire\n\s+at /);
  });
});

describe('progress', () => {
  // 2.5 × PROGRESS_EVERY valid records of one branch, on standard input.
  const records = Array.from({ length: PROGRESS_EVERY * 2.5 }, (_, i) =>
    JSON.stringify({ id: `p-${i}`, type: 'theme-day', organization: 'br-office', date: '2022-05-10', attributes: { minutes: 'm.pdf' } }),
  ).join('\n');
  const argv = ['assess', '--graph', BUREAU.graph, '--rules', BUREAU.rules, '--evidence', '-'];

  it('shows 已读取 N 条记录… every 10,000 records when stderr is a terminal, then clears the line', async () => {
    const run = await cli(argv, { stdin: records, tty: true });
    expect(run.code).toBe(0);
    expect(run.stderr.startsWith('\r已读取 10000 条记录…\u001b[K\r已读取 20000 条记录…\u001b[K\r\u001b[K')).toBe(true);
    expect(JSON.parse(run.stdout).evidence.received).toBe(PROGRESS_EVERY * 2.5);
  });

  it('is silent when stderr is not a terminal', async () => {
    const run = await cli(argv, { stdin: records, tty: false });
    expect(run.code).toBe(0);
    expect(run.stderr).not.toContain('已读取');
  });
});
