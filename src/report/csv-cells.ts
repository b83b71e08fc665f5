// RFC 4180 cells and rows for spreadsheets, guarded against formula injection.

/**
 * A cell: text (guarded and quoted as needed) or a number (written as is).
 *
 * @example
 * const row: CsvValue[] = ['机关第一党支部', 95.05];
 */
export type CsvValue = string | number;

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/**
 * One CSV cell. Text that a spreadsheet would run as a formula (starting with `=`, `+`, `-`,
 * `@`, a tab or a carriage return) gets a leading single quote, as OWASP advises; text with a
 * comma, a quote or a line break is quoted, quotes doubled (RFC 4180). Numbers are written as
 * numbers, never guarded: `-2` stays a number.
 *
 * @example
 * csvCell('=SUM(A1)'); // "'=SUM(A1)"
 * csvCell('a,"b"'); // '"a,""b"""'
 * csvCell(87.26); // '87.26'
 */
export function csvCell(value: CsvValue): string {
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const guarded = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}

/**
 * A CSV document in pieces, one row each: CRLF after every row, with a byte order mark (with the
 * first row) so that Excel opens the UTF-8 text correctly. In pieces, for documents too big for
 * one string; joined, the document.
 *
 * @example
 * [...csvPieces([['名称'], ['机关第一党支部']])]; // ['\uFEFF名称\r\n', '机关第一党支部\r\n']
 * [...csvPieces([['名称', '得分'], ['机关第一党支部', 95.05]])].join(''); // '\uFEFF名称,得分\r\n机关第一党支部,95.05\r\n'
 */
export function* csvPieces(rows: Iterable<readonly CsvValue[]>, bom = true): Generator<string> {
  let first = true;
  for (const row of rows) {
    yield `${first && bom ? '\uFEFF' : ''}${row.map(csvCell).join(',')}\r\n`;
    first = false;
  }
  if (first && bom) yield '\uFEFF';
}
