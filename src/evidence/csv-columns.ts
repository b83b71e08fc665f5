import type { AttributeValue, RecordStatus } from '../model/record.js';

/** A record field that has its own CSV column (everything but `attributes`). */
export type CsvField = 'id' | 'type' | 'organization' | 'person' | 'date' | 'due' | 'completed' | 'status' | 'source' | 'title';

/** How an attribute column's cells are read. */
export type CsvAttributeType = 'string' | 'number' | 'boolean' | 'list';

/**
 * Header names of the record fields, lower-cased: English or Chinese, matched after trimming
 * and ignoring case.
 *
 * @example
 * CSV_HEADERS.get('编号'); // 'id'
 */
export const CSV_HEADERS: ReadonlyMap<string, CsvField> = new Map<string, CsvField>([
  ['id', 'id'],
  ['编号', 'id'],
  ['记录编号', 'id'],
  ['type', 'type'],
  ['类型', 'type'],
  ['记录类型', 'type'],
  ['organization', 'organization'],
  ['党组织', 'organization'],
  ['组织', 'organization'],
  ['person', 'person'],
  ['人员', 'person'],
  ['责任人', 'person'],
  ['date', 'date'],
  ['日期', 'date'],
  ['due', 'due'],
  ['截止日期', 'due'],
  ['期限', 'due'],
  ['completed', 'completed'],
  ['完成日期', 'completed'],
  ['status', 'status'],
  ['状态', 'status'],
  ['审核状态', 'status'],
  ['source', 'source'],
  ['来源', 'source'],
  ['title', 'title'],
  ['标题', 'title'],
  ['名称', 'title'],
]);

/**
 * Columns a records CSV must have, with the Chinese name used in messages.
 *
 * @example
 * [...CSV_REQUIRED_FIELDS.keys()]; // ['id', 'type', 'date']
 */
export const CSV_REQUIRED_FIELDS: ReadonlyMap<CsvField, string> = new Map<CsvField, string>([
  ['id', '编号'],
  ['type', '类型'],
  ['date', '日期'],
]);

/**
 * Status cell values, lower-cased, and the status they stand for. Other text passes through
 * unchanged, so that validation names it.
 *
 * @example
 * CSV_STATUS_VALUES.get('已审核'); // 'approved'
 */
export const CSV_STATUS_VALUES: ReadonlyMap<string, RecordStatus> = new Map<string, RecordStatus>([
  ['approved', 'approved'],
  ['已审核', 'approved'],
  ['通过', 'approved'],
  ['已通过', 'approved'],
  ['pending', 'pending'],
  ['待审核', 'pending'],
  ['审核中', 'pending'],
  ['rejected', 'rejected'],
  ['退回', 'rejected'],
  ['已退回', 'rejected'],
  ['未通过', 'rejected'],
]);

/**
 * Prefixes of attribute columns (`attr.` matched ignoring case).
 *
 * @example
 * CSV_ATTRIBUTE_PREFIXES; // ['attr.', '属性.']
 */
export const CSV_ATTRIBUTE_PREFIXES: readonly string[] = ['attr.', '属性.'];

/**
 * Type suffixes of attribute columns, lower-cased (`attr.count:number`, `属性.人数:数字`; a
 * full-width colon works too). Without a suffix the column is text.
 *
 * @example
 * CSV_ATTRIBUTE_TYPES.get('列表'); // 'list'
 */
export const CSV_ATTRIBUTE_TYPES: ReadonlyMap<string, CsvAttributeType> = new Map<string, CsvAttributeType>([
  ['string', 'string'],
  ['文本', 'string'],
  ['number', 'number'],
  ['数字', 'number'],
  ['boolean', 'boolean'],
  ['布尔', 'boolean'],
  ['list', 'list'],
  ['列表', 'list'],
]);

const BOOLEAN_CELLS: ReadonlyMap<string, boolean> = new Map([
  ['true', true],
  ['是', true],
  ['1', true],
  ['false', false],
  ['否', false],
  ['0', false],
]);

const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const LIST_SEPARATOR = /[|、]/;

/** What one header cell means. */
export type CsvColumn =
  | { readonly kind: 'field'; readonly header: string; readonly field: CsvField }
  | { readonly kind: 'attribute'; readonly header: string; readonly name: string; readonly type: CsvAttributeType }
  | { readonly kind: 'unknown'; readonly header: string }
  | { readonly kind: 'unknown-type'; readonly header: string; readonly type: string }
  | { readonly kind: 'unnamed'; readonly header: string };

/**
 * Reads one header cell.
 *
 * @example
 * csvColumnOf(' 属性.人数:数字 '); // { kind: 'attribute', header: '属性.人数:数字', name: '人数', type: 'number' }
 * csvColumnOf('Date'); // { kind: 'field', header: 'Date', field: 'date' }
 */
export function csvColumnOf(cell: string): CsvColumn {
  const header = cell.trim();
  if (header === '') return { kind: 'unnamed', header };
  const field = CSV_HEADERS.get(header.toLowerCase());
  if (field !== undefined) return { kind: 'field', header, field };
  const prefix = CSV_ATTRIBUTE_PREFIXES.find((p) => header.toLowerCase().startsWith(p));
  if (prefix === undefined) return { kind: 'unknown', header };
  const spec = header.slice(prefix.length);
  const colon = Math.max(spec.lastIndexOf(':'), spec.lastIndexOf('：'));
  const name = (colon === -1 ? spec : spec.slice(0, colon)).trim();
  if (name === '') return { kind: 'unknown', header };
  if (colon === -1) return { kind: 'attribute', header, name, type: 'string' };
  const suffix = spec.slice(colon + 1).trim();
  const type = CSV_ATTRIBUTE_TYPES.get(suffix.toLowerCase());
  return type === undefined ? { kind: 'unknown-type', header, type: suffix } : { kind: 'attribute', header, name, type };
}

/** A converted cell, or the type it failed to be. */
export type CellValue = { readonly ok: true; readonly value: AttributeValue } | { readonly ok: false; readonly expected: 'number' | 'boolean' };

/**
 * Converts a non-empty attribute cell to its column's type. Numbers are decimal (`12`, `-0.5`,
 * `1e3`) and finite; booleans are true/false/是/否/1/0 ignoring case; list items are separated
 * by `|` or `、`, trimmed, empty items dropped; text is kept exactly as written.
 *
 * @example
 * attributeCell('张三、李四', 'list'); // { ok: true, value: ['张三', '李四'] }
 * attributeCell('十二', 'number'); // { ok: false, expected: 'number' }
 */
export function attributeCell(cell: string, type: CsvAttributeType): CellValue {
  switch (type) {
    case 'string':
      return { ok: true, value: cell };
    case 'number': {
      const text = cell.trim();
      const value = Number(text);
      return DECIMAL.test(text) && Number.isFinite(value) ? { ok: true, value } : { ok: false, expected: 'number' };
    }
    case 'boolean': {
      const value = BOOLEAN_CELLS.get(cell.trim().toLowerCase());
      return value === undefined ? { ok: false, expected: 'boolean' } : { ok: true, value };
    }
    case 'list':
      return {
        ok: true,
        value: cell
          .split(LIST_SEPARATOR)
          .map((item) => item.trim())
          .filter((item) => item !== ''),
      };
  }
}

/**
 * A status cell as a record status when it is one of the known spellings, else unchanged.
 *
 * @example
 * statusCell('待审核'); // 'pending'
 * statusCell('draft'); // 'draft'
 */
export function statusCell(cell: string): string {
  return CSV_STATUS_VALUES.get(cell.trim().toLowerCase()) ?? cell;
}
