import { describe, expect, it } from 'vitest';
import { GraphInputSchema, ValidationError, parseGraph } from '../../src/index.js';
import { graph } from '../../src/testing/index.js';
import { failureOf, smallGraph } from './helpers.js';

describe('graph()', () => {
  it('builds the brief’s example into a valid, parsed graph', () => {
    const g = smallGraph().build();
    expect([...g.organizations.keys()]).toEqual(['b1', 'bureau']);
    expect(g.organizations.get('b1')).toEqual({ id: 'b1', name: '第一党支部', kind: 'branch', parent: 'bureau' });
    expect(g.index.secretaryOf.get('bureau')).toBe('p1');
    expect(g.index.secretaryOf.get('b1')).toBe('p4');
    expect(g.index.teamOf.get('bureau')).toEqual(expect.arrayContaining(['p1', 'p2', 'p3']));
    expect(g.index.overseersOf.get('b1')?.map((e) => e.person)).toEqual(['p2']);
    expect(g.index.liaisonsOf.get('b1')).toEqual(['p3']);
  });

  it('creates people on the fly as party members named by their ids', () => {
    const input = smallGraph().input();
    expect(input.people.map((p) => p.id)).toEqual(['p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'p7']);
    expect(input.people.every((p) => p.partyMember && p.name === p.id)).toBe(true);
    expect(GraphInputSchema.safeParse(input).success).toBe(true);
  });

  it('gives every role of the options its post', () => {
    const input = graph()
      .committee('c', '党委', { secretary: 's', deputies: ['d'], team: ['t'], officer: ['o1', 'o2'], members: ['m'] })
      .input();
    expect(input.posts.map((p) => `${p.person}:${p.role}`)).toEqual([
      's:secretary',
      'd:deputy-secretary',
      't:team-member',
      'o1:party-affairs-officer',
      'o2:party-affairs-officer',
      'm:member',
    ]);
  });

  it('writes raw JSON with the graph’s id and title, oversight and liaison only when present', () => {
    expect(graph({ id: 'g', title: '图' }).branch('b1').input()).toEqual({
      id: 'g',
      title: '图',
      organizations: [{ id: 'b1', name: 'b1', kind: 'branch' }],
      people: [],
      posts: [],
    });
    const input = smallGraph().input();
    expect(input.oversight).toEqual([{ person: 'p2', organization: 'b1' }]);
    expect(input.liaison).toEqual([{ person: 'p3', organization: 'b1' }]);
  });

  it('has a helper for each kind of organization', () => {
    const input = graph()
      .committee('c')
      .leadingGroup('lg')
      .generalBranch('gb', { parent: 'c' })
      .branch('b', { parent: 'gb' })
      .group('g', '小组', { parent: 'b' })
      .input();
    expect(input.organizations.map((o) => `${o.id}:${o.kind}`)).toEqual(['c:committee', 'lg:leading-group', 'gb:general-branch', 'b:branch', 'g:group']);
    expect(parseGraph(input).organizations.size).toBe(5);
  });

  it('person() sets details before or after the person is named', () => {
    const input = graph()
      .person('p9', { name: '罗军', probationary: true })
      .branch('b1', { secretary: 'p1', members: ['p9', 'p8'] })
      .person('p1', '王建')
      .person('p8', { partyMember: true })
      .input();
    expect(input.people).toEqual([
      { id: 'p9', name: '罗军', partyMember: true, probationary: true },
      { id: 'p1', name: '王建', partyMember: true },
      { id: 'p8', name: 'p8', partyMember: true },
    ]);
  });

  it('post() and oversee() carry a title and an area', () => {
    const input = graph().committee('c', { secretary: 's' }).branch('b', { parent: 'c' }).post('t', 'c', 'team-member', '组织委员').oversee('t', 'b', '办公室').input();
    expect(input.posts).toContainEqual({ person: 't', organization: 'c', role: 'team-member', title: '组织委员' });
    expect(input.oversight).toEqual([{ person: 't', organization: 'b', area: '办公室' }]);
  });

  it('is immutable: a variant leaves the base as it was', () => {
    const base = smallGraph();
    const variant = base.branch('b2', { parent: 'bureau', secretary: 'p9' });
    expect(base.input().organizations).toHaveLength(2);
    expect(variant.input().organizations).toHaveLength(3);
    expect(base.input()).not.toBe(base.input());
  });

  it('build() reports an invalid graph as the parser does, in Chinese by default', () => {
    const bad = graph().committee('c', { secretary: 's' }).branch('b', { parent: 'c', secretary: 'x' }).oversee('x', 'b');
    expect(() => bad.build()).toThrow(ValidationError);
    expect(failureOf(() => bad.build())).toContain('不能分管该组织');
    expect(failureOf(() => bad.build({ lang: 'en' }))).toContain('cannot oversee it');
  });
});
