import { z } from 'zod';
import { columnsOf, foreignKeys, tableIdOf, tableSql } from '../src/lint/helpers.ts';
import { defineRule } from '../src/lint/rule.ts';
import { ident, qualified } from '../src/sql/quote.ts';

export default defineRule({
  name: 'fk-type-mismatch',
  meta: {
    description: 'A foreign key column has exactly the type of the column it references.',
    defaultSeverity: 'error',
    messages: { mismatch: 'column "{{column}}" is {{type}} but references {{target}}, which is {{targetType}}' },
    options: z.strictObject({}),
  },
  defaultOptions: {},
  check(ctx) {
    for (const fk of foreignKeys(ctx.catalog, ctx.schemas)) {
      const ref = fk.references;
      if (!ref) continue;
      const own = columnsOf(ctx.catalog, tableIdOf(fk));
      const theirs = columnsOf(ctx.catalog, { kind: 'table', schema: ref.schema, name: ref.table });
      fk.columns.forEach((name, i) => {
        const col = own.find((c) => c.id.name === name);
        const target = theirs.find((c) => c.id.name === ref.columns[i]);
        if (!col || !target || col.type === target.type) return;
        ctx.report({
          messageId: 'mismatch',
          target: col.id,
          data: { column: name, type: col.type, target: `${qualified(ref.schema, ref.table)}(${ident(target.id.name)})`, targetType: target.type },
          fix: `ALTER TABLE ${tableSql(tableIdOf(fk))} ALTER COLUMN ${ident(name)} TYPE ${target.type} USING ${ident(name)}::${target.type};`,
        });
      });
    }
  },
});
