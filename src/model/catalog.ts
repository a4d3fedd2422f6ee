import { encodeId, tableOf, type ObjectId } from './identity.ts';
import type { CatalogKind, CatalogObject, ObjectOfKind } from './objects.ts';

/** `from` depends on `to` (both encoded ids): `to` must exist before `from` is created, and outlive it. */
export interface Edge {
  readonly from: string;
  readonly to: string;
}

export interface Catalog {
  readonly objects: ReadonlyMap<string, CatalogObject>;
  readonly edges: readonly Edge[];
  /** server_version_num of the database it was read from (informational; never diffed). */
  readonly serverVersion: number;
}

export function buildCatalog(objects: Iterable<CatalogObject>, edges: Iterable<Edge>, serverVersion: number): Catalog {
  const map = new Map<string, CatalogObject>();
  for (const o of objects) map.set(encodeId(o.id), o);
  const seen = new Set<string>();
  const kept: Edge[] = [];
  for (const e of edges) {
    if (e.from === e.to || !map.has(e.from) || !map.has(e.to)) continue;
    const k = `${e.from}\u0000${e.to}`;
    if (seen.has(k)) continue;
    seen.add(k);
    kept.push(e);
  }
  return { objects: map, edges: kept, serverVersion };
}

export function getObject(catalog: Catalog, id: ObjectId): CatalogObject | undefined {
  return catalog.objects.get(encodeId(id));
}

export function ofKind<K extends CatalogKind>(catalog: Catalog, kind: K): ObjectOfKind<K>[] {
  const out: ObjectOfKind<K>[] = [];
  for (const o of catalog.objects.values()) if (o.kind === kind) out.push(o as ObjectOfKind<K>);
  return out;
}

const childIndex = new WeakMap<Catalog, Map<string, CatalogObject[]>>();

/** Columns, constraints, indexes, triggers and policies of a table (or view, for triggers). */
export function childrenOf(catalog: Catalog, table: ObjectId): readonly CatalogObject[] {
  let index = childIndex.get(catalog);
  if (!index) {
    index = new Map();
    for (const o of catalog.objects.values()) {
      const parent = parentOf(o);
      if (!parent) continue;
      const key = encodeId(parent);
      const list = index.get(key);
      if (list) list.push(o);
      else index.set(key, [o]);
    }
    childIndex.set(catalog, index);
  }
  return index.get(encodeId(table)) ?? [];
}

/** The object whose CREATE/DROP also creates/drops this one, if any. */
export function parentOf(o: CatalogObject): ObjectId | null {
  if (o.kind === 'index') return { kind: 'table', schema: o.id.schema, name: o.table };
  return tableOf(o.id);
}

export function columnsOf(catalog: Catalog, table: ObjectId) {
  return childrenOf(catalog, table)
    .filter((c): c is ObjectOfKind<'column'> => c.kind === 'column')
    .sort((a, b) => a.position - b.position);
}
