// What the benchmark scripts that run in process share: the generated assessment of the size named
// on the command line, read and parsed, and a full garbage collection where node allows one.
import { readFileSync } from 'node:fs';
import { parseGraph, type Graph } from '../src/index.js';
import { ensureAssessment, SIZES, type AssessmentFiles, type AssessmentMeta } from './generate-assessment.js';

/** One generated size, ready to assess. */
export interface SizeInput {
  readonly size: string;
  readonly files: AssessmentFiles;
  readonly meta: AssessmentMeta;
  /** The graph, parsed (and so checked) once. */
  readonly graph: Graph;
  /** The rule set as read, unchecked: each session checks it. */
  readonly rules: unknown;
}

/**
 * The size named first on the command line (or `fallback`), generated if it is not yet: its
 * files, its metadata, its graph parsed and its rule set read.
 *
 * @example
 * const { size, files, graph, rules } = await loadSize('M');
 */
export async function loadSize(fallback: string, name: string = process.argv[2] ?? fallback): Promise<SizeInput> {
  const known = SIZES[name];
  if (!known) throw new Error(`unknown size ${name}: ${Object.keys(SIZES).join(', ')}`);
  const { files, meta } = await ensureAssessment(known);
  const graph = parseGraph(JSON.parse(readFileSync(files.graph, 'utf8')));
  const rules = JSON.parse(readFileSync(files.rules, 'utf8')) as unknown;
  return { size: name, files, meta, graph, rules };
}

/** A full garbage collection when node runs with `--expose-gc`; nothing otherwise. */
export const gc: () => void = (globalThis as { gc?: () => void }).gc ?? ((): void => undefined);

/** The middle value (the upper one of an even count). */
export const median = (values: readonly number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;

/**
 * The heap in use and the typed arrays' memory (outside the heap: the version table's digests and
 * slots), after two full collections: what a structure held keeps. Needs `node --expose-gc`.
 *
 * @example
 * const before = heldBytes();
 */
export function heldBytes(): number {
  if (!(globalThis as { gc?: unknown }).gc) throw new Error('run with node --expose-gc');
  gc();
  gc();
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return heapUsed + arrayBuffers;
}
