import type { Catalog } from '../model/catalog.ts';
import type { Change } from '../model/change.ts';
import { encodeId } from '../model/identity.ts';
import type { ColumnObject, TypeObject } from '../model/objects.ts';
import { holdsType } from '../kinds/type.ts';
import { markRebuilt } from './dependents.ts';

/**
 * Foreign keys whose columns change type on both sides (or are converted to a type that is recreated) are dropped
 * before and added again after: the sides are altered one table at a time, and Postgres re-checks the key after
 * each, between an old and a new type that may not compare (integer and text, an enum's old and new self).
 * A key with one side retyped stays: the desired state itself proves the new pair compares.
 */
export function rebuildKeysAcrossRetypedColumns(changes: Change[], current: Catalog, desired: Catalog): Change[] {
  const retyped = new Set<string>();
  const recreatedTypes: TypeObject[] = changes.flatMap((c) => (c.op === 'replace' && c.from.kind === 'type' ? [c.from] : []));
  for (const c of changes) {
    if (c.op === 'alter' && c.from.kind === 'column' && (c.fields.includes('type') || c.fields.includes('collation'))) retyped.add(encodeId(c.from.id));
  }
  if (recreatedTypes.length) {
    for (const o of current.objects.values()) {
      if (o.kind === 'column' && recreatedTypes.some((t) => holdsType(o, t))) retyped.add(encodeId(o.id));
    }
  }
  if (!retyped.size) return changes;
  const touched = new Map(changes.map((c) => [encodeId(c.op === 'create' ? c.to.id : c.from.id), c]));
  const out = [...changes];
  const column = (schema: string, table: string, name: string) => encodeId({ kind: 'column', schema, table, name } satisfies ColumnObject['id']);
  for (const [key, from] of current.objects) {
    if (from.kind !== 'constraint' || from.type !== 'foreignKey' || !from.references) continue;
    const to = desired.objects.get(key);
    if (to?.kind !== 'constraint') continue;
    const own = from.columns.some((c) => retyped.has(column(from.id.schema, from.id.table, c)));
    const ref = from.references;
    if (!own || !ref.columns.some((c) => retyped.has(column(ref.schema, ref.table, c)))) continue;
    markRebuilt(out, touched.get(key), from, to);
  }
  return out;
}
