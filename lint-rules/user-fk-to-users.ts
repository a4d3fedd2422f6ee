import { z } from 'zod';
import { appTables, columnsOf, constraintsOf, tableSql } from '../src/lint/helpers.ts';
import { defineRule } from '../src/lint/rule.ts';
import { ident, qualified } from '../src/sql/quote.ts';

const qualifiedName = z.string().regex(/^[^.]+\.[^.]+$/, 'expected schema.table');

export default defineRule({
  name: 'user-fk-to-users',
  meta: {
    description: 'Columns that reference a user (userId, createdBy, …) have a foreign key to the application users table, never to auth.users.',
    defaultSeverity: 'error',
    messages: {
      missing: 'column "{{column}}" references a user but has no foreign key to {{users}}',
      authUsers: 'column "{{column}}" references {{target}}; reference the application table {{users}} instead',
      otherTarget: 'column "{{column}}" references {{target}}, not {{users}}',
    },
    options: z.strictObject({
      columns: z.array(z.string()),
      users: qualifiedName,
      usersColumn: z.string(),
      /** Tables that must never be referenced (Supabase's auth.users is managed by the platform). */
      forbidden: z.array(qualifiedName),
    }),
  },
  defaultOptions: {
    columns: ['userId', 'user_id', 'createdBy', 'created_by', 'updatedBy', 'updated_by', 'ownerId', 'owner_id', 'authorId', 'author_id', 'invitedBy', 'invited_by', 'deletedBy', 'deleted_by'],
    users: 'public.users',
    usersColumn: 'id',
    forbidden: ['auth.users'],
  },
  check(ctx) {
    const [uSchema, uTable] = ctx.options.users.split('.') as [string, string];
    const users = qualified(uSchema, uTable);
    for (const table of appTables(ctx.catalog, ctx.schemas)) {
      const fks = constraintsOf(ctx.catalog, table.id).filter((c) => c.type === 'foreignKey' && c.references);
      for (const col of columnsOf(ctx.catalog, table.id)) {
        if (!ctx.options.columns.includes(col.id.name)) continue;
        const mine = fks.filter((fk) => fk.columns.length === 1 && fk.columns[0] === col.id.name);
        const good = mine.some((fk) => fk.references!.schema === uSchema && fk.references!.table === uTable && fk.references!.columns[0] === ctx.options.usersColumn);
        if (good) continue;
        const add = `ALTER TABLE ${tableSql(table.id)} ADD CONSTRAINT ${ident(`${table.id.name}_${col.id.name}_fkey`)} FOREIGN KEY (${ident(col.id.name)}) REFERENCES ${users} (${ident(ctx.options.usersColumn)});`;
        const data = { column: col.id.name, users };
        if (!mine.length) {
          ctx.report({ messageId: 'missing', target: col.id, data, fix: add });
          continue;
        }
        for (const fk of mine) {
          const ref = fk.references!;
          const target = qualified(ref.schema, ref.table);
          const forbidden = ctx.options.forbidden.includes(`${ref.schema}.${ref.table}`);
          const drop = `ALTER TABLE ${tableSql(table.id)} DROP CONSTRAINT ${ident(fk.id.name)};`;
          ctx.report({ messageId: forbidden ? 'authUsers' : 'otherTarget', target: fk.id, data: { ...data, target }, fix: `${drop}\n${add}` });
        }
      }
    }
  },
});
