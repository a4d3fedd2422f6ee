import { z } from 'zod';
import { foreignKeys, indexesOf, constraintsOf, tableIdOf, tableSql } from '../src/lint/helpers.ts';
import { defineRule } from '../src/lint/rule.ts';
import { identList, ident } from '../src/sql/quote.ts';

/** An index serves a foreign key when the key's columns are its leading columns, in any order. */
export function covers(indexColumns: readonly string[], fkColumns: readonly string[]): boolean {
  if (indexColumns.length < fkColumns.length) return false;
  const lead = new Set(indexColumns.slice(0, fkColumns.length));
  return fkColumns.every((c) => lead.has(c));
}

export default defineRule({
  name: 'fk-index',
  meta: {
    description: 'Foreign key columns are covered by an index whose leading columns are the key (deletes on the referenced table and joins scan otherwise).',
    defaultSeverity: 'warn',
    messages: { missing: 'foreign key {{constraint}} ({{columns}}) has no index with these leading columns' },
    options: z.strictObject({ countPartialIndexes: z.boolean() }),
  },
  defaultOptions: { countPartialIndexes: false },
  check(ctx) {
    for (const fk of foreignKeys(ctx.catalog, ctx.schemas)) {
      const table = tableIdOf(fk);
      const indexes = indexesOf(ctx.catalog, table).filter((i) => ctx.options.countPartialIndexes || !i.partial);
      // Primary keys and unique constraints are indexes too; the catalog lists them as index objects as well,
      // but a hand-built catalog may not, so count the constraints' columns directly.
      const keyed = constraintsOf(ctx.catalog, table).filter((c) => c.type === 'primaryKey' || c.type === 'unique').map((c) => c.columns);
      if ([...indexes.map((i) => i.columns), ...keyed].some((cols) => covers(cols, fk.columns))) continue;
      const name = `${fk.id.table}_${fk.columns.join('_')}_idx`.slice(0, 63);
      ctx.report({
        messageId: 'missing',
        target: fk.id,
        data: { constraint: fk.id.name, columns: fk.columns.join(', ') },
        fix: `CREATE INDEX ${ident(name)} ON ${tableSql(table)} (${identList(fk.columns)});`,
      });
    }
  },
});
