import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

/** Per-project runtime state of the SafeQL integration (never committed: `.schemaplan/` is git-ignored). */
export function safeqlStateDir(cwd: string): string {
  const dir = join(cwd, '.schemaplan', 'safeql');
  mkdirSync(dir, { recursive: true });
  return dir;
}
