/**
 * Conformance: for every case folder <dir>/<case>/{a.sql,b.sql}: build A in a fresh database, plan to B,
 * apply, and require (1) the schema equals a database built from b.sql (normalized pg_dump --schema-only,
 * column order ignored) and (2) planning again yields no changes. Usage:
 *   npm run conformance -- <dir> [--filter substring] [--jobs N] [--verbose]
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { defaultConfig } from '../src/config/config.ts';
import { connectPg, type Queryable } from '../src/db/queryable.ts';
import { withDatabase } from '../src/db/url.ts';
import { applyPlan } from '../src/apply/apply.ts';
import { introspect } from '../src/introspect/introspect.ts';
import { fingerprintCatalog } from '../src/model/fingerprint.ts';
import { makePlan } from '../src/plan/make-plan.ts';
import { isEmpty, statementsOf } from '../src/plan/plan.ts';
import { formatUserError } from '../src/errors.ts';
import { preparePlan } from '../src/workflow/prepare.ts';
import { ident } from '../src/sql/quote.ts';

const args = process.argv.slice(2);
const dir = args.find((a) => !a.startsWith('--') && !/^\d+$/.test(a));
const flag = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
if (!dir) {
  console.error('usage: npm run conformance -- <dir> [--filter substring] [--jobs N] [--verbose]');
  process.exit(1);
}
const filter = flag('--filter');
const jobs = Number(flag('--jobs') ?? 2);
const verbose = args.includes('--verbose');
const SERVER = process.env['SCHEMAPLAN_TEST_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';

interface Meta {
  roles?: string[];
  expectedPlanErrorIs?: string;
  expectedPlanErrorContains?: string;
  upstream_skip?: unknown;
}

type Outcome = { status: 'pass' } | { status: 'fail' | 'skip'; reason: string };

const cases = readdirSync(dir)
  .filter((c) => existsSync(path.join(dir, c, 'b.sql')))
  .filter((c) => !filter || c.includes(filter))
  .sort();

let seq = 0;
// One admin connection per worker: a pg client runs one query at a time.
const admins: Queryable[] = [];

async function freshDb(admin: Queryable, sql: string, roles: string[]): Promise<{ name: string; error?: string }> {
  const name = `sp_conf_${process.pid}_${seq++}`;
  await admin.exec(`DROP DATABASE IF EXISTS ${name}`);
  await admin.exec(`CREATE DATABASE ${name}`);
  for (const r of roles) await admin.exec(`DO $$ BEGIN CREATE ROLE ${ident(r)}; EXCEPTION WHEN duplicate_object THEN NULL; END $$`);
  if (!sql.trim()) return { name };
  const db = await connectPg(withDatabase(SERVER, name));
  try {
    await db.exec(sql);
    return { name };
  } catch (e) {
    return { name, error: (e as Error).message };
  } finally {
    await db.close();
  }
}

const drop = (admin: Queryable, name: string) => admin.exec(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => {});

/** pg_dump --schema-only, without comments, SETs and blank lines; statements sorted; table columns sorted. */
function normalizedDump(db: string): string {
  const out = execFileSync('pg_dump', ['--schema-only', '--no-owner', '--no-comments', '-d', withDatabase(SERVER, db)], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const text = out
    .split('\n')
    .filter((l) => !l.startsWith('--') && !l.startsWith('SET ') && !l.startsWith('\\') && !l.startsWith('SELECT pg_catalog.set_config') && l.trim() !== '')
    .join('\n');
  const statements = text.split(/;\n/).map((s) => {
    const m = /^(CREATE (?:UNLOGGED )?TABLE [^(]+\()\n([\s\S]*)\n(\)[\s\S]*)$/.exec(s.trim());
    if (!m) return s.trim();
    const cols = m[2]!.split(',\n').map((c) => c.trim().replace(/,$/, '')).sort();
    return `${m[1]}\n${cols.join(',\n')}\n${m[3]}`;
  });
  return statements.filter(Boolean).sort().join(';\n');
}

async function runCase(admin: Queryable, name: string): Promise<Outcome> {
  const caseDir = path.join(dir!, name);
  const meta: Meta = existsSync(path.join(caseDir, 'meta.json')) ? JSON.parse(readFileSync(path.join(caseDir, 'meta.json'), 'utf8')) : {};
  const a = existsSync(path.join(caseDir, 'a.sql')) ? readFileSync(path.join(caseDir, 'a.sql'), 'utf8') : '';
  const b = readFileSync(path.join(caseDir, 'b.sql'), 'utf8');
  const roles = meta.roles ?? [];
  const expectsError = Boolean(meta.expectedPlanErrorIs || meta.expectedPlanErrorContains);
  const A = await freshDb(admin, a, roles);
  const B = await freshDb(admin, b, roles);
  const cleanup = async () => Promise.all([drop(admin, A.name), drop(admin, B.name)]);
  try {
    if (A.error) return { status: 'skip', reason: `a.sql does not run on this server: ${A.error}` };
    if (B.error) return { status: 'skip', reason: `b.sql does not run on this server: ${B.error}` };
    // The corpus comes from tools that own every grant: a role the desired state no longer mentions loses its
    // privileges. schemaplan's default manages only the roles the desired state grants to (docs/conformance.md).
    const config = { ...defaultConfig(process.cwd()), schemas: 'all' as const, roles: { manage: 'all' as const } };
    const url = withDatabase(SERVER, A.name);
    const prepared = await preparePlan({ config, desiredPath: path.join(caseDir, 'b.sql'), target: { kind: 'url', url }, devUrl: SERVER, noCache: true });
    if (!prepared.ok) {
      return expectsError ? { status: 'pass' } : { status: 'fail', reason: `plan error: ${formatUserError(prepared.error)}` };
    }
    const { plan, target, desired, schemas } = prepared.value;
    try {
      if (verbose) console.log(`--- ${name}\n${statementsOf(plan).map((s) => s.sql + ';').join('\n')}`);
      const applied = await applyPlan(target.db, plan, {
        lockTimeout: '5s',
        statementTimeout: '60s',
        currentFingerprint: async () => fingerprintCatalog(await introspect(target.db, { schemas })),
      });
      if (!applied.ok) return expectsError ? { status: 'pass' } : { status: 'fail', reason: `apply error: ${formatUserError(applied.error)}` };
      if (expectsError) return { status: 'fail', reason: `upstream expects the planner to refuse (${meta.expectedPlanErrorIs ?? meta.expectedPlanErrorContains})` };
      const replan = makePlan(await introspect(target.db, { schemas }), desired.catalog, schemas, [], { manageRoles: config.roles.manage });
      if (!isEmpty(replan)) return { status: 'fail', reason: `re-plan not empty: ${statementsOf(replan).map((s) => s.sql.split('\n')[0]).join(' | ').slice(0, 300)}` };
    } finally {
      await target.dispose();
    }
    const da = normalizedDump(A.name);
    const db = normalizedDump(B.name);
    if (da !== db) {
      const la = new Set(da.split(';\n'));
      const lb = new Set(db.split(';\n'));
      const missing = [...lb].filter((x) => !la.has(x)).map((x) => x.split('\n')[0]);
      const extra = [...la].filter((x) => !lb.has(x)).map((x) => x.split('\n')[0]);
      return { status: 'fail', reason: `schema differs from b.sql: missing [${missing.join(' | ')}] extra [${extra.join(' | ')}]`.slice(0, 400) };
    }
    return { status: 'pass' };
  } catch (e) {
    return { status: 'fail', reason: `crash: ${(e as Error).message}` };
  } finally {
    await cleanup();
  }
}

let passed = 0;
let failed = 0;
let skipped = 0;
const queue = [...cases];
await Promise.all(
  Array.from({ length: jobs }, async () => {
    const admin = await connectPg(SERVER, 'admin');
    admins.push(admin);
    for (let name = queue.shift(); name; name = queue.shift()) {
      const r = await runCase(admin, name);
      if (r.status === 'pass') passed++;
      else if (r.status === 'skip') {
        skipped++;
        console.log(`SKIP ${name}: ${r.reason.split('\n')[0]}`);
      } else {
        failed++;
        console.log(`FAIL ${name}: ${r.reason.split('\n').join(' ')}`);
      }
    }
  }),
);
await Promise.all(admins.map((a) => a.close()));
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exitCode = failed ? 1 : 0;
