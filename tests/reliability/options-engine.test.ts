import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  assess,
  assessParallel,
  assessStream,
  formatIssues,
  formatMessage,
  formatPath,
  lintRuleSet,
  localizeIssue,
  normalizeRecord,
  openAssessment,
  parseCalendarDate,
  parseGraph,
  parseRuleSet,
  readNdjsonSync,
  readPartialState,
  safeParseGraph,
  safeParseRuleSet,
  scoreFilesInParallel,
  toGraphInput,
  ValidationError,
  withFindings,
  type AssessmentResult,
} from '../../src/index.js';
import { MAX_WORKERS, planRun } from '../../src/engine/parallel.js';
import { refusal as thrown, refusalAsync as rejected, runScriptElsewhere } from './helpers.js';

// The options of the engine's entry points are checked as documents are: every problem at its
// path, unknown names included (a typo is refused, not ignored), in the options' language.
const dir = new URL('../../examples/bureau-2022/', import.meta.url);
const graphInput = JSON.parse(readFileSync(new URL('graph.json', dir), 'utf8')) as unknown;
const rules = JSON.parse(readFileSync(new URL('rules.json', dir), 'utf8')) as unknown;
const recordsFile = new URL('records.ndjson', dir);
const records = [...readNdjsonSync(readFileSync(recordsFile, 'utf8'))];
const graph = parseGraph(graphInput);

const where = (error: ValidationError): unknown[] => error.issues.map((i) => [error.subject, i.path, i.code]);
const loose = <T>(value: unknown): T => value as T;

describe('assess, assessStream and openAssessment', () => {
  it('refuse misspelled names, each at its path, rather than run without them', () => {
    const error = thrown(() => assess(loose({ graph, rules, records, langg: 'en', invalidRecord: 'skip', maxRecord: 10 })));
    expect(where(error)).toEqual([
      ['options', ['langg'], 'unknown-field'],
      ['options', ['invalidRecord'], 'unknown-field'],
      ['options', ['maxRecord'], 'unknown-field'],
    ]);
    expect(error.issues[1]?.message).toBe('未知字段「invalidRecord」（可能是拼写错误）');
  });

  it.each([['skp'], ['ERROR'], [true], [false], [null]])('invalidRecords %s is refused, not taken for skip (or error)', (value) => {
    const bad = [...records, { id: 'z', type: 5 }];
    const error = thrown(() => assess(loose({ graph, rules, records: bad, invalidRecords: value })));
    expect(where(error)).toEqual([['options', ['invalidRecords'], 'invalid-value']]);
    expect(error.issues[0]?.params['allowed']).toBe('error, skip');
  });

  it('list every problem at once, in English when asked: asOf of the wrong type or no date, maxRecords, a name', () => {
    const error = thrown(() => assess(loose({ graph, rules, records, lang: 'en', asOf: null, maxRecords: -1, invalidRecords: 'skp', extra: 1 })));
    expect(where(error)).toEqual([
      ['options', ['asOf'], 'invalid-type'],
      ['options', ['invalidRecords'], 'invalid-value'],
      ['options', ['extra'], 'unknown-field'],
      ['options', ['maxRecords'], 'too-small'],
    ]);
    expect(error.message).toMatch(/^Invalid options: 4 problems:/);
    const date = thrown(() => assess({ graph, rules, records, asOf: '2022-02-30' }));
    expect(where(date)).toEqual([['options', ['asOf'], 'invalid-date']]);
  });

  it('a wrong lang is one of the problems, listed in Chinese with the rest', () => {
    const error = thrown(() => assess(loose({ graph, rules, records, lang: 'fr', invalidRecords: 'x' })));
    expect(where(error)).toEqual([
      ['options', ['lang'], 'invalid-value'],
      ['options', ['invalidRecords'], 'invalid-value'],
    ]);
    expect(error.lang).toBe('zh');
  });

  it('openAssessment refuses records (a session takes them one by one: they would be dropped)', () => {
    expect(where(thrown(() => openAssessment(loose({ graph, rules, records }))))).toEqual([['options', ['records'], 'unknown-field']]);
  });

  it('assessStream checks the same way, before reading', async () => {
    const error = await rejected(() => assessStream(loose({ graph, rules, records, invalidRecord: 'skip' })));
    expect(where(error)).toEqual([['options', ['invalidRecord'], 'unknown-field']]);
  });

  it('valid options still run: the same result as before with every option given', () => {
    const result = assess({ graph, rules, records, lang: 'en', invalidRecords: 'error', maxRecords: records.length, asOf: '2022-12-31' });
    expect(result.organizations.length).toBeGreaterThan(0);
  });
});

