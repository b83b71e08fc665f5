// Queries given something that is not a whole graph answer with a ValidationError (subject
// `query`) naming what is missing, never with a TypeError from deep inside.
import { describe, expect, it } from 'vitest';
import {
  ancestorsOf,
  chainOf,
  coverage,
  descendantsOf,
  dutiesOf,
  responsibilitiesFor,
  toGraphInput,
  type Graph,
} from '../../src/index.js';
import { isGraph } from '../../src/graph/lookup.js';
import { bureauGraph, bureauInput, thrown } from './helpers.js';

const graph = bureauGraph();
const half = { organizations: new Map([['a', { id: 'a', name: '局党委', kind: 'committee', parent: null }]]), people: new Map(), index: {} };

const QUERIES: [string, (g: Graph) => unknown][] = [
  ['chainOf', (g) => chainOf(g, 'a')],
  ['coverage', (g) => coverage(g)],
  ['responsibilitiesFor', (g) => responsibilitiesFor(g, 'a')],
  ['dutiesOf', (g) => dutiesOf(g, 'p')],
  ['ancestorsOf', (g) => ancestorsOf(g, 'a')],
  ['descendantsOf', (g) => descendantsOf(g, 'a')],
  ['toGraphInput', (g) => toGraphInput(g)],
];

describe('isGraph', () => {
  it('a parsed graph is one; a graph put together by hand in its shape is not (its contents were never checked)', () => {
    expect(isGraph(graph)).toBe(true);
    expect(isGraph({ ...graph, organizations: new Map(graph.organizations) })).toBe(false);
  });

  it('the document, a half-built object, null, a list are not', () => {
    expect(isGraph(bureauInput())).toBe(false);
    expect(isGraph(half)).toBe(false);
    expect(isGraph(null)).toBe(false);
    expect(isGraph([])).toBe(false);
  });

  it('a graph with any one part of it or of its index taken away, or of another type, is not', () => {
    for (const key of ['organizations', 'people', 'posts', 'oversight', 'liaison', 'index']) {
      const { [key]: _gone, ...rest } = graph as unknown as Record<string, unknown>;
      expect(isGraph(rest), `without ${key}`).toBe(false);
      expect(isGraph({ ...rest, [key]: {} }), `${key} as a plain object`).toBe(false);
    }
    for (const key of Object.keys(graph.index)) {
      const { [key]: _gone, ...index } = graph.index as unknown as Record<string, unknown>;
      expect(isGraph({ ...graph, index }), `without index.${key}`).toBe(false);
    }
  });
});

describe('a half-built graph given to a query', () => {
  it.each(QUERIES)('%s: a ValidationError, subject query, naming the first part missing', (_name, query) => {
    const error = thrown(() => query(half as unknown as Graph));
    expect(error.subject).toBe('query');
    expect(error.issues.map((i) => [i.code, i.path])).toEqual([['invalid-type', ['graph']]]);
    expect(error.issues[0]?.message).toBe('类型错误：应为 parseGraph(…)，实际为 不完整的关系图对象（缺少 posts 或类型不对），请用 parseGraph 生成');
  });

  it('names a missing part of the index, in English on request', () => {
    const { liaisonsOf: _gone, ...index } = graph.index as unknown as Record<string, unknown>;
    const error = thrown(() => coverage({ ...graph, index } as unknown as Graph, { lang: 'en' }));
    expect(error.issues[0]?.message).toContain('an incomplete graph object (index.liaisonsOf missing or of the wrong type): make it with parseGraph');
  });

  it('a graph document is still named as one', () => {
    const error = thrown(() => chainOf(bureauInput() as unknown as Graph, 'bureau'));
    expect(error.issues[0]?.message).toBe('类型错误：应为 parseGraph(…)，实际为 组织关系图文档（JSON），请先用 parseGraph 解析');
  });
});
