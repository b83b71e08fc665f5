import type { MessageParams, MessageSection } from './types.js';

const JSON_PROBLEMS: Readonly<Record<string, { zh: string; en: string }>> = {
  'unexpected-character': { zh: '此处不应出现该字符', en: 'unexpected character' },
  'unexpected-end': { zh: '内容意外结束（括号或引号未闭合？）', en: 'unexpected end of input (an unclosed bracket or quote?)' },
  'unterminated-string': { zh: '字符串缺少结束引号', en: 'unterminated string' },
  'invalid-escape': { zh: '无效的转义序列', en: 'invalid escape sequence' },
  'control-character': { zh: '字符串中有未转义的控制字符（如换行）', en: 'unescaped control character (such as a line break) in a string' },
  'invalid-number': { zh: '数字格式错误', en: 'invalid number' },
  'trailing-content': { zh: 'JSON 值之后还有多余内容', en: 'unexpected content after the JSON value' },
};

const JSON_TYPES: Readonly<Record<string, string>> = {
  object: '对象',
  array: '数组',
  string: '字符串',
  number: '数字',
  boolean: '布尔值',
  null: 'null',
};

const CELL_TYPES: Readonly<Record<string, { zh: string; en: string }>> = {
  number: { zh: '数字', en: 'a finite number' },
  boolean: { zh: '布尔值（是/否、true/false、1/0）', en: 'a boolean (true/false, 是/否, 1/0)' },
};

const FILE_ERRORS: Readonly<Record<string, { zh: string; en: string }>> = {
  ENOENT: { zh: '文件不存在', en: 'no such file' },
  EACCES: { zh: '没有读取权限', en: 'permission denied' },
  EPERM: { zh: '没有读取权限', en: 'permission denied' },
  EISDIR: { zh: '这是一个目录，不是文件', en: 'it is a directory, not a file' },
  ENOTDIR: { zh: '路径中有一段不是目录', en: 'a part of the path is not a directory' },
  ELOOP: { zh: '符号链接层数过多（链接成环？）', en: 'too many levels of symbolic links (a loop?)' },
  ENAMETOOLONG: { zh: '文件名过长', en: 'the file name is too long' },
};

const jsonProblem = (p: MessageParams, lang: 'zh' | 'en'): string => JSON_PROBLEMS[String(p['problem'])]?.[lang] ?? String(p['problem']);
const found = (p: MessageParams, lang: 'zh' | 'en'): string =>
  p['found'] === '' || p['found'] === undefined ? '' : lang === 'zh' ? `「${p['found']}」` : ` "${p['found']}"`;

