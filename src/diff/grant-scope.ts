import { getObject, restrictCatalog, type Catalog, type Edge } from '../model/catalog.ts';
import { encodeId } from '../model/identity.ts';
import type { CatalogObject, GrantObject } from '../model/objects.ts';
import { autoGranted } from '../kinds/grant.ts';

/**
 * Whose privileges a plan manages: `all` roles, or (the default) every grantee the desired state grants
 * anything to, plus the roles listed. PUBLIC counts as named only when the desired state departs from its
 * built-in privileges somewhere. Grants to anyone else are left alone on both sides: never a REVOKE for a
 * role nobody manages (a platform's own roles, privileges granted by hand).
 */
export type ManagedRoles = 'all' | readonly string[];

const isPrivilege = (o: CatalogObject): o is GrantObject | Extract<CatalogObject, { kind: 'defaultPrivilege' }> =>
  o.kind === 'grant' || o.kind === 'defaultPrivilege';

export function managedGrantees(desired: Catalog, manage: ManagedRoles): Set<string> | null {
  if (manage === 'all') return null;
  const out = new Set(manage);
  for (const o of desired.objects.values()) if (isPrivilege(o)) out.add(o.id.grantee);
  return out;
}

/**
 * Both catalogs limited to managed grantees. For an object the plan creates, a managed grantee the target's
 * default privileges would hand something to, but the desired state gives nothing, gets an explicit empty grant
 * (which revokes what the defaults gave).
 */
export function scopeGrants(current: Catalog, desired: Catalog, manage: ManagedRoles = []): { current: Catalog; desired: Catalog } {
  const managed = managedGrantees(desired, manage);
  const keep = (o: CatalogObject) => !isPrivilege(o) || !managed || managed.has(o.id.grantee);
  const extra: GrantObject[] = [];
  const extraEdges: Edge[] = [];
  const defaults = [...current.objects.values()].filter((o) => o.kind === 'defaultPrivilege' && o.privileges.length > 0);
  if (defaults.length) {
    const grantees = new Set(defaults.map((d) => (d.kind === 'defaultPrivilege' ? d.id.grantee : '')));
    for (const o of desired.objects.values()) {
      if (isPrivilege(o) || o.kind === 'column' || getObject(current, o.id)) continue;
      for (const grantee of grantees) {
        if (managed && !managed.has(grantee)) continue;
        const id = { kind: 'grant' as const, on: o.id, grantee };
        if (desired.objects.has(encodeId(id)) || !autoGranted(o.id, grantee, current).privileges.length) continue;
        extra.push({ kind: 'grant', id, comment: null, privileges: [], grantable: [] });
        extraEdges.push({ from: encodeId(id), to: encodeId(o.id) });
      }
    }
  }
  // A table-wide REVOKE also takes the column privileges: column grants come after the table's.
  for (const o of desired.objects.values()) {
    if (o.kind !== 'grant' || !o.id.column) continue;
    const whole = encodeId({ kind: 'grant', on: o.id.on, grantee: o.id.grantee });
    if (desired.objects.has(whole)) extraEdges.push({ from: encodeId(o.id), to: whole });
  }
  // Usually nothing is out of scope: then the catalog itself, not a copy of its 200,000 entries.
  const filter = (c: Catalog, more: CatalogObject[] = [], edges: Edge[] = []) =>
    !more.length && !edges.length && keepsAll(c, keep) ? c : restrictCatalog(c, keep, more, edges);
  return { current: filter(current), desired: filter(desired, extra, extraEdges) };
}

function keepsAll(c: Catalog, keep: (o: CatalogObject) => boolean): boolean {
  for (const o of c.objects.values()) if (!keep(o)) return false;
  return true;
}
