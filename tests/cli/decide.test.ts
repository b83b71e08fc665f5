import { spawnSync } from 'node:child_process';
import { closeSync, copyFileSync, openSync, readFileSync, symlinkSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyDecisions, toCsv, type AssessmentResult } from '../../src/index.js';
import { BUREAU, assessBureau, cli, tempDir } from './helpers.js';

// `zerenzhi decide`: people's decisions on the proposed findings, recorded from the command line
// (what `applyDecisions` does in code), the decided result written for next period's --previous.
const tmp = tempDir('decide');
afterAll(() => tmp.cleanup());

let resultFile = '';
let result: AssessmentResult;
beforeAll(async () => {
  const run = await assessBureau();
  expect(run.code).toBe(0);
  resultFile = tmp.file('result.json', run.stdout);
  result = JSON.parse(run.stdout) as AssessmentResult;
});

const decisionsOf = (r: AssessmentResult) => [
  { finding: r.findings[0]!.id, action: 'confirm' as const, by: '局党委', at: '2023-01-20' },
  { finding: r.findings[1]!.id, action: 'waive' as const, by: '局党委', at: '2023-01-20', reason: '已整改' },
];

describe('zerenzhi decide', () => {
  it('writes the decided result as JSON, the same as applyDecisions', async () => {
    const decisions = tmp.file('decisions.json', JSON.stringify(decisionsOf(result)));
    const run = await cli(['decide', '--result', resultFile, '--decisions', decisions]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`${JSON.stringify(applyDecisions(result, decisionsOf(result)), null, 2)}\n`);
    const decided = JSON.parse(run.stdout) as AssessmentResult;
    expect(decided.findings.slice(0, 3).map((f) => f.status)).toEqual(['confirmed', 'waived', 'proposed']);
    expect(decided.audit?.map((a) => a.action)).toEqual(['confirm', 'waive']);
  });

  it('a decided result is a previous result for next period', async () => {
    const decided = tmp.file('decided.json', (await cli(['decide', '--result', resultFile, '--decisions', tmp.file('d2.json', JSON.stringify(decisionsOf(result)))])).stdout);
    // A result of the same period is refused as previous; its file is read and checked as one all the same.
    const again = await assessBureau('--previous', decided);
    expect(again.stderr).toContain('decided.json');
  });

  it('Markdown and CSV too, to files, said on stderr', async () => {
    const decisions = tmp.file('d3.json', JSON.stringify(decisionsOf(result)));
    const out = tmp.path('decided.csv');
    const run = await cli(['decide', '--result', resultFile, '--decisions', decisions, '--format', 'csv', '--out', out]);
    expect(run.code).toBe(0);
    expect(readFileSync(tmp.path('decided.findings.csv'), 'utf8')).toBe(toCsv(applyDecisions(result, decisionsOf(result))).findings);
    expect(run.stderr.trimEnd()).toBe(`已写入 ${out}、${tmp.path('decided.findings.csv')}、${tmp.path('decided.early-warnings.csv')}`);
    const md = await cli(['decide', '--result', resultFile, '--decisions', decisions, '--format', 'md']);
    expect(md.stdout).toContain('## 问责决定记录');
  });

  it('lists every problem with the decisions at its line in the decisions file, exit 1', async () => {
    const bad = tmp.file(
      'bad.json',
      JSON.stringify([{ finding: 'nope', action: 'confirm', by: '局党委', at: '2023-01-20' }, { finding: result.findings[1]!.id, action: 'waive', by: '局党委', at: '2023-02-30' }, 5], null, 2),
    );
    const run = await cli(['decide', '--result', resultFile, '--decisions', bad]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr.trimEnd().split('\n')).toEqual([
      '问责决定校验未通过，共 4 个问题：',
      `${bad}:3 [0].finding: 问责建议「nope」不存在 [unknown-finding]`,
      `${bad}:8 [1].reason: 免予问责须写明理由（reason） [decision-reason-required]`,
      `${bad}:12 [1].at: 日期「2023-02-30」无效：应为真实存在的日历日期，格式 YYYY-MM-DD（中国标准时间，不带时刻和时区） [invalid-date]`,
      `${bad}:14 [2]: 类型错误：应为 object，实际为 number [invalid-type]`,
    ]);
  });

  it('decisions that are not a list, and a result that is not one, in English when asked', async () => {
    const object = tmp.file('object.json', '{}');
    const run = await cli(['--lang', 'en', 'decide', '--result', resultFile, '--decisions', object]);
    expect([run.code, run.stderr.trimEnd().split('\n')]).toEqual([1, ['Decisions: 1 problem:', `${object}:1: wrong type: expected array, got object [invalid-type]`]]);
    const notResult = await cli(['decide', '--result', object, '--decisions', object]);
    expect(notResult.code).toBe(1);
    expect(notResult.stderr).toContain(object);
  });

  it('a finding already decided is refused at the decision, in the decisions file', async () => {
    const decided = tmp.file('decided-once.json', (await cli(['decide', '--result', resultFile, '--decisions', tmp.file('d4.json', JSON.stringify(decisionsOf(result)))])).stdout);
    const twice = tmp.file('twice.json', JSON.stringify(decisionsOf(result).slice(0, 1)));
    const run = await cli(['decide', '--result', decided, '--decisions', twice]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${twice}:1 [0].finding:`);
    expect(run.stderr).toContain('[finding-already-decided]');
  });
});

describe('an output that is an input is refused, the input left as it was (exit 2)', () => {
  it('decide --out the decisions file', async () => {
    const decisions = tmp.file('mine.json', JSON.stringify(decisionsOf(result)));
    const before = readFileSync(decisions, 'utf8');
    const run = await cli(['decide', '--result', resultFile, '--decisions', decisions, '--out', decisions]);
    expect(run.code).toBe(2);
    expect(run.stderr.split('\n')[0]).toBe(`错误：输出文件「${decisions}」就是 --decisions 读入的文件「${decisions}」，写出会覆盖它：请另选输出文件`);
    expect(readFileSync(decisions, 'utf8')).toBe(before);
  });

  it('assess --out the rules, --snapshot the evidence, a CSV whose findings file is the previous result; through a link too', async () => {
    const rules = tmp.path('rules.json');
    copyFileSync(BUREAU.rules, rules);
    const before = readFileSync(rules, 'utf8');
    const out = await cli(['assess', '--graph', BUREAU.graph, '--rules', rules, '--evidence', BUREAU.ndjson, '--out', rules]);
    expect([out.code, readFileSync(rules, 'utf8') === before]).toEqual([2, true]);
    const records = tmp.path('records.ndjson');
    copyFileSync(BUREAU.ndjson, records);
    const snapshot = await cli(['--lang', 'en', 'assess', '--graph', BUREAU.graph, '--rules', BUREAU.rules, '--evidence', records, '--snapshot', records]);
    expect(snapshot.code).toBe(2);
    expect(snapshot.stderr.split('\n')[0]).toBe(`error: the output file "${records}" is the file --evidence reads ("${records}"): writing would replace it; choose another output file`);
    const previous = tmp.file('r.findings.csv', readFileSync(resultFile, 'utf8'));
    const csv = await cli(['assess', '--graph', BUREAU.graph, '--rules', BUREAU.rules, '--evidence', BUREAU.ndjson, '--previous', previous, '--format', 'csv', '--out', tmp.path('r.csv')]);
    expect(csv.code).toBe(2);
    expect(csv.stderr).toContain('--previous');
    const link = tmp.path('link.json');
    symlinkSync(rules, link);
    expect((await cli(['assess', '--graph', BUREAU.graph, '--rules', rules, '--evidence', BUREAU.ndjson, '--out', link])).code).toBe(2);
    expect(readFileSync(rules, 'utf8')).toBe(before);
  });
});

describe('standard input redirected from the output file', () => {
  it('assess --evidence - --out R < R is refused (exit 2), R left as it was', () => {
    const records = tmp.path('redirected.ndjson');
    copyFileSync(BUREAU.ndjson, records);
    const before = readFileSync(records, 'utf8');
    const main = fileURLToPath(new URL('../../src/cli/main.ts', import.meta.url));
    const root = fileURLToPath(new URL('../../', import.meta.url));
    const fd = openSync(records, 'r');
    try {
      const child = spawnSync(process.execPath, ['--import', 'tsx', main, 'assess', '--graph', BUREAU.graph, '--rules', BUREAU.rules, '--evidence', '-', '--out', records], { cwd: root, stdio: [fd, 'pipe', 'pipe'], encoding: 'utf8', timeout: 60_000 });
      expect(child.status).toBe(2);
      expect(child.stderr).toContain(`输出文件「${records}」就是 --evidence 读入的文件「-」`);
    } finally {
      closeSync(fd);
    }
    expect(readFileSync(records, 'utf8')).toBe(before);
  }, 60_000);
});
