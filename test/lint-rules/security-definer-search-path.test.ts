import rule from '../../lint-rules/security-definer-search-path.ts';
import { ruleTester } from './harness.ts';

ruleTester(rule, {
  valid: [
    {
      name: 'pinned search_path, execute revoked from PUBLIC',
      sql: `create function is_admin(uid uuid) returns boolean language sql security definer set search_path = '' as 'select true';
            revoke execute on function is_admin(uuid) from public;
            grant execute on function is_admin(uuid) to authenticated;`,
    },
    { name: 'SECURITY INVOKER functions are not judged', sql: `create function f() returns int language sql as 'select 1'` },
  ],
  invalid: [
    {
      name: 'no search_path and executable by PUBLIC (the default)',
      sql: `create function is_admin(uid uuid) returns boolean language sql security definer as 'select true';`,
      errors: [
        { messageId: 'searchPath', object: 'function public.is_admin(uuid)', fix: "ALTER FUNCTION public.is_admin(uuid) SET search_path = '';" },
        { messageId: 'exposed', object: 'function public.is_admin(uuid)', fix: 'REVOKE EXECUTE ON FUNCTION public.is_admin(uuid) FROM PUBLIC;' },
      ],
    },
    {
      name: 'granted to anon',
      sql: `create function f() returns int language sql security definer set search_path = pg_catalog as 'select 1';
            revoke execute on function f() from public; grant execute on function f() to anon;`,
      errors: [{ messageId: 'exposed', fix: 'REVOKE EXECUTE ON FUNCTION public.f() FROM anon;' }],
    },
  ],
});
