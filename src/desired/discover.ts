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
  if (statSync(target).isFile()) return ok([{ path: shown(target), text: readFileSync(target, 'utf8') }]);
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name.startsWith('.')) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (extensions.some((e) => entry.name.endsWith(e))) found.push(full);
    }
  };
  walk(target);
  const rel = (p: string) => path.relative(target, p).split(path.sep).join('/');
  found.sort((a, b) => (rel(a) < rel(b) ? -1 : rel(a) > rel(b) ? 1 : 0));
  if (!found.length) {
    return err({
      code: 'desired-empty',
      message: `no desired-state files in ${shown(target)}`,
      hint: `add ${extensions.map((e) => `*${e}`).join(' or ')} files`,
    });
  }
  return ok(found.map((p) => ({ path: shown(p), text: readFileSync(p, 'utf8') })));
}
