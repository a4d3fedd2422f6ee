import { buildCatalog, childrenOf, getObject, type Catalog } from '../model/catalog.ts';
import type { IdOf } from '../model/identity.ts';
import { makePlan } from '../plan/make-plan.ts';
import { statementsOf } from '../plan/plan.ts';

/** The plan's DDL for creating one table of a catalog from nothing: the table, its columns, keys, indexes, policies. */
export function createTableSql(catalog: Catalog, table: IdOf<'table'>): string | null {
  const t = getObject(catalog, table);
  if (!t) return null;
  const alone = buildCatalog([t, ...childrenOf(catalog, table)], catalog.edges, catalog.serverVersion);
  const empty = buildCatalog([], [], catalog.serverVersion);
  return statementsOf(makePlan(empty, alone, [table.schema])).map((s) => `${s.sql};`).join('\n');
}
