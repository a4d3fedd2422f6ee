SET check_function_bodies = false;

-- rename column public.organization_members.organizationId
ALTER TABLE public.organization_members RENAME COLUMN organization_id TO "organizationId";

-- rename column public.organization_members.userId
ALTER TABLE public.organization_members RENAME COLUMN user_id TO "userId";

-- rename column public.workflow_runs.workflowId
ALTER TABLE public.workflow_runs RENAME COLUMN workflow_id TO "workflowId";

-- rename column public.workflow_runs.userId
ALTER TABLE public.workflow_runs RENAME COLUMN user_id TO "userId";

-- rename column public.workflow_runs.startedAt
ALTER TABLE public.workflow_runs RENAME COLUMN started_at TO "startedAt";

-- rename column public.workflow_runs.completedAt
ALTER TABLE public.workflow_runs RENAME COLUMN completed_at TO "completedAt";

-- rename column public.workflow_runs.createdAt
ALTER TABLE public.workflow_runs RENAME COLUMN created_at TO "createdAt";

-- drop trigger public.subscriptions.update_subscriptions_updated_at
DROP TRIGGER update_subscriptions_updated_at ON public.subscriptions;

-- drop trigger public.users.update_users_updated_at
DROP TRIGGER update_users_updated_at ON public.users;

-- drop policy public.audit_logs.Admins can view all audit logs
-- hazard authz-change: drops policy Admins can view all audit logs on audit_logs
DROP POLICY "Admins can view all audit logs" ON public.audit_logs;

-- drop policy public.audit_logs.Users can insert own audit logs
-- hazard authz-change: drops policy Users can insert own audit logs on audit_logs
DROP POLICY "Users can insert own audit logs" ON public.audit_logs;

-- drop policy public.audit_logs.Users can view own audit logs
-- hazard authz-change: drops policy Users can view own audit logs on audit_logs
DROP POLICY "Users can view own audit logs" ON public.audit_logs;

-- drop policy public.events.Users can manage own events
-- hazard authz-change: drops policy Users can manage own events on events
DROP POLICY "Users can manage own events" ON public.events;

-- drop policy public.organization_members.Service role has full access to organization_members
-- hazard authz-change: drops policy Service role has full access to organization_members on organization_members
DROP POLICY "Service role has full access to organization_members" ON public.organization_members;

-- drop policy public.organization_members.Users can manage own memberships
-- hazard authz-change: drops policy Users can manage own memberships on organization_members
DROP POLICY "Users can manage own memberships" ON public.organization_members;

-- drop policy public.organizations.Members can view their organizations
-- hazard authz-change: drops policy Members can view their organizations on organizations
DROP POLICY "Members can view their organizations" ON public.organizations;

-- drop policy public.organizations.Owners can update their organizations
-- hazard authz-change: drops policy Owners can update their organizations on organizations
DROP POLICY "Owners can update their organizations" ON public.organizations;

-- drop policy public.organizations.Users can create organizations
-- hazard authz-change: drops policy Users can create organizations on organizations
DROP POLICY "Users can create organizations" ON public.organizations;

-- drop policy public.subscriptions.Service role manages subscriptions
-- hazard authz-change: drops policy Service role manages subscriptions on subscriptions
DROP POLICY "Service role manages subscriptions" ON public.subscriptions;

-- drop policy public.subscriptions.Users can view own subscription
-- hazard authz-change: drops policy Users can view own subscription on subscriptions
DROP POLICY "Users can view own subscription" ON public.subscriptions;

-- drop policy public.user_integrations.Service role has full access to user_integrations
-- hazard authz-change: drops policy Service role has full access to user_integrations on user_integrations
DROP POLICY "Service role has full access to user_integrations" ON public.user_integrations;

-- drop policy public.user_integrations.Users can delete own integrations
-- hazard authz-change: drops policy Users can delete own integrations on user_integrations
DROP POLICY "Users can delete own integrations" ON public.user_integrations;

-- drop policy public.user_integrations.Users can insert own integrations
-- hazard authz-change: drops policy Users can insert own integrations on user_integrations
DROP POLICY "Users can insert own integrations" ON public.user_integrations;

-- drop policy public.user_integrations.Users can update own integrations
-- hazard authz-change: drops policy Users can update own integrations on user_integrations
DROP POLICY "Users can update own integrations" ON public.user_integrations;

-- drop policy public.user_integrations.Users can view own integrations
-- hazard authz-change: drops policy Users can view own integrations on user_integrations
DROP POLICY "Users can view own integrations" ON public.user_integrations;

-- drop policy public.users.Service role has full access to users
-- hazard authz-change: drops policy Service role has full access to users on users
DROP POLICY "Service role has full access to users" ON public.users;

-- drop policy public.users.Users can update own profile
-- hazard authz-change: drops policy Users can update own profile on users
DROP POLICY "Users can update own profile" ON public.users;

-- drop policy public.users.Users can view own profile
-- hazard authz-change: drops policy Users can view own profile on users
DROP POLICY "Users can view own profile" ON public.users;

-- drop policy public.workflow_runs.Users can create own runs
-- hazard authz-change: drops policy Users can create own runs on workflow_runs
DROP POLICY "Users can create own runs" ON public.workflow_runs;

-- drop policy public.workflow_runs.Users can update own runs
-- hazard authz-change: drops policy Users can update own runs on workflow_runs
DROP POLICY "Users can update own runs" ON public.workflow_runs;

-- drop policy public.workflow_runs.Users can view own runs
-- hazard authz-change: drops policy Users can view own runs on workflow_runs
DROP POLICY "Users can view own runs" ON public.workflow_runs;

-- drop policy public.workflows.Service role has full access to workflows
-- hazard authz-change: drops policy Service role has full access to workflows on workflows
DROP POLICY "Service role has full access to workflows" ON public.workflows;

-- drop policy public.workflows.Users can manage own workflows
-- hazard authz-change: drops policy Users can manage own workflows on workflows
DROP POLICY "Users can manage own workflows" ON public.workflows;

-- drop index public.workflow_versions_workflowId_version_key
DROP INDEX public."workflow_versions_workflowId_version_key";

