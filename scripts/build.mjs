// Bundles the CLI to dist/cli.js (run by `npm ci` through "prepare"): starting the bundle takes half the
// time of compiling TypeScript on the fly. bin/schemaplan.js uses it only while it is newer than src/.
// Dependencies are bundled too (one file to load instead of ~300 modules: 0.1 s less per run), except those
// loaded lazily or that find files next to their own module: PGlite (its data files), libpg-query (its
// WebAssembly), testcontainers and the prompt library.
import { mkdirSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { build } from 'esbuild';

/**
 * pg asks whether it runs on Cloudflare Workers by constructing a `Response`, which on Node 20 loads the whole
 * fetch implementation (undici): 35 ms of every start. The bundle only ever runs on Node, so it is told so.
 * If pg renames the function, the build fails here rather than silently keeping the cost.
 */
const nodeOnlyPg = {
  name: 'node-only-pg',
  setup(b) {
    b.onLoad({ filter: /[\\/]pg[\\/]lib[\\/]stream\.js$/ }, async (args) => {
      const text = await readFile(args.path, 'utf8');
      const patched = text.replace('function isCloudflareRuntime() {', 'function isCloudflareRuntime() {\n  return false;');
      if (patched === text) throw new Error(`${args.path}: isCloudflareRuntime not found (pg changed; update scripts/build.mjs)`);
      return { contents: patched, loader: 'js' };
    });
  },
};

/**
 * zod exports its error messages in some fifty languages through one namespace, so all of them were bundled:
 * 500 KB of the 1.7 MB that every run compiles. schemaplan reports in English, zod's default locale.
 */
const englishOnlyZod = {
  name: 'english-only-zod',
  setup(b) {
    b.onLoad({ filter: /[\\/]zod[\\/]v4[\\/]locales[\\/]index\.js$/ }, (args) => ({
      contents: 'export { default as en } from "./en.js";\n',
      resolveDir: path.dirname(args.path),
      loader: 'js',
    }));
  },
};

const result = await build({
  entryPoints: ['src/cli/main.ts'],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external: ['@electric-sql/*', 'libpg-query', 'testcontainers', '@testcontainers/*', '@clack/prompts', 'pg-native'],
  // CommonJS dependencies (pg) call require() for Node's built-ins.
  banner: { js: "import { createRequire as __createRequire } from 'node:module';\nconst require = __createRequire(import.meta.url);" },
  outfile: 'dist/cli.js',
  plugins: [nodeOnlyPg, englishOnlyZod],
  logLevel: 'warning',
  write: false,
});

/**
 * esbuild escapes non-ASCII characters in code but copies the comments it keeps as they are, and one such
 * character (a dash in a comment) made Node decode the whole 1.3 MB bundle as UTF-8 into a two-byte string at
 * every start: 15 ms of decoding, and V8 scans a two-byte source slower (~20 ms a start in all, measured on
 * `--help`). A \u escape stands for the same character wherever one can appear: comments, strings, regular
 * expressions, identifiers.
 */
const ascii = (text) => text.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
for (const file of result.outputFiles) {
  mkdirSync(path.dirname(file.path), { recursive: true });
  writeFileSync(file.path, ascii(file.text));
}
