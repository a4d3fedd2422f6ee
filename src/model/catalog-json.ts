import type { Catalog, Edge } from './catalog.ts';
import { fingerprintCatalog, rememberFingerprint } from './fingerprint.ts';
import { encodeId } from './identity.ts';
import type { CatalogObject } from './objects.ts';

/** A catalog as readable JSON data (`inspect --format json`): edges name their objects by encoded id. */
export interface CatalogDocument {
  readonly serverVersion: number;
  readonly fingerprint: string;
  readonly objects: readonly CatalogObject[];
  readonly edges: readonly Edge[];
}

export function catalogDocument(c: Catalog): CatalogDocument {
  return { serverVersion: c.serverVersion, fingerprint: fingerprintCatalog(c), objects: [...c.objects.values()], edges: c.edges };
}

/**
 * The compact form the caches keep (desired catalog, embedded dev catalog): edges as a flat list of index pairs
 * into `objects`. Encoded ids in every edge were 40 % of a 10,000-table cache file and of its load time.
 */
export interface CachedCatalog {
  readonly format: 'indexed-edges';
  readonly serverVersion: number;
  readonly fingerprint: string;
  readonly objects: readonly CatalogObject[];
  /** from₀, to₀, from₁, to₁, … (indexes into objects) */
  readonly edges: readonly number[];
}

export function toCache(c: Catalog): CachedCatalog {
  const index = new Map<string, number>();
  const objects: CatalogObject[] = [];
  for (const [key, o] of c.objects) {
    index.set(key, objects.length);
    objects.push(o);
  }
  const edges: number[] = [];
  for (const e of c.edges) edges.push(index.get(e.from)!, index.get(e.to)!);
  return { format: 'indexed-edges', serverVersion: c.serverVersion, fingerprint: fingerprintCatalog(c), objects, edges };
}

/** Trusts what toCache wrote: edges are unique and the fingerprint is the catalog's own. */
export function fromCache(doc: CachedCatalog): Catalog {
  const keys = doc.objects.map((o) => encodeId(o.id));
  const objects = new Map<string, CatalogObject>();
  doc.objects.forEach((o, i) => objects.set(keys[i]!, o));
  const edges: Edge[] = [];
  for (let i = 0; i < doc.edges.length; i += 2) edges.push({ from: keys[doc.edges[i]!]!, to: keys[doc.edges[i + 1]!]! });
  const catalog: Catalog = { objects, edges, serverVersion: doc.serverVersion };
  rememberFingerprint(catalog, doc.fingerprint);
  return catalog;
}
