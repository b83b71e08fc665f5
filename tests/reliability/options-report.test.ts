// The options (and the inputs where a TypeError was possible) of the report and serialization
// functions are checked: every problem listed in one ValidationError, each with its code and
// path, in Chinese by default and in English when the options ask for it; valid calls unchanged.
import { describe, expect, it } from 'vitest';
import {
  coverage,
  formatChainText,
  formatCoverageText,
  formatDutiesText,
  jsonChunks,
  lintRuleSet,
  toCsv,
  toCsvChunks,
  toMarkdown,
  toMarkdownChunks,
  toMermaid,
  ValidationError,
} from '../../src/index.js';
import { checkOptions } from '../../src/core/options.js';
import { JsonChunkOptionsSchema } from '../../src/core/json-chunks.js';
import { CsvOptionsSchema } from '../../src/report/csv.js';
import { MarkdownOptionsSchema } from '../../src/report/markdown.js';
import { MermaidOptionsSchema } from '../../src/report/mermaid.js';
import { bureauGraph, bureauResult, bureauRules } from '../report/helpers.js';

type Problem = [code: string, path: readonly (string | number)[]];

/** The ValidationError a call throws: subject, language, and its issues as [code, path]. */
function refusal(call: () => unknown): { subject: string; lang: string; issues: Problem[]; messages: string[] } {
  try {
    call();
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    return { subject: error.subject, lang: error.lang, issues: error.issues.map((i) => [i.code, i.path]), messages: error.issues.map((i) => i.message) };
  }
  throw new Error('expected a ValidationError, the call returned');
}

const issuesOf = (call: () => unknown): Problem[] => refusal(call).issues;
const graphJson = { organizations: [{ id: 'c', name: '党委', kind: 'committee' }], people: [], posts: [] };
const result = bureauResult();
const report = coverage(bureauGraph);

