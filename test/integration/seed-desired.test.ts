import { PGlite } from '@electric-sql/pglite';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadConfig, type Config } from '../../src/config/config.ts';
import { fromPglite, type Queryable } from '../../src/db/queryable.ts';
import { loadDesired, readDesired, type DesiredSources } from '../../src/desired/build.ts';
import { formatUserError } from '../../src/errors.ts';
import { collectTransitions, transitionInsertSql } from '../../src/desired/yaml/index.ts';
import { withTempDatabase } from './support/temp-database.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** schemaplan.yaml and desired/ exactly as the engine reads them (YAML and SQL formats, Supabase preset). */
async function desired(): Promise<{ config: Config; sources: DesiredSources }> {
  const config = loadConfig(root);
  if (!config.ok) throw new Error(formatUserError(config.error));
  const sources = await readDesired(join(root, config.value.desired));
  if (!sources.ok) throw new Error(formatUserError(sources.error));
  return { config: config.value, sources: sources.value };
}

/** The engine's own loading path: preset stubs, then every desired statement. */
async function load(db: Queryable): Promise<void> {
  const { config, sources } = await desired();
  const r = await loadDesired(db, config, sources);
  if (!r.ok) throw new Error(formatUserError(r.error));
}

const yamlFiles = readdirSync(join(root, 'desired'))
  .filter((f) => f.endsWith('.yaml'))
  .sort()
  .map((f) => ({ path: join('desired', f), text: readFileSync(join(root, 'desired', f), 'utf8') }));

const TABLES = [
  'audit_logs', 'events', 'organization_members', 'organizations', 'subscriptions', 'user_integrations', 'users',
  'workflow_executions', 'workflow_runs', 'workflow_versions', 'workflows',
];

async function rows(db: Queryable, sql: string, params: unknown[] = []): Promise<any[]> {
  return (await db.query<any>(sql, params)).rows;
}

/** Run `fn` as the `authenticated` role with auth.uid() = user, the way PostgREST does, then return to the owner. */
async function asUser<T>(db: Queryable, user: string, fn: () => Promise<T>): Promise<T> {
  await db.query('BEGIN');
  try {
    await db.query(`SELECT set_config('request.jwt.claim.sub', $1, true), set_config('role', 'authenticated', true)`, [user]);
    return await fn();
  } finally {
    await db.query('ROLLBACK');
  }
}

/** Inside asUser's transaction: run a statement expected to fail, and keep the transaction usable. */
async function failing(db: Queryable, sql: string, params: unknown[] = []): Promise<void> {
  await db.query('SAVEPOINT expect_failure');
  try {
    await db.query(sql, params);
  } finally {
    await db.query('ROLLBACK TO SAVEPOINT expect_failure');
  }
}

