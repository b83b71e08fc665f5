// Shared helpers for the CLI tests (not a test file itself): run the CLI in-process with fake
// streams, and the bureau example's files.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { runCli } from '../../src/cli/run.js';

/** A file of the bureau example. */
export const example = (name: string): string => fileURLToPath(new URL(`../../examples/bureau-2022/${name}`, import.meta.url));

/** The bureau example's files. */
export const BUREAU = {
  graph: example('graph.json'),
  rules: example('rules.json'),
  ndjson: example('records.ndjson'),
  csv: example('records.csv'),
  coverage: example('coverage.json'),
} as const;

/** What a run of the CLI left behind. */
export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Options of a fake run: standard input, whether stderr is a terminal, environment. */
export interface RunOptions {
  readonly stdin?: string;
  readonly tty?: boolean;
  readonly env?: Record<string, string>;
}

/** Runs `zerenzhi ARGV` in-process with fake streams. */
export async function cli(argv: readonly string[], options: RunOptions = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    stdout: { write: (chunk: string) => (stdout += chunk) },
    stderr: { write: (chunk: string) => (stderr += chunk), isTTY: options.tty ?? false },
    stdin: Readable.from(options.stdin === undefined ? [] : [Buffer.from(options.stdin)]),
    env: options.env ?? {},
  });
  return { code, stdout, stderr };
}

/** `zerenzhi assess` on the bureau example, with more arguments. */
export function assessBureau(...more: string[]): Promise<CliRun> {
  return cli(['assess', '--graph', BUREAU.graph, '--rules', BUREAU.rules, '--evidence', BUREAU.ndjson, ...more]);
}

/** A temporary directory for a test file, removed by the returned cleanup. */
export function tempDir(prefix: string): { dir: string; file: (name: string, content: string) => string; path: (name: string) => string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), `zerenzhi-${prefix}-`));
  return {
    dir,
    path: (name) => join(dir, name),
    file: (name, content) => {
      const path = join(dir, name);
      writeFileSync(path, content);
      return path;
    },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** A graph whose hierarchy has a cycle (a → b → a), laid out so the cycle is on line 3. */
export const CYCLE_GRAPH = `{
  "organizations": [
    { "id": "a", "name": "甲", "kind": "committee", "parent": "b" },
    { "id": "b", "name": "乙", "kind": "branch", "parent": "a" }
  ],
  "people": [],
  "posts": []
}
`;

/** The bureau rule set with an unknown measure type on indicators[2], as text. */
export function rulesWithUnknownMeasure(): string {
  const rules = JSON.parse(readFileSync(BUREAU.rules, 'utf8')) as { indicators: { measure: { type: string } }[] };
  (rules.indicators[2] as { measure: { type: string } }).measure.type = 'counting';
  return `${JSON.stringify(rules, null, 2)}\n`;
}

/** The 1-based line of the first occurrence of a string in a text. */
export function lineOf(text: string, needle: string): number {
  const at = text.indexOf(needle);
  if (at === -1) throw new Error(`"${needle}" not found`);
  return text.slice(0, at).split('\n').length;
}

/** The bureau CSV with the date of its 5th line (4th record) replaced by an impossible date. */
export function csvWithBadDateAtLine5(): string {
  const lines = readFileSync(BUREAU.csv, 'utf8').split('\n');
  const cells = (lines[4] as string).split(',');
  cells[4] = '2022-02-30';
  lines[4] = cells.join(',');
  return lines.join('\n');
}