describe('toMarkdown and toMarkdownChunks options', () => {
  it('lists every problem: unknown names, a wrong lang, a graph not parsed, coverage and lint of another shape', () => {
    // The fields in the schema's order, then the unknown names, then the graph check.
    expect(issuesOf(() => toMarkdown(result, { coverge: report, lang: 'fr', graph: graphJson, lint: {} } as never))).toEqual([
      ['invalid-value', ['lang']],
      ['invalid-type', ['lint']],
      ['unknown-field', ['coverge']],
      ['invalid-type', ['graph']],
    ]);
  });

  it('refuses a lang of another case or null, in Chinese', () => {
    for (const lang of ['fr', 'EN', null]) {
      const got = refusal(() => toMarkdown(result, { lang } as never));
      expect(got.subject).toBe('options');
      expect(got.lang).toBe('zh');
      expect(got.issues).toEqual([['invalid-value', ['lang']]]);
    }
    expect(refusal(() => toMarkdown(result, { lang: 'fr' } as never)).messages).toEqual(['取值「fr」无效，可选值：zh, en']);
  });

  it('in English when the options ask for it', () => {
    const got = refusal(() => toMarkdown(result, { lang: 'en', coverge: report } as never));
    expect(got.lang).toBe('en');
    expect(got.messages).toEqual(['unknown field "coverge" (a typo?)']);
  });

  it('null, a text, an array as options: invalid-type at []', () => {
    for (const options of [null, 'en', [1]]) {
      const got = refusal(() => toMarkdown(result, options as never));
      expect(got.issues).toEqual([['invalid-type', []]]);
      expect(got.subject).toBe('options');
    }
    expect(refusal(() => toMarkdown(result, null as never)).messages).toEqual(['类型错误：应为 object，实际为 null']);
  });

  it('coverage must be a coverage report: {} names each missing count, a text is the wrong type, a gap needs code, severity, message', () => {
    expect(issuesOf(() => toMarkdown(result, { coverage: {} } as never))).toEqual([
      ['required', ['coverage', 'gaps']],
      ['required', ['coverage', 'organizations']],
      ['required', ['coverage', 'overseen']],
      ['required', ['coverage', 'withSecretary']],
    ]);
    expect(issuesOf(() => toMarkdown(result, { coverage: 'x' } as never))).toEqual([['invalid-type', ['coverage']]]);
    expect(issuesOf(() => toMarkdown(result, { coverage: { ...report, gaps: [{ code: 'x', severity: 'fatal' }] } } as never))).toEqual([
      ['invalid-value', ['coverage', 'gaps', 0, 'severity']],
      ['required', ['coverage', 'gaps', 0, 'message']],
    ]);
  });

  it('lint must be a list of lint findings', () => {
    expect(issuesOf(() => toMarkdown(result, { lint: [{}] } as never))).toEqual([
      ['required', ['lint', 0, 'severity']],
      ['required', ['lint', 0, 'code']],
      ['required', ['lint', 0, 'path']],
      ['required', ['lint', 0, 'message']],
    ]);
    expect(issuesOf(() => toMarkdown(result, { lint: null } as never))).toEqual([['invalid-type', ['lint']]]);
  });

  it('graph must be parsed: the graph document or null is named at graph', () => {
    const got = refusal(() => toMarkdown(result, { graph: graphJson } as never));
    expect(got.issues).toEqual([['invalid-type', ['graph']]]);
    expect(got.messages[0]).toContain('parseGraph');
    expect(issuesOf(() => toMarkdown(result, { graph: null } as never))).toEqual([['invalid-type', ['graph']]]);
  });

  it('a result that is not one: invalid-type at [], expected assess(…), the wrong parts named', () => {
    const nothing = refusal(() => toMarkdown(null as never));
    expect(nothing).toEqual({ subject: 'options', lang: 'zh', issues: [['invalid-type', []]], messages: ['类型错误：应为 assess(…)，实际为 null'] });
    const french = refusal(() => toMarkdown({ ...result, lang: 'fr' } as never, { lang: 'en' }));
    expect(french.issues).toEqual([['invalid-type', []]]);
    expect(french.messages).toEqual(['wrong type: expected assess(…), got object (lang)']);
    expect(issuesOf(() => toMarkdown({} as never))).toEqual([['invalid-type', []]]);
    expect(issuesOf(() => [...toMarkdownChunks(null as never)])).toEqual([['invalid-type', []]]);
  });

  it('toMarkdownChunks checks when it is called, before the first piece', () => {
    expect(issuesOf(() => toMarkdownChunks(result, { lang: 'fr' } as never))).toEqual([['invalid-value', ['lang']]]);
    expect(issuesOf(() => toMarkdownChunks(result, null as never))).toEqual([['invalid-type', []]]);
  });

  it('valid options still work, and a result read back from JSON is still a result', () => {
    const lint = lintRuleSet(bureauRules, bureauGraph);
    const full = toMarkdown(result, { lang: 'en', graph: bureauGraph, coverage: report, lint });
    expect(full).toContain('## Coverage');
    expect([...toMarkdownChunks(result, { lang: 'en', graph: bureauGraph, coverage: report, lint })].join('')).toBe(full);
    expect(toMarkdown(result)).toBe(toMarkdown(result, {}));
    expect(toMarkdown(JSON.parse(JSON.stringify(result)) as typeof result, { coverage: JSON.parse(JSON.stringify(report)) as typeof report })).toBe(
      toMarkdown(result, { coverage: report }),
    );
    expect(toMarkdown(result, { graph: undefined, coverage: undefined, lint: undefined } as never)).toBe(toMarkdown(result));
    expect(checkOptions(MarkdownOptionsSchema, { lang: 'en', lint: [] })).toBe('en');
  });
});

