import { describe, expect, it } from 'vitest';
import { SCORING, scorePoints } from '../../../src/engine/scoring/index.js';
import { ScoringSchema } from '../../../src/model/measures.js';
import { outcome } from './outcome.js';

describe('the scoring registry', () => {
  it('has one module per method of the schema, keyed by its own method', () => {
    const methods = ScoringSchema.options.map((o) => o.shape.method.value).sort();
    expect([...SCORING.keys()].sort()).toEqual(methods);
    for (const [method, module] of SCORING) expect(module.method).toBe(method);
  });

  it('scores through the module of the spec’s method', () => {
    expect(scorePoints(outcome({ shortfalls: 1 }), 4, { method: 'deduct', perShortfall: 0.5 }).points).toBe(3.5);
    expect(scorePoints(outcome({ ratio: 0.5 }), 4, { method: 'proportional' }).points).toBe(2);
  });

  it('refuses a method it has no module for, by name (only an untyped caller can get there: rule sets are validated first)', () => {
    expect(() => scorePoints(outcome(), 4, { method: 'bonus-only' } as never)).toThrow(new TypeError('zerenzhi: unknown scoring method "bonus-only"'));
  });

  it('is read-only', () => {
    expect(() => (SCORING as Map<string, unknown>).set('x', {})).toThrow(TypeError);
  });
});
