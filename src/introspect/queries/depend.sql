-- Dependency edges between user objects, from pg_depend. Defaults (pg_attrdef) are attributed to their
-- column, view rules (pg_rewrite) to their view, constraint-backing indexes to their constraint, domain
-- constraints and composite attributes to their type, array types to their element type, and objects an
-- extension provides to the extension, so that both
-- ends name objects the catalog knows.
with dep as (
  select d.classid, d.objid, d.objsubid, d.refclassid, d.refobjid, d.refobjsubid, d.deptype
  from pg_depend d
  where d.deptype in ('n', 'a')
    and d.objid >= 16384 and d.refobjid >= 16384
),
norm as (
  select
    case when dep.classid in ('pg_attrdef'::regclass, 'pg_rewrite'::regclass) then 'pg_class'::regclass::oid
         when dc.contypid <> 0 or ct.oid is not null then 'pg_type'::regclass::oid
         else dep.classid end as classid,
    case when dep.classid = 'pg_attrdef'::regclass then ad.adrelid
         when dep.classid = 'pg_rewrite'::regclass then rw.ev_class
         when dc.contypid <> 0 then dc.contypid
         when ct.oid is not null then ct.reltype
         else dep.objid end as objid,
    case when dep.classid = 'pg_attrdef'::regclass then ad.adnum::int
         when dep.classid = 'pg_rewrite'::regclass then 0
         when dc.contypid <> 0 or ct.oid is not null then 0
         else dep.objsubid end as objsubid,
    case when ext.refobjid is not null then 'pg_extension'::regclass::oid
         when ck.oid is not null then 'pg_constraint'::regclass::oid
         when rt.oid is not null and rt.typrelid <> 0 then 'pg_class'::regclass::oid
         when rt.oid is not null and rt.typelem <> 0 and rt.typcategory = 'A' then 'pg_type'::regclass::oid
         else dep.refclassid end as refclassid,
    case when ext.refobjid is not null then ext.refobjid
         when ck.oid is not null then ck.oid
         when rt.oid is not null and rt.typrelid <> 0 then rt.typrelid
         when rt.oid is not null and rt.typelem <> 0 and rt.typcategory = 'A' then rt.typelem
         else dep.refobjid end as refobjid,
    case when ext.refobjid is not null then 0
         when ck.oid is not null then 0
         when rt.oid is not null then 0
         else dep.refobjsubid end as refobjsubid
  from dep
  left join pg_attrdef ad on dep.classid = 'pg_attrdef'::regclass and ad.oid = dep.objid
  left join pg_rewrite rw on dep.classid = 'pg_rewrite'::regclass and rw.oid = dep.objid
  -- a domain's CHECK belongs to the domain; a standalone composite type's attributes to the type
  left join pg_constraint dc on dep.classid = 'pg_constraint'::regclass and dc.oid = dep.objid
  left join pg_class ct on dep.classid = 'pg_class'::regclass and ct.oid = dep.objid and ct.relkind = 'c'
  left join pg_constraint ck on dep.refclassid = 'pg_class'::regclass and ck.conindid = dep.refobjid
                             and ck.contype in ('p', 'u', 'x')
  left join pg_type rt on dep.refclassid = 'pg_type'::regclass and rt.oid = dep.refobjid
  -- what an extension provides (uuid_generate_v4(), citext) stands for the extension itself
  left join pg_depend ext on ext.classid = dep.refclassid and ext.objid = dep.refobjid
                          and ext.deptype = 'e' and ext.refclassid = 'pg_extension'::regclass
  -- OWNED BY is an attribute of the sequence, not an ordering constraint (it would make a cycle with the default)
  where not (dep.deptype = 'a' and dep.classid = 'pg_class'::regclass
             and exists (select 1 from pg_class s where s.oid = dep.objid and s.relkind = 'S'))
)
select distinct classid::text || ':' || objid::text || ':' || objsubid::text as from_ref,
       refclassid::text || ':' || refobjid::text || ':' || refobjsubid::text as to_ref
from norm
