import { z } from 'zod';
import { appTables, columnsOf, constraintsOf, indexesOf, tableSql } from '../src/lint/helpers.ts';
import { defineRule } from '../src/lint/rule.ts';

export default defineRule({
  name: 'no-natural-key',
  meta: {
    description: 'A table whose only unique key is a generated surrogate primary key accepts the same row twice; declare its natural key UNIQUE.',
    defaultSeverity: 'info',
    messages: {
      missing: 'table {{table}} has no unique key besides its generated primary key "{{column}}": nothing prevents duplicate rows; declare the natural key (or a partial unique index) UNIQUE',
    },
    options: z.strictObject({}),
  },
  defaultOptions: {},
  check(ctx) {
    for (const table of appTables(ctx.catalog, ctx.schemas)) {
      const constraints = constraintsOf(ctx.catalog, table.id);
      const pk = constraints.find((c) => c.type === 'primaryKey');
      if (!pk || pk.columns.length !== 1) continue;
      const col = columnsOf(ctx.catalog, table.id).find((c) => c.id.name === pk.columns[0]);
      // Only a value the database makes up (serial, identity, gen_random_uuid()) says nothing about the row.
      if (!col || (!col.identity && !col.default)) continue;
      const samePk = (cols: readonly string[]) => cols.length === 1 && cols[0] === pk.columns[0];
      const otherUnique =
        constraints.some((c) => (c.type === 'unique' || c.type === 'exclusion') && !samePk(c.columns)) ||
        indexesOf(ctx.catalog, table.id).some((i) => i.unique && i.id.name !== pk.id.name && !samePk(i.columns));
      if (!otherUnique) ctx.report({ messageId: 'missing', target: table.id, data: { table: tableSql(table.id), column: col.id.name } });
    }
  },
});
