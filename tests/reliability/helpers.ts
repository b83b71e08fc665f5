// Shared helpers for the reliability tests (not a test file itself): guards that every test
// leaves the built-in prototypes and its inputs as it found them, exact views of issues, small
// fixtures, and an in-process CLI runner.
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, afterEach, expect } from 'vitest';
import { runCli } from '../../src/cli/run.js';
import { ValidationError, type GraphInput, type Issue, type RecordInput, type RuleSetInput } from '../../src/index.js';

// ---------------------------------------------------------------------------------------------
// Guards

const GUARDED: readonly [string, object][] = [
  ['Object.prototype', Object.prototype],
  ['Array.prototype', Array.prototype],
  ['Map.prototype', Map.prototype],
  ['Set.prototype', Set.prototype],
  ['Function.prototype', Function.prototype],
];

export type ProtoSnapshot = Map<string, Map<string, unknown[]>>;

/** Own members of the guarded built-in prototypes, to compare with {@link prototypeChanges}. */
export function snapshotPrototypes(): ProtoSnapshot {
  const out: ProtoSnapshot = new Map();
  for (const [name, proto] of GUARDED) {
    const members = new Map<string, unknown[]>();
    for (const key of Reflect.ownKeys(proto)) {
      const d = Object.getOwnPropertyDescriptor(proto, key) as PropertyDescriptor;
      members.set(String(key), [d.value, d.get, d.set, d.writable, d.enumerable, d.configurable]);
    }
    out.set(name, members);
  }
  return out;
}

/** What changed on the guarded prototypes since `before`, as readable lines (empty: nothing). */
export function prototypeChanges(before: ProtoSnapshot): string[] {
  const after = snapshotPrototypes();
  const changes: string[] = [];
  for (const [name, members] of before) {
    const now = after.get(name) as Map<string, unknown[]>;
    for (const key of new Set([...members.keys(), ...now.keys()])) {
      const a = members.get(key);
      const b = now.get(key);
      if (a === undefined) changes.push(`${name}.${key} added`);
      else if (b === undefined) changes.push(`${name}.${key} removed`);
      else if (a.some((v, i) => !Object.is(v, b[i]))) changes.push(`${name}.${key} changed`);
    }
  }
  const probes: [string, unknown][] = [
    ['({}).polluted', ({} as Record<string, unknown>)['polluted']],
    ['([]).polluted', ([] as unknown as Record<string, unknown>)['polluted']],
    ['new Map().polluted', (new Map() as unknown as Record<string, unknown>)['polluted']],
    ['({}).isAdmin', ({} as Record<string, unknown>)['isAdmin']],
  ];
  for (const [probe, value] of probes) if (value !== undefined) changes.push(`${probe} is ${String(value)}`);
  return changes;
}

const PROTOTYPES_AT_LOAD = snapshotPrototypes();

interface Tracked {
  readonly label: string;
  readonly value: unknown;
  readonly copy: unknown;
  readonly sealed: readonly [object, boolean, boolean][];
}

let tracked: Tracked[] = [];

/**
 * Registers an input to be checked after the test: deep-equal to a structuredClone taken now
 * (a {@link deepCopy} when it is nested too deep for structuredClone), and
 * every object in it exactly as extensible and frozen as it was. Returns the input unchanged.
 */
export function keep<T>(value: T, label = 'input'): T {
  let copy: unknown;
  try {
    copy = structuredClone(value);
  } catch (error) {
    // structuredClone recurses: an input nested 10,000 levels deep overflows it.
    if (!(error instanceof RangeError)) throw error;
    copy = deepCopy(value);
  }
  tracked.push({ label, value, copy, sealed: integrityOf(value) });
  return value;
}

/**
 * A deep copy of plain data (objects, arrays, Maps, Sets; own enumerable keys, `__proto__`
 * included, as own data properties). Like structuredClone, but iterative, so that an input
 * nested 100,000 levels deep can be snapshotted too.
 */
