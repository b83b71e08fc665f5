// On a terminal the progress line is cleared before any other line goes to stderr, so that a
// skipped record or a warning never runs into it.
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { withStatusLine } from '../../src/cli/io.js';
import { runCli } from '../../src/cli/run.js';
import { BUREAU } from './helpers.js';

const CLEAR = '\r\u001b[K';

describe('withStatusLine', () => {
  it('clears a status line shown before any other text, once, and not when none is shown', () => {
    let text = '';
    const out = withStatusLine({ write: (chunk) => (text += chunk), isTTY: true });
    out.write('a\n');
    out.status('10000…');
    out.status('20000…');
    out.write('b\n');
    out.write('c\n');
    out.status(undefined);
    expect(text).toBe(`a\n\r10000…\u001b[K\r20000…\u001b[K${CLEAR}b\nc\n`);
    expect(out.isTTY).toBe(true);
    // one already is given back as it is
    expect(withStatusLine(out)).toBe(out);
  });
});

describe('assess --skip-invalid on a terminal', () => {
  it('a record skipped after 10,000 were read: the progress line is cleared before it is listed', async () => {
    const line = (i: number, date = '2022-05-10'): string => `${JSON.stringify({ id: `p-${i}`, type: 'theme-day', organization: 'br-office', date, attributes: { minutes: 'm.pdf' } })}\n`;
    // two pieces of standard input: the progress shows after the first, the bad record is in the second
    const first = Array.from({ length: 10_000 }, (_, i) => line(i)).join('');
    const second = line(10_000, '2022-02-30') + Array.from({ length: 100 }, (_, i) => line(10_001 + i)).join('');
    let stderr = '';
    const code = await runCli(['assess', '--graph', BUREAU.graph, '--rules', BUREAU.rules, '--evidence', '-', '--skip-invalid'], {
      stdout: { write: () => true },
      stderr: { write: (chunk: string) => (stderr += chunk), isTTY: true },
      stdin: Readable.from([Buffer.from(first), Buffer.from(second)]),
      env: {},
    });
    expect(code).toBe(0);
    expect(stderr).toBe(
      `\r已读取 10000 条记录…\u001b[K${CLEAR}` +
        '已跳过：<stdin>:10001 date: 日期「2022-02-30」无效：应为真实存在的日历日期，格式 YYYY-MM-DD（中国标准时间，不带时刻和时区） [invalid-date]\n' +
        '警告：1条记录格式有误，已跳过 [warning-invalid-records]\n' +
        '警告：20个考核对象缺少业务考核得分，未计算综合得分 [warning-no-business-score]\n',
    );
  });
});
