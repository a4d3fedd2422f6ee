import rule from '../../lint-rules/check-enumerates-values.ts';
import { ruleTester } from './harness.ts';

ruleTester(rule, {
  valid: [
    { name: 'enum-typed column', sql: `create type run_status as enum ('pending', 'running', 'done'); create table runs (status run_status)` },
    { name: 'range check', sql: 'create table t (n int check (n > 0))' },
    { name: 'single value', sql: `create table t (kind text check (kind = 'x'))` },
    { name: 'check preferred', sql: `create table runs (status text check (status in ('pending', 'running')))`, options: { prefer: 'check' } },
  ],
  invalid: [
    {
      name: 'IN list with no enum (workflow_runs.status)',
      sql: `create table workflow_runs (status text check (status in ('pending', 'running', 'done')))`,
      errors: [
        {
          messageId: 'shouldBeEnum',
          object: 'constraint public.workflow_runs.workflow_runs_status_check',
          fix: "CREATE TYPE public.workflow_runs_status AS ENUM ('pending', 'running', 'done');\nALTER TABLE public.workflow_runs DROP CONSTRAINT workflow_runs_status_check;\nALTER TABLE public.workflow_runs ALTER COLUMN status TYPE public.workflow_runs_status USING status::text::public.workflow_runs_status;",
        },
      ],
    },
    {
      name: 'values of an existing enum (subscriptions.plan)',
      sql: `create type plan as enum ('free', 'pro', 'team');
            create table subscriptions (plan varchar(10) check (plan in ('free', 'team', 'pro')))`,
      errors: [{ messageId: 'enumExists', object: 'constraint public.subscriptions.subscriptions_plan_check' }],
    },
    { name: 'OR chain', sql: `create table t ("eventType" text check ("eventType" = 'a' or "eventType" = 'b'))`, errors: [{ messageId: 'shouldBeEnum' }] },
    {
      name: 'enum column when checks are preferred',
      sql: `create type run_status as enum ('pending', 'running'); create table runs (status run_status)`,
      options: { prefer: 'check' },
      errors: [{ messageId: 'useCheck', object: 'column public.runs.status' }],
    },
  ],
});