-- drop constraint public.organization_members.organization_members_organization_id_fkey
ALTER TABLE public.organization_members DROP CONSTRAINT organization_members_organization_id_fkey;

-- drop constraint public.organization_members.organization_members_user_id_fkey
ALTER TABLE public.organization_members DROP CONSTRAINT organization_members_user_id_fkey;

-- drop constraint public.subscriptions.subscriptions_plan_check
ALTER TABLE public.subscriptions DROP CONSTRAINT subscriptions_plan_check;

-- drop constraint public.subscriptions.subscriptions_status_check
ALTER TABLE public.subscriptions DROP CONSTRAINT subscriptions_status_check;

-- drop constraint public.users.users_role_check
ALTER TABLE public.users DROP CONSTRAINT users_role_check;

-- replace constraint public.workflow_executions.workflow_executions_userId_fkey (drop)
ALTER TABLE public.workflow_executions DROP CONSTRAINT "workflow_executions_userId_fkey";

-- replace constraint public.workflow_executions.workflow_executions_versionId_fkey (drop)
ALTER TABLE public.workflow_executions DROP CONSTRAINT "workflow_executions_versionId_fkey";

-- replace constraint public.workflow_executions.workflow_executions_workflowId_fkey (drop)
ALTER TABLE public.workflow_executions DROP CONSTRAINT "workflow_executions_workflowId_fkey";

-- drop constraint public.workflow_runs.workflow_runs_status_check
ALTER TABLE public.workflow_runs DROP CONSTRAINT workflow_runs_status_check;

-- drop constraint public.workflow_runs.workflow_runs_user_id_fkey
ALTER TABLE public.workflow_runs DROP CONSTRAINT workflow_runs_user_id_fkey;

-- replace constraint public.workflow_versions.workflow_versions_workflowId_fkey (drop)
ALTER TABLE public.workflow_versions DROP CONSTRAINT "workflow_versions_workflowId_fkey";

-- drop table public.metrics_daily
-- hazard data-loss: drops table public.metrics_daily and all its rows
DROP TABLE public.metrics_daily;

-- drop table public.metrics_log
-- hazard data-loss: drops table public.metrics_log and all its rows
DROP TABLE public.metrics_log;

-- drop table public.spend
-- hazard data-loss: drops table public.spend and all its rows
DROP TABLE public.spend;

-- drop function public.recompute_metrics_daily(date, date)
DROP FUNCTION public.recompute_metrics_daily(date, date);

-- drop function public.system_healthcheck()
DROP FUNCTION public.system_healthcheck();

-- drop function public.update_updated_at_column()
DROP FUNCTION public.update_updated_at_column();

-- drop function public.upsert_events(jsonb)
DROP FUNCTION public.upsert_events(jsonb);

-- drop function public.upsert_spend(jsonb)
DROP FUNCTION public.upsert_spend(jsonb);

-- create type public.organization_role
CREATE TYPE public.organization_role AS ENUM ('owner', 'admin', 'member');

-- create type public.subscription_plan
CREATE TYPE public.subscription_plan AS ENUM ('free', 'pro', 'team', 'enterprise');

-- create type public.subscription_status
CREATE TYPE public.subscription_status AS ENUM ('active', 'trialing', 'past_due', 'canceled');

-- create type public.user_role
CREATE TYPE public.user_role AS ENUM ('user', 'admin');

-- create type public.workflow_execution_status
CREATE TYPE public.workflow_execution_status AS ENUM ('queued', 'running', 'succeeded', 'failed', 'cancelled');

-- create type public.workflow_run_status
CREATE TYPE public.workflow_run_status AS ENUM ('pending', 'running', 'completed', 'failed', 'cancelled');

-- alter function public.is_admin()
-- hazard authz-change: SECURITY DEFINER
CREATE OR REPLACE FUNCTION public.is_admin()
 RETURNS boolean
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO ''
AS $function$
  SELECT EXISTS (
    SELECT 1 FROM public.users u
    WHERE u.id = (SELECT auth.uid()) AND u.role = 'admin'::public.user_role
  )
$function$;
COMMENT ON FUNCTION public.is_admin() IS 'true when the signed-in user has role admin';

-- create function public.is_org_admin(uuid)
CREATE OR REPLACE FUNCTION public.is_org_admin(org uuid)
 RETURNS boolean
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO ''
AS $function$
  SELECT EXISTS (
    SELECT 1 FROM public.organization_members m
    WHERE m."organizationId" = org
      AND m."userId" = (SELECT auth.uid())
      AND m.role IN ('owner'::public.organization_role, 'admin'::public.organization_role)
  )
$function$;
COMMENT ON FUNCTION public.is_org_admin(uuid) IS 'true when the signed-in user is an owner or admin of organization org';

-- create function public.is_org_member(uuid)
CREATE OR REPLACE FUNCTION public.is_org_member(org uuid)
 RETURNS boolean
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO ''
AS $function$
  SELECT EXISTS (
    SELECT 1 FROM public.organization_members m
    WHERE m."organizationId" = org AND m."userId" = (SELECT auth.uid())
  )
$function$;
COMMENT ON FUNCTION public.is_org_member(uuid) IS 'true when the signed-in user belongs to organization org';

-- create function public.set_updated_at()
CREATE OR REPLACE FUNCTION public.set_updated_at()
 RETURNS trigger
 LANGUAGE plpgsql
 SET search_path TO ''
AS $function$
BEGIN
  NEW."updatedAt" := now();
  RETURN NEW;
END
$function$;

-- alter table public.user_integrations
COMMENT ON TABLE public.user_integrations IS 'userId is empty for integrations installed before the user signed up';

-- alter table public.users
COMMENT ON TABLE public.users IS 'Application profile of a Supabase auth user (same id as auth.users)';

-- alter table public.workflow_executions
-- hazard authz-change: row-level security enabled
ALTER TABLE public.workflow_executions ENABLE ROW LEVEL SECURITY;

-- alter table public.workflow_runs
COMMENT ON TABLE public.workflow_runs IS 'Written by the runner service; legacy snake_case columns are renamed in place';

