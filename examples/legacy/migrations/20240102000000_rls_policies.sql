-- Row level security for the initial tables.

-- Runs with the caller's rights and the caller's search_path: it only sees the caller's own users row
-- because of the users policies below, and an unqualified `users` resolves through search_path.
create or replace function is_admin() returns boolean
language sql stable as $$
  select exists (select 1 from users where id = auth.uid() and role = 'admin')
$$;

alter table users enable row level security;
alter table workflows enable row level security;
alter table workflow_runs enable row level security;
alter table subscriptions enable row level security;
alter table events enable row level security;
alter table audit_logs enable row level security;

-- users: one policy per command, plus a service_role bypass.
create policy "Users can view own profile" on users
  for select using (auth.uid() = id);
create policy "Users can update own profile" on users
  for update using (auth.uid() = id);
create policy "Service role has full access to users" on users
  for all using (auth.role() = 'service_role');

-- workflows: a single FOR ALL policy, plus a service_role bypass.
create policy "Users can manage own workflows" on workflows
  for all using (auth.uid() = "userId") with check (auth.uid() = "userId");
create policy "Service role has full access to workflows" on workflows
  for all using (auth.role() = 'service_role');

-- workflow_runs: per-command policies, no service_role bypass, no delete.
create policy "Users can view own runs" on workflow_runs
  for select using (auth.uid() = user_id);
create policy "Users can create own runs" on workflow_runs
  for insert with check (auth.uid() = user_id);
create policy "Users can update own runs" on workflow_runs
  for update using (auth.uid() = user_id);

-- subscriptions: users read, only service_role writes.
create policy "Users can view own subscription" on subscriptions
  for select using (auth.uid() = "userId");
create policy "Service role manages subscriptions" on subscriptions
  for all using (auth.role() = 'service_role');

-- events: FOR ALL for the owner.
create policy "Users can manage own events" on events
  for all using (auth.uid() = "userId");

-- audit_logs is a privacy table: no service_role bypass, admins read everything.
create policy "Users can view own audit logs" on audit_logs
  for select using (auth.uid() = "userId");
create policy "Admins can view all audit logs" on audit_logs
  for select using (is_admin());
create policy "Users can insert own audit logs" on audit_logs
  for insert with check (auth.uid() = "userId");
