// The options (and the arguments a caller in plain JavaScript can get wrong) of coverage,
// applyDecisions, the record readers and the period functions: every problem is a ValidationError
// listing each one at its path, in Chinese by default and in English when the options ask; never a
// TypeError, a loop without end, or an option silently ignored. Valid calls work as before.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  applyDecisions,
  bucketsOf,
  coverage,
  parseGraph,
  readCsv,
  readCsvSync,
  readJsonArray,
  readJsonObject,
  readNdjson,
  readNdjsonSync,
  readRecordsFile,
  resolvePeriod,
  ValidationError,
  type AssessmentResult,
  type Decision,
  type ReaderItem,
} from '../../src/index.js';
import { CoverageOptionsFileSchema } from '../../src/cli/load.js';
import { ApplyDecisionsOptionsSchema } from '../../src/accountability/decisions.js';
import { ReadRecordsFileOptionsSchema } from '../../src/evidence/read-file.js';
import { ReadJsonObjectOptionsSchema } from '../../src/evidence/read-json-object.js';
import { ReaderOptionsSchema } from '../../src/evidence/reader-common.js';
import { CoverageOptionsSchema } from '../../src/graph/coverage.js';
import { assessBureau } from '../accountability/helpers.js';
import { refusal as thrown } from './helpers.js';

const example = (name: string): string => fileURLToPath(new URL(`../../examples/bureau-2022/${name}`, import.meta.url));
const graph = parseGraph(JSON.parse(readFileSync(example('graph.json'), 'utf8')));
const coverageFile = JSON.parse(readFileSync(example('coverage.json'), 'utf8')) as Record<string, unknown>;
const RECORDS = example('records.ndjson');


/** The error a promise is rejected with. */
async function rejected(promise: Promise<unknown>): Promise<ValidationError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return error as ValidationError;
  }
  throw new Error('did not reject');
}

/** The error a stream throws when it is first read; the call itself must not throw. */
async function onFirstRead(open: () => AsyncIterable<unknown> | Iterable<unknown>): Promise<ValidationError> {
  const items = open();
  const iterator = Symbol.asyncIterator in items ? items[Symbol.asyncIterator]() : (items as Iterable<unknown>)[Symbol.iterator]();
  return rejected(Promise.resolve().then(() => iterator.next()));
}

const codes = (error: ValidationError): unknown[] => error.issues.map((i) => [i.code, i.path]);
const messages = (error: ValidationError): string[] => error.issues.map((i) => i.message);

