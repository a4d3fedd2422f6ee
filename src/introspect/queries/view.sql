-- Views and materialized views.
select n.nspname as schema,
       c.relname as name,
       c.relkind as relkind,
       obj_description(c.oid, 'pg_class') as comment,
       'pg_class'::regclass::oid::text || ':' || c.oid::text || ':0' as ref,
       pg_get_viewdef(c.oid) as definition,
       coalesce(c.reloptions, '{}')::text[] as options,
       coalesce((select json_agg(json_build_object('name', a.attname, 'type', format_type(a.atttypid, a.atttypmod)) order by a.attnum)
                 from pg_attribute a where a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped), '[]'::json) as columns,
       -- COMMENT ON COLUMN of a view's or materialized view's column (PostgREST and pg_graphql publish them)
       coalesce((select json_object_agg(a.attname, ds.description order by a.attname)
                 from pg_attribute a
                 join pg_description ds on ds.objoid = c.oid and ds.classoid = 'pg_class'::regclass and ds.objsubid = a.attnum
                 where a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped), '{}'::json) as column_comments
from pg_class c
join pg_namespace n on n.oid = c.relnamespace
where n.nspname = any($1::text[])
  and c.relkind in ('v', 'm')
  and not exists (select 1 from pg_depend d
                  where d.classid = 'pg_class'::regclass and d.objid = c.oid and d.deptype = 'e')
