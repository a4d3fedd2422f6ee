import { z } from 'zod';
import { appTables, policiesOf, tableSql } from '../src/lint/helpers.ts';
import { defineRule } from '../src/lint/rule.ts';

export default defineRule({
  name: 'policy-without-rls',
  meta: {
    description: 'Policies on a table with row level security disabled do nothing: every row is visible to every grantee.',
    defaultSeverity: 'error',
    messages: { inert: 'table {{table}} has {{count}} polic{{ies}} ({{names}}) but row level security is disabled, so none applies' },
    options: z.strictObject({}),
  },
  defaultOptions: {},
  check(ctx) {
    for (const table of appTables(ctx.catalog, ctx.schemas)) {
      if (table.rls) continue;
      const policies = policiesOf(ctx.catalog, table.id);
      if (!policies.length) continue;
      const t = tableSql(table.id);
      ctx.report({
        messageId: 'inert',
        target: table.id,
        data: { table: t, count: policies.length, ies: policies.length === 1 ? 'y' : 'ies', names: policies.map((p) => p.id.name).sort().join(', ') },
        fix: `ALTER TABLE ${t} ENABLE ROW LEVEL SECURITY;`,
      });
    }
  },
});
