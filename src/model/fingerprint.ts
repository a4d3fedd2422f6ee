import { createHash } from 'node:crypto';
import type { Catalog } from './catalog.ts';
import type { CatalogObject } from './objects.ts';

/**
 * Fields that describe where an object happens to sit or how one server version prints it, not what it is;
 * never part of a fingerprint or diff. A view's `definition` text is compared through its `canonical` key.
 */
const INFORMATIONAL: Readonly<Record<string, ReadonlySet<string>>> = {
  view: new Set(['position', 'owner', 'definition']),
  matview: new Set(['position', 'owner', 'definition']),
};
/** `source`: how the desired state wrote a field (model/objects.ts WrittenAs); the field itself is compared. */
const ALWAYS: ReadonlySet<string> = new Set(['position', 'owner', 'source']);

export function informationalFields(kind: string): ReadonlySet<string> {
  return INFORMATIONAL[kind] ?? ALWAYS;
}

export function comparable(o: CatalogObject): Record<string, unknown> {
  const skip = informationalFields(o.kind);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) if (!skip.has(k)) out[k] = v;
  return out;
}

/** A content hash of a catalog, independent of read order and column positions. */
export function fingerprintCatalog(catalog: Catalog): string {
  const hash = createHash('sha256');
  const keys = [...catalog.objects.keys()].sort();
  for (const k of keys) {
    hash.update(k);
    hash.update(JSON.stringify(comparable(catalog.objects.get(k)!)));
    hash.update('\n');
  }
  return hash.digest('hex').slice(0, 32);
}

export function sha256(text: string | Buffer): string {
  return createHash('sha256').update(text).digest('hex');
}
