// Code spans in the Markdown report: in a paragraph or list (`code`) and in a table cell
// (`codeCell`). `marked` is not a dependency of the project, so what a renderer reads is worked out
// here from the rules themselves: CommonMark 6.1 (code spans) and the GFM tables extension.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyDecisions, assess, readNdjsonSync } from '../../src/index.js';
import { toMarkdown } from '../../src/report/markdown.js';
import { code, codeCell } from '../../src/report/markdown-text.js';
import { bureauGraph, bureauRules } from './helpers.js';

// A code span read as CommonMark reads it: the opening run of backticks, closed by the next run of
// the same length; one space stripped from each end when both ends are spaces and not all is.
function readCodeSpan(span: string): string {
  const fence = /^`+/.exec(span)?.[0] ?? '';
  expect(fence.length, `${span} opens with backticks`).toBeGreaterThan(0);
  expect(span.length >= 2 * fence.length && span.endsWith(fence), `${span} closes with its fence`).toBe(true);
  const inner = span.slice(fence.length, span.length - fence.length);
  // A backtick next to the fence would make the fence longer; a run as long as the fence would close it.
  expect(inner.startsWith('`') || inner.endsWith('`'), `${span}: a backtick joins the fence`).toBe(false);
  for (const run of inner.match(/`+/g) ?? []) expect(run.length, `${span}: a run inside closes the span`).not.toBe(fence.length);
  return inner.startsWith(' ') && inner.endsWith(' ') && inner.trim() !== '' ? inner.slice(1, -1) : inner;
}

// A table cell as GFM reads it before its inlines: every `|` must be escaped to stay in the cell,
// and the one backslash before each `|` is taken out (cmark-gfm's unescape_pipes).
function readTableCell(cell: string): string {
  for (let i = cell.indexOf('|'); i >= 0; i = cell.indexOf('|', i + 1)) expect(cell[i - 1], `${cell}: a | at ${i} would end the cell`).toBe('\\');
  return cell.replace(/\\\|/g, '|');
}

// Text with every character that matters to a code span or a table, and some that do not.
const awkward = fc.string({ unit: fc.constantFrom('`', '|', '\\', ' ', 'a', '中', '*', '<'), minLength: 1, maxLength: 24 });

describe('code (a paragraph or a list item)', () => {
  it('writes ids hand-checked against CommonMark 6.1', () => {
    expect(code('br-office')).toBe('`br-office`');
    // The review's id: its backticks kept, its | not escaped (a backslash escape does not work in a code span).
    expect(code('derelict|`v2`')).toBe('`` derelict|`v2` ``');
    expect(code('a``b`c')).toBe('```a``b`c```');
    expect(code('`a')).toBe('`` `a ``');
    // A span strips one space from each end when both are spaces: padded, it reads ' a '.
    expect(code(' a ')).toBe('`  a  `');
    expect(code(' ')).toBe('` `');
    expect(code('a\\|b')).toBe('`a\\|b`');
    expect(code('two\nlines\r\nhere')).toBe('`two lines here`');
    expect(code('')).toBe('');
  });

  it('reads back as the text given, whatever backticks, pipes, backslashes and spaces it holds (property)', () => {
    fc.assert(fc.property(fc.oneof(awkward, fc.string({ minLength: 1 }).filter((s) => !/[\r\n]/.test(s))), (text) => readCodeSpan(code(text)) === text));
  });
});

describe('codeCell (a table cell)', () => {
  it('escapes each | for the table, and nothing else (hand-checked)', () => {
    expect(codeCell('organization')).toBe('`organization`');
    expect(codeCell('a|b')).toBe('`a\\|b`');
    expect(codeCell('derelict|`v2`')).toBe('`` derelict\\|`v2` ``');
    // A backslash before a | stays: GFM takes out one backslash before each | in a cell.
    expect(codeCell('a\\|b')).toBe('`a\\\\|b`');
  });

  it('reads back as the text given once GFM has split the row (property)', () => {
    fc.assert(fc.property(awkward, (text) => readCodeSpan(readTableCell(codeCell(text))) === text));
  });
});

describe('ids with | and backticks in the report', () => {
  const rules = structuredClone(bureauRules) as { accountability: { rules: { id: string; trigger: { rule?: string } }[] } };
  const [, derelict, , , , again] = rules.accountability.rules;
  if (!derelict || !again) throw new Error('the bureau has the derelict and derelict-again rules');
  derelict.id = 'derelict|`v2`';
  again.trigger.rule = 'derelict|`v2`';
  const records = readNdjsonSync(readFileSync(new URL('../../examples/bureau-2022/records.ndjson', import.meta.url), 'utf8'));
  const result = assess({ graph: bureauGraph, rules, records });

  it('a rule id after "triggered by" (a paragraph) is written as given', () => {
    const lines = toMarkdown(result).split('\n').filter((l) => l.startsWith('触发：') && l.includes('v2'));
    // 徐涛 and 赵磊 are derelict (the bureau's verdicts): one group of findings each.
    expect(lines).toEqual(['触发：履职评价为失职（不抓党建） · `` derelict|`v2` ``', '触发：履职评价为失职（不抓党建） · `` derelict|`v2` ``']);
  });

  it('a finding id in the decisions table (a cell) has its | escaped', () => {
    const decided = applyDecisions(result, [{ finding: 'derelict|`v2`:p:p-xu-tao>p:p-xu-tao', action: 'confirm', by: '局党委', at: '2023-01-20' }]);
    // The finding by its rule and subject, then its id.
    expect(toMarkdown(decided)).toContain('\n| 不抓党建工作是失职：徐涛（个人） · ``derelict\\|`v2`:p:p-xu-tao>p:p-xu-tao`` | 确认 | 局党委 | 2023-01-20 |');
  });
});
