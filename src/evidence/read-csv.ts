import { Parser, type Options as CsvParseOptions } from 'csv-parse';
import { parse as parseCsvText } from 'csv-parse/sync';
import type { AttributeValue } from '../model/record.js';
import { attributeCell, csvColumnOf, CSV_REQUIRED_FIELDS, statusCell, type CsvColumn } from './csv-columns.js';
import { checkReaderCall, countOf, InvalidEncodingError, issueItem, ReaderOptionsSchema, recordItem, stopItem, stripBom, textChunks, type ReaderInput, type ReaderOptions } from './reader-common.js';
import type { ReaderItem } from './reader-item.js';

export {
  CSV_ATTRIBUTE_PREFIXES,
  CSV_ATTRIBUTE_TYPES,
  CSV_HEADERS,
  CSV_REQUIRED_FIELDS,
  CSV_STATUS_VALUES,
  type CsvAttributeType,
  type CsvField,
} from './csv-columns.js';

/**
 * The most characters one CSV record (a row, with its quoted line breaks) may have; a longer
 * one is an `invalid-csv` issue and ends the read.
 *
 * @example
 * MAX_CSV_RECORD_CHARS; // 16_777_216
 */
export const MAX_CSV_RECORD_CHARS = 16 * 1024 * 1024;

type CsvEvent = { readonly kind: 'row'; readonly fields: readonly string[]; readonly raw: string } | { readonly kind: 'error'; readonly code: string; readonly raw: string };

// Line breaks reach csv-parse as `\n` only (CRLF is folded before), because its line count
// goes wrong on CRLF inside quoted cells; lines are counted here, from each row's raw text.
// Quotes inside unquoted cells (他说"好") are kept as written, as spreadsheets do. Width is
// checked here so a short row is reported, not fatal. A quote left open would make the rest of
// the file one cell, so a record is capped at MAX_CSV_RECORD_CHARS to keep memory bounded.
const PARSE_OPTIONS = {
  max_record_size: MAX_CSV_RECORD_CHARS,
  raw: true,
  record_delimiter: '\n',
  relax_column_count: true,
  relax_quotes: true,
  skip_empty_lines: true,
  skip_records_with_error: true,
} as const satisfies CsvParseOptions;

/**
 * Reads a records CSV (RFC 4180) as it streams in. The first non-empty row is the header;
 * every later row is one record, reported at the line it starts on (a quoted cell may span
 * lines). A leading BOM is ignored, `\r\n` and `\n` both end rows, and so does a lone `\r` in
 * a file whose first line ends with one (Excel for Mac's CSV); a `\r` at the very end of the
 * input ends the last row. Empty rows (also `,,,`) are skipped, and a line break inside a quoted
 * cell comes out as `\n`.
 *
 * Columns, matched after trimming and ignoring case (see {@link CSV_HEADERS}):
 *
 * | column | header names | cell |
 * | --- | --- | --- |
 * | id (required) | id, 编号, 记录编号 | text |
 * | type (required) | type, 类型, 记录类型 | text |
 * | organization | organization, 党组织, 组织 | text |
 * | person | person, 人员, 责任人 | text |
 * | date (required) | date, 日期 | YYYY-MM-DD |
 * | due | due, 截止日期, 期限 | YYYY-MM-DD |
 * | completed | completed, 完成日期 | YYYY-MM-DD |
 * | status | status, 状态, 审核状态 | approved/已审核/通过/已通过, pending/待审核/审核中, rejected/退回/已退回/未通过; other text unchanged |
 * | source | source, 来源 | text |
 * | title | title, 标题, 名称 | text |
 * | attribute NAME | attr.NAME or 属性.NAME, optionally `:number`/`:数字`, `:boolean`/`:布尔`, `:list`/`:列表`, `:string`/`:文本` | text by default; number: finite decimal; boolean: true/false/是/否/1/0; list: items separated by `|` or `、` |
 *
 * Empty cells are left out of the record (not empty strings); other cells are kept exactly
 * as written, control characters included, for validation to judge. Issues: `unknown-column`,
 * `unknown-column-type` and `duplicate-column` (at the header line; the column is ignored),
 * `missing-column` (no id, type or date column: reading stops), `empty-column-name` (a cell
 * under a column without a name), `csv-row-width` and `invalid-cell` (the row is left out),
 * `invalid-csv` (a quote never closed, or a record over {@link MAX_CSV_RECORD_CHARS}: reading
 * stops), `invalid-encoding` (not UTF-8), `empty-input` (no header).
 *
 * Options {@link ReaderOptions} refuses (`null`, `{ fil: … }`), or an input that is no text,
 * bytes or iterable of them (`null`), are a `ValidationError` thrown when reading starts (the
 * first `next()`), as every other problem with the input shows then.
 *
 * @example
 * const csv = 'id,type,organization,date,attr.attendance:number\nr1,topic-meeting,bureau,2022-03-15,12\n';
 * for await (const item of readCsv(csv)) {
 *   // { kind: 'record', line: 2, value: { id: 'r1', ..., attributes: { attendance: 12 } } }
 * }
 */
