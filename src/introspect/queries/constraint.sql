-- Table constraints. NOT NULL is a column property here: PostgreSQL 18 also records it as a 'n' row, skipped.
-- Inherited constraints belong to the parent, except a partition's PRIMARY KEY / UNIQUE / EXCLUDE attached to the
-- parent's (conparentid): its index is the partition's own, which pg_dump and the plan name. A constraint whose
-- index is attached to a parent index (pg_inherits) names that index, or the parent's constraint it backs.
select n.nspname as schema,
       c.relname as table,
       k.conname as name,
       ds.description as comment,
       'pg_constraint'::regclass::oid::text || ':' || k.oid::text || ':0' as ref,
       k.contype as contype,
       pg_get_constraintdef(k.oid) as definition,
       -- which leaves out a key's index storage parameters (PRIMARY KEY (id) WITH (fillfactor=80))
       (select array_to_string(ic.reloptions, ', ') from pg_class ic where k.contype in ('p', 'u') and ic.oid = k.conindid) as index_options,
       array(select a.attname::text from unnest(k.conkey) with ordinality u(attnum, ord)
             join pg_attribute a on a.attrelid = k.conrelid and a.attnum = u.attnum order by u.ord) as columns,
       case when k.contype = 'f' then json_build_object(
         'schema', fn.nspname, 'table', fc.relname,
         'columns', array(select a.attname::text from unnest(k.confkey) with ordinality u(attnum, ord)
                          join pg_attribute a on a.attrelid = k.confrelid and a.attnum = u.attnum order by u.ord)) end as refs,
       k.convalidated as validated,
       (select case when pk.oid is not null
                    then json_build_object('kind', 'constraint', 'schema', pn.nspname, 'table', pt.relname, 'name', pk.conname)
                    else json_build_object('kind', 'index', 'schema', pn.nspname, 'name', pi.relname) end
        from pg_inherits h
        join pg_class pi on pi.oid = h.inhparent
        join pg_namespace pn on pn.oid = pi.relnamespace
        join pg_index px on px.indexrelid = pi.oid
        join pg_class pt on pt.oid = px.indrelid
        left join pg_constraint pk on pk.conindid = pi.oid and pk.conrelid = pt.oid and pk.contype in ('p', 'u', 'x')
        where k.contype in ('p', 'u', 'x') and h.inhrelid = k.conindid) as attached_to
from pg_constraint k
join pg_class c on c.oid = k.conrelid
join pg_namespace n on n.oid = c.relnamespace
left join pg_class fc on fc.oid = k.confrelid
left join pg_namespace fn on fn.oid = fc.relnamespace
left join pg_description ds on ds.objoid = k.oid and ds.classoid = 'pg_constraint'::regclass and ds.objsubid = 0
where n.nspname = any($1::text[])
  and c.relkind in ('r', 'p')
  and k.contype in ('p', 'f', 'u', 'c', 'x')
  and ((k.conislocal and k.conparentid = 0) or (k.conparentid <> 0 and k.contype in ('p', 'u', 'x')))
