// Whether dist/cli.js (built by `npm ci` through "prepare") still holds the current code: it is newer than every
// file it was bundled from — src/ and lint-rules/ (the built-in rules are compiled into it).
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const BUNDLED = ['src', 'lint-rules'];

function newestFile(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestFile(full) : statSync(full).mtimeMs);
  }
  return newest;
}

export function bundleIsFresh(root) {
  const bundle = path.join(root, 'dist', 'cli.js');
  if (!existsSync(bundle)) return false;
  const built = statSync(bundle).mtimeMs;
  return BUNDLED.every((dir) => !existsSync(path.join(root, dir)) || built >= newestFile(path.join(root, dir)));
}
