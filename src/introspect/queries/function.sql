-- Functions and procedures (aggregates and window functions are not managed yet).
select n.nspname as schema,
       p.proname as name,
       array(select format_type(t, null) from unnest(p.proargtypes::oid[]) with ordinality u(t, ord) order by u.ord) as args,
       obj_description(p.oid, 'pg_proc') as comment,
       'pg_proc'::regclass::oid::text || ':' || p.oid::text || ':0' as ref,
       p.prokind = 'p' as is_procedure,
       case when p.prokind = 'f' then pg_get_function_result(p.oid) end as returns,
       pg_get_functiondef(p.oid) as definition,
       l.lanname as language,
       p.prosecdef as security_definer,
       p.provolatile as volatility,
       coalesce(p.proconfig, '{}')::text[] as config,
       pg_get_function_arguments(p.oid) as arg_signature
from pg_proc p
join pg_namespace n on n.oid = p.pronamespace
join pg_language l on l.oid = p.prolang
where n.nspname = any($1::text[])
  and p.prokind in ('f', 'p')
  and not exists (select 1 from pg_depend d
                  where d.classid = 'pg_proc'::regclass and d.objid = p.oid and d.deptype = 'e')
