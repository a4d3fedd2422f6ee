import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { legacyMigrationsDir } from '../../examples/legacy/load.ts';
import { loadConfig } from '../../src/config/config.ts';
import { generateReport } from '../../src/report/generate.ts';
import type { GapReport, ReportItem } from '../../src/report/model.ts';
import { renderJson } from '../../src/report/render-json.ts';
import { renderMarkdown } from '../../src/report/render-markdown.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');

interface Located extends ReportItem {
  readonly section: string;
  readonly heading: string;
}

/**
 * The gap report on examples/legacy (the seed's production database, as its migrations folder) against the
 * repository's desired/: every finding of the seed document (/work/shared/seed/schema-gaps.md), one by one.
 */
describe('the gap report on examples/legacy', () => {
  let report: GapReport;
  let items: Located[];
  let markdown: string;
  beforeAll(async () => {
    const config = loadConfig(ROOT);
    if (!config.ok) throw new Error(config.error.message);
    const r = await generateReport({ config: config.value, desiredPath: path.join(ROOT, 'desired'), target: { kind: 'migrations', dir: legacyMigrationsDir }, devUrl: 'embedded', noCache: true });
    if (!r.ok) throw new Error(r.error.message);
    report = r.value;
    items = report.sections.flatMap((s) => s.subsections.flatMap((h) => h.items.map((i) => ({ ...i, section: s.title, heading: h.heading }))));
    markdown = renderMarkdown(report);
  }, 180_000);

  /** Items under a heading about an object, optionally whose message or fix matches. */
  const find = (section: string, heading: string, object: string, text?: RegExp) =>
    items.filter((i) => i.section === section && i.heading === heading && i.object === object && (!text || text.test(`${i.message}\n${i.fix ?? ''}`)));
  const expectItem = (section: string, heading: string, object: string, text?: RegExp) => {
    const found = find(section, heading, object, text);
    expect(found, `${section} / ${heading} / ${object} ${text ?? ''}`).not.toEqual([]);
    return found[0]!;
  };

  describe('Missing in Migrations: tables', () => {
    for (const [table, rlsFile] of [
      ['organizations', '20240302000000_organizations_rls.sql'],
      ['organization_members', '20240302000000_organizations_rls.sql'],
      ['user_integrations', '20240410000000_user_integrations_rls.sql'],
    ] as const) {
      it(`${table}: only RLS policies exist in migrations (no CREATE TABLE)`, () => {
        const item = expectItem('Missing in Migrations', 'Tables', `table public.${table}`, /only RLS policies exist in migrations/);
        expect(item.message).toContain(rlsFile);
        expect(item.message).toContain('20240301000000_prisma_db_push.sql`, which is not a team migration');
        expect(item.fix).toContain(`CREATE TABLE public.${table} (`);
      });
    }
    for (const table of ['workflow_versions', 'workflow_executions']) {
      it(`${table}: not created in migrations`, () => {
        const item = expectItem('Missing in Migrations', 'Tables', `table public.${table}`, /not created in migrations/);
        expect(item.fix).toContain(`CREATE TABLE public.${table} (`);
      });
    }
    it('lists no table a team migration creates', () => {
      const listed = items.filter((i) => i.section === 'Missing in Migrations' && i.heading === 'Tables').map((i) => i.object);
      expect(listed.sort()).toEqual(['organization_members', 'organizations', 'user_integrations', 'workflow_executions', 'workflow_versions'].map((t) => `table public.${t}`));
    });
  });

  describe('Missing in Migrations: columns', () => {
    for (const table of ['subscriptions', 'workflows']) {
      it(`${table}.organizationId: referenced in RLS policies but not in the table definition`, () => {
        const item = expectItem('Missing in Migrations', 'Columns', `column public.${table}.organizationId`, /referenced in RLS policy/);
        expect(item.message).toContain('20240302000000_organizations_rls.sql');
        expect(item.fix).toBe(`ALTER TABLE public.${table} ADD COLUMN "organizationId" uuid;`);
      });
    }
  });

  describe('Obsolete in Target', () => {
    for (const table of ['spend', 'metrics_daily']) {
      it(`${table}: created in 000000000800_upsert_functions.sql, not desired`, () => {
        const item = expectItem('Obsolete in Target', 'Tables', `table public.${table}`, /000000000800_upsert_functions\.sql/);
        expect(item.fix).toBe(`DROP TABLE public.${table};`);
      });
    }
    it('events (alternative schema): created in 000000000800_upsert_functions.sql with a different schema than the main events', () => {
      const item = expectItem('Obsolete in Target', 'Conflicting Definitions in Migrations', 'table public.events');
      expect(item.message).toContain('000000000800_upsert_functions.sql:');
      expect(item.message).toContain('client_id text');
      expect(item.message).toMatch(/20240101000000_initial_schema\.sql:\d+` creates `events` with schema: `\(id uuid, userId uuid, filePath text, eventType text/);
      expect(item.message).toContain('(the one the target has)');
    });
    for (const fn of ['upsert_events(jsonb)', 'upsert_spend(jsonb)', 'recompute_metrics_daily(date, date)', 'system_healthcheck()']) {
      it(`${fn}: created but may not be used`, () => {
        const item = expectItem('Obsolete in Target', 'Functions That May Not Be Used', `function public.${fn}`, /may not be used/);
        expect(item.fix).toContain(`DROP FUNCTION public.${fn};`);
      });
    }
    it('functions a policy or trigger calls are not "may not be used"', () => {
      const unused = items.filter((i) => i.heading === 'Functions That May Not Be Used').map((i) => i.object);
      expect(unused).not.toContain('function public.is_admin()');
      expect(unused).not.toContain('function public.update_updated_at_column()');
    });
  });

  describe('Inconsistent Definitions', () => {
    it('table name conflict: telemetry_events vs events', () => {
      expectItem('Inconsistent Definitions', 'Table Name Conflicts', 'table public.telemetry_events', /public\.events/);
      const data = expectItem('Inconsistent Definitions', 'Table Name Conflicts', 'table public.events', /absorbs the rows of table public\.telemetry_events/);
      expect(data.fix).toContain('INSERT INTO public.events');
    });
    it('table name conflict: audit_logs vs audit_log', () => {
      expectItem('Inconsistent Definitions', 'Table Name Conflicts', 'table public.audit_logs', /public\.audit_log\b/);
      expect(expectItem('Inconsistent Definitions', 'Table Name Conflicts', 'table public.audit_logs', /absorbs the rows of table public\.audit_log/).fix).toContain('INSERT INTO public.audit_logs');
    });
    it('column naming: camelCase vs snake_case', () => {
      expectItem('Inconsistent Definitions', 'Column Naming Inconsistencies', 'column public.telemetry_events.user_id', /camelCase/);
      const rename = expectItem('Inconsistent Definitions', 'Column Naming Inconsistencies', 'column public.workflow_runs.workflow_id', /renamed to "workflowId"/);
      expect(rename.fix).toBe('ALTER TABLE public.workflow_runs RENAME COLUMN workflow_id TO "workflowId";');
    });
    it('ID types: bigserial on telemetry_events, audit_log, metrics_log', () => {
      for (const t of ['telemetry_events', 'audit_log', 'metrics_log']) expectItem('Inconsistent Definitions', 'ID Type Inconsistencies', `column public.${t}.id`, /bigint \(serial\); use uuid/);
    });
    it('foreign key references: telemetry_events and audit_log reference auth.users(id)', () => {
      expectItem('Inconsistent Definitions', 'Foreign Key References', 'constraint public.telemetry_events.telemetry_events_user_id_fkey', /auth\.users/);
      expectItem('Inconsistent Definitions', 'Foreign Key References', 'constraint public.audit_log.audit_log_user_id_fkey', /auth\.users/);
    });
  });

  describe('Missing Constraints', () => {
    it('workflow_runs.workflow_id references workflows(id) but is TEXT', () => {
      expectItem('Missing Constraints', 'Foreign Keys', 'column public.workflow_runs.workflow_id', /is text while public\.workflows\.id is uuid/);
      expect(expectItem('Missing Constraints', 'Foreign Keys', 'constraint public.workflow_runs.workflow_runs_workflowId_fkey').fix).toContain('REFERENCES public.workflows(id)');
    });
    it('user_integrations: missing foreign key to users(id)', () => {
      expectItem('Missing Constraints', 'Foreign Keys', 'column public.user_integrations.userId', /no foreign key to public\.users/);
      expect(expectItem('Missing Constraints', 'Foreign Keys', 'constraint public.user_integrations.user_integrations_userId_fkey').fix).toContain('REFERENCES public.users(id)');
    });
    it('organizations: missing foreign key relationships', () => {
      expectItem('Missing Constraints', 'Foreign Keys', 'column public.organizations.ownerId', /no foreign key to public\.users/);
      expectItem('Missing Constraints', 'Foreign Keys', 'constraint public.organization_members.organization_members_organizationId_fkey', /REFERENCES public\.organizations\(id\)/);
    });
    it('workflow_runs: no unique constraint on (user_id, workflow_id, status) for pending runs', () => {
      expectItem('Missing Constraints', 'Unique Constraints', 'table public.workflow_runs', /no unique key besides its generated primary key/);
      const index = expectItem('Missing Constraints', 'Unique Constraints', 'index public.workflow_runs_one_pending_per_user_workflow');
      expect(index.fix).toMatch(/CREATE UNIQUE INDEX workflow_runs_one_pending_per_user_workflow .*\("userId", "workflowId"\) WHERE \(status = 'pending'/);
    });
    it('telemetry_events: no unique constraint to prevent duplicates', () => {
      expectItem('Missing Constraints', 'Unique Constraints', 'table public.telemetry_events', /nothing prevents duplicate rows/);
    });
    it('workflow_runs.status: CHECK constraint instead of an enum', () => {
      const item = expectItem('Missing Constraints', 'Check Constraints', 'constraint public.workflow_runs.workflow_runs_status_check', /declare an enum type/);
      expect(item.fix).toContain('CREATE TYPE');
    });
    it('subscriptions.plan: CHECK constraint should match the enum', () => {
      expectItem('Missing Constraints', 'Check Constraints', 'constraint public.subscriptions.subscriptions_plan_check', /enum/);
      expect(expectItem('Missing in Target', 'Types', 'type public.subscription_plan').fix).toContain("'team'");
    });
  });

  describe('Missing Indexes', () => {
    it('workflow_runs: index on (user_id, workflow_id)', () => {
      expect(expectItem('Missing Indexes', 'Critical Missing Indexes', 'index public.workflow_runs_userId_workflowId_idx').fix).toContain('("userId", "workflowId")');
    });
    it('user_integrations: index on (provider, isActive)', () => {
      expect(expectItem('Missing Indexes', 'Critical Missing Indexes', 'index public.user_integrations_provider_isActive_idx').fix).toContain('(provider, "isActive")');
    });
    it('organizations: index on (slug), as Prisma has it', () => {
      expect(expectItem('Missing Constraints', 'Unique Constraints', 'constraint public.organizations.organizations_slug_key').fix).toContain('UNIQUE (slug)');
    });
    it('organization_members: composite index on (organization_id, user_id)', () => {
      expect(expectItem('Missing Constraints', 'Unique Constraints', 'constraint public.organization_members.organization_members_organizationId_userId_key').fix).toContain('UNIQUE ("organizationId", "userId")');
      expectItem('Missing Indexes', 'Foreign Key Indexes', 'constraint public.organization_members.organization_members_organization_id_fkey', /no index/);
    });
  });

  describe('RLS Policy Gaps', () => {
    for (const table of ['organizations', 'organization_members', 'user_integrations']) {
      it(`${table}: policies exist but the table may not exist`, () => {
        expectItem('RLS Policy Gaps', 'Missing Policies', `table public.${table}`, /policies exist in .* but no team migration creates the table/);
      });
    }
    for (const table of ['workflow_versions', 'workflow_executions']) {
      it(`${table}: no RLS policies defined`, () => {
        expectItem('RLS Policy Gaps', 'Missing Policies', `table public.${table}`, /does not enable row level security/);
        expect(expectItem('RLS Policy Gaps', 'Row Level Security', `table public.${table}`).fix).toContain(`ALTER TABLE public.${table} ENABLE ROW LEVEL SECURITY;`);
        expectItem('RLS Policy Gaps', 'Policies to Create', `policy public.${table}.${table}_select`);
      });
    }
    it('inconsistent policy patterns: some tables allow a service_role bypass, others do not', () => {
      const item = expectItem('RLS Policy Gaps', 'Inconsistent Policy Patterns', 'policy public.users.Service role has full access to users', /bypasses row level security/);
      expect(item.fix).toBe('DROP POLICY "Service role has full access to users" ON public.users;');
    });
    it('inconsistent policy patterns: separate SELECT/INSERT/UPDATE policies vs ALL', () => {
      expectItem('RLS Policy Gaps', 'Inconsistent Policy Patterns', 'table public.workflows', /FOR ALL policies while most tables .* use per-command policies/);
    });
  });

  describe('Function Dependencies', () => {
    it('auth.role(): used in RLS policies, provided only by the external stub', () => {
      const item = expectItem('Function Dependencies', 'Missing Helper Functions', 'function auth.role()', /provided by the external stub, verify it exists in production/);
      expect(item.message).toContain('used by 9 objects');
      expect(item.message).toContain('policy public.users.Service role has full access to users');
    });
    it('is_admin(): defined but not SECURITY DEFINER with a pinned search_path', () => {
      const item = expectItem('Function Dependencies', 'Function Permissions', 'function public.is_admin()', /securityDefiner/);
      expect(item.fix).toMatch(/SECURITY DEFINER[\s\S]*SET search_path TO ''/);
    });
    it('function permissions: the helper functions the desired state adds are SECURITY DEFINER', () => {
      for (const fn of ['is_org_admin(uuid)', 'is_org_member(uuid)']) expect(expectItem('Function Dependencies', 'Function Changes', `function public.${fn}`).fix).toContain('SECURITY DEFINER');
    });
  });

  describe('Trigger Issues: missing triggers', () => {
    for (const table of ['organizations', 'organization_members', 'workflows', 'workflow_versions', 'workflow_executions', 'user_integrations']) {
      it(`${table}: missing updatedAt trigger`, () => {
        expectItem('Trigger Issues', 'Missing Triggers', `table public.${table}`, /"updatedAt" but no BEFORE UPDATE/);
        expect(expectItem('Trigger Issues', 'Missing Triggers', `trigger public.${table}.set_updated_at`).fix).toContain(`BEFORE UPDATE ON public.${table}`);
      });
    }
  });

  describe('rendering', () => {
    it('is one Markdown document in the seed layout, ending with the action items and the migration', () => {
      for (const h of ['## ⚠️ Missing in Migrations', '### Tables', '## ⚠️ Obsolete in Target', '## ⚠️ Inconsistent Definitions', '## ⚠️ Missing Constraints', '## ⚠️ Missing Indexes', '## ⚠️ RLS Policy Gaps', '## ⚠️ Function Dependencies', '## ⚠️ Trigger Issues']) expect(markdown).toContain(`\n${h}\n`);
      expect(markdown).toMatch(/\n1\. \*\*table public\.organization_members\*\* - /);
      expect(markdown).toContain('   - **Fix:** `DROP TABLE public.spend;`');
      const actions = markdown.slice(markdown.indexOf('## Action Items'));
      expect(actions).toMatch(/1\. Apply the migration below \(`schemaplan apply`\): \d+ statements in \d+ steps/);
      expect(actions).toContain('```sql\nSET check_function_bodies = false;\n\n-- rename column');
      expect(actions).toContain('DROP TABLE public.spend;');
      expect(markdown.indexOf('## Action Items')).toBeGreaterThan(markdown.indexOf('## ⚠️ Trigger Issues'));
    });
    it('as JSON holds the same sections and items', () => {
      const json = JSON.parse(renderJson(report)) as GapReport & { formatVersion: number };
      expect(json.formatVersion).toBe(1);
      expect(json.sections).toEqual(report.sections);
      expect(json.actions.sql).toBe(report.actions.sql);
    });
  });
});
