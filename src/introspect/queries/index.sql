-- Indexes that do not back a constraint (those belong to their constraint). A partition's index attached to its
-- parent's index names that parent (pg_inherits).
select n.nspname as schema,
       ic.relname as name,
       c.relname as table,
       ds.description as comment,
       'pg_class'::regclass::oid::text || ':' || ic.oid::text || ':0' as ref,
       pg_get_indexdef(ic.oid) as definition,
       i.indisunique as is_unique,
       -- one index probe a key column (a join here hashed every column of the table, 20,000 times at 10,000 tables)
       array(select coalesce((select a.attname::text from pg_attribute a where a.attrelid = i.indrelid and a.attnum = i.indkey[k]), '')
             from generate_series(0, i.indnkeyatts - 1) k order by k) as columns,
       i.indpred is not null as partial,
       (select json_build_object('schema', pn.nspname, 'name', pi.relname)
        from pg_inherits h join pg_class pi on pi.oid = h.inhparent join pg_namespace pn on pn.oid = pi.relnamespace
        where h.inhrelid = ic.oid) as attached_to,
       -- a partitioned index is created after its partitions' indexes (or the constraints they back), which it
       -- then attaches (and is valid at once)
       array(select coalesce('pg_constraint'::regclass::oid::text || ':' || pk.oid::text, 'pg_class'::regclass::oid::text || ':' || h.inhrelid::text) || ':0'
             from pg_inherits h
             left join pg_constraint pk on pk.conindid = h.inhrelid and pk.contype in ('p', 'u', 'x')
               and pk.conrelid = (select x.indrelid from pg_index x where x.indexrelid = h.inhrelid)
             where h.inhparent = ic.oid) as depends_on
from pg_index i
join pg_class ic on ic.oid = i.indexrelid
join pg_class c on c.oid = i.indrelid
join pg_namespace n on n.oid = c.relnamespace
left join pg_description ds on ds.objoid = ic.oid and ds.classoid = 'pg_class'::regclass and ds.objsubid = 0
where n.nspname = any($1::text[])
  and c.relkind in ('r', 'p', 'm')
  and not exists (select 1 from pg_constraint k where k.conindid = i.indexrelid and k.conrelid = i.indrelid
                  and k.contype in ('p', 'u', 'x'))
  and not exists (select 1 from pg_depend d
                  where d.classid = 'pg_class'::regclass and d.objid = c.oid and d.deptype = 'e')
