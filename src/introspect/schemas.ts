import { externalSchemas, type Config } from '../config/config.ts';
import type { Queryable } from '../db/queryable.ts';

/**
 * The schemas a plan manages: the configured list, or with `schemas: all` every schema that is not a
 * system schema, an external one, or owned by an extension (plus `extra`, to compare both sides alike).
 */
export async function resolveSchemas(db: Queryable | null, config: Config, extra: readonly string[] = []): Promise<string[]> {
  const external = new Set(externalSchemas(config));
  if (config.schemas !== 'all') return config.schemas.filter((s) => !external.has(s));
  if (!db) throw new Error('bug: schemas: all needs a database to list schemas');
  const { rows } = await db.query<{ name: string }>(
    `select n.nspname as name from pg_namespace n
     where n.nspname not like 'pg\\_%' and n.nspname <> 'information_schema'
       and not exists (select 1 from pg_depend d where d.classid = 'pg_namespace'::regclass and d.objid = n.oid and d.deptype = 'e')`,
  );
  return [...new Set([...rows.map((r) => r.name), ...extra])].filter((s) => !external.has(s)).sort();
}

/**
 * Schemas that hold objects (not an extension's) but are neither managed nor external: in a shadow, what the
 * desired state created there would be left out of every plan, and a plan using it would fail to apply.
 */
export async function unmanagedSchemasWithObjects(db: Queryable, config: Config, managed: readonly string[]): Promise<string[]> {
  if (config.schemas === 'all') return [];
  const notExtensions = (cls: string, alias: string) =>
    `not exists (select 1 from pg_depend d where d.classid = '${cls}'::regclass and d.objid = ${alias}.oid and d.deptype = 'e')`;
  const { rows } = await db.query<{ name: string }>(
    `select n.nspname as name from pg_namespace n
     where n.nspname not like 'pg\\_%' and n.nspname <> 'information_schema' and n.nspname <> all($1::text[])
       and ${notExtensions('pg_namespace', 'n')}
       and (exists (select 1 from pg_class c where c.relnamespace = n.oid and ${notExtensions('pg_class', 'c')})
         or exists (select 1 from pg_proc p where p.pronamespace = n.oid and ${notExtensions('pg_proc', 'p')})
         or exists (select 1 from pg_type t where t.typnamespace = n.oid and t.typtype in ('e', 'd', 'r') and ${notExtensions('pg_type', 't')}))
     order by 1`,
    [[...managed, ...externalSchemas(config)]],
  );
  return rows.map((r) => r.name);
}
