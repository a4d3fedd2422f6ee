import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * SQL shipped with schemaplan (catalog queries, presets) lives under src/ and is read at run time. The code may
 * run from src/ (tsx, vitest) or from the dist/ bundle, so files are found from the package root, not from
 * the module's own location.
 */
function findRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(path.join(dir, 'package.json')) && existsSync(path.join(dir, 'src', 'introspect', 'queries'))) return dir;
    const up = path.dirname(dir);
    if (up === dir) throw new Error('bug: schemaplan package root not found');
    dir = up;
  }
}

export const PACKAGE_ROOT = findRoot();

export const assetPath = (...parts: string[]): string => path.join(PACKAGE_ROOT, 'src', ...parts);

export const readAsset = (...parts: string[]): string => readFileSync(assetPath(...parts), 'utf8');

/** schemaplan's own version: caches written by another version are not read. */
export const PACKAGE_VERSION: string = (JSON.parse(readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