export function deepCopy<T>(value: T): T {
  const copies = new Map<object, unknown>();
  const fresh = (v: object): unknown => {
    const made: unknown = v instanceof Map ? new Map() : v instanceof Set ? new Set() : Array.isArray(v) ? [] : {};
    copies.set(v, made);
    return made;
  };
  if (typeof value !== 'object' || value === null) return value;
  const root = fresh(value);
  const stack: object[] = [value];
  const copyOf = (v: unknown): unknown => {
    if (typeof v !== 'object' || v === null) return v;
    const known = copies.get(v);
    if (known !== undefined) return known;
    stack.push(v);
    return fresh(v);
  };
  while (stack.length > 0) {
    const source = stack.pop() as object;
    const target = copies.get(source);
    if (source instanceof Map) for (const [k, v] of source) (target as Map<unknown, unknown>).set(copyOf(k), copyOf(v));
    else if (source instanceof Set) for (const v of source) (target as Set<unknown>).add(copyOf(v));
    else {
      for (const key of Object.keys(source)) {
        const member = copyOf(Object.getOwnPropertyDescriptor(source, key)?.value);
        Object.defineProperty(target, key, { value: member, enumerable: true, writable: true, configurable: true });
      }
    }
  }
  return root as T;
}

// Extensibility and frozenness of every object in a value (iterative; capped, for huge inputs).
function integrityOf(value: unknown, cap = 300_000): [object, boolean, boolean][] {
  const out: [object, boolean, boolean][] = [];
  const seen = new Set<object>();
  const stack: unknown[] = [value];
  while (stack.length > 0 && out.length < cap) {
    const v = stack.pop();
    if (typeof v !== 'object' || v === null || seen.has(v)) continue;
    seen.add(v);
    out.push([v, Object.isExtensible(v), Object.isFrozen(v)]);
    if (v instanceof Map) for (const [k, x] of v) stack.push(k, x);
    else if (v instanceof Set) for (const x of v) stack.push(x);
    else for (const key of Object.keys(v)) stack.push(Object.getOwnPropertyDescriptor(v, key)?.value);
  }
  return out;
}

/**
 * Where two values first differ (own enumerable keys, array lengths, Map and Set entries,
 * numbers by Object.is so that -0 and NaN are told apart), or undefined when they are equal.
 * Iterative: inputs nested 10,000 levels deep are compared without recursion.
 */
export function firstDifference(a: unknown, b: unknown): string | undefined {
  const stack: [unknown, unknown, string][] = [[a, b, '$']];
  const seen = new Map<object, object>();
  while (stack.length > 0) {
    const [x, y, at] = stack.pop() as [unknown, unknown, string];
    if (Object.is(x, y)) continue;
    if (typeof x !== 'object' || typeof y !== 'object' || x === null || y === null) return `${at}: ${describe(x)} ≠ ${describe(y)}`;
    if (seen.get(x) === y) continue;
    seen.set(x, y);
    if (Array.isArray(x) !== Array.isArray(y)) return `${at}: array vs non-array`;
    if (x instanceof Map || y instanceof Map) {
      if (!(x instanceof Map && y instanceof Map) || x.size !== y.size) return `${at}: Map sizes differ`;
      const ys = [...y.entries()];
      [...x.entries()].forEach(([k, v], i) => {
        const other = ys[i] as [unknown, unknown];
        stack.push([k, other[0], `${at}<key ${i}>`], [v, other[1], `${at}<${String(k)}>`]);
      });
      continue;
    }
    if (x instanceof Set || y instanceof Set) {
      if (!(x instanceof Set && y instanceof Set) || x.size !== y.size) return `${at}: Set sizes differ`;
      const ys = [...y];
      [...x].forEach((v, i) => stack.push([v, ys[i], `${at}{${i}}`]));
      continue;
    }
    const xk = Object.keys(x);
    const yk = Object.keys(y);
    if (xk.length !== yk.length || xk.some((k, i) => k !== yk[i])) return `${at}: keys [${xk.join(',')}] ≠ [${yk.join(',')}]`;
    for (const k of xk) {
      stack.push([Object.getOwnPropertyDescriptor(x, k)?.value, Object.getOwnPropertyDescriptor(y, k)?.value, `${at}.${k}`]);
    }
  }
  return undefined;
}

function describe(v: unknown): string {
  if (typeof v === 'number' && Object.is(v, -0)) return '-0';
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v);
  if (typeof v === 'object' && v !== null) return Array.isArray(v) ? 'array' : 'object';
  return String(v);
}

/**
 * Installs the guards for a test file: after every test, the built-in prototypes must be what
 * they were when the file was loaded, and every input registered with {@link keep} unchanged.
 */
