import { describe, expect, it } from 'vitest';
import { checkReferences, type CheckInput, type Indexed } from '../../src/graph/check-references.js';

// Posts and edges are checked for repeats by a key of their person and organization: a number
// made from their places in the input, or, past what a number holds exactly, a text. Both must
// find the same repeats and conflicts.
const at = <T>(base: number, values: readonly T[]): Indexed<T>[] => values.map((value, i) => ({ at: base + i, value }));

function input(base: number): CheckInput {
  return {
    // far places for the organizations: their keys then pass 2^53 (text keys)
    organizations: at(base, [
      { id: 'c1', name: '党委', kind: 'committee' as const },
      { id: 'b1', name: '第一党支部', kind: 'branch' as const, parent: 'c1' },
    ]),
    people: at(0, [
      { id: 'p1', name: '王某', partyMember: true },
      { id: 'p2', name: '李某', partyMember: true },
    ]),
    posts: at(base, [
      { person: 'p1', organization: 'b1', role: 'secretary' as const },
      { person: 'p1', organization: 'b1', role: 'secretary' as const },
      { person: 'p1', organization: 'b1', role: 'team-member' as const },
      { person: 'p2', organization: 'c1', role: 'secretary' as const },
      { person: 'p2', organization: 'b1', role: 'member' as const },
      // the same person and role in another organization: not a repeat
      { person: 'p2', organization: 'c1', role: 'member' as const },
    ]),
    oversight: at(base, [
      { person: 'p2', organization: 'b1' },
      { person: 'p2', organization: 'b1' },
    ]),
    liaison: [],
    brokenOrganizationIds: new Set(),
    brokenPersonIds: new Set(),
  };
}

const codes = (base: number): unknown[] => checkReferences(input(base), 'en').map((i) => [i.code, i.path.map((p) => (typeof p === 'number' && p >= base ? p - base : p)), i.params['person'] ?? null]);

describe('checkReferences: repeats by person and organization', () => {
  it('finds the same repeats with number keys and with text keys', () => {
    const small = codes(0);
    expect(small.map((c) => (c as unknown[])[0])).toEqual(['duplicate-post', 'conflicting-posts', 'duplicate-edge']);
    // organizations from 2^51: (person × organizations' span + organization) × 8 is past 2^53
    expect(codes(2 ** 51)).toEqual(small.map((c) => {
      const [code, path, person] = c as [string, (string | number)[], unknown];
      return [code, path, person];
    }));
  });
});