-- alter table public.workflow_versions
-- hazard authz-change: row-level security enabled
ALTER TABLE public.workflow_versions ENABLE ROW LEVEL SECURITY;

-- alter column public.audit_logs.id
ALTER TABLE public.audit_logs ALTER COLUMN id SET DEFAULT gen_random_uuid();

-- create column public.events.app
ALTER TABLE public.events ADD COLUMN app text;

-- alter column public.events.id
ALTER TABLE public.events ALTER COLUMN id SET DEFAULT gen_random_uuid();

-- alter column public.events.userId
ALTER TABLE public.events ALTER COLUMN "userId" DROP NOT NULL;

-- alter column public.organization_members.createdAt
ALTER TABLE public.organization_members ALTER COLUMN "createdAt" DROP DEFAULT;
-- hazard table-rewrite: changes the type of organization_members.createdAt from timestamp(3) without time zone to timestamp with time zone
ALTER TABLE public.organization_members ALTER COLUMN "createdAt" TYPE timestamp with time zone USING "createdAt"::timestamp with time zone;
ALTER TABLE public.organization_members ALTER COLUMN "createdAt" SET DEFAULT now();

-- alter column public.organization_members.id
ALTER TABLE public.organization_members ALTER COLUMN id SET DEFAULT gen_random_uuid();

-- alter column public.organization_members.role
ALTER TABLE public.organization_members ALTER COLUMN role DROP DEFAULT;
-- hazard table-rewrite: changes the type of organization_members.role from text to public.organization_role
ALTER TABLE public.organization_members ALTER COLUMN role TYPE public.organization_role USING role::public.organization_role;
ALTER TABLE public.organization_members ALTER COLUMN role SET DEFAULT 'member'::public.organization_role;

-- alter column public.organization_members.updatedAt
-- hazard table-rewrite: changes the type of organization_members.updatedAt from timestamp(3) without time zone to timestamp with time zone
ALTER TABLE public.organization_members ALTER COLUMN "updatedAt" TYPE timestamp with time zone USING "updatedAt"::timestamp with time zone;
ALTER TABLE public.organization_members ALTER COLUMN "updatedAt" SET DEFAULT now();

-- alter column public.organizations.createdAt
ALTER TABLE public.organizations ALTER COLUMN "createdAt" DROP DEFAULT;
-- hazard table-rewrite: changes the type of organizations.createdAt from timestamp(3) without time zone to timestamp with time zone
ALTER TABLE public.organizations ALTER COLUMN "createdAt" TYPE timestamp with time zone USING "createdAt"::timestamp with time zone;
ALTER TABLE public.organizations ALTER COLUMN "createdAt" SET DEFAULT now();

-- alter column public.organizations.id
ALTER TABLE public.organizations ALTER COLUMN id SET DEFAULT gen_random_uuid();

-- alter column public.organizations.updatedAt
-- hazard table-rewrite: changes the type of organizations.updatedAt from timestamp(3) without time zone to timestamp with time zone
ALTER TABLE public.organizations ALTER COLUMN "updatedAt" TYPE timestamp with time zone USING "updatedAt"::timestamp with time zone;
ALTER TABLE public.organizations ALTER COLUMN "updatedAt" SET DEFAULT now();

-- alter column public.subscriptions.id
ALTER TABLE public.subscriptions ALTER COLUMN id SET DEFAULT gen_random_uuid();

-- create column public.subscriptions.organizationId
ALTER TABLE public.subscriptions ADD COLUMN "organizationId" uuid;

-- alter column public.subscriptions.plan
ALTER TABLE public.subscriptions ALTER COLUMN plan DROP DEFAULT;
-- hazard table-rewrite: changes the type of subscriptions.plan from text to public.subscription_plan
ALTER TABLE public.subscriptions ALTER COLUMN plan TYPE public.subscription_plan USING plan::public.subscription_plan;
ALTER TABLE public.subscriptions ALTER COLUMN plan SET DEFAULT 'free'::public.subscription_plan;

-- alter column public.subscriptions.status
ALTER TABLE public.subscriptions ALTER COLUMN status DROP DEFAULT;
-- hazard table-rewrite: changes the type of subscriptions.status from text to public.subscription_status
ALTER TABLE public.subscriptions ALTER COLUMN status TYPE public.subscription_status USING status::public.subscription_status;
ALTER TABLE public.subscriptions ALTER COLUMN status SET DEFAULT 'active'::public.subscription_status;

-- alter column public.user_integrations.createdAt
ALTER TABLE public.user_integrations ALTER COLUMN "createdAt" DROP DEFAULT;
-- hazard table-rewrite: changes the type of user_integrations.createdAt from timestamp(3) without time zone to timestamp with time zone
ALTER TABLE public.user_integrations ALTER COLUMN "createdAt" TYPE timestamp with time zone USING "createdAt"::timestamp with time zone;
ALTER TABLE public.user_integrations ALTER COLUMN "createdAt" SET DEFAULT now();

-- alter column public.user_integrations.expiresAt
-- hazard table-rewrite: changes the type of user_integrations.expiresAt from timestamp(3) without time zone to timestamp with time zone
ALTER TABLE public.user_integrations ALTER COLUMN "expiresAt" TYPE timestamp with time zone USING "expiresAt"::timestamp with time zone;

-- alter column public.user_integrations.id
ALTER TABLE public.user_integrations ALTER COLUMN id SET DEFAULT gen_random_uuid();

-- alter column public.user_integrations.scopes
ALTER TABLE public.user_integrations ALTER COLUMN scopes SET DEFAULT '{}'::text[];

-- alter column public.user_integrations.updatedAt
-- hazard table-rewrite: changes the type of user_integrations.updatedAt from timestamp(3) without time zone to timestamp with time zone
ALTER TABLE public.user_integrations ALTER COLUMN "updatedAt" TYPE timestamp with time zone USING "updatedAt"::timestamp with time zone;
ALTER TABLE public.user_integrations ALTER COLUMN "updatedAt" SET DEFAULT now();

-- alter column public.users.id
ALTER TABLE public.users ALTER COLUMN id SET DEFAULT gen_random_uuid();

