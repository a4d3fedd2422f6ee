-- Telemetry from the editor extension, written with the user's session (supabase-js), hence auth.users.

create table if not exists telemetry_events (
  id bigserial primary key,
  user_id uuid references auth.users(id) on delete cascade,
  app text not null,
  type text not null,
  path text,
  meta jsonb not null default '{}'::jsonb,
  ts timestamptz not null default now()
);

create index if not exists telemetry_events_user_ts_idx on telemetry_events (user_id, ts desc);

create table if not exists metrics_log (
  id bigserial primary key,
  name text not null,
  value double precision not null,
  tags jsonb not null default '{}'::jsonb,
  ts timestamptz not null default now()
);

alter table telemetry_events enable row level security;
alter table metrics_log enable row level security;

-- Privacy table: the owner only, no service_role bypass.
create policy "telemetry: insert own" on telemetry_events
  for insert to authenticated with check (user_id = auth.uid());
create policy "telemetry: read own" on telemetry_events
  for select to authenticated using (user_id = auth.uid());

create policy "metrics_log: service role only" on metrics_log
  for all using (auth.role() = 'service_role');

grant select, insert on telemetry_events to authenticated;
grant usage, select on sequence telemetry_events_id_seq to authenticated;
