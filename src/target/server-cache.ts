import { readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { PACKAGE_VERSION } from '../assets.ts';
import { redactUrl } from '../db/url.ts';
import type { CatalogCache } from '../introspect/introspect.ts';
import { readCatalogJson, writeCatalogJson } from '../json-file.ts';
import { fromCache, toCache, type CachedCatalog } from '../model/catalog-json.ts';
import { FINGERPRINT_VERSION, sha256 } from '../model/fingerprint.ts';

/** The layout of the cache file itself; files of another layout are ignored. */
const FORMAT = `2/fingerprint-v${FINGERPRINT_VERSION}`;

interface CacheFile {
  readonly format: string;
  /** schemaplan's version and its catalog queries: another version may read the same rows differently. */
  readonly reader: string;
  readonly schemas: readonly string[];
  readonly catalog: CachedCatalog;
}

/**
 * A server target's catalog kept between runs under `.schemaplan/cache/`: one file per target (by its URL
 * without the password) and set of managed schemas, named with the catalogs' version it was read at
 * (introspect/catalog-version.ts), so a target that changed costs a directory listing, not a parse.
 * It is only ever returned for that same version, so a plan made from it is the plan a full read would give;
 * `apply` still reads the target in full under its lock before it changes anything (the drift gate).
 */
export function serverCatalogCache(cacheDir: string, url: string, schemas: readonly string[], queriesVersion: string): CatalogCache {
  const dir = path.join(cacheDir, 'cache');
  const prefix = `target-${sha256(`${redactUrl(url)}\u0000${schemas.join(',')}`).slice(0, 24)}-`;
  const fileOf = (version: string) => path.join(dir, `${prefix}${version.slice(0, 32)}.json`);
  const reader = `${PACKAGE_VERSION}/${queriesVersion}`;
  return {
    lookup(version) {
      const cached = readCatalogJson<CacheFile>(fileOf(version));
      if (!cached || cached.format !== FORMAT || cached.reader !== reader || cached.schemas?.join(',') !== schemas.join(',')) return null;
      try {
        return fromCache(cached.catalog);
      } catch {
        return null; // a file of the right name but not of this layout: read the target instead
      }
    },
    store(version, catalog) {
      try {
        const file = fileOf(version);
        // Owner-only: a production database's functions and comments may say more than its repository does.
        writeCatalogJson(file, { format: FORMAT, reader, schemas }, toCache(catalog), 0o600);
        // Only the newest version of a target is kept.
        for (const f of readdirSync(dir)) if (f.startsWith(prefix) && f.endsWith('.json') && path.join(dir, f) !== file) rmSync(path.join(dir, f), { force: true });
      } catch {
        // A cache that cannot be written (read-only checkout) only makes the next plan read the target again.
      }
    },
  };
}
