import { beforeAll, describe, expect, test } from 'vitest';
import { loadLegacy } from '../../examples/legacy/load.ts';
import { builtinRules, gapHeadingOf, renderGapSections, type LintResult } from '../../src/lint/index.ts';
import { lintDatabase, reset, useDatabase } from './harness.ts';
import { loadParser } from '../../src/sql/parser.ts';

beforeAll(() => loadParser()); // the pure SQL modules under test parse synchronously

/**
 * The seed audit's items that are policy (lint) findings, checked on examples/legacy (the reproduction of the
 * seed's production database). Items about desired vs. target (tables Prisma has that the migrations lack,
 * indexes Prisma declares) belong to the diff and the gap report.
 */
const SEED_ITEMS: readonly [item: string, rule: string, messageId: string, object: string][] = [
  ['telemetry_events vs events', 'near-duplicate-tables', 'affix', 'table public.telemetry_events'],
  ['audit_logs vs audit_log', 'near-duplicate-tables', 'sameName', 'table public.audit_logs'],
  ['camelCase vs snake_case', 'camel-case-columns', 'wrongCase', 'column public.telemetry_events.user_id'],
  ['camelCase vs snake_case', 'camel-case-columns', 'wrongCase', 'column public.workflow_runs.workflow_id'],
  ['bigserial ids: telemetry_events', 'uuid-primary-key', 'notUuid', 'column public.telemetry_events.id'],
  ['bigserial ids: audit_log', 'uuid-primary-key', 'notUuid', 'column public.audit_log.id'],
  ['bigserial ids: metrics_log', 'uuid-primary-key', 'notUuid', 'column public.metrics_log.id'],
  ['uuid_generate_v4() instead of gen_random_uuid()', 'uuid-primary-key', 'wrongDefault', 'column public.workflows.id'],
  ['telemetry_events references auth.users', 'user-fk-to-users', 'authUsers', 'constraint public.telemetry_events.telemetry_events_user_id_fkey'],
  ['audit_log references auth.users', 'user-fk-to-users', 'authUsers', 'constraint public.audit_log.audit_log_user_id_fkey'],
  ['user_integrations missing FK to users', 'user-fk-to-users', 'missing', 'column public.user_integrations.userId'],
  ['organizations missing FK relationships', 'user-fk-to-users', 'missing', 'column public.organizations.ownerId'],
  ['workflow_runs.workflow_id is TEXT', 'undeclared-fk', 'typeMismatch', 'column public.workflow_runs.workflow_id'],
  ['workflow_runs.status CHECK should be an enum', 'check-enumerates-values', 'shouldBeEnum', 'constraint public.workflow_runs.workflow_runs_status_check'],
  ['subscriptions.plan CHECK should match the enum', 'check-enumerates-values', 'shouldBeEnum', 'constraint public.subscriptions.subscriptions_plan_check'],
  ['workflow_versions: no RLS', 'rls-enabled', 'disabled', 'table public.workflow_versions'],
  ['workflow_executions: no RLS', 'rls-enabled', 'disabled', 'table public.workflow_executions'],
  ['service_role bypass policies', 'inconsistent-policies', 'redundantBypass', 'policy public.users.Service role has full access to users'],
  ['per-command vs ALL policies', 'inconsistent-policies', 'mixedInGroup', 'table public.workflows'],
  ['missing grants to authenticated', 'authenticated-grants', 'missingGrant', 'policy public.organizations.Members can view their organizations'],
  ['organization_members composite index', 'fk-index', 'missing', 'constraint public.organization_members.organization_members_user_id_fkey'],
  ['organizations: updatedAt trigger', 'updated-at-trigger', 'missing', 'table public.organizations'],
  ['organization_members: updatedAt trigger', 'updated-at-trigger', 'missing', 'table public.organization_members'],
  ['workflows: updatedAt trigger', 'updated-at-trigger', 'missing', 'table public.workflows'],
  ['workflow_versions: triggers', 'updated-at-trigger', 'missing', 'table public.workflow_versions'],
  ['workflow_executions: triggers', 'updated-at-trigger', 'missing', 'table public.workflow_executions'],
  ['user_integrations: updatedAt trigger', 'updated-at-trigger', 'missing', 'table public.user_integrations'],
];

describe('lint on examples/legacy', () => {
  const db = useDatabase();
  let result: LintResult;
  beforeAll(async () => {
    await reset(db());
    await loadLegacy(db(), { data: false });
    result = await lintDatabase(db());
  }, 60_000);

  test('the gap report sections hold the findings under the seed headings', () => {
    const md = renderGapSections(result);
    for (const h of ['## ⚠️ Inconsistent Definitions', '### Table Name Conflicts', '### ID Type Inconsistencies', '### Foreign Key References', '## ⚠️ Missing Constraints', '### Check Constraints', '## ⚠️ RLS Policy Gaps', '### Inconsistent Policy Patterns', '## ⚠️ Trigger Issues']) {
      expect(md).toContain(h);
    }
    const conflicts = md.slice(md.indexOf('### Table Name Conflicts'), md.indexOf('### Column Naming'));
    expect(conflicts).toContain('**table public.audit_logs** - table public.audit_logs and public.audit_log differ only in singular/plural');
    expect(conflicts).toContain('**table public.telemetry_events**');
  });

  test('every rule has a gap report place other than the catch-all, except timestamps', () => {
    const placed = builtinRules.filter((r) => gapHeadingOf({ rule: r.name, messageId: '' } as never) !== 'Conventions').map((r) => r.name);
    expect(builtinRules.map((r) => r.name).filter((n) => !placed.includes(n))).toEqual(['timestamps-present']);
  });

  for (const [item, rule, messageId, object] of SEED_ITEMS) {
    test(`${item} (${rule})`, () => {
      expect(result.findings.filter((f) => f.rule === rule && f.messageId === messageId && f.object === object)).toHaveLength(1);
    });
  }
});
