import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { err, ok, type Result, type UserError } from '../errors.ts';
import type { SourceFile } from './sources.ts';

/**
 * Desired files in their documented load order: every file below the directory whose extension a format
 * knows, sorted by relative path (code-point order, `/` separated). Hidden files and directories are skipped.
 */
export function discoverFiles(target: string, extensions: readonly string[]): Result<SourceFile[], UserError> {
  if (!existsSync(target)) return err({ code: 'desired-empty', message: `desired state not found: ${target}`, hint: 'create it, or pass --desired PATH' });
  const shown = (p: string) => path.relative(process.cwd(), p) || p;
  if (statSync(target).isFile()) {
    // Any other file would be read as an empty desired state, and the plan would drop everything.
    if (!extensions.some((e) => target.endsWith(e))) {
      return err({ code: 'desired-empty', message: `not a desired-state file: ${shown(target)}`, hint: `pass a directory, or a ${extensions.join(' or ')} file` });
    }
    const one = readSource(target, shown(target));
    return one.ok ? ok([one.value]) : one;
  }
  const found = filesBelow(target, (name) => extensions.some((e) => name.endsWith(e)));
  if (!found.length) {
    return err({
      code: 'desired-empty',
      message: `no desired-state files in ${shown(target)}`,
      hint: `add ${extensions.map((e) => `*${e}`).join(' or ')} files`,
    });
  }
  const files: SourceFile[] = [];
  for (const p of found) {
    const file = readSource(p, shown(p));
    if (!file.ok) return file;
    files.push(file.value);
  }
  return ok(files);
}

/**
 * The files below a directory whose name `keep` accepts, sorted by relative path (code-point order, `/`
 * separated); hidden files and directories are skipped. Desired files load in this order, and migrations run in it.
 */
export function filesBelow(dir: string, keep: (name: string) => boolean): string[] {
  const found: string[] = [];
  const walk = (at: string) => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      if (entry.name.startsWith('.')) continue;
      const full = path.join(at, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (keep(entry.name)) found.push(full);
    }
  };
  walk(dir);
  const rel = (p: string) => path.relative(dir, p).split(path.sep).join('/');
  return found.sort((a, b) => (rel(a) < rel(b) ? -1 : rel(a) > rel(b) ? 1 : 0));
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** A desired file's text: UTF-8 (a byte-order mark dropped), or an error naming where it is not. */
function readSource(file: string, shown: string): Result<SourceFile, UserError> {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return err({ code: 'desired-empty', message: `cannot read ${shown}: ${code === 'ENOENT' ? 'it does not exist (a broken symbolic link?)' : (e as Error).message}` });
  }
  try {
    return ok({ path: shown, text: utf8.decode(bytes) });
  } catch {
    // Where the first byte that is not UTF-8 is: the lossy decoding's first replacement character.
    const lossy = bytes.toString('utf8');
    const at = Math.max(0, lossy.indexOf('\ufffd'));
    const before = lossy.slice(0, at).split('\n');
    return err({
      code: 'desired-sql',
      message: 'the file is not UTF-8',
      location: { file: shown, line: before.length, column: before.at(-1)!.length + 1 },
      hint: 'save it as UTF-8 (e.g. iconv -f latin1 -t utf-8)',
    });
  }
}
