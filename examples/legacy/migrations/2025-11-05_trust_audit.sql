-- Trust & safety audit trail, written by edge functions with the service key.

create table if not exists audit_log (
  id bigserial primary key,
  user_id uuid references auth.users(id) on delete set null,
  action text not null,
  meta jsonb not null default '{}'::jsonb,
  ts timestamptz not null default now()
);

create index if not exists audit_log_user_id_idx on audit_log (user_id);

alter table audit_log enable row level security;

create policy "audit_log: read own" on audit_log
  for select using (user_id = auth.uid());
create policy "audit_log: service role writes" on audit_log
  for insert with check (auth.role() = 'service_role');

grant select on audit_log to authenticated;
