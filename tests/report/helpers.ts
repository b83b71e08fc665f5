// Shared fixtures for the report tests (not a test file itself): the bureau example assessed.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { assess, parseGraph, readNdjsonSync, type AssessmentResult, type CoverageOptions, type Graph, type Lang } from '../../src/index.js';

const exampleFile = (name: string): string => fileURLToPath(new URL(`../../examples/bureau-2022/${name}`, import.meta.url));

/** The bureau graph, parsed. */
export const bureauGraph: Graph = parseGraph(JSON.parse(readFileSync(exampleFile('graph.json'), 'utf8')));

/** The bureau rule set, as JSON. */
export const bureauRules: unknown = JSON.parse(readFileSync(exampleFile('rules.json'), 'utf8'));

/** The bureau's coverage options. */
export const bureauCoverageOptions = JSON.parse(readFileSync(exampleFile('coverage.json'), 'utf8')) as CoverageOptions;

const results = new Map<Lang, AssessmentResult>();

/** The bureau's 2022 result, in a language (computed once). */
export function bureauResult(lang: Lang = 'zh'): AssessmentResult {
  let result = results.get(lang);
  if (!result) {
    result = assess({ graph: bureauGraph, rules: bureauRules, records: readNdjsonSync(readFileSync(exampleFile('records.ndjson'), 'utf8')), lang });
    results.set(lang, result);
  }
  return result;
}
