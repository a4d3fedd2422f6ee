-- Initial schema of the application (hand-written for the Supabase SQL editor, then saved as a migration).

create extension if not exists "uuid-ossp";

-- Make the script re-runnable from the SQL editor.
drop table if exists audit_logs, events, subscriptions, workflow_runs, workflows, users cascade;

create table users (
  id uuid primary key default uuid_generate_v4(),
  email text not null unique,
  name text,
  "avatarUrl" text,
  role text not null default 'user' check (role in ('user', 'admin')),
  "createdAt" timestamptz not null default now(),
  "updatedAt" timestamptz not null default now()
);

create table workflows (
  id uuid primary key default uuid_generate_v4(),
  "userId" uuid not null references users(id) on delete cascade,
  name text not null,
  description text,
  definition jsonb not null default '{}'::jsonb,
  "isActive" boolean not null default true,
  "createdAt" timestamptz not null default now(),
  "updatedAt" timestamptz not null default now()
);

-- Written by the runner service, which uses snake_case. workflow_id holds workflows.id as text.
create table workflow_runs (
  id uuid primary key default uuid_generate_v4(),
  workflow_id text not null, -- references workflows(id)
  user_id uuid not null references users(id) on delete cascade,
  status text not null default 'pending'
    check (status in ('pending', 'running', 'completed', 'failed', 'cancelled')),
  input jsonb,
  output jsonb,
  error text,
  started_at timestamptz,
  completed_at timestamptz,
  created_at timestamptz not null default now()
);

create table subscriptions (
  id uuid primary key default uuid_generate_v4(),
  "userId" uuid not null unique references users(id) on delete cascade,
  plan text not null default 'free' check (plan in ('free', 'pro', 'enterprise')),
  status text not null default 'active' check (status in ('active', 'trialing', 'past_due', 'canceled')),
  "stripeCustomerId" text,
  "stripeSubscriptionId" text unique,
  "currentPeriodEnd" timestamptz,
  "createdAt" timestamptz not null default now(),
  "updatedAt" timestamptz not null default now()
);

create table events (
  id uuid primary key default uuid_generate_v4(),
  "userId" uuid not null references users(id) on delete cascade,
  "filePath" text,
  "eventType" text not null,
  tool text,
  "timestamp" timestamptz not null default now(),
  metadata jsonb default '{}'::jsonb
);

create table audit_logs (
  id uuid primary key default uuid_generate_v4(),
  "userId" uuid references users(id) on delete set null,
  action text not null,
  resource text,
  "resourceId" text,
  metadata jsonb default '{}'::jsonb,
  "ipAddress" inet,
  "userAgent" text,
  "timestamp" timestamptz not null default now()
);

create index idx_workflows_user_id on workflows ("userId");
create index idx_workflow_runs_status on workflow_runs (status);
create index idx_events_user_id on events ("userId");
create index idx_events_timestamp on events ("timestamp" desc);
create index idx_audit_logs_user_id on audit_logs ("userId");

create or replace function update_updated_at_column() returns trigger
language plpgsql as $$
begin
  new."updatedAt" = now();
  return new;
end
$$;

create trigger update_users_updated_at before update on users
  for each row execute function update_updated_at_column();

create trigger update_subscriptions_updated_at before update on subscriptions
  for each row execute function update_updated_at_column();

grant select, insert, update, delete on users, workflows, workflow_runs, subscriptions, events, audit_logs
  to authenticated;
grant all on users, workflows, workflow_runs, subscriptions, events, audit_logs to service_role;
