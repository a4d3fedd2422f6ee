import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dockerUnavailable } from '../../src/desired/shadow/docker.ts';
import { cli, project } from '../helpers/cli.ts';
import { connectPg } from '../../src/db/queryable.ts';
import { createTestDb, SERVER_URL, type TestDb } from '../helpers/db.ts';

const TABLES = `create table organizations (id uuid primary key default gen_random_uuid(), name text not null);
create table members ("organizationId" uuid not null references organizations(id), "userId" uuid not null);
`;

describe('the CLI on the embedded default (no server)', () => {
  const dir = project({
    'desired/tables.sql': TABLES,
    'desired/policies.sql': 'alter table members enable row level security;\n',
    'prod-dump.sql': '\\restrict x\ncreate table organizations (id uuid primary key, name text);\n',
  });

  it('plans, applies, and then has nothing to do', async () => {
    const plan = await cli(['plan', '--exit-code'], dir);
    expect(plan.stderr).toBe('');
    expect(plan.code).toBe(2);
    expect(plan.stdout).toContain('+ table public.organizations');
    expect(plan.stdout).toContain('ALTER TABLE public.members ENABLE ROW LEVEL SECURITY;');
    const apply = await cli(['apply', '--auto-approve'], dir);
    expect(apply.code).toBe(0);
    expect(apply.stdout).toContain('The target matches the desired state.');
    const again = await cli(['plan', '--exit-code'], dir);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('No changes');
  });

  it('applies what the dev database holds, not what its cached catalog says', async () => {
    const own = project({ 'desired/t.sql': TABLES });
    expect((await cli(['apply', '--auto-approve'], own)).code).toBe(0);
    expect((await cli(['plan'], own)).stdout).toContain('No changes');
    // A cache file that went wrong (its stamp still matching the data directory): plan believes it, apply does not.
    const file = path.join(own, '.schemaplan', 'cache', 'dev-catalog.json');
    const lines = readFileSync(file, 'latin1').split('\n');
    const at = lines.findIndex((l) => l.includes('"table":"organizations","name":"name"'));
    expect(at).toBeGreaterThan(0);
    const objects = JSON.parse(lines[at]!).map((o: { kind: string; id: { table?: string; name: string }; type?: string }) =>
      o.kind === 'column' && o.id.table === 'organizations' && o.id.name === 'name' ? { ...o, type: 'integer' } : o,
    );
    lines[at] = JSON.stringify(objects);
    writeFileSync(file, lines.join('\n'), 'latin1');
    expect((await cli(['plan', '--format', 'sql'], own)).stdout).toContain('ALTER COLUMN name TYPE text');
    const apply = await cli(['apply', '--auto-approve'], own);
    expect(apply.code).toBe(0);
    expect(apply.stdout).toContain('No changes');
    expect((await cli(['plan', '--exit-code'], own)).code).toBe(0);
  });

  it('keeps no cache with --no-cache on lint, report and apply', async () => {
    const own = project({ 'desired/t.sql': TABLES });
    const cacheDir = path.join(own, '.schemaplan', 'cache');
    const cached = () => (existsSync(cacheDir) ? readdirSync(cacheDir) : []);
    const lint = await cli(['lint', '--no-cache'], own);
    expect([0, 3], lint.stderr).toContain(lint.code);
    const report = await cli(['report', '--no-cache'], own);
    expect(report.code, report.stderr).toBe(0);
    const apply = await cli(['apply', '--auto-approve', '--no-cache'], own);
    expect(apply.code, apply.stderr).toBe(0);
    expect(cached()).toEqual([]);
    await cli(['lint'], own);
    expect(cached().some((f) => f.startsWith('desired-'))).toBe(true);
  });

  it('plans where its caches cannot be written (.schemaplan/cache is not a directory)', async () => {
    const readOnly = project({ 'desired/t.sql': TABLES, '.schemaplan/cache': 'not a directory' });
    for (let run = 0; run < 2; run++) {
      const r = await cli(['plan'], readOnly);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('+ table public.organizations');
    }
  });

  it('counts what it applied in words that agree with the count', async () => {
    const one = project({ 'desired/t.sql': 'create table a (id uuid primary key);\n' });
    const apply = await cli(['apply', '--auto-approve'], one);
    expect(apply.code).toBe(0);
    expect(apply.stdout).toContain('Applied 1 statement. The target matches the desired state.');
  });

  it('writes the plan as SQL and as the JSON plan document', async () => {
    const sql = await cli(['plan', '--format', 'sql', '--desired', 'desired/tables.sql', '--target', 'prod-dump.sql'], dir);
    expect(sql.code).toBe(0);
    expect(sql.stdout).toMatch(/^-- create table public\.members/m);
    expect(sql.stdout).toContain('ALTER TABLE public.organizations ALTER COLUMN name SET NOT NULL;');
    const json = await cli(['plan', '--format', 'json', '--desired', 'desired/tables.sql', '--target', 'prod-dump.sql'], dir);
    const doc = JSON.parse(json.stdout);
    const md = await cli(['plan', '--format', 'markdown', '--desired', 'desired/tables.sql', '--target', 'prod-dump.sql'], dir);
    expect(md.stdout).toMatch(/^### schemaplan: \d+ statements/);
    expect(md.stdout).toContain('| `validation-scan` | constraint public.members.members_organizationId_fkey |');
    expect(md.stdout).toContain('```sql');
    expect(doc.formatVersion).toBe(2);
    expect(doc.sourceFingerprint).toMatch(/^[0-9a-f]{32}$/);
    expect(doc.steps.length).toBeGreaterThan(0);
  });
});

describe('a new embedded dev database with external stubs', () => {
  it('loads the Supabase preset on the first run of a project', async () => {
    const dir = project({
      'schemaplan.yaml': 'external:\n  preset: supabase\n',
      'desired/t.sql': 'create table notes (id uuid primary key, "userId" uuid not null default auth.uid());\n',
    });
    const first = await cli(['plan', '--format', 'json'], dir);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    const again = await cli(['plan', '--exit-code'], dir);
    expect(again.code).toBe(2);
    expect(again.stdout).toContain('DEFAULT auth.uid()');
  });

  it('is not left half made when a stub file fails: every run reports it', async () => {
    const dir = project({
      'schemaplan.yaml': 'external:\n  stubs: [stubs.sql]\n',
      'stubs.sql': 'create schema auth;\ncreate function auth.uid() returns uuid language sql as $$ selec null $$;\n',
      'desired/t.sql': 'create table notes (id uuid primary key);\n',
    });
    for (let run = 0; run < 2; run++) {
      const r = await cli(['plan'], dir);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/^error: stubs\.sql.*syntax error at or near "selec"/);
    }
  });
});

