-- Dependency edges between user objects, from pg_depend, as the catalog rows' refs (classid:objid:subid).
-- Some ends stand for another object (introspect.ts resolves them through these aliases): a default
-- (pg_attrdef) for its column, a view rule (pg_rewrite) for its view, a domain constraint or a composite
-- type's relation for the type; on the referenced end, a constraint-backing index for its constraint, a row type
-- for its table, an array type for its element type, and what an extension provides (uuid_generate_v4(),
-- citext) for the extension. Aliases are keyed by classid:objid (any subid).
-- Raw pairs and small alias lists rather than pg_depend joined to each lookup here: the server's joins over
-- 200,000 rows (10,000 tables) cost 1 s, one scan and map lookups on the client a fifth of that.
-- Each list is one string of space-separated tokens: decoding 20,000 two-field rows (at 1,000 tables) cost the
-- client 30–70 ms, splitting one string 5–10 ms. Pairs are not distinct: the reader keeps each edge once.
select
  (select coalesce(string_agg(d.classid::text || ':' || d.objid::text || ':' || d.objsubid::text || ' '
                              || d.refclassid::text || ':' || d.refobjid::text || ':' || d.refobjsubid::text, ' '), '')
   from pg_depend d
   where d.deptype in ('n', 'a')
     and d.objid >= 16384 and d.refobjid >= 16384
     -- OWNED BY is an attribute of the sequence, not an ordering constraint (it would make a cycle with the default)
     and not (d.deptype = 'a' and d.classid = 'pg_class'::regclass
              and d.objid in (select s.oid from pg_class s where s.relkind = 'S'))) as pairs,
  (select coalesce(string_agg(a.alias || ' ' || a.ref, ' '), '') from (
     select 'pg_attrdef'::regclass::oid::text || ':' || oid::text as alias,
            'pg_class'::regclass::oid::text || ':' || adrelid::text || ':' || adnum::text as ref
     from pg_attrdef where oid >= 16384
     union all
     select 'pg_rewrite'::regclass::oid::text || ':' || oid::text, 'pg_class'::regclass::oid::text || ':' || ev_class::text || ':0'
     from pg_rewrite where oid >= 16384
     union all
     select 'pg_constraint'::regclass::oid::text || ':' || oid::text, 'pg_type'::regclass::oid::text || ':' || contypid::text || ':0'
     from pg_constraint where contypid <> 0 and oid >= 16384
     union all
     select 'pg_class'::regclass::oid::text || ':' || oid::text, 'pg_type'::regclass::oid::text || ':' || reltype::text || ':0'
     from pg_class where relkind = 'c' and oid >= 16384
   ) a) as dependent_aliases,
  (select coalesce(string_agg(a.alias || ' ' || a.ref, ' '), '') from (
     select 'pg_class'::regclass::oid::text || ':' || conindid::text as alias, 'pg_constraint'::regclass::oid::text || ':' || oid::text || ':0' as ref
     from pg_constraint where contype in ('p', 'u', 'x') and conindid >= 16384
     union all
     select 'pg_type'::regclass::oid::text || ':' || oid::text, 'pg_class'::regclass::oid::text || ':' || typrelid::text || ':0'
     from pg_type where typrelid <> 0 and oid >= 16384
     union all
     select 'pg_type'::regclass::oid::text || ':' || oid::text, 'pg_type'::regclass::oid::text || ':' || typelem::text || ':0'
     from pg_type where typelem <> 0 and typcategory = 'A' and oid >= 16384
   ) a) as referenced_aliases,
  -- applied after referenced_aliases: an object an extension provides stands for the extension, whatever it is
  (select coalesce(string_agg(classid::text || ':' || objid::text || ' ' || 'pg_extension'::regclass::oid::text || ':' || refobjid::text || ':0', ' '), '')
   from pg_depend where deptype = 'e' and refclassid = 'pg_extension'::regclass and objid >= 16384) as provided_aliases
