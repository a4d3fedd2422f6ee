import { encodeId, tableOf, type ObjectId } from './identity.ts';
import type { CatalogKind, CatalogObject, ObjectOfKind, TableObject } from './objects.ts';

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
  return catalogOf(map, edges, serverVersion);
}

/** A catalog over objects already keyed by their encoded ids (introspection keys each object once). */
export function catalogOf(objects: Map<string, CatalogObject>, edges: Iterable<Edge>, serverVersion: number): Catalog {
  return { objects, edges: keptEdges(objects, edges), serverVersion };
}

/**
 * The catalog without the objects `keep` rejects, plus `more` (objects and edges). Keys are reused and the
 * catalog's own edges are already unique: no id is encoded again (this runs on every plan, on both sides).
 */
export function restrictCatalog(c: Catalog, keep: (o: CatalogObject) => boolean, more: readonly CatalogObject[] = [], moreEdges: readonly Edge[] = []): Catalog {
  const map = new Map<string, CatalogObject>();
  let left = 0;
  for (const [k, o] of c.objects) {
    if (keep(o)) map.set(k, o);
    else left++;
  }
  for (const o of more) map.set(encodeId(o.id), o);
  const edges = left === 0 ? [...c.edges] : c.edges.filter((e) => map.has(e.from) && map.has(e.to));
  if (moreEdges.length) {
    const seen = edgeSet(edges);
    for (const e of keptEdges(map, moreEdges)) if (addEdge(seen, e)) edges.push(e);
  }
  return { objects: map, edges, serverVersion: c.serverVersion };
}

/** Edges between two known, distinct objects, each once. */
function keptEdges(objects: ReadonlyMap<string, CatalogObject>, edges: Iterable<Edge>): Edge[] {
  // Nested sets rather than `from + to` keys: ids are long, and the strings here are shared with the object
  // map, so their hashes are computed once; concatenating 300,000 pairs cost more than the rest of the build.
  const seen = new Map<string, Set<string>>();
  const kept: Edge[] = [];
  for (const e of edges) {
    if (e.from === e.to || !objects.has(e.from) || !objects.has(e.to)) continue;
    if (addEdge(seen, e)) kept.push(e);
  }
  return kept;
}

function edgeSet(edges: readonly Edge[]): Map<string, Set<string>> {
  const seen = new Map<string, Set<string>>();
  for (const e of edges) addEdge(seen, e);
  return seen;
}

function addEdge(seen: Map<string, Set<string>>, e: Edge): boolean {
  let tos = seen.get(e.from);
  if (!tos) seen.set(e.from, (tos = new Set()));
  if (tos.has(e.to)) return false;
  tos.add(e.to);
  return true;
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

/** The parents (INHERITS) `a` has and `b` has not: those a table leaves going from a to b, or joins from b to a. */
export function parentsOnlyIn(a: TableObject, b: TableObject): TableObject['inherits'] {
  return a.inherits.filter((p) => !b.inherits.some((q) => q.schema === p.schema && q.name === p.name));
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
