// Messages about posts name the role in words: in Chinese with its id after it, as
// probationary-leader does (书记（secretary）), in English in plain words (deputy secretary).
import { describe, expect, it } from 'vitest';
import { formatMessage, POST_ROLE_LABELS, POST_ROLES, type PostRole } from '../../src/index.js';
import { issuesOf } from './helpers.js';

const zh = (role: PostRole): string => `${POST_ROLE_LABELS[role].zh}（${role}）`;
const en = (role: PostRole): string => POST_ROLE_LABELS[role].en;

// A committee with a secretary and a team member, a branch, and a person outside the party.
function graph(extraPosts: Record<string, unknown>[]): Record<string, unknown> {
  return {
    organizations: [
      { id: 'c', name: '局党委', kind: 'committee' },
      { id: 'b', name: '一支部', kind: 'branch', parent: 'c' },
    ],
    people: [
      { id: 'p1', name: '王一', partyMember: true },
      { id: 'p2', name: '李二', partyMember: true },
      { id: 'n1', name: '孙六', partyMember: false },
    ],
    posts: [
      { person: 'p1', organization: 'c', role: 'secretary' },
      { person: 'p2', organization: 'c', role: 'team-member' },
      { person: 'p2', organization: 'b', role: 'member' },
      ...extraPosts,
    ],
  };
}

/** The messages of the graph's problems, in a language. */
const messages = (extraPosts: Record<string, unknown>[], lang: 'zh' | 'en'): string[] => issuesOf(graph(extraPosts), { lang }).map((issue) => issue.message);

describe('role names in the graph messages', () => {
  it('a person holding two leadership posts: 同时担任委员（team-member）和副书记（deputy-secretary）', () => {
    const extra = [{ person: 'p2', organization: 'c', role: 'deputy-secretary' }];
    expect(messages(extra, 'zh')).toEqual(['人员「p2」在「c」同时担任委员（team-member）和副书记（deputy-secretary），班子职务只能有一个']);
    expect(messages(extra, 'en')).toEqual(['"p2" holds both team member and deputy secretary in "c"; one leadership post per organization']);
  });

  it('duplicate-post names the role', () => {
    const extra = [{ person: 'p2', organization: 'b', role: 'member' }];
    expect(messages(extra, 'zh')).toEqual(['人员「p2」在「b」的职务党员（member）重复（首次出现在 posts[2]）']);
    expect(messages(extra, 'en')).toEqual(['"p2" is listed twice as member of "b" (first at posts[2])']);
  });

  it('leader-not-party-member names the role', () => {
    const extra = [{ person: 'n1', organization: 'b', role: 'deputy-secretary' }];
    expect(messages(extra, 'zh')).toEqual(['「n1」不是党员，不能担任「b」的副书记（deputy-secretary）']);
    expect(messages(extra, 'en')).toEqual(['"n1" is not a party member and cannot be deputy secretary of "b"']);
  });

  it('every role is named as POST_ROLE_LABELS names it, in both languages', () => {
    for (const role of POST_ROLES) {
      const params = { person: 'p', organization: 'o', role, first: role, second: role };
      expect(formatMessage('duplicate-post', { ...params, first: 'posts[0]' }, 'zh')).toBe(`人员「p」在「o」的职务${zh(role)}重复（首次出现在 posts[0]）`);
      expect(formatMessage('duplicate-post', { ...params, first: 'posts[0]' }, 'en')).toBe(`"p" is listed twice as ${en(role)} of "o" (first at posts[0])`);
      expect(formatMessage('conflicting-posts', params, 'zh')).toBe(`人员「p」在「o」同时担任${zh(role)}和${zh(role)}，班子职务只能有一个`);
      expect(formatMessage('conflicting-posts', params, 'en')).toBe(`"p" holds both ${en(role)} and ${en(role)} in "o"; one leadership post per organization`);
      expect(formatMessage('leader-not-party-member', params, 'zh')).toBe(`「p」不是党员，不能担任「o」的${zh(role)}`);
      expect(formatMessage('leader-not-party-member', params, 'en')).toBe(`"p" is not a party member and cannot be ${en(role)} of "o"`);
      expect(formatMessage('probationary-leader', params, 'zh')).toBe(`「p」是预备党员，没有被选举权，不能担任「o」的${zh(role)}`);
      expect(formatMessage('probationary-leader', params, 'en')).toBe(`"p" is a probationary member, who cannot be elected, so cannot be ${en(role)} of "o"`);
    }
  });

  it('an id that is no role is shown as it is', () => {
    expect(formatMessage('leader-not-party-member', { person: 'p', organization: 'o', role: 'chair' }, 'zh')).toBe('「p」不是党员，不能担任「o」的chair（chair）');
    expect(formatMessage('leader-not-party-member', { person: 'p', organization: 'o', role: '__proto__' }, 'en')).toBe('"p" is not a party member and cannot be __proto__ of "o"');
  });
});
