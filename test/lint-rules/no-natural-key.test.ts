import rule from '../../lint-rules/no-natural-key.ts';
import { ruleTester } from './harness.ts';

ruleTester(rule, {
  valid: [
    { name: 'a unique natural key next to the surrogate key', sql: 'create table spend (id uuid primary key default gen_random_uuid(), user_id uuid, day date, unique (user_id, day))' },
    {
      name: 'a partial unique index counts',
      sql: `create table workflow_runs (id uuid primary key default gen_random_uuid(), user_id uuid, workflow_id uuid, status text);
            create unique index one_pending on workflow_runs (user_id, workflow_id) where status = 'pending'`,
    },
    { name: 'a composite primary key is natural', sql: 'create table metrics_daily (day date, user_id uuid, primary key (day, user_id))' },
    { name: 'a primary key copied from elsewhere (no default) is natural', sql: 'create table profiles (id uuid primary key, name text)' },
  ],
  invalid: [
    {
      name: 'bigserial key and nothing unique',
      sql: 'create table telemetry_events (id bigserial primary key, user_id uuid, type text, ts timestamptz)',
      errors: [{ messageId: 'missing', object: 'table public.telemetry_events' }],
    },
    {
      name: 'uuid default key, and a unique index on the key only',
      sql: 'create table workflow_runs (id uuid primary key default gen_random_uuid(), user_id uuid); create unique index again on workflow_runs (id)',
      errors: [{ messageId: 'missing', object: 'table public.workflow_runs' }],
    },
  ],
});
