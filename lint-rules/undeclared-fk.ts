import { z } from 'zod';
import { getObject } from '../src/model/catalog.ts';
import { appTables, columnsOf, constraintsOf, plural, tableSql, toCamel, toPascal, words } from '../src/lint/helpers.ts';
import { defineRule } from '../src/lint/rule.ts';
import type { TableObject } from '../src/model/objects.ts';
import { ident } from '../src/sql/quote.ts';

const ID_COLUMN = /^(.+?)(?:Id|_id|ID)$/;

/** Tables a `fooBarId` / `foo_bar_id` column plausibly points at: foo_bar, foo_bars, fooBar, FooBars, … */
export function candidateTables(stem: string): string[] {
  const w = words(stem);
  if (!w.length) return [];
  const pl = [...w.slice(0, -1), plural(w.at(-1)!)];
  const out = new Set<string>();
  for (const ws of [w, pl]) {
    out.add(ws.join('_'));
    out.add(toCamel(ws.join('_')));
    out.add(toPascal(ws.join('_')));
  }
  return [...out];
}

export default defineRule({
  name: 'undeclared-fk',
  meta: {
    description: 'A column named after another table (workflowId, workflow_id) is a declared foreign key of the same type as that table\'s key.',
    defaultSeverity: 'error',
    messages: {
      missing: 'column "{{column}}" looks like a reference to {{target}} but has no foreign key',
      typeMismatch: 'column "{{column}}" looks like a reference to {{target}} but is {{type}} while {{target}}.{{key}} is {{targetType}}, so no foreign key can be declared',
    },
    options: z.strictObject({ ignoreColumns: z.array(z.string()) }),
  },
  defaultOptions: { ignoreColumns: ['userId', 'user_id'] },
  check(ctx) {
    const tables = appTables(ctx.catalog, ctx.schemas);
    const byName = (schema: string, names: string[]): TableObject | undefined =>
      names.map((n) => tables.find((t) => t.id.schema === schema && t.id.name === n)).find(Boolean) ??
      names.map((n) => tables.find((t) => t.id.name === n)).find(Boolean);
    for (const table of tables) {
      const fkColumns = new Set(constraintsOf(ctx.catalog, table.id).filter((c) => c.type === 'foreignKey').flatMap((c) => c.columns));
      for (const col of columnsOf(ctx.catalog, table.id)) {
        const m = ID_COLUMN.exec(col.id.name);
        if (!m || fkColumns.has(col.id.name) || ctx.options.ignoreColumns.includes(col.id.name)) continue;
        const target = byName(table.id.schema, candidateTables(m[1]!));
        if (!target || (target.id.schema === table.id.schema && target.id.name === table.id.name)) continue;
        const pk = constraintsOf(ctx.catalog, target.id).find((c) => c.type === 'primaryKey' && c.columns.length === 1);
        if (!pk) continue;
        const key = pk.columns[0]!;
        const keyCol = getObject(ctx.catalog, { kind: 'column', schema: target.id.schema, table: target.id.name, name: key });
        if (!keyCol || keyCol.kind !== 'column') continue;
        const data = { column: col.id.name, target: tableSql(target.id), key: ident(key), type: col.type, targetType: keyCol.type };
        const addFk = `ALTER TABLE ${tableSql(table.id)} ADD CONSTRAINT ${ident(`${table.id.name}_${col.id.name}_fkey`)} FOREIGN KEY (${ident(col.id.name)}) REFERENCES ${tableSql(target.id)} (${ident(key)});`;
        if (col.type !== keyCol.type) {
          const alter = `ALTER TABLE ${tableSql(table.id)} ALTER COLUMN ${ident(col.id.name)} TYPE ${keyCol.type} USING ${ident(col.id.name)}::${keyCol.type};`;
          ctx.report({ messageId: 'typeMismatch', target: col.id, data, fix: `${alter}\n${addFk}` });
        } else ctx.report({ messageId: 'missing', target: col.id, data, fix: addFk });
      }
    }
  },
});
