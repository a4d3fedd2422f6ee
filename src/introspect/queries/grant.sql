-- Privileges granted on managed objects (relations, columns, functions, schemas, types), one row per object and
-- grantee. The owner's own privileges are not grants. A NULL ACL means the built-in default (acldefault); rows
-- equal to that default are left out, and a grantee the default names but the ACL no longer does (REVOKE EXECUTE
-- … FROM PUBLIC) appears with no privileges.
with objs as (
  select case c.relkind when 'S' then 'sequence' when 'v' then 'view' when 'm' then 'matview' else 'table' end as on_kind,
         n.nspname as schema, c.relname as name, null::text[] as args, null::text as column_name,
         c.relowner as owner, c.relacl as acl,
         acldefault(case c.relkind when 'S' then 's' else 'r' end::"char", c.relowner) as defacl,
         'pg_class'::regclass::oid::text || ':' || c.oid::text || ':0' as on_ref
  from pg_class c join pg_namespace n on n.oid = c.relnamespace
  where n.nspname = any($1::text[]) and c.relkind in ('r', 'p', 'v', 'm', 'S')
    and not exists (select 1 from pg_depend d where d.classid = 'pg_class'::regclass and d.objid = c.oid and d.deptype = 'e')
  union all
  select case c.relkind when 'v' then 'view' when 'm' then 'matview' else 'table' end,
         n.nspname, c.relname, null, a.attname::text, c.relowner, a.attacl, '{}'::aclitem[],
         'pg_class'::regclass::oid::text || ':' || c.oid::text || ':' || a.attnum::text
  from pg_attribute a join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace
  where n.nspname = any($1::text[]) and c.relkind in ('r', 'p', 'v', 'm')
    and a.attnum > 0 and not a.attisdropped and a.attacl is not null
    and not exists (select 1 from pg_depend d where d.classid = 'pg_class'::regclass and d.objid = c.oid and d.deptype = 'e')
  union all
  select 'function', n.nspname, p.proname,
         array(select format_type(t, null) from unnest(p.proargtypes::oid[]) with ordinality u(t, ord) order by u.ord),
         null, p.proowner, p.proacl, acldefault('f', p.proowner),
         'pg_proc'::regclass::oid::text || ':' || p.oid::text || ':0'
  from pg_proc p join pg_namespace n on n.oid = p.pronamespace
  where n.nspname = any($1::text[]) and p.prokind in ('f', 'p', 'a')
    and not exists (select 1 from pg_depend d where d.classid = 'pg_proc'::regclass and d.objid = p.oid and d.deptype in ('e', 'i'))
  union all
  -- initdb gives schema public a non-default ACL: PUBLIC may use it (and create in it before PostgreSQL 15)
  select 'schema', null, n.nspname, null, null, n.nspowner, n.nspacl,
         case when n.nspname = 'public'
              then acldefault('n', n.nspowner) || makeaclitem(0, n.nspowner,
                     case when current_setting('server_version_num')::int >= 150000 then 'USAGE' else 'USAGE, CREATE' end, false)
              else acldefault('n', n.nspowner) end,
         'pg_namespace'::regclass::oid::text || ':' || n.oid::text || ':0'
  from pg_namespace n
  where n.nspname = any($1::text[])
  union all
  select 'type', n.nspname, t.typname, null, null, t.typowner, t.typacl, acldefault('T', t.typowner),
         'pg_type'::regclass::oid::text || ':' || t.oid::text || ':0'
  from pg_type t join pg_namespace n on n.oid = t.typnamespace
  where n.nspname = any($1::text[])
    and (t.typtype in ('e', 'd', 'r')
         or (t.typtype = 'c' and exists (select 1 from pg_class c where c.oid = t.typrelid and c.relkind = 'c')))
    and not exists (select 1 from pg_depend d where d.classid = 'pg_type'::regclass and d.objid = t.oid and d.deptype = 'e')
),
actual as (
  select o.on_ref, e.grantee,
         array_agg(distinct e.privilege_type::text) as privileges,
         coalesce(array_agg(distinct e.privilege_type::text) filter (where e.is_grantable), '{}') as grantable
  from objs o cross join lateral aclexplode(coalesce(o.acl, o.defacl)) e
  where e.grantee <> o.owner
  group by o.on_ref, e.grantee
),
base as (
  select o.on_ref, e.grantee,
         array_agg(distinct e.privilege_type::text) as privileges,
         coalesce(array_agg(distinct e.privilege_type::text) filter (where e.is_grantable), '{}') as grantable
  from objs o cross join lateral aclexplode(case when cardinality(o.defacl) > 0 then o.defacl end) e
  where e.grantee <> o.owner
  group by o.on_ref, e.grantee
)
select o.on_kind, o.schema, o.name, o.args, o.column_name,
       case when g.grantee = 0 then 'PUBLIC' else pg_get_userbyid(g.grantee)::text end as grantee,
       coalesce(a.privileges, '{}') as privileges,
       coalesce(a.grantable, '{}') as grantable,
       'grant:' || o.on_ref || ':' || g.grantee::text as ref,
       array[o.on_ref] as depends_on
from objs o
join (select on_ref, grantee from actual union select on_ref, grantee from base) g on g.on_ref = o.on_ref
left join actual a on a.on_ref = g.on_ref and a.grantee = g.grantee
left join base b on b.on_ref = g.on_ref and b.grantee = g.grantee
where (a.privileges, a.grantable) is distinct from (b.privileges, b.grantable)
