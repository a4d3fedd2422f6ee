import { z } from 'zod';
import { ofKind } from '../src/model/catalog.ts';
import type { TypeObject } from '../src/model/objects.ts';
import { enumeratedValues } from '../src/lint/check-values.ts';
import { appTables, columnsOf, constraintsOf, tableSql } from '../src/lint/helpers.ts';
import { defineRule } from '../src/lint/rule.ts';
import { ident, literal, qualified } from '../src/sql/quote.ts';

type EnumType = Extract<TypeObject, { variant: 'enum' }>;

export default defineRule({
  name: 'check-enumerates-values',
  meta: {
    description: 'A closed set of values is an enum type, not a CHECK listing the values (or the reverse, when configured).',
    defaultSeverity: 'warn',
    messages: {
      enumExists: 'CHECK {{constraint}} lists the values of enum {{enum}}; make "{{column}}" of type {{enum}}',
      shouldBeEnum: 'CHECK {{constraint}} enumerates {{count}} values of "{{column}}"; declare an enum type instead',
      useCheck: 'column "{{column}}" uses enum {{enum}}; this project prefers a CHECK constraint listing the values',
    },
    options: z.strictObject({
      prefer: z.enum(['enum', 'check']),
      /** Lists shorter than this are left alone (a two-value CHECK may be a boolean in disguise). */
      minValues: z.number().int().min(1),
    }),
  },
  defaultOptions: { prefer: 'enum' as 'enum' | 'check', minValues: 2 },
  check(ctx) {
    const enums = ofKind(ctx.catalog, 'type').filter((t): t is EnumType => t.variant === 'enum');
    const enumName = (e: EnumType) => qualified(e.id.schema, e.id.name);
    for (const table of appTables(ctx.catalog, ctx.schemas)) {
      const t = tableSql(table.id);
      if (ctx.options.prefer === 'check') {
        for (const col of columnsOf(ctx.catalog, table.id)) {
          const e = enums.find((x) => [x.id.name, `${x.id.schema}.${x.id.name}`, enumName(x)].includes(col.type));
          if (e) ctx.report({ messageId: 'useCheck', target: col.id, data: { column: col.id.name, enum: enumName(e) } });
        }
        continue;
      }
      for (const c of constraintsOf(ctx.catalog, table.id)) {
        if (c.type !== 'check') continue;
        const found = enumeratedValues(c.definition);
        if (!found || found.values.length < ctx.options.minValues) continue;
        const col = ident(found.column);
        const wanted = new Set(found.values);
        const match = enums.find((e) => found.values.every((v) => e.values.includes(v)) && e.values.length === wanted.size);
        const drop = `ALTER TABLE ${t} DROP CONSTRAINT ${ident(c.id.name)};`;
        const data = { constraint: c.id.name, column: found.column, count: found.values.length };
        if (match) {
          const alter = `ALTER TABLE ${t} ALTER COLUMN ${col} TYPE ${enumName(match)} USING ${col}::text::${enumName(match)};`;
          ctx.report({ messageId: 'enumExists', target: c.id, data: { ...data, enum: enumName(match) }, fix: `${drop}\n${alter}` });
        } else {
          const type = qualified(table.id.schema, `${table.id.name}_${found.column}`);
          const create = `CREATE TYPE ${type} AS ENUM (${found.values.map(literal).join(', ')});`;
          const alter = `ALTER TABLE ${t} ALTER COLUMN ${col} TYPE ${type} USING ${col}::text::${type};`;
          ctx.report({ messageId: 'shouldBeEnum', target: c.id, data, fix: `${create}\n${drop}\n${alter}` });
        }
      }
    }
  },
});
