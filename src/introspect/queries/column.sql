-- Columns of managed tables (inherited-only columns belong to the parent).
select n.nspname as schema,
       c.relname as table,
       a.attname as name,
       a.attnum::int as position,
       ds.description as comment,
       'pg_class'::regclass::oid::text || ':' || c.oid::text || ':' || a.attnum::text as ref,
       format_type(a.atttypid, a.atttypmod) as type,
       a.attnotnull as not_null,
       -- A default cannot refer to a column, so it needs no relation to print against: with the relation's OID,
       -- pg_get_expr opens it (building its relcache entry: 0.6 of this query's 1 s at 10,000 tables).
       case when a.attgenerated = '' then pg_get_expr(ad.adbin, 0) end as default_expr,
       a.attidentity as identity,
       (select concat_ws(' ', 'START WITH ' || s.seqstart, 'INCREMENT BY ' || s.seqincrement, 'MINVALUE ' || s.seqmin,
                         'MAXVALUE ' || s.seqmax, 'CACHE ' || s.seqcache, case when s.seqcycle then 'CYCLE' else 'NO CYCLE' end)
        from pg_depend d join pg_sequence s on s.seqrelid = d.objid
        where a.attidentity <> '' and d.classid = 'pg_class'::regclass and d.refclassid = 'pg_class'::regclass
          and d.refobjid = c.oid and d.refobjsubid = a.attnum and d.deptype = 'i') as identity_options,
       case when a.attgenerated <> '' then pg_get_expr(ad.adbin, ad.adrelid) end as generated,
       case when a.attcollation <> 0 and a.attcollation <> t.typcollation
            then quote_ident(cn.nspname) || '.' || quote_ident(co.collname) end as collation
from pg_attribute a
join pg_class c on c.oid = a.attrelid
join pg_namespace n on n.oid = c.relnamespace
join pg_type t on t.oid = a.atttypid
left join pg_attrdef ad on ad.adrelid = a.attrelid and ad.adnum = a.attnum
left join pg_collation co on co.oid = a.attcollation
left join pg_namespace cn on cn.oid = co.collnamespace
left join pg_description ds on ds.objoid = a.attrelid and ds.classoid = 'pg_class'::regclass and ds.objsubid = a.attnum
where n.nspname = any($1::text[])
  and c.relkind in ('r', 'p')
  and a.attnum > 0 and not a.attisdropped
  -- an inherited column is its parent's: a partition's unless the partition overrides its default or adds NOT NULL
  -- (or was attached with its own columns), and always an INHERITS child's (declared by the child too or not:
  -- ALTER TABLE … INHERIT leaves the columns it needs declared, which nothing can undo)
  and (case when not c.relispartition then a.attinhcount = 0 else a.attislocal or exists (
        select 1 from pg_inherits i
        join pg_attribute pa on pa.attrelid = i.inhparent and pa.attname = a.attname
        left join pg_attrdef pd on pd.adrelid = pa.attrelid and pd.adnum = pa.attnum
        where i.inhrelid = c.oid
          and ((a.attnotnull and not pa.attnotnull)
               or pg_get_expr(ad.adbin, ad.adrelid) is distinct from pg_get_expr(pd.adbin, pd.adrelid))) end)
  and not exists (select 1 from pg_depend d
                  where d.classid = 'pg_class'::regclass and d.objid = c.oid and d.deptype = 'e')