export async function* readCsv(input: ReaderInput, options: ReaderOptions = {}): AsyncGenerator<ReaderItem> {
  const lang = checkReaderCall(ReaderOptionsSchema, options, input, { name: 'input', accepts: 'input' });
  const rows = new CsvRows(options);
  const parser = new Parser({ ...PARSE_OPTIONS, on_record: rows.onRecord, on_skip: rows.onSkip });
  let carry = '';
  let linesWritten = 0;
  // How lines end, told by the first line's end (undefined until it is read).
  let breaks: LineBreaks | undefined;
  const write = (text: string): Promise<void> => {
    linesWritten += countOf(text, '\n');
    if (text === '') return Promise.resolve();
    return new Promise((resolve, reject) => parser.write(text, (error) => (error ? reject(error) : resolve())));
  };
  try {
    for await (const chunk of textChunks(input, lang)) {
      // A CRLF may be split between chunks: hold a trailing CR back until the next chunk.
      const text = carry + chunk;
      carry = text.endsWith('\r') ? '\r' : '';
      const whole = carry === '' ? text : text.slice(0, -1);
      breaks ??= lineBreaksOf(whole);
      await write(toLf(whole, breaks));
      yield* rows.drain();
      if (rows.stopped) return;
    }
    // A CR last of all ends the last line, whatever ends the others: it is not part of a cell.
    await new Promise<void>((resolve, reject) => parser.end((error?: Error | null) => (error ? reject(error) : resolve())));
  } catch (error) {
    if (!(error instanceof InvalidEncodingError)) throw error;
    yield* rows.drain();
    if (!rows.stopped) yield stopItem('invalid-encoding', linesWritten + 1, error.params(linesWritten + 1, 'csv'), options);
    return;
  } finally {
    parser.destroy();
  }
  yield* rows.drain();
  yield* rows.finish();
}

/**
 * {@link readCsv} for a text already in memory, synchronously; yields the same items. Options it
 * refuses, or a `text` that is not a string, are a `ValidationError` at the first `next()`.
 *
 * @example
 * const items = [...readCsvSync('编号,类型,党组织,日期\nr1,topic-meeting,bureau,2022-03-15\n')];
 * items[0]; // { kind: 'record', line: 2, value: { id: 'r1', type: 'topic-meeting', organization: 'bureau', date: '2022-03-15' } }
 */
export function* readCsvSync(text: string, options: ReaderOptions = {}): Generator<ReaderItem> {
  checkReaderCall(ReaderOptionsSchema, options, text, { name: 'text', accepts: 'text' });
  const rows = new CsvRows(options);
  const body = stripBom(text);
  // A CR last of all ends the last line (as readCsv takes it).
  const whole = body.endsWith('\r') ? body.slice(0, -1) : body;
  parseCsvText(toLf(whole, lineBreaksOf(whole) ?? 'lf'), { ...PARSE_OPTIONS, on_record: rows.onRecord, on_skip: rows.onSkip });
  yield* rows.drain();
  yield* rows.finish();
}

/** How a file's lines end: `lf` for `\n` or `\r\n`, `cr` for a lone `\r` (Excel for Mac's "CSV"). */
type LineBreaks = 'lf' | 'cr';

/**
 * How lines end, told by the first line's end: a lone CR there is a file of CR-only lines; undefined
 * while the text holds no line end yet. (The text never ends in a CR: the reader holds one back.)
 */
function lineBreaksOf(text: string): LineBreaks | undefined {
  const cr = text.indexOf('\r');
  const lf = text.indexOf('\n');
  if (cr === -1) return lf === -1 ? undefined : 'lf';
  if (lf !== -1 && lf < cr) return 'lf';
  return text[cr + 1] === '\n' ? 'lf' : 'cr';
}

// Every line end as `\n`: CRLF always; a lone CR too in a file of CR-only lines (elsewhere a lone
// CR is a character of its cell, for validation to judge).
function toLf(text: string, breaks: LineBreaks | undefined): string {
  return text.replace(breaks === 'cr' ? /\r\n?/g : /\r\n/g, '\n');
}

function isBlank(fields: readonly string[]): boolean {
  return fields.every((field) => field.trim() === '');
}

// Sets a key as an own data property, so that `__proto__` is a key like any other.
function defineOwn(target: Record<string, AttributeValue>, key: string, value: AttributeValue): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/**
 * Turns csv-parse's rows into reader items: the header into columns, each later row into a
 * record at its starting line. csv-parse calls `onRecord`/`onSkip` in input order while it
 * parses; the events wait in a queue until the reader drains them.
 */
