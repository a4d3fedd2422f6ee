-- Enums, domains, standalone composite types and range types in managed schemas, not owned by an extension.
select n.nspname as schema,
       t.typname as name,
       t.typtype as typtype,
       obj_description(t.oid, 'pg_type') as comment,
       'pg_type'::regclass::oid::text || ':' || t.oid::text || ':0' as ref,
       array(select e.enumlabel::text from pg_enum e where e.enumtypid = t.oid order by e.enumsortorder) as enum_values,
       case when t.typtype = 'd' then format_type(t.typbasetype, t.typtypmod) end as base_type,
       t.typnotnull as not_null,
       case when t.typtype = 'd' then pg_get_expr(t.typdefaultbin, 0) end as default_expr,
       case when t.typtype = 'd' and t.typcollation <> 0 and t.typcollation <> bt.typcollation
            then quote_ident(cn.nspname) || '.' || quote_ident(co.collname) end as collation,
       coalesce((select json_agg(json_build_object('name', c.conname, 'definition', pg_get_constraintdef(c.oid)) order by c.conname)
                 -- PostgreSQL 18 also records a domain's NOT NULL as a constraint (contype 'n'): typnotnull says it
                 from pg_constraint c where c.contypid = t.oid and c.contype = 'c'), '[]'::json) as checks,
       coalesce((select json_agg(json_build_object(
                   'name', a.attname, 'type', format_type(a.atttypid, a.atttypmod),
                   'collation', case when a.attcollation <> 0 and a.attcollation <> at.typcollation
                                     then (select quote_ident(cn2.nspname) || '.' || quote_ident(co2.collname)
                                           from pg_collation co2 join pg_namespace cn2 on cn2.oid = co2.collnamespace
                                           where co2.oid = a.attcollation) end) order by a.attnum)
                 from pg_attribute a join pg_type at on at.oid = a.atttypid
                 where t.typtype = 'c' and a.attrelid = t.typrelid and a.attnum > 0 and not a.attisdropped), '[]'::json) as attributes,
       coalesce((select json_object_agg(a.attname, ds.description order by a.attname)
                 from pg_attribute a
                 join pg_description ds on ds.objoid = t.typrelid and ds.classoid = 'pg_class'::regclass and ds.objsubid = a.attnum
                 where t.typtype = 'c' and a.attrelid = t.typrelid and a.attnum > 0 and not a.attisdropped), '{}'::json) as attribute_comments,
       case when t.typtype = 'r' then (select format_type(r.rngsubtype, null) from pg_range r where r.rngtypid = t.oid) end as subtype,
       case when t.typtype = 'r' then (
         select concat_ws(', ',
           'SUBTYPE = ' || format_type(r.rngsubtype, null),
           case when r.rngsubopc <> 0 then 'SUBTYPE_OPCLASS = ' || (select quote_ident(opcname) from pg_opclass where oid = r.rngsubopc) end,
           case when r.rngcollation <> 0 then 'COLLATION = ' || (select quote_ident(collname) from pg_collation where oid = r.rngcollation) end,
           case when r.rngcanonical <> 0 then 'CANONICAL = ' || r.rngcanonical::regproc::text end,
           case when r.rngsubdiff <> 0 then 'SUBTYPE_DIFF = ' || r.rngsubdiff::regproc::text end)
         from pg_range r where r.rngtypid = t.oid) end as range_definition
from pg_type t
join pg_namespace n on n.oid = t.typnamespace
left join pg_type bt on bt.oid = t.typbasetype
left join pg_collation co on co.oid = t.typcollation
left join pg_namespace cn on cn.oid = co.collnamespace
where n.nspname = any($1::text[])
  and (t.typtype in ('e', 'd', 'r')
       or (t.typtype = 'c' and exists (select 1 from pg_class c where c.oid = t.typrelid and c.relkind = 'c')))
  and not exists (select 1 from pg_depend d
                  where d.classid = 'pg_type'::regclass and d.objid = t.oid and d.deptype = 'e')
