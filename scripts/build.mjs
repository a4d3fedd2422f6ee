// Bundles the CLI to dist/cli.js (run by `npm ci` through "prepare"): starting the bundle takes half the
// time of compiling TypeScript on the fly. bin/schemaplan.js uses it only while it is newer than src/.
import { build } from 'esbuild';

await build({
  entryPoints: ['src/cli/main.ts'],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  outfile: 'dist/cli.js',
  logLevel: 'warning',
});
