import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Every file under `target` (recursively, dot-files skipped; `target` itself when it is a file), sorted. Only
 * their sizes and mtimes are read: this decides whether the desired state must be fingerprinted again.
 */
export function listDesiredFiles(target: string): string[] {
  const stat = statSync(target, { throwIfNoEntry: false });
  if (!stat) return [];
  if (stat.isFile()) return [target];
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.name.startsWith('.')) continue;
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) out.push(p);
    }
  };
  walk(target);
  return out.sort();
}
