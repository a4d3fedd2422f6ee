-- Extensions installed into a managed schema (plpgsql is always there and never managed).
select e.extname as name,
       n.nspname as schema,
       obj_description(e.oid, 'pg_extension') as comment,
       'pg_extension'::regclass::oid::text || ':' || e.oid::text || ':0' as ref
from pg_extension e
join pg_namespace n on n.oid = e.extnamespace
where n.nspname = any($1::text[]) and e.extname <> 'plpgsql'