describe('the seed application desired state (desired/)', () => {
  it('loads on a fresh database with the Supabase stubs and has the shape the seed asks for', async () => {
    await withTempDatabase(async (db) => {
      await load(db);

      const tables = await rows(db, `
        SELECT c.relname AS t, c.relrowsecurity AS rls,
          (SELECT count(*)::int FROM pg_policy p WHERE p.polrelid = c.oid) AS policies,
          (SELECT count(*)::int FROM pg_policy p WHERE p.polrelid = c.oid AND 'service_role'::regrole = ANY (p.polroles)) AS service_role_policies,
          EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'updatedAt') AS has_updated_at,
          EXISTS (SELECT 1 FROM pg_trigger g WHERE g.tgrelid = c.oid AND NOT g.tgisinternal AND g.tgname = 'set_updated_at') AS has_trigger,
          has_table_privilege('authenticated', c.oid, 'SELECT') AS readable
        FROM pg_class c WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'r' ORDER BY 1`);
      expect(tables.map((t) => t.t)).toEqual(TABLES);
      for (const t of tables) {
        expect({ t: t.t, rls: t.rls, hasPolicies: t.policies > 0, serviceRole: t.service_role_policies, readable: t.readable }).toEqual({
          t: t.t, rls: true, hasPolicies: true, serviceRole: 0, readable: true,
        });
        expect({ t: t.t, trigger: t.has_trigger }).toEqual({ t: t.t, trigger: t.has_updated_at });
      }
      expect(tables.filter((t) => t.has_updated_at).map((t) => t.t)).toEqual(TABLES.filter((t) => !['audit_logs', 'events'].includes(t)));

      // every foreign key is to public.users or another public table, never auth.users, and is indexed (leading column)
      const fks = await rows(db, `
        SELECT c.conrelid::regclass::text AS t, c.confrelid::regclass::text AS ref, a.attname AS col,
          EXISTS (SELECT 1 FROM pg_index i WHERE i.indrelid = c.conrelid AND i.indkey[0] = c.conkey[1]) AS indexed
        FROM pg_constraint c JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
        WHERE c.contype = 'f' ORDER BY 1, 3`);
      expect(fks.length).toBeGreaterThan(10);
      for (const fk of fks) expect({ ...fk, ref: fk.ref.startsWith('auth.') ? fk.ref : 'public', indexed: fk.indexed }).toEqual({ ...fk, ref: 'public', indexed: true });
      expect(fks.filter((f) => f.ref === 'users').length).toBeGreaterThanOrEqual(9);

      // the indexes the seed lists
      const indexes = (await rows(db, `SELECT indexdef FROM pg_indexes WHERE schemaname = 'public'`)).map((r) => r.indexdef as string);
      for (const wanted of [
        /ON public\.workflow_runs USING btree \("userId", "workflowId"\)$/,
        /UNIQUE INDEX workflow_runs_one_pending_per_user_workflow ON public\.workflow_runs USING btree \("userId", "workflowId"\) WHERE \(status = 'pending'::workflow_run_status\)/,
        /ON public\.user_integrations USING btree \(provider, "isActive"\)/,
        /UNIQUE INDEX organizations_slug_key ON public\.organizations USING btree \(slug\)/,
        /UNIQUE INDEX "organization_members_organizationId_userId_key" ON public\.organization_members USING btree \("organizationId", "userId"\)/,
      ]) {
        expect(indexes.some((d) => wanted.test(d)), String(wanted)).toBe(true);
      }

      // columns the seed found missing, with the types it asks for
      const cols = await rows(db, `
        SELECT table_name || '.' || column_name AS c, udt_name AS t FROM information_schema.columns
        WHERE table_schema = 'public' AND (column_name IN ('organizationId', 'workflowId', 'plan', 'status') OR column_name = 'id')`);
      const typeOf = (c: string) => cols.find((r) => r.c === c)?.t;
      expect(typeOf('subscriptions.organizationId')).toBe('uuid');
      expect(typeOf('workflows.organizationId')).toBe('uuid');
      expect(typeOf('workflow_runs.workflowId')).toBe('uuid');
      expect(typeOf('workflow_runs.status')).toBe('workflow_run_status');
      expect(typeOf('subscriptions.plan')).toBe('subscription_plan');
      for (const t of TABLES) expect({ t, id: typeOf(`${t}.id`) }).toEqual({ t, id: 'uuid' });

      // is_admin is SECURITY DEFINER with an empty search_path and not executable by anon
      const [fn] = await rows(db, `
        SELECT p.prosecdef, p.proconfig, has_function_privilege('anon', p.oid, 'EXECUTE') AS anon,
          has_function_privilege('authenticated', p.oid, 'EXECUTE') AS authenticated
        FROM pg_proc p WHERE p.oid = 'public.is_admin()'::regprocedure`);
      expect(fn).toEqual({ prosecdef: true, proconfig: ['search_path=""'], anon: false, authenticated: true });
    });
  });

  it('enforces the policies, the pending-run rule and the updatedAt trigger', async () => {
    await withTempDatabase(async (db) => {
      await load(db);
      const alice = '00000000-0000-4000-8000-00000000000a';
      const bob = '00000000-0000-4000-8000-00000000000b';
      await db.query(`INSERT INTO users (id, email, "updatedAt") VALUES ($1, 'alice@x.io', now() - interval '1 day'), ($2, 'bob@x.io', now())`, [alice, bob]);
      const [org] = await rows(db, `INSERT INTO organizations (name, slug, "ownerId") VALUES ('Acme', 'acme', $1) RETURNING id`, [alice]);
      await db.query(`INSERT INTO organization_members ("organizationId", "userId", role) VALUES ($1, $2, 'owner')`, [org.id, alice]);
      const [wf] = await rows(db, `INSERT INTO workflows ("userId", "organizationId", name) VALUES ($1, $2, 'wf') RETURNING id`, [alice, org.id]);

      await asUser(db, alice, async () => {
        expect((await rows(db, 'SELECT email FROM users')).map((r) => r.email)).toEqual(['alice@x.io']);
        expect(await rows(db, 'SELECT slug FROM organizations')).toEqual([{ slug: 'acme' }]);
        await db.query(`INSERT INTO workflow_runs ("userId", "workflowId") VALUES ($1, $2)`, [alice, wf.id]);
        await expect(failing(db, `INSERT INTO workflow_runs ("userId", "workflowId") VALUES ($1, $2)`, [alice, wf.id])).rejects.toThrow(
          /workflow_runs_one_pending_per_user_workflow/,
        );
        // a finished run frees the slot for a new pending one
        await db.query(`UPDATE workflow_runs SET status = 'completed'`);
        await db.query(`INSERT INTO workflow_runs ("userId", "workflowId") VALUES ($1, $2)`, [alice, wf.id]);
        expect(await rows(db, 'SELECT status FROM workflow_runs ORDER BY status')).toEqual([{ status: 'pending' }, { status: 'completed' }]);
      });
      await asUser(db, bob, async () => {
        expect((await rows(db, 'SELECT email FROM users')).map((r) => r.email)).toEqual(['bob@x.io']);
        expect(await rows(db, 'SELECT id FROM organizations')).toEqual([]);
        expect(await rows(db, 'SELECT id FROM workflows')).toEqual([]);
        await expect(failing(db, `INSERT INTO workflow_runs ("userId", "workflowId") VALUES ($1, $2)`, [bob, wf.id])).rejects.toThrow(
          /row-level security/,
        );
        await expect(failing(db, `INSERT INTO subscriptions ("userId") VALUES ($1)`, [bob])).rejects.toThrow(/permission denied/);
      });

      const [before] = await rows(db, `SELECT "updatedAt" FROM users WHERE id = $1`, [alice]);
      const [after] = await rows(db, `UPDATE users SET name = 'Alice' WHERE id = $1 RETURNING "updatedAt"`, [alice]);
      expect(after.updatedAt.getTime()).toBeGreaterThan(before.updatedAt.getTime());
    });
  });

  it('absorbs the legacy telemetry_events and audit_log rows with their data steps', async () => {
    const transitions = collectTransitions(yamlFiles);
    if (!transitions.ok) throw new Error(transitions.error.map((e) => e.message).join('\n'));
    expect(transitions.value.map((t) => `${t.from.name} -> ${t.table.name}`)).toEqual(['telemetry_events -> events', 'audit_log -> audit_logs']);

    await withTempDatabase(async (db) => {
      await load(db);
      const known = '00000000-0000-4000-8000-000000000001';
      const unknown = '00000000-0000-4000-8000-000000000002';
      await db.query('INSERT INTO auth.users (id) VALUES ($1), ($2)', [known, unknown]);
      await db.query(`INSERT INTO public.users (id, email) VALUES ($1, 'k@x.io')`, [known]);
      // the legacy tables, created by the legacy example's own migrations
      for (const f of ['2025-11-05_telemetry.sql', '2025-11-05_trust_audit.sql']) {
        await db.exec(readFileSync(join(root, 'examples/legacy/migrations', f), 'utf8'));
      }
      await db.query(
        `INSERT INTO public.telemetry_events (user_id, app, type, path, meta) VALUES ($1, 'cli', 'open', '/a.ts', '{"n": 1}'), ($2, 'web', 'ping', NULL, DEFAULT)`,
        [known, unknown],
      );
      await db.query(`INSERT INTO public.audit_log (user_id, action, meta) VALUES ($1, 'login', '{"resource": "session", "resourceId": "s1"}')`, [known]);
      for (const t of transitions.value) await db.query(transitionInsertSql(t));

      expect(await rows(db, `SELECT "userId", "eventType", app, "filePath", metadata FROM events ORDER BY app`)).toEqual([
        { userId: known, eventType: 'open', app: 'cli', filePath: '/a.ts', metadata: { n: 1 } },
        { userId: null, eventType: 'ping', app: 'web', filePath: null, metadata: {} },
      ]);
      expect(await rows(db, `SELECT "userId", action, resource, "resourceId" FROM audit_logs`)).toEqual([
        { userId: known, action: 'login', resource: 'session', resourceId: 's1' },
      ]);
      expect(await rows(db, `SELECT count(*)::int AS n FROM events WHERE id IS NULL`)).toEqual([{ n: 0 }]);
    });
  });

  it('also loads on PGlite (PostgreSQL 18), the default shadow database', async () => {
    const db = fromPglite(new PGlite());
    try {
      await load(db);
      const tables = await rows(
        db,
        `SELECT count(*)::int AS n FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind = 'r' AND relrowsecurity`,
      );
      expect(tables).toEqual([{ n: TABLES.length }]);
    } finally {
      await db.close();
    }
  }, 120_000);
});
