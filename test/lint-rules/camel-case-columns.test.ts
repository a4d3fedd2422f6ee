import rule from '../../lint-rules/camel-case-columns.ts';
import { ruleTester } from './harness.ts';

ruleTester(rule, {
  valid: [
    { name: 'camelCase columns', sql: 'create table events (id uuid, "userId" uuid, "filePath" text, "eventType" text, "createdAt" timestamptz)' },
    { name: 'single lower-case words are camelCase', sql: 'create table t (id uuid, name text, metadata jsonb)' },
    { name: 'snake_case when configured', sql: 'create table t (user_id uuid, created_at timestamptz)', options: { convention: 'snake_case' } },
    { name: 'allow-listed names', sql: 'create table t (legacy_ref text)', options: { allow: ['legacy_ref'] } },
  ],
  invalid: [
    {
      name: 'snake_case columns of a legacy table',
      sql: 'create table telemetry_events (id bigserial, user_id uuid, app text, ts timestamptz)',
      errors: [{ messageId: 'wrongCase', object: 'column public.telemetry_events.user_id', fix: 'ALTER TABLE public.telemetry_events RENAME COLUMN user_id TO "userId";' }],
    },
    { name: 'PascalCase column', sql: 'create table t ("UserName" text)', errors: [{ messageId: 'wrongCase', object: 'column public.t.UserName' }] },
    {
      name: 'camelCase when snake_case is configured',
      sql: 'create table t ("userId" uuid)',
      options: { convention: 'snake_case' },
      errors: [{ messageId: 'wrongCase', fix: 'ALTER TABLE public.t RENAME COLUMN "userId" TO user_id;' }],
    },
  ],
});
