import rule from '../../lint-rules/authenticated-grants.ts';
import { ruleTester } from './harness.ts';

const T = 'create table docs (id uuid, "userId" uuid); alter table docs enable row level security;';

ruleTester(rule, {
  valid: [
    {
      name: 'grants match policies',
      sql: `${T} grant select, insert on docs to authenticated;
            create policy docs_read on docs for select to authenticated using (true);
            create policy docs_add on docs for insert to authenticated with check (true);`,
    },
    { name: 'no grants and no policies', sql: T },
    {
      name: 'policy TO public is alive when one API role has the grant',
      sql: `${T} grant select on docs to authenticated; create policy docs_read on docs for select using (true);`,
    },
    {
      name: 'grants without policies are accepted by default (Supabase grants every table)',
      sql: `${T} grant all on docs to anon, authenticated; create policy docs_read on docs for select to authenticated using (true);`,
    },
    {
      name: 'policy calls a function its role may execute',
      sql: `create function is_owner(uid uuid) returns boolean language sql as 'select true';
            revoke execute on function is_owner(uuid) from public; grant execute on function is_owner(uuid) to authenticated;
            ${T} grant select on docs to authenticated;
            create policy docs_read on docs for select to authenticated using (public.is_owner("userId"));`,
    },
    {
      name: 'policy calls a function nobody revoked (PUBLIC may execute it: the built-in privilege)',
      sql: `create function is_owner(uid uuid) returns boolean language sql as 'select true';
            ${T} grant select on docs to authenticated;
            create policy docs_read on docs for select to authenticated using (public.is_owner("userId"));`,
    },
    {
      name: 'FOR ALL policy with all privileges',
      sql: `${T} grant select, insert, update, delete on docs to authenticated; create policy docs_all on docs for all to authenticated using (true);`,
    },
  ],
  invalid: [
    {
      name: 'policy without the grant it needs',
      // The other table's grant shows that privileges were read: a catalog without any grant object is skipped.
      sql: `${T} create table other (id uuid); alter table other enable row level security; grant select on other to anon;
            create policy other_read on other for select to anon using (true);
            create policy docs_read on docs for select to authenticated using (true);`,
      errors: [{ messageId: 'missingGrant', object: 'policy public.docs.docs_read', fix: 'GRANT SELECT ON public.docs TO authenticated;' }],
    },
    {
      name: 'grant without a policy (when asked)',
      options: { reportGrantWithoutPolicy: true },
      sql: `${T} grant select, delete on docs to authenticated; create policy docs_read on docs for select to authenticated using (true);`,
      errors: [{ messageId: 'grantWithoutPolicy', object: 'grant on table public.docs to authenticated', fix: 'REVOKE DELETE ON public.docs FROM authenticated;' }],
    },
    {
      name: 'policy calls a function its role cannot execute',
      sql: `create function is_owner(uid uuid) returns boolean language sql as 'select true';
            revoke execute on function is_owner(uuid) from public;
            ${T} grant select on docs to authenticated;
            create policy docs_read on docs for select to authenticated using (is_owner("userId"));`,
      errors: [{ messageId: 'functionNotExecutable', object: 'policy public.docs.docs_read', fix: 'GRANT EXECUTE ON FUNCTION public.is_owner(uuid) TO authenticated;' }],
    },
    {
      name: 'grant to anon on a table without RLS',
      sql: 'create table docs (id uuid); grant select on docs to anon;',
      errors: [{ messageId: 'exposedWithoutRls', object: 'table public.docs' }],
    },
  ],
});