-- alter column public.users.role
ALTER TABLE public.users ALTER COLUMN role DROP DEFAULT;
-- hazard table-rewrite: changes the type of users.role from text to public.user_role
ALTER TABLE public.users ALTER COLUMN role TYPE public.user_role USING role::public.user_role;
ALTER TABLE public.users ALTER COLUMN role SET DEFAULT 'user'::public.user_role;

-- alter column public.workflow_executions.createdAt
ALTER TABLE public.workflow_executions ALTER COLUMN "createdAt" DROP DEFAULT;
-- hazard table-rewrite: changes the type of workflow_executions.createdAt from timestamp(3) without time zone to timestamp with time zone
ALTER TABLE public.workflow_executions ALTER COLUMN "createdAt" TYPE timestamp with time zone USING "createdAt"::timestamp with time zone;
ALTER TABLE public.workflow_executions ALTER COLUMN "createdAt" SET DEFAULT now();

-- alter column public.workflow_executions.finishedAt
-- hazard table-rewrite: changes the type of workflow_executions.finishedAt from timestamp(3) without time zone to timestamp with time zone
ALTER TABLE public.workflow_executions ALTER COLUMN "finishedAt" TYPE timestamp with time zone USING "finishedAt"::timestamp with time zone;

-- alter column public.workflow_executions.id
ALTER TABLE public.workflow_executions ALTER COLUMN id SET DEFAULT gen_random_uuid();

-- alter column public.workflow_executions.startedAt
-- hazard table-rewrite: changes the type of workflow_executions.startedAt from timestamp(3) without time zone to timestamp with time zone
ALTER TABLE public.workflow_executions ALTER COLUMN "startedAt" TYPE timestamp with time zone USING "startedAt"::timestamp with time zone;

-- alter column public.workflow_executions.status
ALTER TABLE public.workflow_executions ALTER COLUMN status DROP DEFAULT;
-- hazard table-rewrite: changes the type of workflow_executions.status from text to public.workflow_execution_status
ALTER TABLE public.workflow_executions ALTER COLUMN status TYPE public.workflow_execution_status USING status::public.workflow_execution_status;
ALTER TABLE public.workflow_executions ALTER COLUMN status SET DEFAULT 'queued'::public.workflow_execution_status;

-- alter column public.workflow_executions.updatedAt
-- hazard table-rewrite: changes the type of workflow_executions.updatedAt from timestamp(3) without time zone to timestamp with time zone
ALTER TABLE public.workflow_executions ALTER COLUMN "updatedAt" TYPE timestamp with time zone USING "updatedAt"::timestamp with time zone;
ALTER TABLE public.workflow_executions ALTER COLUMN "updatedAt" SET DEFAULT now();

-- alter column public.workflow_runs.id
ALTER TABLE public.workflow_runs ALTER COLUMN id SET DEFAULT gen_random_uuid();

-- alter column public.workflow_runs.status
ALTER TABLE public.workflow_runs ALTER COLUMN status DROP DEFAULT;
-- hazard table-rewrite: changes the type of workflow_runs.status from text to public.workflow_run_status
ALTER TABLE public.workflow_runs ALTER COLUMN status TYPE public.workflow_run_status USING status::public.workflow_run_status;
ALTER TABLE public.workflow_runs ALTER COLUMN status SET DEFAULT 'pending'::public.workflow_run_status;

-- create column public.workflow_runs.updatedAt
ALTER TABLE public.workflow_runs ADD COLUMN "updatedAt" timestamp with time zone DEFAULT now() NOT NULL;

-- alter column public.workflow_runs.workflowId
-- hazard table-rewrite: changes the type of workflow_runs.workflowId from text to uuid
ALTER TABLE public.workflow_runs ALTER COLUMN "workflowId" TYPE uuid USING "workflowId"::uuid;

-- alter column public.workflow_versions.createdAt
ALTER TABLE public.workflow_versions ALTER COLUMN "createdAt" DROP DEFAULT;
-- hazard table-rewrite: changes the type of workflow_versions.createdAt from timestamp(3) without time zone to timestamp with time zone
ALTER TABLE public.workflow_versions ALTER COLUMN "createdAt" TYPE timestamp with time zone USING "createdAt"::timestamp with time zone;
ALTER TABLE public.workflow_versions ALTER COLUMN "createdAt" SET DEFAULT now();

-- alter column public.workflow_versions.id
ALTER TABLE public.workflow_versions ALTER COLUMN id SET DEFAULT gen_random_uuid();

-- alter column public.workflow_versions.updatedAt
-- hazard table-rewrite: changes the type of workflow_versions.updatedAt from timestamp(3) without time zone to timestamp with time zone
ALTER TABLE public.workflow_versions ALTER COLUMN "updatedAt" TYPE timestamp with time zone USING "updatedAt"::timestamp with time zone;
ALTER TABLE public.workflow_versions ALTER COLUMN "updatedAt" SET DEFAULT now();

-- alter column public.workflows.id
ALTER TABLE public.workflows ALTER COLUMN id SET DEFAULT gen_random_uuid();

-- drop extension uuid-ossp
-- hazard data-loss: drops extension uuid-ossp and what it provides
DROP EXTENSION "uuid-ossp";

-- create column public.workflows.organizationId
ALTER TABLE public.workflows ADD COLUMN "organizationId" uuid;

-- create constraint public.organization_members.organization_members_organizationId_fkey
-- hazard validation-scan: scans organization_members to validate organization_members_organizationId_fkey
ALTER TABLE public.organization_members ADD CONSTRAINT "organization_members_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES public.organizations(id) ON DELETE CASCADE;

-- create constraint public.organization_members.organization_members_organizationId_userId_key
-- hazard blocks-writes: builds an index on organization_members while holding a lock
ALTER TABLE public.organization_members ADD CONSTRAINT "organization_members_organizationId_userId_key" UNIQUE ("organizationId", "userId");

-- create constraint public.organization_members.organization_members_userId_fkey
-- hazard validation-scan: scans organization_members to validate organization_members_userId_fkey
ALTER TABLE public.organization_members ADD CONSTRAINT "organization_members_userId_fkey" FOREIGN KEY ("userId") REFERENCES public.users(id) ON DELETE CASCADE;

