-- Managed schemas. $1: schema names.
select n.nspname as name,
       pg_get_userbyid(n.nspowner) as owner,
       obj_description(n.oid, 'pg_namespace') as comment,
       'pg_namespace'::regclass::oid::text || ':' || n.oid::text || ':0' as ref
from pg_namespace n
where n.nspname = any($1::text[])
