-- Ordinary and partitioned tables in managed schemas.
select n.nspname as schema,
       c.relname as name,
       ds.description as comment,
       'pg_class'::regclass::oid::text || ':' || c.oid::text || ':0' as ref,
       c.relpersistence as persistence,
       c.relrowsecurity as rls,
       c.relforcerowsecurity as force_rls,
       coalesce(c.reloptions, '{}')::text[] as options,
       case c.relreplident when 'f' then 'FULL' when 'n' then 'NOTHING'
         when 'i' then coalesce((select 'USING INDEX ' || quote_ident(ic.relname) from pg_index i join pg_class ic on ic.oid = i.indexrelid
                                 where i.indrelid = c.oid and i.indisreplident), 'DEFAULT')
         else 'DEFAULT' end as replica_identity,
       case when c.relkind = 'p' then pg_get_partkeydef(c.oid) end as partition_key,
       case when c.relispartition then (
         select json_build_object('schema', pn.nspname, 'name', pc.relname, 'bound', pg_get_expr(c.relpartbound, c.oid))
         from pg_inherits i join pg_class pc on pc.oid = i.inhparent join pg_namespace pn on pn.oid = pc.relnamespace
         where i.inhrelid = c.oid) end as partition_of,
       case when c.relispartition then '[]'::json else coalesce((
         select json_agg(json_build_object('schema', pn.nspname, 'name', pc.relname) order by i.inhseqno)
         from pg_inherits i join pg_class pc on pc.oid = i.inhparent join pg_namespace pn on pn.oid = pc.relnamespace
         where i.inhrelid = c.oid), '[]'::json) end as inherits
from pg_class c
join pg_namespace n on n.oid = c.relnamespace
left join pg_description ds on ds.objoid = c.oid and ds.classoid = 'pg_class'::regclass and ds.objsubid = 0
where n.nspname = any($1::text[])
  and c.relkind in ('r', 'p')
  and not exists (select 1 from pg_depend d
                  where d.classid = 'pg_class'::regclass and d.objid = c.oid and d.deptype = 'e')
