import { describe, expect, it } from 'vitest';
import { csvCell, csvPieces, type CsvValue } from '../../src/report/csv-cells.js';

const csvDocument = (rows: readonly (readonly CsvValue[])[], bom?: boolean): string => [...csvPieces(rows, bom)].join('');
import { toCsv, toCsvChunks } from '../../src/report/csv.js';
import { bureauResult } from './helpers.js';

// Splits a CSV document into rows of cells (RFC 4180: quoted cells may hold commas, quotes, CRLF).
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(cell), (cell = '');
    else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      (row = []), (cell = ''), i++;
    } else cell += c;
  }
  expect(cell === '' && row.length === 0, 'the document ends with CRLF').toBe(true);
  return rows;
}

describe('CSV cells', () => {
  it('quotes commas, quotes and line breaks (RFC 4180)', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('cr\r\nlf')).toBe('"cr\r\nlf"');
  });

  it('guards against formula injection (OWASP): = + - @ tab CR get a leading quote', () => {
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe('"\'=HYPERLINK(""http://x"",""y"")"');
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tx')).toBe("'\tx");
    expect(csvCell('a=b')).toBe('a=b');
    // Numbers are numbers: never guarded.
    expect(csvCell(-2)).toBe('-2');
    expect(csvCell(87.26)).toBe('87.26');
  });

  it('a document has a BOM and CRLF after every row', () => {
    expect(csvDocument([['a', 1], ['b', 2]])).toBe('\uFEFFa,1\r\nb,2\r\n');
    expect(csvDocument([['a']], false)).toBe('a\r\n');
  });

  it('an empty document is the BOM alone (or nothing), in one piece or in pieces', () => {
    expect(csvDocument([])).toBe('\uFEFF');
    expect([...csvPieces([])]).toEqual(['\uFEFF']);
    expect([...csvPieces([], false)]).toEqual([]);
  });

  it('in pieces, one row each, the BOM with the first', () => {
    expect([...csvPieces([['a', 1], ['b,c', 2]])]).toEqual(['\uFEFFa,1\r\n', '"b,c",2\r\n']);
  });
});

describe('toCsv on the bureau example', () => {
  const result = bureauResult('zh');
  const { lines, findings } = toCsv(result);

  it('in pieces (toCsvChunks), one row each: joined, the same documents, and iterable again', () => {
    const chunks = toCsvChunks(result);
    expect([...chunks.lines].join('')).toBe(lines);
    expect([...chunks.findings].join('')).toBe(findings);
    // header + 7 × 16 + 10 + 11 × 3 + 4 rows (the hand count below)
    expect([...chunks.lines]).toHaveLength(1 + 7 * 16 + 10 + 11 * 3 + 4);
    expect([...chunks.findings]).toHaveLength(1 + result.findings.length);
  });

  it('starts with a BOM and uses CRLF only', () => {
    for (const doc of [lines, findings]) {
      expect(doc.startsWith('\uFEFF')).toBe(true);
      expect(doc.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    }
  });

  it('has one row per subject and line: hand-checked: 7 grassroots organizations × 16 + the committee × 10 + 11 people × 3 + 王建 × 4', () => {
    const rows = parseCsv(lines.slice(1));
    expect(rows[0]).toEqual(['对象类型', '编号', '名称', '等次', '评价', '总分', '指标编号', '指标', '责任类型', '得分', '满分', '状态', '不足次数', '计入记录数', '说明']);
    expect(rows.length - 1).toBe(7 * 16 + 10 + 11 * 3 + 4);
    expect(rows.length - 1).toBe([...result.organizations, ...result.people].reduce((n, s) => n + s.lines.length, 0));
    expect(rows[1]).toEqual([
      '党组织',
      'bureau',
      '市某某局党委',
      '较好',
      // an organization has no verdict
      '',
      String(result.organizations[0]?.total),
      'cm-topic-meetings',
      '党委专题研究党建工作每年不少于4次',
      '主体责任',
      '2',
      '4',
      '未达标',
      '2',
      '2',
      '党委专题研究党建工作每年不少于4次：要求不少于4次，实有2次，缺2次；缺2次，每次扣1分，扣2分，得2分；1条记录缺少佐证材料（minutes）未计入',
    ]);
    for (const row of rows) expect(row).toHaveLength(15);
    // a person's verdict on each of their rows: 赵磊 is derelict (his derelict finding), 任杰 fulfilled
    const verdicts = (id: string): string[] => [...new Set(rows.filter((r) => r[0] === '个人' && r[1] === id).map((r) => r[4] ?? ''))];
    expect(verdicts('p-zhao-lei')).toEqual(['失职（不抓党建）']);
    expect(verdicts('p-ren-jie')).toEqual(['本职（抓好党建）']);
  });

  it('has one row per finding', () => {
    const rows = parseCsv(findings.slice(1));
    expect(rows.length - 1).toBe(result.findings.length);
    expect(rows[0]?.slice(0, 4)).toEqual(['编号', '规则编号', '问责规则', '状态']);
    const ren = rows.find((r) => r[5] === 'p-ren-jie');
    expect(ren?.slice(3, 13)).toEqual(['拟提出', '个人', 'p-ren-jie', '任杰', '主要领导责任', '第一责任', '诫勉', '诫勉', '一票否决', '事业发展中心第二党支部']);
  });

  it('has English headers and labels with lang en', () => {
    const en = toCsv(result, { lang: 'en' });
    expect(en.lines.split('\r\n')[0]).toBe('\uFEFFSubject type,ID,Name,Grade,Verdict,Total,Indicator ID,Indicator,Responsibility,Points,Max,Status,Shortfalls,Records counted,Explanation');
    expect(en.lines.split('\r\n')[1]?.startsWith('organization,bureau,')).toBe(true);
  });

  it('no document starts with "ID", which Excel takes for a SYLK file, in either language, with or without a BOM', () => {
    for (const lang of ['zh', 'en'] as const) {
      const docs = toCsv(result, { lang, bom: false });
      for (const doc of [docs.lines, docs.findings]) expect(doc.slice(0, 2).toUpperCase()).not.toBe('ID');
    }
    expect(toCsv(result, { lang: 'en', bom: false }).findings.split('\r\n')[0]).toBe(
      'Finding ID,Rule ID,Rule,Status,Subject type,Subject ID,Subject,Liability,Basis,Proposed form,Base form,Trigger,Trigger subject,Indicators,Records,Chain,Circumstances,Waiver,Explanation',
    );
    // The Chinese header is as it was.
    expect(toCsv(result, { bom: false }).findings.startsWith('编号,规则编号,问责规则,')).toBe(true);
  });

  it('quotes and guards input text in real rows', () => {
    const hostile = { ...result, organizations: result.organizations.map((o, i) => (i === 0 ? { ...o, name: '=cmd|"/c calc"!A1, 局\n党委' } : o)) };
    const rows = parseCsv(toCsv(hostile).lines.slice(1));
    expect(rows[1]?.[2]).toBe('\'=cmd|"/c calc"!A1, 局\n党委');
  });
});
