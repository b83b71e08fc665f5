import { describe, expect, it } from 'vitest';
import { CATALOGUE, DEFINED_CODE_COUNT, type MessageParams } from '../../src/messages/index.js';
import { formatMessage, messageCodes } from '../../src/index.js';

// Sample params: every key a template asks for gets a plain ASCII value naming the key.
const SAMPLE: MessageParams = new Proxy({} as Record<string, string>, {
  get: (_target, key) => (typeof key === 'string' ? `<${key}>` : undefined),
  has: () => true,
});

const CJK = /[\u3400-\u9fff\u3000-\u303f\uff00-\uffef]/;

// Every code the graph layer can emit (parse, queries and coverage).
const GRAPH_CODES = [
  'required',
  'invalid-type',
  'invalid-value',
  'unknown-field',
  'empty-string',
  'too-small',
  'too-big',
  'invalid-id',
  'limit-exceeded',
  'unknown-kind',
  'unknown-role',
  'duplicate-id',
  'missing-organization',
  'missing-person',
  'hierarchy-cycle',
  'duplicate-post',
  'duplicate-edge',
  'two-secretaries',
  'conflicting-posts',
  'secretary-not-party-member',
  'leader-not-party-member',
  'member-not-party-member',
  'oversight-outside-team',
  'liaison-not-leader',
  'unknown-organization',
  'unknown-person',
  'coverage-no-secretary',
  'coverage-not-overseen',
  'coverage-member-without-area',
  'coverage-no-liaison',
  'coverage-no-officer',
  'coverage-officer-spread-thin',
  'coverage-officer-not-party-member',
];

describe('the message catalogue', () => {
  it('defines no code twice', () => {
    expect(DEFINED_CODE_COUNT).toBe(CATALOGUE.size);
  });

  it('messageCodes() lists every code once, sorted', () => {
    const codes = messageCodes();
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes).toEqual([...CATALOGUE.keys()].sort());
    expect(codes.length).toBe(CATALOGUE.size);
  });

  it('holds every code the graph layer emits', () => {
    for (const code of GRAPH_CODES) expect(CATALOGUE.has(code), code).toBe(true);
  });

  it.each([...CATALOGUE.keys()])('%s: non-empty zh (in Chinese) and en (in English), no unfilled values', (code) => {
    const template = CATALOGUE.get(code);
    expect(template).toBeDefined();
    if (!template) return;
    const zh = template.zh(SAMPLE);
    const en = template.en(SAMPLE);
    for (const text of [zh, en]) {
      expect(text.trim().length).toBeGreaterThan(0);
      expect(text).not.toMatch(/undefined|\[object Object\]|NaN/);
    }
    // Judge the template's own words, not the sample values.
    const own = (text: string): string => text.replace(/<[^>]*>/g, '');
    const count = (text: string, pattern: RegExp): number => (text.match(new RegExp(pattern.source, 'g')) ?? []).length;
    expect(own(zh)).toMatch(CJK);
    // A joining fragment (「：<ids>」 / ": <ids>") has no words: only its punctuation differs.
    const fragment = !/[\u3400-\u9fff]/.test(own(zh)) && !/[A-Za-z]/.test(own(en));
    // English may quote a Chinese keyword (e.g. a column prefix), but is mostly English.
    if (!fragment) expect(count(own(en), /[A-Za-z]/)).toBeGreaterThan(count(own(en), CJK));
    expect(zh).not.toBe(en);
    expect(formatMessage(code, SAMPLE, 'zh')).toBe(zh);
    expect(formatMessage(code, SAMPLE, 'en')).toBe(en);
    expect(formatMessage(code, SAMPLE)).toBe(zh); // Chinese by default
  });

  it('renders the params it is given', () => {
    expect(formatMessage('missing-person', { id: 'p-9' }, 'zh')).toBe('引用的人员「p-9」不存在');
    expect(formatMessage('missing-person', { id: 'p-9' }, 'en')).toBe('person "p-9" does not exist');
    expect(formatMessage('hierarchy-cycle', { cycle: 'a → b → a', length: 2 }, 'en')).toBe('the hierarchy has a cycle: a → b → a');
    expect(formatMessage('too-small', { minimum: '1', inclusive: 0 }, 'en')).toBe('too small: must be greater than 1');
    expect(formatMessage('too-small', { minimum: '1', inclusive: 1 }, 'zh')).toBe('数值过小：应不小于 1');
  });

  it('an unknown code renders as the code and its params, never lost', () => {
    expect(formatMessage('no-such-code', { a: 1, b: 'x' }, 'zh')).toBe('no-such-code {"a":1,"b":"x"}');
  });
});
