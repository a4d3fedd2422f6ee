import rule from '../../lint-rules/fk-index.ts';
import { ruleTester } from './harness.ts';

const PARENT = 'create table workflows (id uuid primary key, org uuid, unique (id, org));';

ruleTester(rule, {
  valid: [
    { name: 'indexed foreign key', sql: `${PARENT} create table runs (id uuid, "workflowId" uuid references workflows); create index on runs ("workflowId")` },
    { name: 'foreign key is the prefix of a composite index', sql: `${PARENT} create table runs (id uuid, "workflowId" uuid references workflows, status text); create index on runs ("workflowId", status)` },
    {
      name: 'composite foreign key covered in another column order',
      sql: `${PARENT} create table runs (w uuid, o uuid, foreign key (w, o) references workflows (id, org)); create index on runs (o, w, w)`,
    },
    { name: 'foreign key that is the primary key', sql: `${PARENT} create table workflow_settings (id uuid primary key references workflows)` },
  ],
  invalid: [
    {
      name: 'no index',
      sql: `${PARENT} create table runs (id uuid, "workflowId" uuid references workflows)`,
      errors: [{ messageId: 'missing', object: 'constraint public.runs.runs_workflowId_fkey', fix: 'CREATE INDEX "runs_workflowId_idx" ON public.runs ("workflowId");' }],
    },
    {
      name: 'index where the key is not the leading column',
      sql: `${PARENT} create table runs (id uuid, "workflowId" uuid references workflows, status text); create index on runs (status, "workflowId")`,
      errors: [{ messageId: 'missing' }],
    },
    {
      name: 'index covering only part of a composite key',
      sql: `${PARENT} create table runs (w uuid, o uuid, foreign key (w, o) references workflows (id, org)); create index on runs (w)`,
      errors: [{ messageId: 'missing' }],
    },
    {
      name: 'partial index does not count by default',
      sql: `${PARENT} create table runs (id uuid, "workflowId" uuid references workflows, status text); create index on runs ("workflowId") where status = 'x'`,
      errors: [{ messageId: 'missing' }],
    },
  ],
});
