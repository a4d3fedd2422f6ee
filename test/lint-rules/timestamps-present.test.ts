import rule from '../../lint-rules/timestamps-present.ts';
import { ruleTester } from './harness.ts';

ruleTester(rule, {
  valid: [
    { name: 'both timestamps', sql: 'create table t (id uuid, "createdAt" timestamptz not null default now(), "updatedAt" timestamptz not null default now())' },
    { name: 'exempt table', sql: 'create table audit_logs (id uuid, "createdAt" timestamptz not null default now())', options: { exempt: ['audit_logs'] } },
    { name: 'snake_case names when configured', sql: 'create table t (created_at timestamptz not null default now())', options: { columns: ['created_at'] } },
  ],
  invalid: [
    {
      name: 'missing updatedAt',
      sql: 'create table organizations (id uuid, "createdAt" timestamptz not null default now())',
      errors: [{ messageId: 'missing', object: 'table public.organizations', fix: 'ALTER TABLE public.organizations ADD COLUMN "updatedAt" timestamp with time zone NOT NULL DEFAULT now();' }],
    },
    {
      name: 'timestamp without time zone',
      sql: 'create table t ("createdAt" timestamp not null default now(), "updatedAt" timestamptz not null default now())',
      errors: [{ messageId: 'wrongType', object: 'column public.t.createdAt' }],
    },
    {
      name: 'nullable without default',
      sql: 'create table t ("createdAt" timestamptz, "updatedAt" timestamptz not null default now())',
      errors: [{ messageId: 'nullable', object: 'column public.t.createdAt' }],
    },
    { name: 'none at all', sql: 'create table t (id uuid)', errors: [{ messageId: 'missing' }, { messageId: 'missing' }] },
  ],
});
