-- Batched ingestion for the desktop agent: it posts arrays of rows as jsonb and the functions upsert them.
-- Ported from the agent's old ingestion service, keeping that service's sequence number (800); that is why
-- this file sorts before every timestamped migration. It must not depend on any later file.

create table if not exists spend (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null,
  day date not null,
  model text not null,
  tokens_in bigint not null default 0,
  tokens_out bigint not null default 0,
  cost_usd numeric(12, 6) not null default 0,
  created_at timestamptz not null default now(),
  unique (user_id, day, model)
);

create table if not exists metrics_daily (
  day date not null,
  user_id uuid not null,
  events_count integer not null default 0,
  spend_usd numeric(12, 6) not null default 0,
  updated_at timestamptz not null default now(),
  primary key (day, user_id)
);

-- The agent's own event shape (snake_case, bigserial). On the production database `events` already existed
-- (20240101000000_initial_schema.sql, applied long before this file was pushed), so this statement was a
-- no-op there; on a replay in file order 20240101000000_initial_schema.sql drops and recreates `events`,
-- with the same result. Either way upsert_events() below targets columns the live `events` does not have.
create table if not exists events (
  id bigserial primary key,
  client_id text not null unique,
  user_id uuid not null,
  file_path text,
  event_type text not null,
  tool text,
  created_at timestamptz not null default now(),
  metadata jsonb not null default '{}'::jsonb
);

alter table spend enable row level security;
alter table metrics_daily enable row level security;

create policy "service role manages spend" on spend
  for all using (auth.role() = 'service_role');

create policy "service role manages metrics_daily" on metrics_daily
  for all using (auth.role() = 'service_role');

create or replace function upsert_events(_rows jsonb) returns integer
language plpgsql as $$
declare
  _count integer;
begin
  insert into events (client_id, user_id, file_path, event_type, tool, created_at, metadata)
  select r.client_id, r.user_id, r.file_path, r.event_type, r.tool, coalesce(r.created_at, now()),
         coalesce(r.metadata, '{}'::jsonb)
  from jsonb_to_recordset(_rows) as r(client_id text, user_id uuid, file_path text, event_type text, tool text,
                                      created_at timestamptz, metadata jsonb)
  on conflict (client_id) do update
    set file_path = excluded.file_path,
        event_type = excluded.event_type,
        tool = excluded.tool,
        metadata = excluded.metadata;
  get diagnostics _count = row_count;
  return _count;
end
$$;

create or replace function upsert_spend(_rows jsonb) returns integer
language plpgsql as $$
declare
  _count integer;
begin
  insert into spend (user_id, day, model, tokens_in, tokens_out, cost_usd)
  select r.user_id, r.day, r.model, coalesce(r.tokens_in, 0), coalesce(r.tokens_out, 0), coalesce(r.cost_usd, 0)
  from jsonb_to_recordset(_rows) as r(user_id uuid, day date, model text, tokens_in bigint, tokens_out bigint,
                                      cost_usd numeric)
  on conflict (user_id, day, model) do update
    set tokens_in = spend.tokens_in + excluded.tokens_in,
        tokens_out = spend.tokens_out + excluded.tokens_out,
        cost_usd = spend.cost_usd + excluded.cost_usd;
  get diagnostics _count = row_count;
  return _count;
end
$$;

create or replace function recompute_metrics_daily(_start date, _end date) returns void
language plpgsql as $$
begin
  delete from metrics_daily where day between _start and _end;
  insert into metrics_daily (day, user_id, events_count, spend_usd)
  select d.day, d.user_id, coalesce(e.n, 0), coalesce(s.usd, 0)
  from (
    select distinct created_at::date as day, user_id from events where created_at::date between _start and _end
    union
    select day, user_id from spend where day between _start and _end
  ) d
  left join (
    select created_at::date as day, user_id, count(*) as n from events group by 1, 2
  ) e on e.day = d.day and e.user_id = d.user_id
  left join (
    select day, user_id, sum(cost_usd) as usd from spend group by 1, 2
  ) s on s.day = d.day and s.user_id = d.user_id;
end
$$;

create or replace function system_healthcheck() returns jsonb
language sql stable as $$
  select jsonb_build_object(
    'ok', true,
    'database', current_database(),
    'server_version', current_setting('server_version'),
    'checked_at', now()
  )
$$;

-- The agent calls these with the user's JWT, but only service_role may execute them, and none of them is
-- SECURITY DEFINER.
revoke execute on function upsert_events(jsonb) from public;
revoke execute on function upsert_spend(jsonb) from public;
revoke execute on function recompute_metrics_daily(date, date) from public;
grant execute on function upsert_events(jsonb) to service_role;
grant execute on function upsert_spend(jsonb) to service_role;
grant execute on function recompute_metrics_daily(date, date) to service_role;