class CsvRows {
  stopped = false;
  private readonly queue: CsvEvent[] = [];
  private newlinesSeen = 0;
  private columns: readonly (CsvColumn | undefined)[] | undefined;
  private unnamedReported = false;

  constructor(private readonly options: ReaderOptions) {}

  // Arrow properties: csv-parse calls them detached. Returning null keeps the parser's own
  // output empty, so nothing accumulates in the stream's buffer.
  readonly onRecord = (row: unknown): null => {
    const { record, raw } = row as { record: string[]; raw: string };
    this.queue.push({ kind: 'row', fields: record, raw });
    return null;
  };

  readonly onSkip = (error: { code?: string } | undefined, raw: string | undefined): undefined => {
    this.queue.push({ kind: 'error', code: error?.code ?? 'CSV_ERROR', raw: raw ?? '' });
    return undefined;
  };

  *drain(): Generator<ReaderItem> {
    // Taken all at once: shifting one by one is quadratic on the many rows of a synchronous read.
    for (const event of this.queue.splice(0)) {
      if (this.stopped) continue;
      let leading = 0;
      while (event.raw.charCodeAt(leading) === 0x0a) leading++;
      const line = this.newlinesSeen + leading + 1;
      this.newlinesSeen += countOf(event.raw, '\n');
      if (event.kind === 'error') {
        this.stopped = true;
        const problem = event.code.replace(/^CSV_/, '').toLowerCase().replace(/_/g, '-');
        yield stopItem('invalid-csv', line, { line, problem, limit: MAX_CSV_RECORD_CHARS }, this.options);
      } else if (!isBlank(event.fields)) {
        yield* this.columns === undefined ? this.header(event.fields, line) : this.row(event.fields, line);
      }
    }
  }

  *finish(): Generator<ReaderItem> {
    if (this.columns === undefined && !this.stopped) yield issueItem('empty-input', 1, {}, this.options);
  }

  private *header(cells: readonly string[], line: number): Generator<ReaderItem> {
    const firstByKey = new Map<string, string>();
    const issues: [code: string, params: Record<string, string>][] = [];
    this.columns = cells.map((cell) => {
      const column = csvColumnOf(cell);
      const { header } = column;
      switch (column.kind) {
        case 'unknown':
          issues.push(['unknown-column', { column: header }]);
          return undefined;
        case 'unknown-type':
          issues.push(['unknown-column-type', { column: header, type: column.type }]);
          return undefined;
        case 'unnamed':
          return column;
        case 'field':
        case 'attribute': {
          const key = column.kind === 'field' ? column.field : `attr.${column.name}`;
          const first = firstByKey.get(key);
          if (first !== undefined) {
            issues.push(['duplicate-column', { column: header, first }]);
            return undefined;
          }
          firstByKey.set(key, header);
          return column;
        }
      }
    });
    for (const [field, label] of CSV_REQUIRED_FIELDS) {
      if (!firstByKey.has(field)) {
        issues.push(['missing-column', { column: field, label }]);
        this.stopped = true;
      }
    }
    for (const [code, params] of issues) yield code === 'missing-column' ? stopItem(code, line, params, this.options) : issueItem(code, line, params, this.options);
  }

  private *row(fields: readonly string[], line: number): Generator<ReaderItem> {
    const columns = this.columns ?? [];
    if (fields.length !== columns.length) {
      yield issueItem('csv-row-width', line, { line, expected: columns.length, actual: fields.length }, this.options);
      return;
    }
    const record: Record<string, unknown> = {};
    let attributes: Record<string, AttributeValue> | undefined;
    let valid = true;
    for (const [index, column] of columns.entries()) {
      const cell = fields[index] ?? '';
      if (cell === '' || column === undefined) continue;
      if (column.kind === 'field') {
        record[column.field] = column.field === 'status' ? statusCell(cell) : cell;
      } else if (column.kind === 'attribute') {
        const converted = attributeCell(cell, column.type);
        if (converted.ok) {
          defineOwn((attributes ??= {}), column.name, converted.value);
        } else {
          valid = false;
          const params = { line, column: column.header, value: cell, expected: converted.expected };
          yield issueItem('invalid-cell', line, params, this.options, [column.header]);
        }
      } else if (column.kind === 'unnamed' && !this.unnamedReported) {
        this.unnamedReported = true;
        yield issueItem('empty-column-name', line, { line, position: index + 1 }, this.options);
      }
    }
    if (!valid) return;
    if (attributes !== undefined) record['attributes'] = attributes;
    yield recordItem(record, line, this.options);
  }
}
