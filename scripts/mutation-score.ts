// Adds up the Stryker reports under reports/mutation/ (one folder per module or module part, see
// stryker.config.mjs) into one score per module: src/graph, src/engine, src/accountability.
// Where two reports hold the same source file, the newer report counts; a file that a run did not
// mutate (its report lists it from an earlier run, see mutated.json) is not taken from that
// report. Files of a module that no report holds are listed as not run, so a partial figure is
// never mistaken for the module's.
//
//   npm run mutate:score            # table per module
//   npm run mutate:score -- --files # and per file
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

interface Mutant {
  readonly status: string;
}
interface Report {
  readonly files: Readonly<Record<string, { readonly mutants: readonly Mutant[] }>>;
}

const ROOT = 'reports/mutation';
const MODULES = ['graph', 'engine', 'accountability'] as const;
// Not mutated by design (their code runs on worker threads): see stryker.config.mjs.
const EXCLUDED = new Set(['src/engine/parallel.ts', 'src/engine/worker.ts', 'src/engine/shard-read.ts']);

type Counts = { killed: number; timeout: number; survived: number; noCoverage: number; other: number };
const empty = (): Counts => ({ killed: 0, timeout: 0, survived: 0, noCoverage: 0, other: 0 });

function count(mutants: readonly Mutant[]): Counts {
  const c = empty();
  for (const m of mutants) {
    if (m.status === 'Killed') c.killed++;
    else if (m.status === 'Timeout') c.timeout++;
    else if (m.status === 'Survived') c.survived++;
    else if (m.status === 'NoCoverage') c.noCoverage++;
    else if (m.status !== 'Ignored') c.other++;
  }
  return c;
}

const add = (a: Counts, b: Counts): Counts => ({ killed: a.killed + b.killed, timeout: a.timeout + b.timeout, survived: a.survived + b.survived, noCoverage: a.noCoverage + b.noCoverage, other: a.other + b.other });
const score = (c: Counts): string => {
  const valid = c.killed + c.timeout + c.survived + c.noCoverage;
  return valid === 0 ? '–' : `${((100 * (c.killed + c.timeout)) / valid).toFixed(1)}%`;
};

// Declarations only (types and interfaces): nothing for Stryker to mutate, so no report holds them.
function declarationsOnly(file: string): boolean {
  const code = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
  return !/^\s*(export\s+)?(default\s+)?(const|let|var|function|class|async|enum)\b/m.test(code);
}

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(path));
    else if (entry.name.endsWith('.ts')) out.push(relative('.', path).split('\\').join('/'));
  }
  return out.sort();
}

/**
 * A Stryker `--mutate` glob as a regular expression: `**` any folders, `*` any characters but `/`,
 * `{a,b}` either (the forms the npm scripts and TESTING.md use).
 */
function globToRegExp(glob: string): RegExp {
  let out = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i] as string;
    if (glob.startsWith('**/', i)) {
      out += '(?:.*/)?';
      i += 2;
    } else if (glob.startsWith('**', i)) {
      out += '.*';
      i += 1;
    } else if (c === '*') out += '[^/]*';
    else if (c === '?') out += '[^/]';
    else if (c === '{') out += '(?:';
    else if (c === '}') out += ')';
    else if (c === ',') out += '|';
    else out += c.replace(/[.+^$()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${out}$`);
}

/**
 * Which files a report folder's run mutated, from the `mutated.json` that stryker.config.mjs
 * writes beside the report. A folder without one (runs before it was written) counts every file
 * its report lists.
 */
function mutatedBy(folder: string): (file: string) => boolean {
  const path = join(folder, 'mutated.json');
  if (!existsSync(path)) return () => true;
  const { mutate } = JSON.parse(readFileSync(path, 'utf8')) as { mutate: readonly string[] };
  const include = mutate.filter((g) => !g.startsWith('!')).map(globToRegExp);
  const exclude = mutate.filter((g) => g.startsWith('!')).map((g) => globToRegExp(g.slice(1)));
  return (file) => include.some((r) => r.test(file)) && !exclude.some((r) => r.test(file));
}

// file → counts from the newest report holding it
const latest = new Map<string, { mtime: number; counts: Counts; report: string }>();
if (existsSync(ROOT)) {
  for (const folder of readdirSync(ROOT).sort()) {
    const path = join(ROOT, folder, 'mutation.json');
    if (!existsSync(path)) continue;
    const mtime = statSync(path).mtimeMs;
    const report = JSON.parse(readFileSync(path, 'utf8')) as Report;
    const mutated = mutatedBy(join(ROOT, folder));
    for (const [file, { mutants }] of Object.entries(report.files)) {
      // Carried over from an earlier run into the same folder (incremental), not tested by this one.
      if (!mutated(file)) continue;
      const known = latest.get(file);
      if (!known || known.mtime < mtime) latest.set(file, { mtime, counts: count(mutants), report: folder });
    }
  }
}

const perFile = process.argv.includes('--files');
console.log('| module | killed | timeout | survived | no coverage | score | files run | files not run |');
console.log('|---|---:|---:|---:|---:|---:|---:|---|');
const fileRows: string[] = [];
for (const module of MODULES) {
  const files = sourceFiles(join('src', module)).filter((f) => !EXCLUDED.has(f) && !declarationsOnly(f));
  let total = empty();
  const notRun: string[] = [];
  for (const file of files) {
    const found = latest.get(file);
    if (!found) {
      notRun.push(file.slice(`src/${module}/`.length));
      continue;
    }
    total = add(total, found.counts);
    const c = found.counts;
    fileRows.push(`| ${file} | ${c.killed} | ${c.timeout} | ${c.survived} | ${c.noCoverage} | ${score(c)} | ${found.report} |`);
  }
  console.log(`| src/${module} | ${total.killed} | ${total.timeout} | ${total.survived} | ${total.noCoverage} | **${score(total)}** | ${files.length - notRun.length} of ${files.length} | ${notRun.join(', ') || '–'} |`);
}
if (perFile) {
  console.log('\n| file | killed | timeout | survived | no coverage | score | report |');
  console.log('|---|---:|---:|---:|---:|---:|---|');
  for (const row of fileRows) console.log(row);
}
