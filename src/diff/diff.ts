import type { Catalog } from '../model/catalog.ts';
import type { Change } from '../model/change.ts';
import { informationalFields } from '../model/fingerprint.ts';
import type { CatalogObject } from '../model/objects.ts';
import { changedFields } from '../kinds/common.ts';
import { KINDS } from '../kinds/registry.ts';
import { policyNeedsReplace } from '../kinds/policy.ts';
import { enumAlter } from '../kinds/type.ts';
import { viewReplaceable } from '../kinds/view.ts';
import { addDependentRebuilds, REBUILD_FIELD } from './dependents.ts';
import { rebuildIndexesForNewBackers } from './partition-backing.ts';

/**
 * Catalog × Catalog → the changes that turn `current` into `desired`: alter in place whenever Postgres can,
 * replace (drop + create) only what cannot be altered, and rebuild what depends on a replaced object.
 */
export function diffCatalogs(current: Catalog, desired: Catalog): Change[] {
  const changes: Change[] = [];
  for (const [key, to] of desired.objects) {
    if (!KINDS[to.kind]) continue;
    const from = current.objects.get(key);
    if (!from) {
      changes.push({ op: 'create', to });
      continue;
    }
    const fields = changedFields(from, to, informationalFields(to.kind));
    if (!fields.length) continue;
    changes.push({ op: needsReplace(from, to, fields) ? 'replace' : 'alter', from, to, fields });
  }
  for (const [key, from] of current.objects) {
    if (!KINDS[from.kind] || desired.objects.has(key)) continue;
    changes.push({ op: 'drop', from });
  }
  return addDependentRebuilds(rebuildIndexesForNewBackers(pairRenamedIndexes(changes), current, desired, REBUILD_FIELD), current, desired);
}

/**
 * A constraint or index dropped under one name and created under another on the same table, with the same
 * definition, was renamed (typically its table was, and Postgres kept the old generated name): rename it
 * rather than rebuild the index and whatever depends on it.
 */
function pairRenamedIndexes(changes: Change[]): Change[] {
  const shape = (o: CatalogObject): string | null => {
    if (o.kind === 'constraint') return `c\u0000${o.id.schema}\u0000${o.id.table}\u0000${o.type}\u0000${o.definition}`;
    if (o.kind === 'index') return `i\u0000${o.id.schema}\u0000${o.table}\u0000${o.definition.replace(/^CREATE (UNIQUE )?INDEX \S+ ON (ONLY )?\S+/, '$1$2')}`;
    return null;
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

function needsReplace(from: CatalogObject, to: CatalogObject, fields: readonly string[]): boolean {
  const module = KINDS[to.kind]!;
  if (fields.some((f) => !module.alterable.includes(f))) return true;
  if (from.kind === 'type' && to.kind === 'type') {
    if (from.variant !== to.variant) return true;
    if (from.variant === 'enum' && to.variant === 'enum' && fields.includes('values')) return enumAlter(from.values, to.values) === null;
  }
  if (from.kind === 'policy' && to.kind === 'policy') return policyNeedsReplace(from, to);
  if (from.kind === 'view' && to.kind === 'view' && (fields.includes('canonical') || fields.includes('columns'))) return !viewReplaceable(from, to);
  return false;
}
