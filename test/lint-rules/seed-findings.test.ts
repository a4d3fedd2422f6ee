import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, test } from 'vitest';
import { formatFindings, type LintResult } from '../../src/lint/index.ts';
import { lintDatabase, reset, useDatabase } from './harness.ts';
import { loadParser } from '../../src/sql/parser.ts';

beforeAll(() => loadParser()); // the pure SQL modules under test parse synchronously

const SQL = readFileSync(new URL('./fixtures/seed-legacy.sql', import.meta.url), 'utf8');

/** The seed audit's findings that lint (as opposed to the diff) is responsible for, one by one. */
const EXPECTED: readonly [rule: string, messageId: string, object: string][] = [
  ['near-duplicate-tables', 'sameName', 'table public.audit_logs'],
  ['near-duplicate-tables', 'affix', 'table public.telemetry_events'],
  ['camel-case-columns', 'wrongCase', 'column public.telemetry_events.user_id'],
  ['camel-case-columns', 'wrongCase', 'column public.audit_log.user_id'],
  ['camel-case-columns', 'wrongCase', 'column public.workflow_runs.workflow_id'],
  ['uuid-primary-key', 'notUuid', 'column public.telemetry_events.id'],
  ['uuid-primary-key', 'notUuid', 'column public.audit_log.id'],
  ['user-fk-to-users', 'authUsers', 'constraint public.telemetry_events.telemetry_events_user_id_fkey'],
  ['user-fk-to-users', 'authUsers', 'constraint public.audit_log.audit_log_user_id_fkey'],
  ['user-fk-to-users', 'missing', 'column public.user_integrations.userId'],
  ['undeclared-fk', 'typeMismatch', 'column public.workflow_runs.workflow_id'],
  ['undeclared-fk', 'missing', 'column public.workflow_versions.workflowId'],
  ['check-enumerates-values', 'shouldBeEnum', 'constraint public.workflow_runs.workflow_runs_status_check'],
  ['check-enumerates-values', 'enumExists', 'constraint public.subscriptions.subscriptions_plan_check'],
  ['rls-enabled', 'disabled', 'table public.organizations'],
  ['rls-enabled', 'disabled', 'table public.events'],
  ['policy-without-rls', 'inert', 'table public.organizations'],
  ['rls-without-policy', 'noPolicy', 'table public.workflow_versions'],
  ['inconsistent-policies', 'redundantBypass', 'policy public.user_integrations.user_integrations_service'],
  ['undefined-function-reference', 'unresolved', 'function public.is_service()'],
  ['security-definer-search-path', 'searchPath', 'function public.is_admin()'],
  ['security-definer-search-path', 'exposed', 'function public.is_admin()'],
  ['updated-at-trigger', 'missing', 'table public.workflows'],
  ['updated-at-trigger', 'missing', 'table public.organizations'],
  ['updated-at-trigger', 'missing', 'table public.user_integrations'],
  ['fk-index', 'missing', 'constraint public.workflows.workflows_userId_fkey'],
  ['timestamps-present', 'missing', 'table public.events'],
];

describe('lint on the seed legacy schema', () => {
  const db = useDatabase();
  let result: LintResult;
  beforeAll(async () => {
    await reset(db());
    await db().exec(SQL);
    result = await lintDatabase(db());
  }, 30_000);

  for (const [rule, messageId, object] of EXPECTED) {
    test(`${rule}: ${messageId} on ${object}`, () => {
      expect(result.findings.filter((f) => f.rule === rule && f.messageId === messageId && f.object === object)).not.toEqual([]);
    });
  }

  test('the policy-compliant users table is clean', () => {
    expect(result.findings.filter((f) => f.object?.startsWith('table public.users') || f.object?.startsWith('column public.users.')).map((f) => f.message)).toEqual([]);
  });

  test('every output format renders the whole result', () => {
    for (const format of ['text', 'json', 'sarif', 'github'] as const) expect(formatFindings(result, format).length).toBeGreaterThan(1000);
  });
});
