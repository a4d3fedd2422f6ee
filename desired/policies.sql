-- Row-level security policies. One pattern everywhere: per-command policies for the `authenticated` role,
-- ownership through (SELECT auth.uid()) (evaluated once per statement, not per row), organization access through
-- the SECURITY DEFINER helpers in functions.sql. No service_role policies: service_role bypasses RLS. Writes
-- without a policy here (billing, executions, audit) are done by the service role.

-- users: read and edit your own profile; admins read everyone
CREATE POLICY users_select ON public.users FOR SELECT TO authenticated
  USING (id = (SELECT auth.uid()) OR public.is_admin());
CREATE POLICY users_insert ON public.users FOR INSERT TO authenticated
  WITH CHECK (id = (SELECT auth.uid()));
CREATE POLICY users_update ON public.users FOR UPDATE TO authenticated
  USING (id = (SELECT auth.uid()))
  WITH CHECK (id = (SELECT auth.uid()));

-- organizations: members read, the owner and organization admins edit, users create organizations they own
CREATE POLICY organizations_select ON public.organizations FOR SELECT TO authenticated
  USING ("ownerId" = (SELECT auth.uid()) OR public.is_org_member(id) OR public.is_admin());
CREATE POLICY organizations_insert ON public.organizations FOR INSERT TO authenticated
  WITH CHECK ("ownerId" = (SELECT auth.uid()));
CREATE POLICY organizations_update ON public.organizations FOR UPDATE TO authenticated
  USING ("ownerId" = (SELECT auth.uid()) OR public.is_org_admin(id))
  WITH CHECK ("ownerId" = (SELECT auth.uid()) OR public.is_org_admin(id));
CREATE POLICY organizations_delete ON public.organizations FOR DELETE TO authenticated
  USING ("ownerId" = (SELECT auth.uid()));

-- organization_members: members see the roster, organization admins manage it
CREATE POLICY organization_members_select ON public.organization_members FOR SELECT TO authenticated
  USING (public.is_org_member("organizationId"));
CREATE POLICY organization_members_insert ON public.organization_members FOR INSERT TO authenticated
  WITH CHECK (public.is_org_admin("organizationId"));
CREATE POLICY organization_members_update ON public.organization_members FOR UPDATE TO authenticated
  USING (public.is_org_admin("organizationId"))
  WITH CHECK (public.is_org_admin("organizationId"));
CREATE POLICY organization_members_delete ON public.organization_members FOR DELETE TO authenticated
  USING (public.is_org_admin("organizationId") OR "userId" = (SELECT auth.uid()));

-- subscriptions: your own, or your organization's; written by the billing webhook (service role)
CREATE POLICY subscriptions_select ON public.subscriptions FOR SELECT TO authenticated
  USING ("userId" = (SELECT auth.uid()) OR ("organizationId" IS NOT NULL AND public.is_org_member("organizationId")));

-- workflows: owners manage; organization members read shared workflows
CREATE POLICY workflows_select ON public.workflows FOR SELECT TO authenticated
  USING ("userId" = (SELECT auth.uid()) OR ("organizationId" IS NOT NULL AND public.is_org_member("organizationId")));
CREATE POLICY workflows_insert ON public.workflows FOR INSERT TO authenticated
  WITH CHECK ("userId" = (SELECT auth.uid()) AND ("organizationId" IS NULL OR public.is_org_member("organizationId")));
CREATE POLICY workflows_update ON public.workflows FOR UPDATE TO authenticated
  USING ("userId" = (SELECT auth.uid()))
  WITH CHECK ("userId" = (SELECT auth.uid()) AND ("organizationId" IS NULL OR public.is_org_member("organizationId")));
CREATE POLICY workflows_delete ON public.workflows FOR DELETE TO authenticated
  USING ("userId" = (SELECT auth.uid()));

-- workflow_versions: visible with their workflow; the workflow's owner adds versions
CREATE POLICY workflow_versions_select ON public.workflow_versions FOR SELECT TO authenticated
  USING (EXISTS (SELECT 1 FROM public.workflows w WHERE w.id = "workflowId"));
CREATE POLICY workflow_versions_insert ON public.workflow_versions FOR INSERT TO authenticated
  WITH CHECK (EXISTS (SELECT 1 FROM public.workflows w WHERE w.id = "workflowId" AND w."userId" = (SELECT auth.uid())));

-- workflow_executions: your own; started for a workflow you can see; progress is written by the worker
CREATE POLICY workflow_executions_select ON public.workflow_executions FOR SELECT TO authenticated
  USING ("userId" = (SELECT auth.uid()));
CREATE POLICY workflow_executions_insert ON public.workflow_executions FOR INSERT TO authenticated
  WITH CHECK ("userId" = (SELECT auth.uid()) AND EXISTS (SELECT 1 FROM public.workflows w WHERE w.id = "workflowId"));

-- workflow_runs: your own; you may start and cancel them
CREATE POLICY workflow_runs_select ON public.workflow_runs FOR SELECT TO authenticated
  USING ("userId" = (SELECT auth.uid()));
CREATE POLICY workflow_runs_insert ON public.workflow_runs FOR INSERT TO authenticated
  WITH CHECK ("userId" = (SELECT auth.uid()) AND EXISTS (SELECT 1 FROM public.workflows w WHERE w.id = "workflowId"));
CREATE POLICY workflow_runs_update ON public.workflow_runs FOR UPDATE TO authenticated
  USING ("userId" = (SELECT auth.uid()))
  WITH CHECK ("userId" = (SELECT auth.uid()));

-- user_integrations: entirely your own
CREATE POLICY user_integrations_select ON public.user_integrations FOR SELECT TO authenticated
  USING ("userId" = (SELECT auth.uid()));
CREATE POLICY user_integrations_insert ON public.user_integrations FOR INSERT TO authenticated
  WITH CHECK ("userId" = (SELECT auth.uid()));
CREATE POLICY user_integrations_update ON public.user_integrations FOR UPDATE TO authenticated
  USING ("userId" = (SELECT auth.uid()))
  WITH CHECK ("userId" = (SELECT auth.uid()));
CREATE POLICY user_integrations_delete ON public.user_integrations FOR DELETE TO authenticated
  USING ("userId" = (SELECT auth.uid()));

-- events: record and read your own
CREATE POLICY events_select ON public.events FOR SELECT TO authenticated
  USING ("userId" = (SELECT auth.uid()));
CREATE POLICY events_insert ON public.events FOR INSERT TO authenticated
  WITH CHECK ("userId" = (SELECT auth.uid()));

-- audit_logs: read your own trail, admins read all; written only by the service role
CREATE POLICY audit_logs_select ON public.audit_logs FOR SELECT TO authenticated
  USING ("userId" = (SELECT auth.uid()) OR public.is_admin());
