import { createHash, randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { base64DigestWords, digestBase64, digestWords, isBase64Digest, VersionTable, type Effect } from '../../src/engine/versions.js';

/** What the table kept before: the words of the bytes `Buffer.from` decodes (in 32 bytes). */
function viaBuffer(text: string): number[] {
  const bytes = Buffer.alloc(32);
  Buffer.from(text, 'base64').copy(bytes);
  return [...digestWords(bytes)];
}
const decode = (text: string): number[] => [...base64DigestWords(text, new Uint32Array(8))];

describe('base64DigestWords', () => {
  it('reads a SHA-256 digest written in base64 back into the words it was written from', () => {
    const digest = createHash('sha256').update('r-1').digest();
    // Worked out by hand from the bytes: each word is four bytes read big-endian.
    const expected = [0, 4, 8, 12, 16, 20, 24, 28].map((i) => digest.readUInt32BE(i));
    expect(decode(digest.toString('base64'))).toEqual(expected);
    expect(digestBase64(base64DigestWords(digest.toString('base64'), new Uint32Array(8)), 0)).toBe(digest.toString('base64'));
  });

  it('gives what Buffer.from gives for any 32 bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 32, maxLength: 32 }), (bytes) => {
        const text = Buffer.from(bytes).toString('base64');
        expect(decode(text)).toEqual(viaBuffer(text));
      }),
      { numRuns: 500 },
    );
  });

  it('ignores the padding bits of the last character, as Buffer.from does', () => {
    const text = randomBytes(32).toString('base64');
    // The 43rd character carries four bits of the last byte and two padding bits.
    for (const last of 'AQgw+/') {
      const changed = text.slice(0, 42) + last + '=';
      expect(decode(changed)).toEqual(viaBuffer(changed));
    }
  });

  it('decodes anything else as Buffer.from does, in 32 bytes (a wrong length, a character out of the alphabet)', () => {
    const text = randomBytes(32).toString('base64');
    for (const odd of [text.slice(0, 43), `${text.slice(0, 43)}A`, `${text.slice(0, 10)}*${text.slice(11)}`, `${text.slice(0, 20)}é${text.slice(21)}`, `${text.slice(0, 30)}\u0080${text.slice(31)}`, `${text.slice(0, 30)}\u007f${text.slice(31)}`, `${text.slice(0, 5)}-${text.slice(6)}`, '', randomBytes(40).toString('base64')]) {
      expect(decode(odd)).toEqual(viaBuffer(odd));
    }
  });

  it('writes into the words it is given and returns them', () => {
    const into = new Uint32Array(8).fill(7);
    expect(base64DigestWords(Buffer.alloc(32).toString('base64'), into)).toBe(into);
    expect([...into]).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
  });
});

describe('isBase64Digest', () => {
  const pattern = /^[A-Za-z0-9+/]{42}[AEIMQUYcgkosw048]=$/;
  it('accepts what the JSON Schema pattern accepts, and nothing else', () => {
    const alphabet = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=-_*é\n '];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...alphabet), { minLength: 40, maxLength: 46 }), (chars) => {
        const text = chars.join('');
        expect(isBase64Digest(text)).toBe(pattern.test(text));
      }),
      { numRuns: 2000 },
    );
  });
  it('accepts a SHA-256 digest in base64 and refuses it changed in any way', () => {
    const text = createHash('sha256').update('r-1').digest('base64');
    expect(isBase64Digest(text)).toBe(true);
    expect(isBase64Digest(text.slice(0, 43))).toBe(false);
    expect(isBase64Digest(`${text.slice(0, 43)}A`)).toBe(false);
    expect(isBase64Digest(`${text}=`)).toBe(false);
    expect(isBase64Digest(`${text.slice(0, 7)}-${text.slice(8)}`)).toBe(false);
    expect(isBase64Digest(`${text.slice(0, 42)}\u0100=`)).toBe(false);
    expect(isBase64Digest(`${text.slice(0, 42)}\u0080=`)).toBe(false);
    expect(isBase64Digest(`${text.slice(0, 42)}\u007f=`)).toBe(false);
  });
  it('refuses the same 32 bytes spelt with padding bits in the last character: each digest has one spelling', () => {
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 32, maxLength: 32 }), fc.integer({ min: 0, max: 3 }), (bytes, padding) => {
        const text = Buffer.from(bytes).toString('base64');
        const spelt = `${text.slice(0, 42)}${alphabet[alphabet.indexOf(text[42] as string) + padding]}=`;
        // Buffer.from reads both alike; only the one Buffer writes is accepted
        expect(Buffer.from(spelt, 'base64')).toEqual(Buffer.from(bytes));
        expect(isBase64Digest(spelt)).toBe(padding === 0);
      }),
      { numRuns: 300 },
    );
    const accepted = [...alphabet].filter((last) => isBase64Digest(`${'A'.repeat(42)}${last}=`)).join('');
    expect(accepted).toBe('AEIMQUYcgkosw048');
  });
});

