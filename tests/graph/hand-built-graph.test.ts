import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { assess, chainOf, coverage, parseGraph, readNdjsonSync, toMermaid, type Graph } from '../../src/index.js';
import { graphOf, isGraph, isGraphShaped } from '../../src/graph/lookup.js';
import { refusal, where } from '../refusal.js';

// An object in a graph's shape that parseGraph did not make (a copy, or one put together by
// hand) was taken as parsed, and bad contents crashed the engine, coverage and the chart deep
// inside (a review of the API, finding 6). Queries and reports refuse it; the engine, which
// takes graph documents too, checks it again from its contents.
const dir = new URL('../../examples/bureau-2022/', import.meta.url);
const graph = parseGraph(JSON.parse(readFileSync(new URL('graph.json', dir), 'utf8')));
const rules = JSON.parse(readFileSync(new URL('rules.json', dir), 'utf8')) as unknown;
const records = [...readNdjsonSync(readFileSync(new URL('records.ndjson', dir), 'utf8'))];
const withNullPost = { ...graph, posts: [...graph.posts, null] } as unknown as Graph;


describe('graph objects parseGraph did not make', () => {
  it('are graph-shaped but not graphs', () => {
    expect([isGraph(withNullPost), isGraphShaped(withNullPost), isGraph(graph)]).toEqual([false, true, true]);
  });

  it('assess checks one again: a null post at its index, subject graph', () => {
    expect(where(refusal(() => assess({ graph: withNullPost, rules, records })))).toEqual([['graph', ['posts', graph.posts.length], 'invalid-type']]);
  });

  it('assess on a sound copy gives what the graph gives', () => {
    expect(assess({ graph: { ...graph }, rules, records })).toEqual(assess({ graph, rules, records }));
  });

  it('graphOf: the same graph for a parsed one, a parsed one for a copy, errors in English when asked', () => {
    expect(graphOf(graph)).toBe(graph);
    expect(isGraph(graphOf({ ...graph }))).toBe(true);
    expect(refusal(() => graphOf(withNullPost, 'en')).lang).toBe('en');
  });

  it.each([
    ['coverage', () => coverage(withNullPost)],
    ['toMermaid', () => toMermaid(withNullPost)],
    ['chainOf', () => chainOf(withNullPost, 'p-wang')],
  ])('%s refuses one: invalid-type at graph, saying it was not made by parseGraph', (_, call) => {
    const error = refusal(call);
    expect(where(error)).toEqual([['query', ['graph'], 'invalid-type']]);
    expect(error.issues[0]?.message).toBe('类型错误：应为 parseGraph(…)，实际为 不是 parseGraph 生成的关系图对象（副本或手工拼装，内容未经校验），请用 parseGraph 生成');
  });
});
