import { writeFileSync } from 'node:fs';
import { interruption } from '../../desired/shadow/provider.ts';
import { err, formatUserError, ok, type Result, type UserError } from '../../errors.ts';

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

/** A command's output, to stdout or to `--out FILE`; a file that cannot be written is the command's error. */
export function writeOutput(text: string, out: string | undefined, hint = 'pass --out a file in a directory that exists and you may write to'): Result<void, UserError> {
  if (!out) {
    process.stdout.write(text);
    return ok(undefined);
  }
  try {
    writeFileSync(out, text);
    return ok(undefined);
  } catch (e) {
    return err({ code: 'output', message: `cannot write ${out}: ${WRITE_FAILURE[(e as NodeJS.ErrnoException).code ?? ''] ?? (e as Error).message}`, hint });
  }
}

const WRITE_FAILURE: Readonly<Record<string, string>> = {
  ENOENT: 'its directory does not exist',
  ENOTDIR: 'a part of its path is not a directory',
  EISDIR: 'it is a directory',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'read-only file system',
};

export function printError(e: UserError): void {
  // After Ctrl-C the shadow is being removed and the process ends with the signal's code (shadow/provider.ts).
  if (interruption()) return;
  process.stderr.write(`error: ${formatUserError(e)}\n`);
}
