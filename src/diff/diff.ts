import { childrenOf, restrictCatalog, type Catalog } from '../model/catalog.ts';
import { encodeId } from '../model/identity.ts';
import type { Change } from '../model/change.ts';
import { informationalFields } from '../model/fingerprint.ts';
import type { CatalogObject } from '../model/objects.ts';
import { changedFields } from '../kinds/common.ts';
import { kindModule } from '../kinds/registry.ts';
import { addDependentRebuilds, REBUILD_FIELD } from './dependents.ts';
import { rebuildKeysAcrossRetypedColumns } from './retyped-keys.ts';
import { rebuildIndexesForNewBackers } from './partition-backing.ts';

/**
 * Catalog × Catalog → the changes that turn `current` into `desired`: alter in place whenever Postgres can,
 * replace (drop + create) only what cannot be altered, and rebuild what depends on a replaced object.
 */
export function diffCatalogs(current: Catalog, desired: Catalog): Change[] {
  current = withDetachedPartitionColumns(current, desired);
  const changes: Change[] = [];
  for (const [key, to] of desired.objects) {
    const from = current.objects.get(key);
    if (!from) {
      changes.push({ op: 'create', to });
      continue;
    }
    const fields = changedFields(from, to, informationalFields(to.kind));
    if (!fields.length) continue;
    changes.push({ op: needsReplace(from, to, fields, current) ? 'replace' : 'alter', from, to, fields });
  }
  for (const [key, from] of current.objects) {
    if (desired.objects.has(key)) continue;
    changes.push({ op: 'drop', from });
  }
  const rebuilt = rebuildKeysAcrossRetypedColumns(rebuildIndexesForNewBackers(pairRenamedIndexes(changes), current, desired, REBUILD_FIELD), current, desired);
  return addDependentRebuilds(rebuilt, current, desired);
}

/**
 * A partition that becomes a table of its own keeps its columns (DETACH PARTITION), but the catalog holds a
 * partition's columns only where they override the parent's: the parent's columns stand for the rest, so that the
 * detached table's columns are not added a second time.
 */
function withDetachedPartitionColumns(current: Catalog, desired: Catalog): Catalog {
  const more: CatalogObject[] = [];
  for (const t of current.objects.values()) {
    if (t.kind !== 'table' || !t.partitionOf) continue;
    const after = desired.objects.get(encodeId(t.id));
    if (after?.kind !== 'table' || after.partitionOf) continue;
    for (const c of childrenOf(current, { kind: 'table', schema: t.partitionOf.schema, name: t.partitionOf.name })) {
      if (c.kind !== 'column') continue;
      const id = { ...c.id, schema: t.id.schema, table: t.id.name };
      if (!current.objects.has(encodeId(id))) more.push({ ...c, id, comment: null });
    }
  }
  return more.length ? restrictCatalog(current, () => true, more) : current;
}

/**
 * A constraint or index dropped under one name and created under another on the same table, with the same
 * definition, was renamed (typically its table was, and Postgres kept the old generated name): rename it
 * rather than rebuild the index and whatever depends on it.
 */
function pairRenamedIndexes(changes: Change[]): Change[] {
  // Kinds differ in what a shape is; the kind's name keeps shapes of two kinds apart.
  const shape = (o: CatalogObject): string | null => {
    const own = kindModule(o.kind).renameShape?.(o as never);
    return own == null ? null : `${o.kind}\u0000${own}`;
  };
  const drops = new Map<string, Extract<Change, { op: 'drop' }>>();
  for (const c of changes) {
    if (c.op !== 'drop') continue;
    const k = shape(c.from);
    if (k && !drops.has(k)) drops.set(k, c);
  }
  if (!drops.size) return changes;
  const paired = new Set<Change>();
  // Pair each drop at most once.
  const out: Change[] = [];
  for (const c of changes) {
    const k = c.op === 'create' ? shape(c.to) : null;
    const drop = k ? drops.get(k) : undefined;
    if (c.op === 'create' && drop && !paired.has(drop)) {
      paired.add(drop);
      out.push({ op: 'rename', from: drop.from, to: c.to });
    } else out.push(c);
  }
  return out.filter((c) => !paired.has(c));
}

function needsReplace(from: CatalogObject, to: CatalogObject, fields: readonly string[], current: Catalog): boolean {
  const module = kindModule(to.kind);
  return fields.some((f) => !module.alterable.includes(f)) || (module.mustReplace?.(from as never, to as never, fields, current) ?? false);
}
