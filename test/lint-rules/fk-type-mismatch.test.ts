import rule from '../../lint-rules/fk-type-mismatch.ts';
import { ruleTester } from './harness.ts';

ruleTester(rule, {
  valid: [
    { name: 'same types', sql: 'create table a (id uuid primary key); create table b (a_id uuid references a)' },
    { name: 'same integer types', sql: 'create table a (id bigint primary key); create table b (a_id bigint references a)' },
  ],
  invalid: [
    {
      name: 'integer referencing bigint',
      sql: 'create table a (id bigint primary key); create table b (a_id integer references a)',
      errors: [{ messageId: 'mismatch', object: 'column public.b.a_id', fix: 'ALTER TABLE public.b ALTER COLUMN a_id TYPE bigint USING a_id::bigint;' }],
    },
    {
      name: 'varchar referencing text',
      sql: 'create table a (code text primary key); create table b (code varchar(20) references a)',
      errors: [{ messageId: 'mismatch', object: 'column public.b.code' }],
    },
  ],
});
