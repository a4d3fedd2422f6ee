import { writeFileSync } from 'node:fs';
import { formatUserError, type UserError } from '../../errors.ts';

export const isTty = (): boolean => Boolean(process.stdout.isTTY) && !process.env['NO_COLOR'];

/** Progress and notes go to stderr, and only on a TTY; piped or --json output stays clean. */
export function progress(quiet: boolean): (message: string) => void {
  if (quiet || !process.stderr.isTTY) return () => {};
  return (message) => process.stderr.write(`… ${message}\n`);
}

export function writeOutput(text: string, out: string | undefined): void {
  if (out) writeFileSync(out, text);
  else process.stdout.write(text);
}

export function printError(e: UserError): void {
  process.stderr.write(`error: ${formatUserError(e)}\n`);
}
