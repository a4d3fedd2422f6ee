-- Helper functions for row-level security. SECURITY DEFINER so that policies on organization_members can call
-- them without recursing into their own RLS; `SET search_path = ''` and fully qualified names so that a caller
-- cannot shadow public.users or auth.uid() with objects of their own.

CREATE FUNCTION public.is_admin() RETURNS boolean
  LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = ''
AS $$
  SELECT EXISTS (
    SELECT 1 FROM public.users u
    WHERE u.id = (SELECT auth.uid()) AND u.role = 'admin'::public.user_role
  )
$$;

COMMENT ON FUNCTION public.is_admin() IS 'true when the signed-in user has role admin';

CREATE FUNCTION public.is_org_member(org uuid) RETURNS boolean
  LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = ''
AS $$
  SELECT EXISTS (
    SELECT 1 FROM public.organization_members m
    WHERE m."organizationId" = org AND m."userId" = (SELECT auth.uid())
  )
$$;

COMMENT ON FUNCTION public.is_org_member(uuid) IS 'true when the signed-in user belongs to organization org';

CREATE FUNCTION public.is_org_admin(org uuid) RETURNS boolean
  LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = ''
AS $$
  SELECT EXISTS (
    SELECT 1 FROM public.organization_members m
    WHERE m."organizationId" = org
      AND m."userId" = (SELECT auth.uid())
      AND m.role IN ('owner'::public.organization_role, 'admin'::public.organization_role)
  )
$$;

COMMENT ON FUNCTION public.is_org_admin(uuid) IS 'true when the signed-in user is an owner or admin of organization org';
