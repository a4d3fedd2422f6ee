import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Per-project runtime state of the SafeQL integration (never committed: `.schemaplan/` is git-ignored). */
export function safeqlStateDir(cwd: string): string {
  const dir = join(cwd, '.schemaplan', 'safeql');
  mkdirSync(dir, { recursive: true });
  return dir;
}

export function readJson<T>(file: string): T | null {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as T;
  } catch {
    return null;
  }
}

/** Write-then-rename so a concurrent reader never sees half a file. */
export function writeJsonAtomic(file: string, value: unknown): void {
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(value, null, 2)}\n`);
  renameSync(tmp, file);
}