describe('parseGraph, parseRuleSet and lintRuleSet', () => {
  it('null or a text for options is an options error (safeParse* return it), not a TypeError', () => {
    for (const options of [null, 'en', 5]) {
      const expectedType = options === null ? 'null' : typeof options;
      const graphResult = safeParseGraph(graphInput, loose(options));
      expect(graphResult.success).toBe(false);
      if (!graphResult.success) {
        expect(where(graphResult.error)).toEqual([['options', [], 'invalid-type']]);
        expect(graphResult.error.issues[0]?.params['received']).toBe(expectedType);
      }
      const rulesResult = safeParseRuleSet(rules, loose(options));
      expect(rulesResult.success).toBe(false);
      expect(where(thrown(() => parseGraph(graphInput, loose(options))))).toEqual([['options', [], 'invalid-type']]);
      expect(where(thrown(() => parseRuleSet(rules, loose(options))))).toEqual([['options', [], 'invalid-type']]);
      expect(where(thrown(() => lintRuleSet(rules, graph, loose(options))))).toEqual([['options', [], 'invalid-type']]);
    }
  });

  it('a misspelled cap is refused, not parsed without it', () => {
    expect(where(thrown(() => parseGraph(graphInput, loose({ limit: { people: 1 } }))))).toEqual([['options', ['limit'], 'unknown-field']]);
    expect(where(thrown(() => parseRuleSet(rules, loose({ maxIndicator: 1 }))))).toEqual([['options', ['maxIndicator'], 'unknown-field']]);
    expect(where(thrown(() => lintRuleSet(rules, graph, loose({ langg: 'en' }))))).toEqual([['options', ['langg'], 'unknown-field']]);
    // with a wrong limit: both, sorted by the order they are checked in
    expect(where(thrown(() => parseGraph(graphInput, loose({ lang: 'en', limits: { people: -1 }, extra: true }))))).toEqual([
      ['options', ['extra'], 'unknown-field'],
      ['options', ['limits', 'people'], 'too-small'],
    ]);
  });
});

describe('assessParallel', () => {
  const file = recordsFile.pathname;

  it('no options at all, or null: an options error, not a TypeError', async () => {
    for (const input of [undefined, null]) {
      const error = await rejected(() => assessParallel(loose(input)));
      expect(where(error)).toEqual([['options', [], 'invalid-type']]);
    }
  });

  it('misspelled names, and maxRecords (not one of its options), are refused with the other problems', async () => {
    const error = await rejected(() => assessParallel(loose({ graph, rules, files: [file], worker: 2, maxRecords: 10, workers: 0 })));
    expect(where(error)).toEqual([
      ['options', ['worker'], 'unknown-field'],
      ['options', ['maxRecords'], 'unknown-field'],
      ['options', ['workers'], 'too-small'],
    ]);
  });

  it(`workers above ${MAX_WORKERS} is refused, never a thousand million threads started`, async () => {
    const error = await rejected(() => assessParallel({ graph, rules, files: [file], workers: 1e9, minShardBytes: 0 }));
    expect(where(error)).toEqual([['options', ['workers'], 'too-big']]);
    expect(error.issues[0]?.params['maximum']).toBe(MAX_WORKERS);
  });

  it('no more threads than pieces: a file of four pieces gets four threads, whatever is asked', async () => {
    const tmp = mkdtempSync(join(tmpdir(), 'zz-options-'));
    const four = join(tmp, 'four.ndjson');
    const line = `${JSON.stringify(records[0])}\n`;
    writeFileSync(four, line.repeat(4));
    const plan = await planRun([four], MAX_WORKERS, 1, Buffer.byteLength(line) - 1);
    expect([plan.chunks.length, plan.threads]).toEqual([4, 4]);
    // and the pieces' threads, not more, when fewer are asked: 2
    expect((await planRun([four], 2, 1, Buffer.byteLength(line) - 1)).threads).toBe(2);
  });

  it('previous: null is checked as a previous result (one pass refuses it too), not dropped', async () => {
    const error = await rejected(() => assessParallel(loose({ graph, rules, files: [file], workers: 1, previous: null })));
    expect(where(error)).toEqual([['previous', ['previous'], 'invalid-previous']]);
    expect(where(thrown(() => assess(loose({ graph, rules, records, previous: null }))))).toEqual([['previous', ['previous'], 'invalid-previous']]);
  });
});

