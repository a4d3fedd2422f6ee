#!/usr/bin/env node
// Runs the bundled CLI (dist/, built by `npm ci` through "prepare") while it is newer than every source file;
// otherwise the TypeScript sources through tsx, so `npx schemaplan` always works with no build step by hand.
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';

// V8 lets a short-lived process's heap grow up to 4× its live size before a full collection; planning 10,000
// tables then peaks near 600 MB of which half is garbage. Doubling at most keeps the peak near the live size
// for a few percent more GC time (npm run bench measures both); a cold plan tightens it further (src/cli/heap.ts).
v8.setFlagsFromString('--heap-growing-percent=100');

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bundle = path.join(root, 'dist', 'cli.js');

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(full) : statSync(full).mtimeMs);
  }
  return newest;
}

if (existsSync(bundle) && statSync(bundle).mtimeMs >= newestSource(path.join(root, 'src'))) {
  await import(bundle);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/main.ts');
}
