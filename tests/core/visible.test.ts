// Values from the input quoted into messages: what a terminal would not show as it is (a line
// break, NUL, a BOM, a direction override) is written as a visible escape; the issue keeps the value.
import { describe, expect, it } from 'vitest';
import { formatIssues, makeIssue } from '../../src/core/issue.js';
import { localizeIssue } from '../../src/core/public-format.js';
import { formatLine, formatMessage } from '../../src/core/messages.js';
import { formatPath } from '../../src/core/path.js';
import { visible } from '../../src/core/visible.js';

describe('visible', () => {
  it('escapes line breaks, tabs, C0 and C1 controls, separators, the BOM and direction controls', () => {
    expect(visible('a\nb\rc\td')).toBe('a\\nb\\rc\\td');
    expect(visible('\u0000\u001b\u007f\u0085\u009f')).toBe('\\u0000\\u001b\\u007f\\u0085\\u009f');
    expect(visible('\u2028\u2029\ufeff')).toBe('\\u2028\\u2029\\ufeff');
    expect(visible('\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069')).toBe('\\u202a\\u202b\\u202c\\u202d\\u202e\\u2066\\u2067\\u2068\\u2069');
    expect(visible('\u200e\u200f\u061c')).toBe('\\u200e\\u200f\\u061c');
  });

  it('leaves ordinary text as it is: Chinese, full-width punctuation, emoji, a backslash', () => {
    for (const text of ['机关第一党支部', '“七一”活动·主题党日（2022）', '👍🏽 a\\nb', 'C:\\记录\\2022.csv', '']) expect(visible(text)).toBe(text);
  });
});

describe('messages show the values visibly; issues keep them as they were', () => {
  it('a date with a line break, in both languages', () => {
    const issue = makeIssue('invalid-date', ['date'], { value: '2022-01\n-05' }, 'en');
    expect(issue.params).toEqual({ value: '2022-01\n-05' });
    expect(issue.message).toBe('invalid date "2022-01\\n-05": expected a real calendar date as YYYY-MM-DD (China Standard Time, no time or offset)');
    expect(formatLine('invalid-date', { value: '\u202e2022' }, 'zh')).toBe('日期「\\u202e2022」无效：应为真实存在的日历日期，格式 YYYY-MM-DD（中国标准时间，不带时刻和时区）');
    // numbers pass as they are
    expect(formatLine('too-small', { minimum: 0, inclusive: 1 }, 'en')).toBe('too small: must be at least 0');
    // a report's text escapes its own way: formatMessage gives the value as it is
    expect(formatMessage('invalid-date', { value: 'a\nb' }, 'en')).toBe('invalid date "a\nb": expected a real calendar date as YYYY-MM-DD (China Standard Time, no time or offset)');
  });

  it('an unknown code shows its values visibly too', () => {
    expect(formatLine('no-such-code', { value: 'a\nb\u2028c' }, 'en')).toBe('no-such-code {"value":"a\\nb\\u2028c"}');
  });

  it('a value the message names but is not given still shows as {name} (the public localizeIssue)', () => {
    const issue = { code: 'invalid-format', path: [], params: { value: 'a\nb' }, message: '' };
    expect(localizeIssue(issue, 'en').message).toBe('invalid format ({format}): "a\\nb"');
  });

  it('an issue built otherwise than by makeIssue is still shown on one line', () => {
    const issue = { code: 'x', path: ['a'], params: {}, message: 'two\nlines' };
    expect(formatIssues([issue], 'en')).toBe('a: two\\nlines [x]');
  });

  it('a key of the path and a file name: on one line', () => {
    expect(formatPath(['attributes', 'a\u2028b'], 'en')).toBe('attributes["a\\u2028b"]');
    expect(formatPath(['attributes', 'a\nb'], 'en')).toBe('attributes["a\\nb"]');
    const issue = { ...makeIssue('unknown-field', ['x\ny'], { field: 'x\ny' }, 'en'), file: 'a\nb.json', line: 3 };
    expect(formatIssues([issue], 'en')).toBe('a\\nb.json:3 ["x\\ny"]: unknown field "x\\ny" (a typo?) [unknown-field]');
  });
});
