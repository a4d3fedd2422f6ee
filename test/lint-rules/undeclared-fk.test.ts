import rule from '../../lint-rules/undeclared-fk.ts';
import { ruleTester } from './harness.ts';

const WORKFLOWS = 'create table workflows (id uuid primary key default gen_random_uuid());';

ruleTester(rule, {
  valid: [
    { name: 'declared foreign key', sql: `${WORKFLOWS} create table workflow_runs (id uuid, workflow_id uuid references workflows)` },
    { name: 'no table of that name', sql: 'create table t (id uuid, "externalId" text, provider_id text)' },
    { name: 'userId is left to user-fk-to-users', sql: 'create table users (id uuid primary key); create table t ("userId" uuid)' },
    { name: 'self-named column', sql: 'create table workflows (id uuid primary key, "workflowId" uuid)' },
  ],
  invalid: [
    {
      name: 'workflow_id text with no foreign key (the seed case)',
      sql: `${WORKFLOWS} create table workflow_runs (id uuid, workflow_id text)`,
      errors: [
        {
          messageId: 'typeMismatch',
          object: 'column public.workflow_runs.workflow_id',
          fix: 'ALTER TABLE public.workflow_runs ALTER COLUMN workflow_id TYPE uuid USING workflow_id::uuid;\nALTER TABLE public.workflow_runs ADD CONSTRAINT workflow_runs_workflow_id_fkey FOREIGN KEY (workflow_id) REFERENCES public.workflows (id);',
        },
      ],
    },
    {
      name: 'workflowId uuid with no foreign key',
      sql: `${WORKFLOWS} create table workflow_versions (id uuid, "workflowId" uuid)`,
      errors: [{ messageId: 'missing', object: 'column public.workflow_versions.workflowId' }],
    },
    {
      name: 'multi-word stem and -ies plural',
      sql: 'create table workflow_runs (id uuid primary key); create table categories (id uuid primary key); create table logs ("workflowRunId" uuid, category_id uuid)',
      errors: [
        { messageId: 'missing', object: 'column public.logs.workflowRunId' },
        { messageId: 'missing', object: 'column public.logs.category_id' },
      ],
    },
  ],
});