/** Messages of the evidence layer: records, readers and their rows. */
export const evidenceMessages = {
  'invalid-attributes': { zh: () => `attributes 必须是对象`, en: () => `attributes must be an object` },
  'invalid-attribute': {
    zh: (p) => `属性「${p['key']}」的值无效：须为字符串、有限数、布尔值、字符串列表或 null`,
    en: (p) => `attribute "${p['key']}" has an invalid value: use a string, finite number, boolean, list of strings or null`,
  },
  'record-without-subject': {
    zh: () => `记录须至少填写 organization（党组织）或 person（人员）之一`,
    en: () => `a record needs an organization, a person, or both`,
  },
  'unknown-status': {
    zh: (p) => `未知的审核状态「${p['value']}」，可选：approved（已审核）、pending（待审核）、rejected（已退回）`,
    en: (p) => `unknown status "${p['value']}"; allowed: approved, pending, rejected`,
  },
  'invalid-json': {
    zh: (p) => `第 ${p['line']} 行第 ${p['column']} 列${found(p, 'zh')}：JSON 语法错误，${jsonProblem(p, 'zh')}`,
    en: (p) => `invalid JSON at line ${p['line']}, column ${p['column']}${found(p, 'en')}: ${jsonProblem(p, 'en')}`,
  },
  'record-not-object': {
    zh: (p) => `第 ${p['line']} 行的记录应为 JSON 对象（{…}），实际为${JSON_TYPES[String(p['received'])] ?? p['received']}`,
    en: (p) => `the record at line ${p['line']} must be a JSON object ({…}), got ${p['received']}`,
  },
  'duplicate-key': {
    zh: (p) => `第 ${p['line']} 行的记录中字段「${p['key']}」出现了不止一次：JSON 解析只保留最后一个，前面的值会被悄悄丢弃，无法确定哪个是对的，该记录不予读取`,
    en: (p) => `the record at line ${p['line']} gives field "${p['key']}" more than once: JSON parsing keeps only the last, dropping the others without a word, so which is meant cannot be told and the record is not read`,
  },
  'duplicate-field': {
    zh: (p) => `第 ${p['line']} 行：字段「${p['field']}」在同一个对象中出现了不止一次：JSON 解析只保留最后一个，前面的值会被悄悄丢弃；请删去多余的一个`,
    en: (p) => `line ${p['line']}: field "${p['field']}" is given more than once in one object: JSON parsing keeps only the last, dropping the others without a word; remove the extra one`,
  },
  'ndjson-line-too-long': {
    zh: (p) => `第 ${p['line']} 行超过 ${p['limit']} 个字符，过长，无法作为一条记录读取（换行符丢失？），该行已跳过`,
    en: (p) => `line ${p['line']} is longer than ${p['limit']} characters, too long to read as one record (missing line breaks?); the line is skipped`,
  },
  'json-not-object': {
    zh: (p) => `文档应为一个 JSON 对象（{…}），实际为${JSON_TYPES[String(p['received'])] ?? p['received']}`,
    en: (p) => `the document must be one JSON object ({…}), got ${p['received']}`,
  },
  'json-value-too-long': {
    zh: (p) => `第 ${p['line']} 行起的一个值超过了运行环境单个字符串的上限（${p['limit']} 个字符），无法读入`,
    en: (p) => `the value starting at line ${p['line']} is longer than the runtime's limit of ${p['limit']} characters in one string and cannot be read`,
  },
  'empty-input': { zh: () => `输入为空，没有任何内容`, en: () => `the input is empty` },
  'json-not-records': {
    zh: (p) => `JSON 顶层应为记录数组，或带 "records" 数组的对象，实际为${p['received'] === 'object' ? '不含 "records" 数组的对象' : (JSON_TYPES[String(p['received'])] ?? p['received'])}`,
    en: (p) => `expected a JSON array of records or an object with a "records" array, got ${p['received'] === 'object' ? 'an object without a "records" array' : p['received']}`,
  },
  // `format`: json and ndjson files get no spreadsheet advice; `guess: utf-16` for bytes that start
  // with a UTF-16 byte order mark. Without them (an issue from an older shard), the CSV wording.
  'invalid-encoding': {
    zh: (p) =>
      p['guess'] === 'binary'
        ? `第 ${p['line']} 行起有空字节（\\u0000），不是文本：可能是二进制文件、压缩包或设备文件，请给出 UTF-8 编码的记录文件`
        : `第 ${p['line']} 行起的内容不是 UTF-8 编码（${p['guess'] === 'utf-16' ? '看来是 UTF-16（“Unicode”）' : '可能是 GBK/GB18030'}）；${p['format'] === 'json' || p['format'] === 'ndjson' ? '请转换为 UTF-8 后重试' : '请在 Excel 中另存为“CSV UTF-8（逗号分隔）”，或转换为 UTF-8 后重试'}`,
    en: (p) =>
      p['guess'] === 'binary'
        ? `the input has NUL bytes (\\u0000) from line ${p['line']}: not text but a binary file, an archive or a device, it seems; give a UTF-8 records file`
        : `the input is not UTF-8 from line ${p['line']} (${p['guess'] === 'utf-16' ? 'UTF-16, "Unicode", it seems' : 'GBK/GB18030 perhaps'}); ${p['format'] === 'json' || p['format'] === 'ndjson' ? 'convert it to UTF-8' : 'save it as "CSV UTF-8" or convert it to UTF-8'}`,
  },
  'invalid-csv': {
    zh: (p) =>
      p['problem'] === 'quote-not-closed'
        ? `第 ${p['line']} 行开始的引号直到文件末尾都没有闭合，之后的内容无法读取`
        : p['problem'] === 'max-record-size'
          ? `第 ${p['line']} 行开始的记录超过 ${p['limit']} 个字符（引号没有闭合？），之后的内容无法读取`
          : `第 ${p['line']} 行 CSV 格式错误（${p['problem']}），之后的内容无法读取`,
    en: (p) =>
      p['problem'] === 'quote-not-closed'
        ? `the quote opened in the row at line ${p['line']} is never closed; nothing after it can be read`
        : p['problem'] === 'max-record-size'
          ? `the record at line ${p['line']} is longer than ${p['limit']} characters (an unclosed quote?); nothing after it can be read`
          : `malformed CSV at line ${p['line']} (${p['problem']}); nothing after it can be read`,
  },
  'unknown-column': {
    zh: (p) => `未知的列「${p['column']}」，该列已忽略（属性列请写作 attr.名称 或 属性.名称）`,
    en: (p) => `unknown column "${p['column']}", ignored (attribute columns are written attr.NAME or 属性.NAME)`,
  },
  'unknown-column-type': {
    zh: (p) => `列「${p['column']}」的类型「${p['type']}」未知，可选：数字（number）、布尔（boolean）、列表（list）、文本（string）；该列已忽略`,
    en: (p) => `column "${p['column']}" has an unknown type "${p['type']}"; allowed: number, boolean, list, string; the column is ignored`,
  },
  'missing-column': {
    zh: (p) => `缺少必需的列「${p['label']}」（${p['column']}），无法读取记录`,
    en: (p) => `the required column "${p['column']}" (${p['label']}) is missing; no record can be read`,
  },
  'duplicate-column': {
    zh: (p) => `列「${p['column']}」与前面的列「${p['first']}」重复，该列已忽略`,
    en: (p) => `column "${p['column']}" repeats the earlier column "${p['first']}" and is ignored`,
  },
  'empty-column-name': {
    zh: (p) => `第 ${p['line']} 行在第 ${p['position']} 列填了内容，但该列没有列名，内容已忽略`,
    en: (p) => `line ${p['line']} has a value in column ${p['position']}, which has no header; the value is ignored`,
  },
  'csv-row-width': {
    zh: (p) => `第 ${p['line']} 行有 ${p['actual']} 个字段，与表头的 ${p['expected']} 列不符（逗号或引号有误？），该行已跳过`,
    en: (p) => `line ${p['line']} has ${p['actual']} fields but the header has ${p['expected']} columns (a stray comma or quote?); the row is skipped`,
  },
  'invalid-cell': {
    zh: (p) => `第 ${p['line']} 行「${p['column']}」列的值「${p['value']}」不是${CELL_TYPES[String(p['expected'])]?.zh ?? p['expected']}，该行已跳过`,
    en: (p) => `line ${p['line']}, column "${p['column']}": "${p['value']}" is not ${CELL_TYPES[String(p['expected'])]?.en ?? p['expected']}; the row is skipped`,
  },
  'file-unreadable': {
    zh: (p) => `无法读取文件「${p['path']}」：${FILE_ERRORS[String(p['reason'])]?.zh ?? p['reason']}`,
    en: (p) => `cannot read the file "${p['path']}": ${FILE_ERRORS[String(p['reason'])]?.en ?? p['reason']}`,
  },
  'file-too-large': {
    zh: (p) =>
      `文件「${p['path']}」太大，无法作为一个 JSON 文档整体读入（超过运行环境单个字符串的上限 ${p['limit']} 个字符）：记录请改用 NDJSON 或 CSV（逐行读取，没有这个上限）`,
    en: (p) =>
      `the file "${p['path']}" is too large to read as one JSON document (over the runtime's limit of ${p['limit']} characters in one string): give records as NDJSON or CSV (read line by line, with no such limit)`,
  },
} as const satisfies MessageSection;