-- create constraint public.organizations.organizations_ownerId_fkey
-- hazard validation-scan: scans organizations to validate organizations_ownerId_fkey
ALTER TABLE public.organizations ADD CONSTRAINT "organizations_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES public.users(id) ON DELETE RESTRICT;

-- create constraint public.organizations.organizations_slug_key
-- hazard blocks-writes: builds an index on organizations while holding a lock
ALTER TABLE public.organizations ADD CONSTRAINT organizations_slug_key UNIQUE (slug);

-- create constraint public.subscriptions.subscriptions_organizationId_fkey
-- hazard validation-scan: scans subscriptions to validate subscriptions_organizationId_fkey
ALTER TABLE public.subscriptions ADD CONSTRAINT "subscriptions_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES public.organizations(id) ON DELETE SET NULL;

-- create constraint public.user_integrations.user_integrations_userId_fkey
-- hazard validation-scan: scans user_integrations to validate user_integrations_userId_fkey
ALTER TABLE public.user_integrations ADD CONSTRAINT "user_integrations_userId_fkey" FOREIGN KEY ("userId") REFERENCES public.users(id) ON DELETE CASCADE;

-- replace constraint public.workflow_executions.workflow_executions_userId_fkey
-- hazard validation-scan: scans workflow_executions to validate workflow_executions_userId_fkey
ALTER TABLE public.workflow_executions ADD CONSTRAINT "workflow_executions_userId_fkey" FOREIGN KEY ("userId") REFERENCES public.users(id) ON DELETE CASCADE;

-- replace constraint public.workflow_executions.workflow_executions_versionId_fkey
-- hazard validation-scan: scans workflow_executions to validate workflow_executions_versionId_fkey
ALTER TABLE public.workflow_executions ADD CONSTRAINT "workflow_executions_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES public.workflow_versions(id) ON DELETE SET NULL;

-- replace constraint public.workflow_executions.workflow_executions_workflowId_fkey
-- hazard validation-scan: scans workflow_executions to validate workflow_executions_workflowId_fkey
ALTER TABLE public.workflow_executions ADD CONSTRAINT "workflow_executions_workflowId_fkey" FOREIGN KEY ("workflowId") REFERENCES public.workflows(id) ON DELETE CASCADE;

-- create constraint public.workflow_runs.workflow_runs_userId_fkey
-- hazard validation-scan: scans workflow_runs to validate workflow_runs_userId_fkey
ALTER TABLE public.workflow_runs ADD CONSTRAINT "workflow_runs_userId_fkey" FOREIGN KEY ("userId") REFERENCES public.users(id) ON DELETE CASCADE;

-- create constraint public.workflow_runs.workflow_runs_workflowId_fkey
-- hazard validation-scan: scans workflow_runs to validate workflow_runs_workflowId_fkey
ALTER TABLE public.workflow_runs ADD CONSTRAINT "workflow_runs_workflowId_fkey" FOREIGN KEY ("workflowId") REFERENCES public.workflows(id) ON DELETE CASCADE;

-- create constraint public.workflow_versions.workflow_versions_createdBy_fkey
-- hazard validation-scan: scans workflow_versions to validate workflow_versions_createdBy_fkey
ALTER TABLE public.workflow_versions ADD CONSTRAINT "workflow_versions_createdBy_fkey" FOREIGN KEY ("createdBy") REFERENCES public.users(id) ON DELETE SET NULL;

-- create constraint public.workflow_versions.workflow_versions_version_check
-- hazard validation-scan: scans workflow_versions to validate workflow_versions_version_check
ALTER TABLE public.workflow_versions ADD CONSTRAINT workflow_versions_version_check CHECK ((version > 0));

-- replace constraint public.workflow_versions.workflow_versions_workflowId_fkey
-- hazard validation-scan: scans workflow_versions to validate workflow_versions_workflowId_fkey
ALTER TABLE public.workflow_versions ADD CONSTRAINT "workflow_versions_workflowId_fkey" FOREIGN KEY ("workflowId") REFERENCES public.workflows(id) ON DELETE CASCADE;

-- create constraint public.workflow_versions.workflow_versions_workflowId_version_key
-- hazard blocks-writes: builds an index on workflow_versions while holding a lock
ALTER TABLE public.workflow_versions ADD CONSTRAINT "workflow_versions_workflowId_version_key" UNIQUE ("workflowId", version);

-- create constraint public.workflows.workflows_organizationId_fkey
-- hazard validation-scan: scans workflows to validate workflows_organizationId_fkey
ALTER TABLE public.workflows ADD CONSTRAINT "workflows_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES public.organizations(id) ON DELETE SET NULL;

-- create index public.audit_logs_resource_idx
-- hazard blocks-writes: blocks writes to audit_logs while the index builds
CREATE INDEX audit_logs_resource_idx ON public.audit_logs USING btree (resource, "resourceId");

-- create index public.organization_members_userId_idx
-- hazard blocks-writes: blocks writes to organization_members while the index builds
CREATE INDEX "organization_members_userId_idx" ON public.organization_members USING btree ("userId");

-- create index public.organizations_ownerId_idx
-- hazard blocks-writes: blocks writes to organizations while the index builds
CREATE INDEX "organizations_ownerId_idx" ON public.organizations USING btree ("ownerId");

-- create index public.subscriptions_organizationId_idx
-- hazard blocks-writes: blocks writes to subscriptions while the index builds
CREATE INDEX "subscriptions_organizationId_idx" ON public.subscriptions USING btree ("organizationId");

-- create index public.user_integrations_provider_isActive_idx
-- hazard blocks-writes: blocks writes to user_integrations while the index builds
CREATE INDEX "user_integrations_provider_isActive_idx" ON public.user_integrations USING btree (provider, "isActive");

-- create index public.user_integrations_userId_idx
-- hazard blocks-writes: blocks writes to user_integrations while the index builds
CREATE INDEX "user_integrations_userId_idx" ON public.user_integrations USING btree ("userId");

-- create index public.workflow_executions_userId_idx
-- hazard blocks-writes: blocks writes to workflow_executions while the index builds
CREATE INDEX "workflow_executions_userId_idx" ON public.workflow_executions USING btree ("userId");

