import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fromCache, toCache, type CachedCatalog } from '../model/catalog-json.ts';
import { readCatalogJson, writeCatalogJson } from '../json-file.ts';
import type { Catalog } from '../model/catalog.ts';
import { FINGERPRINT_VERSION, sha256 } from '../model/fingerprint.ts';

/**
 * Only schemaplan opens the embedded dev database, and starting PGlite and warming its catalog caches is most
 * of a warm `plan`. So its catalog is kept beside it, stamped with the data directory's file sizes and
 * modification times: while nothing in the directory changed, the catalog is read from the cache.
 */
export function dataDirStamp(dataDir: string): string | null {
  if (!existsSync(dataDir)) return null;
  const parts: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) walk(full);
      else {
        const st = statSync(full);
        parts.push(`${path.relative(dataDir, full)}:${st.size}:${st.mtimeMs}`);
      }
    }
  };
  walk(dataDir);
  return sha256(parts.sort().join('\n'));
}

/** The layout of the cache file itself; files of another layout are ignored. */
const FORMAT = `5/fingerprint-v${FINGERPRINT_VERSION}`;

const cacheFile = (dataDir: string) => path.join(path.dirname(dataDir), 'cache', 'dev-catalog.json');

export function readCachedCatalog(dataDir: string, schemas: readonly string[], queriesVersion: string): Catalog | null {
  const cached = readCatalogJson<{ format?: string; stamp: string; schemas: string[]; version: string; catalog: CachedCatalog }>(cacheFile(dataDir));
  if (!cached || cached.format !== FORMAT || cached.version !== queriesVersion || cached.schemas.join(',') !== schemas.join(',')) return null;
  if (cached.stamp !== dataDirStamp(dataDir)) return null;
  return fromCache(cached.catalog);
}

/** Call with the data directory closed, so that the stamp is final. */
export function writeCachedCatalog(dataDir: string, schemas: readonly string[], queriesVersion: string, catalog: Catalog): void {
  const stamp = dataDirStamp(dataDir);
  if (!stamp) return;
  try {
    writeCatalogJson(cacheFile(dataDir), { format: FORMAT, stamp, schemas, version: queriesVersion }, toCache(catalog));
  } catch {
    // Not written (a read-only directory): the next plan reads the dev database itself.
  }
}
