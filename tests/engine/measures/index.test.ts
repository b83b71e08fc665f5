import { describe, expect, it } from 'vitest';
import { MEASURES, measureModule } from '../../../src/engine/measures/index.js';
import { MeasureSchema, type MeasureType } from '../../../src/model/measures.js';

describe('the measure registry', () => {
  it('has one module per measure type of the schema, keyed by its own type', () => {
    const types = MeasureSchema.options.map((o) => o.shape.type.value).sort();
    expect([...MEASURES.keys()].sort()).toEqual(types);
    for (const [type, module] of MEASURES) expect(module.type).toBe(type);
  });

  it('tells record measures from derived ones', () => {
    const kinds = Object.fromEntries([...MEASURES].map(([type, module]) => [type, module.kind]));
    expect(kinds).toEqual({
      count: 'records',
      cadence: 'records',
      window: 'records',
      deadline: 'records',
      ratio: 'records',
      rating: 'records',
      manual: 'records',
      structure: 'derived',
      'roll-up': 'derived',
    });
  });

  it('gives the module of a type, and refuses an unknown one', () => {
    expect(measureModule('cadence').type).toBe('cadence');
    expect(() => measureModule('nope' as MeasureType)).toThrow(TypeError);
    expect(() => (MEASURES as Map<string, unknown>).set('x', {})).toThrow(TypeError);
  });
});
