import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { openAssessment, type PartialState } from '../../src/index.js';
import { edited, graph, records, refused, rules, snapshotOf, whole, type Editable } from './partial-bureau.js';

// What a partial state says about a record must agree with the version it lists for it: a digest
// has one spelling (a second one of the same bytes was taken for a second version, and two shards
// of one record merged into a conflict), and the business scores and kept records belong to
// records of its versions, each kept record the very version its digest names. A state that
// breaks any of this is refused whole, each problem at its path.

const versionAt = (p: Editable, id: string): number => p.versions.findIndex(([v]) => v === id);
const ids = (p: Editable): { onLines: Set<string>; business: Set<string>; retained: Set<string> } => ({
  onLines: new Set(p.lines.flatMap(([, , , l]) => [...l.s, ...l.v, ...l.b.map(([id]) => id)])),
  business: new Set(p.business.flatMap(([, , scores]) => scores.map(([id]) => id))),
  retained: new Set(p.retained.map((r) => r.id)),
});

/** The same 32 bytes spelt with padding bits set in the last character (Buffer.from reads it alike). */
function respelt(digest: string): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  const other = `${digest.slice(0, 42)}${alphabet[alphabet.indexOf(digest[42] as string) + 1]}=`;
  expect(Buffer.from(other, 'base64')).toEqual(Buffer.from(digest, 'base64'));
  return other;
}

