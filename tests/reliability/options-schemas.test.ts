import type { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { ApplyDecisionsOptionsSchema, type ApplyDecisionsOptions } from '../../src/accountability/decisions.js';
import { JsonChunkOptionsSchema, type JsonChunkOptions } from '../../src/core/json-chunks.js';
import { AssessOptionsSchema, SessionOptionsSchema, type AssessInput } from '../../src/engine/assess.js';
import { LintOptionsSchema, type LintOptions } from '../../src/engine/lint.js';
import { ParallelOptionsSchema, type ParallelInput } from '../../src/engine/parallel.js';
import { ParseRuleSetOptionsSchema, type ParseRuleSetOptions } from '../../src/engine/parse-rules.js';
import { ReadRecordsFileOptionsSchema, type ReadRecordsFileOptions } from '../../src/evidence/read-file.js';
import { ReadJsonObjectOptionsSchema, type ReadJsonObjectOptions } from '../../src/evidence/read-json-object.js';
import { ReaderOptionsSchema, type ReaderOptions } from '../../src/evidence/reader-common.js';
import { CoverageOptionsSchema, type CoverageOptions } from '../../src/graph/coverage.js';
import { ParseGraphOptionsSchema, type ParseGraphOptions } from '../../src/graph/parse.js';
import { CsvOptionsSchema, type CsvOptions } from '../../src/report/csv.js';
import { MarkdownOptionsSchema, type MarkdownOptions } from '../../src/report/markdown.js';
import { MermaidOptionsSchema, type MermaidOptions } from '../../src/report/mermaid.js';

// Each options schema refuses every name its options type does not have, so a name the type has
// and the schema lacks would refuse a valid call. Checked by the compiler (`npm test` type-checks
// the tests first): each line below fails to compile unless the type's names and the schema's
// are the same, both ways.
type SameNames<T, S extends z.ZodType> = [keyof T] extends [keyof z.input<S>] ? ([keyof z.input<S>] extends [keyof T] ? true : false) : false;

const checks = {
  assess: true satisfies SameNames<AssessInput, typeof AssessOptionsSchema>,
  session: true satisfies SameNames<Omit<AssessInput, 'records'>, typeof SessionOptionsSchema>,
  parallel: true satisfies SameNames<ParallelInput, typeof ParallelOptionsSchema>,
  parseGraph: true satisfies SameNames<ParseGraphOptions, typeof ParseGraphOptionsSchema>,
  parseRuleSet: true satisfies SameNames<ParseRuleSetOptions, typeof ParseRuleSetOptionsSchema>,
  lint: true satisfies SameNames<LintOptions, typeof LintOptionsSchema>,
  coverage: true satisfies SameNames<CoverageOptions, typeof CoverageOptionsSchema>,
  markdown: true satisfies SameNames<MarkdownOptions, typeof MarkdownOptionsSchema>,
  csv: true satisfies SameNames<CsvOptions, typeof CsvOptionsSchema>,
  mermaid: true satisfies SameNames<MermaidOptions, typeof MermaidOptionsSchema>,
  jsonChunks: true satisfies SameNames<JsonChunkOptions, typeof JsonChunkOptionsSchema>,
  applyDecisions: true satisfies SameNames<ApplyDecisionsOptions, typeof ApplyDecisionsOptionsSchema>,
  readRecordsFile: true satisfies SameNames<ReadRecordsFileOptions, typeof ReadRecordsFileOptionsSchema>,
  readJsonObject: true satisfies SameNames<ReadJsonObjectOptions, typeof ReadJsonObjectOptionsSchema>,
  readers: true satisfies SameNames<ReaderOptions, typeof ReaderOptionsSchema>,
};

describe('options schemas and options types', () => {
  it('name the same options, each of them (checked when the tests are type-checked)', () => {
    expect(Object.values(checks).every((same) => same)).toBe(true);
    expect(Object.keys(checks)).toHaveLength(15);
  });

  it('the schemas list the same names at run time as the types (spot check by hand)', () => {
    expect(Object.keys(AssessOptionsSchema.shape).sort()).toEqual(['asOf', 'graph', 'invalidRecords', 'lang', 'maxRecords', 'previous', 'records', 'rules']);
    expect(Object.keys(ParallelOptionsSchema.shape).sort()).toEqual(['asOf', 'chunkBytes', 'files', 'graph', 'invalidRecords', 'lang', 'minShardBytes', 'previous', 'rules', 'workers']);
  });
});
