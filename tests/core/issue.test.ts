import { describe, expect, it } from 'vitest';
import { atLine, makeIssue, shiftLines } from '../../src/core/issue.js';

describe('shiftLines', () => {
  it('moves an issue down its file, with the line its message shows, in the language asked', () => {
    const issue = atLine(makeIssue('invalid-json', [], { line: 3, column: 8, problem: 'unexpected-character', found: 'o' }, 'en'), 3, 'r.ndjson');
    const moved = shiftLines(issue, 300, 'zh');
    expect([moved.line, moved.params['line'], moved.file]).toEqual([303, 303, 'r.ndjson']);
    expect(moved.message).toBe(makeIssue('invalid-json', [], { line: 303, column: 8, problem: 'unexpected-character', found: 'o' }, 'zh').message);
    expect(moved.message).toContain('303');
    // the issue given is not changed
    expect([issue.line, issue.params['line']]).toEqual([3, 3]);
  });

  it('an issue whose values hold no line keeps its message; one with no line, or no shift, is the same issue', () => {
    const dated = atLine(makeIssue('invalid-date', ['date'], { value: '2022-02-30' }, 'zh'), 7, 'r.ndjson');
    const moved = shiftLines(dated, 10, 'zh');
    expect([moved.line, moved.message, moved.params]).toEqual([17, dated.message, dated.params]);
    const lineless = makeIssue('invalid-date', ['date'], { value: '2022-02-30' }, 'zh');
    expect(shiftLines(lineless, 10, 'zh')).toBe(lineless);
    expect(shiftLines(dated, 0, 'en')).toBe(dated);
  });
});