-- create index public.workflow_executions_versionId_idx
-- hazard blocks-writes: blocks writes to workflow_executions while the index builds
CREATE INDEX "workflow_executions_versionId_idx" ON public.workflow_executions USING btree ("versionId");

-- create index public.workflow_executions_workflowId_idx
-- hazard blocks-writes: blocks writes to workflow_executions while the index builds
CREATE INDEX "workflow_executions_workflowId_idx" ON public.workflow_executions USING btree ("workflowId");

-- create index public.workflow_runs_one_pending_per_user_workflow
-- hazard blocks-writes: blocks writes to workflow_runs while the index builds
CREATE UNIQUE INDEX workflow_runs_one_pending_per_user_workflow ON public.workflow_runs USING btree ("userId", "workflowId") WHERE (status = 'pending'::public.workflow_run_status);

-- create index public.workflow_runs_userId_workflowId_idx
-- hazard blocks-writes: blocks writes to workflow_runs while the index builds
CREATE INDEX "workflow_runs_userId_workflowId_idx" ON public.workflow_runs USING btree ("userId", "workflowId");

-- create index public.workflow_runs_workflowId_idx
-- hazard blocks-writes: blocks writes to workflow_runs while the index builds
CREATE INDEX "workflow_runs_workflowId_idx" ON public.workflow_runs USING btree ("workflowId");

-- create index public.workflow_versions_createdBy_idx
-- hazard blocks-writes: blocks writes to workflow_versions while the index builds
CREATE INDEX "workflow_versions_createdBy_idx" ON public.workflow_versions USING btree ("createdBy");

-- create index public.workflows_organizationId_idx
-- hazard blocks-writes: blocks writes to workflows while the index builds
CREATE INDEX "workflows_organizationId_idx" ON public.workflows USING btree ("organizationId");

-- create policy public.audit_logs.audit_logs_select
-- hazard authz-change: creates policy audit_logs_select on audit_logs
CREATE POLICY audit_logs_select ON public.audit_logs FOR SELECT TO authenticated USING ((("userId" = ( SELECT auth.uid() AS uid)) OR public.is_admin()));

-- create policy public.events.events_insert
-- hazard authz-change: creates policy events_insert on events
CREATE POLICY events_insert ON public.events FOR INSERT TO authenticated WITH CHECK (("userId" = ( SELECT auth.uid() AS uid)));

-- create policy public.events.events_select
-- hazard authz-change: creates policy events_select on events
CREATE POLICY events_select ON public.events FOR SELECT TO authenticated USING (("userId" = ( SELECT auth.uid() AS uid)));

-- create policy public.organization_members.organization_members_delete
-- hazard authz-change: creates policy organization_members_delete on organization_members
CREATE POLICY organization_members_delete ON public.organization_members FOR DELETE TO authenticated USING ((public.is_org_admin("organizationId") OR ("userId" = ( SELECT auth.uid() AS uid))));

-- create policy public.organization_members.organization_members_insert
-- hazard authz-change: creates policy organization_members_insert on organization_members
CREATE POLICY organization_members_insert ON public.organization_members FOR INSERT TO authenticated WITH CHECK (public.is_org_admin("organizationId"));

-- create policy public.organization_members.organization_members_select
-- hazard authz-change: creates policy organization_members_select on organization_members
CREATE POLICY organization_members_select ON public.organization_members FOR SELECT TO authenticated USING (public.is_org_member("organizationId"));

-- create policy public.organization_members.organization_members_update
-- hazard authz-change: creates policy organization_members_update on organization_members
CREATE POLICY organization_members_update ON public.organization_members FOR UPDATE TO authenticated USING (public.is_org_admin("organizationId")) WITH CHECK (public.is_org_admin("organizationId"));

-- create policy public.organizations.organizations_delete
-- hazard authz-change: creates policy organizations_delete on organizations
CREATE POLICY organizations_delete ON public.organizations FOR DELETE TO authenticated USING (("ownerId" = ( SELECT auth.uid() AS uid)));

-- create policy public.organizations.organizations_insert
-- hazard authz-change: creates policy organizations_insert on organizations
CREATE POLICY organizations_insert ON public.organizations FOR INSERT TO authenticated WITH CHECK (("ownerId" = ( SELECT auth.uid() AS uid)));

-- create policy public.organizations.organizations_select
-- hazard authz-change: creates policy organizations_select on organizations
CREATE POLICY organizations_select ON public.organizations FOR SELECT TO authenticated USING ((("ownerId" = ( SELECT auth.uid() AS uid)) OR public.is_org_member(id) OR public.is_admin()));

-- create policy public.organizations.organizations_update
-- hazard authz-change: creates policy organizations_update on organizations
CREATE POLICY organizations_update ON public.organizations FOR UPDATE TO authenticated USING ((("ownerId" = ( SELECT auth.uid() AS uid)) OR public.is_org_admin(id))) WITH CHECK ((("ownerId" = ( SELECT auth.uid() AS uid)) OR public.is_org_admin(id)));

-- create policy public.subscriptions.subscriptions_select
-- hazard authz-change: creates policy subscriptions_select on subscriptions
CREATE POLICY subscriptions_select ON public.subscriptions FOR SELECT TO authenticated USING ((("userId" = ( SELECT auth.uid() AS uid)) OR (("organizationId" IS NOT NULL) AND public.is_org_member("organizationId"))));

-- create policy public.user_integrations.user_integrations_delete
-- hazard authz-change: creates policy user_integrations_delete on user_integrations
CREATE POLICY user_integrations_delete ON public.user_integrations FOR DELETE TO authenticated USING (("userId" = ( SELECT auth.uid() AS uid)));

-- create policy public.user_integrations.user_integrations_insert
-- hazard authz-change: creates policy user_integrations_insert on user_integrations
CREATE POLICY user_integrations_insert ON public.user_integrations FOR INSERT TO authenticated WITH CHECK (("userId" = ( SELECT auth.uid() AS uid)));

