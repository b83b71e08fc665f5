// validate on assessment results (`assess --out`, `decide`) and partial states (`assess
// --snapshot`): told by their content, never taken for a graph; checked as the library checks a
// result it is given and as `absorb` checks a partial state; every problem at its line (or, for a
// partial state read in pieces, at its path) with its code.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kindOfJson, readWhole } from '../../src/cli/commands/validate.js';
import { BUREAU, cli, tempDir } from './helpers.js';

const tmp = tempDir('validate-results');
afterAll(() => tmp.cleanup());

const UNIVERSITY = {
  graph: new URL('../../examples/university-college/graph.json', import.meta.url).pathname,
  rules: new URL('../../examples/university-college/rules.json', import.meta.url).pathname,
  ndjson: new URL('../../examples/university-college/records.ndjson', import.meta.url).pathname,
};

const files = {
  result: tmp.path('result.json'),
  resultEn: tmp.path('result-en.json'),
  asOf: tmp.path('result-asof.json'),
  decided: tmp.path('decided.json'),
  university: tmp.path('university.json'),
  universityAsOf: tmp.path('university-asof.json'),
  snapshot: tmp.path('bureau.partial.json'),
};

/** The bureau's result (as the docs write it) and the other results the engine writes. */
beforeAll(async () => {
  const bureau = ['--graph', BUREAU.graph, '--rules', BUREAU.rules, '--evidence', BUREAU.ndjson];
  const university = ['--graph', UNIVERSITY.graph, '--rules', UNIVERSITY.rules, '--evidence', UNIVERSITY.ndjson];
  const runs = [
    ['assess', ...bureau, '--out', files.result],
    ['assess', ...bureau, '--out', files.resultEn, '--lang', 'en'],
    ['assess', ...bureau, '--out', files.asOf, '--as-of', '2022-06-30'],
    ['assess', ...university, '--out', files.university, '--lang', 'en'],
    ['assess', ...university, '--out', files.universityAsOf, '--as-of', '2023-08-15'],
    ['assess', ...bureau, '--snapshot', files.snapshot],
  ];
  for (const argv of runs) expect((await cli(argv)).code).toBe(0);
  const findings = (JSON.parse(readFileSync(files.result, 'utf8')) as { findings: { id: string }[] }).findings;
  const decisions = tmp.file(
    'decisions.json',
    JSON.stringify([
      { finding: findings[0]?.id, action: 'confirm', by: '纪委', at: '2023-01-10' },
      { finding: findings[1]?.id, action: 'waive', by: '纪委', at: '2023-01-10', reason: '已整改' },
    ]),
  );
  expect((await cli(['decide', '--result', files.result, '--decisions', decisions, '--out', files.decided])).code).toBe(0);
}, 60_000);

const BUREAU_OK_ZH = (file: string): string => `${file}：评估结果有效（bureau-2022，2022-01-01 至 2022-12-31；8 个党组织，12 人，13 项问责建议）\n`;
const BUREAU_OK_EN = (file: string): string => `${file}: valid assessment result (bureau-2022, 2022-01-01 to 2022-12-31; 8 organizations, 12 people, 13 findings)\n`;

/** The 1-based line of the first line of a text that matches. */
function lineOf(text: string, match: (line: string, i: number, lines: string[]) => boolean): number {
  const lines = text.split('\n');
  const i = lines.findIndex(match);
  expect(i).toBeGreaterThanOrEqual(0);
  return i + 1;
}

describe('kindOfJson tells results and partial states', () => {
  it('a result, a partial state, and the kinds it told before', () => {
    expect(kindOfJson(JSON.parse(readFileSync(files.result, 'utf8')))).toBe('result');
    expect(kindOfJson(JSON.parse(readFileSync(files.snapshot, 'utf8')))).toBe('partial');
    // a result cut down to its subjects is still one: its organizations are subject results
    expect(kindOfJson({ organizations: [{ type: 'organization', id: 'o', total: 90 }] })).toBe('result');
    expect(kindOfJson({ engine: { name: 'zerenzhi' } })).toBe('result');
    expect(kindOfJson({ format: 'zerenzhi-partial/1' })).toBe('partial');
    expect(kindOfJson({ format: 'other' })).toBeUndefined();
    expect(kindOfJson(JSON.parse(readFileSync(BUREAU.graph, 'utf8')))).toBe('graph');
    expect(kindOfJson(JSON.parse(readFileSync(BUREAU.rules, 'utf8')))).toBe('rules');
    expect(kindOfJson({ organizations: [] })).toBe('graph');
    expect(kindOfJson({ organizations: [{ id: 'o', name: '甲', kind: 'branch' }] })).toBe('graph');
    expect(kindOfJson({ records: [] })).toBe('records');
    expect(kindOfJson([])).toBe('records');
  });
});

