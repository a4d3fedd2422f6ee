import { z } from 'zod';
import { appTables, columnsOf, isCamelCase, isSnakeCase, tableSql, toCamel, toSnake } from '../src/lint/helpers.ts';
import { defineRule } from '../src/lint/rule.ts';
import { ident } from '../src/sql/quote.ts';

export default defineRule({
  name: 'camel-case-columns',
  meta: {
    description: 'Column names follow one convention (camelCase by default, matching Prisma models).',
    defaultSeverity: 'warn',
    messages: { wrongCase: 'column "{{column}}" is not {{convention}}; rename it to "{{suggested}}"' },
    options: z.strictObject({
      convention: z.enum(['camelCase', 'snake_case']),
      /** Column names accepted as they are. */
      allow: z.array(z.string()),
    }),
  },
  defaultOptions: { convention: 'camelCase' as 'camelCase' | 'snake_case', allow: [] as string[] },
  check(ctx) {
    const { convention, allow } = ctx.options;
    const ok = convention === 'camelCase' ? isCamelCase : isSnakeCase;
    const convert = convention === 'camelCase' ? toCamel : toSnake;
    for (const table of appTables(ctx.catalog, ctx.schemas)) {
      for (const col of columnsOf(ctx.catalog, table.id)) {
        const name = col.id.name;
        if (ok(name) || allow.includes(name)) continue;
        const suggested = convert(name);
        ctx.report({
          messageId: 'wrongCase',
          target: col.id,
          data: { column: name, convention, suggested },
          fix: `ALTER TABLE ${tableSql(table.id)} RENAME COLUMN ${ident(name)} TO ${ident(suggested)};`,
        });
      }
    }
  },
});
