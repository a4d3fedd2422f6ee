import rule from '../../lint-rules/undefined-function-reference.ts';
import { ruleTester } from './harness.ts';

ruleTester(rule, {
  valid: [
    {
      name: 'calls an existing function and inserts into a table',
      sql: `create schema auth; create function auth.uid() returns uuid language sql as 'select null::uuid';
            create table public.audit (id uuid);
            create function public.f() returns void language plpgsql as $$
            begin
              insert into public.audit (id) values (auth.uid());
              perform pg_catalog.now();
              raise notice 'auth.role() is mentioned in a string only';
            end $$;`,
    },
    { name: 'nothing unresolved', sql: 'create table t (id uuid)' },
    { name: 'schemas outside the catalog are not judged by default', sql: `create function public.me() returns uuid language plpgsql as $$ begin return auth.uid(); end $$;` },
  ],
  invalid: [
    {
      name: 'plpgsql calls auth.role() that has no stub',
      sql: `create schema auth; create function auth.uid() returns uuid language sql as 'select null::uuid';
            create function public.is_service() returns boolean language plpgsql as $$
            begin return auth.role() = 'service_role'; end $$;`,
      errors: [{ messageId: 'unresolved', object: 'function public.is_service()' }],
    },
    {
      name: 'quoted names',
      sql: `create schema auth;
            create function public.f() returns text language plpgsql as $$ begin return "auth"."role"(); end $$;`,
      errors: [{ messageId: 'unresolved', object: 'function public.f()' }],
    },
    {
      name: 'auth schema missing entirely, when asked to check it',
      sql: `create function public.me() returns uuid language plpgsql as $$ begin return auth.uid(); end $$;`,
      options: { alsoCheck: ['auth'] },
      errors: [{ messageId: 'unresolved', object: 'function public.me()' }],
    },
    {
      name: 'references the shadow database rejected',
      sql: 'create table organizations (id uuid)',
      unresolved: [
        { object: { kind: 'policy', schema: 'public', table: 'organizations', name: 'org_admin' }, name: 'auth.role()', location: { file: 'desired/rls.sql', line: 12, column: 1 } },
        { name: 'is_admin()', location: { file: 'desired/rls.sql', line: 20, column: 1 } },
      ],
      errors: [
        { messageId: 'unresolved', object: 'policy public.organizations.org_admin', line: 12 },
        { messageId: 'unresolvedNoObject', line: 20 },
      ],
    },
  ],
});
