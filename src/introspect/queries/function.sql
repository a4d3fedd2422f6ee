-- Functions, procedures and (plain) aggregates; not those of extensions, nor range constructors (internal). pg_get_functiondef cannot print an aggregate: its
-- CREATE OR REPLACE AGGREGATE is assembled from pg_aggregate, with every name qualified (search_path is empty).
select n.nspname as schema,
       p.proname as name,
       array(select format_type(t, null) from unnest(p.proargtypes::oid[]) with ordinality u(t, ord) order by u.ord) as args,
       obj_description(p.oid, 'pg_proc') as comment,
       'pg_proc'::regclass::oid::text || ':' || p.oid::text || ':0' as ref,
       p.prokind = 'p' as is_procedure,
       p.prokind = 'a' as is_aggregate,
       case when p.prokind in ('f', 'a') then pg_get_function_result(p.oid) end as returns,
       case when p.prokind <> 'a' then pg_get_functiondef(p.oid) else
         'CREATE OR REPLACE AGGREGATE ' || quote_ident(n.nspname) || '.' || quote_ident(p.proname)
         || '(' || pg_get_function_arguments(p.oid) || ') (' || concat_ws(', ',
           'SFUNC = ' || a.aggtransfn::regproc::text,
           'STYPE = ' || format_type(a.aggtranstype, null),
           case when a.aggtransspace <> 0 then 'SSPACE = ' || a.aggtransspace end,
           case when a.aggfinalfn <> 0 then 'FINALFUNC = ' || a.aggfinalfn::regproc::text end,
           case when a.aggfinalextra then 'FINALFUNC_EXTRA' end,
           case when a.aggfinalmodify <> 'r' then 'FINALFUNC_MODIFY = ' || case a.aggfinalmodify when 's' then 'SHAREABLE' else 'READ_WRITE' end end,
           case when a.aggcombinefn <> 0 then 'COMBINEFUNC = ' || a.aggcombinefn::regproc::text end,
           case when a.aggserialfn <> 0 then 'SERIALFUNC = ' || a.aggserialfn::regproc::text end,
           case when a.aggdeserialfn <> 0 then 'DESERIALFUNC = ' || a.aggdeserialfn::regproc::text end,
           case when a.agginitval is not null then 'INITCOND = ' || quote_literal(a.agginitval) end,
           case when a.aggmtransfn <> 0 then 'MSFUNC = ' || a.aggmtransfn::regproc::text end,
           case when a.aggminvtransfn <> 0 then 'MINVFUNC = ' || a.aggminvtransfn::regproc::text end,
           case when a.aggmtranstype <> 0 then 'MSTYPE = ' || format_type(a.aggmtranstype, null) end,
           case when a.aggmtransspace <> 0 then 'MSSPACE = ' || a.aggmtransspace end,
           case when a.aggmfinalfn <> 0 then 'MFINALFUNC = ' || a.aggmfinalfn::regproc::text end,
           case when a.aggmfinalextra then 'MFINALFUNC_EXTRA' end,
           case when a.aggminitval is not null then 'MINITCOND = ' || quote_literal(a.aggminitval) end,
           case when a.aggsortop <> 0 then 'SORTOP = OPERATOR(' || (select quote_ident(on2.nspname) || '.' || o.oprname
                                                                    from pg_operator o join pg_namespace on2 on on2.oid = o.oprnamespace
                                                                    where o.oid = a.aggsortop) || ')' end,
           case when p.proparallel <> 'u' then 'PARALLEL = ' || case p.proparallel when 's' then 'SAFE' else 'RESTRICTED' end end)
         || ')' end as definition,
       l.lanname as language,
       p.prosecdef as security_definer,
       p.provolatile as volatility,
       coalesce(p.proconfig, '{}')::text[] as config,
       pg_get_function_arguments(p.oid) as arg_signature
from pg_proc p
join pg_namespace n on n.oid = p.pronamespace
join pg_language l on l.oid = p.prolang
left join pg_aggregate a on a.aggfnoid = p.oid
where n.nspname = any($1::text[])
  and (p.prokind in ('f', 'p') or (p.prokind = 'a' and a.aggkind = 'n'))
  and not exists (select 1 from pg_depend d
                  where d.classid = 'pg_proc'::regclass and d.objid = p.oid and d.deptype in ('e', 'i'))
