import rule from '../../lint-rules/uuid-primary-key.ts';
import { ruleTester } from './harness.ts';

ruleTester(rule, {
  valid: [
    { name: 'uuid with gen_random_uuid()', sql: 'create table users (id uuid primary key default gen_random_uuid())' },
    {
      name: 'composite key of a join table',
      sql: `create table a (id uuid primary key default gen_random_uuid());
            create table b (id uuid primary key default gen_random_uuid());
            create table a_b (a_id uuid references a, b_id uuid references b, primary key (a_id, b_id))`,
    },
    {
      name: 'another accepted default',
      sql: `create function new_id() returns uuid language sql as 'select gen_random_uuid()';
            create table t (id uuid primary key default new_id())`,
      options: { defaults: ['gen_random_uuid()', 'new_id()'] },
    },
    {
      name: 'uuid key that is also a foreign key needs no default (profile table)',
      sql: 'create schema auth; create table auth.users (id uuid primary key); create table users (id uuid primary key references auth.users (id))',
    },
    { name: 'table without key when not required', sql: 'create table log (msg text)', options: { requirePrimaryKey: false } },
  ],
  invalid: [
    { name: 'bigserial', sql: 'create table audit_log (id bigserial primary key)', errors: [{ messageId: 'notUuid', object: 'column public.audit_log.id' }] },
    { name: 'identity integer', sql: 'create table t (id int generated always as identity primary key)', errors: [{ messageId: 'notUuid', object: 'column public.t.id' }] },
    { name: 'text key', sql: 'create table t (id text primary key)', errors: [{ messageId: 'notUuid' }] },
    {
      name: 'uuid without default',
      sql: 'create table t (id uuid primary key)',
      errors: [{ messageId: 'noDefault', object: 'column public.t.id', fix: 'ALTER TABLE public.t ALTER COLUMN id SET DEFAULT gen_random_uuid();' }],
    },
    {
      name: 'uuid with another default',
      sql: `create function legacy_id() returns uuid language sql as 'select gen_random_uuid()';
            create table t (id uuid primary key default legacy_id())`,
      errors: [{ messageId: 'wrongDefault' }],
    },
    { name: 'no primary key', sql: 'create table t (name text)', errors: [{ messageId: 'missing', object: 'table public.t' }] },
    {
      name: 'composite key when composites are not allowed',
      sql: 'create table t (a uuid, b uuid, primary key (a, b))',
      options: { allowComposite: false },
      errors: [{ messageId: 'notUuid', object: 'constraint public.t.t_pkey' }],
    },
  ],
});
