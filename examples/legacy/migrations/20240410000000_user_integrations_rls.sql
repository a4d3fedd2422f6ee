-- RLS for OAuth integrations. The table comes from Prisma (`prisma db push`).

alter table user_integrations enable row level security;

create policy "Users can view own integrations" on user_integrations
  for select using (auth.uid() = "userId");
create policy "Users can insert own integrations" on user_integrations
  for insert with check (auth.uid() = "userId");
create policy "Users can update own integrations" on user_integrations
  for update using (auth.uid() = "userId");
create policy "Users can delete own integrations" on user_integrations
  for delete using (auth.uid() = "userId");
create policy "Service role has full access to user_integrations" on user_integrations
  for all using (auth.role() = 'service_role');
