import { describe, expect, it } from 'vitest';
import { isoFormOf } from '../../src/core/date-like.js';
import { makeIssue } from '../../src/core/issue.js';

describe('isoFormOf: hints for dates written another way', () => {
  it('slashes, dots, 年月日 and eight digits, padded', () => {
    expect(isoFormOf('2026/12/31')).toBe('2026-12-31');
    expect(isoFormOf('2026/1/5')).toBe('2026-01-05');
    expect(isoFormOf('2026.3.9')).toBe('2026-03-09');
    expect(isoFormOf('2026年3月1日')).toBe('2026-03-01');
    expect(isoFormOf('20240229')).toBe('2024-02-29');
  });

  it('no hint for what names no real date, or whose order cannot be told', () => {
    expect(isoFormOf('2026/2/29')).toBeUndefined();
    expect(isoFormOf('2100/2/29')).toBeUndefined();
    expect(isoFormOf('2000/2/29')).toBe('2000-02-29');
    expect(isoFormOf('12/31/2026')).toBeUndefined();
    expect(isoFormOf('2026-12-31T00:00')).toBeUndefined();
    expect(isoFormOf('1899/12/31')).toBeUndefined();
    expect(isoFormOf('2026/13/01')).toBeUndefined();
    expect(isoFormOf('２０２６/1/1')).toBeUndefined();
  });

  it('the invalid-date message carries the hint in both languages, and only when there is one', () => {
    expect(makeIssue('invalid-date', ['date'], { value: '2026/12/31' }, 'zh').message).toBe(
      '日期「2026/12/31」无效：应为真实存在的日历日期，格式 YYYY-MM-DD（中国标准时间，不带时刻和时区）；是否应为「2026-12-31」？（表格软件导出的日期请设为“文本”或 YYYY-MM-DD 格式）',
    );
    expect(makeIssue('invalid-date', ['date'], { value: '2026/12/31' }, 'en').message).toMatch(/; did you mean "2026-12-31"\? \(format dates exported from a spreadsheet as text or YYYY-MM-DD\)$/);
    expect(makeIssue('invalid-date', ['date'], { value: '2022-02-30' }, 'zh').message).toBe('日期「2022-02-30」无效：应为真实存在的日历日期，格式 YYYY-MM-DD（中国标准时间，不带时刻和时区）');
  });
});
