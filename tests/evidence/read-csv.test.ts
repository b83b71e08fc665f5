import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeRecord } from '../../src/evidence/normalize.js';
import { CSV_HEADERS, CSV_STATUS_VALUES, MAX_CSV_RECORD_CHARS, readCsv, readCsvSync } from '../../src/evidence/read-csv.js';
import { brief, collect, endless, issuesOf, recordLines, splitAt, trackedSource, utf8, valuesOf } from './helpers.js';

const HEADER = 'id,type,organization,date';
const csv = (...lines: string[]): string => lines.join('\n') + '\n';

describe('readCsv', () => {
  it('gives one record per row, at its line, with empty cells left out', async () => {
    const text = csv('id,type,organization,person,date,title', 'r1,topic-meeting,bureau,,2022-03-15,学习会', 'r2,lecture,,p1,2022-04-01,');
    expect(brief(await collect(readCsv(text)))).toEqual([
      ['record', 2, { id: 'r1', type: 'topic-meeting', organization: 'bureau', date: '2022-03-15', title: '学习会' }],
      ['record', 3, { id: 'r2', type: 'lecture', person: 'p1', date: '2022-04-01' }],
    ]);
  });

  it('reads Chinese headers, and English ones ignoring case and surrounding spaces', () => {
    const chinese = csv('记录编号,记录类型,党组织,责任人,日期,截止日期,完成日期,审核状态,来源,名称', 'r1,task,b1,p1,2022-01-01,2022-02-01,2022-01-20,通过,oa,任务');
    const english = csv(' ID , Type,ORGANIZATION,Person,Date,Due,Completed,Status,Source,Title', 'r1,task,b1,p1,2022-01-01,2022-02-01,2022-01-20,approved,oa,任务');
    const expected = { id: 'r1', type: 'task', organization: 'b1', person: 'p1', date: '2022-01-01', due: '2022-02-01', completed: '2022-01-20', status: 'approved', source: 'oa', title: '任务' };
    expect(valuesOf([...readCsvSync(chinese)])).toEqual([expected]);
    expect(valuesOf([...readCsvSync(english)])).toEqual([expected]);
    const other = csv('编号,类型,组织,人员,日期,期限,状态,标题', 'r1,task,b1,p1,2022-01-01,2022-02-01,pending,任务');
    expect(valuesOf([...readCsvSync(other)])).toEqual([{ id: 'r1', type: 'task', organization: 'b1', person: 'p1', date: '2022-01-01', due: '2022-02-01', status: 'pending', title: '任务' }]);
  });

  it('exports every header name of the layout', () => {
    const names = ['id', '编号', '记录编号', 'type', '类型', '记录类型', 'organization', '党组织', '组织', 'person', '人员', '责任人', 'date', '日期', 'due', '截止日期', '期限', 'completed', '完成日期', 'status', '状态', '审核状态', 'source', '来源', 'title', '标题', '名称'];
    expect([...CSV_HEADERS.keys()].sort()).toEqual([...names].sort());
  });

  it('maps status spellings, passing other text through unchanged', () => {
    const statuses = [...CSV_STATUS_VALUES.keys(), 'Approved', ' 已通过 ', 'draft', '作废'];
    const text = csv('id,type,organization,date,status', ...statuses.map((s, i) => `r${i},t,b1,2022-01-01,${s}`));
    const got = valuesOf([...readCsvSync(text)]).map((v) => v['status']);
    expect(got).toEqual([
      ...['approved', 'approved', 'approved', 'approved', 'pending', 'pending', 'pending', 'rejected', 'rejected', 'rejected', 'rejected'],
      'approved',
      'approved',
      'draft',
      '作废',
    ]);
  });

  it('types attribute columns: number, boolean, list, text', () => {
    const text = csv(
      `${HEADER},attr.count:number,属性.人数:数字,attr.online:boolean,属性.线上：布尔,attr.people:list,属性.参会:列表,attr.topic,属性.备注:文本`,
      `r1,t,b1,2022-01-01,12,-0.5,true,是,a|b| c ,张三、李四,研究部署, 007 `,
      `r2,t,b1,2022-01-01, 1e3 ,+3.,FALSE,否,x,,,`,
      `r3,t,b1,2022-01-01,.5,0,1,0,|,,,`,
    );
    expect(valuesOf([...readCsvSync(text)]).map((v) => v['attributes'])).toEqual([
      { count: 12, 人数: -0.5, online: true, 线上: true, people: ['a', 'b', 'c'], 参会: ['张三', '李四'], topic: '研究部署', 备注: ' 007 ' },
      { count: 1000, 人数: 3, online: false, 线上: false, people: ['x'] },
      { count: 0.5, 人数: 0, online: true, 线上: false, people: [] },
    ]);
  });

  it('leaves attributes out when a row has none', () => {
    const [value] = valuesOf([...readCsvSync(csv(`${HEADER},attr.topic`, 'r1,t,b1,2022-01-01,'))]);
    expect(value).toEqual({ id: 'r1', type: 't', organization: 'b1', date: '2022-01-01' });
  });

  it('reports a cell that is not a finite number or a boolean as invalid-cell, and leaves the row out', () => {
    const text = csv(`${HEADER},属性.人数:数字,attr.ok:boolean`, 'r1,t,b1,2022-01-01,十二,maybe', 'r2,t,b1,2022-01-01,1e999,1', 'r3,t,b1,2022-01-01,0x10,0', 'r4,t,b1,2022-01-01,Infinity,', 'r5,t,b1,2022-01-01,5,yes', 'r6,t,b1,2022-01-01,6,是');
    const items = [...readCsvSync(text)];
    expect(issuesOf(items).map((i) => [i.code, i.line, i.params['column'], i.params['value']])).toEqual([
      ['invalid-cell', 2, '属性.人数:数字', '十二'],
      ['invalid-cell', 2, 'attr.ok:boolean', 'maybe'],
      ['invalid-cell', 3, '属性.人数:数字', '1e999'],
      ['invalid-cell', 4, '属性.人数:数字', '0x10'],
      ['invalid-cell', 5, '属性.人数:数字', 'Infinity'],
      ['invalid-cell', 6, 'attr.ok:boolean', 'yes'],
    ]);
    expect(recordLines(items)).toEqual([7]);
    expect(issuesOf(items)[0]?.message).toBe('第 2 行「属性.人数:数字」列的值「十二」不是数字，该行已跳过');
    expect(issuesOf(items)[0]?.path).toEqual(['属性.人数:数字']);
  });

  it('reads quoted cells with commas, quotes and line breaks; a row is at the line it starts on', async () => {
    const text = csv(
      `${HEADER},title`, //                       1
      'r1,t,b1,2022-01-01,"一，二, three"', //   2
      'r2,t,b1,2022-01-01,"第一行', //            3
      '', //                                      4
      '第三行 ""引用"""', //                      5
      'r3,t,b1,2022-01-01,"a""b"', //             6
      '"r4",t,b1,2022-01-01,"', //                7
      '"', //                                     8
      'r5,t,b1,2022-01-01,', //                   9
    );
    const items = await collect(readCsv(text));
    expect(recordLines(items)).toEqual([2, 3, 6, 7, 9]);
    expect(valuesOf(items).map((v) => v['title'])).toEqual(['一，二, three', '第一行\n\n第三行 "引用"', 'a"b', '\n', undefined]);
  });

  it('ignores a BOM and reads CRLF, turning CRLF inside a quoted cell into \\n', async () => {
    const text = '\uFEFFid,type,organization,date,title\r\nr1,t,b1,2022-01-01,"a\r\nb"\r\n\r\nr2,t,b1,2022-01-02,c\r\n';
    const items = await collect(readCsv(text));
    expect(brief(items)).toEqual([
      ['record', 2, { id: 'r1', type: 't', organization: 'b1', date: '2022-01-01', title: 'a\nb' }],
      ['record', 5, { id: 'r2', type: 't', organization: 'b1', date: '2022-01-02', title: 'c' }],
    ]);
    expect(brief([...readCsvSync(text)])).toEqual(brief(items));
  });

  it('skips empty rows, whitespace-only rows and rows of empty cells, before and after the header', () => {
    const items = [...readCsvSync('\n,,,\n' + csv(HEADER, '', 'r1,t,b1,2022-01-01', ',,,', '   ', 'r2,t,b1,2022-01-01'))];
    expect(issuesOf(items)).toEqual([]);
    expect(recordLines(items)).toEqual([5, 8]);
  });

  it('keeps quotes inside unquoted cells and control characters as written', () => {
    const [value] = valuesOf([...readCsvSync(csv(`${HEADER},title`, 'r1,t,b1,2022-01-01,他说"好"\u0001\u007f\ttab'))]);
    expect(value?.['title']).toBe('他说"好"\u0001\u007f\ttab');
  });

  it('reports an unknown column once, at line 1, and ignores it', () => {
    const items = [...readCsvSync(csv(`${HEADER},remark,attr.`, 'r1,t,b1,2022-01-01,x,y', 'r2,t,b1,2022-01-01,x,y'))];
    expect(issuesOf(items).map((i) => [i.code, i.line, i.params['column']])).toEqual([
      ['unknown-column', 1, 'remark'],
      ['unknown-column', 1, 'attr.'],
    ]);
    expect(valuesOf(items)).toEqual([
      { id: 'r1', type: 't', organization: 'b1', date: '2022-01-01' },
      { id: 'r2', type: 't', organization: 'b1', date: '2022-01-01' },
    ]);
  });

  it('reports an unknown attribute type and ignores the column', () => {
    const items = [...readCsvSync(csv(`${HEADER},attr.when:date`, 'r1,t,b1,2022-01-01,x'))];
    expect(issuesOf(items).map((i) => [i.code, i.line, i.params])).toEqual([['unknown-column-type', 1, { column: 'attr.when:date', type: 'date' }]]);
    expect(valuesOf(items)[0]).not.toHaveProperty('attributes');
  });

  it('reports each missing required column and reads no row', () => {
    const items = [...readCsvSync(csv('organization,记录类型', 'b1,t'), { lang: 'en' })];
    expect(issuesOf(items).map((i) => [i.code, i.line, i.params['column']])).toEqual([
      ['missing-column', 1, 'id'],
      ['missing-column', 1, 'date'],
    ]);
    expect(recordLines(items)).toEqual([]);
    expect(issuesOf([...readCsvSync('编号,类型\n')])[0]?.message).toBe('缺少必需的列「日期」（date），无法读取记录');
  });

  it('reports a repeated column (in any spelling) and ignores the later one', () => {
    const items = [...readCsvSync(csv(`${HEADER},编号,attr.x,属性.x:number`, 'r1,t,b1,2022-01-01,r9,a,1'))];
    expect(issuesOf(items).map((i) => [i.code, i.line, i.params])).toEqual([
      ['duplicate-column', 1, { column: '编号', first: 'id' }],
      ['duplicate-column', 1, { column: '属性.x:number', first: 'attr.x' }],
    ]);
    expect(valuesOf(items)).toEqual([{ id: 'r1', type: 't', organization: 'b1', date: '2022-01-01', attributes: { x: 'a' } }]);
  });

  it('ignores a column without a name, reporting it only when a row fills it', () => {
    expect(issuesOf([...readCsvSync(csv(`${HEADER},,`, 'r1,t,b1,2022-01-01,,'))])).toEqual([]);
    const items = [...readCsvSync(csv(`${HEADER},`, 'r1,t,b1,2022-01-01,', 'r2,t,b1,2022-01-01,lost', 'r3,t,b1,2022-01-01,lost'))];
    expect(issuesOf(items).map((i) => [i.code, i.line, i.params['position']])).toEqual([['empty-column-name', 3, 5]]);
    expect(recordLines(items)).toEqual([2, 3, 4]);
  });

  it('reports a row with a different number of fields as csv-row-width and leaves it out', () => {
    const items = [...readCsvSync(csv(HEADER, 'r1,t,b1', 'r2,t,b1,2022-01-01', 'r3,t,b1,2022-01-01,extra'))];
    expect(issuesOf(items).map((i) => [i.code, i.line, i.params['expected'], i.params['actual']])).toEqual([
      ['csv-row-width', 2, 4, 3],
      ['csv-row-width', 4, 4, 5],
    ]);
    expect(recordLines(items)).toEqual([3]);
    expect(issuesOf(items)[0]?.message).toBe('第 2 行有 3 个字段，与表头的 4 列不符（逗号或引号有误？），该行已跳过');
  });

  it('reports a quote never closed as invalid-csv at the row it opens in, after the rows before it', async () => {
    const text = csv(`${HEADER},title`, 'r1,t,b1,2022-01-01,ok', '', 'r2,t,b1,2022-01-01,"never closed', 'r3,t,b1,2022-01-01,x');
    for (const items of [[...readCsvSync(text)], await collect(readCsv(text))]) {
      expect(brief(items).map(([kind, line]) => [kind, line])).toEqual([
        ['record', 2],
        ['issue', 4],
      ]);
      expect(issuesOf(items)[0]).toMatchObject({ code: 'invalid-csv', params: { line: 4, problem: 'quote-not-closed' } });
    }
  });

  it('stops at a record longer than MAX_CSV_RECORD_CHARS (an open quote swallowing the file) instead of buffering on', async () => {
    const filler = `${'x'.repeat(1023)}\n`.repeat(MAX_CSV_RECORD_CHARS / 1024 + 1);
    const text = csv(`${HEADER},title`, 'r1,t,b1,2022-01-01,ok', 'r2,t,b1,2022-01-01,"open') + filler + 'r3,t,b1,2022-01-01,x\n';
    const items = await collect(readCsv([text.slice(0, 100), text.slice(100)]));
    expect(brief(items).map(([kind, line]) => [kind, line])).toEqual([
      ['record', 2],
      ['issue', 3],
    ]);
    expect(issuesOf(items)[0]?.params).toEqual({ line: 3, problem: 'max-record-size', limit: MAX_CSV_RECORD_CHARS });
    expect(issuesOf(items)[0]?.message).toBe('第 3 行开始的记录超过 16777216 个字符（引号没有闭合？），之后的内容无法读取');
  });

  it('reports an input without a header as empty-input', async () => {
    for (const text of ['', '\n\n', '\uFEFF', ',,\n']) {
      expect(brief(await collect(readCsv(text)))).toEqual([['issue', 1, 'empty-input']]);
    }
  });

  it('makes __proto__ and constructor attributes own keys of a plain object, leaving Object.prototype alone', () => {
    const [value] = valuesOf([...readCsvSync(csv(`${HEADER},attr.__proto__,属性.constructor,attr.toString:number`, 'r1,t,b1,2022-01-01,polluted,x,3'))]);
    const attributes = value?.['attributes'] as Record<string, unknown>;
    expect(Object.getPrototypeOf(attributes)).toBe(Object.prototype);
    expect(Object.keys(attributes)).toEqual(['__proto__', 'constructor', 'toString']);
    expect(Object.getOwnPropertyDescriptor(attributes, '__proto__')?.value).toBe('polluted');
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(Object.getOwnPropertyNames(Object.prototype)).not.toContain('polluted');
    const normalized = normalizeRecord(value);
    expect(normalized.ok && [...normalized.record.attributes]).toEqual([
      ['__proto__', 'polluted'],
      ['constructor', 'x'],
      ['toString', 3],
    ]);
  });

  it('gives the same items for chunk splits at every byte offset, inside Chinese characters too', async () => {
    const text = '\uFEFF编号,类型,党组织,日期,标题,属性.人数:数字\r\nr1,t,b1,2022-01-01,"学习,\r\n贯彻",12\r\n\r\nr2,t,b1,2022-01-02,研讨,十二\r\nr3,t\r\nr4,t,b1,2022-01-03,"""引""",3';
    const bytes = utf8(text);
    const expected = brief([...readCsvSync(text)]);
    expect(expected).toEqual([
      ['record', 2, { id: 'r1', type: 't', organization: 'b1', date: '2022-01-01', title: '学习,\n贯彻', attributes: { 人数: 12 } }],
      ['issue', 5, 'invalid-cell'],
      ['issue', 6, 'csv-row-width'],
      ['record', 7, { id: 'r4', type: 't', organization: 'b1', date: '2022-01-03', title: '"引"', attributes: { 人数: 3 } }],
    ]);
    for (let offset = 0; offset <= bytes.length; offset++) {
      expect(brief(await collect(readCsv(splitAt(bytes, [offset])))), `split at ${offset}`).toEqual(expected);
    }
    await fc.assert(
      fc.asyncProperty(fc.array(fc.nat({ max: bytes.length }), { maxLength: 12 }), async (offsets) => {
        expect(brief(await collect(readCsv(splitAt(bytes, offsets))))).toEqual(expected);
      }),
    );
  });

  it('agrees with readCsvSync on arbitrary rows', async () => {
    const cell = fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom('"a,b"', '"x\ny"', '""', '"q""q"', '12', '是'));
    const row = fc.array(cell, { minLength: 3, maxLength: 5 }).map((cells) => cells.join(','));
    await fc.assert(
      fc.asyncProperty(fc.array(row, { maxLength: 6 }), fc.constantFrom('\n', '\r\n'), async (rows, newline) => {
        const text = ['id,type,date,attr.n:number,attr.b:boolean', ...rows].join(newline);
        expect(brief(await collect(readCsv(text)))).toEqual(brief([...readCsvSync(text)]));
      }),
    );
  });

  it('streams: yields records before the input ends, and closes the source when the reader stops', async () => {
    const { source, pulled, closed } = trackedSource(endless((n) => (n === 1 ? `${HEADER}\n` : `r${n},t,b1,2022-01-01\n`)));
    const seen: number[] = [];
    for await (const item of readCsv(source)) {
      if (item.kind === 'record') seen.push(item.line);
      if (seen.length === 3) break;
    }
    expect(seen).toEqual([2, 3, 4]);
    expect(pulled()).toBeLessThanOrEqual(5);
    expect(closed()).toBe(true);
  });

  it('reports a GBK file as invalid-encoding at the line of its first bad byte', async () => {
    const gbk = new Uint8Array([...utf8(`${HEADER}\nr1,t,b1,2022-01-01\nr2,t,`), 0xd6, 0xd0, ...utf8(',2022-01-01\n')]);
    const items = await collect(readCsv([gbk], { file: 'records.csv' }));
    expect(brief(items).map(([kind, line, what]) => [kind, line, kind === 'issue' ? what : null])).toEqual([
      ['record', 2, null],
      ['issue', 3, 'invalid-encoding'],
    ]);
    expect(issuesOf(items)[0]).toMatchObject({ file: 'records.csv', line: 3 });
  });

  it('yields values that normalizeRecord accepts', () => {
    const text = csv('编号,类型,党组织,日期,审核状态,属性.人数:数字,attr.online:boolean,attr.people:list', 'r1,topic-meeting,bureau,2022-03-15,已审核,12,是,张三|李四');
    const [value] = valuesOf([...readCsvSync(text)]);
    const normalized = normalizeRecord(value);
    expect(normalized.ok).toBe(true);
    if (normalized.ok) expect(normalized.record.attributes.get('people')).toEqual(['张三', '李四']);
  });
});