describe('toCsv and toCsvChunks options', () => {
  it('lists every problem: an unknown name, a wrong lang, a bom that is not a boolean', () => {
    expect(issuesOf(() => toCsv(result, { BOM: false, lang: 'fr', bom: 'false' } as never))).toEqual([
      ['invalid-value', ['lang']],
      ['invalid-type', ['bom']],
      ['unknown-field', ['BOM']],
    ]);
  });

  it('bom must be true or false: texts, numbers and null are refused, in English when asked', () => {
    for (const bom of ['false', 'no', 0, 1, null]) expect(issuesOf(() => toCsv(result, { bom } as never))).toEqual([['invalid-type', ['bom']]]);
    const got = refusal(() => toCsv(result, { lang: 'en', bom: 'no' } as never));
    expect(got.lang).toBe('en');
    expect(got.messages).toEqual(['wrong type: expected boolean, got string']);
    expect(refusal(() => toCsv(result, { bom: 0 } as never)).messages).toEqual(['类型错误：应为 boolean，实际为 number']);
  });

  it('null options and a null result, for toCsv and toCsvChunks', () => {
    for (const call of [() => toCsv(result, null as never), () => toCsvChunks(result, null as never), () => toCsv(result, 'en' as never)]) {
      expect(refusal(call)).toMatchObject({ subject: 'options', lang: 'zh', issues: [['invalid-type', []]] });
    }
    expect(refusal(() => toCsv(null as never)).messages).toEqual(['类型错误：应为 assess(…)，实际为 null']);
    expect(issuesOf(() => toCsvChunks({ organizations: [] } as never))).toEqual([['invalid-type', []]]);
  });

  it('valid options still work', () => {
    expect(toCsv(result, { bom: false }).lines.startsWith('\uFEFF')).toBe(false);
    expect(toCsv(result, { bom: true }).lines).toBe(toCsv(result).lines);
    expect(toCsv(result, { lang: 'en' }).lines.startsWith('\uFEFFSubject type')).toBe(true);
    expect([...toCsvChunks(result, { lang: 'en', bom: false }).findings].join('')).toBe(toCsv(result, { lang: 'en', bom: false }).findings);
    expect(checkOptions(CsvOptionsSchema, { bom: false })).toBe('zh');
  });
});

describe('jsonChunks options', () => {
  it('lists every problem: an unknown name, an indent and a depth out of range', () => {
    expect(issuesOf(() => jsonChunks({ a: 1 }, { indnt: 0, indent: -1, depth: 1.5 } as never))).toEqual([
      ['too-small', ['indent']],
      ['invalid-type', ['depth']],
      ['unknown-field', ['indnt']],
    ]);
  });

  it('indent: a whole number from 0 to 10; depth: a whole number of at least 0', () => {
    for (const indent of [Number.NaN, 1.5, '\t', '  ', null, Infinity]) expect(issuesOf(() => jsonChunks(1, { indent } as never))).toEqual([['invalid-type', ['indent']]]);
    expect(issuesOf(() => jsonChunks(1, { indent: 11 }))).toEqual([['too-big', ['indent']]]);
    expect(issuesOf(() => jsonChunks(1, { indent: 1e9 }))).toEqual([['too-big', ['indent']]]);
    for (const depth of [Number.NaN, 'x', 0.5, -Infinity]) expect(issuesOf(() => jsonChunks(1, { depth } as never))).toEqual([['invalid-type', ['depth']]]);
    // Infinity: every level member by member, as it was before the options were checked
    const nested = { a: [1, { b: [2, 3] }], c: 'x' };
    expect([...jsonChunks(nested, { depth: Infinity })].join('')).toBe(JSON.stringify(nested, null, 2));
    expect(issuesOf(() => jsonChunks(1, { depth: -1 }))).toEqual([['too-small', ['depth']]]);
    expect(refusal(() => jsonChunks(1, { indent: 1.5 })).messages).toEqual(['类型错误：应为 integer，实际为 1.5']);
    expect(refusal(() => jsonChunks(1, { indent: -1 })).messages).toEqual(['数值过小：应不小于 0']);
  });

  it('checks when it is called, not at the first piece; null and a text as options', () => {
    expect(issuesOf(() => jsonChunks(1, { indent: -1 }))).toEqual([['too-small', ['indent']]]);
    for (const options of [null, 'x', 2]) expect(refusal(() => jsonChunks(1, options as never))).toMatchObject({ subject: 'options', issues: [['invalid-type', []]] });
  });

  it('valid options still work: exactly JSON.stringify', () => {
    const value = { a: [1, { b: [2, 3] }], c: 'x' };
    for (const indent of [0, 1, 2, 10]) for (const depth of [0, 1, 2, 5]) expect([...jsonChunks(value, { indent, depth })].join('')).toBe(JSON.stringify(value, null, indent));
    expect([...jsonChunks(value)].join('')).toBe(JSON.stringify(value, null, 2));
    expect([...jsonChunks(value, {})].join('')).toBe(JSON.stringify(value, null, 2));
    expect(checkOptions(JsonChunkOptionsSchema, { indent: 0, depth: 0 })).toBe('zh');
  });
});

