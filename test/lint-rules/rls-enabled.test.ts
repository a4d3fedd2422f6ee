import rule from '../../lint-rules/rls-enabled.ts';
import { ruleTester } from './harness.ts';

ruleTester(rule, {
  valid: [
    { name: 'RLS enabled', sql: 'create table t (id uuid); alter table t enable row level security' },
    { name: 'tables of an external schema are not judged', sql: 'create schema auth; create table auth.users (id uuid)' },
    { name: 'forced when required', sql: 'create table t (id uuid); alter table t enable row level security; alter table t force row level security', options: { requireForce: true } },
  ],
  invalid: [
    {
      name: 'RLS disabled',
      sql: 'create table workflow_versions (id uuid)',
      errors: [{ messageId: 'disabled', object: 'table public.workflow_versions', fix: 'ALTER TABLE public.workflow_versions ENABLE ROW LEVEL SECURITY;' }],
    },
    {
      name: 'RLS disabled in another app schema',
      sql: 'create schema app; create table app.t (id uuid); create table public.ok (id uuid); alter table public.ok enable row level security',
      errors: [{ messageId: 'disabled', object: 'table app.t' }],
    },
    {
      name: 'not forced when required',
      sql: 'create table t (id uuid); alter table t enable row level security',
      options: { requireForce: true },
      errors: [{ messageId: 'notForced', fix: 'ALTER TABLE public.t FORCE ROW LEVEL SECURITY;' }],
    },
  ],
});