describe('absorb checks what a partial state says of a record against its versions', () => {
  it('refuses a digest spelt with padding bits: the same record in two shards would merge into a conflict', () => {
    const record = records.find((r) => r['id'] === 'r-2022-0004') as Record<string, unknown>;
    const a = JSON.parse(snapshotOf([record])) as Editable;
    let at = -1;
    const b = edited((p) => {
      at = versionAt(p, 'r-2022-0004');
      const version = p.versions[at] as PartialState['versions'][number];
      version[1][0] = respelt(version[1][0] as string);
    }, snapshotOf([record]));
    const digest = (b.versions[at] as PartialState['versions'][number])[1][0];
    expect(refused(b).map((i) => [i.code, i.path, i.params['digest']])).toEqual([['partial-digest-noncanonical', ['partial', 'versions', at, 1, 0], digest]]);
    expect(refused(b, 'zh')[0]?.message).toMatch(/^记录内容摘要/);
    // the canonical spelling merges as one pass does: a duplicate, no conflict
    const session = openAssessment({ graph, rules });
    session.absorb(a);
    session.absorb(JSON.parse(snapshotOf([record])) as PartialState);
    expect(session.finish().result.evidence).toMatchObject({ received: 1, duplicates: 1, conflicts: 0 });
    // in a conflict's list too
    const conflict = edited((p) => {
      const version = p.versions[versionAt(p, 'r-2022-0096')] as PartialState['versions'][number];
      expect(version[1]).toHaveLength(2);
      version[1][1] = respelt(version[1][1] as string);
    });
    expect(refused(conflict).map((i) => [i.code, i.path])).toEqual([['partial-digest-noncanonical', ['partial', 'versions', versionAt(conflict, 'r-2022-0096'), 1, 1]]]);
  });

  it('refuses a business score of a record it lists no version of, or only conflicting ones', () => {
    const p = edited((q) => {
      (q.business[0] as PartialState['business'][number])[2].push(['zz-no-such-score', 80]);
    });
    const at = (p.business[0] as PartialState['business'][number])[2].length - 1;
    expect(refused(p).map((i) => [i.code, i.path, i.params])).toEqual([['partial-business-unknown', ['partial', 'business', 0, 2, at, 0], { id: 'zz-no-such-score' }]]);
    expect(refused(p, 'zh')[0]?.message).toMatch(/zz-no-such-score/);
    const conflict = edited((q) => {
      const [id] = (q.business[0] as PartialState['business'][number])[2][0] as [string, number];
      const version = q.versions[versionAt(q, id)] as PartialState['versions'][number];
      version[1].push((q.versions.find(([v]) => v !== id) as PartialState['versions'][number])[1][0] as string);
      q.occurrences += 1;
    });
    expect(refused(conflict).map((i) => [i.code, i.path])).toEqual([['partial-business-conflict', ['partial', 'business', 0, 2, 0, 0]]]);
  });

  it('refuses a kept record it lists no version of, only conflicting ones, or another version of', () => {
    const unknown = edited((q) => {
      q.retained.push({ ...(q.retained[0] as PartialState['retained'][number]), id: 'zz-no-such-record' });
    });
    const last = unknown.retained.length - 1;
    expect(refused(unknown).map((i) => [i.code, i.path, i.params])).toEqual([['partial-retained-unknown', ['partial', 'retained', last], { id: 'zz-no-such-record' }]]);
    // its content changed: not the version whose digest the state lists
    const changed = edited((q) => {
      Object.assign(q.retained[0] as object, { title: '另一个版本' });
    });
    const id = (changed.retained[0] as PartialState['retained'][number]).id;
    expect(refused(changed).map((i) => [i.code, i.path, i.params])).toEqual([['partial-retained-digest', ['partial', 'retained', 0], { id }]]);
    expect(refused(changed, 'zh')[0]?.message).toMatch(new RegExp(`^保留的原始记录「${id}」`));
    // its date changed, to another day of the period: still kept, but another version
    const redated = edited((q) => {
      Object.assign(q.retained[0] as object, { date: '2022-01-08' });
    });
    expect(refused(redated).map((i) => i.code)).toEqual(['partial-retained-digest']);
    const conflict = edited((q) => {
      const version = q.versions[versionAt(q, id)] as PartialState['versions'][number];
      version[1].push((q.versions.find(([v]) => v !== id) as PartialState['versions'][number])[1][0] as string);
      q.occurrences += 1;
    });
    expect(refused(conflict).map((i) => [i.code, i.path])).toEqual(expect.arrayContaining([['partial-retained-conflict', ['partial', 'retained', 0]]]));
  });

  it('refuses a kept record this assessment would not keep: pending, outside the period, of a type no rule reads, or for no one in the graph', () => {
    // the record and its version's digest changed together: the right version, but not one kept
    const keptAs = (change: Record<string, unknown>): Editable =>
      edited((q) => {
        const record = Object.assign(q.retained[0] as object, change) as PartialState['retained'][number];
        (q.versions[versionAt(q, record.id)] as PartialState['versions'][number])[1][0] = createHash('sha256').update(canonicalText(record)).digest('base64');
      });
    const id = (JSON.parse(whole) as Editable).retained[0]?.id as string;
    for (const change of [{ status: 'pending' }, { status: 'rejected' }, { date: '2021-12-31' }, { type: 'zz-read-by-no-rule' }, { organization: 'zz-nowhere' }]) {
      expect(refused(keptAs(change)).map((i) => [i.code, i.path, i.params]), JSON.stringify(change)).toEqual([['partial-retained-not-kept', ['partial', 'retained', 0], { id }]]);
    }
    expect(refused(keptAs({ status: 'pending' }), 'zh')[0]?.message).toBe(`部分状态保留的记录「${id}」不是本次考核会保留的记录：须为问责规则读取的类型、已审核、日期在考核期内，且所属党组织或人员在组织关系图中`);
    // another day of the period, approved: kept (only its version had to follow)
    expect(() => openAssessment({ graph, rules }).absorb(keptAs({ date: '2022-01-08' }))).not.toThrow();
  });

  it('takes every kept record of its own snapshots, whose digests are those of the records kept', () => {
    const p = JSON.parse(whole) as Editable;
    const { business, retained } = ids(p);
    expect(business.size).toBeGreaterThan(0);
    expect(retained.size).toBeGreaterThan(40);
    // worked out again here: the SHA-256 of each kept record's canonical text is its version's digest
    const kept = p.retained[0] as PartialState['retained'][number];
    const version = p.versions[versionAt(p, kept.id)] as PartialState['versions'][number];
    expect(version[1]).toEqual([createHash('sha256').update(canonicalText(kept)).digest('base64')]);
    const session = openAssessment({ graph, rules });
    session.absorb(p);
    expect(session.finish().retained).toHaveLength(retained.size);
  });
});

/** The canonical text of a kept record as the example writes it (no due, completed or person). */
function canonicalText(record: PartialState['retained'][number]): string {
  const r = record as unknown as Record<string, unknown> & { attributes?: Record<string, unknown> };
  const days = Math.round(Date.parse(`${r['date'] as string}T00:00:00Z`) / 86_400_000);
  const attributes = Object.entries(r.attributes ?? {}).sort(([a], [b]) => (a < b ? -1 : 1));
  return JSON.stringify([r['id'], r['type'], r['organization'] ?? null, r['person'] ?? null, days, null, null, r['status'], r['source'] ?? null, r['title'] ?? null, attributes]);
}
