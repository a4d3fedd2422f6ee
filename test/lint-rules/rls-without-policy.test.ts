import rule from '../../lint-rules/rls-without-policy.ts';
import { ruleTester } from './harness.ts';

ruleTester(rule, {
  valid: [
    {
      name: 'RLS with a policy',
      sql: `create table t (id uuid); alter table t enable row level security;
            create policy t_read on t for select to authenticated using (true)`,
    },
    { name: 'RLS disabled (other rules judge it)', sql: 'create table t (id uuid)' },
  ],
  invalid: [
    {
      name: 'RLS enabled but no policy',
      sql: 'create table workflow_executions (id uuid); alter table workflow_executions enable row level security',
      errors: [{ messageId: 'noPolicy', object: 'table public.workflow_executions' }],
    },
  ],
});
