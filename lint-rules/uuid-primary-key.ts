import { z } from 'zod';
import { columnsOf, constraintsOf, appTables, tableSql } from '../src/lint/helpers.ts';
import { defineRule } from '../src/lint/rule.ts';
import { ident } from '../src/sql/quote.ts';

// Introspection prints functions outside pg_catalog schema-qualified; options are usually written without.
const unqualified = (expr: string) => expr.replace(/^(?:[a-z_][\w$]*|"[^"]+")\./i, '');

export default defineRule({
  name: 'uuid-primary-key',
  meta: {
    description: 'Primary keys are a single uuid column defaulting to gen_random_uuid() (no serial, bigserial or identity integers).',
    defaultSeverity: 'error',
    messages: {
      missing: 'table {{table}} has no primary key',
      notUuid: 'primary key column "{{column}}" is {{type}}{{how}}; use uuid DEFAULT {{default}}',
      noDefault: 'primary key column "{{column}}" has no default; use DEFAULT {{default}}',
      wrongDefault: 'primary key column "{{column}}" defaults to {{actual}}; use {{default}}',
    },
    options: z.strictObject({
      /** Accepted default expressions, as Postgres prints them. The first is suggested in fixes. */
      defaults: z.array(z.string()).min(1),
      /** Composite keys (join tables) are allowed as they are. */
      allowComposite: z.boolean(),
      /** Tables without any primary key are reported. */
      requirePrimaryKey: z.boolean(),
    }),
  },
  defaultOptions: { defaults: ['gen_random_uuid()'], allowComposite: true, requirePrimaryKey: true },
  check(ctx) {
    const { defaults } = ctx.options;
    for (const table of appTables(ctx.catalog, ctx.schemas)) {
      const constraints = constraintsOf(ctx.catalog, table.id);
      const pk = constraints.find((c) => c.type === 'primaryKey');
      if (!pk) {
        if (ctx.options.requirePrimaryKey) ctx.report({ messageId: 'missing', target: table.id, data: { table: tableSql(table.id) } });
        continue;
      }
      if (pk.columns.length !== 1) {
        if (!ctx.options.allowComposite) ctx.report({ messageId: 'notUuid', target: pk.id, data: { column: pk.columns.join(', '), type: 'a composite key', how: '', default: defaults[0]! } });
        continue;
      }
      const col = columnsOf(ctx.catalog, table.id).find((c) => c.id.name === pk.columns[0]);
      const isForeignKey = (name: string) => constraints.some((c) => c.type === 'foreignKey' && c.columns.length === 1 && c.columns[0] === name);
      if (!col) continue;
      const alter = `ALTER TABLE ${tableSql(table.id)} ALTER COLUMN ${ident(col.id.name)}`;
      if (col.type !== 'uuid') {
        const how = col.identity ? ` (identity)` : col.default?.startsWith('nextval(') ? ' (serial)' : '';
        ctx.report({ messageId: 'notUuid', target: col.id, data: { column: col.id.name, type: col.type, how, default: defaults[0]! } });
      } else if (isForeignKey(pk.columns[0]!)) {
        // A key copied from the referenced row (public.users.id = auth.users.id) needs no default of its own.
        continue;
      } else if (!col.default) {
        ctx.report({ messageId: 'noDefault', target: col.id, data: { column: col.id.name, default: defaults[0]! }, fix: `${alter} SET DEFAULT ${defaults[0]};` });
      } else if (!defaults.some((d) => unqualified(d) === unqualified(col.default!))) {
        ctx.report({ messageId: 'wrongDefault', target: col.id, data: { column: col.id.name, actual: col.default, default: defaults[0]! }, fix: `${alter} SET DEFAULT ${defaults[0]};` });
      }
    }
  },
});
