// One problem, one line: values from the input that hold line breaks, NUL, a BOM or direction
// controls are shown escaped; CSV files of CR-only lines are read as such.
import { afterAll, describe, expect, it } from 'vitest';
import { cli, tempDir } from './helpers.js';

const tmp = tempDir('control-characters');
afterAll(() => tmp.cleanup());

describe('values from the input in messages', () => {
  it('a quoted CSV cell with a line break, a NUL, a BOM inside, a right-to-left override: each problem on its line', async () => {
    const file = tmp.file(
      'ctl.csv',
      'id,type,organization,date\nr1,theme-day,br-office,"2022-01\n-05"\nr2,t\u0000x,br-office,2022-01-05\nr3,theme-day,br-office,2022\uFEFF-01-05\nr4,theme-day,br-office,\u202e2022-01-05\n',
    );
    const run = await cli(['validate', file]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe(
      [
        `${file}：发现 4 个问题`,
        `${file}:2 date: 日期「2022-01\\n-05」无效：应为真实存在的日历日期，格式 YYYY-MM-DD（中国标准时间，不带时刻和时区） [invalid-date]`,
        `${file}:4 type: 编号「t\\u0000x」无效：编号须为 1–256 个字符，且不含控制字符和首尾空白 [invalid-id]`,
        `${file}:5 date: 日期「2022\\ufeff-01-05」无效：应为真实存在的日历日期，格式 YYYY-MM-DD（中国标准时间，不带时刻和时区） [invalid-date]`,
        `${file}:6 date: 日期「\\u202e2022-01-05」无效：应为真实存在的日历日期，格式 YYYY-MM-DD（中国标准时间，不带时刻和时区） [invalid-date]`,
        '',
      ].join('\n'),
    );
  });
});

describe('CSV line ends on the command line', () => {
  it('CR-only lines (Excel for Mac), named by extension, by content, or from standard input: read, problems at their lines', async () => {
    const text = '编号,类型,党组织,日期\rr1,theme-day,br-office,2022-01-05\rr2,theme-day,br-office,2022-02-30\r';
    for (const [argv, name] of [
      [[tmp.file('cr.csv', text)], tmp.path('cr.csv')],
      [[tmp.file('cr', text)], tmp.path('cr')],
      [['-'], '<stdin>'],
    ] as const) {
      const run = await cli(['validate', ...argv], { stdin: text });
      expect(run.stdout).toBe(`${name}：发现 1 个问题\n${name}:3 date: 日期「2022-02-30」无效：应为真实存在的日历日期，格式 YYYY-MM-DD（中国标准时间，不带时刻和时区） [invalid-date]\n`);
    }
  });

  it('a CR at the end of the file is no part of the last date', async () => {
    const file = tmp.file('trailcr.csv', '编号,类型,党组织,日期\nr1,theme-day,br-office,2022-01-05\r');
    const run = await cli(['validate', file]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`${file}：记录有效（1 条）\n`);
  });
});
