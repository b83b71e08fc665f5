// The `zerenzhi` executable (built to dist/cli.js with a shebang). All the logic is in runCli;
// this file only connects it to the process.
import { requestedLang } from './program.js';
import { say } from './io.js';
import { EXIT, runCli } from './run.js';

/** What a shell reports for a process ended by SIGPIPE (128 + 13). */
const EXIT_PIPE_CLOSED = 141;

const argv = process.argv.slice(2);
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    // `zerenzhi assess ... | head` closes the pipe early: stop quietly, no stack trace. The output
    // was cut, and what the run would have exited with (a --fail-on check comes after the output)
    // is not known yet: exit as a process ended by SIGPIPE does, never 0, so that a script with
    // `set -o pipefail` sees it. Once the run had finished, its own code stands.
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? EXIT_PIPE_CLOSED);
    // The output could not be written (a full disk): said on stderr, exit 1 as for an --out that
    // cannot be written. A failing stderr itself cannot be reported anywhere: exit 70.
    if (stream === process.stdout) {
      const lang = requestedLang(argv);
      // Standard error is written synchronously on files, terminals and pipes (Linux): said
      // before the exit.
      process.stderr.write(`${say('cli-file-unwritable', lang, { path: say('cli-stdout', lang), reason: error.code ?? error.message })}\n`);
      process.exit(EXIT.invalid);
    }
    process.exit(EXIT.internal);
  });
}

process.exitCode = await runCli(argv, {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  env: process.env,
});
