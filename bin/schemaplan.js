#!/usr/bin/env node
// Runs the bundled CLI (dist/, built by `npm ci` through "prepare") while it is newer than every source file;
// otherwise the TypeScript sources through tsx, so `npx schemaplan` always works with no build step by hand.
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import module from 'node:module';

// Node 22+ keeps compiled code between runs (the bundle's compilation is a third of start-up); older Node has
// no such cache and goes on without.
module.enableCompileCache?.();

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
