import { z } from 'zod';
import { appTables, policiesOf, tableSql } from '../src/lint/helpers.ts';
import { defineRule } from '../src/lint/rule.ts';

export default defineRule({
  name: 'rls-without-policy',
  meta: {
    description: 'A table with row level security enabled and no policy denies every row to every role except the owner and BYPASSRLS roles.',
    defaultSeverity: 'warn',
    messages: { noPolicy: 'table {{table}} enables row level security but has no policy: only its owner and BYPASSRLS roles can read or write it' },
    options: z.strictObject({}),
  },
  defaultOptions: {},
  check(ctx) {
    for (const table of appTables(ctx.catalog, ctx.schemas)) {
      if (table.rls && !policiesOf(ctx.catalog, table.id).length) ctx.report({ messageId: 'noPolicy', target: table.id, data: { table: tableSql(table.id) } });
    }
  },
});
