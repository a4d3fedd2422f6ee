import type { Catalog } from '../model/catalog.ts';
import type { Change } from '../model/change.ts';
import { objectOf } from '../model/change.ts';
import { encodeId } from '../model/identity.ts';
import type { CatalogKind, CatalogObject } from '../model/objects.ts';
import { KINDS } from '../kinds/registry.ts';
import { childrenOf } from '../model/catalog.ts';
import { foldIntoReplacedTables } from './table-replace.ts';

/** Marks a replace that exists only because something it depends on is rebuilt. */
export const REBUILD_FIELD = 'dependency';

/**
 * Makes `from` a rebuild in `out` (a replace marked REBUILD_FIELD), folding in its own alter if it has one; null,
 * leaving `out` alone, when its change is a create, drop or replace already.
 */
export function markRebuilt(out: Change[], existing: Change | undefined, from: CatalogObject, to: CatalogObject): Change | null {
  if (existing && existing.op !== 'alter') return null;
  const rebuild: Change = { op: 'replace', from, to: existing?.op === 'alter' ? existing.to : to, fields: [REBUILD_FIELD, ...(existing?.op === 'alter' ? existing.fields : [])] };
  if (existing) out.splice(out.indexOf(existing), 1, rebuild);
  else out.push(rebuild);
  return rebuild;
}

/**
 * Objects that depend (in the current catalog) on a replaced object are dropped with it and recreated
 * afterwards, even though they did not change themselves; so are views, policies and triggers over a column
 * whose type changes. Transitively: a view over a view over a replaced view is rebuilt too.
 */
export function addDependentRebuilds(changes: Change[], current: Catalog, desired: Catalog): Change[] {
  const dependents = new Map<string, string[]>();
  for (const e of current.edges) {
    const list = dependents.get(e.to);
    if (list) list.push(e.from);
    else dependents.set(e.to, [e.from]);
  }
  // Asked only for a column altered alongside a rebuilt dependency: a scan each time beats indexing every edge.
  const dependsInDesired = (from: string, to: string): boolean => desired.edges.some((e) => e.from === from && e.to === to);
  const touched = new Map<string, Change>();
  for (const c of changes) touched.set(encodeId(objectOf(c).id), c);
  const queue: { key: string; only: ReadonlySet<CatalogKind> | null }[] = [];
  for (const c of changes) {
    const key = encodeId(objectOf(c).id);
    // What depends on a replaced or dropped object and is still desired is rebuilt (an FK over a unique
    // constraint that becomes the primary key, a view over a dropped function's replacement).
    if (c.op === 'replace' || c.op === 'drop') queue.push({ key, only: null });
    // A replaced table's columns go with it: what reads them (views) is rebuilt too.
    if (c.op === 'replace' && c.from.kind === 'table') for (const child of childrenOf(current, c.from.id)) queue.push({ key: encodeId(child.id), only: null });
    if (c.op === 'alter') {
      const kinds = KINDS[c.to.kind].alterRecreatesDependents?.(c.from as never, c.to as never, c.fields);
      if (kinds) queue.push({ key, only: kinds });
    }
  }
  const out = [...changes];
  while (queue.length) {
    const { key, only } = queue.shift()!;
    for (const dep of dependents.get(key) ?? []) {
      const from = current.objects.get(dep);
      const to = desired.objects.get(dep);
      if (!from || !to) continue;
      if (only && !only.has(from.kind)) continue;
      const existing = touched.get(dep);
      if (existing && existing.op !== 'alter') continue;
      // A stored generated column is computed from what it depends on: it is dropped and added again (computed
      // anew). Any other column's tie is its default, evaluated at each insert: an in-place change of what it
      // calls leaves it right, and around a replaced object it lets go of the default and takes it back.
      if (from.kind === 'column' && from.generated === null && (only || !KINDS.column.detach!(from))) continue;
      // A column whose own change already lets go of the dependency (a new default, a new type that drops and
      // sets its default) is altered before the dependency is dropped (plan/build.ts) — unless its new default
      // calls the rebuilt object again: then it must let go before the drop and take it back after the create.
      if (from.kind === 'column' && existing?.op === 'alter' && existing.fields.some((f) => f === 'type' || f === 'default') && !dependsInDesired(dep, key)) continue;
      touched.set(dep, markRebuilt(out, existing, from, to)!);
      if (from.kind !== 'column') queue.push({ key: dep, only: null });
    }
  }
  return foldIntoReplacedTables(out, current, desired, REBUILD_FIELD);
}
