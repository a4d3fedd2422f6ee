/**
 * npm run bench [-- 1000 10000] — speed and memory of planning, measured in one run (not a test):
 * cold plan (desired state normalized in a shadow) against its floor (B's DDL executed once on an empty database,
 * in transactions of 400 statements as the shadow does, plus pg_dump -s of A), warm plan (desired catalog cached, target read) against
 * pg_dump -s of A, the same with the target unchanged since the last plan (its catalog cached too, checked by its catalogs' version),
 * statements planned against the minimal count, and peak RSS; for a server temporary database and for PGlite
 * as the shadow. Also: a warm embedded `plan` of this repository's desired/.
 * Sizes up to 2,000 tables are measured three times (the fastest counts, floor and schemaplan alike).
 * Options: sizes (default 1000 10000), --shadow=server|embedded to measure one shadow only.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { connectPg } from '../src/db/queryable.ts';
import { splitSql } from '../src/desired/sql-format.ts';
import { loadParser } from '../src/sql/parser.ts';

const CHUNK = 400;
import { withDatabase } from '../src/db/url.ts';
import { minimalStatements, schemaA, schemaB } from './synthetic.ts';

const SERVER = process.env['SCHEMAPLAN_TEST_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const ROOT = path.resolve(import.meta.dirname, '..');
const BIN = path.join(ROOT, 'bin/schemaplan.js');
const sizes = process.argv.slice(2).map(Number).filter(Boolean);
const only = process.argv.find((a) => a.startsWith('--shadow='))?.slice('--shadow='.length);
const SHADOWS = (['server', 'embedded'] as const).filter((s) => !only || s === only);
const NS = sizes.length ? sizes : [1000, 10000];

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

async function timeIt<T>(fn: () => Promise<T> | T): Promise<[T, number]> {
  const t = performance.now();
  const r = await fn();
  return [r, performance.now() - t];
}

async function freshDb(name: string, sql: string | null): Promise<string> {
  const admin = await connectPg(SERVER);
  await admin.exec(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.exec(`CREATE DATABASE ${name}`);
  await admin.close();
  const url = withDatabase(SERVER, name);
  if (sql) {
    // In transactions of CHUNK statements, as the shadow loads desired state: one transaction for 10,000
    // tables needs more locks than a default server has.
    await loadParser();
    const split = splitSql(sql);
    if (!split.ok) throw new Error(split.error.message);
    const db = await connectPg(url);
    for (let i = 0; i < split.value.length; i += CHUNK) {
      await db.exec(split.value.slice(i, i + CHUNK).map((s) => s.sql).join(';\n') + ';');
    }
    await db.close();
  }
  return url;
}

/**
 * Every timed phase starts from a checkpointed server: building thousands of tables leaves a checkpoint's worth of
 * dirty buffers behind, and whichever phase runs next would pay for writing them (measured: the same DDL took
 * 4 s or 9 s depending on what ran before it).
 */
async function checkpoint() {
  const admin = await connectPg(SERVER);
  await admin.exec('CHECKPOINT').catch(() => {});
  await admin.close();
}

/**
 * The same DDL on this machine takes 4 s or 9 s from one run to the next (the filesystem still deleting a dropped
 * database's files, the server's shared catalogs): small sizes are measured RUNS times and the fastest counts,
 * for the floor and for schemaplan alike. 10,000 tables are measured once.
 */
const RUNS = (n: number) => (n <= 2000 ? 3 : 1);

async function fastest(runs: number, measure: () => Promise<number>): Promise<number> {
  let best = Infinity;
  for (let i = 0; i < runs; i++) best = Math.min(best, await measure());
  return best;
}

type PlanRun = ReturnType<typeof runPlan>;

async function fastestRun(runs: number, run: () => Promise<PlanRun>): Promise<PlanRun> {
  const done: PlanRun[] = [];
  for (let i = 0; i < runs; i++) {
    const r = await run();
    if (r.code !== 0) return r;
    done.push(r);
  }
  // The fastest run's time, and the largest peak memory of any run.
  const best = done.reduce((a, b) => (b.ms < a.ms ? b : a));
  return { ...best, rssMb: Math.max(...done.map((r) => r.rssMb)) };
}

