import { writeFileSync } from 'node:fs';
import { formatUserError, type UserError } from '../../errors.ts';

export const isTty = (): boolean => Boolean(process.stdout.isTTY) && !process.env['NO_COLOR'];

/** Progress and notes go to stderr, and only on a TTY; piped or --json output stays clean. */
export function progress(quiet: boolean): (message: string) => void {
  if (quiet || !process.stderr.isTTY) return () => {};
  return (message) => process.stderr.write(`… ${message}\n`);
}

/**
 * A reader that stops early (`schemaplan inspect | head`, quitting a pager) closes the pipe. The rest of the
 * output has nowhere to go, which is no failure of the command, and a command still at work (an apply) must not be
 * cut short by it; unhandled, Node's report of the closed pipe ended the process with a stack trace.
 */
export function ignoreClosedPipes(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code !== 'EPIPE' && e.code !== 'ERR_STREAM_DESTROYED') throw e;
    });
  }
}

export function writeOutput(text: string, out: string | undefined): void {
  if (out) writeFileSync(out, text);
  else process.stdout.write(text);
}

export function printError(e: UserError): void {
  process.stderr.write(`error: ${formatUserError(e)}\n`);
}
