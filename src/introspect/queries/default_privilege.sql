-- ALTER DEFAULT PRIVILEGES: one row per (creating role, schema or global, object type, grantee). A global
-- entry stores the whole ACL, so entries equal to the built-in default (acldefault) and the creating role's own
-- privileges are left out; a grantee the default names but the entry revokes appears with no privileges.
with entries as (
  select d.oid, d.defaclrole as role, d.defaclnamespace as nsp, d.defaclobjtype as objtype, d.defaclacl as acl,
         case when d.defaclnamespace = 0 then acldefault(d.defaclobjtype, d.defaclrole) else '{}'::aclitem[] end as defacl
  from pg_default_acl d
  left join pg_namespace n on n.oid = d.defaclnamespace
  where d.defaclnamespace = 0 or n.nspname = any($1::text[])
),
actual as (
  select x.oid, e.grantee,
         array_agg(distinct e.privilege_type::text) as privileges,
         coalesce(array_agg(distinct e.privilege_type::text) filter (where e.is_grantable), '{}') as grantable
  from entries x cross join lateral aclexplode(x.acl) e
  where e.grantee <> x.role
  group by x.oid, e.grantee
),
base as (
  select x.oid, e.grantee,
         array_agg(distinct e.privilege_type::text) as privileges,
         coalesce(array_agg(distinct e.privilege_type::text) filter (where e.is_grantable), '{}') as grantable
  from entries x cross join lateral aclexplode(case when cardinality(x.defacl) > 0 then x.defacl end) e
  where e.grantee <> x.role
  group by x.oid, e.grantee
)
select pg_get_userbyid(x.role)::text as role,
       n.nspname as schema,
       x.objtype::text as objtype,
       case when g.grantee = 0 then 'PUBLIC' else pg_get_userbyid(g.grantee)::text end as grantee,
       coalesce(a.privileges, '{}') as privileges,
       coalesce(a.grantable, '{}') as grantable,
       'pg_default_acl:' || x.oid::text || ':' || g.grantee::text as ref
from entries x
left join pg_namespace n on n.oid = x.nsp
join (select oid, grantee from actual union select oid, grantee from base) g on g.oid = x.oid
left join actual a on a.oid = g.oid and a.grantee = g.grantee
left join base b on b.oid = g.oid and b.grantee = g.grantee
where (a.privileges, a.grantable) is distinct from (b.privileges, b.grantable)
