// A problem with --previous found as the run uses it (not as the file is read) is placed in the
// file, at its line, like any other input problem; chain --result is no previous result.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { placeInResult } from '../../src/cli/load.js';
import { makeIssue } from '../../src/core/issue.js';
import { formatMessage } from '../../src/core/messages.js';
import { ValidationError } from '../../src/core/validation-error.js';
import { assessBureau, BUREAU, cli, lineOf, tempDir } from './helpers.js';

const tmp = tempDir('previous-lines');
afterAll(() => tmp.cleanup());
let result = '';
beforeAll(async () => {
  result = (await assessBureau()).stdout;
});

describe('assess --previous: problems found as the run uses it', () => {
  it('a previous result of this very period: exit 1, the problem at the line of its period, the path from the root', async () => {
    const previous = tmp.file('same-period.json', result);
    const run = await assessBureau('--previous', previous);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    const params = { start: '2022-01-01', end: '2022-12-31', currentStart: '2022-01-01', currentEnd: '2022-12-31' };
    const message = formatMessage('previous-period-not-before', params, 'zh');
    expect(run.stderr).toBe(`上期评估结果校验未通过，共 1 个问题：\n${previous}:${lineOf(result, '"period"')} period: ${message} [previous-period-not-before]\n`);
  });

  it('from standard input: named <stdin>, at its line too, in English', async () => {
    const run = await cli(['assess', '--lang', 'en', '--graph', BUREAU.graph, '--rules', BUREAU.rules, '--evidence', BUREAU.ndjson, '--previous', '-'], { stdin: result });
    expect(run.code).toBe(1);
    expect(run.stderr.split('\n')[0]).toBe('Previous result: 1 problem:');
    expect(run.stderr.split('\n')[1]).toMatch(new RegExp(`^<stdin>:${lineOf(result, '"period"')} period: .* \\[previous-period-not-before\\]$`));
  });

  it('placeInResult: any problem of subject previous, its path from the file root, at its line, in line order', () => {
    const text = '{\n  "schemaVersion": 1,\n  "period": {\n    "start": "2022-01-01"\n  },\n  "organizations": []\n}\n';
    const error = new ValidationError(
      'previous',
      [
        makeIssue('invalid-previous', ['previous', 'organizations'], { field: 'organizations', expected: 'array' }, 'en'),
        makeIssue('some-future-check', ['previous', 'period', 'start'], {}, 'en'),
        makeIssue('some-other-check', [], {}, 'en'),
      ],
      'en',
    );
    const placed = placeInResult(error, { file: 'prev.json', text, value: JSON.parse(text) }, 'previous');
    expect(placed.subject).toBe('Previous result');
    expect(placed.issues.map((i) => [i.file, i.line, i.path, i.code])).toEqual([
      ['prev.json', 1, [], 'some-other-check'],
      ['prev.json', 4, ['period', 'start'], 'some-future-check'],
      ['prev.json', 6, ['organizations'], 'invalid-previous'],
    ]);
  });
});

describe('chain --result: an assessment result, not a previous one', () => {
  it('a file that is no result: each problem says the result is not one, at its line', async () => {
    const notResult = tmp.file('not-result.json', '{\n  "schemaVersion": 2,\n  "organizations": [],\n  "people": [],\n  "ruleSet": { "id": "r" }\n}\n');
    const zh = await cli(['chain', '--graph', BUREAU.graph, '--mermaid', '--result', notResult]);
    expect(zh.code).toBe(1);
    expect(zh.stderr).toBe(`评估结果校验未通过，共 1 个问题：\n${notResult}:2 schemaVersion: 不是有效的 zerenzhi 评估结果：schemaVersion 应为 1 [cli-invalid-result]\n`);
    const en = await cli(['chain', '--lang', 'en', '--graph', BUREAU.graph, '--mermaid', '--result', notResult]);
    expect(en.stderr).toBe(`Assessment result: 1 problem:\n${notResult}:2 schemaVersion: not a zerenzhi assessment result: schemaVersion must be 1 [cli-invalid-result]\n`);
  });

  it('not an object at all: the whole file', async () => {
    const list = tmp.file('list.json', '[]\n');
    const run = await cli(['chain', '--lang', 'en', '--graph', BUREAU.graph, '--mermaid', '--result', list]);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(`Assessment result: 1 problem:\n${list}:1: not a zerenzhi assessment result: it must be a JSON object [cli-invalid-result]\n`);
  });
});
