// CSV files whose lines end with a lone CR (Excel for Mac), and a CR at the very end of a file.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readCsv, readCsvSync } from '../../src/evidence/read-csv.js';
import { brief, collect, splitAt, utf8 } from './helpers.js';

const R1 = { id: 'r1', type: 'theme-day', organization: 'br-office', date: '2022-01-05' };
const R2 = { id: 'r2', type: 'theme-day', organization: 'br-office', date: '2022-02-07', title: '第一行\n第二行' };
const expected = [
  ['record', 2, R1],
  ['record', 3, R2],
];

/** The same two records, with lines ended by `end`; the title of the second spans two lines. */
const text = (end: string, last = end): string =>
  `\uFEFF编号,类型,党组织,日期,标题${end}r1,theme-day,br-office,2022-01-05,${end}r2,theme-day,br-office,2022-02-07,"第一行\n第二行"${last}`;

describe('CSV line ends', () => {
  it('CR-only lines (the first line ends with a lone CR): read as LF, each record at its line', async () => {
    expect(brief(await collect(readCsv(text('\r'))))).toEqual(expected);
    expect(brief([...readCsvSync(text('\r'))])).toEqual(expected);
  });

  it('LF and CRLF as before', async () => {
    for (const end of ['\n', '\r\n']) {
      expect(brief(await collect(readCsv(text(end)))), JSON.stringify(end)).toEqual(expected);
      expect(brief([...readCsvSync(text(end))]), JSON.stringify(end)).toEqual(expected);
    }
  });

  it('a lone CR at the very end of an LF file ends the last line: not part of its last cell', async () => {
    const trailing = '编号,类型,党组织,日期\nr1,theme-day,br-office,2022-01-05\r';
    expect(brief(await collect(readCsv(trailing)))).toEqual([['record', 2, R1]]);
    expect(brief([...readCsvSync(trailing)])).toEqual([['record', 2, R1]]);
    // nor a file of one line, the header
    expect(brief(await collect(readCsv('编号,类型,党组织,日期\r')))).toEqual([]);
  });

  it('a lone CR inside a cell of an LF file stays in the cell (for validation to judge)', () => {
    const inside = '编号,类型,党组织,日期\nr1,theme\rday,br-office,2022-01-05\n';
    expect(brief([...readCsvSync(inside)])).toEqual([['record', 2, { ...R1, type: 'theme\rday' }]]);
  });

  it('CR-only, cut anywhere into chunks (a CR at a chunk end included): the same items', async () => {
    const bytes = utf8(text('\r'));
    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer({ min: 1, max: bytes.length - 1 }), { maxLength: 6 }), async (cuts) => {
        expect(brief(await collect(readCsv(splitAt(bytes, cuts))))).toEqual(expected);
      }),
      { numRuns: 200 },
    );
  });
});
