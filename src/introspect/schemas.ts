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