describe('a previous result whose elements a run cannot read', () => {
  const good = assess({ graph, rules, records });
  const edited = (edit: (copy: Record<string, unknown>) => void): AssessmentResult => {
    const copy = JSON.parse(JSON.stringify(good)) as Record<string, unknown>;
    edit(copy);
    return copy as unknown as AssessmentResult;
  };

  it('findings, subjects and totals of the wrong shape: each at its path, never a TypeError', () => {
    const previous = edited((p) => {
      const findings = p['findings'] as Record<string, unknown>[];
      (p['organizations'] as Record<string, unknown>[])[1] = null as never;
      ((p['organizations'] as Record<string, unknown>[])[2] as Record<string, unknown>)['total'] = 'x';
      ((p['people'] as Record<string, unknown>[])[0] as Record<string, unknown>)['grade'] = 'good';
      findings[0] = null as never;
      (findings[1] as Record<string, unknown>)['subject'] = null;
      ((findings[2] as Record<string, unknown>)['trigger'] as Record<string, unknown>)['subject'] = { type: 'branch', id: 3 };
      p['fingerprint'] = 5;
    });
    expect(good.findings.length).toBeGreaterThanOrEqual(3);
    const error = thrown(() => assess({ graph, rules, records, previous }));
    expect(where(error)).toEqual([
      ['previous', ['previous', 'fingerprint'], 'invalid-previous'],
      ['previous', ['previous', 'organizations', 1], 'invalid-previous'],
      ['previous', ['previous', 'organizations', 2, 'total'], 'invalid-previous'],
      ['previous', ['previous', 'people', 0, 'grade'], 'invalid-previous'],
      ['previous', ['previous', 'findings', 0], 'invalid-previous'],
      ['previous', ['previous', 'findings', 1, 'subject'], 'invalid-previous'],
      ['previous', ['previous', 'findings', 2, 'trigger', 'subject', 'type'], 'invalid-previous'],
      ['previous', ['previous', 'findings', 2, 'trigger', 'subject', 'id'], 'invalid-previous'],
    ]);
    expect(error.issues[2]?.message).toBe('上期结果不是有效的 zerenzhi 评估结果：organizations[2].total 缺失或不是有限数值');
    expect(error.inLanguage('en').issues[3]?.message).toBe('the previous result is not a zerenzhi assessment result: people[0].grade must be null or a grade object with a string id');
  });

  it('findings that are not a list; a file with thousands of wrong subjects lists the first 100', () => {
    expect(where(thrown(() => assess({ graph, rules, records, previous: edited((p) => (p['findings'] = 'x')) })))).toEqual([['previous', ['previous', 'findings'], 'invalid-previous']]);
    const many = edited((p) => (p['organizations'] = Array.from({ length: 5000 }, () => 7)));
    expect(thrown(() => assess({ graph, rules, records, previous: many })).issues).toHaveLength(100);
  });

  it('a sound previous result is still compared: the same totals as before', () => {
    // Labelled the year before's: a previous result must be of an earlier period.
    const again = assess({ graph, rules, records, previous: edited((p) => (p['period'] = { start: '2021-01-01', end: '2021-12-31', asOf: null, label: '2021年度' })) });
    expect(again.organizations[0]?.previous).toEqual({ total: good.organizations[0]?.total, grade: good.organizations[0]?.grade?.id ?? null, delta: 0 });
  });
});