describe('VersionTable', () => {
  const digestOf = (text: string): Buffer => createHash('sha256').update(text).digest();

  it("keeps each slot's targets and effect (shared objects, the same ones back) through the table's growth", () => {
    const table = new VersionTable<readonly string[]>();
    const lists = [['line-a'], ['line-a', 'line-b'], ['line-c']] as const;
    const effects: Effect[] = [{ counter: null }, { counter: 'pending' }, { counter: 'unusedType', key: 'memo' }];
    // past the first two growths (1,024 and 2,048 slots)
    for (let i = 0; i < 3000; i++) expect(table.add(`r-${i}`, digestOf(`r-${i}`), lists[i % 3] as readonly string[], effects[i % 2 === 0 ? 0 : (i % 4) >> 1 === 0 ? 1 : 2] as Effect)).toBe(i);
    expect(table.size).toBe(3000);
    for (const i of [0, 1, 2, 3, 1023, 1024, 2047, 2048, 2999]) {
      const slot = table.slot(`r-${i}`) as number;
      expect(slot).toBe(i);
      expect(table.targets(slot)).toBe(lists[i % 3]);
      expect(table.effect(slot)).toBe(effects[i % 2 === 0 ? 0 : (i % 4) >> 1 === 0 ? 1 : 2]);
      expect(table.sameDigest(slot, digestOf(`r-${i}`))).toBe(true);
      expect(table.imported(slot)).toBe(false);
    }
    table.setEffect(5, effects[2] as Effect);
    expect(table.effect(5)).toBe(effects[2]);
    expect(table.effect(4)).toBe(effects[0]);
    const other = ['line-d'];
    table.setTargets(6, other);
    expect(table.targets(6)).toBe(other);
    expect(table.targets(7)).toBe(lists[1]);
  });

  it("drops a conflict's targets, and a merged slot has none and is marked so", () => {
    const table = new VersionTable<readonly string[]>();
    const list = ['line-a'];
    table.add('r-1', digestOf('one'), list, { counter: null });
    table.addConflict(0, [digestOf('two').toString('base64')]);
    expect(table.conflicted(0)).toBe(true);
    expect(table.targets(0)).toBeNull();
    const words = digestWords(digestOf('three'));
    expect(table.addImported('r-2', words, 0, { counter: 'rejected' })).toBe(1);
    expect(table.targets(1)).toBeNull();
    expect(table.imported(1)).toBe(true);
    expect(table.effect(1)).toEqual({ counter: 'rejected' });
    expect(table.digest(1)).toBe(digestOf('three').toString('base64'));
  });

  it('is empty after clear, and fills again from slot 0', () => {
    const table = new VersionTable<readonly string[]>();
    const list = ['line-a'];
    for (let i = 0; i < 1500; i++) table.add(`r-${i}`, digestOf(`r-${i}`), list, { counter: null });
    table.clear();
    expect(table.size).toBe(0);
    expect(table.slot('r-1')).toBeUndefined();
    const again = ['line-b'];
    expect(table.add('r-9', digestOf('r-9'), again, { counter: 'pending' })).toBe(0);
    expect(table.targets(0)).toBe(again);
    expect(table.effect(0)).toEqual({ counter: 'pending' });
    expect(table.words()).toEqual(digestWords(digestOf('r-9')));
  });
});
