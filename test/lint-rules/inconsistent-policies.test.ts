import rule from '../../lint-rules/inconsistent-policies.ts';
import { ruleTester } from './harness.ts';

const table = (name: string) => `create table ${name} (id uuid); alter table ${name} enable row level security;`;
const perCommand = (t: string) => `${table(t)}
  create policy ${t}_select on ${t} for select to authenticated using (true);
  create policy ${t}_insert on ${t} for insert to authenticated with check (true);`;
const forAll = (t: string) => `${table(t)} create policy ${t}_all on ${t} for all to authenticated using (true);`;

ruleTester(rule, {
  valid: [
    { name: 'one pattern everywhere', sql: `${perCommand('a')} ${perCommand('b')} ${perCommand('c')}` },
    { name: 'different patterns in different groups', sql: `${perCommand('a')} ${forAll('privacy_b')}`, options: { groups: { privacy: ['public.privacy_*'] } } },
    {
      name: 'role test combined with an ownership test is a real policy',
      sql: `create schema auth; create function auth.role() returns text language sql as 'select null::text';
            ${table('a')} create policy a_sel on a for select using (auth.role() = 'service_role' or id is null);`,
    },
    { name: 'mixed in one table when allowed', sql: `${perCommand('a')} create policy a_admin on a for all to authenticated using (false);`, options: { allowMixedInTable: true } },
  ],
  invalid: [
    {
      name: 'policy for service_role, which bypasses RLS',
      sql: `${perCommand('a')} create policy a_service on a for all to service_role using (true);`,
      errors: [{ messageId: 'redundantBypass', object: 'policy public.a.a_service', fix: 'DROP POLICY a_service ON public.a;' }],
    },
    {
      name: "policy that only admits auth.role() = 'service_role'",
      sql: `create schema auth; create function auth.role() returns text language sql as 'select null::text';
            ${perCommand('a')} create policy "Service role manages a" on a for all using (auth.role() = 'service_role');`,
      errors: [{ messageId: 'redundantBypass', object: 'policy public.a.Service role manages a' }],
    },
    {
      name: 'a FOR ALL table among per-command tables',
      sql: `${perCommand('a')} ${perCommand('b')} ${forAll('c')}`,
      errors: [{ messageId: 'mixedInGroup', object: 'table public.c' }],
    },
    {
      name: 'FOR ALL and per-command policies in one table',
      sql: `${perCommand('a')} create policy a_admin on a for all to authenticated using (false);`,
      errors: [{ messageId: 'mixedInTable', object: 'table public.a' }],
    },
  ],
});
