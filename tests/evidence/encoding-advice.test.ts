import { describe, expect, it } from 'vitest';
import { readCsv, readNdjson, readPartialState, ValidationError, type ReaderItem } from '../../src/index.js';

// Bytes that are not UTF-8 are said at their line with advice that fits the file: a spreadsheet's
// "CSV UTF-8" only for CSV, and "UTF-16" when the bytes start with its byte order mark (a file
// saved as "Unicode"), where GBK would be a wrong guess (a review of the scale paths).
const GBK_ROW = Uint8Array.from([0xb5, 0xb3, 0xd4, 0xb1]); // 党员 in GBK
const utf16 = (text: string): Uint8Array => Uint8Array.from([0xff, 0xfe, ...Buffer.from(text, 'utf16le')]);
async function issuesOf(items: AsyncIterable<ReaderItem>): Promise<unknown[]> {
  const out: unknown[] = [];
  for await (const item of items) if (item.kind === 'issue') out.push([item.issue.code, item.issue.line, item.issue.params, item.issue.message]);
  return out;
}

describe('invalid-encoding advice', () => {
  it('a CSV in GBK: the line, GBK guessed, the spreadsheet advice', async () => {
    const bytes = Buffer.concat([Buffer.from('id,type,organization,date\nr1,meeting,b1,2022-01-01\n'), GBK_ROW]);
    expect(await issuesOf(readCsv(bytes))).toEqual([
      ['invalid-encoding', 3, { line: 3, format: 'csv' }, '第 3 行起的内容不是 UTF-8 编码（可能是 GBK/GB18030）；请在 Excel 中另存为“CSV UTF-8（逗号分隔）”，或转换为 UTF-8 后重试'],
    ]);
  });

  it('NDJSON saved as UTF-16: UTF-16 named, no spreadsheet advice, in both languages', async () => {
    const bytes = utf16('{"id":"r1"}\n');
    expect(await issuesOf(readNdjson(bytes))).toEqual([
      ['invalid-encoding', 1, { line: 1, format: 'ndjson', guess: 'utf-16' }, '第 1 行起的内容不是 UTF-8 编码（看来是 UTF-16（“Unicode”））；请转换为 UTF-8 后重试'],
    ]);
    const [en] = await issuesOf(readNdjson(bytes, { lang: 'en' }));
    expect((en as unknown[])[3]).toBe('the input is not UTF-8 from line 1 (UTF-16, "Unicode", it seems); convert it to UTF-8');
  });

  it('a run of NUL bytes: no text at all, refused at its line at once (not read as one endless line)', async () => {
    const bytes = Buffer.concat([Buffer.from('id,type,organization,date\nr1,meeting,b1,2022-01-01\n'), new Uint8Array(1 << 20)]);
    expect(await issuesOf(readCsv(bytes))).toEqual([
      ['invalid-encoding', 3, { line: 3, format: 'csv', guess: 'binary' }, '第 3 行起有空字节（\\u0000），不是文本：可能是二进制文件、压缩包或设备文件，请给出 UTF-8 编码的记录文件'],
    ]);
    const [en] = await issuesOf(readNdjson(new Uint8Array(16), { lang: 'en' }));
    expect((en as unknown[])[3]).toBe('the input has NUL bytes (\\u0000) from line 1: not text but a binary file, an archive or a device, it seems; give a UTF-8 records file');
  });

  it('a stray NUL in a cell is that cell\'s problem (the rest read); a run of them is no text', async () => {
    const stray = Buffer.from('id,type,organization,date\nr1,meeting,b1,2022-01-01\u0000\nr2,meeting,b1,2022-02-01\n');
    const issues = await issuesOf(readCsv(stray));
    expect(issues.map((i) => (i as unknown[])[0])).not.toContain('invalid-encoding');
  });

  it('a partial state (JSON) with GBK bytes: JSON advice at its line', async () => {
    const bytes = Buffer.concat([Buffer.from('{\n"format": "'), GBK_ROW, Buffer.from('"}')]);
    const error = await readPartialState(bytes).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    const [issue] = (error as ValidationError).issues;
    expect([issue?.code, issue?.params]).toEqual(['invalid-encoding', { line: 2, format: 'json' }]);
    expect(issue?.message).toBe('第 2 行起的内容不是 UTF-8 编码（可能是 GBK/GB18030）；请转换为 UTF-8 后重试');
  });
});
