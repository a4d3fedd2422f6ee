import { childrenOf, parentOf, type Catalog } from '../model/catalog.ts';
import { objectOf, type Change } from '../model/change.ts';
import { encodeId } from '../model/identity.ts';
import type { CatalogObject } from '../model/objects.ts';
import { createdWithTable } from '../kinds/constraint.ts';

/** Made by CREATE TABLE: columns, every constraint but foreign keys, the constraints a partition inherits. */
const inline = (o: CatalogObject) => o.kind === 'column' || (o.kind === 'constraint' && createdWithTable(o));

/**
 * A replaced table (a partition key that appears or changes) takes its children along: DROP TABLE drops them
 * all and CREATE TABLE writes its columns and inline constraints, so their own changes go; what lives outside
 * CREATE TABLE (indexes, foreign keys, triggers, policies) is recreated after it, changed or not.
 */
export function foldIntoReplacedTables(changes: readonly Change[], current: Catalog, desired: Catalog, rebuildField: string): Change[] {
  const replaced = new Set(changes.filter((c) => c.op === 'replace' && c.to.kind === 'table').map((c) => encodeId(objectOf(c).id)));
  if (!replaced.size) return [...changes];
  const under = (o: CatalogObject) => {
    const p = parentOf(o);
    return p !== null && replaced.has(encodeId(p));
  };
  const out: Change[] = [];
  const seen = new Set<string>();
  for (const c of changes) {
    const o = objectOf(c);
    if (!under(o)) {
      out.push(c);
      continue;
    }
    seen.add(encodeId(o.id));
    // A foreign key that goes is dropped first, on its own: the index it uses may go before its table does.
    if (c.op === 'drop' && o.kind === 'constraint' && o.type === 'foreignKey') out.push(c);
    if (c.op === 'drop' || inline(o)) continue;
    out.push(c.op === 'alter' ? { op: 'replace', from: c.from, to: c.to, fields: [rebuildField, ...c.fields] } : c);
  }
  // A sequence the table owns (serial) would be dropped with it: it lets go first and is owned again after.
  for (const seq of current.objects.values()) {
    if (seq.kind !== 'sequence' || !seq.ownedBy || !replaced.has(encodeId({ kind: 'table', schema: seq.id.schema, name: seq.ownedBy.table }))) continue;
    const k = encodeId(seq.id);
    const to = desired.objects.get(k);
    if (!to) continue;
    const i = out.findIndex((c) => encodeId(objectOf(c).id) === k);
    const existing = i >= 0 ? out[i]! : null;
    if (!existing) out.push({ op: 'alter', from: seq, to, fields: ['ownedBy'] });
    else if (existing.op === 'alter' && !existing.fields.includes('ownedBy')) out[i] = { ...existing, fields: [...existing.fields, 'ownedBy'] };
  }
  for (const key of replaced) {
    const table = current.objects.get(key)!;
    for (const child of childrenOf(current, table.id)) {
      const k = encodeId(child.id);
      const to = desired.objects.get(k);
      if (seen.has(k) || inline(child) || !to) continue;
      out.push({ op: 'replace', from: child, to, fields: [rebuildField] });
    }
  }
  return out;
}
