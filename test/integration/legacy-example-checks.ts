// Catalog checks that the legacy example database shows every finding of the seed document
// (/work/shared/seed/schema-gaps.md). Shared by the PostgreSQL 15 server test and the PGlite (18) test.
import { expect } from 'vitest';

export type Rows = Record<string, unknown>[];
export type Query = (sql: string, params?: unknown[]) => Promise<Rows>;

export interface FindingCheck {
  /** the seed section and finding the check proves */
  readonly finding: string;
  run(q: Query): Promise<void>;
}

const PRISMA_TABLES = [
  'organizations',
  'organization_members',
  'workflow_versions',
  'workflow_executions',
  'user_integrations',
] as const;

/** Tables the seed says lack an updatedAt trigger: all have an "updatedAt" column in production. */
const NO_TRIGGER_TABLES = [...PRISMA_TABLES, 'workflows'] as const;

async function column(q: Query, table: string, name: string) {
  const rows = await q(
    `select format_type(a.atttypid, a.atttypmod) as type, a.attnotnull as notnull,
            pg_get_expr(d.adbin, d.adrelid) as def
       from pg_attribute a
       left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum
      where a.attrelid = $1::regclass and a.attname = $2 and a.attnum > 0 and not a.attisdropped`,
    [table, name],
  );
  return rows[0] as { type: string; notnull: boolean; def: string | null } | undefined;
}

async function columnNames(q: Query, table: string): Promise<string[]> {
  const rows = await q(
    `select attname from pg_attribute where attrelid = $1::regclass and attnum > 0 and not attisdropped
      order by attnum`,
    [table],
  );
  return rows.map((r) => r.attname as string);
}

/** Foreign keys of a public table as "column -> schema.table". */
async function foreignKeys(q: Query, table: string): Promise<string[]> {
  const rows = await q(
    `select (select string_agg(a.attname, ',' order by k.ord)
               from unnest(c.conkey) with ordinality k(attnum, ord)
               join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.attnum)
            || ' -> ' || n.nspname || '.' || t.relname as fk
       from pg_constraint c
       join pg_class t on t.oid = c.confrelid
       join pg_namespace n on n.oid = t.relnamespace
      where c.conrelid = $1::regclass and c.contype = 'f'
      order by 1`,
    [table],
  );
  return rows.map((r) => r.fk as string);
}

/** Indexes of a table as their ordered key columns, with whether they are unique. */
async function indexes(q: Query, table: string): Promise<{ cols: string[]; unique: boolean; primary: boolean }[]> {
  const rows = await q(
    `select i.indisunique as unique, i.indisprimary as primary,
            (select string_agg(a.attname, ',' order by k.ord)
               from unnest(i.indkey) with ordinality k(attnum, ord)
               join pg_attribute a on a.attrelid = i.indrelid and a.attnum = k.attnum) as cols
       from pg_index i where i.indrelid = $1::regclass`,
    [table],
  );
  return rows.map((r) => ({
    cols: String(r.cols ?? '').split(','),
    unique: r.unique as boolean,
    primary: r.primary as boolean,
  }));
}

async function policies(q: Query, table: string) {
  return (await q(
    `select policyname as name, cmd, coalesce(qual, '') as qual, coalesce(with_check, '') as with_check
       from pg_policies where schemaname = 'public' and tablename = $1 order by policyname`,
    [table],
  )) as { name: string; cmd: string; qual: string; with_check: string }[];
}

async function rlsEnabled(q: Query, table: string): Promise<boolean> {
  const rows = await q(`select relrowsecurity as on from pg_class where oid = $1::regclass`, [table]);
  return rows[0]?.on as boolean;
}

async function userTriggers(q: Query, table: string): Promise<string[]> {
  const rows = await q(
    `select tgname from pg_trigger where tgrelid = $1::regclass and not tgisinternal order by tgname`,
    [table],
  );
  return rows.map((r) => r.tgname as string);
}

async function publicTables(q: Query): Promise<string[]> {
  const rows = await q(`select tablename from pg_tables where schemaname = 'public' order by tablename`);
  return rows.map((r) => r.tablename as string);
}

async function scalar(q: Query, sql: string, params?: unknown[]): Promise<unknown> {
  const rows = await q(sql, params);
  return Object.values(rows[0] ?? {})[0];
}

