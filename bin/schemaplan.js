#!/usr/bin/env node
// Runs the bundled CLI (dist/, built by `npm ci` through "prepare") while it is newer than every file bundled in it;
// otherwise the TypeScript sources through tsx, so `npx schemaplan` always works with no build step by hand.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import module from 'node:module';
import { bundleIsFresh } from './bundle-fresh.js';

// Node 22+ keeps compiled code between runs (the bundle's compilation is a third of start-up); older Node has
// no such cache and goes on without.
module.enableCompileCache?.();

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

if (bundleIsFresh(root)) {
  await import(path.join(root, 'dist', 'cli.js'));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/main.ts');
}
