-- RLS for the organization feature. The tables themselves come from Prisma (`prisma db push`).

alter table organizations enable row level security;
alter table organization_members enable row level security;

-- organizations: per-command policies, no service_role bypass.
create policy "Members can view their organizations" on organizations
  for select to authenticated
  using (exists (
    select 1 from organization_members m
    where m.organization_id = organizations.id and m.user_id = auth.uid()
  ));
create policy "Owners can update their organizations" on organizations
  for update to authenticated
  using ("ownerId" = auth.uid());
create policy "Users can create organizations" on organizations
  for insert to authenticated
  with check ("ownerId" = auth.uid());

-- organization_members: FOR ALL, plus a service_role bypass.
create policy "Users can manage own memberships" on organization_members
  for all to authenticated
  using (user_id = auth.uid())
  with check (user_id = auth.uid());
create policy "Service role has full access to organization_members" on organization_members
  for all using (auth.role() = 'service_role');

-- Organization-scoped access to workflows and subscriptions. Guarded because "organizationId" is added to
-- those tables by Prisma "later": the guard has been false on every database this ran on, so these two
-- policies exist only in this file.
do $$
begin
  if exists (select 1 from information_schema.columns
             where table_schema = 'public' and table_name = 'workflows' and column_name = 'organizationId') then
    create policy "Organization members can view organization workflows" on workflows
      for select to authenticated
      using ("organizationId" in (
        select organization_id from organization_members where user_id = auth.uid()
      ));
  end if;

  if exists (select 1 from information_schema.columns
             where table_schema = 'public' and table_name = 'subscriptions' and column_name = 'organizationId') then
    create policy "Organization members can view organization subscription" on subscriptions
      for select to authenticated
      using ("organizationId" in (
        select organization_id from organization_members where user_id = auth.uid()
      ));
  end if;
end
$$;