describe('parseCalendarDate', () => {
  it('anything but a text is no date (undefined), not a TypeError', () => {
    for (const value of [null, undefined, 20220101, {}, ['2022-01-01']]) expect(parseCalendarDate(value as never)).toBeUndefined();
  });
});

describe('arguments given wrong to the helpers around a run', () => {
  it('toGraphInput of a graph document or null: a query error saying to parse it', () => {
    expect(where(thrown(() => toGraphInput(loose(graphInput))))).toEqual([['query', ['graph'], 'invalid-type']]);
    expect(where(thrown(() => toGraphInput(loose(null))))).toEqual([['query', ['graph'], 'invalid-type']]);
    // said in the language of the message, not in English inside a Chinese one
    expect(thrown(() => toGraphInput(loose(graphInput))).issues[0]?.message).toBe('类型错误：应为 parseGraph(…)，实际为 组织关系图文档（JSON），请先用 parseGraph 解析');
    expect(parseGraph(toGraphInput(graph)).organizations.size).toBe(graph.organizations.size);
  });

  it('withFindings of something not a finished session', () => {
    // an object made to look like a finished run, or a copy of one, is not one (it failed with a TypeError deep inside)
    const copy = { ...openAssessment({ graph, rules }).finish() };
    expect(() => withFindings(openAssessment({ graph, rules }).finish())).not.toThrow();
    for (const run of [null, {}, { result: {} }, { result: {}, plan: {} }, { result: {}, plan: {}, retained: [] }, copy]) expect(where(thrown(() => withFindings(loose(run))))).toEqual([['options', ['run'], 'invalid-type']]);
  });

  it('normalizeRecord given options in place of the path, or a wrong language: an options error', () => {
    const bad = { id: 'r', type: 5 };
    expect(where(thrown(() => normalizeRecord(bad, loose({ lang: 'en' }))))).toEqual([['options', ['path'], 'invalid-type']]);
    expect(where(thrown(() => normalizeRecord(bad, [], loose('fr'))))).toEqual([['options', ['lang'], 'invalid-value']]);
    // a sound record is refused so too (the fast path no longer skips the check: tests/evidence/normalize-arguments.test.ts), and a bad one with sound arguments is reported
    expect(where(thrown(() => normalizeRecord((records[0] as { value: unknown }).value, loose({ lang: 'en' }))))).toEqual([['options', ['path'], 'invalid-type']]);
    expect(normalizeRecord(bad, ['records', 3], 'en').ok).toBe(false);
  });

  it('scoreFilesInParallel with a listener that is not a function: refused before the run, not after it', async () => {
    const error = await rejected(() => scoreFilesInParallel({ graph, rules, files: [recordsFile.pathname], workers: 1 }, loose('x')));
    expect(where(error)).toEqual([['options', ['onProblems'], 'invalid-type']]);
  });
});

describe('readPartialState', () => {
  it('refuses null options and a subject of its own (the state is the subject), before reading', async () => {
    expect(where(await rejected(() => readPartialState('{}', loose(null))))).toEqual([['options', [], 'invalid-type']]);
    expect(where(await rejected(() => readPartialState('{}', loose({ subject: 'other' }))))).toEqual([['options', ['subject'], 'unknown-field']]);
    // a text that is no JSON is still the state's problem, in the language asked for
    const error = await rejected(() => readPartialState('{', { lang: 'en', file: 'a.json' }));
    expect([error.subject, error.lang]).toEqual(['partial', 'en']);
  });
});

