import rule from '../../lint-rules/near-duplicate-tables.ts';
import { ruleTester } from './harness.ts';

ruleTester(rule, {
  valid: [
    { name: 'distinct tables', sql: 'create table users (id uuid); create table user_integrations (id uuid); create table workflows (id uuid); create table workflow_runs (id uuid)' },
    {
      name: 'few shared columns',
      sql: 'create table a (id uuid, name text, email text, phone text, city text); create table b (id uuid, name text, title text, body text, tags text[])',
    },
    {
      name: 'a series of tables with one column set is a pattern, not copies',
      sql: Array.from({ length: 60 }, (_, i) => `create table shard_${i} (id uuid, "userId" uuid, title text, body text, priority int)`).join(';'),
    },
  ],
  invalid: [
    {
      name: 'singular/plural (audit_log vs audit_logs)',
      sql: 'create table audit_logs (id uuid, "userId" uuid); create table audit_log (id bigserial, user_id uuid)',
      errors: [{ messageId: 'sameName', object: 'table public.audit_logs' }],
    },
    {
      name: 'known prefix (events vs telemetry_events)',
      sql: 'create table events (id uuid); create table telemetry_events (id bigserial)',
      errors: [{ messageId: 'affix', object: 'table public.telemetry_events' }],
    },
    {
      name: 'case-only difference across schemas',
      sql: 'create schema app; create table app."AuditLog" (id uuid); create table public.audit_log (id uuid)',
      errors: [{ messageId: 'sameName', object: 'table public.audit_log' }],
    },
    {
      name: 'same table in two schemas',
      sql: 'create schema app; create table app.users (id uuid); create table public.users (id uuid)',
      errors: [{ messageId: 'sameName', object: 'table public.users' }],
    },
    {
      name: 'mostly the same columns, camelCase vs snake_case',
      sql: `create table activity (id uuid, "userId" uuid, "filePath" text, "eventType" text, metadata jsonb);
            create table tracking (id uuid, user_id uuid, file_path text, event_type text, metadata jsonb)`,
      errors: [{ messageId: 'columns', object: 'table public.tracking' }],
    },
  ],
});
