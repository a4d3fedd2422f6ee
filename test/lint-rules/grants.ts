import type { Queryable } from '../../src/db/queryable.ts';
import { buildCatalog, ofKind, type Catalog } from '../../src/model/catalog.ts';
import type { ObjectId } from '../../src/model/identity.ts';
import type { GrantObject } from '../../src/model/objects.ts';

/**
 * Table and function privileges as grant objects, for catalogs read without them. This is the shape the
 * grant-aware rules expect from introspection: one object per (object, grantee), PUBLIC spelled `PUBLIC`,
 * default ACLs expanded (a function nobody revoked is executable by PUBLIC), the owner's own rights left out.
 */
const GRANTS_SQL = `
select 'table' as kind, n.nspname as schema, c.relname as name, null::text[] as args,
       case when a.grantee = 0 then 'PUBLIC' else pg_get_userbyid(a.grantee)::text end as grantee,
       array_agg(a.privilege_type order by a.privilege_type) as privileges
from pg_class c
join pg_namespace n on n.oid = c.relnamespace
cross join lateral aclexplode(coalesce(c.relacl, acldefault('r', c.relowner))) a
where n.nspname = any($1::text[]) and c.relkind in ('r', 'p') and a.grantee <> c.relowner
group by 1, 2, 3, 4, 5
union all
select 'function', n.nspname, p.proname,
       array(select format_type(t, null) from unnest(p.proargtypes::oid[]) with ordinality u(t, ord) order by u.ord),
       case when a.grantee = 0 then 'PUBLIC' else pg_get_userbyid(a.grantee)::text end,
       array_agg(a.privilege_type order by a.privilege_type)
from pg_proc p
join pg_namespace n on n.oid = p.pronamespace
cross join lateral aclexplode(coalesce(p.proacl, acldefault('f', p.proowner))) a
where n.nspname = any($1::text[]) and p.prokind in ('f', 'p') and a.grantee <> p.proowner
group by 1, 2, 3, 4, 5`;

export async function withGrants(db: Queryable, catalog: Catalog, schemas: readonly string[]): Promise<Catalog> {
  if (ofKind(catalog, 'grant').length) return catalog;
  const { rows } = await db.query<{ kind: 'table' | 'function'; schema: string; name: string; args: string[] | null; grantee: string; privileges: string[] }>(GRANTS_SQL, [schemas]);
  const grants: GrantObject[] = rows.map((r) => {
    const on: ObjectId = r.kind === 'table' ? { kind: 'table', schema: r.schema, name: r.name } : { kind: 'function', schema: r.schema, name: r.name, args: r.args ?? [] };
    return { kind: 'grant', id: { kind: 'grant', on, grantee: r.grantee }, comment: null, privileges: r.privileges, grantable: [] };
  });
  return buildCatalog([...catalog.objects.values(), ...grants], catalog.edges, catalog.serverVersion);
}
