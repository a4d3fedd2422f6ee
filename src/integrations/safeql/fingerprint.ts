/**
 * The SafeQL cache key: a hash of everything that decides what the SafeQL database contains. SafeQL reads the key
 * before every query, so it must be synchronous and cheap: file contents are hashed again only when a file's
 * size or mtime changed.
 */
import { readFileSync, statSync } from 'node:fs';
import { relative } from 'node:path';
import { sha256 } from '../../model/fingerprint.ts';
import type { SafeqlSettings } from './desired-adapter.ts';
import { listDesiredFiles } from './desired-files.ts';

/** Bump when what the SafeQL database is built from changes shape, so old databases are not reused. */
const FORMAT = 'schemaplan-safeql/1';

const memo = new Map<string, { signature: string; fingerprint: string }>();

export function desiredStateFingerprint(settings: SafeqlSettings): string {
  const files = listDesiredFiles(settings.desiredDir);
  const tracked = settings.configFile ? [settings.configFile, ...files] : files;
  const signature = tracked
    .map((f) => {
      const s = statSync(f, { throwIfNoEntry: false });
      return `${f}:${s?.size ?? -1}:${s?.mtimeMs ?? -1}`;
    })
    .join('\n');
  const key = `${settings.cwd}\0${settings.devUrl ?? ''}`;
  const hit = memo.get(key);
  if (hit && hit.signature === signature) return hit.fingerprint;

  // The project root is part of the key: two checkouts with the same desired state must not share (and then
  // drop) each other's database, and SafeQL shares one connection per key across projects linted together.
  const parts: string[] = [FORMAT, `cwd=${settings.cwd}`, `devUrl=${settings.devUrl ?? ''}`];
  if (settings.configFile) parts.push(`config\0${readFileSync(settings.configFile, 'utf8')}`);
  for (const f of files) parts.push(`${relative(settings.desiredDir, f)}\0${readFileSync(f, 'utf8')}`);
  const fingerprint = sha256(parts.join('\0\0'));
  memo.set(key, { signature, fingerprint });
  return fingerprint;
}
