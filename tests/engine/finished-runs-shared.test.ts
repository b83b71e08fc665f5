// A run finished by one build of zerenzhi (import or require) is known as finished to the other:
// the set is the process-wide one of this version, not a module's own.
import { describe, expect, it } from 'vitest';
import { isFinishedRun } from '../../src/engine/assess.js';
import { sharedWeakSet } from '../../src/core/shared-set.js';
import { openAssessment, parseGraph } from '../../src/index.js';
import { graphInput, ind, ruleSet } from './assess/helpers.js';

describe('finished runs, shared between builds', () => {
  const rules = ruleSet([ind({ id: 'x', points: 10, measure: { type: 'count', recordTypes: ['meeting'], atLeast: 1 }, scoring: { method: 'all-or-nothing' } })]);

  it('a finished run is in the shared set "finished-runs", as the other build would read it', () => {
    const run = openAssessment({ graph: parseGraph(graphInput()), rules }).finish();
    // What the other build's module does on load: look the set up by name.
    expect(sharedWeakSet<object>('finished-runs').has(run)).toBe(true);
    expect(isFinishedRun(run)).toBe(true);
  });

  it('a run the other build marked is taken here; a look-alike is not', () => {
    const fromOtherBuild = { result: {}, plan: {} };
    expect(isFinishedRun(fromOtherBuild)).toBe(false);
    sharedWeakSet<object>('finished-runs').add(fromOtherBuild);
    expect(isFinishedRun(fromOtherBuild)).toBe(true);
    // a name of its own: not the built graphs' set
    expect(sharedWeakSet<object>('built-graphs').has(fromOtherBuild)).toBe(false);
  });
});
