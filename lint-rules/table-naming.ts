import { z } from 'zod';
import { appTables, isCamelCase, isPascalCase, isPlural, isSnakeCase, plural, singular, tableSql, toCamel, toPascal, toSnake, words } from '../src/lint/helpers.ts';
import { defineRule } from '../src/lint/rule.ts';
import { ident } from '../src/sql/quote.ts';

const CASES = {
  snake_case: { test: isSnakeCase, convert: toSnake },
  camelCase: { test: isCamelCase, convert: toCamel },
  PascalCase: { test: isPascalCase, convert: toPascal },
} as const;

export default defineRule({
  name: 'table-naming',
  meta: {
    description: 'Table names follow the configured case (snake_case by default) and number (plural, singular or either).',
    defaultSeverity: 'warn',
    messages: {
      wrongCase: 'table "{{table}}" is not {{convention}}; rename it to "{{suggested}}"',
      wrongNumber: 'table "{{table}}" should be {{number}}: "{{suggested}}"',
    },
    options: z.strictObject({
      convention: z.enum(['snake_case', 'camelCase', 'PascalCase']),
      number: z.enum(['plural', 'singular', 'any']),
      allow: z.array(z.string()),
    }),
  },
  defaultOptions: { convention: 'snake_case' as keyof typeof CASES, number: 'any' as 'plural' | 'singular' | 'any', allow: [] as string[] },
  check(ctx) {
    const { convention, number, allow } = ctx.options;
    const style = CASES[convention];
    for (const table of appTables(ctx.catalog, ctx.schemas)) {
      const name = table.id.name;
      if (allow.includes(name)) continue;
      const rename = (to: string) => `ALTER TABLE ${tableSql(table.id)} RENAME TO ${ident(to)};`;
      if (!style.test(name)) {
        const suggested = style.convert(name);
        ctx.report({ messageId: 'wrongCase', target: table.id, data: { table: name, convention, suggested }, fix: rename(suggested) });
        continue;
      }
      if (number === 'any' || isPlural(name) === (number === 'plural')) continue;
      const parts = words(name);
      const last = parts.pop()!;
      const suggested = style.convert([...parts, number === 'plural' ? plural(last) : singular(last)].join('_'));
      ctx.report({ messageId: 'wrongNumber', target: table.id, data: { table: name, number, suggested }, fix: rename(suggested) });
    }
  },
});
