import { buildCatalog, type Catalog, type Edge } from '../model/catalog.ts';
import type { Change } from '../model/change.ts';
import { encodeId, type ObjectId } from '../model/identity.ts';
import type { CatalogObject } from '../model/objects.ts';
import type { RenameHint } from '../desired/sources.ts';
import { err, ok, type Result, type UserError } from '../errors.ts';
import { qualified } from '../sql/quote.ts';

/**
 * Declared renames, applied to the current catalog before diffing: a table or column that exists under its old
 * name (and not under the new one) is renamed in place and re-keyed, so the diff sees it as the same object.
 * A hint that already happened is satisfied silently (plans converge). A column hint on an existing table
 * that matches neither name is an error; so is a table hint when the schema has tables but neither name.
 */
export function applyRenames(current: Catalog, desired: Catalog, hints: readonly RenameHint[]): Result<{ current: Catalog; changes: Change[] }, UserError> {
  let objects = [...current.objects.values()];
  let edges = [...current.edges];
  const changes: Change[] = [];
  const has = (id: ObjectId) => objects.some((o) => encodeId(o.id) === encodeId(id));
  for (const h of [...hints].sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'table' ? -1 : 1))) {
    if (h.kind === 'table') {
      const oldId = { kind: 'table' as const, schema: h.schema, name: h.from };
      const newId = { kind: 'table' as const, schema: h.schema, name: h.to };
      if (has(newId)) continue;
      if (!has(oldId)) {
        if (objects.some((o) => o.kind === 'table' && o.id.schema === h.schema)) {
          return err({ code: 'desired-sql', message: `rename hint: table ${h.schema}.${h.from} does not exist in the target, nor ${h.schema}.${h.to}`, object: `table ${h.schema}.${h.to}`, hint: 'remove the renamedFrom hint or fix the old name' });
        }
        continue;
      }
      const from = objects.find((o) => encodeId(o.id) === encodeId(oldId))!;
      ({ objects, edges } = rekey(objects, edges, (o) => retable(o, h.schema, h.from, h.to)));
      changes.push({ op: 'rename', from, to: desired.objects.get(encodeId(newId)) ?? retable(from, h.schema, h.from, h.to) });
    } else {
      const table = { kind: 'table' as const, schema: h.schema, name: h.table };
      const oldId = { kind: 'column' as const, schema: h.schema, table: h.table, name: h.from };
      const newId = { kind: 'column' as const, schema: h.schema, table: h.table, name: h.to };
      if (!has(table) || has(newId)) continue;
      if (!has(oldId)) {
        return err({ code: 'desired-sql', message: `rename hint: column ${h.table}.${h.from} does not exist in the target, nor ${h.table}.${h.to}`, object: `column ${h.schema}.${h.table}.${h.to}`, hint: 'remove the renamedFrom hint or fix the old name' });
      }
      const from = objects.find((o) => encodeId(o.id) === encodeId(oldId))!;
      const renamed = { ...from, id: newId } as CatalogObject;
      ({ objects, edges } = rekey(objects, edges, (o) => (encodeId(o.id) === encodeId(oldId) ? renamed : o)));
      changes.push({ op: 'rename', from, to: desired.objects.get(encodeId(newId)) ?? renamed });
    }
  }
  if (!changes.length) return ok({ current, changes });
  return ok({ current: buildCatalog(objects, edges, current.serverVersion), changes });
}

/**
 * The object as Postgres will show it after `ALTER TABLE from RENAME TO to`: re-keyed, and the table's name
 * replaced in the deparsed definitions that spell it (pg_get_indexdef's `ON s.t`, a trigger's `ON s.t`, a
 * foreign key's `REFERENCES s.t(`), which Postgres itself re-renders from OIDs.
 */
function retable(o: CatalogObject, schema: string, from: string, to: string): CatalogObject {
  const oldName = qualified(schema, from);
  const newName = qualified(schema, to);
  if (o.kind === 'table' && o.id.schema === schema && o.id.name === from) return { ...o, id: { ...o.id, name: to } };
  if (o.kind === 'index' && o.id.schema === schema && o.table === from) {
    return { ...o, table: to, definition: o.definition.replace(` ON ${oldName} `, ` ON ${newName} `).replace(` ON ONLY ${oldName} `, ` ON ONLY ${newName} `) };
  }
  if (o.kind === 'constraint' && o.type === 'foreignKey' && o.references?.schema === schema && o.references.table === from) {
    o = { ...o, references: { ...o.references, table: to }, definition: o.definition.replace(`REFERENCES ${oldName}(`, `REFERENCES ${newName}(`) };
  }
  if (o.kind === 'trigger' && o.id.schema === schema && o.id.table === from) {
    return { ...o, id: { ...o.id, table: to }, definition: o.definition.replace(` ON ${oldName} `, ` ON ${newName} `) };
  }
  if ('table' in o.id && o.id.schema === schema && o.id.table === from) return { ...o, id: { ...o.id, table: to } } as CatalogObject;
  return o;
}

function rekey(objects: CatalogObject[], edges: Edge[], map: (o: CatalogObject) => CatalogObject): { objects: CatalogObject[]; edges: Edge[] } {
  const keys = new Map<string, string>();
  const next = objects.map((o) => {
    const n = map(o);
    if (n !== o) keys.set(encodeId(o.id), encodeId(n.id));
    return n;
  });
  return { objects: next, edges: edges.map((e) => ({ from: keys.get(e.from) ?? e.from, to: keys.get(e.to) ?? e.to })) };
}