describe('toMermaid options', () => {
  it('lists every problem: an unknown name, a wrong lang', () => {
    expect(issuesOf(() => toMermaid(bureauGraph, result, { organisations: ['bureau'], lang: 'fr' } as never))).toEqual([
      ['invalid-value', ['lang']],
      ['unknown-field', ['organisations']],
    ]);
    for (const lang of ['EN', null]) expect(issuesOf(() => toMermaid(bureauGraph, undefined, { lang } as never))).toEqual([['invalid-value', ['lang']]]);
  });

  it('organizations: a list of texts, each an organization of the graph', () => {
    expect(issuesOf(() => toMermaid(bureauGraph, undefined, { organizations: 'br-center-1' } as never))).toEqual([['invalid-type', ['organizations']]]);
    expect(issuesOf(() => toMermaid(bureauGraph, undefined, { organizations: null } as never))).toEqual([['invalid-type', ['organizations']]]);
    const got = refusal(() => toMermaid(bureauGraph, undefined, { organizations: ['bureau', 'nope', 3, 'br-nope'] } as never));
    expect(got.issues).toEqual([
      ['invalid-type', ['organizations', 2]],
      ['unknown-organization', ['organizations', 1]],
      ['unknown-organization', ['organizations', 3]],
    ]);
    expect(got.messages.slice(1)).toEqual(['党组织「nope」不在关系图中', '党组织「br-nope」不在关系图中']);
    expect(refusal(() => toMermaid(bureauGraph, undefined, { lang: 'en', organizations: ['nope'] })).messages).toEqual(['organization "nope" is not in the graph']);
  });

  it('null options; a graph not parsed; a result that is not one (null, or options given in its place)', () => {
    expect(refusal(() => toMermaid(bureauGraph, undefined, null as never))).toMatchObject({ subject: 'options', issues: [['invalid-type', []]] });
    expect(refusal(() => toMermaid(graphJson as never))).toMatchObject({ subject: 'query', issues: [['invalid-type', ['graph']]] });
    expect(refusal(() => toMermaid(null as never, undefined, { lang: 'en' }))).toMatchObject({ subject: 'query', lang: 'en', issues: [['invalid-type', ['graph']]] });
    expect(refusal(() => toMermaid(bureauGraph, null as never))).toMatchObject({ subject: 'options', issues: [['invalid-type', []]] });
    expect(refusal(() => toMermaid(bureauGraph, { lang: 'en' } as never)).messages).toEqual(['类型错误：应为 assess(…)，实际为 object (organizations, people, findings)']);
  });

  it('valid options still work', () => {
    const all = toMermaid(bureauGraph, result);
    expect(toMermaid(bureauGraph, result, {})).toBe(all);
    expect(toMermaid(bureauGraph, undefined, { organizations: [] })).toBe('flowchart TD\n');
    expect(toMermaid(bureauGraph, result, { lang: 'en', organizations: ['bureau', 'br-office'] })).toContain('flowchart TD');
    expect(checkOptions(MermaidOptionsSchema, { organizations: ['bureau'] })).toBe('zh');
  });
});