export function installGuards(): void {
  afterEach(() => {
    const inputs = tracked;
    tracked = [];
    expect(prototypeChanges(PROTOTYPES_AT_LOAD), 'built-in prototypes changed').toEqual([]);
    for (const { label, value, copy, sealed } of inputs) {
      expect(firstDifference(value, copy), `${label} was mutated`).toBeUndefined();
      const changed = sealed.find(([o, extensible, frozen]) => Object.isExtensible(o) !== extensible || Object.isFrozen(o) !== frozen);
      expect(changed === undefined, `${label}: an object in it was frozen or sealed`).toBe(true);
    }
  });
}

// ---------------------------------------------------------------------------------------------
// Issues

/** The part of an issue a caller branches on: code, path, and line/file when there are. */
export interface IssueBrief {
  readonly code: string;
  readonly path: readonly (string | number)[];
  readonly line?: number;
  readonly file?: string;
}

/** Code, path, line and file of each issue, in order. */
export function brief(issues: readonly Issue[]): IssueBrief[] {
  return issues.map((i) => ({
    code: i.code,
    path: [...i.path],
    ...(i.line !== undefined ? { line: i.line } : {}),
    ...(i.file !== undefined ? { file: i.file } : {}),
  }));
}

/** The ValidationError a call throws; fails the test when it throws anything else or nothing. */
export function refusal(call: () => unknown): ValidationError {
  let result: unknown;
  try {
    result = call();
  } catch (error) {
    if (error instanceof ValidationError) {
      checkIssueShape(error);
      return error;
    }
    throw error;
  }
  throw new Error(`expected a ValidationError, but the call returned ${JSON.stringify(result)?.slice(0, 300)}`);
}

/** {@link refusal} for a call that returns a promise. */
export async function refusalAsync(call: () => Promise<unknown>): Promise<ValidationError> {
  try {
    await call();
  } catch (error) {
    if (error instanceof ValidationError) {
      checkIssueShape(error);
      return error;
    }
    throw error;
  }
  throw new Error('expected a ValidationError, but the call resolved');
}

// Every issue, whatever the input, is well formed: a code, a path of keys and indexes, a
// non-empty message, a 1-based line when there is one.
function checkIssueShape(error: ValidationError): void {
  expect(error.issues.length).toBeGreaterThan(0);
  for (const issue of error.issues) {
    expect(issue.code).toMatch(/^[a-z][a-z0-9-]*$/);
    expect(Array.isArray(issue.path)).toBe(true);
    for (const segment of issue.path) expect(['string', 'number']).toContain(typeof segment);
    expect(typeof issue.message).toBe('string');
    expect(issue.message.length).toBeGreaterThan(0);
    if (issue.line !== undefined) expect(Number.isInteger(issue.line) && issue.line >= 1).toBe(true);
  }
}

// ---------------------------------------------------------------------------------------------
// Fixtures

export type IndicatorInput = RuleSetInput['indicators'][number];

/**
 * A small graph: committee cm over branches b1 and b2; b1 has group g1.
 * p-sec secretary of cm, p-tm team member of cm (oversees b1, liaison b2),
 * p-b1 secretary of b1, p-b2 secretary of b2, p-m member of b1.
 */
export function smallGraph(): GraphInput {
  return {
    id: 'small',
    organizations: [
      { id: 'cm', name: '局党委', kind: 'committee' },
      { id: 'b1', name: '第一支部', kind: 'branch', parent: 'cm' },
      { id: 'b2', name: '第二支部', kind: 'branch', parent: 'cm' },
      { id: 'g1', name: '第一党小组', kind: 'group', parent: 'b1' },
    ],
    people: [
      { id: 'p-sec', name: '王书记', partyMember: true },
      { id: 'p-tm', name: '李委员', partyMember: true },
      { id: 'p-b1', name: '赵书记', partyMember: true },
      { id: 'p-b2', name: '周书记', partyMember: true },
      { id: 'p-m', name: '钱党员', partyMember: true },
    ],
    posts: [
      { person: 'p-sec', organization: 'cm', role: 'secretary' },
      { person: 'p-tm', organization: 'cm', role: 'team-member' },
      { person: 'p-b1', organization: 'b1', role: 'secretary' },
      { person: 'p-b2', organization: 'b2', role: 'secretary' },
      { person: 'p-m', organization: 'b1', role: 'member' },
    ],
    oversight: [{ person: 'p-tm', organization: 'b1', area: '机关' }],
    liaison: [{ person: 'p-tm', organization: 'b2' }],
  };
}