describe('threads from the sources, run from another directory', () => {
  it('a worker finds the TypeScript loader from the engine, not from the current directory', () => {
    const index = new URL('../../src/index.ts', import.meta.url).href;
    const run = runScriptElsewhere([
      `import { readFileSync } from 'node:fs';`,
      `import { assessParallel, parseGraph } from ${JSON.stringify(index)};`,
      `const dir = new URL(${JSON.stringify(dir.href)});`,
      `const graph = parseGraph(JSON.parse(readFileSync(new URL('graph.json', dir), 'utf8')));`,
      `const rules = JSON.parse(readFileSync(new URL('rules.json', dir), 'utf8'));`,
      `const file = ${JSON.stringify(fileURLToPath(recordsFile))};`,
      `const result = await assessParallel({ graph, rules, files: [file], workers: 2, minShardBytes: 1, chunkBytes: 40000 });`,
      `console.log(result.evidence.received);`,
    ]);
    expect(run.stderr).toBe('');
    expect(Number(run.stdout.trim())).toBe(assess({ graph, rules, records }).evidence.received);
  }, 30_000);
});

describe('the formatting helpers of the API', () => {
  it('formatMessage: a value the message names but is not given shows as {name}, never "undefined"', () => {
    expect(formatMessage('required', {}, 'en')).toBe('required field "{field}" is missing');
    expect(formatMessage('missing-person', { id: 'p-9' }, 'zh')).toBe('引用的人员「p-9」不存在');
    expect(where(thrown(() => formatMessage('required', loose(null))))).toEqual([['options', ['params'], 'invalid-type']]);
    expect(where(thrown(() => formatMessage('required', {}, loose('fr'))))).toEqual([['options', ['lang'], 'invalid-value']]);
  });

  it('formatIssues, formatPath and localizeIssue: what is not an issue or a path is named, not a TypeError', () => {
    expect(where(thrown(() => formatIssues(loose(null))))).toEqual([['options', ['issues'], 'invalid-type']]);
    expect(where(thrown(() => formatIssues(loose([{ code: 'x', message: 'm', path: [], params: {} }, {}]))))).toEqual([
      ['options', ['issues', 1, 'code'], 'invalid-type'],
      ['options', ['issues', 1, 'message'], 'invalid-type'],
      ['options', ['issues', 1, 'path'], 'invalid-type'],
      ['options', ['issues', 1, 'params'], 'invalid-type'],
    ]);
    expect(where(thrown(() => formatPath(loose(null))))).toEqual([['options', ['path'], 'invalid-type']]);
    expect(where(thrown(() => formatPath(loose(['a', null]))))).toEqual([['options', ['path', 1], 'invalid-type']]);
    expect(where(thrown(() => localizeIssue(loose(null), 'en')))).toEqual([['options', ['issue'], 'invalid-type']]);
    // sound ones as before
    const [issue] = thrown(() => parseGraph(loose({ organizations: 1 }))).issues;
    expect(localizeIssue(issue as never, 'en').message).toMatch(/^wrong type/);
    expect(formatPath(['organizations', 3, 'parent'])).toBe('organizations[3].parent');
    expect(formatIssues([{ code: 'required', path: ['a'], params: {}, message: 'm' }], 'en')).toBe('a: m [required]');
    // an issue lacking a value its message names: {name}, and its own values kept
    const localized = localizeIssue({ code: 'required', path: [], params: {}, message: '缺少' }, 'en');
    expect([localized.message, localized.params]).toEqual(['required field "{field}" is missing', {}]);
  });
});

describe('ValidationError.inLanguage', () => {
  it('a language the messages are not in is refused, not a text of two languages', () => {
    const error = thrown(() => parseGraph(loose({ organizations: 1 })));
    expect(where(thrown(() => error.inLanguage(loose('fr'))))).toEqual([['options', ['lang'], 'invalid-value']]);
    expect(error.inLanguage('en').message).toMatch(/^Invalid graph: /);
  });
});
