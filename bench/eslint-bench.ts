/**
 * ESLint + SafeQL wall time on examples/app, against the fixture desired state in a throwaway project.
 *
 *   node --import tsx bench/eslint-bench.ts [--dev-url postgres://…] [--runs N] [--cli-runs N]
 *
 * cold        a fresh `eslint` process with no SafeQL database yet (builds it: loads the desired state)
 * warm        a fresh `eslint` process reusing that database (best of --cli-runs; what `npm run lint` usually pays)
 * no SafeQL   the same typed linting with the SafeQL rule off (the baseline)
 * startup     warm − no SafeQL − queries × per query: SafeQL's worker, the plugin, connecting, catalog read
 * per query   an editor-style re-lint (one ESLint instance) after every query's text changed, SafeQL on minus
 *             SafeQL off, ÷ queries: what one edited query costs once everything is warm
 * re-lint     linting unchanged files again with the same instance (SafeQL memoizes answers)
 * Always runs the embedded PGlite path; also the dev-server path with --dev-url or SCHEMAPLAN_DEV_URL.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { ESLint } from 'eslint';
import { connectPg } from '../src/db/queryable.ts';
import type { SchemaplanSafeqlOptions } from '../src/integrations/safeql/cache-key.ts';
import { stopEmbeddedServers } from '../src/integrations/safeql/embedded-server.ts';
import { ident } from '../src/sql/quote.ts';

const ROOT = resolve(import.meta.dirname, '..');
const APP = 'examples/app';
const BENCH_PREFIX = 'schemaplan_safeql_bench_';

const { values } = parseArgs({
  options: { 'dev-url': { type: 'string' }, runs: { type: 'string' }, 'cli-runs': { type: 'string' } },
});
const devUrl = values['dev-url'] ?? process.env['SCHEMAPLAN_DEV_URL'] ?? '';
const runs = Number(values.runs ?? 5);
const cliRuns = Number(values['cli-runs'] ?? 3);

interface Row {
  path: string;
  cold: number;
  warm: number;
  baseline: number;
  startup: number;
  perQuery: number;
  relint: number;
}

/** Where a checked query's text starts (every query in examples/app opens its template on its own line). */
const QUERY_START = /(?<=[\s(])(?:sql|rows)(?:<[^`]*?>)?`(?=\n)/g;

/** Explicit files: a directory pattern would be matched against the generated config's own directory. */
const appFiles = () => readdirSync(join(ROOT, APP)).filter((f) => f.endsWith('.ts')).map((f) => join(ROOT, APP, f));

function countQueries(): number {
  let n = 0;
  for (const f of readdirSync(join(ROOT, APP)).filter((f) => f.endsWith('.ts'))) {
    // SafeQL targets in this repo: sql`…` inside db.query(…) and the rows`…` tag (see eslint.config.js).
    n += readFileSync(join(ROOT, APP, f), 'utf8').match(QUERY_START)?.length ?? 0;
  }
  return n;
}

/** `name` ends in .mjs: under tsx a .js outside a "type": "module" package would be compiled to CommonJS. */
function writeConfig(dir: string, name: string, options: SchemaplanSafeqlOptions | null): string {
  const file = join(dir, name);
  const helper = pathToFileURL(join(ROOT, 'eslint.config.js')).href;
  const body = options
    ? `export default appConfig(${JSON.stringify(options)});`
    : // Same typed linting without the SafeQL rule: the baseline the per-query cost is measured against.
      `export default appConfig({ cwd: ${JSON.stringify(dir)} }).map((c) => c.rules?.['@ts-safeql/check-sql'] ? { ...c, rules: { ...c.rules, '@ts-safeql/check-sql': 'off' } } : c);`;
  writeFileSync(file, `import { appConfig } from ${JSON.stringify(helper)};\n${body}\n`);
  return file;
}

function timeCli(config: string): number {
  const start = performance.now();
  execFileSync(process.execPath, [join(ROOT, 'node_modules/eslint/bin/eslint.js'), '-c', config, APP], { cwd: ROOT, stdio: 'inherit' });
  return performance.now() - start;
}

async function timeRelint(config: string): Promise<number> {
  const eslint = new ESLint({ cwd: ROOT, overrideConfigFile: config });
  await eslint.lintFiles(appFiles()); // program built, SafeQL connected and its metadata cached
  const start = performance.now();
  for (let i = 0; i < runs; i++) {
    assertClean(await eslint.lintFiles(appFiles()));
  }
  return (performance.now() - start) / runs;
}

/** Any message (an error, or ESLint saying it ignored the file) means the timing measured something else. */
function assertClean(results: ESLint.LintResult[]): void {
  for (const r of results) {
    if (r.messages.length > 0) throw new Error(`${r.filePath}: ${r.messages[0]!.message}`);
  }
}

/** Re-lint after a comment was added to every query, so SafeQL's memo misses but the SQL stays the same. */
async function timeEditedRelint(config: string): Promise<number> {
  const eslint = new ESLint({ cwd: ROOT, overrideConfigFile: config });
  await eslint.lintFiles(appFiles());
  const sources = appFiles().map((f) => [f, readFileSync(f, 'utf8')] as const);
  const start = performance.now();
  for (let i = 0; i < runs; i++) {
    for (const [filePath, text] of sources) {
      assertClean(await eslint.lintText(text.replace(QUERY_START, (m) => `${m}/* edit ${i} */ `), { filePath }));
    }
  }
  return (performance.now() - start) / runs;
}

async function bench(path: string, extra: Omit<SchemaplanSafeqlOptions, 'cwd'>): Promise<Row> {
  const dir = mkdtempSync(join(tmpdir(), 'sp-safeql-bench-'));
  cpSync(join(ROOT, 'test/fixtures/safeql-desired'), join(dir, 'desired'), { recursive: true });
  try {
    const withSafeql = writeConfig(dir, 'eslint.safeql.mjs', { cwd: dir, ...extra });
    const without = writeConfig(dir, 'eslint.plain.mjs', null);
    const cold = timeCli(withSafeql);
    // Best of several: on a shared machine the minimum is the least disturbed measurement.
    const warm = Math.min(...Array.from({ length: cliRuns }, () => timeCli(withSafeql)));
    const baseline = Math.min(...Array.from({ length: cliRuns }, () => timeCli(without)));
    const relint = await timeRelint(withSafeql);
    const perQuery = ((await timeEditedRelint(withSafeql)) - (await timeEditedRelint(without))) / countQueries();
    const startup = warm - baseline - perQuery * countQueries();
    return { path, cold, warm, baseline, startup, perQuery, relint };
  } finally {
    stopEmbeddedServers(dir);
    rmSync(dir, { recursive: true, force: true });
  }
}

async function dropBenchDatabases(url: string): Promise<void> {
  const admin = await connectPg(url);
  try {
    const { rows } = await admin.query<{ datname: string }>('SELECT datname FROM pg_database WHERE starts_with(datname, $1)', [BENCH_PREFIX]);
    for (const { datname } of rows) await admin.exec(`DROP DATABASE IF EXISTS ${ident(datname)} WITH (FORCE)`);
  } finally {
    await admin.close();
  }
}

const rows: Row[] = [];
const savedDevUrl = process.env['SCHEMAPLAN_DEV_URL'];
delete process.env['SCHEMAPLAN_DEV_URL']; // the embedded path must not pick it up from the environment
rows.push(await bench('embedded PGlite', { idleSeconds: 60 }));
if (savedDevUrl !== undefined) process.env['SCHEMAPLAN_DEV_URL'] = savedDevUrl;
if (devUrl) {
  try {
    rows.push(await bench('dev server', { devUrl, databasePrefix: BENCH_PREFIX }));
  } finally {
    await dropBenchDatabases(devUrl);
  }
}

console.log(`\nESLint on ${APP}: ${appFiles().length} files, ${countQueries()} queries (re-lint = mean of ${runs})`);
console.log(['path'.padEnd(16), ...['cold', 'warm', 'no SafeQL', 'startup', 'per query', 're-lint'].map((h) => h.padStart(10))].join(' '));
for (const r of rows) {
  if (r.startup < 0) console.log(`(${r.path}: warm ran faster than the baseline; the machine is busy, rerun for stable numbers)`);
  console.log([r.path.padEnd(16), ...[r.cold, r.warm, r.baseline, r.startup, r.perQuery, r.relint].map((n) => `${n.toFixed(n < 10 ? 1 : 0)} ms`.padStart(10))].join(' '));
}
process.exit(0);
