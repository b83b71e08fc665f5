import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { createProgram, auditArgv, type ProgramState } from '../../src/cli/program.js';
import { addAssessCommand } from '../../src/cli/commands/assess.js';
import { addChainCommand } from '../../src/cli/commands/chain.js';
import { addCoverageCommand } from '../../src/cli/commands/coverage.js';
import { addDecideCommand } from '../../src/cli/commands/decide.js';
import { addInitCommand } from '../../src/cli/commands/init.js';
import { addLintCommand } from '../../src/cli/commands/lint.js';
import { addSchemaCommand } from '../../src/cli/commands/schema.js';
import { addValidateCommand } from '../../src/cli/commands/validate.js';
import { Readable } from 'node:stream';
import { BUREAU, cli } from './helpers.js';

// The program as runCli builds it, to audit command lines without running them.
function program(): Command {
  const state: ProgramState = { exitCode: 0, command: 'zerenzhi', argv: [], commands: [] };
  const io = { stdout: { write: () => true }, stderr: { write: () => true }, stdin: Readable.from([]), env: {} };
  const { program: built, env } = createProgram(io, 'zh', state);
  for (const add of [addAssessCommand, addDecideCommand, addValidateCommand, addLintCommand, addChainCommand, addCoverageCommand, addSchemaCommand, addInitCommand]) add(built, env);
  return built;
}

const codes = (argv: readonly string[]): string[] => auditArgv(program(), argv).problems.map((p) => p.code);

describe('every usage problem at once (commander stops at the first)', () => {
  it('an unknown option, a bad choice, a bad --lang and two required options left out: five lines, one hint', async () => {
    const run = await cli(['assess', '--bogus', '--format', 'xml', '--lang', 'fr']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      [
        '错误：未知选项「--bogus」',
        '错误：--format <format> 的取值「xml」无效，可选：json, md, csv',
        '错误：--lang <lang> 的取值「fr」无效，可选：zh, en',
        '错误：缺少必填选项 --graph <file>',
        '错误：缺少必填选项 --rules <file>',
        '运行「zerenzhi assess --help」查看用法',
        '',
      ].join('\n'),
    );
  });

  it('in English on request, with did-you-mean, a repeated option and a conflict', async () => {
    const run = await cli(['assess', '--lang', 'en', '--grpah', 'g.json', '--rules', 'a.json', '--rules', 'b.json', '--snapshot', 's.json', '--format', 'md']);
    expect(run.code).toBe(2);
    expect(run.stderr.split('\n')).toEqual([
      "error: unknown option '--grpah' (did you mean --graph?)",
      'error: --rules may be given once only (given twice, which one is meant?)',
      'error: --snapshot <file> cannot be used with --format <format>',
      "error: required option '--graph <file>' not given",
      "run 'zerenzhi assess --help' for usage",
      '',
    ]);
  });

  it('a positional argument outside its choices and one too many; an option parser refusing its value', async () => {
    expect((await cli(['schema', 'grph', 'rules'])).stderr.split('\n')).toEqual([
      '错误：name 的取值「grph」无效，可选：graph, rules, evidence, result, partial',
      '错误：参数过多：应为 1 个，实际 2 个',
      '运行「zerenzhi schema --help」查看用法',
      '',
    ]);
    expect((await cli(['init', '--year', '99'])).stderr.split('\n').slice(0, 2)).toEqual(['错误：--year <year> 的取值「99」无效：应为 1900–2999 之间的年份', '错误：缺少参数 dir']);
  });

  it('every repeated option after an otherwise good parse, not only the first', async () => {
    const run = await cli(['assess', '--graph', BUREAU.graph, '--graph', BUREAU.graph, '--rules', BUREAU.rules, '--evidence', BUREAU.ndjson, '--format', 'md', '--format=json']);
    expect(run.code).toBe(2);
    expect(run.stderr.split('\n').slice(0, 2)).toEqual(['错误：--graph 只能给一次（给了多次时不知该用哪个）', '错误：--format 只能给一次（给了多次时不知该用哪个）']);
  });

  it('finds nothing in good command lines, whatever the order of options and the program option', () => {
    const good: string[][] = [
      ['assess', '--graph', 'g', '--rules', 'r', '--evidence', 'a', '--evidence', 'b', '--format', 'csv'],
      ['--lang', 'en', 'assess', '--rules=r', '--graph=g', '--evidence', '-', '--as-of', '2026-06-30'],
      ['assess', '--graph', 'g', '--rules', 'r', '--absorb', 'p1', '--absorb', 'p2', '--skip-invalid', '--skip-invalid', '--lang', 'zh'],
      ['chain', '--graph', 'g', '--person', 'p', '--format', 'json'],
      ['chain', '--graph', 'g', '--mermaid', '--result', 'r.json'],
      ['schema', 'rules'],
      ['schema', '--', 'graph'],
      ['init', 'dir', '--year', '2027'],
      ['coverage', '--graph', 'g', '--fail-on-gaps'],
    ];
    for (const argv of good) expect([argv, codes(argv)]).toEqual([argv, []]);
  });

  it('leaves help, the version and `help` to commander', () => {
    expect(codes(['assess', '--bogus', '--help'])).toEqual([]);
    expect(codes(['-V', '--bogus'])).toEqual([]);
    expect(codes(['help', 'nope'])).toEqual([]);
    expect(codes([])).toEqual([]);
  });

  it('an unknown option is taken with the word after it: no "too many arguments" made up from its value', () => {
    expect(codes(['schema', 'graph', '--pretty', 'yes'])).toEqual(['cli-usage-unknown-option']);
    // An option value that looks like an option is still the value (commander takes the next word).
    expect(codes(['assess', '--graph', '--rules', '--evidence', 'e'])).toEqual(['cli-usage-missing-option']);
  });

  it('an unknown command, with the closest names', () => {
    expect(auditArgv(program(), ['chian', '--graph', 'g']).problems).toEqual([{ code: 'cli-usage-unknown-command', params: { name: 'chian', suggestion: 'chain' } }]);
    // Two names equally close are both offered.
    expect(auditArgv(program(), ['lin']).problems.map((p) => p.params['suggestion'])).toEqual(['lint']);
    expect(auditArgv(program(), ['int']).problems.map((p) => p.params['suggestion'])).toEqual(['init, lint']);
    expect(auditArgv(program(), ['--lang', 'fr', 'lnt']).problems.map((p) => p.params['suggestion'] ?? p.code)).toEqual(['cli-usage-invalid-choice', 'lint']);
  });
});
