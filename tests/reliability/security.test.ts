// Security: src/ never evaluates text as code nor deep-sets paths (grep over the sources), and
// keys named __proto__, constructor or prototype never change a prototype anywhere in the
// pipeline: graph → rules → records → assess → applyDecisions → reports → JSON, and the CLI.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  applyDecisions,
  assess,
  coverage,
  formatChainText,
  lintRuleSet,
  normalizeRecord,
  parseGraph,
  parseRuleSet,
  readCsvSync,
  readJsonArray,
  readNdjsonSync,
  safeParseGraph,
  safeParseRuleSet,
  toCsv,
  toGraphInput,
  toMarkdown,
  toMermaid,
  type Decision,
} from '../../src/index.js';
import { cli, installGuards, json, keep, prototypeChanges, snapshotPrototypes, tempFiles } from './helpers.js';

installGuards();
const PROTOTYPES_BEFORE = snapshotPrototypes();
const tmp = tempFiles('security');

const SRC = fileURLToPath(new URL('../../src/', import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(?:[cm]?[jt]s|tsx)$/.test(entry.name) ? [path] : [];
  });
}

// Comments removed (line and block), so that a comment saying "never eval(" is not a finding;
// string contents are kept: `import('vm')` is code.
function withoutComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, ' ').replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
}

