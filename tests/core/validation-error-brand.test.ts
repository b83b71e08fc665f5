import { describe, expect, it } from 'vitest';
import { safeParseGraph, ValidationError } from '../../src/index.js';

describe('ValidationError across copies of the library', () => {
  it('an error of another copy (the other build) is an instance; anything else is not', () => {
    const own = safeParseGraph({});
    expect(own.success).toBe(false);
    expect(!own.success && own.error instanceof ValidationError).toBe(true);
    // What the other build's error carries: its own class, the same registered mark.
    class OtherCopy extends Error {}
    const foreign = new OtherCopy('x');
    Object.defineProperty(foreign, Symbol.for('zerenzhi/ValidationError'), { value: true });
    expect(foreign instanceof ValidationError).toBe(true);
    expect(new Error('x') instanceof ValidationError).toBe(false);
    expect({ name: 'ValidationError', issues: [] } instanceof ValidationError).toBe(false);
    expect((null as unknown) instanceof ValidationError).toBe(false);
  });

  it('the mark is not enumerable: JSON and spreads of an error are as before', () => {
    const result = safeParseGraph({});
    const error = result.success ? undefined : result.error;
    expect(Object.keys(error ?? {})).toEqual(['name', 'issues', 'subject', 'lang']);
    expect(Object.getOwnPropertyDescriptor(error, Symbol.for('zerenzhi/ValidationError'))).toEqual({ value: true, enumerable: false, writable: false, configurable: false });
    expect(Object.getOwnPropertySymbols({ ...error })).toEqual([]);
    expect(Object.keys(JSON.parse(JSON.stringify(error)))).toEqual(['name', 'subject', 'issues']);
  });
});
