-- User triggers (constraint-enforcement triggers are internal and skipped).
select n.nspname as schema,
       c.relname as table,
       t.tgname as name,
       ds.description as comment,
       'pg_trigger'::regclass::oid::text || ':' || t.oid::text || ':0' as ref,
       pg_get_triggerdef(t.oid) as definition,
       t.tgenabled as enabled,
       fn.nspname as function_schema,
       f.proname as function_name
from pg_trigger t
join pg_class c on c.oid = t.tgrelid
join pg_namespace n on n.oid = c.relnamespace
join pg_proc f on f.oid = t.tgfoid
join pg_namespace fn on fn.oid = f.pronamespace
left join pg_description ds on ds.objoid = t.oid and ds.classoid = 'pg_trigger'::regclass and ds.objsubid = 0
where n.nspname = any($1::text[])
  and not t.tgisinternal
  and t.tgparentid = 0
