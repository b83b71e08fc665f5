// The `zerenzhi` executable (built to dist/cli.js with a shebang). All the logic is in runCli;
// this file only connects it to the process.
import { EXIT, runCli } from './run.js';

// `zerenzhi assess ... | head` closes the pipe early: stop quietly instead of crashing on EPIPE.
// Any other failure of the output streams cannot be reported on them: exit 70 (EX_SOFTWARE).
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    process.exit(error.code === 'EPIPE' ? (process.exitCode ?? 0) : EXIT.internal);
  });
}

process.exitCode = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  env: process.env,
});