describe('compile', () => {
  it('prints the SQL a YAML table becomes, with its source line', async () => {
    const dir = project({ 'desired/t.yaml': 'tables:\n  notes:\n    id: uuid\n    columns:\n      body: { type: text }\n' });
    const r = await cli(['compile'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/-- desired\/t\.yaml:2:3\nCREATE TABLE public\.notes/);
  });
  it('stops quietly, with its own exit code, when the reader has closed the pipe (| head)', async () => {
    const dir = project({ 'desired/t.sql': TABLES });
    const child = spawn(process.execPath, [path.resolve(import.meta.dirname, '../../bin/schemaplan.js'), 'compile'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    // The reader is gone before the output comes, as `head -1` is once it has its line.
    child.stdout.destroy();
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });
  it('names file:line:column of a YAML mistake, with a suggestion', async () => {
    const dir = project({ 'desired/t.yaml': 'tables:\n  notes:\n    id: uuid\n    colums:\n      body: { type: text }\n' });
    const r = await cli(['plan'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error: desired\/t\.yaml:4:5: .*colums/);
    expect(r.stderr).toMatch(/columns/);
  });
});

describe('bad input: one clear line and exit 1', () => {
  it('names file:line:column of a statement the shadow rejects', async () => {
    const dir = project({ 'desired/policies.sql': '\n\ncreate policy p on organizations using (true);\n' });
    const r = await cli(['plan'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error: desired\/policies\.sql:3:20: relation "organizations" does not exist/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
  it('reports the statement that failed, not one that waited for it in another file', async () => {
    const dir = project({ 'desired/a.sql': 'create view v as select id from posts;\n', 'desired/b.sql': 'create table posts (id int primary key, t textt);\n' });
    const r = await cli(['plan'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error: desired\/b\.sql:1:43: type "textt" does not exist/);
  });
  it('refuses a desired state with objects in a schema it does not manage, instead of leaving them out', async () => {
    const dir = project({ 'desired/t.sql': 'create schema billing;\ncreate table billing.invoices (id int);\ncreate table orders (id int);\n' });
    const r = await cli(['plan'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error: the desired state creates objects in schema billing, which schemaplan\.yaml does not manage/);
    writeFileSync(path.join(dir, 'schemaplan.yaml'), 'schemas: [public, billing]\n');
    const managed = await cli(['plan', '--format', 'sql'], dir);
    expect(managed.code).toBe(0);
    expect(managed.stdout).toContain('CREATE TABLE billing.invoices');
  });
  it('reports an empty desired directory', async () => {
    const dir = project({ 'README.md': 'x' });
    mkdirSync(path.join(dir, 'desired'));
    const r = await cli(['plan'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error: no desired-state files in desired/);
  });
  it('prints its version, and its help with every command', async () => {
    const version = await cli(['--version'], project({}));
    expect(version.code).toBe(0);
    expect(version.stdout.trim()).toBe(JSON.parse(readFileSync(path.join(import.meta.dirname, '../../package.json'), 'utf8')).version);
    const help = await cli(['--help'], project({}));
    expect(help.code).toBe(0);
    for (const command of ['plan', 'apply', 'inspect', 'report', 'lint', 'compile']) expect(help.stdout).toMatch(new RegExp(`^  ${command} `, 'm'));
  });
  it('reports an --out file it cannot write (a missing directory, a directory)', async () => {
    const dir = project({ 'desired/t.sql': TABLES });
    const r = await cli(['compile', '--out', 'missing/compiled.sql'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('error: cannot write missing/compiled.sql: its directory does not exist\n  hint: pass --out a file in a directory that exists and you may write to\n');
    const into = await cli(['compile', '--out', 'desired'], dir);
    expect(into.code).toBe(1);
    expect(into.stderr).toMatch(/^error: cannot write desired: it is a directory/);
  });
  it('tells a missing plan file from a file that is not a plan', async () => {
    const dir = project({ 'desired/t.sql': TABLES, 'notes.json': '{"formatVersion": 1}' });
    const missing = await cli(['apply', '--plan', 'plan.json', '--auto-approve'], dir);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^error: plan file not found: plan\.json\n/);
    const other = await cli(['apply', '--plan', 'notes.json', '--auto-approve'], dir);
    expect(other.code).toBe(1);
    expect(other.stderr).toMatch(/^error: not a schemaplan plan of this version: notes\.json\n/);
  });
  it('refuses a desired file of no known format instead of planning it as an empty state', async () => {
    const dir = project({ 'notes.txt': 'x' });
    const r = await cli(['compile', '--desired', 'notes.txt'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error: not a desired-state file: notes\.txt\n/);
  });
  it('reads UTF-8 with or without a byte-order mark, and names the line of bytes that are not UTF-8', async () => {
    const dir = project({ 'desired/a.sql': '\ufeffcreate table a (id int);\n' });
    writeFileSync(path.join(dir, 'desired/b.sql'), Buffer.concat([Buffer.from('create table b (id int);\ncreate table caf'), Buffer.from([0xe9]), Buffer.from(' (id int);\n')]));
    const r = await cli(['compile'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error: desired\/b\.sql:2:17: the file is not UTF-8\n/);
    writeFileSync(path.join(dir, 'desired/b.sql'), 'create table b (id int);\n');
    const ok = await cli(['compile'], dir);
    expect(ok.stderr).toBe('');
    expect(ok.stdout).toContain('create table a (id int)');
  });
  it('names a desired file it cannot read (a broken symbolic link) and a --config that is a directory', async () => {
    const dir = project({ 'desired/a.sql': 'create table a (id int);\n' });
    symlinkSync(path.join(dir, 'gone.sql'), path.join(dir, 'desired/b.sql'));
    const r = await cli(['compile'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error: cannot read desired\/b\.sql: it does not exist \(a broken symbolic link\?\)\n/);
    const config = await cli(['compile', '--config', 'desired'], dir);
    expect(config.code).toBe(1);
    expect(config.stderr).toMatch(/^error: cannot read desired: it is a directory\n/);
  });
  it('reports an unknown flag', async () => {
    const r = await cli(['plan', '--frobnicate'], project({}));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/unknown option '--frobnicate'/);
  });
  it('reports an unreachable database without printing its password', async () => {
    const dir = project({ 'desired/t.sql': TABLES });
    const r = await cli(['plan', '--target', 'postgres://app:s3cret-pw@127.0.0.1:1/app'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/cannot connect to target postgres:\/\/app:\*\*\*@127\.0\.0\.1:1\/app/);
    expect(r.stderr).not.toContain('s3cret-pw');
    const keywords = await cli(['plan', '--target', 'host=127.0.0.1 password=s3cret-pw dbname=app'], dir);
    expect(keywords.code).toBe(1);
    expect(keywords.stderr).toMatch(/^error: --target takes a postgres:\/\/ URL, not a keyword\/value connection string \(host=127\.0\.0\.1 password=\*\*\* dbname=app\)/);
    expect(keywords.stderr).not.toContain('s3cret-pw');
  });
});

describe('the CLI against a server', () => {
  let db: TestDb;
  beforeAll(async () => {
    db = await createTestDb('sp_e2e_', TABLES + 'create index members_org_idx on members ("organizationId");');
  });
  afterAll(() => db.drop());

  it('drops its temporary database on Ctrl-C and says it was interrupted, not that a statement failed', async () => {
    // The desired state holds the shadow busy until the signal comes.
    const dir = project({});
    writeFileSync(path.join(dir, 'desired.sql'), `${TABLES}select pg_sleep(60) /* ${path.basename(dir)} */;\n`);
    const child = spawn(process.execPath, [path.resolve(import.meta.dirname, '../../bin/schemaplan.js'), 'plan', '--desired', 'desired.sql', '--target', db.url, '--dev-url', SERVER_URL], {
      cwd: dir,
      env: { ...process.env, DATABASE_URL: undefined },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    const admin = await connectPg(SERVER_URL);
    let shadow: string | undefined;
    try {
      // This run's shadow: the one whose connection runs this project's statements (run ids are random).
      const marker = `pg_sleep(60) /* ${path.basename(dir)} */`;
      const sleeping = async () =>
        (await admin.query<{ datname: string }>(`select datname from pg_stat_activity where query like $1 and datname like 'schemaplan_shadow_%'`, [`%${marker}%`])).rows[0]?.datname;
      for (let i = 0; i < 300 && !shadow; i++) {
        shadow = await sleeping();
        if (!shadow) await new Promise((r) => setTimeout(r, 100));
      }
      expect(shadow).toMatch(/^schemaplan_shadow_/);
      child.kill('SIGINT');
      expect(await exited).toBe(130);
      expect(stderr).toBe('interrupted: removing the shadow database\n');
      const left = await admin.query(`select 1 from pg_database where datname = $1`, [shadow]);
      expect(left.rows).toEqual([]);
    } finally {
      child.kill('SIGKILL');
      // A failed run of this test leaves nothing behind either.
      if (shadow) await admin.exec(`DROP DATABASE IF EXISTS ${shadow} WITH (FORCE)`);
      await admin.close();
    }
  });

  it('inspect prints SQL that plans back to "No changes"', async () => {
    const dir = project({});
    const inspected = await cli(['inspect', '--target', db.url, '--out', 'schema.sql'], dir);
    expect(inspected.code).toBe(0);
    expect(readFileSync(path.join(dir, 'schema.sql'), 'utf8')).toContain('CREATE INDEX members_org_idx');
    const plan = await cli(['plan', '--desired', 'schema.sql', '--target', db.url, '--exit-code'], dir);
    expect(plan.stdout).toContain('No changes');
    expect(plan.code).toBe(0);
  });

  it('says so when the target holds nothing, and refuses a custom-format dump naming pg_restore', async () => {
    const empty = await createTestDb('sp_e2e_empty_', '');
    try {
      const inspected = await cli(['inspect', '--target', empty.url], project({}));
      expect(inspected.stdout).toBe('-- The managed schemas (public) hold no objects.\n');
    } finally {
      await empty.drop();
    }
    const dir = project({ 'desired/t.sql': TABLES, 'prod.dump': 'PGDMP\u0001\u000e\u0000binary' });
    const r = await cli(['plan', '--target', 'prod.dump', '--dev-url', SERVER_URL], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error: prod\.dump is a pg_dump archive \(custom format\), not SQL\n {2}hint: turn it into SQL with pg_restore/);
  });

  it('plans a migrations folder into the migration that reaches the desired state', async () => {
    const dir = project({
      'migrations/001_init.sql': 'create table organizations (id uuid primary key, name text);',
      'migrations/002_members.sql': 'create table members ("organizationId" uuid not null, "userId" uuid not null);',
      'desired/t.sql': TABLES,
    });
    const r = await cli(['plan', '--target', 'migrations', '--format', 'sql'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('ALTER TABLE public.organizations ALTER COLUMN id SET DEFAULT gen_random_uuid();');
    expect(r.stdout).toContain('ALTER TABLE public.organizations ALTER COLUMN name SET NOT NULL;');
    expect(r.stdout).toContain('FOREIGN KEY ("organizationId") REFERENCES public.organizations(id)');
  });

  it('reads the migration layouts of Prisma, golang-migrate and dbmate: only what ran, in the order it ran', async () => {
    const dir = project({
      'prisma/20240101000000_init/migration.sql': 'create table organizations (id uuid primary key default gen_random_uuid(), name text not null);',
      'prisma/20240201000000_members/migration.sql': 'create table members ("organizationId" uuid not null references organizations(id), "userId" uuid not null);',
      'golang/1_init.up.sql': 'create table organizations (id uuid primary key default gen_random_uuid(), name text not null);',
      'golang/1_init.down.sql': 'drop table organizations;',
      'golang/2_members.up.sql': 'create table members ("organizationId" uuid not null references organizations(id), "userId" uuid not null);',
      'golang/2_members.down.sql': 'drop table members;',
      'dbmate/20240101_init.sql': '-- migrate:up\ncreate table organizations (id uuid primary key default gen_random_uuid(), name text not null);\ncreate table members ("organizationId" uuid not null references organizations(id), "userId" uuid not null);\n\n-- migrate:down\ndrop table members;\ndrop table organizations;\n',
      'desired/t.sql': TABLES,
    });
    for (const layout of ['prisma', 'golang', 'dbmate']) {
      const r = await cli(['plan', '--target', layout, '--dev-url', SERVER_URL, '--exit-code'], dir);
      expect(r.stderr, layout).toBe('');
      expect(r.stdout, layout).toContain('No changes');
    }
  });

  it('plans warm (desired state cached) against a target with a view, in every format', async () => {
    // The SQL parser loads on first need: a warm JSON plan reaches it only through the view's canonical form,
    // a text plan through lint of the (cached, so not yet parsed) desired sources.
    const views = await createTestDb('sp_e2e_views_', TABLES + 'create view org_names as select name from organizations;');
    try {
      const dir = project({ 'desired/t.sql': TABLES });
      const cold = await cli(['plan', '--target', views.url, '--format', 'json'], dir);
      expect(cold.stderr).toBe('');
      const warm = await cli(['plan', '--target', views.url, '--format', 'json'], dir);
      expect(warm.code).toBe(0);
      expect(warm.stdout).toBe(cold.stdout);
      expect(JSON.parse(warm.stdout).steps.map((s: { change: { op: string; from?: { id: { name: string } } } }) => `${s.change.op} ${s.change.from?.id.name}`)).toEqual([
        'drop org_names',
      ]);
      const text = await cli(['plan', '--target', views.url], dir);
      expect(text.code).toBe(0);
      expect(text.stdout).toContain('DROP VIEW public.org_names;');
      expect(text.stdout).toContain('Lint:');
    } finally {
      await views.drop();
    }
  });

  it('refuses to drop a table without --allow-destructive, and the database keeps it', async () => {
    const dir = project({ 'desired/t.sql': 'create table organizations (id uuid primary key default gen_random_uuid(), name text not null);' });
    const r = await cli(['apply', '--target', db.url, '--auto-approve'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/the plan drops data \(table public\.members\)/);
    const c = await db.connect();
    const { rows } = await c.query(`select to_regclass('public.members') is not null as present`);
    await c.close();
    expect(rows[0]).toEqual({ present: true });
  });

  it('leaves the server as it found it: no database from the desired state, no role made for the shadow', async () => {
    const role = `sp_e2e_role_${process.pid}`;
    const leak = project({ 'desired/t.sql': `create table t (id int primary key);\ncreate database sp_e2e_leak_${process.pid};\n` });
    const r = await cli(['plan', '--target', db.url], leak);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error: desired\/t\.sql:2:1: CREATE DATABASE acts on the server, not on a schema/);
    const roles = project({ 'desired/t.sql': `create role ${role};\n` });
    const own = await cli(['plan', '--target', db.url], roles);
    expect(own.stderr).toMatch(/^error: desired\/t\.sql:1:1: CREATE ROLE acts on the server[\s\S]*hint: roles are managed outside schemaplan/);
    const granted = project({ 'desired/t.sql': `${TABLES}grant select on organizations to ${role};\n` });
    const plan = await cli(['plan', '--target', db.url, '--format', 'sql'], granted);
    expect(plan.code).toBe(0);
    expect(plan.stdout).toContain(`GRANT SELECT ON TABLE public.organizations TO ${role};`);
    const c = await connectPg(SERVER_URL);
    const { rows } = await c.query(`select (select count(*)::int from pg_database where datname = 'sp_e2e_leak_${process.pid}') as dbs, (select count(*)::int from pg_roles where rolname = '${role}') as roles`);
    await c.close();
    expect(rows[0]).toEqual({ dbs: 0, roles: 0 });
  });

  it('refuses to recreate a table (a partition key that appears) without --allow-destructive, and keeps its rows', async () => {
    const events = await createTestDb('sp_e2e_replace_', "create table events (id int not null, at date not null); insert into events values (1, '2026-01-01');");
    try {
      const dir = project({ 'desired/t.sql': 'create table events (id int not null, at date not null) partition by range (at);' });
      const r = await cli(['apply', '--target', events.url, '--auto-approve'], dir);
      expect(r.stderr).toMatch(/the plan drops data \(table public\.events\); nothing was applied/);
      expect(r.code).toBe(1);
      const c = await events.connect();
      const { rows } = await c.query(`select relkind, (select count(*)::int from events) as n from pg_class where oid = 'public.events'::regclass`);
      await c.close();
      expect(rows[0]).toEqual({ relkind: 'r', n: 1 });
    } finally {
      await events.drop();
    }
  });
});

describe('docker:// shadows', async () => {
  const reason = await dockerUnavailable();
  if (reason) console.log(`docker:// shadow test skipped: no Docker engine (${reason})`);

  it.runIf(reason)('fails with one clear line when no Docker engine is reachable', async () => {
    const r = await cli(['plan', '--dev-url', 'docker://postgres:16'], project({ 'desired/t.sql': TABLES }));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error: no Docker engine is reachable for docker:\/\/postgres:16/);
    expect(r.stderr.trim().split('\n').length).toBeLessThanOrEqual(2);
  });

  it.skipIf(reason)('normalizes the desired state in a postgres:16 container', async () => {
    const r = await cli(['plan', '--dev-url', 'docker://postgres:16', '--format', 'sql'], project({ 'desired/t.sql': TABLES }));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('CREATE TABLE public.organizations');
  });
});

describe('apply --plan: a saved plan', () => {
  it('applies when the target is unchanged, and refuses when it drifted', async () => {
    const db = await createTestDb('sp_saved_', 'create table organizations (id uuid primary key);');
    try {
      const dir = project({ 'desired/t.sql': TABLES });
      expect((await cli(['plan', '--target', db.url, '--format', 'json', '--out', 'plan.json'], dir)).code).toBe(0);
      const c = await db.connect();
      await c.exec('alter table organizations add column drifted int');
      const refused = await cli(['apply', '--target', db.url, '--plan', 'plan.json', '--auto-approve'], dir);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toMatch(/the target changed since this plan was made; nothing was applied/);
      await c.exec('alter table organizations drop column drifted');
      await c.close();
      const applied = await cli(['apply', '--target', db.url, '--plan', 'plan.json', '--auto-approve'], dir);
      expect(applied.stderr).toBe('');
      expect(applied.code).toBe(0);
      expect((await cli(['plan', '--target', db.url, '--exit-code'], dir)).code).toBe(0);
    } finally {
      await db.drop();
    }
  });
});
