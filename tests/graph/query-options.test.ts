import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ancestorsOf, chainOf, childrenOf, depthOf, descendantsOf, dutiesOf, isAncestorOf, parentOf, parseGraph, responsibilitiesFor, ValidationError } from '../../src/index.js';
import { refusal } from '../refusal.js';

// The graph queries' errors were in Chinese only, and an unknown id was said at no path (a
// review of the API, finding 11): each query now takes `{ lang }`, and an unknown id is said at
// the argument's name.
const graph = parseGraph(JSON.parse(readFileSync(new URL('../../examples/bureau-2022/graph.json', import.meta.url), 'utf8')));
const where = (error: ValidationError): unknown[] => [error.subject, error.lang, ...error.issues.map((i) => [i.path, i.code])];

describe('graph queries: language and path', () => {
  it.each([
    ['parentOf', () => parentOf(graph, 'nope', { lang: 'en' }), 'id'],
    ['childrenOf', () => childrenOf(graph, 'nope', { lang: 'en' }), 'id'],
    ['ancestorsOf', () => ancestorsOf(graph, 'nope', { lang: 'en' }), 'id'],
    ['descendantsOf', () => descendantsOf(graph, 'nope', { lang: 'en' }), 'id'],
    ['depthOf', () => depthOf(graph, 'nope', { lang: 'en' }), 'id'],
    ['isAncestorOf', () => isAncestorOf(graph, 'nope', 'bureau', { lang: 'en' }), 'ancestor'],
    ['responsibilitiesFor', () => responsibilitiesFor(graph, 'nope', { lang: 'en' }), 'organizationId'],
    ['chainOf', () => chainOf(graph, 'nope', { lang: 'en' }), 'organizationId'],
  ])('%s: unknown-organization at its argument, in English when asked', (_, call, argument) => {
    const error = refusal(call);
    expect(where(error)).toEqual(['query', 'en', [[argument], 'unknown-organization']]);
    expect(error.issues[0]?.message).toBe('organization "nope" is not in the graph');
  });

  it('dutiesOf: unknown-person at personId; Chinese by default', () => {
    expect(where(refusal(() => dutiesOf(graph, 'nope')))).toEqual(['query', 'zh', [['personId'], 'unknown-person']]);
    expect(where(refusal(() => dutiesOf(graph, 'nope', { lang: 'en' })))).toEqual(['query', 'en', [['personId'], 'unknown-person']]);
  });

  it('options checked: a misspelt name, a language other than zh or en', () => {
    const loose = <T>(value: unknown): T => value as T;
    expect(where(refusal(() => chainOf(graph, 'bureau', loose({ lnag: 'en' }))))).toEqual(['options', 'zh', [['lnag'], 'unknown-field']]);
    expect(where(refusal(() => parentOf(graph, 'bureau', loose({ lang: 'fr' }))))).toEqual(['options', 'zh', [['lang'], 'invalid-value']]);
  });

  it('sound calls answer as before', () => {
    expect(parentOf(graph, 'bureau', { lang: 'en' })).toBeNull();
    expect(chainOf(graph, 'bureau')).toEqual(chainOf(graph, 'bureau', { lang: 'en' }));
  });
});
