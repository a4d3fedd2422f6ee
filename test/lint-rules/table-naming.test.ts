import rule from '../../lint-rules/table-naming.ts';
import { ruleTester } from './harness.ts';

ruleTester(rule, {
  valid: [
    { name: 'snake_case tables', sql: 'create table audit_logs (id uuid); create table workflow_runs (id uuid); create table user_settings (id uuid)' },
    { name: 'plural when required', sql: 'create table users (id uuid); create table workflow_runs (id uuid)', options: { number: 'plural' } },
    { name: 'PascalCase singular (Prisma default)', sql: 'create table "User" (id uuid); create table "WorkflowRun" (id uuid)', options: { convention: 'PascalCase', number: 'singular' } },
  ],
  invalid: [
    {
      name: 'camelCase table under snake_case',
      sql: 'create table "auditLogs" (id uuid)',
      errors: [{ messageId: 'wrongCase', object: 'table public.auditLogs', fix: 'ALTER TABLE public."auditLogs" RENAME TO audit_logs;' }],
    },
    {
      name: 'singular table when plural is required',
      sql: 'create table audit_log (id uuid); create table audit_entries (id uuid)',
      options: { number: 'plural' },
      errors: [{ messageId: 'wrongNumber', object: 'table public.audit_log', fix: 'ALTER TABLE public.audit_log RENAME TO audit_logs;' }],
    },
    {
      name: 'plural table when singular is required',
      sql: 'create table categories (id uuid)',
      options: { number: 'singular' },
      errors: [{ messageId: 'wrongNumber', fix: 'ALTER TABLE public.categories RENAME TO category;' }],
    },
  ],
});
