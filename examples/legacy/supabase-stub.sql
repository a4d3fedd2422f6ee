-- Supabase platform stand-in: what a Supabase project provides before any of the team's migrations run.
-- The team's migrations use auth.users, auth.uid(), auth.role() and the roles anon / authenticated /
-- service_role but never create them. Load this file first (on a plain server or in PGlite).
-- Idempotent: roles are cluster-wide, so several databases on one server may load it concurrently.

do $$ begin
  create role anon nologin noinherit;
exception when duplicate_object or unique_violation then null;
end $$;

do $$ begin
  create role authenticated nologin noinherit;
exception when duplicate_object or unique_violation then null;
end $$;

-- Supabase's service_role bypasses RLS; policies written as `auth.role() = 'service_role'` are therefore
-- redundant for it, which is part of the inconsistency the legacy policies show.
do $$ begin
  create role service_role nologin noinherit bypassrls;
exception when duplicate_object or unique_violation then null;
end $$;

create schema if not exists auth;
grant usage on schema auth to anon, authenticated, service_role;

create table if not exists auth.users (
  id uuid primary key,
  email text,
  created_at timestamptz not null default now()
);

-- Same bodies as Supabase's: claims come from the request's JWT settings set by PostgREST.
create or replace function auth.uid() returns uuid
language sql stable as $$
  select coalesce(
    nullif(current_setting('request.jwt.claim.sub', true), ''),
    (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'sub')
  )::uuid
$$;

-- Deprecated by Supabase (policies should say `to service_role` or read auth.jwt()), but still present on
-- live projects; the legacy policies depend on it.
create or replace function auth.role() returns text
language sql stable as $$
  select coalesce(
    nullif(current_setting('request.jwt.claim.role', true), ''),
    (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'role')
  )::text
$$;

create or replace function auth.jwt() returns jsonb
language sql stable as $$
  select coalesce(
    nullif(current_setting('request.jwt.claim', true), ''),
    nullif(current_setting('request.jwt.claims', true), '')
  )::jsonb
$$;
