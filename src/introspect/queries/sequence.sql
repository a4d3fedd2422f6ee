-- Sequences, except those that belong to identity columns (they are part of the column).
select n.nspname as schema,
       c.relname as name,
       obj_description(c.oid, 'pg_class') as comment,
       'pg_class'::regclass::oid::text || ':' || c.oid::text || ':0' as ref,
       format_type(s.seqtypid, null) as data_type,
       s.seqstart::text as start,
       s.seqincrement::text as increment,
       s.seqmin::text as min,
       s.seqmax::text as max,
       s.seqcache::text as cache,
       s.seqcycle as cycle,
       (select json_build_object('table', tc.relname, 'column', a.attname)
        from pg_depend d join pg_class tc on tc.oid = d.refobjid
        join pg_attribute a on a.attrelid = d.refobjid and a.attnum = d.refobjsubid
        where d.classid = 'pg_class'::regclass and d.objid = c.oid and d.refclassid = 'pg_class'::regclass
          and d.deptype = 'a' and tc.relnamespace = c.relnamespace) as owned_by
from pg_class c
join pg_namespace n on n.oid = c.relnamespace
join pg_sequence s on s.seqrelid = c.oid
where n.nspname = any($1::text[])
  and c.relkind = 'S'
  and not exists (select 1 from pg_depend d
                  where d.classid = 'pg_class'::regclass and d.objid = c.oid and d.deptype in ('i', 'e'))
