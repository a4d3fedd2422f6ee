import rule from '../../lint-rules/user-fk-to-users.ts';
import { ruleTester } from './harness.ts';

const USERS = `create schema auth; create table auth.users (id uuid primary key);
  create table public.users (id uuid primary key references auth.users (id));`;

ruleTester(rule, {
  valid: [
    { name: 'userId references public.users', sql: `${USERS} create table events (id uuid, "userId" uuid references users (id))` },
    { name: 'createdBy references public.users', sql: `${USERS} create table docs (id uuid, "createdBy" uuid not null references users)` },
    { name: 'users.id itself may reference auth.users', sql: USERS },
    { name: 'other columns are not judged', sql: `${USERS} create table t (id uuid, "reviewerId" uuid)` },
  ],
  invalid: [
    {
      name: 'userId without a foreign key',
      sql: `${USERS} create table user_integrations (id uuid, "userId" uuid)`,
      errors: [
        {
          messageId: 'missing',
          object: 'column public.user_integrations.userId',
          fix: 'ALTER TABLE public.user_integrations ADD CONSTRAINT "user_integrations_userId_fkey" FOREIGN KEY ("userId") REFERENCES public.users (id);',
        },
      ],
    },
    {
      name: 'user_id references auth.users',
      sql: `${USERS} create table telemetry_events (id bigserial, user_id uuid references auth.users (id))`,
      errors: [{ messageId: 'authUsers', object: 'constraint public.telemetry_events.telemetry_events_user_id_fkey' }],
    },
    {
      name: 'ownerId references another table',
      sql: `${USERS} create table members (id uuid primary key); create table orgs (id uuid, "ownerId" uuid references members (id))`,
      errors: [{ messageId: 'otherTarget' }],
    },
    {
      name: 'configured users table',
      sql: `create schema app; create table app.accounts (id uuid primary key); create table app.t ("userId" uuid references app.accounts)`,
      options: { users: 'app.profiles' },
      errors: [{ messageId: 'otherTarget', object: 'constraint app.t.t_userId_fkey' }],
    },
  ],
});
