import { describe, expect, it } from 'vitest';
import { graph, type OrganizationOptions, type PersonOptions } from '../../src/testing/index.js';
import { refusal, where } from '../refusal.js';

// The graph builder dropped options it did not know without a word (`secretry`: a committee
// without its secretary), and took a number for a person's options (a review of the API,
// finding 7). Its options are checked strictly now, as the records builder's are.
const loose = <T>(value: unknown): T => value as T;

describe('graph builder options', () => {
  it('a misspelt post is refused at its name, the right one suggested', () => {
    const error = refusal(() => graph().committee('c', '党委', loose<OrganizationOptions>({ secretry: 'p1' })));
    expect(where(error)).toEqual([['options', ['secretry'], 'unknown-option']]);
    expect(error.issues[0]?.message).toContain('secretary');
  });

  it('a post list given as a text is invalid-type at its name', () => {
    expect(where(refusal(() => graph().branch('b', loose<OrganizationOptions>({ secretary: 'p1', team: 'p2' }))))).toEqual([['options', ['team'], 'invalid-type']]);
  });

  it('a name that is neither a text nor options, and options given twice', () => {
    expect(where(refusal(() => graph().branch('b', loose<string>(7))))).toEqual([['options', ['name'], 'invalid-type']]);
    expect(where(refusal(() => graph().branch('b', { secretary: 'p' }, { members: ['q'] })))).toEqual([['options', ['options'], 'invalid-type']]);
  });

  it('person: a number, a misspelt field', () => {
    expect(where(refusal(() => graph().person('p', loose<PersonOptions>(5))))).toEqual([['options', [], 'invalid-type']]);
    expect(where(refusal(() => graph().person('p', loose<PersonOptions>({ nmae: '王' }))))).toEqual([['options', ['nmae'], 'unknown-option']]);
  });

  it('graph() and build(): names they do not have; errors in English with lang en', () => {
    expect(where(refusal(() => graph(loose({ idd: 'x' }))))).toEqual([['options', ['idd'], 'unknown-option']]);
    expect(where(refusal(() => graph().branch('b').build(loose({ langg: 'en' }))))).toEqual([['options', ['langg'], 'unknown-option']]);
    const error = refusal(() => graph({ lang: 'en' }).branch('b', loose<string>(7)));
    expect([error.lang, error.issues[0]?.message]).toEqual(['en', 'wrong type: expected string or object, got number']);
    // the builder's language is the graph's too, unless build says another
    expect(refusal(() => graph({ lang: 'en' }).branch('b', { parent: 'nowhere' }).build()).lang).toBe('en');
  });

  it('sound options build as before', () => {
    const built = graph({ id: 'g', title: '图' })
      .committee('c', '党委', { secretary: 'p1', deputies: ['p2'], team: ['p3'], officer: 'p4', members: ['p5'] })
      .branch('b', { parent: 'c', officer: ['p6', 'p7'] })
      .person('p5', '王')
      .person('p6', { partyMember: true, probationary: false })
      .build({ lang: 'en' });
    expect([built.id, built.posts.length, built.people.get('p5')?.name]).toEqual(['g', 7, '王']);
  });
});