async function dropDb(name: string) {
  const admin = await connectPg(SERVER);
  await admin.exec(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.close();
}

/** The target's cached catalog (target/server-cache.ts), so that the next plan reads the target. */
function forgetTargetCatalog(project: string): void {
  const dir = path.join(project, '.schemaplan', 'cache');
  if (!existsSync(dir)) return;
  for (const f of readdirSync(dir)) if (f.startsWith('target-')) rmSync(path.join(dir, f));
}

function runPlan(args: string[], cwd: string): { ms: number; rssMb: number; statements: number; code: number; stderr: string } {
  const t = performance.now();
  const r = spawnSync(process.execPath, ['--import', path.join(ROOT, 'bench/rss.mjs'), BIN, 'plan', '--format', 'json', ...args], {
    cwd,
    encoding: 'utf8',
    maxBuffer: 1 << 30,
    env: { ...process.env, DATABASE_URL: undefined },
  });
  const ms = performance.now() - t;
  const rss = /bench:maxrss=(\d+)/.exec(r.stderr);
  let statements = -1;
  try {
    statements = JSON.parse(r.stdout).steps.reduce((n: number, s: { statements: unknown[] }) => n + s.statements.length, 0);
  } catch {
    /* reported through code/stderr */
  }
  return { ms, rssMb: rss ? Number(rss[1]) / 1024 : -1, statements, code: r.status ?? -1, stderr: r.stderr.replace(/\nbench:maxrss=\d+\n/, '') };
}

const rows: string[] = [];
for (const n of NS) {
  const work = mkdtempSync(path.join(tmpdir(), `sp-bench-${n}-`));
  mkdirSync(path.join(work, 'desired'));
  writeFileSync(path.join(work, 'desired', 'schema.sql'), schemaB(n));
  const aName = `sp_bench_a_${n}`;
  const [aUrl, buildA] = await timeIt(() => freshDb(aName, schemaA(n)));
  // Floor: B's DDL once in one transaction on an empty database, plus pg_dump -s of A.
  // Every cold plan drops its shadow, and the next one runs after that drop; so does every floor run but the
  // first, which follows A's build. Dropping a database of thousands of tables slows the next one's DDL down
  // for a while on this machine (measured: 4 s after a build, 8 s after a drop), so that first run is not counted.
  let floorRuns = 0;
  const execB = await fastest(RUNS(n) + (RUNS(n) > 1 ? 1 : 0), async () => {
    await checkpoint();
    const [, ms] = await timeIt(() => freshDb(`sp_bench_floor_${n}`, schemaB(n)));
    await dropDb(`sp_bench_floor_${n}`);
    return floorRuns++ === 0 && RUNS(n) > 1 ? Infinity : ms;
  });
  const dumpA = await fastest(RUNS(n), async () => {
    await checkpoint();
    return (await timeIt(() => execFileSync('pg_dump', ['-s', '-d', aUrl], { maxBuffer: 1 << 30 })))[1];
  });
  const floor = execB + dumpA;
  const minimal = minimalStatements(n);
  console.log(`N=${n}: built A in ${seconds(buildA)}; floor = exec B ${seconds(execB)} + pg_dump -s A ${seconds(dumpA)} = ${seconds(floor)}`);
  for (const shadow of SHADOWS) {
    const dev = shadow === 'server' ? SERVER : 'embedded';
    const plan = async (args: string[]) => {
      await checkpoint();
      return runPlan(['--target', aUrl, '--dev-url', dev, ...args], work);
    };
    const cold = await fastestRun(RUNS(n), () => plan(['--no-cache']));
    if (cold.code !== 0) {
      console.log(`  ${shadow}: cold plan failed: ${cold.stderr.trim().split('\n')[0]}`);
      continue;
    }
    await plan([]); // fills the caches
    // Warm: the desired catalog from its cache, the target read (its cached catalog removed before each run).
    const warm = await fastestRun(RUNS(n), () => (forgetTargetCatalog(work), plan([])));
    await plan([]);
    // Warm, target unchanged: only the target's catalogs' version is read.
    const same = await fastestRun(RUNS(n), () => plan([]));
    const line =
      `  ${shadow.padEnd(8)} cold ${seconds(cold.ms)} (${(cold.ms / floor).toFixed(2)}× floor, peak ${cold.rssMb.toFixed(0)} MB)` +
      ` | warm ${seconds(warm.ms)} (${(warm.ms / dumpA).toFixed(2)}× pg_dump -s, peak ${warm.rssMb.toFixed(0)} MB)` +
      ` | target unchanged ${seconds(same.ms)} (${(same.ms / dumpA).toFixed(2)}×, peak ${same.rssMb.toFixed(0)} MB)` +
      ` | statements ${cold.statements} (minimal ${minimal})`;
    console.log(line);
    if (same.statements !== cold.statements || warm.statements !== cold.statements) console.log(`  ${shadow}: warm plans differ from the cold one (${warm.statements}, ${same.statements} statements)`);
    rows.push(
      `| ${n} | ${shadow} | ${seconds(cold.ms)} | ${(cold.ms / floor).toFixed(2)}× | ${seconds(warm.ms)} | ${(warm.ms / dumpA).toFixed(2)}× | ${seconds(same.ms)} | ${(same.ms / dumpA).toFixed(2)}× | ${cold.statements} / ${minimal} | ${Math.max(cold.rssMb, warm.rssMb, same.rssMb).toFixed(0)} MB |`,
    );
  }
  await dropDb(aName);
}

if (existsSync(path.join(ROOT, 'desired'))) {
  const project = mkdtempSync(path.join(tmpdir(), 'sp-bench-repo-'));
  runPlan(['--desired', path.join(ROOT, 'desired'), '--config', path.join(ROOT, 'schemaplan.yaml')], project);
  const warm = runPlan(['--desired', path.join(ROOT, 'desired'), '--config', path.join(ROOT, 'schemaplan.yaml')], project);
  console.log(`warm embedded plan of desired/: ${seconds(warm.ms)} (goal ≤ 1.5 s)${warm.code ? ` — failed: ${warm.stderr.trim().split('\n')[0]}` : ''}`);
}

console.log(
  '\n| N | shadow | cold | cold / floor | warm | warm / pg_dump -s | target unchanged | unchanged / pg_dump -s | statements / minimal | peak RSS |\n|---|---|---|---|---|---|---|---|---|---|',
);
console.log(rows.join('\n'));