const serviceBypass = (p: { qual: string; with_check: string }) =>
  /auth\.role\(\)/.test(p.qual + p.with_check) && (p.qual + p.with_check).includes('service_role');

export const findingChecks: readonly FindingCheck[] = [
  {
    finding: 'Missing in migrations / tables: the five Prisma tables exist in production, created Prisma-style',
    async run(q) {
      for (const t of PRISMA_TABLES) {
        expect(await scalar(q, `select to_regclass($1)::text`, [`public.${t}`]), t).toBe(t);
        // @updatedAt is maintained by the Prisma client: timestamp(3), no default
        expect(await column(q, t, 'updatedAt'), t).toEqual({ type: 'timestamp(3) without time zone', notnull: true, def: null });
      }
    },
  },
  {
    finding: 'Missing in migrations / columns: workflows.organizationId and subscriptions.organizationId',
    async run(q) {
      expect(await column(q, 'workflows', 'organizationId')).toBeUndefined();
      expect(await column(q, 'subscriptions', 'organizationId')).toBeUndefined();
      // the policies that reference them never reached the database
      const live = await q(
        `select policyname from pg_policies where coalesce(qual, '') || coalesce(with_check, '') like '%organizationId%'`,
      );
      expect(live).toEqual([]);
    },
  },
  {
    finding: 'Obsolete: spend and metrics_daily tables, and the four upsert/health functions',
    async run(q) {
      expect(await scalar(q, `select to_regclass('public.spend')::text`)).toBe('spend');
      expect(await scalar(q, `select to_regclass('public.metrics_daily')::text`)).toBe('metrics_daily');
      for (const sig of ['upsert_events(jsonb)', 'upsert_spend(jsonb)', 'recompute_metrics_daily(date,date)', 'system_healthcheck()']) {
        expect(await scalar(q, `select to_regprocedure($1)::text`, [`public.${sig}`]), sig).toBe(sig);
      }
    },
  },
  {
    finding: 'Obsolete: the alternative events schema lives only in upsert_events(), which no longer works',
    async run(q) {
      expect(await columnNames(q, 'events')).toEqual(['id', 'userId', 'filePath', 'eventType', 'tool', 'timestamp', 'metadata']);
      expect((await column(q, 'events', 'id'))?.type).toBe('uuid');
      const src = String(await scalar(q, `select prosrc from pg_proc where oid = 'public.upsert_events(jsonb)'::regprocedure`));
      expect(src).toContain('file_path');
      const call = q(`select upsert_events('[{"client_id": "c1", "user_id": "8d2c4b1e-1f0a-4c59-9a51-2a7e6f3b9c01", "event_type": "x"}]'::jsonb)`);
      await expect(call).rejects.toMatchObject({ code: '42703' }); // undefined_column
    },
  },
  {
    finding: 'Inconsistent: telemetry_events (bigserial, snake_case) next to events (uuid, camelCase)',
    async run(q) {
      expect(await columnNames(q, 'telemetry_events')).toEqual(['id', 'user_id', 'app', 'type', 'path', 'meta', 'ts']);
      const id = await column(q, 'telemetry_events', 'id');
      expect(id?.type).toBe('bigint');
      expect(id?.def).toMatch(/^nextval\(/);
      expect((await column(q, 'telemetry_events', 'meta'))?.type).toBe('jsonb');
      expect((await column(q, 'telemetry_events', 'ts'))?.type).toBe('timestamp with time zone');
    },
  },
  {
    finding: 'Inconsistent: audit_logs (uuid, camelCase, inet) next to audit_log (bigserial, snake_case)',
    async run(q) {
      expect(await columnNames(q, 'audit_logs')).toEqual([
        'id', 'userId', 'action', 'resource', 'resourceId', 'metadata', 'ipAddress', 'userAgent', 'timestamp',
      ]);
      expect((await column(q, 'audit_logs', 'id'))?.type).toBe('uuid');
      expect((await column(q, 'audit_logs', 'ipAddress'))?.type).toBe('inet');
      expect(await columnNames(q, 'audit_log')).toEqual(['id', 'user_id', 'action', 'meta', 'ts']);
      expect((await column(q, 'audit_log', 'id'))?.type).toBe('bigint');
    },
  },
  {
    finding: 'Inconsistent: camelCase main schema vs snake_case alternative schemas',
    async run(q) {
      expect(await columnNames(q, 'users')).toEqual(expect.arrayContaining(['createdAt', 'updatedAt', 'avatarUrl']));
      expect(await columnNames(q, 'workflow_runs')).toEqual(expect.arrayContaining(['workflow_id', 'user_id', 'created_at']));
      expect(await columnNames(q, 'organization_members')).toEqual(expect.arrayContaining(['organization_id', 'user_id', 'createdAt']));
    },
  },
  {
    finding: 'Inconsistent: uuid_generate_v4() keys everywhere except bigserial on telemetry_events, audit_log, metrics_log',
    async run(q) {
      const keys = await q(
        `select t.relname as table, format_type(a.atttypid, a.atttypmod) as type, pg_get_expr(d.adbin, d.adrelid) as def
           from pg_index i
           join pg_class t on t.oid = i.indrelid
           join pg_namespace n on n.oid = t.relnamespace and n.nspname = 'public'
           join pg_attribute a on a.attrelid = t.oid and a.attnum = i.indkey[0]
           left join pg_attrdef d on d.adrelid = t.oid and d.adnum = a.attnum
          where i.indisprimary and i.indnatts = 1
          order by 1`,
      );
      const bigserial = keys.filter((k) => k.type === 'bigint' && String(k.def).startsWith('nextval(')).map((k) => k.table);
      expect(bigserial).toEqual(['audit_log', 'metrics_log', 'telemetry_events']);
      const uuidV4 = keys.filter((k) => k.type === 'uuid' && k.def === 'uuid_generate_v4()').map((k) => k.table);
      expect(uuidV4).toEqual(expect.arrayContaining(['users', 'workflows', 'events', 'audit_logs', ...PRISMA_TABLES]));
    },
  },
  {
    finding: 'Foreign keys: telemetry_events and audit_log reference auth.users, the rest reference public.users',
    async run(q) {
      expect(await foreignKeys(q, 'telemetry_events')).toEqual(['user_id -> auth.users']);
      expect(await foreignKeys(q, 'audit_log')).toEqual(['user_id -> auth.users']);
      expect(await foreignKeys(q, 'events')).toEqual(['userId -> public.users']);
      expect(await foreignKeys(q, 'audit_logs')).toEqual(['userId -> public.users']);
      const toAuth = await q(
        `select conrelid::regclass::text as t from pg_constraint
          where contype = 'f' and confrelid = 'auth.users'::regclass order by 1`,
      );
      expect(toAuth.map((r) => r.t)).toEqual(['audit_log', 'telemetry_events']);
    },
  },
  {
    finding: 'Missing constraints: workflow_runs.workflow_id is TEXT with no foreign key to workflows',
    async run(q) {
      expect((await column(q, 'workflow_runs', 'workflow_id'))?.type).toBe('text');
      expect((await column(q, 'workflows', 'id'))?.type).toBe('uuid');
      expect(await foreignKeys(q, 'workflow_runs')).toEqual(['user_id -> public.users']);
    },
  },
  {
    finding: 'Missing constraints: user_integrations has no foreign key to users; organizations has none at all',
    async run(q) {
      expect(await foreignKeys(q, 'user_integrations')).toEqual([]);
      expect((await column(q, 'user_integrations', 'userId'))?.notnull).toBe(false);
      expect(await foreignKeys(q, 'organizations')).toEqual([]);
      expect(await column(q, 'organizations', 'ownerId')).toMatchObject({ type: 'uuid' });
    },
  },
  {
    finding: 'Missing unique constraints: none for pending workflow_runs, none on telemetry_events',
    async run(q) {
      for (const t of ['workflow_runs', 'telemetry_events']) {
        expect((await indexes(q, t)).filter((i) => i.unique && !i.primary), t).toEqual([]);
      }
      const uniqueConstraints = await scalar(
        q,
        `select count(*)::int from pg_constraint where conrelid in ('workflow_runs'::regclass, 'telemetry_events'::regclass) and contype = 'u'`,
      );
      expect(uniqueConstraints).toBe(0);
    },
  },
  {
    finding: 'Check constraints: workflow_runs.status and subscriptions.plan are text + CHECK, plan lacks Prisma\'s "team"',
    async run(q) {
      expect((await column(q, 'workflow_runs', 'status'))?.type).toBe('text');
      expect((await column(q, 'subscriptions', 'plan'))?.type).toBe('text');
      const checks = await q(
        `select conrelid::regclass::text as t, pg_get_constraintdef(oid) as def from pg_constraint
          where contype = 'c' and conrelid in ('workflow_runs'::regclass, 'subscriptions'::regclass)`,
      );
      const status = checks.find((c) => c.t === 'workflow_runs' && String(c.def).includes('status'));
      const plan = checks.find((c) => c.t === 'subscriptions' && String(c.def).includes('plan'));
      expect(status?.def).toContain("'pending'");
      expect(plan?.def).toContain("'enterprise'");
      expect(plan?.def).not.toContain("'team'");
      expect(await scalar(q, `select count(*)::int from pg_type t join pg_namespace n on n.oid = t.typnamespace
                                where n.nspname = 'public' and t.typtype = 'e'`)).toBe(0);
    },
  },
  {
    finding: 'Missing indexes: workflow_runs(user_id, workflow_id), user_integrations(provider, isActive), organizations(slug), organization_members(organization_id, user_id)',
    async run(q) {
      const covers = async (table: string, cols: string[]) =>
        (await indexes(q, table)).some((i) => cols.every((c) => i.cols.includes(c)));
      expect(await covers('workflow_runs', ['user_id', 'workflow_id'])).toBe(false);
      expect(await covers('user_integrations', ['provider', 'isActive'])).toBe(false);
      expect(await covers('organizations', ['slug'])).toBe(false);
      expect(await covers('organization_members', ['organization_id', 'user_id'])).toBe(false);
      // contrast: the initial schema did index what it needed
      expect(await covers('events', ['userId'])).toBe(true);
    },
  },
  {
    finding: 'RLS: organizations, organization_members, user_integrations have policies; workflow_versions and workflow_executions have RLS off and no policies',
    async run(q) {
      for (const t of ['organizations', 'organization_members', 'user_integrations']) {
        expect(await rlsEnabled(q, t), t).toBe(true);
        expect((await policies(q, t)).length, t).toBeGreaterThan(0);
      }
      for (const t of ['workflow_versions', 'workflow_executions']) {
        expect(await rlsEnabled(q, t), t).toBe(false);
        expect(await policies(q, t), t).toEqual([]);
      }
      const off = [];
      for (const t of await publicTables(q)) if (!(await rlsEnabled(q, t))) off.push(t);
      expect(off).toEqual(['workflow_executions', 'workflow_versions']);
    },
  },
  {
    finding: 'Inconsistent policy patterns: service_role bypass on some tables only; FOR ALL on some, per-command on others',
    async run(q) {
      const bypass: Record<string, boolean> = {};
      for (const t of ['users', 'workflows', 'user_integrations', 'audit_logs', 'telemetry_events', 'workflow_runs']) {
        bypass[t] = (await policies(q, t)).some(serviceBypass);
      }
      expect(bypass).toEqual({
        users: true, workflows: true, user_integrations: true,
        audit_logs: false, telemetry_events: false, workflow_runs: false,
      });
      const workflowCmds = (await policies(q, 'workflows')).map((p) => p.cmd);
      expect(workflowCmds.every((c) => c === 'ALL')).toBe(true);
      const runCmds = (await policies(q, 'workflow_runs')).map((p) => p.cmd).sort();
      expect(runCmds).toEqual(['INSERT', 'SELECT', 'UPDATE']);
    },
  },
  {
    finding: 'Function dependencies: auth.role() is used by policies; is_admin() has no SECURITY DEFINER and no search_path',
    async run(q) {
      const usingRole = await scalar(
        q,
        `select count(*)::int from pg_policies where coalesce(qual, '') || coalesce(with_check, '') like '%auth.role()%'`,
      );
      expect(usingRole).toBe(9);
      expect(await scalar(q, `select to_regprocedure('auth.role()')::text`)).toBe('auth.role()');
      const admin = (await q(
        `select prosecdef, proconfig is null as no_config from pg_proc where oid = 'public.is_admin()'::regprocedure`,
      ))[0];
      expect(admin).toEqual({ prosecdef: false, no_config: true });
      const usedBy = await q(`select tablename from pg_policies where qual like '%is_admin()%'`);
      expect(usedBy.map((r) => r.tablename)).toEqual(['audit_logs']);
    },
  },
  {
    finding: 'Function permissions: no SECURITY DEFINER anywhere; authenticated cannot execute the upsert functions nor read the Prisma tables',
    async run(q) {
      expect(await scalar(q, `select count(*)::int from pg_proc p join pg_namespace n on n.oid = p.pronamespace
                               where n.nspname = 'public' and p.prosecdef`)).toBe(0);
      for (const sig of ['upsert_events(jsonb)', 'upsert_spend(jsonb)', 'recompute_metrics_daily(date,date)']) {
        expect(await scalar(q, `select has_function_privilege('authenticated', $1, 'execute')`, [`public.${sig}`]), sig).toBe(false);
        expect(await scalar(q, `select has_function_privilege('service_role', $1, 'execute')`, [`public.${sig}`]), sig).toBe(true);
      }
      for (const t of PRISMA_TABLES) {
        expect(await scalar(q, `select has_table_privilege('authenticated', $1, 'select')`, [`public.${t}`]), t).toBe(false);
      }
      expect(await scalar(q, `select has_table_privilege('authenticated', 'public.workflows', 'select')`)).toBe(true);
    },
  },
  {
    finding: 'Missing triggers: no updatedAt trigger on organizations, organization_members, workflows, workflow_versions, workflow_executions, user_integrations',
    async run(q) {
      for (const t of NO_TRIGGER_TABLES) {
        expect(await column(q, t, 'updatedAt'), t).toBeDefined();
        expect(await userTriggers(q, t), t).toEqual([]);
      }
      expect(await userTriggers(q, 'users')).toEqual(['update_users_updated_at']);
      expect(await userTriggers(q, 'subscriptions')).toEqual(['update_subscriptions_updated_at']);
    },
  },
  {
    finding: 'Data: every table holds rows, and the rows are consistent',
    async run(q) {
      const tables = await publicTables(q);
      expect(tables.length).toBe(16);
      for (const t of [...tables.map((t) => `public.${t}`), 'auth.users']) {
        const n = await scalar(q, `select count(*)::int from ${t}`);
        expect(n, t).toBeGreaterThan(0);
      }
      expect(await scalar(q, `select count(*)::int from auth.users a full join public.users u using (id)
                                where a.id is null or u.id is null`)).toBe(0);
      expect(await scalar(q, `select count(*)::int from workflow_runs r left join workflows w on w.id::text = r.workflow_id
                                where w.id is null`)).toBe(0);
      expect(await scalar(q, `select count(*)::int from telemetry_events where user_id is not null`)).toBeGreaterThan(0);
    },
  },
];

/**
 * Everything a schema diff looks at, as comparable text: used to show that PostgreSQL 15 and PGlite (18) build
 * the same legacy database, and that the historic and the file-name order do too.
 */
export async function legacyShape(q: Query): Promise<Rows> {
  return q(`
    select 'column' as kind, c.relname || '.' || a.attname as name,
           format_type(a.atttypid, a.atttypmod) || ' ' || a.attnotnull || ' ' || coalesce(pg_get_expr(d.adbin, d.adrelid), '') as def
      from pg_attribute a
      join pg_class c on c.oid = a.attrelid and c.relkind = 'r'
      join pg_namespace n on n.oid = c.relnamespace and n.nspname = 'public'
      left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum
     where a.attnum > 0 and not a.attisdropped
    union all
    select 'constraint', c.conrelid::regclass::text || '.' || c.conname, pg_get_constraintdef(c.oid)
      from pg_constraint c join pg_namespace n on n.oid = c.connamespace and n.nspname = 'public'
     where c.contype in ('p', 'u', 'f', 'c')
    union all
    select 'index', indexname, indexdef from pg_indexes where schemaname = 'public'
    union all
    select 'policy', tablename || '.' || policyname,
           cmd || ' ' || roles::text || ' ' || coalesce(qual, '') || ' ' || coalesce(with_check, '')
      from pg_policies where schemaname = 'public'
    union all
    select 'trigger', tgrelid::regclass::text || '.' || tgname, pg_get_triggerdef(oid)
      from pg_trigger where not tgisinternal
    union all
    select 'function', p.oid::regprocedure::text, p.prosrc
      from pg_proc p join pg_namespace n on n.oid = p.pronamespace and n.nspname = 'public'
     where not exists (select 1 from pg_depend d where d.objid = p.oid and d.deptype = 'e')
    union all
    select 'rls', relname, relrowsecurity::text
      from pg_class c join pg_namespace n on n.oid = c.relnamespace and n.nspname = 'public' where relkind = 'r'
    order by 1, 2`);
}
