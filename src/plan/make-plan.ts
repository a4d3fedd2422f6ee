import type { Catalog } from '../model/catalog.ts';
import { fingerprintCatalog } from '../model/fingerprint.ts';
import { diffCatalogs } from '../diff/diff.ts';
import { orderChanges } from './build.ts';
import type { Plan } from './plan.ts';

/** Pure: the current and desired catalogs → the ordered plan with its fingerprints. */
export function makePlan(current: Catalog, desired: Catalog, schemas: readonly string[], notes: readonly string[] = []): Plan {
  const changes = diffCatalogs(current, desired);
  const ordered = orderChanges(changes, current, desired);
  return {
    formatVersion: 1,
    steps: ordered.steps.filter((s) => s.statements.length > 0),
    sourceFingerprint: fingerprintCatalog(current),
    targetFingerprint: fingerprintCatalog(desired),
    schemas,
    notes: [...notes, ...ordered.notes],
  };
}