describe('a result or partial state past the longest string is read in pieces and still told by its content', () => {
  it('readWhole with a limit of 1000 characters', async () => {
    const io = { stdin: undefined, stdout: { write: () => true }, stderr: { write: () => true } } as never;
    for (const [file, kind] of [
      [files.result, 'result'],
      [files.snapshot, 'partial'],
    ] as const) {
      const doc = await readWhole(file, undefined, 'zh', { io }, 1000);
      expect(doc.text).toBeUndefined();
      expect(kindOfJson(doc.value)).toBe(kind);
    }
  });
});

describe('validate: assessment results', () => {
  it('the bureau result validates clean, with and without --kind, in Chinese and English (not 251 graph errors)', async () => {
    for (const argv of [['validate', files.result], ['validate', '--kind', 'result', files.result]]) {
      expect(await cli(argv)).toEqual({ code: 0, stdout: BUREAU_OK_ZH(files.result), stderr: '' });
      expect(await cli([...argv, '--lang', 'en'])).toEqual({ code: 0, stdout: BUREAU_OK_EN(files.result), stderr: '' });
    }
    // a result written in English is the same result
    expect(await cli(['validate', files.resultEn])).toEqual({ code: 0, stdout: BUREAU_OK_ZH(files.resultEn), stderr: '' });
    // from standard input, told by its content
    const stdin = await cli(['validate', '-'], { stdin: readFileSync(files.result, 'utf8') });
    expect(stdin).toEqual({ code: 0, stdout: BUREAU_OK_ZH('<stdin>'), stderr: '' });
  });

  it('a mid-period result, a decided result and the university results validate clean', async () => {
    const run = await cli(['validate', files.asOf, files.decided, files.university, files.universityAsOf]);
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe(
      [
        `${files.asOf}：评估结果有效（bureau-2022，2022-01-01 至 2022-12-31，评估日期 2022-06-30；8 个党组织，12 人，0 项问责建议）`,
        `${files.decided}：评估结果有效（bureau-2022，2022-01-01 至 2022-12-31；8 个党组织，12 人，13 项问责建议）`,
        `${files.university}：评估结果有效（university-2023q3，2023-07-01 至 2023-09-30；21 个党组织，102 人，6 项问责建议）`,
        `${files.universityAsOf}：评估结果有效（university-2023q3，2023-07-01 至 2023-09-30，评估日期 2023-08-15；21 个党组织，102 人，0 项问责建议）`,
        '共 4 个文件，0 个未通过校验',
        '',
      ].join('\n'),
    );
    expect(run.code).toBe(0);
  });

  it('a result with subjects compared with a previous period validates clean', async () => {
    const before = JSON.parse(readFileSync(files.result, 'utf8')) as { period: { start: string; end: string } };
    before.period.start = '2021-01-01';
    before.period.end = '2021-12-31';
    const previous = tmp.file('2021.json', JSON.stringify(before, null, 2));
    const out = tmp.path('with-previous.json');
    const assess = await cli(['assess', '--graph', BUREAU.graph, '--rules', BUREAU.rules, '--evidence', BUREAU.ndjson, '--previous', previous, '--out', out]);
    expect(assess.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('"delta"');
    const run = await cli(['validate', '--lang', 'en', out]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/: valid assessment result \(bureau-2022, 2022-01-01 to 2022-12-31; 8 organizations, 12 people, \d+ findings\)\n$/);
  });

  /** The bureau result with a null finding, a text total and no period, pretty-printed. */
  function editedResult(): { file: string; text: string } {
    const result = JSON.parse(readFileSync(files.result, 'utf8')) as Record<string, unknown> & { findings: unknown[]; organizations: Record<string, unknown>[] };
    result.findings[0] = null;
    (result.organizations[1] as Record<string, unknown>)['total'] = '九十五';
    delete result['period'];
    const text = `${JSON.stringify(result, null, 2)}\n`;
    return { file: tmp.file('edited.json', text), text };
  }

  it('a null finding, a text total and a missing period: each at its line, with its code and path (exit 1)', async () => {
    const { file, text } = editedResult();
    const total = lineOf(text, (line) => line.includes('"total": "九十五"'));
    const finding = lineOf(text, (line, i, lines) => line.trim() === 'null,' && lines[i - 1]?.trim() === '"findings": [');
    const zh = [
      `${file}：发现 3 个问题`,
      `${file}:1 period: 缺少必填字段「period」 [required]`,
      `${file}:${total} organizations[1].total: 类型错误：应为 number，实际为 string [invalid-type]`,
      `${file}:${finding} findings[0]: 类型错误：应为 object，实际为 null [invalid-type]`,
      '',
    ].join('\n');
    for (const argv of [['validate', file], ['validate', '--kind', 'result', file]]) expect(await cli(argv)).toEqual({ code: 1, stdout: zh, stderr: '' });
    const en = await cli(['validate', '--lang', 'en', file]);
    expect(en.code).toBe(1);
    expect(en.stdout).toBe(
      [
        `${file}: 3 problem(s)`,
        `${file}:1 period: required field "period" is missing [required]`,
        `${file}:${total} organizations[1].total: wrong type: expected number, got string [invalid-type]`,
        `${file}:${finding} findings[0]: wrong type: expected object, got null [invalid-type]`,
        '',
      ].join('\n'),
    );
  });

  it('what the library refuses beyond the schema: a subject listed twice, a total no run gives, a date that is no day', async () => {
    const result = JSON.parse(readFileSync(files.result, 'utf8')) as { people: Record<string, unknown>[]; period: { start: string } };
    const first = result.people[0] as Record<string, unknown>;
    result.people.push({ ...first, total: 1e308 });
    result.period.start = '2022-02-30';
    const text = `${JSON.stringify(result, null, 2)}\n`;
    const file = tmp.file('refused.json', text);
    const run = await cli(['validate', file]);
    expect(run.code).toBe(1);
    const lines = run.stdout.trimEnd().split('\n');
    const last = result.people.length - 1;
    expect(lines[0]).toBe(`${file}：发现 3 个问题`);
    expect(lines[1]).toBe(`${file}:${lineOf(text, (l) => l.includes('"start": "2022-02-30"'))} period.start: 不是有效的 zerenzhi 评估结果：period.start 缺失或不是 YYYY-MM-DD 格式的日期 [cli-invalid-result]`);
    expect(lines[2]).toMatch(new RegExp(`^${file}:\\d+ people\\[${last}\\]\\.id: .*people\\[0\\].* \\[previous-duplicate-subject\\]$`));
    expect(lines[3]).toMatch(new RegExp(`^${file}:\\d+ people\\[${last}\\]\\.total: .*1e\\+308.* \\[previous-total-out-of-range\\]$`));
  });
});

describe('validate: partial states', () => {
  const OK = (file: string): string =>
    `${file}：部分状态有效（zerenzhi-partial/2，已读 473 条记录，113 条指标行；与组织关系图、考核细则是否相符在 assess --absorb 时核对）\n`;

  it('the bureau snapshot validates clean: told by content, with --kind, from standard input, in English', async () => {
    expect(await cli(['validate', files.snapshot])).toEqual({ code: 0, stdout: OK(files.snapshot), stderr: '' });
    expect(await cli(['validate', '--kind', 'partial', files.snapshot])).toEqual({ code: 0, stdout: OK(files.snapshot), stderr: '' });
    expect(await cli(['validate', '-'], { stdin: readFileSync(files.snapshot, 'utf8') })).toEqual({ code: 0, stdout: OK('<stdin>'), stderr: '' });
    const en = await cli(['validate', '--lang', 'en', files.snapshot]);
    expect(en).toEqual({
      code: 0,
      stdout: `${files.snapshot}: valid partial state (zerenzhi-partial/2, 473 records read, 113 indicator lines; whether it matches the graph and rule set is checked by assess --absorb)\n`,
      stderr: '',
    });
  });

  it('a snapshot cut short: invalid-json at its line (exit 1)', async () => {
    const text = readFileSync(files.snapshot, 'utf8');
    const file = tmp.file('cut.partial.json', text.slice(0, text.indexOf('"lines"')));
    const run = await cli(['validate', file]);
    expect(run.code).toBe(1);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe(`${file}：发现 1 个问题`);
    expect(lines[1]).toMatch(new RegExp(`^${file}:1: 第 1 行第 \\d+ 列.*JSON 语法错误.* \\[invalid-json\\]$`));
    expect(lines).toHaveLength(2);
  });

  it('an edited snapshot: each problem at its path with its code (exit 1)', async () => {
    const partial = JSON.parse(readFileSync(files.snapshot, 'utf8')) as { occurrences: number; lines: [string, string, string, { d: number[] }][] };
    partial.occurrences = -1;
    partial.lines[0]?.[3].d.push(19000);
    const file = tmp.file('edited.partial.json', JSON.stringify(partial));
    const run = await cli(['validate', file]);
    expect(run).toEqual({
      code: 1,
      stdout: [
        `${file}：发现 2 个问题`,
        `${file} occurrences: 数值过小：应不小于 0 [too-small]`,
        `${file} lines[0][3].d: 记录日期（d）应与上报记录（s）一一对应：s 有 4 条，d 有 5 条 [partial-days]`,
        '',
      ].join('\n'),
      stderr: '',
    });
  });

  it('a negative business score is refused; a high one is let through (the scale is the rule set’s)', async () => {
    const partial = JSON.parse(readFileSync(files.snapshot, 'utf8')) as { business: [string, string, [string, number][]][] };
    const score = partial.business[0]?.[2][0] as [string, number];
    score[1] = -3;
    const negative = tmp.file('negative.partial.json', JSON.stringify(partial));
    score[1] = 150;
    const high = tmp.file('high.partial.json', JSON.stringify(partial));
    expect((await cli(['validate', negative])).stdout).toBe(`${negative}：发现 1 个问题\n${negative} business[0][2][0][1]: 数值过小：应不小于 0 [too-small]\n`);
    expect((await cli(['validate', high])).code).toBe(0);
  });

  it('a partial state of another format; a result given as --kind partial', async () => {
    const partial = JSON.parse(readFileSync(files.snapshot, 'utf8')) as { format: string };
    partial.format = 'zerenzhi-partial/1';
    const file = tmp.file('old.partial.json', JSON.stringify(partial));
    expect(await cli(['validate', '--lang', 'en', file])).toEqual({
      code: 1,
      stdout: `${file}: 1 problem(s)\n${file} format: the partial state's format "zerenzhi-partial/1" is not the zerenzhi-partial/2 this engine reads and writes: make the shard again with the same zerenzhi version [partial-format]\n`,
      stderr: '',
    });
    const asPartial = await cli(['validate', '--kind', 'partial', files.result]);
    expect(asPartial.code).toBe(1);
    expect(asPartial.stdout).toBe(`${files.result}：发现 1 个问题\n${files.result} format: 这不是 zerenzhi 的部分状态（没有 format 字段，应为 zerenzhi-partial/…）：只能合并会话的 snapshot() 或 assess --snapshot 写出的部分状态 [partial-not-state]\n`);
  });

  it('a partial state pretty-printed, its fields in another order: told by content, its problems at their lines', async () => {
    const { format, ...rest } = JSON.parse(readFileSync(files.snapshot, 'utf8')) as { format: string; occurrences: number };
    const text = `${JSON.stringify({ ...rest, format, occurrences: -1 }, null, 2)}\n`;
    const file = tmp.file('reordered.partial.json', text);
    const line = lineOf(text, (l) => l.includes('"occurrences": -1'));
    expect(await cli(['validate', file])).toEqual({ code: 1, stdout: `${file}：发现 1 个问题\n${file}:${line} occurrences: 数值过小：应不小于 0 [too-small]\n`, stderr: '' });
  });
});

describe('validate: the other kinds are told as before', () => {
  it('graph, rules, NDJSON and CSV records', async () => {
    const run = await cli(['validate', BUREAU.graph, BUREAU.rules, BUREAU.ndjson, BUREAU.csv]);
    expect(run.code).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe(`${BUREAU.graph}：组织关系图有效（9 个党组织，51 人）`);
    expect(lines[1]).toMatch(new RegExp(`^${BUREAU.rules}：考核细则有效（\\d+ 项指标）$`));
    expect(lines[2]).toBe(`${BUREAU.ndjson}：记录有效（473 条）`);
    expect(lines[3]).toMatch(new RegExp(`^${BUREAU.csv}：记录有效（\\d+ 条）$`));
    expect(lines[4]).toBe('共 4 个文件，0 个未通过校验');
  });

  it('--kind lists result and partial among its choices', async () => {
    const help = await cli(['validate', '--help']);
    expect(help.stdout).toContain('（可选：graph, rules, records, result, partial）');
    const bad = await cli(['validate', '--kind', 'results', files.result]);
    expect(bad.code).toBe(2);
  });

  it('a one-line result or snapshot without a telling extension is not NDJSON of one record', async () => {
    const result = tmp.file('result-one-line', JSON.stringify(JSON.parse(readFileSync(files.result, 'utf8'))));
    expect(await cli(['validate', result])).toEqual({ code: 0, stdout: BUREAU_OK_ZH(result), stderr: '' });
    const snapshot = tmp.file('snapshot-no-ext', readFileSync(files.snapshot, 'utf8'));
    expect((await cli(['validate', snapshot])).code).toBe(0);
  });
});
