import { lstat, open, realpath, rename, rm, stat, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { gathered } from '../core/json-chunks.js';
import type { Lang } from '../core/lang.js';
import { systemCode } from './files.js';
import { CliFailure, EXIT, say } from './io.js';

/**
 * Writes a file given in pieces (a result too big for one string), a megabyte at a time, or
 * fails with exit code 1 naming it. The pieces go to a temporary file beside it, renamed over
 * it at the end: if the pieces fail half-way (or the disk fills), the file that was there is
 * left as it was and no half-written file is left behind. A symbolic link is written through:
 * the file it points to is replaced, the link stays; the file's permissions are kept. A path
 * that is not a regular file (`/dev/stdout`, a named pipe, a link to nothing), or a folder where
 * no temporary file may be made, is written directly.
 *
 * @example
 * await writePieces('result.json', jsonChunks(result), 'zh');
 */
export async function writePieces(file: string, pieces: Iterable<string>, lang: Lang): Promise<void> {
  await writeFiles([{ file, pieces }], lang);
}

/**
 * Writes several files as one ({@link writePieces} each): every file is written to its temporary
 * file first, and only when all of them are whole are they renamed into place. If any fails, the
 * temporary files are removed and the files that were there are left as they were, so a report
 * and the findings beside it never come from two different runs. (A path written directly, see
 * {@link writePieces}, is written when its turn comes.)
 *
 * @example
 * await writeFiles([{ file: 'r.csv', pieces: csv.lines }, { file: 'r.findings.csv', pieces: csv.findings }], 'zh');
 */
export async function writeFiles(files: readonly { readonly file: string; readonly pieces: Iterable<string> }[], lang: Lang): Promise<void> {
  const staged: Staged[] = [];
  try {
    for (const { file, pieces } of files) staged.push(await stage(file, pieces, lang));
  } catch (error) {
    await Promise.all(staged.map((each) => each.discard()));
    throw error;
  }
  for (let i = 0; i < staged.length; i++) {
    try {
      await (staged[i] as Staged).commit();
    } catch (error) {
      await Promise.all(staged.slice(i + 1).map((each) => each.discard()));
      throw error;
    }
  }
}

/** A file written to its temporary file, waiting to be renamed into place (or written already). */
interface Staged {
  readonly commit: () => Promise<void>;
  readonly discard: () => Promise<void>;
}

/**
 * Where a path's text goes: the regular file it is or links to (its real path, and its mode to
 * keep), or, for anything else (a device, a pipe, a link to nothing), the path itself, directly.
 */
async function targetOf(file: string): Promise<{ path: string; direct: boolean; mode?: number }> {
  const real = await realpath(file).catch(() => undefined);
  if (real === undefined) {
    // Not there: a new file; or a link to nothing, written through (it makes the file it names).
    const link = await lstat(file).then((s) => s.isSymbolicLink(), () => false);
    return { path: file, direct: link };
  }
  const found = await stat(real).catch(() => undefined);
  if (found === undefined || !found.isFile()) return { path: file, direct: found !== undefined };
  return { path: real, direct: false, mode: found.mode & 0o7777 };
}

/** How many files this process has staged: each temporary file's number. */
let staging = 0;

async function stage(file: string, pieces: Iterable<string>, lang: Lang): Promise<Staged> {
  const fail = (error: unknown): CliFailure => new CliFailure(EXIT.invalid, [say('cli-file-unwritable', lang, { path: file, reason: systemCode(error) })]);
  const target = await targetOf(file);
  // Numbered: two paths of one run may lead to the same file (a link), each to its own temporary one.
  const temporary = join(dirname(target.path), `.${basename(target.path)}.${process.pid}.${++staging}.part`);
  let path = target.direct ? target.path : temporary;
  let handle: FileHandle;
  try {
    handle = await open(path, 'w');
  } catch (error) {
    // A folder we may not create files in, but the file itself may be writable.
    if (path !== temporary || !['EACCES', 'EPERM', 'EROFS'].includes(systemCode(error))) throw fail(error);
    path = target.path;
    handle = await open(path, 'w').catch((again: unknown) => {
      throw fail(again);
    });
  }
  const removeTemporary = async (): Promise<void> => {
    if (path === temporary) await rm(temporary, { force: true });
  };
  try {
    for (const text of gathered(pieces)) {
      await handle.write(text).catch((error: unknown) => {
        throw fail(error);
      });
    }
    // The file replaced keeps its permissions (a report only its owner may read stays so).
    if (path === temporary && target.mode !== undefined) {
      await handle.chmod(target.mode).catch((error: unknown) => {
        throw fail(error);
      });
    }
    await handle.close();
  } catch (error) {
    await handle.close().catch(() => undefined);
    await removeTemporary();
    throw error;
  }
  if (path !== temporary) return { commit: () => Promise.resolve(), discard: () => Promise.resolve() };
  return {
    commit: async () => {
      await rename(temporary, target.path).catch(async (error: unknown) => {
        await removeTemporary();
        throw fail(error);
      });
    },
    discard: removeTemporary,
  };
}
