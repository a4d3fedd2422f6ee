/**
 * The SafeQL cache key: a SHA-256 of everything that decides what the SafeQL database contains — the project
 * root, the dev server, schemaplan.yaml, external stub files, and every desired file's path and content.
 * SafeQL reads the key before every query, so it must be synchronous and cheap: contents are hashed again only
 * when a file's size or mtime changed. (The engine's `desiredFingerprint` compiles the files, which needs the
 * SQL parser loaded first, asynchronously.)
 */
import { readFileSync, statSync } from 'node:fs';
import { relative } from 'node:path';
import { sha256 } from '../../model/fingerprint.ts';
import { listDesiredFiles } from './desired-files.ts';
import { trackedConfigFiles, type SafeqlSettings } from './settings.ts';

/** Bump when what the SafeQL database is built from changes shape, so old databases are not reused. */
const FORMAT = 'schemaplan-safeql/1';

const memo = new Map<string, { signature: string; fingerprint: string }>();

export function desiredStateFingerprint(settings: SafeqlSettings): string {
  const config = trackedConfigFiles(settings);
  const desired = listDesiredFiles(settings.desiredDir);
  const signature = [...config, ...desired]
    .map((f) => {
      const s = statSync(f, { throwIfNoEntry: false });
      return `${f}:${s?.size ?? -1}:${s?.mtimeMs ?? -1}`;
    })
    .join('\n');
  const key = `${settings.cwd}\0${settings.desiredDir}\0${settings.devUrl ?? ''}`;
  const hit = memo.get(key);
  if (hit && hit.signature === signature) return hit.fingerprint;

  // The project root is part of the key: two checkouts with the same desired state must not share (and then
  // drop) each other's database, and SafeQL shares one connection per key across projects linted together.
  const parts = [FORMAT, `cwd=${settings.cwd}`, `desired=${settings.desiredDir}`, `devUrl=${settings.devUrl ?? ''}`];
  for (const f of config) parts.push(`${f}\0${readQuiet(f)}`);
  for (const f of desired) parts.push(`${relative(settings.desiredDir, f)}\0${readQuiet(f)}`);
  const fingerprint = sha256(parts.join('\0\0'));
  memo.set(key, { signature, fingerprint });
  return fingerprint;
}

/** A file deleted between listing and reading hashes as missing; the next key picks up the new listing. */
function readQuiet(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '\0missing';
  }
}