/** An indicator with defaults: title = id, 主体责任, branches, 10 points, proportional. */
export function ind(fields: Partial<IndicatorInput> & { id: string }): IndicatorInput {
  return { title: fields.id, responsibility: 'principal', appliesTo: { organizations: ['branch'] }, points: 10, scoring: { method: 'proportional' }, ...fields } as IndicatorInput;
}

/** A count indicator: at least `atLeast` records of `type`, all or nothing. */
export function countInd(id: string, type: string, atLeast = 1, extra: Partial<IndicatorInput> = {}): IndicatorInput {
  return ind({ id, measure: { type: 'count', recordTypes: [type], atLeast }, scoring: { method: 'all-or-nothing' }, ...extra });
}

/** A rule set for 2022 with the given indicators. */
export function rules(indicators: IndicatorInput[], extra: Partial<RuleSetInput> = {}): RuleSetInput {
  return { id: 'rel', title: '可靠性测试细则', version: '1', period: { year: 2022 }, indicators, ...extra };
}

/** An organization's record. */
export function rec(id: string, type: string, organization: string, date = '2022-03-15', extra: Partial<RecordInput> = {}): RecordInput {
  return { id, type, organization, date, ...extra };
}

/** Parses JSON text: the way to get own `__proto__` keys into a test input. */
export function json<T = unknown>(text: string): T {
  return JSON.parse(text) as T;
}

// ---------------------------------------------------------------------------------------------
// Files and the CLI

/** A temporary directory removed after the file's tests. */
export function tempFiles(prefix: string): { file: (name: string, content: string | Uint8Array) => string; path: (name: string) => string } {
  const dir = mkdtempSync(join(tmpdir(), `zerenzhi-rel-${prefix}-`));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return {
    path: (name) => join(dir, name),
    file: (name, content) => {
      const path = join(dir, name);
      writeFileSync(path, content);
      return path;
    },
  };
}

/** The text with a byte order mark in front and every line ending CRLF. */
export function bomCrlf(text: string): string {
  return `\uFEFF${text.replace(/\r?\n/g, '\r\n')}`;
}

/** What a run of the CLI left behind. */
export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `zerenzhi ARGV` in-process with fake streams. */
export async function cli(argv: readonly string[], stdin = ''): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    stdout: { write: (chunk: string) => (stdout += chunk) },
    stderr: { write: (chunk: string) => (stderr += chunk), isTTY: false },
    stdin: Readable.from(stdin === '' ? [] : [Buffer.from(stdin)]),
    env: {},
  });
  return { code, stdout, stderr };
}

/**
 * The issue lines of CLI output (`file:line path: message [code]`, `file:line: message [code]`,
 * `file path: message [code]`) as `file:line path [code]`, the message left out.
 */
export function issueLines(text: string): string[] {
  const out: string[] = [];
  for (const raw of text.split('\n')) {
    const m = /^(?<file>[^:\s]+)(?::(?<line>\d+))?(?: (?<path>\S+?))?[:：] .* \[(?<code>[a-z0-9-]+)\]$/.exec(raw);
    if (!m?.groups) continue;
    const { file, line, path, code } = m.groups;
    out.push(`${file}${line === undefined ? '' : `:${line}`}${path === undefined ? '' : ` ${path}`} [${code}]`);
  }
  return out;
}

/**
 * Runs a TypeScript module of the given lines in a Node process of its own, from a fresh
 * directory outside the repository (as a script run elsewhere is), with the TypeScript loader:
 * for what must not share a process with other tests (V8's collections) or must start elsewhere.
 *
 * @example
 * const run = runScriptElsewhere([`console.log(1)`]);
 */
export function runScriptElsewhere(lines: readonly string[]): SpawnSyncReturns<string> {
  const dir = mkdtempSync(join(tmpdir(), 'zz-elsewhere-'));
  const script = join(dir, 'run.mts');
  writeFileSync(script, lines.join('\n'));
  return spawnSync(process.execPath, ['--import', import.meta.resolve('tsx'), script], { cwd: dir, encoding: 'utf8' });
}
