import rule from '../../lint-rules/policy-without-rls.ts';
import { ruleTester } from './harness.ts';

ruleTester(rule, {
  valid: [
    {
      name: 'policies on an RLS table',
      sql: `create table t (id uuid); alter table t enable row level security;
            create policy t_read on t for select to authenticated using (true)`,
    },
    { name: 'no policies and no RLS', sql: 'create table t (id uuid)' },
  ],
  invalid: [
    {
      name: 'policies but RLS disabled',
      sql: `create table organizations (id uuid);
            create policy org_read on organizations for select to authenticated using (true);
            create policy org_write on organizations for update to authenticated using (true)`,
      errors: [{ messageId: 'inert', object: 'table public.organizations', fix: 'ALTER TABLE public.organizations ENABLE ROW LEVEL SECURITY;' }],
    },
  ],
});
