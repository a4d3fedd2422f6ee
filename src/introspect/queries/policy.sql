-- Row-level security policies.
select n.nspname as schema,
       c.relname as table,
       p.polname as name,
       ds.description as comment,
       'pg_policy'::regclass::oid::text || ':' || p.oid::text || ':0' as ref,
       p.polpermissive as permissive,
       p.polcmd as command,
       array(select case when r = 0 then 'public' else pg_get_userbyid(r)::text end
             from unnest(p.polroles) r order by 1) as roles,
       pg_get_expr(p.polqual, p.polrelid) as using_expr,
       pg_get_expr(p.polwithcheck, p.polrelid) as check_expr
from pg_policy p
join pg_class c on c.oid = p.polrelid
join pg_namespace n on n.oid = c.relnamespace
left join pg_description ds on ds.objoid = p.oid and ds.classoid = 'pg_policy'::regclass and ds.objsubid = 0
where n.nspname = any($1::text[])