const FORBIDDEN: readonly [string, RegExp][] = [
  ['eval(', /(?<![\w$.])eval\s*\(/],
  ['indirect eval', /\(\s*0\s*,\s*eval\s*\)|globalThis\s*\.\s*eval|\[\s*['"]eval['"]\s*\]/],
  ['new Function', /\bnew\s+Function\s*\(/],
  ['Function(...) from a string', /(?<![\w$.])Function\s*\(\s*['"`]/],
  ['setTimeout/setInterval with a string', /\bset(?:Timeout|Interval|Immediate)\s*\(\s*['"`]/],
  ['node:vm', /(?:from\s*|require\s*\(\s*|import\s*\(\s*)['"](?:node:)?vm['"]/],
  ['lodash deep setters imported', /(?:from\s*|require\s*\(\s*|import\s*\(\s*)['"]lodash(?:-es)?[./](?:set|setWith|merge|mergeWith|zipObjectDeep|defaultsDeep)(?:\.js)?['"]/],
  ['lodash deep setters named', /import\s*\{[^}]*\b(?:set|setWith|merge|mergeWith|zipObjectDeep|defaultsDeep)\b[^}]*\}\s*from\s*['"]lodash(?:-es)?['"]/],
  ['lodash deep setters called', /\b(?:_|lodash|lo)\s*\.\s*(?:set|setWith|merge|mergeWith|zipObjectDeep|defaultsDeep)\s*\(/],
  ['__proto__ assignment', /\.\s*__proto__\s*=(?!=)|\[\s*['"]__proto__['"]\s*\]\s*=(?!=)/],
];

describe('the sources', () => {
  const files = sourceFiles(SRC);

  it('are all read (the grep is not vacuous)', () => {
    expect(files.length).toBeGreaterThan(80);
    expect(files.some((f) => f.endsWith(join('engine', 'assess.ts')))).toBe(true);
  });

  it('the patterns find what they look for', () => {
    const samples: Record<string, string> = {
      'eval(': 'const x = eval(text);',
      'indirect eval': 'const x = (0, eval)(text);',
      'new Function': 'const f = new Function("a", body);',
      'Function(...) from a string': "const f = Function('return 1');",
      'setTimeout/setInterval with a string': "setTimeout('run()', 10);",
      'node:vm': "import { runInNewContext } from 'node:vm';",
      'lodash deep setters imported': "import set from 'lodash/set';",
      'lodash deep setters named': "import { merge, pick } from 'lodash';",
      'lodash deep setters called': '_.defaultsDeep(target, source);',
      '__proto__ assignment': 'target.__proto__ = source;',
    };
    for (const [name, pattern] of FORBIDDEN) expect(pattern.test(withoutComments(samples[name] as string)), name).toBe(true);
    expect(FORBIDDEN.some(([, p]) => p.test(withoutComments('// never eval(x) here\nconst evaluate = 1; model.evaluate(x);')))).toBe(false);
  });

  it('contain no eval, new Function, node:vm, string timers, lodash deep setters or __proto__ assignments', () => {
    const findings: string[] = [];
    for (const file of files) {
      const lines = withoutComments(readFileSync(file, 'utf8')).split('\n');
      lines.forEach((line, i) => {
        for (const [name, pattern] of FORBIDDEN) if (pattern.test(line)) findings.push(`${relative(SRC, file)}:${i + 1} ${name}: ${line.trim()}`);
      });
    }
    expect(findings).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------

const GRAPH_TEXT = `{
  "id": "__proto__",
  "title": "constructor",
  "organizations": [
    { "id": "__proto__", "name": "__proto__", "kind": "committee" },
    { "id": "constructor", "name": "constructor", "kind": "branch", "parent": "__proto__" },
    { "id": "prototype", "name": "prototype", "kind": "branch", "parent": "__proto__" }
  ],
  "people": [
    { "id": "__proto__", "name": "polluted", "partyMember": true },
    { "id": "constructor", "name": "isAdmin", "partyMember": true },
    { "id": "prototype", "name": "toString", "partyMember": true }
  ],
  "posts": [
    { "person": "__proto__", "organization": "__proto__", "role": "secretary", "title": "__proto__" },
    { "person": "prototype", "organization": "__proto__", "role": "team-member" },
    { "person": "constructor", "organization": "constructor", "role": "secretary" }
  ],
  "oversight": [{ "person": "prototype", "organization": "constructor", "area": "constructor" }],
  "liaison": [{ "person": "prototype", "organization": "prototype" }]
}`;

const RULES_TEXT = `{
  "id": "__proto__",
  "title": "constructor",
  "version": "prototype",
  "period": { "year": 2022 },
  "recordTypes": [{ "id": "__proto__", "title": "polluted" }, { "id": "constructor", "title": "isAdmin" }],
  "sources": [{ "id": "__proto__", "complete": true, "recordTypes": ["__proto__"] }],
  "ladders": [{ "id": "__proto__", "title": "constructor", "appliesTo": { "organizations": ["branch", "committee"] },
    "grades": [{ "id": "__proto__", "title": "好", "min": 90 }, { "id": "constructor", "title": "一般", "min": 60 }, { "id": "prototype", "title": "差", "min": 0 }] }],
  "quotas": [{ "ladder": "__proto__", "grade": "__proto__", "maxShare": "1/3" }],
  "indicators": [
    { "id": "__proto__", "title": "constructor", "responsibility": "principal", "appliesTo": { "organizations": ["branch"] }, "points": 60,
      "measure": { "type": "count", "recordTypes": ["__proto__"], "atLeast": 2, "where": { "__proto__": "polluted", "constructor": ["prototype", "isAdmin"] }, "requireAttributes": ["__proto__"] },
      "scoring": { "method": "proportional" },
      "bonus": { "recordTypes": ["constructor"], "where": { "prototype": true }, "each": 2, "cap": 4 },
      "veto": { "recordTypes": ["constructor"], "where": { "__proto__": "veto" } } },
    { "id": "constructor", "title": "prototype", "responsibility": "principal", "appliesTo": { "organizations": ["branch"] }, "points": 40,
      "measure": { "type": "manual", "recordType": "constructor", "groups": [{ "id": "__proto__", "weight": 7 }, { "id": "constructor", "weight": 3 }], "scale": 100 },
      "scoring": { "method": "proportional" } },
    { "id": "prototype", "title": "__proto__", "responsibility": "first", "appliesTo": { "organizations": ["committee"] }, "points": 100,
      "measure": { "type": "roll-up", "from": [{ "source": "children", "weight": 1, "of": ["__proto__", "constructor"] }] },
      "scoring": { "method": "proportional" } }
  ],
  "accountability": {
    "rules": [
      { "id": "__proto__", "title": "constructor", "trigger": { "type": "shortfall", "indicator": "__proto__" }, "reach": [{ "to": "secretary" }, { "to": "overseer" }] },
      { "id": "constructor", "title": "prototype", "trigger": { "type": "veto" }, "reach": [{ "to": "self" }, { "to": "secretary" }] }
    ]
  }
}`;

const RECORDS_NDJSON = [
  '{"id":"__proto__","type":"__proto__","organization":"constructor","date":"2022-03-01","attributes":{"__proto__":"polluted","constructor":"isAdmin","prototype":1}}',
  '{"id":"constructor","type":"__proto__","organization":"constructor","date":"2022-04-01","attributes":{"__proto__":"polluted","constructor":"prototype"}}',
  '{"id":"prototype","type":"__proto__","organization":"prototype","date":"2022-04-01","attributes":{"__proto__":"other","constructor":"prototype"}}',
  '{"id":"toString","type":"constructor","organization":"constructor","date":"2022-05-01","attributes":{"indicator":"constructor","group":"__proto__","score":90,"prototype":true}}',
  '{"id":"valueOf","type":"constructor","organization":"prototype","date":"2022-05-01","attributes":{"indicator":"constructor","group":"constructor","score":50,"__proto__":"veto"}}',
  '{"id":"hasOwnProperty","type":"constructor","organization":"prototype","date":"2022-05-02","attributes":{"indicator":"constructor","group":"__proto__","score":70}}',
].join('\n');

const RECORDS_CSV = `编号,类型,党组织,日期,属性.__proto__,属性.constructor,属性.prototype:布尔
csv-1,__proto__,constructor,2022-06-01,polluted,prototype,是
`;

const HOSTILE_JSON = `{"__proto__": {"polluted": "yes", "isAdmin": true}, "constructor": {"prototype": {"polluted": "yes"}}, "prototype": {"polluted": "yes"}}`;

function expectPrototypesClean(step: string): void {
  expect(({} as Record<string, unknown>)['polluted'], step).toBeUndefined();
  expect(({} as Record<string, unknown>)['isAdmin'], step).toBeUndefined();
  expect(({}).constructor, step).toBe(Object);
  expect(Object.prototype.toString.call([]), step).toBe('[object Array]');
}

describe('__proto__, constructor and prototype through the whole pipeline', () => {
  it('as ids, titles, attribute keys, filter keys and group ids: scored as ordinary keys, no prototype touched', () => {
    const graphInput = keep(json(GRAPH_TEXT), 'graph');
    const rulesInput = keep(json(RULES_TEXT), 'rules');
    const graph = parseGraph(graphInput);
    expectPrototypesClean('parseGraph');
    expect(JSON.stringify(toGraphInput(parseGraph(toGraphInput(graph))))).toBe(JSON.stringify(toGraphInput(graph)));
    const ruleSet = parseRuleSet(rulesInput);
    expectPrototypesClean('parseRuleSet');
    expect(lintRuleSet(rulesInput, graph).filter((f) => f.severity === 'error')).toEqual([]);
    const records = [...readNdjsonSync(RECORDS_NDJSON, { file: 'records.ndjson' }), ...readCsvSync(RECORDS_CSV, { file: 'records.csv' })];
    expectPrototypesClean('readers');

    const result = assess({ graph, rules: ruleSet, records });
    expectPrototypesClean('assess');
    const branch = result.organizations.find((o) => o.id === 'constructor');
    // Three records pass the filter for `constructor` (the first two and the CSV row).
    expect(branch?.lines.find((l) => l.indicator === '__proto__')).toMatchObject({ status: 'met', points: 60, records: { counted: 3 } });
    expect(branch?.lines.find((l) => l.indicator === 'constructor')).toMatchObject({ value: 63, points: 25.2 });
    expect(branch?.bonus).toBe(2);
    const other = result.organizations.find((o) => o.id === 'prototype');
    expect(other?.vetoes).toEqual([{ indicator: '__proto__', recordIds: ['valueOf'] }]);
    expect(other?.grade).toMatchObject({ id: 'prototype', reason: 'veto' });
    expect(result.findings.length).toBeGreaterThan(0);

    const decisions = result.findings.map((finding, i): Decision =>
      i % 2 === 0
        ? { finding: finding.id, action: 'confirm', by: '__proto__', at: '2023-01-20' }
        : { finding: finding.id, action: 'waive', by: 'constructor', at: '2023-01-20', reason: 'prototype' },
    );
    // A decision carrying a JSON "__proto__" key: an own key, not a way to inherit a reason — a
    // field a decision does not have, refused as any other (unknown-field), prototypes untouched.
    const withProto = [...decisions];
    withProto[0] = json(`{"finding": ${JSON.stringify(decisions[0]?.finding)}, "action": "confirm", "by": "__proto__", "at": "2023-01-20", "__proto__": {"reason": "inherited", "form": "disciplinary-sanction"}}`);
    let refused: unknown;
    try {
      applyDecisions(result, keep(withProto, 'decisions'));
    } catch (error) {
      refused = error;
    }
    expect((refused as { issues?: { code: string; path: unknown[] }[] }).issues?.map((i) => [i.code, i.path])).toEqual([['unknown-field', ['decisions', 0, '__proto__']]]);
    expectPrototypesClean('applyDecisions refusing __proto__');
    const decided = applyDecisions(result, keep(decisions, 'decisions'));
    expectPrototypesClean('applyDecisions');
    expect(decided.audit?.[0]).not.toHaveProperty('reason');
    expect(decided.findings[0]?.status).toBe('confirmed');

    const reports = [toMarkdown(decided, { graph, coverage: coverage(graph) }), toCsv(decided).lines, toCsv(decided).findings, toMermaid(graph, decided), formatChainText(graph, 'constructor')];
    expectPrototypesClean('reports');
    for (const text of reports) expect(text).not.toContain('[object Object]');

    const round = JSON.parse(JSON.stringify(decided)) as unknown;
    expect(JSON.stringify(round)).toBe(JSON.stringify(decided));
    expectPrototypesClean('JSON');
    expect(prototypeChanges(PROTOTYPES_BEFORE)).toEqual([]);
  });

  it('as keys where no key may be: refused as unknown fields or invalid values at every level', () => {
    const withHostile = json<Record<string, unknown>>(
      `{"organizations": [${JSON.stringify({ id: 'a', name: 'a', kind: 'committee' }).slice(0, -1)}, ${HOSTILE_JSON.slice(1)}], "people": [], "posts": [], ${HOSTILE_JSON.slice(1)}`,
    );
    const graph = safeParseGraph(keep(withHostile));
    expect(graph.success ? [] : graph.error.issues.map((i) => [i.code, i.path.join('.')])).toEqual([
      ['unknown-field', '__proto__'],
      ['unknown-field', 'constructor'],
      ['unknown-field', 'prototype'],
      ['unknown-field', 'organizations.0.__proto__'],
      ['unknown-field', 'organizations.0.constructor'],
      ['unknown-field', 'organizations.0.prototype'],
    ]);
    const rulesHostile = json<Record<string, unknown>>(`${RULES_TEXT.trimEnd().slice(0, -1)}, ${HOSTILE_JSON.slice(1)}`);
    const rules = safeParseRuleSet(keep(rulesHostile));
    expect(rules.success ? [] : rules.error.issues.map((i) => [i.code, i.path.join('.')])).toEqual([
      ['unknown-field', '__proto__'],
      ['unknown-field', 'constructor'],
      ['unknown-field', 'prototype'],
    ]);
    const record = normalizeRecord(keep(json(`{"id": "r", "type": "t", "organization": "a", "date": "2022-01-01", "attributes": ${HOSTILE_JSON}}`)));
    expect(record.ok ? [] : record.issues.map((i) => [i.code, i.path.join('.')])).toEqual([
      ['invalid-attribute', 'attributes.__proto__'],
      ['invalid-attribute', 'attributes.constructor'],
      ['invalid-attribute', 'attributes.prototype'],
    ]);
    const items = [...readJsonArray(`{"records": [], ${HOSTILE_JSON.slice(1)}`)];
    expect(items.map((i) => (i.kind === 'issue' ? [i.issue.code, i.issue.path.join('.')] : null))).toEqual([
      ['unknown-field', '__proto__'],
      ['unknown-field', 'constructor'],
      ['unknown-field', 'prototype'],
    ]);
    expectPrototypesClean('refusals');
  });

  it('through the CLI: validate, lint, assess in every format, chain, coverage', async () => {
    const graph = tmp.file('graph.json', GRAPH_TEXT);
    const rulesFile = tmp.file('rules.json', RULES_TEXT);
    const ndjson = tmp.file('records.ndjson', RECORDS_NDJSON);
    const csv = tmp.file('records.csv', RECORDS_CSV);
    const hostileGraph = tmp.file('hostile.json', `{"organizations": [], "people": [], "posts": [], ${HOSTILE_JSON.slice(1)}`);
    const runs = [
      await cli(['validate', graph, rulesFile, ndjson, csv]),
      await cli(['lint', '--rules', rulesFile, '--graph', graph]),
      await cli(['assess', '--graph', graph, '--rules', rulesFile, '--evidence', ndjson, '--evidence', csv]),
      await cli(['assess', '--graph', graph, '--rules', rulesFile, '--evidence', ndjson, '--format', 'md']),
      await cli(['assess', '--graph', graph, '--rules', rulesFile, '--evidence', ndjson, '--evidence', csv, '--format', 'csv', '--fail-on', 'prototype']),
      await cli(['chain', '--graph', graph, '--org', '__proto__']),
      await cli(['chain', '--graph', graph, '--person', 'constructor', '--format', 'json']),
      await cli(['chain', '--graph', graph, '--mermaid']),
      await cli(['coverage', '--graph', graph, '--format', 'json']),
      await cli(['validate', hostileGraph]),
    ];
    expectPrototypesClean('CLI');
    expect(runs.map((r) => r.code)).toEqual([0, 0, 0, 0, 3, 0, 0, 0, 0, 1]);
    const result = JSON.parse(runs[2]?.stdout ?? '') as { organizations: { id: string; total: number }[] };
    expect(result.organizations.map((o) => o.id)).toEqual(['__proto__', 'constructor', 'prototype']);
  });
});