async function all<T>(items: AsyncIterable<T> | Iterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

describe('coverage options', () => {
  it('C6, W2, W3: kind lists must be lists of known kinds, the officer limit a whole number from 1', () => {
    const error = thrown(() =>
      coverage(graph, { secretaryRequiredFor: 5, oversightRequiredFor: 'branch', areaRequiredFor: ['committee', 'brnch'], maxOfficerPostsPerPerson: Number.NaN } as never),
    );
    expect([error.subject, error.lang]).toEqual(['options', 'zh']);
    expect(codes(error)).toEqual([
      ['invalid-type', ['secretaryRequiredFor']],
      ['invalid-type', ['oversightRequiredFor']],
      ['invalid-value', ['areaRequiredFor', 1]],
      ['invalid-type', ['maxOfficerPostsPerPerson']],
    ]);
    expect(messages(error)).toEqual([
      '类型错误：应为 array，实际为 number',
      '类型错误：应为 array，实际为 string',
      '取值「brnch」无效，可选值：committee, leading-group, general-branch, branch, group',
      '类型错误：应为 number，实际为 NaN',
    ]);
  });

  it('the officer limit: -1 and 0 are too small, 1.5 and "3" are no whole number', () => {
    for (const [value, code] of [[-1, 'too-small'], [0, 'too-small'], [1.5, 'invalid-type'], ['3', 'invalid-type']] as const) {
      expect(codes(thrown(() => coverage(graph, { maxOfficerPostsPerPerson: value } as never)))).toEqual([[code, ['maxOfficerPostsPerPerson']]]);
    }
    expect(messages(thrown(() => coverage(graph, { maxOfficerPostsPerPerson: 1.5, lang: 'en' })))).toEqual(['wrong type: expected integer, got 1.5']);
    expect(messages(thrown(() => coverage(graph, { maxOfficerPostsPerPerson: -1 })))).toEqual(['数值过小：应大于 0']);
  });

  it('a misspelled name is refused with the rest, in English when asked', () => {
    const error = thrown(() => coverage(graph, { liasonRequiredFor: ['branch'], officerRequiredFor: ['grup'], lang: 'en' } as never));
    expect([error.subject, error.lang]).toEqual(['options', 'en']);
    expect(codes(error)).toEqual([
      ['invalid-value', ['officerRequiredFor', 0]],
      ['unknown-field', ['liasonRequiredFor']],
    ]);
    expect(messages(error)).toEqual([
      'invalid value "grup"; allowed: committee, leading-group, general-branch, branch, group',
      'unknown field "liasonRequiredFor" (a typo?)',
    ]);
    expect(error.message).toBe(
      'Invalid options: 2 problems:\nofficerRequiredFor[0]: invalid value "grup"; allowed: committee, leading-group, general-branch, branch, group [invalid-value]\nliasonRequiredFor: unknown field "liasonRequiredFor" (a typo?) [unknown-field]',
    );
  });

  it('a language other than zh or en is refused in Chinese, with the other problems', () => {
    const error = thrown(() => coverage(graph, { lang: 'fr', coverge: true } as never));
    expect([error.lang, ...codes(error)]).toEqual(['zh', ['invalid-value', ['lang']], ['unknown-field', ['coverge']]]);
    expect(messages(error)).toEqual(['取值「fr」无效，可选值：zh, en', '未知字段「coverge」（可能是拼写错误）']);
  });

  it('options that are no object: null, a text, a list', () => {
    for (const options of [null, 'en', ['branch']]) {
      const error = thrown(() => coverage(graph, options as never));
      expect(codes(error)).toEqual([['invalid-type', []]]);
    }
    expect(messages(thrown(() => coverage(graph, null as never)))).toEqual(['类型错误：应为 object，实际为 null']);
  });

  it('options are checked before the graph (their language is the error’s)', () => {
    const error = thrown(() => coverage({} as never, { lang: 'en' }));
    expect([error.subject, error.lang, ...codes(error)]).toEqual(['query', 'en', ['invalid-type', ['graph']]]);
  });

  it('valid options work as before; undefined and {} are the defaults', () => {
    const report = coverage(graph, { ...coverageFile, lang: 'en' });
    expect(report.gaps.map((g) => [g.code, g.organization ?? g.person])).toEqual([
      ['coverage-no-secretary', 'br-retired'],
      ['coverage-officer-spread-thin', 'p-zhou-ting'],
    ]);
    expect(report.gaps[1]?.message).toBe('周婷 (p-zhou-ting) is party-affairs officer in 4 organizations (limit 3): staffed for show?');
    expect(coverage(graph, undefined)).toEqual(coverage(graph, {}));
    expect(coverage(graph, { maxOfficerPostsPerPerson: 1, secretaryRequiredFor: [], oversightRequiredFor: [], areaRequiredFor: [] }).gaps.map((g) => g.person)).toEqual(['p-zhou-ting']);
  });

  it('the CLI’s options file has the same fields, but lang, and its $schema', () => {
    expect(Object.keys(CoverageOptionsFileSchema.shape)).toEqual(['$schema', ...Object.keys(CoverageOptionsSchema.shape).filter((k) => k !== 'lang')]);
    expect(CoverageOptionsSchema.safeParse(coverageFile).success).toBe(true);
    expect(CoverageOptionsFileSchema.safeParse({ lang: 'en' }).success).toBe(false);
  });
});

describe('applyDecisions options', () => {
  const base: AssessmentResult = assessBureau();
  const XU_TAO = 'derelict:p:p-xu-tao>p:p-xu-tao';
  const change: Decision = { finding: XU_TAO, action: 'change', form: 'sanction', by: '局党委', at: '2023-01-20', reason: '情节较重' };

  it('C7: a ladder that is no list is refused, not a TypeError; a misspelled ladder name too', () => {
    const error = thrown(() => applyDecisions(base, [change], { forms: { person: 'x', persons: [] } } as never));
    expect([error.subject, error.lang]).toEqual(['options', 'zh']);
    expect(codes(error)).toEqual([
      ['invalid-type', ['forms', 'person']],
      ['unknown-field', ['forms', 'persons']],
    ]);
    expect(messages(error)).toEqual(['类型错误：应为 array，实际为 string', '未知字段「persons」（可能是拼写错误）']);
  });

  it('each form has the shape the type says: id and title texts, titleEn optional, nothing else', () => {
    const forms = { organization: [{ id: 1, titleEn: 'x', level: 2 }, null] };
    const error = thrown(() => applyDecisions(base, [], { forms, lang: 'en' } as never));
    expect(codes(error)).toEqual([
      ['invalid-type', ['forms', 'organization', 0, 'id']],
      ['required', ['forms', 'organization', 0, 'title']],
      ['unknown-field', ['forms', 'organization', 0, 'level']],
      ['invalid-type', ['forms', 'organization', 1]],
    ]);
    expect(messages(error)).toEqual([
      'wrong type: expected string, got number',
      'required field "title" is missing',
      'unknown field "level" (a typo?)',
      'wrong type: expected object, got null',
    ]);
  });

  it("a result's findings that are not findings: each at its path, never a TypeError", () => {
    const findings = JSON.parse(JSON.stringify(base.findings)) as Record<string, unknown>[];
    expect(findings.length).toBeGreaterThanOrEqual(3);
    findings[0] = null as never;
    (findings[1] as Record<string, unknown>)['form'] = 'warning';
    ((findings[2] as Record<string, unknown>)['subject'] as Record<string, unknown>)['id'] = 7;
    const error = thrown(() => applyDecisions({ ...base, findings } as never, []));
    expect([error.subject, ...codes(error)]).toEqual([
      'decisions',
      ['invalid-type', ['result', 'findings', 0]],
      ['invalid-type', ['result', 'findings', 1, 'form']],
      ['invalid-type', ['result', 'findings', 2, 'subject', 'id']],
    ]);
  });

  it('what the decisions read deeper in a result: wrong values at their paths, never a TypeError or an eligibility decided on them', () => {
    const findings = JSON.parse(JSON.stringify(base.findings)) as Record<string, unknown>[];
    (findings[0]!['form'] as Record<string, unknown>)['severity'] = '3';
    (findings[1]!['subject'] as Record<string, unknown>)['type'] = 'group';
    findings[2]!['status'] = 'done';
    const broken = { ...base, findings, audit: 5, forms: { organization: [], person: 'x' } };
    const error = thrown(() => applyDecisions(broken as never, [], { lang: 'en' }));
    expect([error.subject, ...codes(error)]).toEqual([
      'decisions',
      ['invalid-type', ['result', 'findings', 0, 'form', 'severity']],
      ['invalid-value', ['result', 'findings', 1, 'subject', 'type']],
      ['invalid-value', ['result', 'findings', 2, 'status']],
      ['invalid-type', ['result', 'forms', 'person']],
      ['invalid-type', ['result', 'audit']],
    ]);
    expect(messages(error)[0]).toBe('wrong type: expected number, got string');
    // The eligibility line needs the people, whose grades it reads.
    const withLine = { ...base, ineligibleFrom: { id: 'warning', title: '警告', severity: 3 }, people: undefined };
    expect(codes(thrown(() => applyDecisions(withLine as never, [])))).toEqual([['required', ['result', 'people']]]);
  });

  it('a result broken everywhere: the first hundred problems, and how many there were', () => {
    const findings = Array.from({ length: 150 }, (_, i) => ({ id: i }));
    const error = thrown(() => applyDecisions({ ...base, findings } as never, []));
    // Each finding lacks three parts and has an id of the wrong type: 600 problems.
    expect(error.issues).toHaveLength(101);
    expect(codes(error)[0]).toEqual(['invalid-type', ['result', 'findings', 0, 'id']]);
    expect(error.issues[100]).toMatchObject({ code: 'too-many-issues', params: { shown: 100, count: 600 } });
  });

  it('null options, a misspelled name, a bad language', () => {
    expect(codes(thrown(() => applyDecisions(base, [], null as never)))).toEqual([['invalid-type', []]]);
    expect(codes(thrown(() => applyDecisions(base, [], { form: {} } as never)))).toEqual([['unknown-field', ['form']]]);
    const error = thrown(() => applyDecisions(base, [], { lang: 'fr' } as never));
    expect([error.lang, ...codes(error)]).toEqual(['zh', ['invalid-value', ['lang']]]);
  });

  it('options that name no language are answered in the result’s', () => {
    const english: AssessmentResult = { ...base, lang: 'en' };
    const error = thrown(() => applyDecisions(english, [], { fomrs: {} } as never));
    expect([error.lang, ...messages(error)]).toEqual(['en', 'unknown field "fomrs" (a typo?)']);
    expect(thrown(() => applyDecisions(english, [], { fomrs: {}, lang: 'zh' } as never)).lang).toBe('zh');
  });

  it('a result that is no object with findings, decisions that are no list: ValidationErrors', () => {
    expect(codes(thrown(() => applyDecisions(null as never, [])))).toEqual([['invalid-type', ['result']]]);
    expect(codes(thrown(() => applyDecisions({} as never, [])))).toEqual([['required', ['result', 'findings']]]);
    expect(codes(thrown(() => applyDecisions({ findings: 'x' } as never, [], { lang: 'en' })))).toEqual([['invalid-type', ['result', 'findings']]]);
    const error = thrown(() => applyDecisions(base, null as never));
    expect([error.subject, ...codes(error), ...messages(error)]).toEqual(['decisions', ['invalid-type', ['decisions']], '类型错误：应为 array，实际为 null']);
  });

  it('valid ladders still decide', () => {
    // The bureau's six person forms with 谈话提醒 below and 处分 above (a ladder given in the
    // options must hold every form the result uses); the title is in the result's language.
    const forms = { person: [{ id: 'talk', title: '谈话提醒' }, ...(base.forms?.person ?? []), { id: 'sanction', title: '处分', titleEn: 'sanction' }] };
    expect(ApplyDecisionsOptionsSchema.safeParse({ forms, lang: 'en' }).success).toBe(true);
    const out = applyDecisions(base, [change], { forms, lang: 'en' });
    expect(out.findings.find((f) => f.id === XU_TAO)?.form).toEqual({ id: 'sanction', title: '处分', severity: 8 });
    expect(applyDecisions(base, [], {})).toEqual(applyDecisions(base, []));
  });
});

describe('readRecordsFile options', () => {
  it('C2: null options are refused when reading starts, not a TypeError', async () => {
    const error = await onFirstRead(() => readRecordsFile(RECORDS, null as never));
    expect([error.subject, ...codes(error), ...messages(error)]).toEqual(['options', ['invalid-type', []], '类型错误：应为 object，实际为 null']);
  });

  it('W10: a format not among json, ndjson, csv; a misspelled name; a stdin that cannot be read', async () => {
    const error = await onFirstRead(() => readRecordsFile(RECORDS, { format: 'xml', formt: 'csv', stdin: 'x' } as never));
    expect(codes(error)).toEqual([
      ['invalid-value', ['format']],
      ['unknown-field', ['formt']],
      ['invalid-type', ['stdin']],
    ]);
    expect(messages(error)).toEqual([
      '取值「xml」无效，可选值：json, ndjson, csv',
      '未知字段「formt」（可能是拼写错误）',
      '类型错误：应为 AsyncIterable，实际为 string',
    ]);
    for (const format of ['NDJSON', null]) {
      const en = await onFirstRead(() => readRecordsFile(RECORDS, { format, lang: 'en' } as never));
      expect([en.lang, ...codes(en)]).toEqual(['en', ['invalid-value', ['format']]]);
    }
    const en = await onFirstRead(() => readRecordsFile(RECORDS, { format: 'NDJSON', lang: 'en' } as never));
    expect(messages(en)).toEqual(['invalid value "NDJSON"; allowed: json, ndjson, csv']);
  });

  it('a path that is no text', async () => {
    const error = await onFirstRead(() => readRecordsFile(null as never));
    expect([error.subject, ...codes(error), ...messages(error)]).toEqual(['records', ['invalid-type', ['path']], '类型错误：应为 string，实际为 null']);
  });

  it('valid options read as before', async () => {
    const items = await all(readRecordsFile(RECORDS, { format: 'ndjson', lang: 'en' }));
    expect(items).toEqual(await all(readRecordsFile(RECORDS)));
    expect(items.length).toBeGreaterThan(400);
    const stdin = (async function* () {
      yield 'id,type,organization,date\nr1,topic-meeting,bureau,2022-03-15\n';
    })();
    expect(await all(readRecordsFile('-', { stdin, format: 'csv' }))).toEqual([
      { kind: 'record', line: 2, file: '<stdin>', value: { id: 'r1', type: 'topic-meeting', organization: 'bureau', date: '2022-03-15' } },
    ]);
    expect(ReadRecordsFileOptionsSchema.safeParse({ format: 'json' }).success).toBe(true);
  });
});

describe('reader options', () => {
  const NDJSON = '{"id":"r1"}\n';
  const CSV = 'id,type,date\nr1,t,2022-01-01\n';
  const readers: [string, (options: unknown) => AsyncIterable<ReaderItem> | Iterable<ReaderItem>][] = [
    ['readNdjson', (o) => readNdjson(NDJSON, o as never)],
    ['readNdjsonSync', (o) => readNdjsonSync(NDJSON, o as never)],
    ['readCsv', (o) => readCsv(CSV, o as never)],
    ['readCsvSync', (o) => readCsvSync(CSV, o as never)],
    ['readJsonArray', (o) => readJsonArray('[{"id":"r1"}]', o as never)],
  ];

  it.each(readers)('%s: null options, a misspelled name (fil), a file that is no text, a bad language', async (_name, read) => {
    expect(codes(await onFirstRead(() => read(null)))).toEqual([['invalid-type', []]]);
    const typo = await onFirstRead(() => read({ fil: 'records.ndjson' }));
    expect([typo.subject, typo.lang, ...codes(typo), ...messages(typo)]).toEqual(['options', 'zh', ['unknown-field', ['fil']], '未知字段「fil」（可能是拼写错误）']);
    const en = await onFirstRead(() => read({ file: 5, lang: 'en' }));
    expect([en.lang, ...codes(en), ...messages(en)]).toEqual(['en', ['invalid-type', ['file']], 'wrong type: expected string, got number']);
    expect(codes(await onFirstRead(() => read({ lang: 'EN' })))).toEqual([['invalid-value', ['lang']]]);
  });

  it.each(readers)('%s: valid options read as before', async (_name, read) => {
    const items = await all(read({ file: 'f', lang: 'en' }));
    expect(items.length).toBe(1);
    expect(items[0]).toMatchObject({ kind: 'record', file: 'f' });
    expect(await all(read(undefined))).toEqual(await all(read({})));
  });

  it('an input that is no text, bytes or iterable: invalid-type at the argument', async () => {
    for (const open of [() => readNdjson(null as never), () => readCsv({} as never), () => readNdjson(42 as never)]) {
      const error = await onFirstRead(open);
      expect([error.subject, ...codes(error)]).toEqual(['records', ['invalid-type', ['input']]]);
    }
    expect(messages(await onFirstRead(() => readNdjson(null as never)))).toEqual(['类型错误：应为 string, Uint8Array, Iterable or AsyncIterable，实际为 null']);
    for (const open of [() => readNdjsonSync(null as never), () => readCsvSync(Buffer.from(CSV) as never), () => readJsonArray(undefined as never, { lang: 'en' })]) {
      const error = await onFirstRead(open);
      expect([error.subject, ...codes(error)]).toEqual(['records', ['invalid-type', ['text']]]);
    }
  });

  it('a chunk that is neither text nor bytes: invalid-type at its index, in the options’ language', async () => {
    const error = await rejected(all(readNdjson([Buffer.from(NDJSON), 5] as never, { lang: 'en' })));
    expect([error.subject, ...codes(error), ...messages(error)]).toEqual(['records', ['invalid-type', ['input', 1]], 'wrong type: expected string or Uint8Array, got number']);
    expect(codes(await rejected(all(readCsv([null] as never))))).toEqual([['invalid-type', ['input', 0]]]);
  });

  it('the schema is the type', () => {
    expect(Object.keys(ReaderOptionsSchema.shape)).toEqual(['file', 'lang']);
  });
});

describe('readJsonObject options', () => {
  it('the subject is required, a non-empty text; no options at all say so', async () => {
    const none = await rejected(readJsonObject('{}', undefined as never));
    expect([none.subject, ...codes(none), ...messages(none)]).toEqual(['options', ['required', ['subject']], '缺少必填字段「subject」']);
    expect(codes(await rejected(readJsonObject('{}', { subject: '' })))).toEqual([['empty-string', ['subject']]]);
    expect(codes(await rejected(readJsonObject('{}', { subject: 5 } as never)))).toEqual([['invalid-type', ['subject']]]);
  });

  it('null options, a misspelled name, in English when asked', async () => {
    expect(codes(await rejected(readJsonObject('{}', null as never)))).toEqual([['invalid-type', []]]);
    const error = await rejected(readJsonObject('{}', { subject: 'partial', fil: 'x', lang: 'en' } as never));
    expect([error.lang, ...codes(error), ...messages(error)]).toEqual(['en', ['unknown-field', ['fil']], 'unknown field "fil" (a typo?)']);
  });

  it('an input that is no text, bytes or iterable: under the options’ subject', async () => {
    const error = await rejected(readJsonObject(null as never, { subject: 'partial', lang: 'en' }));
    expect([error.subject, ...codes(error), ...messages(error)]).toEqual(['partial', ['invalid-type', ['input']], 'wrong type: expected string, Uint8Array, Iterable or AsyncIterable, got null']);
  });

  it('valid options read as before', async () => {
    expect(await readJsonObject('{"a":[1,2]}', { subject: 'partial', file: 'p.json', lang: 'en' })).toEqual({ a: [1, 2] });
    const error = await rejected(readJsonObject('[]', { subject: 'partial', file: 'p.json' }));
    expect([error.subject, ...codes(error)]).toEqual(['partial', ['json-not-object', []]]);
    expect(ReadJsonObjectOptionsSchema.safeParse({ subject: 'graph' }).success).toBe(true);
  });
});

describe('periods', () => {
  it('W13: a period no rule set may have is refused, with its path', () => {
    const cases: [unknown, unknown[]][] = [
      [{ year: 2022, quarter: 5 }, ['too-big', ['period', 'quarter']]],
      [{ year: 2022, month: 0 }, ['too-small', ['period', 'month']]],
      [{ year: 2022, quartr: 3 }, ['unknown-field', ['period', 'quartr']]],
      [{ start: '2022-02-30', end: '2022-03-01' }, ['invalid-date', ['period', 'start']]],
      [{ start: '2022-12-01', end: '2022-01-01' }, ['range-reversed', ['period', 'end']]],
      [null, ['invalid-type', ['period']]],
      ['2022', ['invalid-type', ['period']]],
    ];
    for (const [period, issue] of cases) {
      const error = thrown(() => resolvePeriod(period as never));
      expect([error.subject, ...codes(error)]).toEqual(['rules', issue]);
    }
    expect(messages(thrown(() => resolvePeriod({ year: 2022, quarter: 5 } as never)))).toEqual(['数值或长度过大：应不大于 4']);
    expect(messages(thrown(() => resolvePeriod(null as never)))).toEqual(['类型错误：应为 object，实际为 null']);
  });

  it('valid periods resolve as before', () => {
    expect(resolvePeriod({ year: 2022, quarter: 3 })).toEqual({ start: 19174, end: 19265, label: { zh: '2022年第三季度', en: 'Q3 2022' } });
    expect(resolvePeriod({ start: '2022-03-01', end: '2022-03-01' }).label.en).toBe('2022-03-01 to 2022-03-01');
    expect(resolvePeriod({ year: 2022 }).label.zh).toBe('2022年度');
  });

  it('C9: an unknown unit is refused at once, not a loop without end', () => {
    const year = resolvePeriod({ year: 2022 });
    for (const [unit, code] of [['fortnight', 'invalid-value'], ['toString', 'invalid-value'], ['Month', 'invalid-value'], [null, 'invalid-type'], [3, 'invalid-type']] as const) {
      const error = thrown(() => bucketsOf(year, unit as never));
      expect([error.subject, ...codes(error)]).toEqual(['query', [code, ['unit']]]);
    }
    expect(messages(thrown(() => bucketsOf(year, 'fortnight' as never)))).toEqual(['取值「fortnight」无效，可选值：month, quarter, half-year, year']);
  });

  it('a period that resolvePeriod does not make: no object, NaN or far-off days', () => {
    expect(codes(thrown(() => bucketsOf(null as never, 'month')))).toEqual([['invalid-type', ['period']]]);
    expect(codes(thrown(() => bucketsOf({ start: 19000, end: Number.NaN } as never, 'month')))).toEqual([['invalid-day-number', ['period', 'end']]]);
    expect(codes(thrown(() => bucketsOf({ start: 19000, end: 1e15 } as never, 'month')))).toEqual([['invalid-day-number', ['period', 'end']]]);
    expect(codes(thrown(() => bucketsOf({ end: 19000 } as never, 'bad' as never)))).toEqual([
      ['required', ['period', 'start']],
      ['invalid-value', ['unit']],
    ]);
  });

  it('valid buckets as before', () => {
    const buckets = bucketsOf(resolvePeriod({ year: 2022, half: 2 }), 'quarter');
    expect(buckets.map((b) => [b.start, b.end, b.label.zh, b.label.en])).toEqual([
      [19174, 19265, '2022年第三季度', 'Q3 2022'],
      [19266, 19357, '2022年第四季度', 'Q4 2022'],
    ]);
    expect(bucketsOf(resolvePeriod({ start: '2022-01-15', end: '2022-03-10' }), 'month').map((b) => b.label.en)).toEqual(['2022-01', '2022-02', '2022-03']);
  });
});
