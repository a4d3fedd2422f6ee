import { z } from 'zod';
import { appTables, columnsOf, tableSql } from '../src/lint/helpers.ts';
import { defineRule } from '../src/lint/rule.ts';
import { ident } from '../src/sql/quote.ts';

export default defineRule({
  name: 'timestamps-present',
  meta: {
    description: 'Every table has createdAt and updatedAt columns of type timestamptz, NOT NULL with a default.',
    defaultSeverity: 'warn',
    messages: {
      missing: 'table {{table}} has no "{{column}}" column',
      wrongType: 'column "{{column}}" is {{type}}; use {{expected}}',
      nullable: 'column "{{column}}" is nullable or has no default; use NOT NULL DEFAULT now()',
    },
    options: z.strictObject({
      columns: z.array(z.string()),
      type: z.string(),
      /** Tables exempt from the rule (e.g. append-only logs without updatedAt). */
      exempt: z.array(z.string()),
    }),
  },
  defaultOptions: { columns: ['createdAt', 'updatedAt'], type: 'timestamp with time zone', exempt: [] as string[] },
  check(ctx) {
    const { type } = ctx.options;
    for (const table of appTables(ctx.catalog, ctx.schemas)) {
      if (ctx.options.exempt.includes(table.id.name) || ctx.options.exempt.includes(`${table.id.schema}.${table.id.name}`)) continue;
      const t = tableSql(table.id);
      const columns = columnsOf(ctx.catalog, table.id);
      for (const name of ctx.options.columns) {
        const col = columns.find((c) => c.id.name === name);
        if (!col) {
          ctx.report({ messageId: 'missing', target: table.id, data: { table: t, column: name }, fix: `ALTER TABLE ${t} ADD COLUMN ${ident(name)} ${type} NOT NULL DEFAULT now();` });
        } else if (col.type !== type) {
          ctx.report({ messageId: 'wrongType', target: col.id, data: { column: name, type: col.type, expected: type }, fix: `ALTER TABLE ${t} ALTER COLUMN ${ident(name)} TYPE ${type};` });
        } else if (!col.notNull || !col.default) {
          ctx.report({ messageId: 'nullable', target: col.id, data: { column: name }, fix: `ALTER TABLE ${t} ALTER COLUMN ${ident(name)} SET DEFAULT now(), ALTER COLUMN ${ident(name)} SET NOT NULL;` });
        }
      }
    }
  },
});