-- create policy public.user_integrations.user_integrations_select
-- hazard authz-change: creates policy user_integrations_select on user_integrations
CREATE POLICY user_integrations_select ON public.user_integrations FOR SELECT TO authenticated USING (("userId" = ( SELECT auth.uid() AS uid)));

-- create policy public.user_integrations.user_integrations_update
-- hazard authz-change: creates policy user_integrations_update on user_integrations
CREATE POLICY user_integrations_update ON public.user_integrations FOR UPDATE TO authenticated USING (("userId" = ( SELECT auth.uid() AS uid))) WITH CHECK (("userId" = ( SELECT auth.uid() AS uid)));

-- create policy public.users.users_insert
-- hazard authz-change: creates policy users_insert on users
CREATE POLICY users_insert ON public.users FOR INSERT TO authenticated WITH CHECK ((id = ( SELECT auth.uid() AS uid)));

-- create policy public.users.users_select
-- hazard authz-change: creates policy users_select on users
CREATE POLICY users_select ON public.users FOR SELECT TO authenticated USING (((id = ( SELECT auth.uid() AS uid)) OR public.is_admin()));

-- create policy public.users.users_update
-- hazard authz-change: creates policy users_update on users
CREATE POLICY users_update ON public.users FOR UPDATE TO authenticated USING ((id = ( SELECT auth.uid() AS uid))) WITH CHECK ((id = ( SELECT auth.uid() AS uid)));

-- create policy public.workflow_executions.workflow_executions_insert
-- hazard authz-change: creates policy workflow_executions_insert on workflow_executions
CREATE POLICY workflow_executions_insert ON public.workflow_executions FOR INSERT TO authenticated WITH CHECK ((("userId" = ( SELECT auth.uid() AS uid)) AND (EXISTS ( SELECT 1
   FROM public.workflows w
  WHERE (w.id = workflow_executions."workflowId")))));

-- create policy public.workflow_executions.workflow_executions_select
-- hazard authz-change: creates policy workflow_executions_select on workflow_executions
CREATE POLICY workflow_executions_select ON public.workflow_executions FOR SELECT TO authenticated USING (("userId" = ( SELECT auth.uid() AS uid)));

-- create policy public.workflow_runs.workflow_runs_insert
-- hazard authz-change: creates policy workflow_runs_insert on workflow_runs
CREATE POLICY workflow_runs_insert ON public.workflow_runs FOR INSERT TO authenticated WITH CHECK ((("userId" = ( SELECT auth.uid() AS uid)) AND (EXISTS ( SELECT 1
   FROM public.workflows w
  WHERE (w.id = workflow_runs."workflowId")))));

-- create policy public.workflow_runs.workflow_runs_select
-- hazard authz-change: creates policy workflow_runs_select on workflow_runs
CREATE POLICY workflow_runs_select ON public.workflow_runs FOR SELECT TO authenticated USING (("userId" = ( SELECT auth.uid() AS uid)));

-- create policy public.workflow_runs.workflow_runs_update
-- hazard authz-change: creates policy workflow_runs_update on workflow_runs
CREATE POLICY workflow_runs_update ON public.workflow_runs FOR UPDATE TO authenticated USING (("userId" = ( SELECT auth.uid() AS uid))) WITH CHECK (("userId" = ( SELECT auth.uid() AS uid)));

-- create policy public.workflow_versions.workflow_versions_insert
-- hazard authz-change: creates policy workflow_versions_insert on workflow_versions
CREATE POLICY workflow_versions_insert ON public.workflow_versions FOR INSERT TO authenticated WITH CHECK ((EXISTS ( SELECT 1
   FROM public.workflows w
  WHERE ((w.id = workflow_versions."workflowId") AND (w."userId" = ( SELECT auth.uid() AS uid))))));

-- create policy public.workflow_versions.workflow_versions_select
-- hazard authz-change: creates policy workflow_versions_select on workflow_versions
CREATE POLICY workflow_versions_select ON public.workflow_versions FOR SELECT TO authenticated USING ((EXISTS ( SELECT 1
   FROM public.workflows w
  WHERE (w.id = workflow_versions."workflowId"))));

-- create policy public.workflows.workflows_delete
-- hazard authz-change: creates policy workflows_delete on workflows
CREATE POLICY workflows_delete ON public.workflows FOR DELETE TO authenticated USING (("userId" = ( SELECT auth.uid() AS uid)));

-- create policy public.workflows.workflows_insert
-- hazard authz-change: creates policy workflows_insert on workflows
CREATE POLICY workflows_insert ON public.workflows FOR INSERT TO authenticated WITH CHECK ((("userId" = ( SELECT auth.uid() AS uid)) AND (("organizationId" IS NULL) OR public.is_org_member("organizationId"))));

-- create policy public.workflows.workflows_select
-- hazard authz-change: creates policy workflows_select on workflows
CREATE POLICY workflows_select ON public.workflows FOR SELECT TO authenticated USING ((("userId" = ( SELECT auth.uid() AS uid)) OR (("organizationId" IS NOT NULL) AND public.is_org_member("organizationId"))));

-- create policy public.workflows.workflows_update
-- hazard authz-change: creates policy workflows_update on workflows
CREATE POLICY workflows_update ON public.workflows FOR UPDATE TO authenticated USING (("userId" = ( SELECT auth.uid() AS uid))) WITH CHECK ((("userId" = ( SELECT auth.uid() AS uid)) AND (("organizationId" IS NULL) OR public.is_org_member("organizationId"))));

-- create trigger public.organization_members.set_updated_at
CREATE TRIGGER set_updated_at BEFORE UPDATE ON public.organization_members FOR EACH ROW EXECUTE FUNCTION public.set_updated_at();

-- create trigger public.organizations.set_updated_at
CREATE TRIGGER set_updated_at BEFORE UPDATE ON public.organizations FOR EACH ROW EXECUTE FUNCTION public.set_updated_at();

-- create trigger public.subscriptions.set_updated_at
CREATE TRIGGER set_updated_at BEFORE UPDATE ON public.subscriptions FOR EACH ROW EXECUTE FUNCTION public.set_updated_at();

-- create trigger public.user_integrations.set_updated_at
CREATE TRIGGER set_updated_at BEFORE UPDATE ON public.user_integrations FOR EACH ROW EXECUTE FUNCTION public.set_updated_at();

