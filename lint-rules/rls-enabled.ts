import { z } from 'zod';
import { appTables, tableSql } from '../src/lint/helpers.ts';
import { defineRule } from '../src/lint/rule.ts';

export default defineRule({
  name: 'rls-enabled',
  meta: {
    description: 'Every table in a managed schema has row level security enabled.',
    defaultSeverity: 'error',
    messages: {
      disabled: 'table {{table}} does not enable row level security',
      notForced: 'table {{table}} enables row level security but does not force it for the owner',
    },
    options: z.strictObject({ requireForce: z.boolean() }),
  },
  defaultOptions: { requireForce: false },
  check(ctx) {
    for (const table of appTables(ctx.catalog, ctx.schemas)) {
      const name = tableSql(table.id);
      if (!table.rls) ctx.report({ messageId: 'disabled', target: table.id, data: { table: name }, fix: `ALTER TABLE ${name} ENABLE ROW LEVEL SECURITY;` });
      else if (ctx.options.requireForce && !table.forceRls) ctx.report({ messageId: 'notForced', target: table.id, data: { table: name }, fix: `ALTER TABLE ${name} FORCE ROW LEVEL SECURITY;` });
    }
  },
});
