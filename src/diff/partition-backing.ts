import type { Catalog } from '../model/catalog.ts';
import { objectOf, type Change } from '../model/change.ts';
import { encodeId } from '../model/identity.ts';
import { parentKept, partitionExisted } from '../kinds/constraint.ts';

/**
 * A partition's own constraint can back its parent's (plain) index only if it exists before that index attaches
 * the partition: a partition created or attached under an existing index gets an index of its own, which can
 * neither be detached nor dropped. So the parent index is rebuilt (`rebuildField`) around the new constraint, and
 * whatever depends on it (foreign keys) with it.
 */
export function rebuildIndexesForNewBackers(changes: readonly Change[], current: Catalog, desired: Catalog, rebuildField: string): Change[] {
  const touched = new Set(changes.map((c) => encodeId(objectOf(c).id)));
  const out = [...changes];
  for (const c of changes) {
    if ((c.op !== 'create' && c.op !== 'replace') || c.to.kind !== 'constraint') continue;
    const o = c.to;
    if (o.attachedTo?.kind !== 'index' || partitionExisted(o, { current, desired }) || !parentKept(o, { current, desired })) continue;
    const key = encodeId(o.attachedTo);
    if (touched.has(key)) continue;
    const from = current.objects.get(key)!;
    const to = desired.objects.get(key)!;
    touched.add(key);
    out.push({ op: 'replace', from, to, fields: [rebuildField] });
  }
  return out;
}