-- create trigger public.users.set_updated_at
CREATE TRIGGER set_updated_at BEFORE UPDATE ON public.users FOR EACH ROW EXECUTE FUNCTION public.set_updated_at();

-- create trigger public.workflow_executions.set_updated_at
CREATE TRIGGER set_updated_at BEFORE UPDATE ON public.workflow_executions FOR EACH ROW EXECUTE FUNCTION public.set_updated_at();

-- create trigger public.workflow_runs.set_updated_at
CREATE TRIGGER set_updated_at BEFORE UPDATE ON public.workflow_runs FOR EACH ROW EXECUTE FUNCTION public.set_updated_at();

-- create trigger public.workflow_versions.set_updated_at
CREATE TRIGGER set_updated_at BEFORE UPDATE ON public.workflow_versions FOR EACH ROW EXECUTE FUNCTION public.set_updated_at();

-- create trigger public.workflows.set_updated_at
CREATE TRIGGER set_updated_at BEFORE UPDATE ON public.workflows FOR EACH ROW EXECUTE FUNCTION public.set_updated_at();

-- create grant on function public.is_admin() to PUBLIC
-- hazard authz-change: privileges of PUBLIC on FUNCTION public.is_admin()
REVOKE EXECUTE ON FUNCTION public.is_admin() FROM PUBLIC;

-- create grant on function public.is_admin() to authenticated
-- hazard authz-change: privileges of authenticated on FUNCTION public.is_admin()
GRANT EXECUTE ON FUNCTION public.is_admin() TO authenticated;

-- create grant on function public.is_org_admin(uuid) to PUBLIC
-- hazard authz-change: privileges of PUBLIC on FUNCTION public.is_org_admin(uuid)
REVOKE EXECUTE ON FUNCTION public.is_org_admin(uuid) FROM PUBLIC;

-- create grant on function public.is_org_admin(uuid) to authenticated
-- hazard authz-change: privileges of authenticated on FUNCTION public.is_org_admin(uuid)
GRANT EXECUTE ON FUNCTION public.is_org_admin(uuid) TO authenticated;

-- create grant on function public.is_org_member(uuid) to PUBLIC
-- hazard authz-change: privileges of PUBLIC on FUNCTION public.is_org_member(uuid)
REVOKE EXECUTE ON FUNCTION public.is_org_member(uuid) FROM PUBLIC;

-- create grant on function public.is_org_member(uuid) to authenticated
-- hazard authz-change: privileges of authenticated on FUNCTION public.is_org_member(uuid)
GRANT EXECUTE ON FUNCTION public.is_org_member(uuid) TO authenticated;

-- create grant on schema public to authenticated
-- hazard authz-change: privileges of authenticated on SCHEMA public
GRANT USAGE ON SCHEMA public TO authenticated;

-- alter grant on table public.audit_logs to authenticated
-- hazard authz-change: privileges of authenticated on TABLE public.audit_logs
REVOKE DELETE, INSERT, UPDATE ON TABLE public.audit_logs FROM authenticated;

-- alter grant on table public.events to authenticated
-- hazard authz-change: privileges of authenticated on TABLE public.events
REVOKE DELETE, UPDATE ON TABLE public.events FROM authenticated;

-- create grant on table public.organization_members to authenticated
-- hazard authz-change: privileges of authenticated on TABLE public.organization_members
GRANT DELETE, INSERT, SELECT, UPDATE ON TABLE public.organization_members TO authenticated;

-- create grant on table public.organizations to authenticated
-- hazard authz-change: privileges of authenticated on TABLE public.organizations
GRANT DELETE, INSERT, SELECT, UPDATE ON TABLE public.organizations TO authenticated;

-- alter grant on table public.subscriptions to authenticated
-- hazard authz-change: privileges of authenticated on TABLE public.subscriptions
REVOKE DELETE, INSERT, UPDATE ON TABLE public.subscriptions FROM authenticated;

-- create grant on table public.user_integrations to authenticated
-- hazard authz-change: privileges of authenticated on TABLE public.user_integrations
GRANT DELETE, INSERT, SELECT, UPDATE ON TABLE public.user_integrations TO authenticated;

-- alter grant on table public.users to authenticated
-- hazard authz-change: privileges of authenticated on TABLE public.users
REVOKE DELETE ON TABLE public.users FROM authenticated;

-- create grant on table public.workflow_executions to authenticated
-- hazard authz-change: privileges of authenticated on TABLE public.workflow_executions
GRANT INSERT, SELECT ON TABLE public.workflow_executions TO authenticated;

-- alter grant on table public.workflow_runs to authenticated
-- hazard authz-change: privileges of authenticated on TABLE public.workflow_runs
REVOKE DELETE ON TABLE public.workflow_runs FROM authenticated;

-- create grant on table public.workflow_versions to authenticated
-- hazard authz-change: privileges of authenticated on TABLE public.workflow_versions
GRANT INSERT, SELECT ON TABLE public.workflow_versions TO authenticated;

-- data table public.audit_logs
-- hazard data-step: copies the rows of table public.audit_log into table public.audit_logs
INSERT INTO public.audit_logs ("userId", action, resource, "resourceId", metadata, "timestamp")
SELECT (SELECT u.id FROM public.users u WHERE u.id = user_id), action, meta->>'resource', meta->>'resourceId', coalesce(meta, '{}'::jsonb), coalesce(ts, now())
FROM public.audit_log;

-- drop table public.audit_log
-- hazard data-step: its rows were copied by the data step above
DROP TABLE public.audit_log;

-- data table public.events
-- hazard data-step: copies the rows of table public.telemetry_events into table public.events
INSERT INTO public.events ("userId", "eventType", app, "filePath", metadata, "timestamp")
SELECT (SELECT u.id FROM public.users u WHERE u.id = user_id), coalesce(type, 'unknown'), app, path, coalesce(meta, '{}'::jsonb), coalesce(ts, now())
FROM public.telemetry_events;

-- drop table public.telemetry_events
-- hazard data-step: its rows were copied by the data step above
DROP TABLE public.telemetry_events;