describe('formatChainText, formatDutiesText, formatCoverageText: the lang given by position', () => {
  it("anything but undefined, 'zh' or 'en' is options.lang invalid-value, in Chinese", () => {
    for (const lang of ['fr', 'EN', null, { lang: 'en' }]) {
      for (const call of [
        () => formatChainText(bureauGraph, 'br-center-1', lang as never),
        () => formatDutiesText(bureauGraph, 'p-li-hua', lang as never),
        () => formatCoverageText(report, lang as never),
      ]) {
        expect(refusal(call)).toMatchObject({ subject: 'options', lang: 'zh', issues: [['invalid-value', ['lang']]] });
      }
    }
    expect(refusal(() => formatChainText(bureauGraph, 'br-center-1', { lang: 'en' } as never)).messages).toEqual(['取值「{"lang":"en"}」无效，可选值：zh, en']);
  });

  it('a graph not parsed, an id that is not a text or not in the graph: a query error, in the language asked for', () => {
    expect(refusal(() => formatChainText(graphJson as never, 'c'))).toMatchObject({ subject: 'query', issues: [['invalid-type', ['graph']]] });
    expect(refusal(() => formatDutiesText(null as never, 'p-li-hua', 'en'))).toMatchObject({ subject: 'query', lang: 'en', issues: [['invalid-type', ['graph']]] });
    expect(refusal(() => formatChainText(bureauGraph, null as never))).toMatchObject({ subject: 'query', issues: [['invalid-type', ['organizationId']]] });
    expect(refusal(() => formatDutiesText(bureauGraph, 5 as never))).toMatchObject({ subject: 'query', issues: [['invalid-type', ['personId']]] });
    const unknown = refusal(() => formatChainText(bureauGraph, 'nope', 'en'));
    expect(unknown).toMatchObject({ subject: 'query', lang: 'en', issues: [['unknown-organization', ['organizationId']]] });
    expect(unknown.messages).toEqual(['organization "nope" is not in the graph']);
    expect(refusal(() => formatDutiesText(bureauGraph, 'nope'))).toMatchObject({ subject: 'query', lang: 'zh', issues: [['unknown-person', ['personId']]] });
  });

  it('formatCoverageText: a report that is not one, listed with a wrong lang', () => {
    expect(refusal(() => formatCoverageText(null as never))).toEqual({
      subject: 'options',
      lang: 'zh',
      issues: [['invalid-type', []]],
      messages: ['类型错误：应为 object，实际为 null'],
    });
    expect(issuesOf(() => formatCoverageText(null as never, 'fr' as never))).toEqual([
      ['invalid-value', ['lang']],
      ['invalid-type', []],
    ]);
    const empty = refusal(() => formatCoverageText({} as never, 'en'));
    expect(empty.issues).toEqual([
      ['required', ['gaps']],
      ['required', ['organizations']],
      ['required', ['overseen']],
      ['required', ['withSecretary']],
    ]);
    expect(empty.messages[0]).toBe('required field "gaps" is missing');
    expect(issuesOf(() => formatCoverageText({ ...report, gaps: [{ code: 'x', severity: 'error', message: 5 }] } as never))).toEqual([['invalid-type', ['gaps', 0, 'message']]]);
  });

  it('valid calls still work', () => {
    expect(formatChainText(bureauGraph, 'br-center-1')).toBe(formatChainText(bureauGraph, 'br-center-1', 'zh'));
    expect(formatChainText(bureauGraph, 'br-center-1', 'en')).toContain('br-center-1');
    expect(formatDutiesText(bureauGraph, 'p-li-hua', undefined)).toBe(formatDutiesText(bureauGraph, 'p-li-hua'));
    expect(formatCoverageText(report, 'en').startsWith('Coverage: ')).toBe(true);
    expect(formatCoverageText(JSON.parse(JSON.stringify(report)) as typeof report)).toBe(formatCoverageText(report));
  });
});
