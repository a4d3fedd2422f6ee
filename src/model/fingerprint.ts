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

/** What a fingerprint hashes of an object besides its key: the key already says its kind and id. */
function hashedFields(o: CatalogObject): Record<string, unknown> {
  const skip = informationalFields(o.kind);
  const out: Record<string, unknown> = {};
  for (const k in o) if (k !== 'id' && k !== 'kind' && !skip.has(k)) out[k] = o[k as keyof CatalogObject];
  return out;
}

/**
 * Changes whenever what a fingerprint hashes changes: cached catalogs carry their fingerprint (caches are keyed by
 * it), and a plan file's fingerprints are only comparable with the same algorithm (Plan.formatVersion).
 */
export const FINGERPRINT_VERSION = 2;

const fingerprints = new WeakMap<Catalog, string>();

/** A content hash of a catalog, independent of read order and column positions (computed once per catalog). */
export function fingerprintCatalog(catalog: Catalog): string {
  const known = fingerprints.get(catalog);
  if (known) return known;
  const hash = createHash('sha256');
  // Fed in 64 KB pieces: one update per object costs more than the hashing itself.
  let piece = '';
  for (const k of [...catalog.objects.keys()].sort()) {
    piece += `${k}${JSON.stringify(hashedFields(catalog.objects.get(k)!))}\n`;
    if (piece.length > 65536) {
      hash.update(piece);
      piece = '';
    }
  }
  const fingerprint = hash.update(piece).digest('hex').slice(0, 32);
  fingerprints.set(catalog, fingerprint);
  return fingerprint;
}

/** Records a fingerprint computed earlier for this content (a cached catalog carries its own). */
export function rememberFingerprint(catalog: Catalog, fingerprint: string): void {
  fingerprints.set(catalog, fingerprint);
}

export function sha256(text: string | Buffer): string {
  return createHash('sha256').update(text).digest('hex');
}
